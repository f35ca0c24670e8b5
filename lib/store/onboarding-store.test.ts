import { afterEach, describe, expect, it } from 'vitest';
import { dropStores, freshStore } from './test-helpers';
import { loadOnboarding, saveOnboarding } from './onboarding-store';
import { settingsRowSchema } from './tables/settings';

afterEach(dropStores);

describe('guided start row', () => {
  it('is stored in its own settings row, apart from the settings object, in a shape backups accept', async () => {
    const db = await freshStore();
    expect(await loadOnboarding(db)).toBeUndefined();
    const state = { version: 1, status: 'skipped', current: 'history', done: ['channels', 'leadTimes'] };
    await saveOnboarding(db, state, new Date('2026-11-20T18:00:00Z'));
    expect(await loadOnboarding(db)).toEqual(state);
    const rows = await db.settings.toArray();
    expect(rows.map((r) => r.id)).toEqual(['onboarding']);
    // Backups validate every settings row with this schema (lib/store/backup*.ts).
    expect(settingsRowSchema.safeParse(rows[0]).success).toBe(true);
  });
});

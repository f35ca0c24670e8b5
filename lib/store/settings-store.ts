/**
 * The settings object, stored raw in the `settings` table (tables/settings.ts): lib/settings
 * validates and migrates it, so a settings change never needs a database migration.
 */
import type { StoreDb } from './db';
import { SETTINGS_ROW_ID, type SettingsRow } from './tables/settings';

/** The stored settings object as saved (lib/settings validates and migrates it), or undefined. */
export async function loadSettings(db: StoreDb): Promise<unknown> {
  return (await db.settings.get(SETTINGS_ROW_ID))?.value;
}

/**
 * Changes the stored settings object in one transaction and returns what was stored: two changes
 * at once (a seller hiding panels on two pages, or hiding and showing again quickly) both count,
 * since neither reads the settings before the other's write.
 * @example await updateSettings(db, (stored) => ({ ...migrateSettings(stored), language: 'en' }), new Date())
 */
export function updateSettings<T>(db: StoreDb, change: (stored: unknown) => T, now: Date): Promise<T> {
  return updateSettingsRow(db, SETTINGS_ROW_ID, change, now);
}

/**
 * Changes one row of the `settings` table (the settings object, the taught columns, …) in one
 * transaction: read, change, write, with no other change of that row in between.
 * @example await updateSettingsRow(db, TAUGHT_COLUMNS_ROW_ID, (stored) => [...(stored as unknown[] ?? []), column], new Date())
 */
export function updateSettingsRow<T>(db: StoreDb, id: SettingsRow['id'], change: (stored: unknown) => T, now: Date): Promise<T> {
  return db.transaction('rw', db.settings, async () => {
    const next = change((await db.settings.get(id))?.value);
    await db.settings.put({ id, value: next, updatedAt: now.toISOString() });
    return next;
  });
}

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fbaPlan } from '../planning/test-capacity';
import { defaultSettings } from '../settings/schema';
import { savePlans, saveSettings } from '../store';
import { dropStores, freshStore } from '../store/test-helpers';
import { withSharedCapacity } from './fba-capacity-plans';

afterEach(dropStores);

const NOW = new Date('2026-03-02T12:00:00Z');

describe('FBA capacity shared over the cached plans', () => {
  it('lets a re-planned product compete with the cached stocks of its marketplace and returns the cached ones it moves', async () => {
    const db = await freshStore('capacity-plans');
    const settings = defaultSettings();
    settings.fbaFees.capacityCubicFeetByMarketplace = { 'amazon.com': 100 };
    await saveSettings(db, settings, NOW);
    // Cached alone, A's 50 fit beside the 40 units held.
    const cachedA = fbaPlan('A', 50, '2026-03-15');
    await savePlans(db, [cachedA, fbaPlan('IDLE', 0, null, { fbaCapacityClaim: undefined })]);
    // B runs out first: its whole shipment goes, A now gets what is left.
    const out = await withSharedCapacity(db, [fbaPlan('B', 50, '2026-03-10')], false);
    expect(out.map((p) => p.key)).toEqual(['amazon|amazon.com|B', 'amazon|amazon.com|A']);
    expect(out[0]!.fbaCapacity).toBeUndefined();
    expect(out[1]!.fbaCapacity).toMatchObject({ sendUnits: 10, holdUnits: 40 });
    // A whole-store re-plan has every plan already: nothing cached joins.
    expect((await withSharedCapacity(db, [fbaPlan('B', 50, '2026-03-10')], true)).map((p) => p.key)).toEqual(['amazon|amazon.com|B']);
  });

  it('leaves the plans as they are where no limit is set', async () => {
    const db = await freshStore('capacity-plans');
    const plans = [fbaPlan('B', 500, '2026-03-10')];
    expect(await withSharedCapacity(db, plans, false)).toEqual(plans);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fbaPlan } from '../planning/test-capacity';
import { defaultSettings } from '../settings/schema';
import { EMPTY_ACCOUNTS } from '../accounts/registry';
import { saveAccounts, savePlans, updateSettings } from '../store';
import { dropStores, freshStore } from '../store/test-helpers';
import { withSharedCapacity } from './fba-capacity-plans';

afterEach(dropStores);

const NOW = new Date('2026-03-02T12:00:00Z');

describe('FBA capacity shared over the cached plans', () => {
  it('lets a re-planned product compete with the cached stocks of its marketplace and returns the cached ones it moves', async () => {
    const db = await freshStore('capacity-plans');
    const settings = defaultSettings();
    settings.fbaFees.capacityCubicFeetByMarketplace = { 'amazon.com': 100 };
    await updateSettings(db, () => settings, NOW);
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

  it("shares each seller account's own limit (its override, else the global one) among that account's stocks only", async () => {
    const db = await freshStore('capacity-plans');
    const settings = defaultSettings();
    settings.fbaFees.capacityCubicFeetByMarketplace = { 'amazon.com': 100 };
    await updateSettings(db, () => settings, NOW);
    const overrides = { 'amazon-b': { fbaFees: { capacityCubicFeetByMarketplace: { 'amazon.com': 60 } } } };
    await saveAccounts(db, { ...EMPTY_ACCOUNTS, accounts: [...EMPTY_ACCOUNTS.accounts, { id: 'amazon-b', name: 'B', sellers: [] }], overrides }, NOW);
    const ofB = (sku: string) => ({
      key: `amazon|amazon.com|${sku}|@amazon-b`,
      listingKeys: [`amazon|amazon.com|${sku}|@amazon-b`],
      productId: `${sku}|@amazon-b`,
    });
    // The default account's A is cached; account b's stock of the same SKU is re-planned and runs out first.
    await savePlans(db, [fbaPlan('A', 50, '2026-03-15')]);
    const out = await withSharedCapacity(db, [fbaPlan('A', 50, '2026-03-10', ofB('A'))], false);
    // b: 20 held + 50 over its 60 sends 40; the default account's A is not moved (its 100 takes 20 + 50).
    expect(out.map((p) => p.key)).toEqual(['amazon|amazon.com|A|@amazon-b']);
    expect(out[0]!.fbaCapacity).toEqual({ limitCubicFeet: 60, sendUnits: 40, holdUnits: 10, date: '2026-03-02' });
  });

  it('finds the cached stocks of the limited marketplace by their listings: a pool plan through any of them, other marketplaces left out', async () => {
    const db = await freshStore('capacity-plans');
    const settings = defaultSettings();
    settings.fbaFees.capacityCubicFeetByMarketplace = { 'amazon.com': 100, 'amazon.de': 100 };
    await updateSettings(db, () => settings, NOW);
    // The NA pool of POOL covers a Canadian listing first and an amazon.com one; DE holds stock in another limit.
    const pool = fbaPlan('POOL', 50, '2026-03-12', {
      key: 'pool:POOL@fba:NA',
      scope: 'pool',
      listingKeys: ['amazon|amazon.ca|POOL', 'amazon|amazon.com|POOL'],
    });
    const de = fbaPlan('DE', 50, '2026-03-01', {
      key: 'amazon|amazon.de|DE',
      listingKeys: ['amazon|amazon.de|DE'],
      fbaCapacityClaim: { ...fbaPlan('DE', 50, null).fbaCapacityClaim!, marketplace: 'amazon.de' },
    });
    await savePlans(db, [pool, fbaPlan('A', 50, '2026-03-15'), de]);
    const out = await withSharedCapacity(db, [fbaPlan('B', 50, '2026-03-10')], false);
    // B, POOL and A hold 20 each at FBA (DE's 20 count against amazon.de's limit): B, first to run
    // out, sends the 40 left and holds 10; POOL and A then hold their whole shipments.
    expect(out.map((p) => [p.key, p.fbaCapacity?.holdUnits ?? 0])).toEqual([
      ['amazon|amazon.com|B', 10],
      ['amazon|amazon.com|A', 50],
      ['pool:POOL@fba:NA', 50],
    ]);
  });

  it('leaves the plans as they are where no limit is set', async () => {
    const db = await freshStore('capacity-plans');
    const plans = [fbaPlan('B', 500, '2026-03-10')];
    expect(await withSharedCapacity(db, plans, false)).toEqual(plans);
  });
});

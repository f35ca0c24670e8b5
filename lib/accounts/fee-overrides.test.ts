/**
 * A seller account's own low-inventory-level rates and WFS storage amounts: planned with, per
 * account, on the same history; and kept by a backup round trip (the overrides live in the
 * accounts row of the settings table).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogueFit } from '../planning';
import { fbaFees } from '../planning/decisions/fba-fees';
import { situation, through } from '../planning/decisions/test-situation';
import { wfsFees } from '../planning/decisions/wfs-fees';
import type { FbaFacts } from '../planning/fees-facts';
import type { SkuPlan } from '../planning/types';
import { accountOfKey, listingKey, type Observation } from '../records';
import { defaultSettings, type Settings } from '../settings/schema';
import { exportBackup, loadAccounts, restoreBackup, saveAccounts } from '../store';
import { dropStores, freshStore, listingObs } from '../store/test-helpers';
import { planByAccount } from './plan';
import { EMPTY_ACCOUNTS, parseAccountsDoc } from './registry';
import { settingsForAccount, type AccountOverrides } from './settings';
import { onHandPairs } from '../planning/fees-history';

afterEach(dropStores);

const B = 'amazon-b';
const NOW = new Date('2026-03-01T12:00:00Z');

/** Account b pays twice the published small-standard low-inventory rates and its own WFS amounts. */
const B_OVERRIDES: AccountOverrides = {
  fbaFees: { lowInventoryPerUnit: [{ tier: 'small-standard', overWeightOz: 0, upToWeightOz: null, perUnitMinor: [178, 126, 64] }] },
  storageFees: { wfsPerCubicFoot: { storage: 150 } },
};
const DOC = { overrides: { [B]: B_OVERRIDES } };

/** The global settings with SKU-1's size and volume known (the fees are priced, never unknown). */
function globalSettings(): Settings {
  const settings = defaultSettings();
  settings.fbaFees.sizeBySku['SKU-1'] = { tier: 'small-standard', shippingWeightOz: 8 };
  settings.storageFees.unitCubicFeetBySku['SKU-1'] = 0.01;
  return settings;
}

/** A lean FBA stock read every day: 80 to 210 units on hand selling 10 a day (historical days of supply about 14). */
const LEAN: FbaFacts = {
  marketplace: 'amazon.com',
  readings: onHandPairs(Array.from({ length: 200 }, (_, i) => ({ day: Math.floor(NOW.getTime() / 86_400_000) - 199 + i, onHand: 210 - (i % 14) * 10 }))),
  shown: null,
};

describe("a seller account's own low-inventory and WFS rates", () => {
  it("prices the same FBA history at each account's low-inventory rates: two accounts on amazon.com, two amounts at stake", () => {
    const observations: Observation[] = [listingObs('SKU-1', '2026-03-01T10:00:00Z'), listingObs('SKU-1', '2026-03-01T10:00:00Z', { account: B })];
    const atStake = new Map<string, number | null>();
    // The planner of each account's run: the fee decision over the same lean history, with the settings planByAccount gives that account.
    const planner = (rows: readonly Observation[], settings: Settings) => {
      const d = through(fbaFees, situation({ available: 600, fba: LEAN }, { settings }));
      atStake.set(accountOfKey(listingKey(rows[0] as Extract<Observation, { kind: 'listing' }>)), d.fees!.windows[1]!.lowInventoryMinor);
      return { plans: [] as SkuPlan[], fit: { forecastContext: {}, abcOf: {} } as unknown as CatalogueFit };
    };
    planByAccount(observations, globalSettings(), DOC, NOW, {}, planner);
    const own = atStake.get(B)!;
    const published = atStake.get('default')!;
    expect(published).toBeGreaterThan(0);
    // Every band's rate doubled: the amount at stake doubles (rounding aside).
    expect(own).toBeGreaterThan(published);
    expect(Math.abs(own - 2 * published)).toBeLessThanOrEqual(2);
  });

  it("charges account b's WFS storage rate on b's WFS pool; the default account keeps the published one", () => {
    const wfs = { platform: 'walmart' as const, marketplace: 'walmart.com', poolId: 'wfs:walmart.com', destination: 'WFS' as const, available: 3000 };
    const storage = (account: string) => {
      const settings = settingsForAccount(globalSettings(), DOC, account);
      return through(wfsFees, situation({ ...wfs, key: listingKey({ ...wfs, sku: 'SKU-1', account }) }, { settings })).fees!.windows[0]!;
    };
    const own = storage(B);
    const published = storage('default');
    expect(published.storageMinor).toBeGreaterThan(0);
    expect(Math.abs(own.storageMinor! - 2 * published.storageMinor!)).toBeLessThanOrEqual(1);
    // Long-term storage is not overridden by b: the published amount, not zero.
    expect(settingsForAccount(globalSettings(), DOC, B).storageFees.wfsPerCubicFoot).toEqual({ storage: 150, longTerm: 750 });
  });

  it('keeps the overrides through a backup and restore, and plans with them after', async () => {
    const db = await freshStore('fee-overrides');
    const doc = { ...EMPTY_ACCOUNTS, accounts: [...EMPTY_ACCOUNTS.accounts, { id: B, name: 'Brand B', sellers: [] }], overrides: { [B]: B_OVERRIDES } };
    await saveAccounts(db, doc, NOW);
    const text = await exportBackup(db, NOW);
    const other = await freshStore('fee-overrides');
    await restoreBackup(other, text, NOW);
    const restored = parseAccountsDoc(await loadAccounts(other));
    expect(restored.overrides[B]).toEqual(B_OVERRIDES);
    const planned = settingsForAccount(globalSettings(), restored, B);
    expect(planned.fbaFees.lowInventoryPerUnit).toEqual(B_OVERRIDES.fbaFees!.lowInventoryPerUnit);
    expect(planned.storageFees.wfsPerCubicFoot).toEqual({ storage: 150, longTerm: 750 });
  });
});

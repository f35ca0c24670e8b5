/**
 * The seller's schedules are built once per settings snapshot: a catalogue run plans every stock
 * from one copy, and a new snapshot (edited amounts, another account's own fees) gets its own.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fees from '../fees/index';
import { settingsForAccount } from '../accounts/settings';
import { defaultSettings, type Settings } from '../settings/schema';
import { dayNumber } from './days';
import { input, TODAY } from './decisions/test-situation';
import type { FbaFacts } from './fees-facts';
import { planListing } from './plan-listing';
import { sellerSchedules, storageChargeOf } from './storage-schedule';
import { onHandPairs } from './fees-history';

// The real builder behind a counter: the memo is seen by how often the schedules are built.
vi.mock('../fees/index', async (actual) => {
  const real = await actual<typeof import('../fees/index')>();
  return { ...real, withSellerFees: vi.fn(real.withSellerFees) };
});
const built = vi.mocked(fees.withSellerFees);
const { withSellerFees: unmemoised } = await vi.importActual<typeof import('../fees/index')>('../fees/index');

// A block body: a function returned from beforeEach would run as its cleanup.
beforeEach(() => {
  built.mockClear();
});

const NOW = new Date('2026-03-01T12:00:00Z');
const PEAK = dayNumber('2026-11-01');
const FBA: FbaFacts = {
  marketplace: 'amazon.com',
  // Lean: about 14 days of supply, so the low-inventory-level fee is at stake.
  readings: onHandPairs(Array.from({ length: 60 }, (_, i) => ({ day: TODAY - 59 + i, onHand: 210 - (i % 14) * 10 }))),
  shown: null,
};

/** FBA stocks (the storage figure and the FBA fee block) and WFS stocks (the WFS fee block): every caller of the schedules. */
function catalogue(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const sku = `SKU-${i}`;
    if (i % 2 === 0) return input({ key: `amazon|amazon.com|${sku}`, listingKeys: [`amazon|amazon.com|${sku}`], sku, productId: sku, fba: FBA });
    const key = `walmart|walmart.com|${sku}`;
    return input({
      key,
      listingKeys: [key],
      sku,
      productId: sku,
      platform: 'walmart',
      marketplace: 'walmart.com',
      poolId: 'wfs:walmart.com',
      destination: 'WFS',
    });
  });
}

/** What the plans charge: the storage figure and the fee block of each stock. */
const chargesOf = (settings: Settings) =>
  catalogue(6)
    .map((i) => planListing(i, settings, NOW))
    .map((p) => [p.storage, p.fees]);

/** The schedules as built before the memo: the settings' amounts with the low-inventory rows, freshly. */
const fresh = (settings: Settings) => unmemoised({ ...settings.storageFees, lowInventoryPerUnit: settings.fbaFees.lowInventoryPerUnit });

const publishedPeak = (() => {
  const s = fees.scheduleOn('amazon.com', 'fba', '2026-11-01')!;
  return s.storage === 'unknown' ? s.storage : s.storage.perCubicFootMinor['large-standard'].peak;
})();

/** The peak storage rate a large-standard FBA stock pays on 2026-11-01. */
function peakRate(settings: Settings): number | string {
  const charge = storageChargeOf({ poolId: 'fba:NA', marketplace: 'amazon.com' }, settings, PEAK);
  return typeof charge === 'object' ? charge.storage.perCubicFootMinor['large-standard'].peak : charge;
}

describe("the seller's schedules, once per settings snapshot", () => {
  it('builds them once for every stock planned with one settings snapshot, equal to a fresh build', () => {
    const settings = defaultSettings();
    const plans = catalogue(20).map((i) => planListing(i, settings, NOW));
    expect(plans.filter((p) => p.fees !== undefined).length).toBe(20);
    expect(built).toHaveBeenCalledTimes(1);
    expect(sellerSchedules(settings)).toEqual(fresh(settings));
    expect(built).toHaveBeenCalledTimes(1);
  });

  it('builds them again when the settings change, and charges the new amounts', () => {
    const before = defaultSettings();
    expect(peakRate(before)).toBe(publishedPeak);
    const edited: Settings = { ...before, storageFees: { ...before.storageFees, monthlyPerCubicFootOctDec: 300 } };
    expect(peakRate(edited)).toBe(300);
    expect(peakRate(before)).toBe(publishedPeak);
    expect(built).toHaveBeenCalledTimes(2);
    // An amount replaced on the same object (as a form might do) is not charged from the stale copy.
    before.storageFees.monthlyPerCubicFootOctDec = 260;
    expect(peakRate(before)).toBe(260);
    before.storageFees.wfsPerCubicFoot = { storage: 90, longTerm: 800 };
    expect(sellerSchedules(before)).toEqual(fresh(before));
    expect(built).toHaveBeenCalledTimes(4);
  });

  it("plans the same as fresh schedules, per account: two accounts' own fees, two copies, each its own amounts", () => {
    const global = defaultSettings();
    for (const sku of ['SKU-0', 'SKU-2', 'SKU-4']) global.fbaFees.sizeBySku[sku] = { tier: 'small-standard', shippingWeightOz: 8 };
    const doc = {
      overrides: {
        'amazon-b': {
          fbaFees: { lowInventoryPerUnit: [{ tier: 'small-standard' as const, overWeightOz: 0, upToWeightOz: null, perUnitMinor: [178, 126, 64] }] },
        },
        'amazon-c': { storageFees: { monthlyPerCubicFootOctDec: 0, wfsPerCubicFoot: { storage: 150 } } },
      },
    };
    const [a, b, c] = ['default', 'amazon-b', 'amazon-c'].map((account) => settingsForAccount(global, doc, account));
    const charged = [a!, b!, c!].map(chargesOf);
    expect(built).toHaveBeenCalledTimes(3);
    expect(new Set(charged.map((x) => JSON.stringify(x))).size).toBe(3);
    expect([a!, b!, c!].map(peakRate)).toEqual([publishedPeak, publishedPeak, 0]);
    // Each account's plans equal the plans of its schedules built afresh (a copy of its settings misses the memo).
    for (const [i, settings] of [a!, b!, c!].entries()) {
      expect(sellerSchedules(settings)).toEqual(fresh(settings));
      expect(chargesOf(structuredClone(settings))).toEqual(charged[i]);
    }
  });
});

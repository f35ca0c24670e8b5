import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../settings/schema';
import { dayNumber } from '../days';
import type { PlanInput } from '../plan-input';
import { HOW_EXACT } from '../demand-series';
import { STORAGE_CHANNEL_BY_POOL_KIND } from '../storage-schedule';
import { storage } from './storage';
import { situation, through } from './test-situation';

/** A WFS pool on walmart.com. */
const WFS: Partial<PlanInput> = {
  key: 'walmart|walmart.com|SKU-1',
  platform: 'walmart',
  marketplace: 'walmart.com',
  listingKeys: ['walmart|walmart.com|SKU-1'],
  poolId: 'wfs:walmart.com',
  destination: 'WFS',
};

/** Settings with the SKU's unit volume (cubic feet). */
function withVolume(unitCubicFeet: number) {
  const settings = defaultSettings();
  settings.storageFees.unitCubicFeetBySku['SKU-1'] = unitCubicFeet;
  return settings;
}

/** A year with no sale ending on `asOf`: the stock stays as it is over the next 30 days. */
function idleUntil(asOf: string): Partial<PlanInput> {
  const asOfDay = dayNumber(asOf);
  return { asOfDay, series: { startDay: asOfDay - 364, units: new Float64Array(365), how: new Uint8Array(365).fill(HOW_EXACT) } };
}

describe('storage at the rates of the channel that holds the stock', () => {
  it('declares one schedule per pool kind: FBA Amazon, WFS Walmart, an own warehouse none', () => {
    expect(STORAGE_CHANNEL_BY_POOL_KIND).toEqual({ FBA: 'fba', WFS: 'wfs', SELLER: 'not-charged' });
  });

  it('prices an FBA pool as before: the seller’s Amazon amounts, stock depleting evenly', () => {
    // 300 units of 0.1 cubic foot selling 10 a day in March: 150 on average x 0.1 x 78 cents.
    const d = through(storage, situation({}, { settings: withVolume(0.1) }));
    expect(d.storage).toMatchObject({ next30DaysMinor: 1170, agedSurchargeMinor: 0, currency: 'USD' });
    // 100 of 200 units 200 days old stay unsold past 230 days: the 211-240 tier (100 cents per cubic foot).
    const aged = through(
      storage,
      situation({ available: 200, ageBuckets: [{ minDays: 200, maxDays: 210, units: 200 }] }, { rate: 100 / 30, settings: withVolume(1) }),
    );
    expect(aged.storage).toMatchObject({ agedSurchargeMinor: 100 * 100 });
    expect(aged.aged).toEqual({ units: 200, minDays: 181 });
  });

  it("prices a WFS pool at Walmart's rate: the same 30-day figure as the WFS fee block", () => {
    // 400 idle units of 0.5 cubic foot over April (30 days): 400 x 0.5 x 75 cents.
    const s = situation({ ...WFS, available: 400, ...idleUntil('2026-03-31') }, { rate: 0, settings: withVolume(0.5) });
    const d = through(storage, s);
    expect(d.storage).toMatchObject({ next30DaysMinor: 400 * 0.5 * 75, currency: 'USD' });
    expect(d.fees!.windows.find((w) => w.days === 30)!.storageMinor).toBe(400 * 0.5 * 75);
    // The seller's own WFS rate moves both alike.
    const settings = withVolume(0.5);
    settings.storageFees.wfsPerCubicFoot = { storage: 90, longTerm: 800 };
    const edited = through(storage, situation({ ...WFS, available: 400, ...idleUntil('2026-03-31') }, { rate: 0, settings }));
    expect(edited.storage).toMatchObject({ next30DaysMinor: 400 * 0.5 * 90 });
    expect(edited.fees!.windows.find((w) => w.days === 30)!.storageMinor).toBe(400 * 0.5 * 90);
  });

  it("charges WFS units Walmart's long-term storage past 365 days, not Amazon's aged surcharge", () => {
    const buckets = [{ minDays: 200, maxDays: 210, units: 100 }];
    const young = through(storage, situation({ ...WFS, available: 100, ageBuckets: buckets }, { rate: 0, settings: withVolume(1) }));
    expect(young.storage).toMatchObject({ agedSurchargeMinor: 0 });
    expect(young.aged).toEqual({ units: 0, minDays: 366 });
    const old = through(
      storage,
      situation({ ...WFS, available: 100, ageBuckets: [{ minDays: 350, maxDays: 365, units: 100 }] }, { rate: 0, settings: withVolume(1) }),
    );
    expect(old.storage).toMatchObject({ agedSurchargeMinor: 100 * 750 });
  });

  it('says an own warehouse pays no marketplace storage, and a marketplace without a schedule is unknown, never 0', () => {
    const own = { key: 'ebay|ebay.com|SKU-1', platform: 'ebay', marketplace: 'ebay.com', poolId: 'own:main', destination: 'SELLER' as const };
    expect(through(storage, situation(own)).storage).toBe('not-charged');
    const de = { marketplace: 'amazon.de', fba: { marketplace: 'amazon.de', readings: new Int32Array(), shown: null } };
    expect(through(storage, situation(de)).storage).toBe('unknown');
    // Walmart's WFS schedule starts on 2025-01-01: a day before it has none.
    expect(through(storage, situation({ ...WFS, ...idleUntil('2024-12-01') }, { rate: 0 })).storage).toBe('unknown');
  });
});

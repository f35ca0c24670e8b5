import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../settings/schema';
import { isoDate } from '../days';
import type { PlanInput } from '../plan-input';
import { alerts } from './alerts';
import { inStockSupply, wfsFees } from './wfs-fees';
import { constantSeries, situation, through, TODAY } from './test-situation';

/** A WFS pool on walmart.com selling 10 a day (the situation builder's default series). */
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

describe('fee-aware WFS plan', () => {
  it("says Walmart's days of supply (available + inbound over the last 30 days' in-stock sales) and the 28-day rule", () => {
    const s = situation({ ...WFS, available: 250, inbound: 50 });
    expect(inStockSupply(s)).toBe(30);
    // Days out of stock (unknown demand) are left out of the average, as Walmart averages in-stock days only.
    const series = constantSeries(10);
    series.units.fill(Number.NaN, series.units.length - 10);
    expect(inStockSupply(situation({ ...WFS, available: 300, series }))).toBe(30);
    const d = through(wfsFees, s);
    expect(d.fees).toMatchObject({ channel: 'wfs', currency: 'USD', scheduleEffective: '2025-01-01', floorDays: 28 });
    expect(d.fees!.historicalSupply).toEqual({ short: 30, long: 'unknown', shown: null });
  });

  it('prices storage at $0.75 per cubic foot per month and charges no low-inventory fee', () => {
    // 3,000 units of 1 cubic foot, 10 sold a day: March holds about 2,845 units on average.
    const d = through(wfsFees, situation({ ...WFS, available: 3000 }, { settings: withVolume(1) }));
    const at30 = d.fees!.windows[0]!;
    expect(at30.lowInventoryMinor).toBe(0);
    // Each day: units held x 1 cu ft x 75 cents / 31 days (March); held falls by 10 a day from 2,990.
    const expected = Math.round(Array.from({ length: 30 }, (_, h) => (2990 - 10 * h) * 75).reduce((a, b) => a + b, 0) / 31);
    expect(at30.storageMinor).toBe(expected);
    expect(through(wfsFees, situation({ ...WFS, available: 3000 })).fees!.windows[0]!.storageMinor).toBeNull(); // no volume: unknown, never 0
  });

  it('sends in time to stay In Stock, and says so', () => {
    const d = through(alerts, situation({ ...WFS, available: 200 })); // 20 days of supply: under 28 today
    expect(d.fees!.action).toMatchObject({ kind: 'in-stock-send', date: isoDate(TODAY) });
    expect(d.fees!.action!.units).toBeGreaterThanOrEqual(150); // back to 28 + 7 days of 10 a day from ~190
    expect(d.alerts.find((a) => a.code === 'wfs-in-stock-send')?.params).toEqual({ units: d.fees!.action!.units, date: isoDate(TODAY), days: 28 });
  });

  it('charges long-term storage on units over 365 days and tells to mark them down when no reorder is due', () => {
    const ageBuckets = [
      { minDays: 0, maxDays: 90, units: 100 },
      { minDays: 366, maxDays: null, units: 40 },
    ];
    const d = through(alerts, situation({ ...WFS, available: 2000, ageBuckets }, { rate: 1, settings: withVolume(0.5) }));
    expect(d.reorder.day).toBeNull();
    const first = d.fees!.agedSnapshots[0]!;
    expect(first.date).toBe('2026-04-01'); // counted on the 1st (assumed: fees.md gives no day)
    expect(first.units).toBe(40 - 31); // the oldest units sell first: 31 days at 1 a day until Apr 1
    expect(first.amountMinor).toBe(Math.round(first.units! * 0.5 * 750)); // $7.50 per cubic foot
    expect(d.fees!.action).toMatchObject({ kind: 'mark-down', units: first.units, amountMinor: first.amountMinor });
    expect(d.alerts.map((a) => a.code)).toContain('wfs-long-term-mark-down');
    expect(d.alerts.map((a) => a.code)).not.toContain('fba-aged-mark-down');
  });

  it('leaves FBA and own-warehouse pools alone', () => {
    expect(through(wfsFees, situation({ available: 200 })).fees).toBeNull();
    expect(through(wfsFees, situation({ available: 200, poolId: 'own:main', destination: 'SELLER' })).fees).toBeNull();
  });
});

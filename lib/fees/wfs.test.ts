import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../planning/days';
import { agedSurcharge, nextSnapshots, scheduleOn, storageFeeOver, WFS_IN_STOCK_DAYS } from './index';

/** The walmart.com WFS schedule on `day`; throws when none is known. */
function wfsOn(day: string) {
  const s = scheduleOn('walmart.com', 'wfs', day);
  if (!s) throw new Error(`no walmart.com WFS schedule on ${day}`);
  return s;
}

describe('Walmart WFS fees (fees.md, "Walmart WFS")', () => {
  const wfs = wfsOn('2026-06-01');

  it('charges no low-inventory fee and keeps the 28-day in-stock rule', () => {
    expect(wfs.lowInventoryLevel).toBe('not-charged');
    expect(wfs.currency).toBe('USD');
    expect(WFS_IN_STOCK_DAYS).toBe(28);
    expect(scheduleOn('walmart.com', 'wfs', '2024-12-31')).toBeNull(); // before the first dated schedule: unknown, never zero
    expect(scheduleOn('walmart.com', 'fba', '2026-06-01')).toBeNull();
  });

  it('storage: $0.75 per cubic foot per month, the same in Q4 (its Q4 charge is disputed: left out)', () => {
    const month = (first: string, days: number, onHand: number) => Array.from({ length: days }, (_, i) => ({ date: isoDate(dayNumber(first) + i), onHand }));
    // 100 units of 0.5 cubic feet held all June: 100 x 0.5 x $0.75 = $37.50.
    expect(storageFeeOver(wfs, 'large-standard', 0.5, month('2026-06-01', 30, 100))).toEqual({ amountMinor: 3750, currency: 'USD' });
    expect(storageFeeOver(wfs, 'large-bulky', 0.5, month('2026-11-01', 30, 100))).toEqual({ amountMinor: 3750, currency: 'USD' });
  });

  it('long-term storage: $7.50 per cubic foot per month on units over 365 days, counted on the 1st', () => {
    expect(nextSnapshots(wfs.agedSurcharge === 'unknown' ? null! : wfs.agedSurcharge, '2026-06-02', 2)).toEqual(['2026-07-01', '2026-08-01']);
    const lots = [
      { received: isoDate(dayNumber('2026-07-01') - 400), units: 10 }, // 400 days old: charged
      { received: isoDate(dayNumber('2026-07-01') - 365), units: 20 }, // 365 days: not yet
    ];
    const charge = agedSurcharge(wfs, lots, '2026-07-01', { unitCubicFeet: 1, category: null });
    if (charge === 'unknown') throw new Error('expected a charge');
    // 10 units x 1 cubic foot x $7.50 = $75.00.
    expect(charge.total).toEqual({ amountMinor: 7500, currency: 'USD' });
    expect(charge.tiers.reduce((n, t) => n + t.units, 0)).toBe(10);
  });
});

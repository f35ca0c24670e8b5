import { describe, expect, it } from 'vitest';
import { agedSurcharge } from './aged-surcharge';
import { lowInventoryFeePerUnit } from './low-inventory';
import { FEE_SCHEDULES, latestSchedule, scheduleOn, storageRatePerCubicFoot } from './schedules';
import { withSellerFees } from './seller-schedule';

const published = latestSchedule('amazon.com', 'fba')!;
const asSettings = () => {
  const storage = published.storage !== 'unknown' ? published.storage.perCubicFootMinor['large-standard'] : { base: 0, peak: 0 };
  const aged = published.agedSurcharge !== 'unknown' ? published.agedSurcharge.tiers : [];
  return {
    monthlyPerCubicFootJanSep: storage.base,
    monthlyPerCubicFootOctDec: storage.peak,
    agedSurcharges: aged.map((t) => ({ minDays: t.minDays, perCubicFootMonthly: t.perCubicFootMinor })),
  };
};

describe('the seller copy of the fee schedule', () => {
  it('changes nothing when the seller kept the published amounts', () => {
    const schedules = withSellerFees(asSettings());
    const mine = scheduleOn('amazon.com', 'fba', '2025-06-01', schedules)!;
    expect(mine.storage).toEqual(published.storage);
    expect(mine.agedSurcharge).toEqual(published.agedSurcharge);
  });

  it('charges the seller rates in the newest schedule only; older schedules and bulky sizes stay as published', () => {
    const fees = { ...asSettings(), monthlyPerCubicFootOctDec: 300 };
    const schedules = withSellerFees(fees);
    const mine = scheduleOn('amazon.com', 'fba', '2025-11-01', schedules)!;
    expect(mine.storage !== 'unknown' && mine.storage.perCubicFootMinor['small-standard']).toEqual({ base: 78, peak: 300 });
    expect(mine.storage !== 'unknown' && mine.storage.perCubicFootMinor['large-bulky']).toEqual({ base: 56, peak: 140 });
    expect(scheduleOn('amazon.com', 'fba', '2023-06-01', schedules)).toBe(FEE_SCHEDULES[0]);
  });

  it('makes the seller tiers contiguous and keeps the published per-unit minimum of a tier starting at the same age', () => {
    const fees = {
      ...asSettings(),
      agedSurcharges: [
        { minDays: 366, perCubicFootMonthly: 700 },
        { minDays: 200, perCubicFootMonthly: 100 },
      ],
    };
    const mine = scheduleOn('amazon.com', 'fba', '2025-06-01', withSellerFees(fees))!;
    expect(mine.agedSurcharge !== 'unknown' && mine.agedSurcharge.tiers).toEqual([
      { minDays: 200, maxDays: 365, perCubicFootMinor: 100, minPerUnitMinor: 0, exemptCategories: [] },
      { minDays: 366, maxDays: null, perCubicFootMinor: 700, minPerUnitMinor: 15, exemptCategories: [] },
    ]);
    // 10 units received 250 days before the snapshot, 0.1 cubic feet each: 10 x 0.1 x $1.00.
    const charge = agedSurcharge(mine, [{ received: '2024-10-08', units: 10 }], '2025-06-15', { unitCubicFeet: 0.1, category: null });
    expect(charge !== 'unknown' && charge.total.amountMinor).toBe(100);
  });

  it('charges the seller low-inventory rates where a row matches a published one; other rows and older schedules stay published', () => {
    const fees = {
      ...asSettings(),
      lowInventoryPerUnit: [
        { tier: 'small-standard' as const, overWeightOz: 0, upToWeightOz: null, perUnitMinor: [95, 70, 40] },
        // A row whose band count differs from the schedule's is not applied (never misread).
        { tier: 'large-standard' as const, overWeightOz: 0, upToWeightOz: 48, perUnitMinor: [1, 2] },
      ],
    };
    const schedules = withSellerFees(fees);
    const mine = scheduleOn('amazon.com', 'fba', '2025-06-01', schedules)!;
    const perUnit = (tier: 'small-standard' | 'large-standard', hdos: number) => {
      const f = lowInventoryFeePerUnit(mine, {
        day: '2025-06-03',
        size: { tier, shippingWeightOz: 16 },
        short: { kind: 'days', days: hdos },
        long: { kind: 'days', days: hdos },
        unitsShippedRecently: 70,
        exempt: {},
      });
      return f.kind === 'charged' ? f.perUnit.amountMinor : f.kind;
    };
    expect([10, 15, 25].map((d) => perUnit('small-standard', d))).toEqual([95, 70, 40]);
    expect([10, 15, 25].map((d) => perUnit('large-standard', d))).toEqual([97, 70, 36]);
    expect(scheduleOn('amazon.com', 'fba', '2023-06-01', schedules)).toBe(FEE_SCHEDULES[0]);
  });

  it('charges the seller WFS storage and long-term rates in the newest walmart.com WFS schedule', () => {
    const schedules = withSellerFees({ ...asSettings(), wfsPerCubicFoot: { storage: 90, longTerm: 800 } });
    const wfs = scheduleOn('walmart.com', 'wfs', '2026-06-01', schedules)!;
    expect(wfs.storage !== 'unknown' && storageRatePerCubicFoot(wfs.storage, 'large-bulky', 11)).toBe(90);
    expect(wfs.agedSurcharge !== 'unknown' && wfs.agedSurcharge.tiers.map((t) => [t.minDays, t.perCubicFootMinor])).toEqual([[366, 800]]);
    // Without the seller's WFS amounts the published schedule is kept as it is.
    expect(scheduleOn('walmart.com', 'wfs', '2026-06-01', withSellerFees(asSettings()))).toBe(scheduleOn('walmart.com', 'wfs', '2026-06-01'));
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cumulativeAt, cumulativeSum, daysOfCover, daysUntilStockout, sellOutDemand, stockoutDay, wholeDaysOfCover } from './cover';
import { dayNumber, isoDate } from './days';

describe('days of cover', () => {
  it('is stock / rate for constant demand, inside and beyond the horizon', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 500, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), (rate, stock) => {
        const cum = cumulativeSum(new Array(120).fill(rate));
        if (stock / rate < 36_000) expect(daysOfCover(stock, cum)!).toBeCloseTo(stock / rate, 6);
        else if (stock / rate > 37_000) expect(daysOfCover(stock, cum)).toBeNull();
      }),
    );
  });
  it('sees a rise in demand ahead that a flat average would miss', () => {
    const perDay = [...new Array(10).fill(1), ...new Array(50).fill(10)];
    expect(daysOfCover(60, cumulativeSum(perDay))).toBe(15);
  });
  it('is 0 without stock and null without demand', () => {
    expect(daysOfCover(0, cumulativeSum([1, 1]))).toBe(0);
    expect(daysOfCover(5, cumulativeSum([0, 0, 0]))).toBeNull();
    expect(daysOfCover(5, cumulativeSum([1e-12, 1e-12]))).toBeNull();
  });
  it('never decreases when stock grows', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 2, maxLength: 60 }), fc.nat(2000), fc.nat(2000), (perDay, a, b) => {
        const cum = cumulativeSum(perDay);
        const lo = daysOfCover(Math.min(a, b), cum);
        const hi = daysOfCover(Math.max(a, b), cum);
        if (lo !== null && hi !== null) expect(hi).toBeGreaterThanOrEqual(lo - 1e-9);
      }),
    );
  });
  it('cumulativeAt interpolates and extrapolates', () => {
    const cum = Float64Array.of(2, 4, 6);
    expect(cumulativeAt(cum, 1.5)).toBe(3);
    expect(cumulativeAt(cum, 5)).toBe(10);
    expect(cumulativeAt(cum, 0)).toBe(0);
  });
});

describe('stockout date', () => {
  it('lands on the right calendar day across month ends and leap days', () => {
    expect(isoDate(stockoutDay(dayNumber('2024-02-27'), 2)!)).toBe('2024-02-29');
    expect(isoDate(stockoutDay(dayNumber('2023-02-27'), 2)!)).toBe('2023-03-01');
    expect(isoDate(stockoutDay(dayNumber('2025-12-30'), 2.5)!)).toBe('2026-01-02');
    expect(stockoutDay(100, null)).toBeNull();
  });
});

describe('beyond the horizon', () => {
  it('continues at the last week average, whatever weekday the horizon ends on', () => {
    const week = [1, 1, 1, 1, 1, 1, 8];
    const cum = cumulativeSum([...week, ...week]);
    expect(cumulativeAt(cum, 21)).toBeCloseTo(42, 9);
    expect(daysOfCover(28 + 14, cum)).toBeCloseTo(21, 9);
  });
});

/** P(Poisson(mean) >= units), summed exactly. */
function chanceSoldOut(mean: number, units: number): number {
  let pmf = Math.exp(-mean);
  let below = 0;
  for (let k = 0; k < units; k++) {
    below += pmf;
    pmf *= mean / (k + 1);
  }
  return 1 - below;
}

describe('sell-out demand (whole units, Poisson around the forecast)', () => {
  it('is the expected demand at which the last unit has sold with even odds', () => {
    expect(sellOutDemand(1)).toBeCloseTo(Math.LN2, 12);
    for (let units = 1; units <= 200; units += units < 20 ? 1 : 17) {
      expect(chanceSoldOut(sellOutDemand(units), units)).toBeCloseTo(0.5, 4);
    }
  });
  it('needs the next whole unit for fractional stock and nothing for none', () => {
    expect(sellOutDemand(2.4)).toBe(sellOutDemand(3));
    expect(sellOutDemand(3 + 1e-12)).toBe(sellOutDemand(3));
    expect(sellOutDemand(0)).toBe(0);
    expect(sellOutDemand(-2)).toBe(0);
  });
  it('grows with stock and stays within half a unit below it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (units) => {
        expect(sellOutDemand(units + 1)).toBeGreaterThan(sellOutDemand(units));
        expect(sellOutDemand(units)).toBeLessThan(units);
        expect(sellOutDemand(units)).toBeGreaterThan(units - 0.5);
      }),
    );
  });
  it('dates the first customer who finds none: one unit selling 0.1 a day at 16.8 days (the second customer), ten at one a day at day 11', () => {
    expect(daysUntilStockout(1, cumulativeSum(new Array(30).fill(0.1)))).toBeCloseTo(16.78, 2);
    const cover = daysUntilStockout(10, cumulativeSum(new Array(30).fill(1)))!;
    expect(cover).toBeCloseTo(10.67, 2);
    expect(stockoutDay(0, cover)).toBe(11);
    expect(daysUntilStockout(0, cumulativeSum([1, 1]))).toBe(0);
  });
});

/** Expected |D - day| where D is the day the `units`-th unit sells at `rate` a day (Poisson). */
function expectedMissInDays(rate: number, units: number, day: number): number {
  let miss = 0;
  let soldOutBefore = 0;
  for (let d = 1; soldOutBefore < 1 - 1e-12; d++) {
    const soldOutBy = chanceSoldOut(rate * d, units);
    miss += (soldOutBy - soldOutBefore) * Math.abs(d - day);
    soldOutBefore = soldOutBy;
  }
  return miss;
}

describe('dating the stockout by the median day the first customer finds none', () => {
  it('never misses that day by more days on average than dating by expected demand, and by fewer for slow sellers', () => {
    for (const rate of [0.05, 0.1, 0.3, 0.7, 1, 2.5, 8]) {
      for (const units of [1, 2, 3, 5, 10, 40]) {
        const cum = cumulativeSum(new Array(60).fill(rate));
        // Demand first goes unserved when the (units + 1)-th customer comes.
        const medianDay = stockoutDay(0, daysUntilStockout(units, cum))!;
        const expectedDay = stockoutDay(0, daysOfCover(units + 1, cum))!;
        expect(expectedMissInDays(rate, units + 1, medianDay)).toBeLessThanOrEqual(expectedMissInDays(rate, units + 1, expectedDay) + 1e-9);
        // Dating the last unit's sale instead is never closer to that day.
        const lastUnitDay = stockoutDay(0, daysOfCover(sellOutDemand(units), cum))!;
        expect(expectedMissInDays(rate, units + 1, medianDay)).toBeLessThanOrEqual(expectedMissInDays(rate, units + 1, lastUnitDay) + 1e-9);
      }
    }
    // One unit selling 0.1 a day: the second customer most likely comes by day 17, not day 20,
    // and dating the last unit's median day (7) misses it by over 3 days more on average.
    const slow = cumulativeSum(new Array(60).fill(0.1));
    const [medianDay, expectedDay] = [stockoutDay(0, daysUntilStockout(1, slow))!, stockoutDay(0, daysOfCover(2, slow))!];
    expect([medianDay, expectedDay]).toEqual([17, 20]);
    expect(expectedMissInDays(0.1, 2, medianDay)).toBeLessThan(expectedMissInDays(0.1, 2, expectedDay));
    expect(expectedMissInDays(0.1, 2, medianDay)).toBeLessThan(expectedMissInDays(0.1, 2, 7) - 3);
  });
});

describe('wholeDaysOfCover', () => {
  it('rounds down to whole days, the one way every view shows days of cover', () => {
    expect(wholeDaysOfCover(92.6)).toBe(92);
    expect(wholeDaysOfCover(9.999999999999)).toBe(10);
    expect(wholeDaysOfCover(0.4)).toBe(0);
  });
});

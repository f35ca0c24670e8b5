import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cumulativeAt, cumulativeSum, daysOfCover, stockoutDay } from './cover';
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

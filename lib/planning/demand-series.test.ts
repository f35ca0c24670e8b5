import { describe, expect, it } from 'vitest';
import { demandDays, HOW_EXACT, HOW_INFERRED, poolDemand, type DemandSeries } from './demand-series';

describe('pooled demand', () => {
  it('adds members and fills a member gap with its own average, not zero', () => {
    const a: DemandSeries = { startDay: 10, units: Float64Array.of(2, 2, 2), how: Uint8Array.of(2, 2, 2) };
    const b: DemandSeries = { startDay: 11, units: Float64Array.of(1, NaN, 3), how: Uint8Array.of(1, 0, 1) };
    const pool = poolDemand([a, b]);
    expect(pool.startDay).toBe(10);
    expect(Array.from(pool.units)).toEqual([4, 3, 4, 5]);
    expect(Array.from(pool.how)).toEqual([HOW_INFERRED, HOW_INFERRED, HOW_INFERRED, HOW_INFERRED]);
    const c: DemandSeries = { startDay: 10, units: Float64Array.of(NaN), how: Uint8Array.of(0) };
    expect(Number.isNaN(poolDemand([c, c]).units[0]!)).toBe(true);
    expect(poolDemand([a, a]).how[0]).toBe(HOW_EXACT);
  });
});

describe('demandDays', () => {
  it('gives each day its date, its units (null when unknown) and how it is known', () => {
    const series: DemandSeries = { startDay: 0, units: Float64Array.of(2, Number.NaN, 0.5, Number.NaN), how: Uint8Array.of(2, 0, 1, 3) };
    expect(demandDays(series)).toEqual([
      { date: '1970-01-01', units: 2, how: 'exact' },
      { date: '1970-01-02', units: null, how: 'censored' },
      { date: '1970-01-03', units: 0.5, how: 'inferred' },
      { date: '1970-01-04', units: null, how: 'stockout-inferred' },
    ]);
  });
});

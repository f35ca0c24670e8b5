import { describe, expect, it } from 'vitest';
import type { ForecastResult } from '../forecast/index';
import { afterStockout, afterStockoutRatio, scaled, unknownAsZero } from './after-stockout';
import { HOW_EXACT, type DemandSeries } from './demand-series';

/** 182 days: `before` a day for 154 days, then `recent` a day for 28 days with the last `out` days unknown. */
function series(before: number, recent: number, out: number): DemandSeries {
  const units = new Float64Array(182).fill(before);
  units.fill(recent, 154);
  units.fill(Number.NaN, 182 - out);
  return { startDay: 0, units, how: new Uint8Array(182).fill(HOW_EXACT) };
}

const flat: ForecastResult = {
  model: 'test',
  mean: [10, 10],
  p50Cum: [10, 20],
  p90Cum: [13, 26],
  quantileCum: (q) => [10 + q, 20 + q],
};

describe('after a stockout', () => {
  it('keeps the forecast when nothing was out of stock in the last four weeks', () => {
    expect(afterStockoutRatio(series(6, 10, 0))).toBe(1);
    expect(afterStockout(flat, series(6, 10, 0))).toBe(flat);
  });

  it('pulls towards the half-year level by twice the out-of-stock share of the last four weeks', () => {
    const s = series(6, 10, 7);
    const recent = 10;
    const longRun = (154 * 6 + 21 * 10) / 175;
    expect(afterStockoutRatio(s)).toBeCloseTo(0.5 + (0.5 * longRun) / recent, 12);
    // Two weeks out of four: all the way to the half-year level.
    expect(afterStockoutRatio(series(6, 10, 14))).toBeCloseTo((154 * 6 + 14 * 10) / 168 / 10, 12);
    expect(afterStockoutRatio(series(6, 10, 21))).toBeCloseTo((154 * 6 + 7 * 10) / 161 / 10, 12);
  });

  it('never pulls below reading the out-of-stock days as no demand at all', () => {
    // Half-year level a fifth of the recent one: the pull would say 0.6; seven empty days of 28 as zeros say 0.75.
    expect(afterStockoutRatio(series(1, 10, 7))).toBe(0.75);
  });

  it('never raises the forecast (a stockout after a slow spell says nothing about a rise)', () => {
    expect(afterStockoutRatio(series(10, 6, 7))).toBe(1);
  });

  it('scales the mean and every quantile alike', () => {
    const ratio = afterStockoutRatio(series(6, 10, 7));
    const scaled = afterStockout(flat, series(6, 10, 7));
    expect(scaled.mean).toEqual([10 * ratio, 10 * ratio]);
    expect(scaled.p90Cum).toEqual([13 * ratio, 26 * ratio]);
    expect(scaled.quantileCum(0.95)).toEqual([10.95 * ratio, 20.95 * ratio]);
    expect(scaled.model).toBe('test');
  });

  it('keeps the forecast when the four weeks hold no known sale to compare with', () => {
    expect(afterStockoutRatio(series(6, 0, 7))).toBe(1);
    expect(afterStockoutRatio(series(6, 10, 28))).toBe(1);
  });
});

describe('scaled', () => {
  it('multiplies every value of a typed or plain array into a new plain array', () => {
    const days = Float64Array.of(2, 4, 0.5);
    const out = scaled(days, 0.5);
    expect(out).toEqual([1, 2, 0.25]);
    expect(Array.isArray(out)).toBe(true);
    expect([...days]).toEqual([2, 4, 0.5]);
    expect(scaled([], 3)).toEqual([]);
  });
});

describe('unknownAsZero', () => {
  it('reads unknown days after the first known one as zero, and keeps the leading unknown days unknown', () => {
    const units = Float64Array.of(Number.NaN, Number.NaN, 2, Number.NaN, 3, Number.NaN);
    const zeroed = unknownAsZero({ startDay: 5, units, how: new Uint8Array(6) });
    expect(Array.from(zeroed.units)).toEqual([Number.NaN, Number.NaN, 2, 0, 3, 0]);
    expect(zeroed.startDay).toBe(5);
    expect(Number.isNaN(units[3]!)).toBe(true); // the input is left as it was
  });

  it('the pull never goes below the forecast with the empty days read as zero sales', () => {
    const s = series(1, 10, 7);
    const low: ForecastResult = { ...flat, mean: [9.5, 9.5] };
    const scaled = afterStockout(flat, s, () => low);
    expect(scaled.mean[0]).toBeCloseTo(9.5, 12);
    // Without that forecast, the recent level as zeros bounds it (0.75 here).
    expect(afterStockout(flat, s).mean[0]).toBeCloseTo(7.5, 12);
  });
});

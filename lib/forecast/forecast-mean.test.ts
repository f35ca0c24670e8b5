import { describe, expect, it } from 'vitest';
import { combineWithWindowAverage, forecastArray } from './forecast-mean.ts';

describe('combineWithWindowAverage', () => {
  it('mixes a forecast with the mean of the last known periods and ignores invalid weights', () => {
    const m = Float64Array.of(4, 4);
    combineWithWindowAverage(m, Float64Array.of(9, 0, Number.NaN, 2), 2, 0.5);
    expect(Array.from(m)).toEqual([2.5, 2.5]);
    for (const w of [undefined, 0, -1, 1.5, Number.NaN]) {
      const same = Float64Array.of(4, 4);
      combineWithWindowAverage(same, Float64Array.of(0, 2), 2, w);
      expect(Array.from(same)).toEqual([4, 4]);
    }
  });
});

describe('forecastArray', () => {
  it('gives zeroed arrays that never share a number, across the end of a block, and a plain array past an eighth of one', () => {
    const arrays = Array.from({ length: 300 }, (_, i) => forecastArray(1 + (i % 130)));
    arrays.forEach((a, i) => {
      expect(a.length).toBe(1 + (i % 130));
      expect(a.every((v) => v === 0)).toBe(true);
      a.fill(i + 1);
    });
    // Each kept its own numbers: no later array was carved over an earlier one.
    arrays.forEach((a, i) => expect(a.every((v) => v === i + 1)).toBe(true));
    const big = forecastArray(5000);
    expect(big.length).toBe(5000);
    expect(big.buffer.byteLength).toBe(5000 * 8);
  });
});

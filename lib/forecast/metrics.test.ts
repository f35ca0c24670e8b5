import { describe, expect, it } from 'vitest';
import { mase, maseScale, pinball, rmsse, rmsseScale, scaledMae, scaledRmse, stockoutDay } from './metrics.ts';

describe('metrics', () => {
  it('MASE scales by the in-sample seasonal naive error and refuses a zero scale', () => {
    expect(mase([1, 2, 3, 4], [5, 6], [5, 6], 1)).toBe(0);
    expect(mase([0, 2, 0, 2], [1, 1], [0, 0], 2)).toBeNaN(); // lag-2 naive is perfect in-sample
    expect(mase([0, 2, 0, 2], [1, 1], [0, 0], 1)).toBeCloseTo(0.5);
    expect(mase([1, 1, 1], [1], [1], 1)).toBeNaN();
  });
  it('RMSSE follows the M5 definition (scale from the first non-zero demand)', () => {
    expect(rmsse([0, 0, 0, 1, 0, 1], [1, 0], [0.5, 0.5])).toBeCloseTo(0.5);
    expect(rmsse([0, 0], [1], [0])).toBeNaN();
  });
  it('pinball charges q per unit under and 1-q per unit over', () => {
    expect(pinball(0.9, 10, 12)).toBeCloseTo(1.8);
    expect(pinball(0.9, 12, 10)).toBeCloseTo(0.2);
  });
  it('stockout day is the first day cumulative demand reaches the stock, H+1 if never', () => {
    expect(stockoutDay([2, 2, 2], 4)).toBe(2);
    expect(stockoutDay([2, 4, 6], 4, true)).toBe(2);
    expect(stockoutDay([1, 1], 5)).toBe(3);
    const level = 37 / 28;
    expect(stockoutDay(new Array(28).fill(level), 14 * level)).toBe(14); // float rounding tolerated
  });
});

describe('precomputed scales', () => {
  it('give exactly mase and rmsse', () => {
    const train = [0, 3, 1, 0, 4, 2, 2, 5, 0, 1];
    const actual = [2, 0, 3];
    const forecast = [1.5, 1.5, 1.5];
    expect(scaledMae(actual, forecast, maseScale(train, 7))).toBe(mase(train, actual, forecast, 7));
    expect(scaledRmse(actual, forecast, rmsseScale(train))).toBe(rmsse(train, actual, forecast));
    expect(scaledMae(actual, forecast, 0)).toBeNaN();
    expect(scaledRmse(actual, forecast, 0)).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import { crostonForecast, movingAverageForecast, naiveForecast, seasonalNaiveForecast, sesOptimizedForecast, tsbForecast } from './baselines.ts';

describe('baselines', () => {
  const y = Float64Array.of(1, 5, 2, 8, Number.NaN);
  it('naive repeats the last known value; seasonal naive the last season', () => {
    expect(Array.from(naiveForecast(y, 2))).toEqual([8, 8]);
    expect(Array.from(seasonalNaiveForecast(Float64Array.of(1, 2, 3, 4), 2, 3))).toEqual([3, 4, 3]);
  });
  it('moving average, SES, Croston and TSB give flat non-negative forecasts', () => {
    expect(Array.from(movingAverageForecast(y, 2, 2))).toEqual([5, 5]);
    const ses = sesOptimizedForecast(Float64Array.of(1, 9, 1, 9, 1, 9), 3);
    expect(ses[0]).toBeGreaterThan(1);
    expect(ses[0]).toBeLessThan(9);
    expect(crostonForecast(Float64Array.of(0, 4, 0, 4), 1)[0]).toBeCloseTo(2);
    expect(tsbForecast(Float64Array.of(4, 4, 4), 1)[0]).toBeCloseTo(4);
  });
});

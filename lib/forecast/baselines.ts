/**
 * Textbook baselines the benchmarks compare against (flat forecasts from the last origin).
 * They read unknown (NaN) periods the same way the models do: as no information.
 */
import { crostonAt, movingAverageAt, sesAt, tsbAt } from './models.ts';

/**
 * Naive: repeat the last known value.
 * @example naiveForecast(Float64Array.of(1, 5), 2) // [5, 5]
 */
export function naiveForecast(y: Float64Array, horizon: number): Float64Array {
  let last = 0;
  for (let i = y.length - 1; i >= 0; i--) {
    if (y[i]! === y[i]!) {
      last = y[i]!;
      break;
    }
  }
  return new Float64Array(horizon).fill(last);
}

/**
 * Seasonal naive: repeat the last full season (lag `season`), naive when history is shorter.
 * @example seasonalNaiveForecast(Float64Array.of(1, 2, 3), 2, 3) // [2, 3, 2]
 */
export function seasonalNaiveForecast(y: Float64Array, season: number, horizon: number): Float64Array {
  const n = y.length;
  if (n < season) return naiveForecast(y, horizon);
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    const v = y[n - season + (h % season)]!;
    out[h] = v === v ? v : 0;
  }
  return out;
}

/**
 * Mean of the last `window` known values, repeated.
 * @example movingAverageForecast(Float64Array.of(1, 2, 3), 2, 1) // [2.5]
 */
export function movingAverageForecast(y: Float64Array, window: number, horizon: number): Float64Array {
  const out = new Float64Array(1);
  movingAverageAt(y, window, [y.length], out);
  return new Float64Array(horizon).fill(out[0]!);
}

/**
 * SES with the smoothing weight that minimises in-sample one-step squared error over a grid
 * (what `forecast::ses` does with a continuous optimiser).
 * @example sesOptimizedForecast(Float64Array.of(2, 2, 2), 1) // [2]
 */
export function sesOptimizedForecast(y: Float64Array, horizon: number): Float64Array {
  let bestAlpha = 0.1;
  let bestError = Infinity;
  for (const alpha of [0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]) {
    let level = Number.NaN;
    let error = 0;
    for (let i = 0; i < y.length; i++) {
      const v = y[i]!;
      if (v !== v) continue;
      if (level !== level) {
        level = v;
        continue;
      }
      error += (v - level) * (v - level);
      level += alpha * (v - level);
    }
    if (error < bestError) {
      bestError = error;
      bestAlpha = alpha;
    }
  }
  const out = new Float64Array(1);
  sesAt(y, bestAlpha, [y.length], out);
  return new Float64Array(horizon).fill(out[0]!);
}

/**
 * Croston (alpha 0.1).
 * @example crostonForecast(Float64Array.of(0, 4, 0, 4), 1) // [2]
 */
export function crostonForecast(y: Float64Array, horizon: number): Float64Array {
  const out = new Float64Array(1);
  crostonAt(y, 0.1, 1, [y.length], out);
  return new Float64Array(horizon).fill(out[0]!);
}

/**
 * TSB (size alpha 0.1, probability beta 0.1).
 * @example tsbForecast(Float64Array.of(4, 4), 1) // [4]
 */
export function tsbForecast(y: Float64Array, horizon: number): Float64Array {
  const out = new Float64Array(1);
  tsbAt(y, 0.1, 0.1, [y.length], out);
  return new Float64Array(horizon).fill(out[0]!);
}

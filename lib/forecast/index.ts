/**
 * Forecasting entry point shared by the planning core, the batch CLI and the benchmarks.
 *
 * PLACEHOLDER implementation (28-period moving average with a Poisson-style band) so that
 * callers can be written against the final signature; the forecasting work replaces the
 * internals and keeps these exported types and functions.
 */
export type Freq = 'D' | 'W' | 'M';

export interface SeriesInput {
  /** Units per period, oldest first. `null` = not known (e.g. out of stock: censored). */
  values: (number | null)[];
  freq: Freq;
  /** ISO date of values[0]. Needed for calendar effects (weekday, Christmas). */
  start: string;
}

export interface ForecastResult {
  /** Name of the model that produced the point forecast. */
  model: string;
  /** Expected demand in each future period 1..H. */
  mean: number[];
  /** Median of total demand over periods 1..h+1 (non-decreasing). */
  p50Cum: number[];
  /** 90% quantile of total demand over periods 1..h+1 (non-decreasing). */
  p90Cum: number[];
  /** q-quantile (0<q<1) of total demand over periods 1..h+1, for any service level. */
  quantileCum(q: number): number[];
}

/** Optional knowledge pooled across a seller's SKUs (fitted once, passed to each series). */
export type ForecastContext = Record<string, unknown>;

export function forecastSeries(input: SeriesInput, horizon: number, _ctx?: ForecastContext): ForecastResult {
  const known = input.values.filter((v): v is number => v !== null && Number.isFinite(v));
  const window = known.slice(-28);
  const level = window.length ? window.reduce((a, b) => a + b, 0) / window.length : 0;
  const mean = Array.from({ length: horizon }, () => level);
  const quantileCum = (q: number) => {
    const z = Math.sqrt(2) * inverseErf(2 * q - 1);
    return mean.map((_, h) => {
      const mu = level * (h + 1);
      return Math.max(0, mu + z * Math.sqrt(mu));
    });
  };
  return { model: 'ma28', mean, p50Cum: quantileCum(0.5), p90Cum: quantileCum(0.9), quantileCum };
}

function inverseErf(x: number): number {
  const a = 0.147;
  const ln = Math.log(1 - x * x);
  const t = 2 / (Math.PI * a) + ln / 2;
  return Math.sign(x) * Math.sqrt(Math.sqrt(t * t - ln / a) - t);
}

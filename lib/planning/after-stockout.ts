/**
 * The forecast just after a stockout. A shelf empties when demand runs high, so once the
 * out-of-stock days are censored, the recent level rests on the busier days before them and
 * overstates what comes next (on the partial-views benchmark the forecast after a stockout was
 * 1.12x the next four weeks' demand on M5 and 1.24x on Online Retail). The forecast is pulled
 * towards the half-year level by twice the share of the last four weeks that was out of stock,
 * never raised, and never below what reading the out-of-stock days as zero demand would give. Chosen on the benchmark's training origins (pull 0, 1, 2, 3 x the share; 91 or
 * 182 days): M5 weekly 2.88 -> 2.82 days, Online Retail weekly 4.15 -> 3.98.
 */
import type { ForecastResult } from '../forecast/index';
import { knownMean } from './lifecycle';
import type { DemandSeries } from './demand-series';

const RECENT_DAYS = 28;
const LONG_RUN_DAYS = 182;
/** Share of the pull per out-of-stock share: two weeks out of four pulls all the way. */
const PULL_PER_CENSORED_SHARE = 2;

/**
 * How much of the forecast to keep after a stockout: 1 without out-of-stock days in the last
 * four weeks, else between 1 and the half-year level over the recent one.
 * @example afterStockoutRatio(series with 7 of the last 28 days out, recent 10/day, half-year 6/day) // 1 - 0.5 + 0.5 * 0.6 = 0.8
 */
export function afterStockoutRatio(series: DemandSeries): number {
  const units = series.units;
  let censored = 0;
  for (let i = Math.max(0, units.length - RECENT_DAYS); i < units.length; i++) if (units[i] !== units[i]) censored++;
  if (censored === 0) return 1;
  const recent = knownMean(units, 0, RECENT_DAYS);
  const longRun = knownMean(units, 0, LONG_RUN_DAYS);
  if (!(recent > 0) || !(longRun >= 0)) return 1;
  const pull = Math.min(1, (PULL_PER_CENSORED_SHARE * censored) / RECENT_DAYS);
  // Never below reading the empty-shelf days as no demand at all (the recent level with them as zeros).
  const asIfZero = 1 - censored / RECENT_DAYS;
  return Math.min(1, Math.max(asIfZero, 1 - pull + pull * (longRun / recent)));
}

/**
 * The forecast scaled by afterStockoutRatio (mean and every quantile alike), never below
 * `asIfNoDemand()`: the forecast of the same history with its unknown days read as zero sales
 * (asked for only when the pull applies). An empty shelf never says less than no demand at all.
 * @example afterStockout(forecast, series, () => forecastOf(zeroed)).mean[0] // forecast.mean[0] * afterStockoutRatio(series), or more
 */
export function afterStockout(forecast: ForecastResult, series: DemandSeries, asIfNoDemand?: () => { mean: ArrayLike<number> }): ForecastResult {
  let ratio = afterStockoutRatio(series);
  if (ratio >= 1) return forecast;
  if (asIfNoDemand) {
    const total = sum(forecast.mean);
    if (total > 0) ratio = Math.min(1, Math.max(ratio, sum(asIfNoDemand().mean) / total));
    if (ratio >= 1) return forecast;
  }
  const scale = (values: ArrayLike<number>) => scaled(values, ratio);
  // The curves are scaled when read (a plan reads a few points of them, not every curve).
  let p50: number[] | null = null;
  let p90: number[] | null = null;
  return {
    model: forecast.model,
    mean: scale(forecast.mean),
    get p50Cum() {
      return (p50 ??= scale(forecast.p50Cum));
    },
    get p90Cum() {
      return (p90 ??= scale(forecast.p90Cum));
    },
    quantileCum: (q, length) => scale(forecast.quantileCum(q, length)),
  };
}

/**
 * Each value times `ratio`, as a new array. A plain loop: `Array.from(values, map)` walks a
 * typed array through its iterator, one result object per day (25 MB of garbage in the store
 * bench's 5,000-row re-plan, by its heap profile on 2026-12-05).
 * @example scaled(Float64Array.of(2, 4), 0.5) // [1, 2]
 */
export function scaled(values: ArrayLike<number>, ratio: number): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! * ratio;
  return out;
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/**
 * The series with its unknown days after the first known one read as zero sales (the leading
 * unknown days, before anything was seen, stay unknown).
 * @example unknownAsZero(Float64Array.of(NaN, 2, NaN, 3)) // [NaN, 2, 0, 3]
 */
export function unknownAsZero(series: DemandSeries): DemandSeries {
  const units = Float64Array.from(series.units);
  let seen = false;
  for (let i = 0; i < units.length; i++) {
    if (units[i] === units[i]) seen = true;
    else if (seen) units[i] = 0;
  }
  return { ...series, units };
}

/**
 * Forecasting entry point shared by the planning core, the batch CLI and the benchmarks.
 *
 * `forecastSeries` picks a model per series on a rolling-origin holdout (moving average, SES,
 * Croston, SBA, TSB, damped trend, a blend; each optionally with a day-of-week profile and a
 * same-time-last-year adjustment) and gives negative-binomial quantiles of cumulative demand.
 * Pass a context from `fitContext` (pooled across all of a seller's SKUs) for better weekday
 * shapes and calibrated quantiles; without it, built-in defaults are used.
 */
import { cleanValues, seriesValues, startWeekday } from './clean-series.ts';
import { forecastClean, MAX_HORIZON, type CoreForecast } from './core.ts';
import { forecastArray } from './forecast-mean.ts';
import { cumulativeQuantileCurvesInto } from './distribution.ts';
import { groupTotal, memberHistories, memberShare, poolCore, poolGroups, poolSettings, totalForecast } from './pooling.ts';
import type { AnySeriesInput, ForecastContext, ForecastResult, Freq } from './types.ts';

export type { Freq, SeriesInput, TypedSeriesInput, AnySeriesInput, ForecastResult, ForecastContext } from './types.ts';
export { fitContext } from './context.ts';

/** The levels a result names (p50Cum, p90Cum), worked out with whichever level is asked first. */
const SUMMARY_LEVELS: readonly number[] = [0.5, 0.9];

/** Service levels are clamped into this range so quantiles stay finite. */
const MIN_Q = 0.001;
const MAX_Q = 0.999;

/**
 * Forecast `horizon` periods of one series.
 *
 * Unknown (`null`) periods are censored: they are skipped, never read as zero. As a guarantee
 * that censoring can only raise the forecast, a series with unknown periods is also forecast
 * with them set to 0, and the larger of the two is returned (point forecast and every quantile).
 *
 * @example forecastSeries({ values: [3, 3, 3, 3], freq: 'D', start: '2024-01-01' }, 2).mean // [3, 3]
 */
export function forecastSeries(input: AnySeriesInput, horizon: number, ctx?: ForecastContext): ForecastResult {
  const h = clampHorizon(horizon);
  const context = ctx && typeof ctx === 'object' ? ctx : {};
  const { censored, asZeros, leadingUnknown } = forecastCores(input, h, context);
  const result = toResult(censored, asZeros, leadingUnknown);
  if (asZeros && leadingUnknown) offerUnknownAsZeroMean(result, () => unknownAsZeroMeanOf(input, h, context, asZeros));
  return result;
}

/**
 * Gives a result whose history has unknown periods before its first known one the planner's
 * floor after a stockout, worked out when first read (most plans never read it: it is asked only
 * after a recent stockout). Not enumerable, so copying a result does not work it out.
 */
function offerUnknownAsZeroMean(result: ForecastResult, meanOf: () => number[]): void {
  let mean: number[] | undefined;
  Object.defineProperty(result, 'unknownAsZeroMean', { get: () => (mean ??= meanOf()), enumerable: false });
}

/**
 * The mean forecastSeries gives for the history with its unknown periods after the first known
 * one read as zero (those before it stay unknown), given `asZeros`, the forecast of the history
 * with every unknown period as zero. Forecasting that history fits twice (its own censored
 * forecast, and as its floor the zero-filled one, which is `asZeros` again); this fits once.
 * Until 2026-12-06 the planner forecast that history itself: three fits of one history for
 * every listing with a recent stockout.
 * @example forecastSeries({ values: [null, 2, null, 3], freq: 'D', start: '2024-01-01' }, 7).unknownAsZeroMean
 * // the mean of forecastSeries({ values: [null, 2, 0, 3], ... }, 7)
 */
function unknownAsZeroMeanOf(input: AnySeriesInput, h: number, context: ForecastContext, asZeros: CoreForecast): number[] {
  const { freq, weekdayOf0, startDay } = calendarOf(input);
  // Its own array: the forecast's scratch history belongs to whichever forecast runs now.
  const { y } = cleanValues(seriesValues(input));
  let first = 0;
  while (first < y.length && y[first]! !== y[first]!) first++;
  for (let i = first; i < y.length; i++) if (y[i]! !== y[i]!) y[i] = 0;
  const censored = forecastClean({ y, freq, weekdayOf0, startDay, hasUnknown: first > 0, known: y.length - first }, h, context);
  // As toResult: the larger of the forecast and its floor, the history zero-filled throughout (the same as `asZeros`).
  const mean = new Array<number>(censored.mean.length);
  for (let i = 0; i < mean.length; i++) mean[i] = asZeros.mean[i]! > censored.mean[i]! ? asZeros.mean[i]! : censored.mean[i]!;
  return mean;
}

/**
 * Forecast many series at once. Series with a `group` key (the same product on several
 * channels) are pooled when the context has a `groupWeight` (from `fitContext`): each member's
 * forecast is shrunk toward the group total's forecast x its share of the total (see pooling.ts).
 * Every other series gets exactly `forecastSeries(input, horizon, ctx)`.
 * @example forecastBatch([a, b], 28, ctx) // [forecast of a, forecast of b]
 */
export function forecastBatch(inputs: readonly AnySeriesInput[], horizon: number, ctx?: ForecastContext): ForecastResult[] {
  const h = clampHorizon(horizon);
  const context = ctx && typeof ctx === 'object' ? ctx : {};
  const results = new Array<ForecastResult | undefined>(inputs.length);
  const settings = poolSettings(context);
  if (settings) {
    for (const group of poolGroups(inputs)) {
      const ys = memberHistories(inputs, group);
      const total = groupTotal(ys);
      const totalMean = totalForecast(total, group.freq, group.start, h, context);
      group.members.forEach((i, m) => {
        const share = memberShare(ys[m]!, total, settings.shareWindow);
        const { censored, asZeros, leadingUnknown } = forecastCores(inputs[i]!, h, context);
        const pool = (core: CoreForecast) => poolCore(core, totalMean, share, settings.weight);
        results[i] = toResult(pool(censored), asZeros && pool(asZeros), leadingUnknown);
      });
    }
  }
  return inputs.map((input, i) => results[i] ?? forecastSeries(input, h, context));
}

function clampHorizon(horizon: number): number {
  return Number.isFinite(horizon) ? Math.min(MAX_HORIZON, Math.max(0, Math.floor(horizon))) : 0;
}

/**
 * The censored forecast and, when the history has unknown periods, the zero-filled one (and
 * whether any unknown period comes before the first known one).
 */
function forecastCores(
  input: AnySeriesInput,
  h: number,
  context: ForecastContext,
): { censored: CoreForecast; asZeros: CoreForecast | null; leadingUnknown: boolean } {
  const { freq, weekdayOf0, startDay } = calendarOf(input);
  const values = seriesValues(input);
  if (historyScratch.length < values.length) historyScratch = new Float64Array(Math.max(values.length, 2 * historyScratch.length));
  // Scratch view: forecastClean keeps nothing that points into its input.
  const { y, hasUnknown, known } = cleanValues(values, historyScratch);
  const censored = forecastClean({ y, freq, weekdayOf0, startDay, hasUnknown, known }, h, context);
  if (!hasUnknown) return { censored, asZeros: null, leadingUnknown: false };
  // Scratch copy: forecastClean keeps nothing that points into its input.
  if (zeroScratch.length < y.length) zeroScratch = new Float64Array(Math.max(y.length, 2 * zeroScratch.length));
  const zeroFilled = zeroScratch.subarray(0, y.length);
  for (let i = 0; i < y.length; i++) zeroFilled[i] = y[i]! === y[i]! ? y[i]! : 0;
  const asZeros = forecastClean({ y: zeroFilled, freq, weekdayOf0, startDay, hasUnknown: false, known: y.length }, h, context);
  return { censored, asZeros, leadingUnknown: y.length > 0 && y[0]! !== y[0]! };
}

/**
 * A series' period (days unless weeks or months are named) and where its first period falls.
 * @example calendarOf({ values: [], freq: 'D', start: '2024-01-01' }) // { freq: 'D', weekdayOf0: 1 (a Monday), startDay: 19723 }
 */
function calendarOf(input: AnySeriesInput): { freq: Freq; weekdayOf0: number | null; startDay: number } {
  const freq = input.freq === 'W' || input.freq === 'M' ? input.freq : 'D';
  return { freq, ...startWeekday(input.start, freq) };
}

let zeroScratch = new Float64Array(1024);
let historyScratch = new Float64Array(1024);

/** Curves worked out for one result: each of `levels` (ascending) over `length` periods, level j at curves[j * length]. */
interface CurveSet {
  levels: readonly number[];
  length: number;
  curves: Float64Array;
}

/**
 * Cumulative quantile curves of a forecast at `levels` (ascending) over `length` periods, each
 * the larger of the forecast's own and its floor's (the zero-filled history's), in a block the
 * result keeps (see forecastArray).
 */
function curvesAt(core: CoreForecast, floor: CoreForecast | null, levels: readonly number[], length: number): CurveSet {
  const size = levels.length * length;
  const curves = forecastArray(size);
  cumulativeQuantileCurvesInto(core.mean, levels, core.spread, length, curves);
  if (floor) {
    if (floorScratch.length < size) floorScratch = new Float64Array(Math.max(size, 2 * floorScratch.length));
    cumulativeQuantileCurvesInto(floor.mean, levels, floor.spread, length, floorScratch);
    for (let i = 0; i < size; i++) if (floorScratch[i]! > curves[i]!) curves[i] = floorScratch[i]!;
  }
  return { levels, length, curves };
}

let floorScratch = new Float64Array(1024);

/** SUMMARY_LEVELS with `level` among them, ascending (kept per level: a plan asks the same service level 10,000 times). */
function levelsWith(level: number): readonly number[] {
  if (SUMMARY_LEVELS.includes(level)) return SUMMARY_LEVELS;
  let levels = levelSets.get(level);
  if (!levels) {
    if (levelSets.size >= 64) levelSets.clear();
    levels = [...SUMMARY_LEVELS, level].sort((a, b) => a - b);
    levelSets.set(level, levels);
  }
  return levels;
}

const levelSets = new Map<number, readonly number[]>();

/** The first `length` values of `level`'s curve in `set`, as a list of the caller's own. */
function curvePrefix(set: CurveSet, level: number, length: number): number[] {
  const from = set.levels.indexOf(level) * set.length;
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) out[i] = set.curves[from + i]!;
  return out;
}

function toResult(core: CoreForecast, floor: CoreForecast | null, leadingUnknown = false): ForecastResult {
  const mean = new Array<number>(core.mean.length);
  for (let i = 0; i < mean.length; i++) mean[i] = floor && floor.mean[i]! > core.mean[i]! ? floor.mean[i]! : core.mean[i]!;
  // The curves worked out so far: a plan asks its service level over the lead time, then the
  // median and p90 over 30 days, and one pass gives all three (see curvesAt).
  const sets: CurveSet[] = [];
  const quantileCum = (q: number, length?: number): number[] => {
    const level = Number.isFinite(q) ? Math.min(MAX_Q, Math.max(MIN_Q, q)) : 0.5;
    const wanted = length === undefined ? mean.length : Math.max(0, Math.min(mean.length, Math.floor(length) || 0));
    for (const set of sets) if (set.length >= wanted && set.levels.includes(level)) return curvePrefix(set, level, wanted);
    const set = curvesAt(core, floor, levelsWith(level), wanted);
    sets.push(set);
    return curvePrefix(set, level, wanted);
  };
  // The zero-filled forecast is the planner's floor after a stockout only when it read the same
  // days as zero (unknown days before the first known one stay unknown there).
  let unknownAsZeroMean: number[] | undefined;
  if (floor && !leadingUnknown) {
    // A loop, not Array.from: Array.from walks a typed array through its iterator.
    unknownAsZeroMean = new Array<number>(floor.mean.length);
    for (let i = 0; i < unknownAsZeroMean.length; i++) unknownAsZeroMean[i] = floor.mean[i]!;
  }
  // p50Cum/p90Cum are computed on first read and kept: callers that only ask quantileCum at
  // their own service level (the planner) do not pay for them. Copies are handed out by
  // quantileCum, so a caller mutating one array cannot corrupt another's.
  let p50: number[] | null = null;
  let p90: number[] | null = null;
  return {
    model: core.model,
    mean,
    get p50Cum() {
      return (p50 ??= quantileCum(0.5));
    },
    get p90Cum() {
      return (p90 ??= quantileCum(0.9));
    },
    quantileCum,
    ...(unknownAsZeroMean ? { unknownAsZeroMean } : {}),
  };
}

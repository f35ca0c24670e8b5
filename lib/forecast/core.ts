/**
 * The forecaster proper: clean the history, fit every candidate model once (recording its
 * forecast at a few rolling origins), pick a candidate on the holdout, then attach a
 * negative-binomial spread for quantiles.
 */
import { christmasIndices, epochDay, isClosedOnChristmas, weekdayOfEpochDay } from './calendar.ts';
import type { SpreadParams } from './distribution.ts';
import { blendedMovingAverageAt, dampedTrendAt, dampedTrendPairAt, flatModelsAt, MODEL_SETTINGS } from './models.ts';
import { weekdayProfile, yearlyFactors, type YearlySettings } from './seasonality.ts';
import type { ForecastContext, Freq, SpreadCalibration } from './types.ts';

/** Largest demand per period we accept; bigger inputs are clamped so squares stay finite. */
const MAX_UNITS_PER_PERIOD = 1e9;
/** Longest horizon we forecast (10 years of days); longer requests are cut to this. */
export const MAX_HORIZON = 3660;

interface FreqSettings {
  /** Holdout window per origin (periods). */
  evalWindow: number;
  /** Number of rolling origins used for selection. */
  origins: number;
  /** Moving-average window (28 days ~ what seller tools use; 4 weeks; 3 months). */
  maWindow: number;
  yearly: YearlySettings;
  /** Units of own history at which an item's weekday shape gets half weight. */
  weekdayShrinkUnits: number;
}

export const FREQ_SETTINGS: Record<Freq, FreqSettings> = {
  D: { evalWindow: 28, origins: 3, maWindow: 28, weekdayShrinkUnits: 60, yearly: { lag: 364, halfWidth: 3, referenceWindow: 28, shrink: 0.25 } },
  W: { evalWindow: 8, origins: 3, maWindow: 4, weekdayShrinkUnits: 0, yearly: { lag: 52, halfWidth: 1, referenceWindow: 4, shrink: 0.25 } },
  M: { evalWindow: 6, origins: 3, maWindow: 3, weekdayShrinkUnits: 0, yearly: { lag: 12, halfWidth: 0, referenceWindow: 3, shrink: 0.25 } },
};

/** Built-in fallbacks for pooled knowledge when no context is given. */
export const DEFAULTS = {
  dispersion: 3,
  dispersionShrinkPeriods: 20,
  levelDrift: 0.3,
  /** Blend weights of the 7/14/28/56-day (or 1/2/4/8-week) averages: the plain 28-day average. */
  levelWeights: [0, 0, 1, 0, 0],
  defaultModel: 'ma+dow',
  /** A challenger must beat the default's holdout error by this share to be chosen. */
  selectionMargin: 0.25,
};

/** Base models fitted on the (possibly de-seasonalised) history. */
type BaseModel = 'ma' | 'ses' | 'croston' | 'sba' | 'tsb' | 'damped' | 'blend';

/** History after cleaning, with the calendar facts the models need. */
interface CleanSeries {
  /** Demand per period, NaN = unknown. */
  y: Float64Array;
  freq: Freq;
  /** Weekday of y[0] for daily data with a valid start date, else null. */
  weekdayOf0: number | null;
  /** Epoch day of y[0] (NaN when the start date is invalid). */
  startDay: number;
  /** Whether any period was unknown in the input. */
  hasUnknown: boolean;
  /** Number of known periods, when the caller counted them already (cleanValues does). */
  known?: number;
}

/**
 * Turn raw input values into a typed array: null/NaN/±Infinity become unknown, negatives (net
 * returns) become 0 demand, and absurd values are clamped. With `scratch` (long enough) the
 * result is a view of it instead of a new array.
 * @example cleanValues([1, null, -2]) // Float64Array [1, NaN, 0]
 */
export function cleanValues(values: readonly unknown[] | Float64Array, scratch?: Float64Array): { y: Float64Array; hasUnknown: boolean; known: number } {
  const y = scratch && scratch.length >= values.length ? scratch.subarray(0, values.length) : new Float64Array(values.length);
  if (values instanceof Float64Array) {
    // The planner's typed series: a loop of its own keeps both loops monomorphic.
    let unknown = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v - v === 0) y[i] = v < 0 ? 0 : v > MAX_UNITS_PER_PERIOD ? MAX_UNITS_PER_PERIOD : v;
      else {
        y[i] = Number.NaN;
        unknown++;
      }
    }
    return { y, hasUnknown: unknown > 0, known: values.length - unknown };
  }
  let unknown = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) {
      y[i] = v < 0 ? 0 : v > MAX_UNITS_PER_PERIOD ? MAX_UNITS_PER_PERIOD : v;
    } else {
      y[i] = Number.NaN;
      unknown++;
    }
  }
  return { y, hasUnknown: unknown > 0, known: values.length - unknown };
}

/**
 * The values of a series input when they are a list or a Float64Array, else an empty list
 * (inputs come from JSON and other callers: anything else is no history).
 * @example seriesValues({ values: Float64Array.of(1, NaN) }).length // 2
 */
export function seriesValues(input: { values?: unknown }): readonly unknown[] | Float64Array {
  const values = input.values;
  return Array.isArray(values) || values instanceof Float64Array ? values : [];
}

/** Point forecast plus what the quantiles need. */
export interface CoreForecast {
  model: string;
  /** Per-period level of the chosen model at the origin (what the spread calibration buckets by). */
  level: number;
  mean: Float64Array;
  spread: SpreadParams;
}

/**
 * Forecast one cleaned series `horizon` periods ahead.
 *
 * Two halves: `fitCandidates` (rolling origins -> fit candidates -> yearly variants ->
 * holdout scores) and `finishForecast` (selection by the context's policy -> final forecast ->
 * spread). Each half is kept as one function on purpose (forecast kernels, exempt from the
 * 80-line rule): every step shares the same dozen values (the origins, the eval window, the
 * profile, the per-origin yearly factors), and this runs once per SKU in 10,000-SKU plans, so
 * the views into one buffer and the in-place candidate list stay within one frame. The split
 * lets fitContext score several selection policies and combination weights on one fit.
 * @example forecastClean(clean, 28, {}).mean.length // 28
 */
export function forecastClean(series: CleanSeries, horizon: number, ctx: ForecastContext): CoreForecast {
  return finishForecast(fitCandidates(series, horizon, ctx), horizon, ctx);
}

/**
 * Every candidate of one series fitted and scored on its holdout: what `finishForecast` picks
 * from. It does not depend on the context's selection policy (defaultModel, selectionMargin),
 * combination weight or spread, so fitContext scores several of those on one fit. Its arrays
 * and candidates are scratch reused by the next fit: finish it before fitting another series.
 */
interface FittedCandidates {
  series: CleanSeries;
  settings: FreqSettings;
  /** Null when nothing in the history is known. */
  fit: {
    fitY: Float64Array;
    closedChristmas: boolean;
    profile: Float64Array | null;
    weekdayOf0: number | null;
    seasonal: boolean;
    origins: number[];
    candidates: Candidate[];
    /** Same-time-last-year factors over each evaluation window, k's from k x window (null without a year of history). */
    yearly: Float64Array | null;
    /** The history those factors are read from (the forecast's own are read from it when needed). */
    yearlyBase: Float64Array | null;
    /** Holdout sum of squared errors per candidate, scores[c] for c < candidates.length (null without an evaluation window). */
    scores: Float64Array | null;
    /** The item's own dispersion and its weight against the pooled prior (null: no sales seen). */
    dispersion: { own: number; weight: number } | null;
    /** Mean of the known periods over the past year (what the quantiles' revival allowance reaches up to). */
    longRunRate: number;
  } | null;
}

/**
 * Fit and score every candidate (the first half of forecastClean).
 * @example finishForecast(fitCandidates(clean, 28, ctx), 28, ctx) // = forecastClean(clean, 28, ctx)
 */
export function fitCandidates(series: CleanSeries, horizon: number, ctx: ForecastContext): FittedCandidates {
  const { y, freq } = series;
  const n = y.length;
  const settings = FREQ_SETTINGS[freq] ?? FREQ_SETTINGS.D;
  let known = series.known ?? -1;
  if (known < 0) {
    known = 0;
    for (let i = 0; i < n; i++) if (y[i]! === y[i]!) known++;
  }
  if (known === 0) return { series, settings, fit: null };

  const { fitY, closedChristmas, profile, deseasonalised } = prepare(series, known, settings, ctx);
  const weekdayOf0 = freq === 'D' ? series.weekdayOf0 : null;

  // Rolling origins: the last `origins` non-overlapping windows, each leaving some training data.
  const window = Math.min(settings.evalWindow, Math.max(1, Math.floor(n / 4)));
  // Scratch, like every buffer of a fit: read before the next fit is made.
  const origins = originsScratch;
  origins.length = 0;
  for (let k = settings.origins; k >= 1; k--) {
    const origin = n - k * window;
    if (origin >= Math.max(window, 8)) origins.push(origin);
  }
  const evalCount = origins.length;
  origins.push(n);

  const seasonal = deseasonalised !== null && profile !== null && weekdayOf0 !== null;
  const candidates = fitModels(fitY, seasonal ? deseasonalised : null, origins, levelSettings(settings, ctx), profile, weekdayOf0 ?? 0);

  // Yearly factors per origin, when at least a year plus a reference window of history exists.
  const yearlyOk = n >= settings.yearly.lag + settings.yearly.referenceWindow + window;
  const yearly = yearlyOk ? evaluationYearlyFactors(deseasonalised ?? fitY, origins, evalCount, window, settings.yearly) : null;
  if (yearly) addYearlyVariants(candidates);

  // Holdout scores (sum of squared errors over the evaluation windows).
  let scores: Float64Array | null = null;
  if (evalCount > 0) {
    const stats = windowStats(fitY, origins, evalCount, window, seasonal ? profile : null, weekdayOf0 ?? 0);
    if (scoresScratch.length < candidates.length) scoresScratch = new Float64Array(Math.max(candidates.length, 2 * scoresScratch.length));
    scores = scoresScratch;
    for (let c = 0; c < candidates.length; c++) scores[c] = holdoutError(candidates[c]!, stats, origins, evalCount, window, fitY, profile, weekdayOf0, yearly);
  }
  // Computed once here, not per context in finishForecast (fitContext finishes one fit up to 11 times).
  const dispersion = dispersionEvidence(fitY, profile, weekdayOf0, DEFAULTS.dispersionShrinkPeriods);
  const longRunRate = longRunMean(fitY, settings.yearly.lag);
  return {
    series,
    settings,
    fit: {
      fitY,
      closedChristmas,
      profile,
      weekdayOf0,
      seasonal,
      origins,
      candidates,
      yearly,
      yearlyBase: yearly && (deseasonalised ?? fitY),
      scores,
      dispersion,
      longRunRate,
    },
  };
}

/**
 * Every base candidate, in selection order: the models fitted on the history itself, then (with
 * a de-seasonalised history) the weekday-shaped ones. Both damped trends are fitted in one pass.
 */
function fitModels(
  fitY: Float64Array,
  deseasonalised: Float64Array | null,
  origins: number[],
  levels: { windows: readonly number[]; weights: readonly number[] },
  profile: Float64Array | null,
  weekdayOf0: number,
): Candidate[] {
  const candidates = candidatesScratch;
  candidates.length = 0;
  const damped = fitAll(fitY, origins, levels, null, 0, false, candidates, fitY, deseasonalised !== null);
  const { dampedAlpha, dampedBeta, dampedPhi } = MODEL_SETTINGS;
  if (deseasonalised) {
    // The weekday MA is a ratio estimator on the raw history (see blendedMovingAverageAt).
    const dampedDow = fitAll(deseasonalised, origins, levels, profile, weekdayOf0, true, candidates, fitY);
    const out = { levelA: damped.level, slopeA: damped.slope!, levelB: dampedDow.level, slopeB: dampedDow.slope! };
    dampedTrendPairAt(fitY, deseasonalised, dampedAlpha, dampedBeta, dampedPhi, origins, out);
  } else {
    dampedTrendAt(fitY, dampedAlpha, dampedBeta, dampedPhi, origins, damped.level, damped.slope!);
  }
  return candidates;
}

/**
 * Same-time-last-year factors over each evaluation window, origin k's at [k * window, (k + 1) *
 * window) of one scratch buffer (read before the next fit): a typed array this long is allocated
 * off the JS heap, about 1 us per SKU plus its finalisation by the collector. The last origin's
 * factors (the forecast's) are worked out by finishForecast only when it picks a
 * same-time-last-year model.
 */
function evaluationYearlyFactors(base: Float64Array, origins: number[], evalCount: number, window: number, settings: YearlySettings): Float64Array {
  const size = Math.max(evalCount * window, 1);
  if (yearlyScratch.length < size) yearlyScratch = new Float64Array(Math.max(size, 2 * yearlyScratch.length));
  for (let k = 0; k < evalCount; k++) yearlyFactors(base, origins[k]!, window, settings, yearlyScratch, k * window);
  return yearlyScratch;
}

/**
 * Pick a candidate by the context's policy and give its forecast and spread (the second half of
 * forecastClean; `fitted` is only read, so one fit serves several contexts).
 * @example finishForecast(fitCandidates(clean, 28, ctx), 28, { ...ctx, selectionMargin: 1 }).model // 'ma+dow'
 */
export function finishForecast(fitted: FittedCandidates, horizon: number, ctx: ForecastContext): CoreForecast {
  const { series, settings, fit } = fitted;
  const n = series.y.length;
  const mean = forecastArray(horizon);
  // Spread objects written out field by field: an object spread here costs more than the rest.
  const levelWindow = settings.maWindow;
  const levelDrift = positiveOr(ctx.levelDrift, DEFAULTS.levelDrift);
  const driftHorizon = settings.evalWindow;
  if (!fit) return { model: 'none', level: 0, mean, spread: { levelWindow, levelDrift, driftHorizon, dispersion: 1 } };
  const { fitY, closedChristmas, profile, weekdayOf0, seasonal, origins, candidates, scores } = fit;
  const defaultName = typeof ctx.defaultModel === 'string' && ctx.defaultModel ? ctx.defaultModel : DEFAULTS.defaultModel;
  const fallbackName = seasonal ? 'ma+dow' : 'ma';
  let chosen = 0;
  let named = -1;
  for (let c = 0; c < candidates.length; c++) {
    if (candidates[c]!.name === defaultName) named = c;
    if (candidates[c]!.name === fallbackName) chosen = c;
  }
  if (named >= 0) chosen = named;
  if (scores) {
    let best = -1;
    let bestScore = Infinity;
    for (let c = 0; c < candidates.length; c++) {
      if (scores[c]! < bestScore) {
        bestScore = scores[c]!;
        best = c;
      }
    }
    const defaultScore = scores[chosen]!;
    const margin =
      typeof ctx.selectionMargin === 'number' && ctx.selectionMargin >= 0 && ctx.selectionMargin <= 1 ? ctx.selectionMargin : DEFAULTS.selectionMargin;
    if (best >= 0 && bestScore < defaultScore * (1 - margin)) chosen = best;
  }
  const model = candidates[chosen]!;

  // Final forecast from the last origin.
  const k = origins.length - 1;
  let factors: Float64Array | null = null;
  if (model.yearly && fit.yearlyBase) {
    if (finalYearlyScratch.length < Math.max(horizon, 1)) finalYearlyScratch = new Float64Array(Math.max(horizon, 2 * finalYearlyScratch.length));
    factors = finalYearlyScratch;
    yearlyFactors(fit.yearlyBase, n, horizon, settings.yearly, factors);
  }
  fillForecast(model, k, n, horizon, profile, weekdayOf0, factors, 0, mean);
  combineWithWindowAverage(mean, fitY, settings.maWindow, ctx.combinationWeight);
  if (closedChristmas) {
    for (const i of christmasIndices(series.startDay + n, horizon)) mean[i] = 0;
  }

  const dispersion = shrunkDispersion(fit.dispersion, positiveOr(ctx.dispersion, DEFAULTS.dispersion));
  const level = model.level[k]!;
  const bucket = spreadBucket(ctx.spreadCalibration, level);
  const { longRunRate } = fit;
  if (!bucket) return { model: model.name, level, mean, spread: { levelWindow, levelDrift, driftHorizon, dispersion, longRunRate } };
  const spread = {
    levelWindow,
    levelDrift: bucket.levelDrift,
    driftHorizon,
    dispersion: Math.max(1, dispersion * bucket.dispersionScale),
    longRunRate,
    revival: bucket.revival,
  };
  return { model: model.name, level, mean, spread };
}

/** Numbers per shared block of forecastArray (128 KB): a kept forecast keeps its block alive. */
const FORECAST_BLOCK = 16_384;
let forecastBlock = new Float64Array(FORECAST_BLOCK);
let forecastBlockUsed = 0;

/**
 * A zeroed Float64Array of `length` that callers may keep, carved from a shared block: a typed
 * array of more than 8 numbers is allocated off the JS heap (about 1 us each, plus finalisation
 * by the collector), and a 10,000-SKU plan makes one forecast per SKU.
 * @example forecastArray(130).length // 130
 */
export function forecastArray(length: number): Float64Array {
  if (length > FORECAST_BLOCK / 8) return new Float64Array(length);
  if (forecastBlockUsed + length > FORECAST_BLOCK) {
    forecastBlock = new Float64Array(FORECAST_BLOCK);
    forecastBlockUsed = 0;
  }
  const out = forecastBlock.subarray(forecastBlockUsed, forecastBlockUsed + length);
  forecastBlockUsed += length;
  return out;
}

/**
 * Convex combination (in place) of a forecast with the plain mean of the last `window` known
 * periods: (1 - w) x forecast + w x average. Nothing changes when w is missing, not in (0, 1]
 * or the window has no known period.
 * @example combineWithWindowAverage(m = Float64Array.of(4, 4), Float64Array.of(0, 2), 2, 0.5) // m = [2.5, 2.5]
 */
export function combineWithWindowAverage(mean: Float64Array, y: Float64Array, window: number, weight: unknown): void {
  if (typeof weight !== 'number' || !(weight > 0) || !(weight <= 1)) return;
  let sum = 0;
  let count = 0;
  for (let i = y.length - 1; i >= 0 && count < window; i--) {
    const v = y[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  if (count === 0) return;
  const average = sum / count;
  for (let h = 0; h < mean.length; h++) mean[h] = (1 - weight) * mean[h]! + weight * average;
}

/** Windows of the blended moving average, as multiples of the frequency's MA window (7/14/28/56 days). */
const LEVEL_WINDOW_FACTORS = [0.25, 0.5, 1, 2, 4] as const;

/** The blended moving average's windows per MA window (worked out once, read by every fit). */
const levelWindows = new Map<number, readonly number[]>();

/** Moving-average windows and their blend weights for one frequency (weights from the context when valid). */
function levelSettings(settings: FreqSettings, ctx: ForecastContext): { windows: readonly number[]; weights: readonly number[] } {
  let windows = levelWindows.get(settings.maWindow);
  if (!windows) {
    windows = LEVEL_WINDOW_FACTORS.map((factor) => Math.max(1, Math.round(factor * settings.maWindow)));
    levelWindows.set(settings.maWindow, windows);
  }
  const given: unknown = ctx.levelWeights;
  if (!Array.isArray(given) || given.length !== windows.length) return { windows, weights: DEFAULTS.levelWeights };
  let total = 0;
  for (const w of given) {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) return { windows, weights: DEFAULTS.levelWeights };
    total += w;
  }
  return { windows, weights: total > 0 ? (given as number[]) : DEFAULTS.levelWeights };
}

/** What every model needs: the history with closed days unknown, and the weekday shape. */
interface Prepared {
  fitY: Float64Array;
  closedChristmas: boolean;
  profile: Float64Array | null;
  deseasonalised: Float64Array | null;
}

let deseasonalisedScratch = new Float64Array(1024);
let yearlyScratch = new Float64Array(1024);
let finalYearlyScratch = new Float64Array(1024);
let closedChristmasScratch = new Float64Array(1024);
/** The item's weekday shape, its inverse and the context's prior: scratch like the rest of a fit. */
const profileScratch = new Float64Array(7);
const inverseScratch = new Float64Array(7);
const priorScratch = new Float64Array(7);

function prepare(series: CleanSeries, known: number, settings: FreqSettings, ctx: ForecastContext): Prepared {
  const { y, freq } = series;
  const n = y.length;
  // Calendar: closed Christmas days are not demand information (treat as unknown when fitting).
  let closedChristmas = false;
  let fitY = y;
  if (freq === 'D' && Number.isFinite(series.startDay)) {
    const christmas = christmasIndices(series.startDay, n);
    closedChristmas = isClosedOnChristmas(y, christmas);
    if (closedChristmas) {
      // Scratch, like the de-seasonalised history: a fit is read before the next one is made.
      if (closedChristmasScratch.length < n) closedChristmasScratch = new Float64Array(Math.max(n, 2 * closedChristmasScratch.length));
      fitY = closedChristmasScratch.subarray(0, n);
      fitY.set(y);
      for (const i of christmas) fitY[i] = Number.NaN;
    }
  }
  // Weekday profile (daily only) and the de-seasonalised history the models are fitted on.
  const weekdayOf0 = freq === 'D' ? series.weekdayOf0 : null;
  let profile: Float64Array | null = null;
  let deseasonalised: Float64Array | null = null;
  if (weekdayOf0 !== null && known >= 28) {
    const prior = validProfile(ctx.weekdayProfile);
    profile = weekdayProfile(fitY, weekdayOf0, Math.max(0, n - 364), n, prior, settings.weekdayShrinkUnits, profileScratch);
    // A scratch buffer (models only read it during this call; nothing keeps it).
    if (deseasonalisedScratch.length < n) deseasonalisedScratch = new Float64Array(Math.max(n, 2 * deseasonalisedScratch.length));
    deseasonalised = deseasonalisedScratch.subarray(0, n);
    // A weekday that (almost) never sells (e.g. a closed Saturday) says nothing about the level.
    const inverse = inverseScratch;
    for (let d = 0; d < 7; d++) inverse[d] = profile[d]! < 0.15 ? Number.NaN : 1 / profile[d]!;
    let weekday = weekdayOf0;
    for (let i = 0; i < n; i++) {
      deseasonalised[i] = fitY[i]! * inverse[weekday]!;
      weekday = weekday === 6 ? 0 : weekday + 1;
    }
  }
  return { fitY, closedChristmas, profile, deseasonalised };
}

/**
 * The default model's forecast with each moving-average window alone (one array per window of
 * `LEVEL_WINDOW_FACTORS`), for choosing the blend weights on pooled holdouts: the blend's
 * forecast is the weighted mean of these.
 * @example windowForecasts(clean, 28, ctx).length // 5
 */
export function windowForecasts(series: CleanSeries, horizon: number, ctx: ForecastContext): Float64Array[] {
  const n = series.y.length;
  const settings = FREQ_SETTINGS[series.freq] ?? FREQ_SETTINGS.D;
  let known = 0;
  for (let i = 0; i < n; i++) if (series.y[i]! === series.y[i]!) known++;
  const { fitY, closedChristmas, profile } = prepare(series, known, settings, ctx);
  const weekdayOf0 = series.freq === 'D' ? series.weekdayOf0 : null;
  const { windows } = levelSettings(settings, ctx);
  const seasonal = profile !== null && weekdayOf0 !== null;
  const closed = closedChristmas ? christmasIndices(series.startDay + n, horizon) : [];
  const level = new Float64Array(1);
  return windows.map((w) => {
    blendedMovingAverageAt(fitY, seasonal ? profile : null, weekdayOf0 ?? 0, [w], [1], [n], level);
    const out = new Float64Array(horizon);
    let weekday = seasonal ? (weekdayOf0! + n) % 7 : 0;
    for (let h = 0; h < horizon; h++) {
      out[h] = seasonal ? level[0]! * profile![weekday]! : level[0]!;
      weekday = weekday === 6 ? 0 : weekday + 1;
    }
    for (const i of closed) out[i] = 0;
    return out;
  });
}

/** Each base model with the weekday profile (literal names, see YEARLY_VARIANT). */
const WEEKDAY_VARIANT: Readonly<Record<BaseModel, string>> = {
  ma: 'ma+dow',
  ses: 'ses+dow',
  croston: 'croston+dow',
  sba: 'sba+dow',
  tsb: 'tsb+dow',
  damped: 'damped+dow',
  blend: 'blend+dow',
};

/**
 * The same-time-last-year variant of each base model that has one (moving averages and the
 * blend). Literal names: candidate names are compared on every forecast, and a concatenated
 * string compares character by character.
 */
const YEARLY_VARIANT: Readonly<Record<string, string>> = {
  ma: 'ma+year',
  'ma+dow': 'ma+dow+year',
  blend: 'blend+year',
  'blend+dow': 'blend+dow+year',
};

/** One candidate model: its flat level (and slope for trend models) at every origin. */
interface Candidate {
  name: string;
  level: Float64Array;
  slope: Float64Array | null;
  /** Multiply by the weekday profile. */
  seasonal: boolean;
  /** Multiply by the same-time-last-year factors. */
  yearly: boolean;
}

/**
 * Add every candidate fitted on `z` to `out` and return the damped-trend one, whose level and
 * slope the caller fits (both histories' trends in one pass, see dampedTrendPairAt).
 */
function fitAll(
  z: Float64Array,
  origins: number[],
  level: { windows: readonly number[]; weights: readonly number[] },
  profile: Float64Array | null,
  weekdayOf0: number,
  seasonal: boolean,
  out: Candidate[],
  raw: Float64Array = z,
  trendOnly = false,
): Candidate {
  const m = origins.length;
  const suffix = seasonal ? '+dow' : '';
  const add = addCandidate;
  const ma = add(out, 'ma', suffix, m, seasonal);
  blendedMovingAverageAt(raw, profile, weekdayOf0, level.windows, level.weights, origins, ma);
  if (trendOnly) {
    // With a weekday shape, the flat models are fitted on the de-seasonalised history only; a
    // trend fitted on the raw one is still a candidate (it is picked for some launches).
    add(out, 'damped', suffix, m, seasonal, true);
    return out[out.length - 1]!;
  }
  const ses = add(out, 'ses', suffix, m, seasonal);
  const croston = add(out, 'croston', suffix, m, seasonal);
  const sba = add(out, 'sba', suffix, m, seasonal);
  const tsb = add(out, 'tsb', suffix, m, seasonal);
  flatModelsAt(z, 0.1, MODEL_SETTINGS.crostonAlpha, MODEL_SETTINGS.tsbDemandAlpha, MODEL_SETTINGS.tsbProbabilityBeta, origins, ses, croston, tsb);
  for (let k = 0; k < m; k++) sba[k] = croston[k]! * (1 - MODEL_SETTINGS.crostonAlpha / 2);
  add(out, 'damped', suffix, m, seasonal, true);
  const damped = out[out.length - 1]!;
  const blend = add(out, 'blend', suffix, m, seasonal);
  for (let k = 0; k < m; k++) blend[k] = (ma[k]! + ses[k]! + tsb[k]!) / 3;
  return damped;
}

function addCandidate(out: Candidate[], name: BaseModel, suffix: string, m: number, seasonal: boolean, slope = false): Float64Array {
  const entry = pooledEntry(out.length, m);
  const candidate = entry.candidate;
  candidate.name = suffix ? WEEKDAY_VARIANT[name] : name;
  candidate.level = entry.level;
  candidate.slope = slope ? entry.slope : null;
  candidate.seasonal = seasonal;
  candidate.yearly = false;
  out.push(candidate);
  return entry.level;
}

/**
 * Candidates are scratch like every other buffer of a fit (read before the next fit is made):
 * a fit has about 20 of them, and fresh objects and arrays for each, for each of 10,000 SKUs,
 * kept the collector busy. Entry i is reused as candidate i of every fit; its level and slope
 * hold `m` origins (every one written by the model that fills it).
 */
interface PooledCandidate {
  candidate: Candidate;
  level: Float64Array;
  slope: Float64Array;
}

const candidatePool: PooledCandidate[] = [];
const candidatesScratch: Candidate[] = [];
const originsScratch: number[] = [];
let scoresScratch = new Float64Array(32);

/** The same-time-last-year variant of every candidate that has one (YEARLY_VARIANT), sharing its levels. */
function addYearlyVariants(candidates: Candidate[]): void {
  const count = candidates.length;
  for (let c = 0; c < count; c++) {
    const { name, level, slope, seasonal } = candidates[c]!;
    const withYear = YEARLY_VARIANT[name];
    if (!withYear) continue;
    const variant = pooledEntry(candidates.length, 0).candidate;
    variant.name = withYear;
    variant.level = level;
    variant.slope = slope;
    variant.seasonal = seasonal;
    variant.yearly = true;
    candidates.push(variant);
  }
}

/** Pool entry `index`, with room for `m` origins. */
function pooledEntry(index: number, m: number): PooledCandidate {
  let entry = candidatePool[index];
  if (!entry || entry.level.length < m) {
    const level = new Float64Array(Math.max(m, 4));
    entry = { candidate: { name: '', level, slope: null, seasonal: false, yearly: false }, level, slope: new Float64Array(level.length) };
    candidatePool[index] = entry;
  }
  return entry;
}

/** Forecast of `candidate` from origin index k into out[0..length) (yearly factors from yearly[yearlyFrom]). */
function fillForecast(
  candidate: Candidate,
  k: number,
  origin: number,
  length: number,
  profile: Float64Array | null,
  weekdayOf0: number | null,
  yearly: Float64Array | null,
  yearlyFrom: number,
  out: Float64Array,
): void {
  const level = candidate.level[k]!;
  const slope = candidate.slope ? candidate.slope[k]! : 0;
  const seasonal = candidate.seasonal && profile !== null && weekdayOf0 !== null;
  const factors = candidate.yearly ? yearly : null;
  const phi = MODEL_SETTINGS.dampedPhi;
  let weekday = seasonal ? (weekdayOf0! + origin) % 7 : 0;
  let power = 1;
  let dampedTotal = 0;
  for (let h = 0; h < length; h++) {
    let value = level;
    if (slope !== 0) {
      power *= phi;
      dampedTotal += power; // phi + phi^2 + ... + phi^(h+1), as dampedSum(phi, h + 1)
      value += slope * dampedTotal;
    }
    if (seasonal) {
      value *= profile![weekday]!;
      weekday = weekday === 6 ? 0 : weekday + 1;
    }
    if (factors) value *= factors[yearlyFrom + h]!;
    out[h] = value > 0 ? value : 0;
  }
}

/**
 * Sums over the known actuals of each evaluation window, so a flat candidate's squared error is
 * sum a^2 - 2 L sum a w + L^2 sum w^2 (w = weekday multiplier, or 1) without a loop.
 */
interface WindowStats {
  squares: Float64Array;
  cross: Float64Array;
  weights: Float64Array;
  crossFlat: Float64Array;
  count: Float64Array;
}

let statsScratch: WindowStats = {
  squares: new Float64Array(8),
  cross: new Float64Array(8),
  weights: new Float64Array(8),
  crossFlat: new Float64Array(8),
  count: new Float64Array(8),
};

function windowStats(y: Float64Array, origins: number[], evalCount: number, window: number, profile: Float64Array | null, weekdayOf0: number): WindowStats {
  // Scratch (read only by holdoutError within the same forecastClean call).
  if (statsScratch.count.length < evalCount) {
    const size = Math.max(evalCount, 8);
    statsScratch = {
      squares: new Float64Array(size),
      cross: new Float64Array(size),
      weights: new Float64Array(size),
      crossFlat: new Float64Array(size),
      count: new Float64Array(size),
    };
  }
  const stats = statsScratch;
  for (let k = 0; k < evalCount; k++) {
    const origin = origins[k]!;
    let weekday = (weekdayOf0 + origin) % 7;
    let squares = 0;
    let cross = 0;
    let weights = 0;
    let crossFlat = 0;
    let count = 0;
    for (let h = 0; h < window; h++) {
      const a = y[origin + h]!;
      const w = profile ? profile[weekday]! : 1;
      weekday = weekday === 6 ? 0 : weekday + 1;
      if (a !== a) continue;
      squares += a * a;
      cross += a * w;
      weights += w * w;
      crossFlat += a;
      count++;
    }
    stats.squares[k] = squares;
    stats.cross[k] = cross;
    stats.weights[k] = weights;
    stats.crossFlat[k] = crossFlat;
    stats.count[k] = count;
  }
  return stats;
}

const scratch = { buffer: new Float64Array(64) };

function holdoutError(
  candidate: Candidate,
  stats: WindowStats,
  origins: number[],
  evalCount: number,
  window: number,
  y: Float64Array,
  profile: Float64Array | null,
  weekdayOf0: number | null,
  yearly: Float64Array | null,
): number {
  let sse = 0;
  if (!candidate.slope && !candidate.yearly) {
    const seasonal = candidate.seasonal && profile !== null;
    for (let k = 0; k < evalCount; k++) {
      const level = candidate.level[k]! > 0 ? candidate.level[k]! : 0;
      sse += seasonal
        ? stats.squares[k]! - 2 * level * stats.cross[k]! + level * level * stats.weights[k]!
        : stats.squares[k]! - 2 * level * stats.crossFlat[k]! + level * level * stats.count[k]!;
    }
    return sse > 0 ? sse : 0;
  }
  if (scratch.buffer.length < window) scratch.buffer = new Float64Array(window);
  const prediction = scratch.buffer;
  for (let k = 0; k < evalCount; k++) {
    const origin = origins[k]!;
    fillForecast(candidate, k, origin, window, profile, weekdayOf0, yearly, k * window, prediction);
    for (let h = 0; h < window; h++) {
      const actual = y[origin + h]!;
      if (actual !== actual) continue;
      const error = prediction[h]! - actual;
      sse += error * error;
    }
  }
  return sse;
}

/**
 * Variance-to-mean ratio of recent demand around its weekday-adjusted mean, shrunk towards the
 * pooled value (a dozen sales say little about how lumpy an item is).
 */
export function estimateDispersion(y: Float64Array, profile: Float64Array | null, weekdayOf0: number | null, prior: number, shrinkPeriods: number): number {
  return shrunkDispersion(dispersionEvidence(y, profile, weekdayOf0, shrinkPeriods), prior);
}

/**
 * The item's own variance-to-mean ratio over the past year and its weight against a prior
 * (selling periods / (selling periods + shrinkPeriods)); null when nothing sold.
 * @example dispersionEvidence(Float64Array.of(0, 4, 0, 4), null, null, 2) // { own: 2, weight: 0.5 }
 */
function dispersionEvidence(
  y: Float64Array,
  profile: Float64Array | null,
  weekdayOf0: number | null,
  shrinkPeriods: number,
): { own: number; weight: number } | null {
  const n = y.length;
  const from = Math.max(0, n - 364);
  let sum = 0;
  let count = 0;
  let selling = 0;
  for (let i = from; i < n; i++) {
    const v = y[i]!;
    if (v === v) {
      sum += v;
      count++;
      if (v > 0) selling++;
    }
  }
  if (count === 0 || sum === 0) return null;
  const level = sum / count;
  let squares = 0;
  let expectedTotal = 0;
  let weekday = weekdayOf0 === null ? 0 : (weekdayOf0 + from) % 7;
  for (let i = from; i < n; i++) {
    const v = y[i]!;
    const expected = profile && weekdayOf0 !== null ? level * profile[weekday]! : level;
    weekday = weekday === 6 ? 0 : weekday + 1;
    if (v !== v) continue;
    squares += (v - expected) * (v - expected);
    expectedTotal += expected;
  }
  return { own: Math.max(1, squares / expectedTotal), weight: selling / (selling + shrinkPeriods) };
}

/** The own dispersion shrunk towards the prior by its weight (the prior alone without evidence). */
function shrunkDispersion(evidence: { own: number; weight: number } | null, prior: number): number {
  if (!evidence) return prior;
  return Math.max(1, evidence.weight * evidence.own + (1 - evidence.weight) * prior);
}

/**
 * The calibrated spread for an item selling `level` units per period, or null when the
 * calibration is missing or malformed.
 * @example spreadBucket({ edges: [1], levelDrift: [0.1, 0.2], dispersionScale: [1, 2] }, 5) // { levelDrift: 0.2, dispersionScale: 2 }
 */
function spreadBucket(calibration: SpreadCalibration | undefined, level: number): { levelDrift: number; dispersionScale: number; revival: number } | null {
  if (!calibration || typeof calibration !== 'object') return null;
  const { edges, levelDrift, dispersionScale } = calibration;
  if (!Array.isArray(edges) || !Array.isArray(levelDrift) || !Array.isArray(dispersionScale)) return null;
  if (levelDrift.length !== edges.length + 1 || dispersionScale.length !== levelDrift.length) return null;
  let b = 0;
  while (b < edges.length && level >= edges[b]!) b++;
  const drift = levelDrift[b];
  const scale = dispersionScale[b];
  if (typeof drift !== 'number' || !(drift >= 0) || !Number.isFinite(drift)) return null;
  if (typeof scale !== 'number' || !(scale > 0) || !Number.isFinite(scale)) return null;
  const revival = Array.isArray(calibration.revival) ? calibration.revival[b] : 0;
  return { levelDrift: drift, dispersionScale: scale, revival: typeof revival === 'number' && revival > 0 && revival <= 1 ? revival : 0 };
}

/** Mean of the known values over the last `periods` periods (0 when none is known). */
function longRunMean(y: Float64Array, periods: number): number {
  let sum = 0;
  let count = 0;
  for (let i = Math.max(0, y.length - periods); i < y.length; i++) {
    const v = y[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}

function positiveOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The context's weekday profile when it is one (in a scratch buffer, read before the next fit), else null. */
function validProfile(profile: unknown): Float64Array | null {
  if (!Array.isArray(profile) || profile.length !== 7) return null;
  for (let d = 0; d < 7; d++) {
    const p: unknown = profile[d];
    if (typeof p !== 'number' || !Number.isFinite(p) || p < 0) return null;
  }
  for (let d = 0; d < 7; d++) priorScratch[d] = profile[d] as number;
  return priorScratch;
}

/**
 * Weekday of period 0 for daily data, null for weekly/monthly or an invalid start date.
 * @example startWeekday('2024-01-07', 'D') // 0 (a Sunday)
 */
export function startWeekday(start: string, freq: Freq): { weekdayOf0: number | null; startDay: number } {
  const startDay = typeof start === 'string' ? epochDay(start) : Number.NaN;
  const weekdayOf0 = freq === 'D' && Number.isFinite(startDay) ? weekdayOfEpochDay(startDay) : null;
  return { weekdayOf0, startDay };
}

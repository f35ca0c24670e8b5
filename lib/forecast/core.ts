/**
 * The forecaster proper: clean the history, fit every candidate model once (recording its
 * forecast at a few rolling origins), pick a candidate on the holdout, then attach a
 * negative-binomial spread for quantiles.
 */
import { christmasIndices, isClosedOnChristmas } from './calendar.ts';
import { addYearlyVariants, fillForecast, fitModels, type Candidate } from './candidates.ts';
import type { CleanSeries } from './clean-series.ts';
import type { SpreadParams } from './distribution.ts';
import { holdoutError, windowStats } from './holdout.ts';
import { combineWithWindowAverage, forecastArray } from './forecast-mean.ts';
import { dispersionEvidence, longRunMean, shrunkDispersion, spreadBucket } from './item-spread.ts';
import { blendedMovingAverageAt } from './models.ts';
import { weekdayProfile, yearlyFactors, type YearlySettings } from './seasonality.ts';
import type { ForecastContext, Freq } from './types.ts';

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
/** The rolling origins and the candidates' holdout scores of the fit being made. */
const originsScratch: number[] = [];
let scoresScratch = new Float64Array(32);

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

/** A valid positive number, else the fallback (context fields come from stored JSON). */
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

/**
 * The forecaster proper: clean the history, fit every candidate model once (recording its
 * forecast at a few rolling origins), pick a candidate on the holdout, then attach a
 * negative-binomial spread for quantiles.
 */
import { christmasIndices, epochDay, isClosedOnChristmas, weekdayOfEpochDay } from './calendar.ts';
import { cumulativeQuantiles, type SpreadParams } from './distribution.ts';
import { blendedMovingAverageAt, crostonAt, dampedSum, dampedTrendAt, MODEL_SETTINGS, sesAt, tsbAt } from './models.ts';
import { weekdayProfile, yearlyFactors, type YearlySettings } from './seasonality.ts';
import type { ForecastContext, Freq, SpreadCalibration } from './types.ts';

/** Largest demand per period we accept; bigger inputs are clamped so squares stay finite. */
export const MAX_UNITS_PER_PERIOD = 1e9;
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
const BASE_MODELS = ['ma', 'ses', 'croston', 'sba', 'tsb', 'damped', 'blend'] as const;
type BaseModel = (typeof BASE_MODELS)[number];

/** History after cleaning, with the calendar facts the models need. */
export interface CleanSeries {
  /** Demand per period, NaN = unknown. */
  y: Float64Array;
  freq: Freq;
  /** Weekday of y[0] for daily data with a valid start date, else null. */
  weekdayOf0: number | null;
  /** Epoch day of y[0] (NaN when the start date is invalid). */
  startDay: number;
  /** Whether any period was unknown in the input. */
  hasUnknown: boolean;
}

/**
 * Turn raw input values into a typed array: null/NaN/±Infinity become unknown, negatives (net
 * returns) become 0 demand, and absurd values are clamped.
 * @example cleanValues([1, null, -2]) // Float64Array [1, NaN, 0]
 */
export function cleanValues(values: readonly unknown[]): { y: Float64Array; hasUnknown: boolean } {
  const y = new Float64Array(values.length);
  let hasUnknown = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) {
      y[i] = v < 0 ? 0 : v > MAX_UNITS_PER_PERIOD ? MAX_UNITS_PER_PERIOD : v;
    } else {
      y[i] = Number.NaN;
      hasUnknown = true;
    }
  }
  return { y, hasUnknown };
}

/** Point forecast plus what the quantiles need. */
export interface CoreForecast {
  model: string;
  /** Per-period level of the chosen model at the origin (what the spread calibration buckets by). */
  level: number;
  mean: Float64Array;
  spread: SpreadParams;
}

/** One candidate's fitted state at every origin (last entry = the real forecast origin). */
interface Fitted {
  level: Float64Array;
  slope: Float64Array;
}

/**
 * Forecast one cleaned series `horizon` periods ahead.
 * @example forecastClean(clean, 28, {}).mean.length // 28
 */
export function forecastClean(series: CleanSeries, horizon: number, ctx: ForecastContext): CoreForecast {
  const { y, freq } = series;
  const n = y.length;
  const settings = FREQ_SETTINGS[freq] ?? FREQ_SETTINGS.D;
  const mean = new Float64Array(horizon);
  let known = 0;
  for (let i = 0; i < n; i++) if (y[i]! === y[i]!) known++;
  const spreadBase = {
    levelWindow: settings.maWindow,
    levelDrift: positiveOr(ctx.levelDrift, DEFAULTS.levelDrift),
    driftHorizon: settings.evalWindow,
  };
  if (known === 0) return { model: 'none', level: 0, mean, spread: { ...spreadBase, dispersion: 1 } };

  const { fitY, closedChristmas, profile, deseasonalised } = prepare(series, known, settings, ctx);
  const weekdayOf0 = freq === 'D' ? series.weekdayOf0 : null;

  // Rolling origins: the last `origins` non-overlapping windows, each leaving some training data.
  const window = Math.min(settings.evalWindow, Math.max(1, Math.floor(n / 4)));
  const origins: number[] = [];
  for (let k = settings.origins; k >= 1; k--) {
    const origin = n - k * window;
    if (origin >= Math.max(window, 8)) origins.push(origin);
  }
  const evalCount = origins.length;
  origins.push(n);

  const fits = new Map<string, Fitted>();
  const levels = levelSettings(settings, ctx);
  fitAll(fitY, origins, levels, null, 0, '', fits);
  if (deseasonalised && profile && weekdayOf0 !== null) {
    // The weekday MA is a ratio estimator on the raw history (see blendedMovingAverageAt).
    fitAll(deseasonalised, origins, levels, profile, weekdayOf0, '+dow', fits, fitY);
  }

  // Yearly factors per origin, when at least a year plus a reference window of history exists.
  const yearlyOk = n >= settings.yearly.lag + settings.yearly.referenceWindow + window;
  let yearly: Float64Array[] | null = null;
  if (yearlyOk) {
    const base = deseasonalised ?? fitY;
    yearly = origins.map((origin, k) => {
      const length = k < evalCount ? window : horizon;
      const out = new Float64Array(Math.max(length, 1));
      yearlyFactors(base, origin, length, settings.yearly, out);
      return out;
    });
  }

  // Holdout scores.
  const defaultName = typeof ctx.defaultModel === 'string' && ctx.defaultModel ? ctx.defaultModel : DEFAULTS.defaultModel;
  let bestName = '';
  let bestScore = Infinity;
  let defaultScore = Infinity;
  const names: string[] = [];
  for (const key of fits.keys()) {
    names.push(key);
    if (yearly && (key.startsWith('ma') || key.startsWith('blend'))) names.push(key + '+year');
  }
  let chosen = names.includes(defaultName) ? defaultName : deseasonalised ? 'ma+dow' : 'ma';
  if (evalCount > 0) {
    for (const name of names) {
      const score = holdoutError(name, fits, origins, evalCount, window, fitY, profile, weekdayOf0, yearly);
      if (score < bestScore) {
        bestScore = score;
        bestName = name;
      }
      if (name === chosen) defaultScore = score;
    }
    if (bestName && bestScore < defaultScore * (1 - DEFAULTS.selectionMargin)) chosen = bestName;
  }

  // Final forecast from the last origin.
  const k = origins.length - 1;
  fillForecast(chosen, fits, k, n, horizon, profile, weekdayOf0, yearly?.[k] ?? null, mean);
  if (closedChristmas) {
    for (const i of christmasIndices(series.startDay + n, horizon)) mean[i] = 0;
  }

  const dispersion = estimateDispersion(fitY, profile, weekdayOf0, positiveOr(ctx.dispersion, DEFAULTS.dispersion), DEFAULTS.dispersionShrinkPeriods);
  const base = fits.get(chosen.endsWith('+year') ? chosen.slice(0, -5) : chosen);
  const level = base ? base.level[k]! : 0;
  const bucket = spreadBucket(ctx.spreadCalibration, level);
  if (!bucket) return { model: chosen, level, mean, spread: { ...spreadBase, dispersion } };
  return { model: chosen, level, mean, spread: { ...spreadBase, levelDrift: bucket.levelDrift, dispersion: Math.max(1, dispersion * bucket.dispersionScale) } };
}

/** Windows of the blended moving average, as multiples of the frequency's MA window (7/14/28/56 days). */
export const LEVEL_WINDOW_FACTORS = [0.25, 0.5, 1, 2, 4] as const;

/** Moving-average windows and their blend weights for one frequency (weights from the context when valid). */
export function levelSettings(settings: FreqSettings, ctx: ForecastContext): { windows: number[]; weights: number[] } {
  const windows = LEVEL_WINDOW_FACTORS.map((f) => Math.max(1, Math.round(f * settings.maWindow)));
  const given = ctx.levelWeights;
  const valid = Array.isArray(given) && given.length === windows.length && given.every((w) => typeof w === 'number' && Number.isFinite(w) && w >= 0) && given.some((w) => w > 0);
  return { windows, weights: valid ? [...given] : DEFAULTS.levelWeights };
}

/** What every model needs: the history with closed days unknown, and the weekday shape. */
interface Prepared {
  fitY: Float64Array;
  closedChristmas: boolean;
  profile: Float64Array | null;
  deseasonalised: Float64Array | null;
}

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
      fitY = y.slice();
      for (const i of christmas) fitY[i] = Number.NaN;
    }
  }
  // Weekday profile (daily only) and the de-seasonalised history the models are fitted on.
  const weekdayOf0 = freq === 'D' ? series.weekdayOf0 : null;
  let profile: Float64Array | null = null;
  let deseasonalised: Float64Array | null = null;
  if (weekdayOf0 !== null && known >= 28) {
    const prior = validProfile(ctx.weekdayProfile);
    profile = weekdayProfile(fitY, weekdayOf0, Math.max(0, n - 364), n, prior, settings.weekdayShrinkUnits);
    deseasonalised = new Float64Array(n);
    let weekday = weekdayOf0;
    for (let i = 0; i < n; i++) {
      const p = profile[weekday]!;
      // A weekday that (almost) never sells (e.g. a closed Saturday) says nothing about the level.
      deseasonalised[i] = p < 0.15 ? Number.NaN : fitY[i]! / p;
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

function fitAll(
  z: Float64Array,
  origins: number[],
  level: { windows: number[]; weights: number[] },
  profile: Float64Array | null,
  weekdayOf0: number,
  suffix: string,
  fits: Map<string, Fitted>,
  raw: Float64Array = z,
): void {
  const m = origins.length;
  const make = (): Fitted => ({ level: new Float64Array(m), slope: new Float64Array(m) });
  const ma = make();
  blendedMovingAverageAt(raw, profile, weekdayOf0, level.windows, level.weights, origins, ma.level);
  const ses = make();
  sesAt(z, 0.1, origins, ses.level);
  const croston = make();
  crostonAt(z, MODEL_SETTINGS.crostonAlpha, 1, origins, croston.level);
  const sba = make();
  for (let k = 0; k < m; k++) sba.level[k] = croston.level[k]! * (1 - MODEL_SETTINGS.crostonAlpha / 2);
  const tsb = make();
  tsbAt(z, MODEL_SETTINGS.tsbDemandAlpha, MODEL_SETTINGS.tsbProbabilityBeta, origins, tsb.level);
  const damped = make();
  dampedTrendAt(z, MODEL_SETTINGS.dampedAlpha, MODEL_SETTINGS.dampedBeta, MODEL_SETTINGS.dampedPhi, origins, damped.level, damped.slope);
  const blend = make();
  for (let k = 0; k < m; k++) blend.level[k] = (ma.level[k]! + ses.level[k]! + tsb.level[k]!) / 3;
  const all: Record<BaseModel, Fitted> = { ma, ses, croston, sba, tsb, damped, blend };
  for (const name of BASE_MODELS) fits.set(name + suffix, all[name]);
}

/** Forecast of candidate `name` from origin index k into out[0..length). */
function fillForecast(
  name: string,
  fits: Map<string, Fitted>,
  k: number,
  origin: number,
  length: number,
  profile: Float64Array | null,
  weekdayOf0: number | null,
  yearly: Float64Array | null,
  out: Float64Array,
): void {
  const useYear = name.endsWith('+year');
  const base = useYear ? name.slice(0, -5) : name;
  const fit = fits.get(base)!;
  const level = fit.level[k]!;
  const slope = fit.slope[k]!;
  const seasonal = base.endsWith('+dow') && profile !== null && weekdayOf0 !== null;
  let weekday = seasonal ? (weekdayOf0! + origin) % 7 : 0;
  for (let h = 0; h < length; h++) {
    let value = slope === 0 ? level : level + slope * dampedSum(MODEL_SETTINGS.dampedPhi, h + 1);
    if (seasonal) {
      value *= profile![weekday]!;
      weekday = weekday === 6 ? 0 : weekday + 1;
    }
    if (useYear && yearly) value *= yearly[h]!;
    out[h] = value > 0 ? value : 0;
  }
}

const scratch = { buffer: new Float64Array(64) };

function holdoutError(
  name: string,
  fits: Map<string, Fitted>,
  origins: number[],
  evalCount: number,
  window: number,
  y: Float64Array,
  profile: Float64Array | null,
  weekdayOf0: number | null,
  yearly: Float64Array[] | null,
): number {
  if (scratch.buffer.length < window) scratch.buffer = new Float64Array(window);
  const prediction = scratch.buffer;
  let sse = 0;
  for (let k = 0; k < evalCount; k++) {
    const origin = origins[k]!;
    fillForecast(name, fits, k, origin, window, profile, weekdayOf0, yearly?.[k] ?? null, prediction);
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
export function estimateDispersion(
  y: Float64Array,
  profile: Float64Array | null,
  weekdayOf0: number | null,
  prior: number,
  shrinkPeriods: number,
): number {
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
  if (count === 0 || sum === 0) return prior;
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
  const own = Math.max(1, squares / expectedTotal);
  const weight = selling / (selling + shrinkPeriods);
  return Math.max(1, weight * own + (1 - weight) * prior);
}

/**
 * The calibrated spread for an item selling `level` units per period, or null when the
 * calibration is missing or malformed.
 * @example spreadBucket({ edges: [1], levelDrift: [0.1, 0.2], dispersionScale: [1, 2] }, 5) // { levelDrift: 0.2, dispersionScale: 2 }
 */
export function spreadBucket(calibration: SpreadCalibration | undefined, level: number): { levelDrift: number; dispersionScale: number } | null {
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
  return { levelDrift: drift, dispersionScale: scale };
}

function positiveOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function validProfile(profile: unknown): Float64Array | null {
  if (!Array.isArray(profile) || profile.length !== 7) return null;
  if (!profile.every((p) => typeof p === 'number' && Number.isFinite(p) && p >= 0)) return null;
  return Float64Array.from(profile as number[]);
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

/**
 * Quantile curve for a core forecast.
 * @example cumulativeQuantilesFor(core, 0.9) // non-decreasing, length H
 */
export function cumulativeQuantilesFor(core: CoreForecast, q: number): number[] {
  return cumulativeQuantiles(core.mean, q, core.spread);
}


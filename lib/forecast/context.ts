/**
 * Pooled knowledge across all of a seller's SKUs. Most items are too short and sparse to learn
 * a weekday shape, a dispersion or the width of their own uncertainty; the seller's catalogue
 * as a whole is not. Everything here is fitted on the histories only (the last window of each
 * history serves as holdout), never on the future being forecast.
 */
import { epochDay } from './calendar.ts';
import { cleanValues, seriesValues, startWeekday } from './clean-series.ts';
import { DEFAULTS, FREQ_SETTINGS, finishForecast, fitCandidates, forecastClean, windowForecasts, type CoreForecast } from './core.ts';
import { estimateDispersion } from './item-spread.ts';
import { mase, maseScale, rmsse, rmsseScale, scaledMae, scaledRmse, stockoutDay } from './metrics.ts';
import { groupTotal, memberHistories, memberShare, pooledMean, poolGroups, totalForecast } from './pooling.ts';
import { countQuantiles, cumulativeVariance, normalQuantile, type SpreadParams } from './distribution.ts';
import { weekdayProfile } from './seasonality.ts';
import type { AnySeriesInput, ForecastContext, Freq, SpreadCalibration } from './types.ts';

/** Service levels the quantile calibration is scored on (the planner uses 0.8-0.99). */
const CALIBRATION_LEVELS = [0.5, 0.8, 0.9, 0.95, 0.99];
const CALIBRATION_Z = CALIBRATION_LEVELS.map(normalQuantile);
const DRIFT_GRID = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.8];
/** Calibration uses at most this many series (evenly spaced) to keep fitContext fast. */
const MAX_CALIBRATION_SERIES = 3000;

/**
 * Fit the pooled context for a catalogue (all of one seller's series; the most common frequency
 * wins, others are ignored).
 * @example const ctx = fitContext(allSkus); forecastSeries(sku, 28, ctx)
 */
export function fitContext(series: readonly AnySeriesInput[]): ForecastContext {
  const freq = mostCommonFreq(series);
  if (!freq) return {};
  const same = series.filter((s) => s.freq === freq && (Array.isArray(s.values) || s.values instanceof Float64Array));
  const ctx: ForecastContext = {};
  const aggregate = aggregateByDate(same, freq);
  if (aggregate) {
    if (freq === 'D') {
      const y = Float64Array.from(aggregate.values);
      const { weekdayOf0 } = startWeekday(aggregate.start, 'D');
      if (weekdayOf0 !== null) ctx.weekdayProfile = Array.from(weekdayProfile(y, weekdayOf0, Math.max(0, y.length - 364), y.length, null, 0));
    }
  }
  // Daily only: weekly histories pick same-time-last-year models on their holdouts, which the
  // plain-average comparison below does not see (on the jewelry training holdout it hurt).
  if (freq === 'D') ctx.levelWeights = chooseLevelWeights(same, freq, ctx);
  ctx.dispersion = pooledDispersion(same, freq, ctx);
  Object.assign(ctx, chooseModelPolicy(same, freq, ctx));
  const combinationWeight = chooseCombinationWeight(same, freq, ctx);
  if (combinationWeight > 0) ctx.combinationWeight = combinationWeight;
  const calibration = calibrateSpread(same, freq, ctx);
  if (calibration) ctx.spreadCalibration = calibration;
  Object.assign(ctx, choosePooling(same, freq, ctx));
  return ctx;
}

/** Candidate blends of the 1/4, 1/2, 1, 2 and 4 x window averages (first = the plain window average). */
const LEVEL_WEIGHT_CANDIDATES: readonly (readonly number[])[] = [
  [0, 0, 1, 0, 0],
  [0, 1, 1, 0, 0],
  [1, 1, 1, 0, 0],
  [0, 0, 1, 1, 0],
  [0, 0, 0, 1, 0],
  [0, 0, 1, 1, 1],
  [0, 0, 0, 1, 1],
  [1, 1, 1, 1, 1],
];

/** One pooled holdout case: a history cut at an origin and the window of actuals after it. */
interface HoldoutCase {
  history: Float64Array;
  actual: number[];
  /** MASE and RMSSE scales of the history with unknown days as zeros (computed once per case). */
  maseScale: number;
  rmsseScale: number;
  weekdayOf0: number | null;
  startDay: number;
}

/**
 * [MASE, RMSSE] of a forecast of one holdout case.
 * @example caseScores(holdout, forecast) // [0.8, 0.9]
 */
function caseScores(c: HoldoutCase, forecast: ArrayLike<number>): readonly [number, number] {
  return [scaledMae(c.actual, forecast, c.maseScale), scaledRmse(c.actual, forecast, c.rmsseScale)];
}

/**
 * The candidate with the best pooled holdout accuracy: over the last two evaluation windows of
 * (a sample of) every history, each forecast from the data before it, the sum of the mean MASE
 * and mean RMSSE, each relative to candidate 0. Ties keep candidate 0; undefined when fewer than
 * 20 cases could be scored. `score` returns [MASE, RMSSE] per candidate for one case.
 * @example bestByPooledHoldout(series, 'D', 2, (c) => [[1, 1], [0.9, 0.9]]) // 1
 */
function bestByPooledHoldout(
  series: readonly AnySeriesInput[],
  freq: Freq,
  candidates: number,
  score: (holdout: HoldoutCase, window: number) => (readonly [number, number])[],
  backs: (length: number, window: number) => readonly number[] = () => [1, 2],
): number | undefined {
  const window = FREQ_SETTINGS[freq].evalWindow;
  const stride = Math.max(1, Math.ceil(series.length / MAX_CALIBRATION_SERIES));
  const maseSum = new Float64Array(candidates);
  const rmsseSum = new Float64Array(candidates);
  let cases = 0;
  for (let i = 0; i < series.length; i += stride) {
    const s = series[i]!;
    const { y } = cleanValues(s.values);
    const { weekdayOf0, startDay } = startWeekday(s.start, freq);
    for (const back of backs(y.length, window)) {
      const origin = y.length - back * window;
      if (origin < 2 * window + 8) continue;
      const actual = knownWindow(y, origin, window);
      if (!actual) continue;
      const history = y.subarray(0, origin);
      const train = zeroFilled(history);
      const scores = score({ history, actual, maseScale: maseScale(train, seasonOf(freq)), rmsseScale: rmsseScale(train), weekdayOf0, startDay }, window);
      if (!scores.every(([a, b]) => Number.isFinite(a) && Number.isFinite(b))) continue;
      scores.forEach(([a, b], c) => {
        maseSum[c] = maseSum[c]! + a;
        rmsseSum[c] = rmsseSum[c]! + b;
      });
      cases++;
    }
  }
  if (cases < 20) return undefined;
  let best = 0;
  let bestLoss = 2;
  for (let c = 1; c < candidates; c++) {
    const loss = maseSum[c]! / maseSum[0]! + rmsseSum[c]! / rmsseSum[0]!;
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      best = c;
    }
  }
  return best;
}

const seasonOf = (freq: Freq) => (freq === 'D' ? 7 : freq === 'W' ? 52 : 12);

/** y[origin..origin + window) as a list, or null when a period in it is unknown (loops: this runs per holdout case). */
function knownWindow(y: Float64Array, origin: number, window: number): number[] | null {
  const out = new Array<number>(Math.max(0, Math.min(window, y.length - origin)));
  for (let t = 0; t < out.length; t++) {
    const v = y[origin + t]!;
    if (v !== v) return null;
    out[t] = v;
  }
  return out;
}

/** The history with unknown periods as zeros, in a scratch buffer (read before the next case). */
function zeroFilled(history: Float64Array): Float64Array {
  if (trainScratch.length < history.length) trainScratch = new Float64Array(Math.max(history.length, 2 * trainScratch.length));
  const train = trainScratch.subarray(0, history.length);
  for (let t = 0; t < history.length; t++) train[t] = history[t]! === history[t]! ? history[t]! : 0;
  return train;
}

let trainScratch = new Float64Array(1024);

/**
 * Pick the moving-average blend with the best pooled holdout accuracy (bestByPooledHoldout);
 * ties keep the plain window average.
 */
function chooseLevelWeights(series: readonly AnySeriesInput[], freq: Freq, ctx: ForecastContext): number[] {
  let forecast: Float64Array | undefined;
  const best = bestByPooledHoldout(series, freq, LEVEL_WEIGHT_CANDIDATES.length, (c, window) => {
    const parts = windowForecasts({ y: c.history, freq, weekdayOf0: c.weekdayOf0, startDay: c.startDay, hasUnknown: false }, window, ctx);
    const out = (forecast ??= new Float64Array(window));
    return LEVEL_WEIGHT_CANDIDATES.map((weights) => {
      blend(parts, weights, out);
      return caseScores(c, out);
    });
  });
  return [...(best === undefined ? DEFAULTS.levelWeights : LEVEL_WEIGHT_CANDIDATES[best]!)];
}

/**
 * Pick how models are chosen, by pooled holdout accuracy of the whole forecaster (same score as
 * `chooseLevelWeights`): per-item selection with the plain default, the default alone, or the
 * same-time-last-year-adjusted default (alone or as the one to beat), or TSB or the MA/SES/TSB
 * blend as the default for every item. The smoothers are here because on sparse catalogues their
 * longer, intermittency-aware memory beats any window average (Online Retail's training holdouts
 * pick TSB, M5's the blend), yet per-item selection rarely switches to them: one item's three
 * holdout windows are too noisy to clear the selection margin. Ties keep the first.
 */
function chooseModelPolicy(series: readonly AnySeriesInput[], freq: Freq, ctx: ForecastContext): Pick<ForecastContext, 'defaultModel' | 'selectionMargin'> {
  const base = freq === 'D' ? 'ma+dow' : 'ma';
  const flat = (model: string) => (freq === 'D' ? model + '+dow' : model);
  const policies: Pick<ForecastContext, 'defaultModel' | 'selectionMargin'>[] = [
    {},
    { defaultModel: base, selectionMargin: 1 },
    { defaultModel: base + '+year', selectionMargin: DEFAULTS.selectionMargin },
    { defaultModel: base + '+year', selectionMargin: 1 },
    { defaultModel: flat('tsb'), selectionMargin: 1 },
    { defaultModel: flat('blend'), selectionMargin: 1 },
  ];
  const best = bestByPooledHoldout(series, freq, policies.length, (c, window) => {
    // One fit per case; the policies only choose among its candidates.
    const fitted = fitCandidates({ y: c.history, freq, weekdayOf0: c.weekdayOf0, startDay: c.startDay, hasUnknown: false }, window, ctx);
    return policies.map((policy) => caseScores(c, finishForecast(fitted, window, { ...ctx, ...policy }).mean));
  });
  return best === undefined ? {} : policies[best]!;
}

/**
 * Holdout windows in the season being forecast, in windows back from the end of a history: the
 * last one, and the same calendar window one and more years earlier while enough history is
 * left before it.
 * @example sameSeasonBacks('W')(116, 8) // [1, 6.5]
 */
export function sameSeasonBacks(freq: Freq): (length: number, window: number) => number[] {
  const lag = FREQ_SETTINGS[freq].yearly.lag;
  return (length, window) => {
    const backs = [1];
    for (let years = 1; length - years * lag >= 2 * window + 8; years++) backs.push((years * lag) / window);
    return backs;
  };
}

/** Candidate weights of the plain window average in the combined forecast (first = none). */
const COMBINATION_WEIGHTS = [0, 0.2, 0.4, 0.6, 0.8] as const;

/**
 * Pick the weight of the plain window average in a convex combination with the selected
 * forecast, on pooled holdouts in the season being forecast: the last window of each history
 * and the same calendar window one and more years earlier (when the history reaches back).
 * Same score as `chooseLevelWeights`; ties keep the model alone.
 */
function chooseCombinationWeight(series: readonly AnySeriesInput[], freq: Freq, ctx: ForecastContext): number {
  const sameSeason = sameSeasonBacks(freq);
  const best = bestByPooledHoldout(
    series,
    freq,
    COMBINATION_WEIGHTS.length,
    (c, window) => {
      const fitted = fitCandidates({ y: c.history, freq, weekdayOf0: c.weekdayOf0, startDay: c.startDay, hasUnknown: false }, window, ctx);
      return COMBINATION_WEIGHTS.map((combinationWeight) => caseScores(c, finishForecast(fitted, window, { ...ctx, combinationWeight }).mean));
    },
    sameSeason,
  );
  return best === undefined ? 0 : COMBINATION_WEIGHTS[best]!;
}

function blend(parts: Float64Array[], weights: readonly number[], out: Float64Array): void {
  let total = 0;
  for (const w of weights) total += w;
  out.fill(0);
  parts.forEach((part, j) => {
    const w = weights[j]! / total;
    if (w > 0) for (let h = 0; h < out.length; h++) out[h] = out[h]! + w * part[h]!;
  });
}

function mostCommonFreq(series: readonly AnySeriesInput[]): Freq | null {
  const counts = new Map<Freq, number>();
  for (const s of series) if (s.freq === 'D' || s.freq === 'W' || s.freq === 'M') counts.set(s.freq, (counts.get(s.freq) ?? 0) + 1);
  let best: Freq | null = null;
  for (const [freq, count] of counts) if (best === null || count > counts.get(best)!) best = freq;
  return best;
}

/**
 * Seller-wide demand per period, summed over SKUs aligned by start date (daily and weekly only).
 * @example aggregateByDate([{ start: '2024-01-01', freq: 'D', values: [1, 2] }, { start: '2024-01-02', freq: 'D', values: [5] }], 'D').values // [1, 7]
 */
function aggregateByDate(series: readonly AnySeriesInput[], freq: Freq): { freq: Freq; start: string; values: number[] } | null {
  const step = freq === 'D' ? 1 : freq === 'W' ? 7 : 0;
  if (!step) return null;
  let first = Infinity;
  let last = -Infinity;
  const starts = series.map((s) => epochDay(s.start));
  series.forEach((s, i) => {
    const start = starts[i]!;
    if (!Number.isFinite(start)) return;
    first = Math.min(first, start);
    last = Math.max(last, start + (s.values.length - 1) * step);
  });
  if (!Number.isFinite(first) || last < first) return null;
  const length = Math.floor((last - first) / step) + 1;
  if (length > 20_000) return null;
  const values = new Array<number>(length).fill(0);
  series.forEach((s, i) => {
    const start = starts[i]!;
    if (!Number.isFinite(start) || (start - first) % step !== 0) return;
    const offset = (start - first) / step;
    const own = seriesValues(s);
    for (let t = 0; t < own.length; t++) {
      const v = own[t];
      if (typeof v === 'number' && Number.isFinite(v) && v > 0) values[offset + t] = values[offset + t]! + v;
    }
  });
  const start = new Date(first * 86_400_000).toISOString().slice(0, 10);
  return { freq, start, values };
}

function pooledDispersion(series: readonly AnySeriesInput[], freq: Freq, ctx: ForecastContext): number {
  const own: number[] = [];
  const profile = ctx.weekdayProfile ? Float64Array.from(ctx.weekdayProfile) : null;
  for (const s of series) {
    const { y } = cleanValues(s.values);
    const { weekdayOf0 } = startWeekday(s.start, freq);
    // No shrinkage here: this is the raw per-item value whose median becomes the prior.
    let sold = 0;
    for (let i = 0; i < y.length; i++) if (y[i]! > 0) sold++;
    if (sold < 5) continue;
    own.push(estimateDispersion(y, profile, freq === 'D' ? weekdayOf0 : null, 1, 0));
  }
  if (own.length === 0) return DEFAULTS.dispersion;
  own.sort((a, b) => a - b);
  return own[Math.floor(own.length / 2)]!;
}

/** Holdout windows (counted back from the end of each history) the quantiles are calibrated on. */
const CALIBRATION_WINDOWS = 4;
/** Shares of the gap up to the past year's mean that the quantiles may allow for. */
const REVIVAL_GRID = [0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75];
const DISPERSION_SCALES = [0.5, 0.75, 1, 1.5, 2, 3];
/** Holdout cases per volume bucket: fewer buckets when there are fewer cases. */
const CASES_PER_BUCKET = 150;
const MAX_BUCKETS = 3;
/** The grid search of one bucket looks at most at this many cases. */
const MAX_CASES_PER_BUCKET = 800;

interface CalibrationCase {
  core: CoreForecast;
  total: number;
  actual: number;
  scale: number;
}

/**
 * Calibrate the quantiles on pooled holdouts: forecast the last CALIBRATION_WINDOWS evaluation
 * windows of every history from the data before it (with a combination weight: the same-season
 * windows that weight was chosen on, see `sameSeasonBacks`), split the cases into volume buckets (equal
 * counts by the forecast level), and in each bucket pick the level drift and dispersion scale
 * that minimise the scaled pinball loss of the window total over the calibration levels.
 */
function calibrateSpread(series: readonly AnySeriesInput[], freq: Freq, ctx: ForecastContext): SpreadCalibration | undefined {
  const window = FREQ_SETTINGS[freq].evalWindow;
  const stride = Math.max(1, Math.ceil(series.length / MAX_CALIBRATION_SERIES));
  const cases: CalibrationCase[] = [];
  for (let i = 0; i < series.length; i += stride) {
    const s = series[i]!;
    const { y } = cleanValues(s.values);
    const { weekdayOf0, startDay } = startWeekday(s.start, freq);
    const backs = ctx.combinationWeight ? sameSeasonBacks(freq)(y.length, window) : Array.from({ length: CALIBRATION_WINDOWS }, (_, i) => i + 1);
    for (const back of backs) {
      const origin = y.length - back * window;
      if (origin < 2 * window + 8) continue;
      const history = y.subarray(0, origin);
      let actual = 0;
      let known = 0;
      for (let t = origin; t < origin + window; t++)
        if (y[t]! === y[t]!) {
          actual += y[t]!;
          known++;
        }
      if (known < window) continue;
      let sum = 0;
      let count = 0;
      for (let t = 0; t < history.length; t++)
        if (history[t]! === history[t]!) {
          sum += history[t]!;
          count++;
        }
      if (!(sum > 0)) continue;
      const core = forecastClean({ y: history, freq, weekdayOf0, startDay, hasUnknown: false }, window, ctx);
      let total = 0;
      for (let h = 0; h < window; h++) total += core.mean[h]!;
      cases.push({ core, total, actual, scale: (sum / count) * window });
    }
  }
  if (cases.length < 20) return undefined;
  cases.sort((a, b) => a.core.level - b.core.level);
  const buckets = Math.max(1, Math.min(MAX_BUCKETS, Math.floor(cases.length / CASES_PER_BUCKET)));
  const edges: number[] = [];
  const levelDrift: number[] = [];
  const dispersionScale: number[] = [];
  const revival: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * cases.length) / buckets);
    const to = Math.floor(((b + 1) * cases.length) / buckets);
    if (b > 0) edges.push(cases[from]!.core.level);
    // Every k-th case (deterministic) keeps the grid search cheap on big catalogues.
    const step = Math.max(1, Math.ceil((to - from) / MAX_CASES_PER_BUCKET));
    const bucketCases: CalibrationCase[] = [];
    for (let c = from; c < to; c += step) bucketCases.push(cases[c]!);
    const best = bestSpread(bucketCases, window);
    levelDrift.push(best.drift);
    dispersionScale.push(best.scale);
    revival.push(best.revival);
  }
  return { edges, levelDrift, dispersionScale, revival };
}

function bestSpread(cases: readonly CalibrationCase[], window: number): { drift: number; scale: number; revival: number } {
  // Coordinate descent: spread given no revival allowance, the allowance given that spread, then
  // the spread again given the allowance.
  let best = { drift: DEFAULTS.levelDrift, scale: 1, revival: 0 };
  best = { ...best, ...gridSearch(cases, window, DRIFT_GRID, DISPERSION_SCALES, [0]) };
  best = { ...best, ...gridSearch(cases, window, [best.drift], [best.scale], REVIVAL_GRID) };
  best = { ...best, ...gridSearch(cases, window, DRIFT_GRID, DISPERSION_SCALES, [best.revival]) };
  return best;
}

function gridSearch(
  cases: readonly CalibrationCase[],
  window: number,
  drifts: readonly number[],
  scales: readonly number[],
  revivals: readonly number[],
): { drift: number; scale: number; revival: number } {
  let best = { drift: drifts[0]!, scale: scales[0]!, revival: revivals[0]! };
  let bestLoss = Infinity;
  const quantiles = new Float64Array(CALIBRATION_LEVELS.length);
  // One spread rewritten per case (what cumulativeVariance reads): the search looks at about 150
  // grid points x every case, and a copy of the case's spread for each kept the collector busy.
  const spread: SpreadParams = { dispersion: 1, levelWindow: 1, levelDrift: 0, driftHorizon: 1 };
  for (const drift of drifts) {
    for (const scale of scales) {
      for (const revival of revivals) {
        let loss = 0;
        for (const { core, total, actual, scale: norm } of cases) {
          spread.dispersion = Math.max(1, core.spread.dispersion * scale);
          spread.levelWindow = core.spread.levelWindow;
          spread.levelDrift = drift;
          spread.driftHorizon = core.spread.driftHorizon;
          const gap = (core.spread.longRunRate ?? 0) * window - total;
          const mean = gap > 0 ? total + revival * gap : total;
          countQuantiles(mean, cumulativeVariance(mean, window - 1, spread), CALIBRATION_LEVELS, CALIBRATION_Z, quantiles);
          for (let j = 0; j < CALIBRATION_LEVELS.length; j++) {
            const q = CALIBRATION_LEVELS[j]!;
            const quantile = quantiles[j]!;
            loss += (actual >= quantile ? q * (actual - quantile) : (1 - q) * (quantile - actual)) / norm;
          }
        }
        if (loss < bestLoss) {
          bestLoss = loss;
          best = { drift, scale, revival };
        }
      }
    }
  }
  return best;
}

/** Candidate weights of the pooled (group total x share) forecast for grouped series (first = none). */
const GROUP_WEIGHTS = [0, 0.2, 0.4, 0.6, 0.8, 1] as const;
/** Candidate windows (a quarter, a year) over which a member's share of its group is measured. */
const GROUP_SHARE_WINDOWS: Record<Freq, readonly number[]> = { D: [91, 364], W: [13, 52], M: [] };
/** Holdout windows, counted back from the end of each history, the pooling is chosen on. */
const GROUP_HOLDOUT_WINDOWS = 5;

/**
 * Pooling of grouped series (same `group` key = one product on several channels, see
 * pooling.ts), chosen on pooled holdouts: the last GROUP_HOLDOUT_WINDOWS evaluation windows of
 * every grouped history, each forecast from the data before it (the group total too). Among the
 * share windows x weights that are no worse than no pooling on the score the other choices use
 * (relative MASE + relative RMSSE), the one with the lowest stockout-date error wins: stock =
 * half a moving-average window of cover at the mean of the last window (14 x the 28-day mean),
 * error = |first day the expected cumulative demand reaches it - the actual day| (window + 1 if
 * never). Pooling is what moves the level a cover decision rests on, so that is what it is judged
 * on, as long as the point forecast does not get worse. Empty (no pooling) without groups, with
 * fewer than 20 cases, or when no candidate beats none.
 */
function choosePooling(series: readonly AnySeriesInput[], freq: Freq, ctx: ForecastContext): Pick<ForecastContext, 'groupWeight' | 'groupShareWindow'> {
  const shareWindows = GROUP_SHARE_WINDOWS[freq];
  const groups = shareWindows.length ? poolGroups(series) : [];
  if (groups.length === 0) return {};
  const candidates: { weight: number; shareWindow: number }[] = [{ weight: 0, shareWindow: shareWindows[0]! }];
  for (const shareWindow of shareWindows) for (const weight of GROUP_WEIGHTS) if (weight > 0) candidates.push({ weight, shareWindow });
  const { evalWindow: window, maWindow } = FREQ_SETTINGS[freq];
  const season = seasonOf(freq);
  const maseSum = new Float64Array(candidates.length);
  const rmsseSum = new Float64Array(candidates.length);
  const stockoutSum = new Float64Array(candidates.length);
  const pooled = new Float64Array(window);
  let cases = 0;
  for (const group of groups) {
    const ys = memberHistories(series, group);
    for (let back = 1; back <= GROUP_HOLDOUT_WINDOWS; back++) {
      const histories = ys.map((y) => y.subarray(0, Math.max(0, y.length - back * window)));
      const total = groupTotal(histories);
      const totalMean = totalForecast(total, freq, group.start, window, ctx);
      group.members.forEach((i, m) => {
        const y = ys[m]!;
        const history = histories[m]!;
        const origin = history.length;
        if (origin < 2 * window + 8) return;
        const actual = Array.from(y.subarray(origin, origin + window));
        if (actual.some((v) => v !== v)) return;
        const train = Array.from(history, (v) => (v === v ? v : 0));
        const { weekdayOf0, startDay } = startWeekday(series[i]!.start, freq);
        const own = forecastClean({ y: history, freq, weekdayOf0, startDay, hasUnknown: false }, window, ctx).mean;
        let recent = 0;
        for (let t = Math.max(0, train.length - maWindow); t < train.length; t++) recent += train[t]!;
        const stock = (maWindow / 2) * (recent / Math.min(maWindow, train.length));
        const actualDay = stock > 0 ? stockoutDay(actual, stock) : 0;
        const scores = candidates.map(({ weight, shareWindow }) => {
          pooledMean(own, totalMean, memberShare(history, total, shareWindow), weight, pooled);
          return [mase(train, actual, pooled, season), rmsse(train, actual, pooled), stock > 0 ? Math.abs(stockoutDay(pooled, stock) - actualDay) : 0] as const;
        });
        if (!scores.every(([a, b]) => Number.isFinite(a) && Number.isFinite(b))) return;
        scores.forEach(([a, b, d], c) => {
          maseSum[c] = maseSum[c]! + a;
          rmsseSum[c] = rmsseSum[c]! + b;
          stockoutSum[c] = stockoutSum[c]! + d;
        });
        cases++;
      });
    }
  }
  if (cases < 20) return {};
  let best = 0;
  for (let c = 1; c < candidates.length; c++) {
    const pointLoss = maseSum[c]! / maseSum[0]! + rmsseSum[c]! / rmsseSum[0]!;
    if (pointLoss <= 2 + 1e-9 && stockoutSum[c]! < stockoutSum[best]! - 1e-9) best = c;
  }
  if (best === 0) return {};
  return { groupWeight: candidates[best]!.weight, groupShareWindow: candidates[best]!.shareWindow };
}

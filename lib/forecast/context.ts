/**
 * Pooled knowledge across all of a seller's SKUs. Most items are too short and sparse to learn
 * a weekday shape, a dispersion or the width of their own uncertainty; the seller's catalogue
 * as a whole is not. Everything here is fitted on the histories only (the last window of each
 * history serves as holdout), never on the future being forecast.
 */
import { epochDay } from './calendar.ts';
import { cleanValues, seriesValues, startWeekday } from './clean-series.ts';
import { DEFAULTS, finishForecast, fitCandidates, windowForecasts } from './core.ts';
import { estimateDispersion } from './item-spread.ts';
import { weekdayProfile } from './seasonality.ts';
import type { AnySeriesInput, ForecastContext, Freq } from './types.ts';
import { bestByPooledHoldout, caseScores, sameSeasonBacks } from './context-holdouts.ts';
import { choosePooling } from './context-pooling.ts';
import { calibrateSpread } from './context-spread.ts';

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

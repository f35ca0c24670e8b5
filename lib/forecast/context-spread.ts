/**
 * The quantiles' calibration in fitContext (context.ts): on pooled holdouts, per volume bucket,
 * the level drift, dispersion scale and revival allowance that minimise the scaled pinball loss
 * of the window total over the service levels the planner uses.
 */
import { cleanValues, startWeekday } from './clean-series.ts';
import { DEFAULTS, FREQ_SETTINGS, forecastClean, type CoreForecast } from './core.ts';
import { countQuantiles, cumulativeVariance, normalQuantile, type SpreadParams } from './distribution.ts';
import { MAX_CALIBRATION_SERIES, sameSeasonBacks } from './context-holdouts.ts';
import type { AnySeriesInput, ForecastContext, Freq, SpreadCalibration } from './types.ts';

/** Service levels the quantile calibration is scored on (the planner uses 0.8-0.99). */
const CALIBRATION_LEVELS = [0.5, 0.8, 0.9, 0.95, 0.99];
const CALIBRATION_Z = CALIBRATION_LEVELS.map(normalQuantile);
const DRIFT_GRID = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.8];

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
export function calibrateSpread(series: readonly AnySeriesInput[], freq: Freq, ctx: ForecastContext): SpreadCalibration | undefined {
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

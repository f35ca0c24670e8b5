/**
 * The pooled holdouts fitContext (context.ts) chooses on: each history cut at an origin near its
 * end, forecast from the data before it and scored against the known window after it, summed
 * over (a sample of) the catalogue. Only the histories are read, never the future being forecast.
 */
import { cleanValues, startWeekday } from './clean-series.ts';
import { FREQ_SETTINGS } from './core.ts';
import { maseScale, rmsseScale, scaledMae, scaledRmse } from './metrics.ts';
import type { AnySeriesInput, Freq } from './types.ts';

/** Calibration uses at most this many series (evenly spaced) to keep fitContext fast. */
export const MAX_CALIBRATION_SERIES = 3000;

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
export function caseScores(c: HoldoutCase, forecast: ArrayLike<number>): readonly [number, number] {
  return [scaledMae(c.actual, forecast, c.maseScale), scaledRmse(c.actual, forecast, c.rmsseScale)];
}

/**
 * The candidate with the best pooled holdout accuracy: over the last two evaluation windows of
 * (a sample of) every history, each forecast from the data before it, the sum of the mean MASE
 * and mean RMSSE, each relative to candidate 0. Ties keep candidate 0; undefined when fewer than
 * 20 cases could be scored. `score` returns [MASE, RMSSE] per candidate for one case.
 * @example bestByPooledHoldout(series, 'D', 2, (c) => [[1, 1], [0.9, 0.9]]) // 1
 */
export function bestByPooledHoldout(
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

export const seasonOf = (freq: Freq) => (freq === 'D' ? 7 : freq === 'W' ? 52 : 12);

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

/**
 * A candidate's holdout error in one fit (core.ts fitCandidates): its squared error over the
 * evaluation windows after each rolling origin, from per-window sums where the candidate is flat.
 */
import { fillForecast, type Candidate } from './candidates.ts';

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

export function windowStats(
  y: Float64Array,
  origins: number[],
  evalCount: number,
  window: number,
  profile: Float64Array | null,
  weekdayOf0: number,
): WindowStats {
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

export function holdoutError(
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

/**
 * Point-forecast models. Each one walks the history once (O(n), no allocation per step) and
 * records the forecast it would have made at several "origins" (cut points), so rolling-origin
 * model selection costs one pass per model instead of one per origin.
 *
 * Conventions shared by every model:
 * - `y` holds demand per period; NaN = unknown (censored / closed). Unknown periods carry no
 *   information, so the state is not updated on them (they are neither zero nor a sale).
 * - `origins` are sorted ascending; origin o means "fitted on y[0..o)". `out[k]` receives the
 *   flat per-period forecast at origins[k] (for trend models, see `dampedTrendAt`).
 * - A model with no known history forecasts 0.
 */

/** Smoothing weights and windows used by the model zoo (kept together so tuning is in one place). */
export const MODEL_SETTINGS = {
  crostonAlpha: 0.1,
  tsbDemandAlpha: 0.1,
  tsbProbabilityBeta: 0.05,
  dampedAlpha: 0.2,
  dampedBeta: 0.05,
  dampedPhi: 0.9,
} as const;

/**
 * Mean of the last `window` known values before each origin (skipping unknown periods, so a
 * stockout does not pull the average down).
 * @example movingAverageAt(Float64Array.of(1, 2, 3, 4), 2, [4], out) // out[0] = 3.5
 */
export function movingAverageAt(y: Float64Array, window: number, origins: readonly number[], out: Float64Array): void {
  for (let k = 0; k < origins.length; k++) {
    let sum = 0;
    let count = 0;
    for (let i = origins[k]! - 1; i >= 0 && count < window; i--) {
      const v = y[i]!;
      if (v === v) {
        sum += v;
        count++;
      }
    }
    out[k] = count > 0 ? sum / count : 0;
  }
}

/**
 * Simple exponential smoothing, started from the mean of the first ~1/alpha known values
 * (starting from the first value alone lets one early spike or zero dominate for months).
 * @example sesAt(Float64Array.of(4, 4, 4), 0.5, [3], out) // out[0] = 4
 */
export function sesAt(y: Float64Array, alpha: number, origins: readonly number[], out: Float64Array): void {
  const warmup = Math.max(1, Math.ceil(1 / alpha));
  let level = 0;
  let seen = 0;
  let i = 0;
  // Walk segment by segment (origin to origin) so the inner loop has no bookkeeping.
  for (let k = 0; k < origins.length; k++) {
    const stop = Math.min(origins[k]!, y.length);
    for (; i < stop; i++) {
      const v = y[i]!;
      if (v !== v) continue;
      if (seen < warmup) {
        seen++;
        level += (v - level) / seen;
      } else {
        level += alpha * (v - level);
      }
    }
    out[k] = level;
  }
}

/**
 * Croston's method: smooth the size of non-zero demands and the interval between them;
 * forecast = size / interval. `biasCorrection` = 1 - alpha/2 gives SBA (Syntetos-Boylan),
 * which removes Croston's known upward bias on intermittent series.
 * @example crostonAt(Float64Array.of(0, 2, 0, 2), 0.1, 1, [4], out) // out[0] = 1
 */
export function crostonAt(y: Float64Array, alpha: number, biasCorrection: number, origins: readonly number[], out: Float64Array): void {
  let size = 0;
  let interval = 0;
  let sinceLast = 0;
  let started = false;
  let i = 0;
  for (let k = 0; k < origins.length; k++) {
    const stop = Math.min(origins[k]!, y.length);
    for (; i < stop; i++) {
      const v = y[i]!;
      if (v !== v) continue;
      sinceLast++;
      if (v > 0) {
        if (!started) {
          size = v;
          interval = sinceLast;
          started = true;
        } else {
          size += alpha * (v - size);
          interval += alpha * (sinceLast - interval);
        }
        sinceLast = 0;
      }
    }
    out[k] = started ? (biasCorrection * size) / interval : 0;
  }
}

/**
 * TSB (Teunter-Syntetos-Babai): smooth the probability of a sale every period and the size of
 * sales when they happen; forecast = probability x size. Unlike Croston it decays towards zero
 * when an item stops selling (obsolescence).
 * @example tsbAt(Float64Array.of(2, 0, 2, 0), 0.1, 0.1, [4], out) // out[0] close to 1
 */
export function tsbAt(y: Float64Array, sizeAlpha: number, probabilityBeta: number, origins: readonly number[], out: Float64Array): void {
  const warmup = Math.max(1, Math.ceil(1 / probabilityBeta));
  const sizeWarmup = Math.max(1, Math.ceil(1 / sizeAlpha));
  let probability = 0;
  let size = 0;
  let seen = 0;
  let sales = 0;
  let i = 0;
  for (let k = 0; k < origins.length; k++) {
    const stop = Math.min(origins[k]!, y.length);
    for (; i < stop; i++) {
      const v = y[i]!;
      if (v !== v) continue;
      // Warm-up with running means so the first periods/sales do not set the state alone.
      if (seen < warmup) {
        seen++;
        probability += ((v > 0 ? 1 : 0) - probability) / seen;
      } else {
        probability += probabilityBeta * ((v > 0 ? 1 : 0) - probability);
      }
      if (v > 0) {
        sales++;
        size += sales <= sizeWarmup ? (v - size) / sales : sizeAlpha * (v - size);
      }
    }
    out[k] = probability * size;
  }
}

/**
 * Damped-trend Holt smoothing (for launches and items ramping up or down). Records level and
 * slope; the forecast h periods ahead is level + slope * (phi + phi^2 + ... + phi^h).
 * Unknown periods advance the state without an observation.
 * @example dampedTrendAt(Float64Array.of(1, 2, 3, 4, 5, 6), 0.5, 0.3, 0.9, [6], lv, sl) // sl[0] > 0
 */
export function dampedTrendAt(
  y: Float64Array,
  alpha: number,
  beta: number,
  phi: number,
  origins: readonly number[],
  outLevel: Float64Array,
  outSlope: Float64Array,
): void {
  let level = 0;
  let slope = 0;
  let i = dampedStart(y, origins);
  let started = false;
  for (let k = 0; k < origins.length; k++) {
    const stop = Math.min(origins[k]!, y.length);
    if (!started && i < stop) {
      level = y[i]!;
      i++;
      started = true;
    }
    for (; i < stop; i++) {
      const v = y[i]!;
      const damped = phi * slope;
      if (v !== v) {
        level += damped;
        slope = damped;
        continue;
      }
      const next = alpha * v + (1 - alpha) * (level + damped);
      slope = beta * (next - level) + (1 - beta) * damped;
      level = next;
    }
    outLevel[k] = level;
    outSlope[k] = slope;
  }
}

/** Known periods before the first origin that the damped trend is run over (see dampedStart). */
const DAMPED_MEMORY = 300;

/**
 * Where dampedTrendAt starts: the first known value at or after DAMPED_MEMORY known periods
 * before the first origin. The state forgets where it started: each known period shrinks the
 * start's weight by about 0.85 (the update's spectral radius at the settings above), so
 * DAMPED_MEMORY known periods leave it below 1e-20 of the level. Starting there instead of at the
 * first value gives the same numbers and skips most of a long history.
 * @example dampedStart(Float64Array.of(NaN, 1, 2), [3]) // 1
 */
function dampedStart(y: Float64Array, origins: readonly number[]): number {
  let i = 0;
  if (origins.length > 0) {
    let known = 0;
    let from = Math.min(origins[0]!, y.length);
    while (from > 0 && known < DAMPED_MEMORY) {
      from--;
      if (y[from]! === y[from]!) known++;
    }
    i = from;
  }
  while (i < y.length && y[i]! !== y[i]!) i++;
  return i;
}

/**
 * dampedTrendAt of two histories of the same length at once (the raw and the de-seasonalised
 * one): each step of the smoother waits for the previous one (a chain of seven multiply-adds),
 * so two independent chains in one loop run in about the time of one. Every output equals its
 * own dampedTrendAt call, bit for bit (the same operations in the same order per history).
 * @example dampedTrendPairAt(a, b, 0.2, 0.05, 0.9, [730], la, sa, lb, sb) // as dampedTrendAt(a, ...) and dampedTrendAt(b, ...)
 */
export function dampedTrendPairAt(
  a: Float64Array,
  b: Float64Array,
  alpha: number,
  beta: number,
  phi: number,
  origins: readonly number[],
  out: { levelA: Float64Array; slopeA: Float64Array; levelB: Float64Array; slopeB: Float64Array },
): void {
  const start = dampedStart(a, origins);
  if (a.length !== b.length || dampedStart(b, origins) !== start) {
    dampedTrendAt(a, alpha, beta, phi, origins, out.levelA, out.slopeA);
    dampedTrendAt(b, alpha, beta, phi, origins, out.levelB, out.slopeB);
    return;
  }
  let levelA = 0;
  let slopeA = 0;
  let levelB = 0;
  let slopeB = 0;
  let i = start;
  let started = false;
  for (let k = 0; k < origins.length; k++) {
    const stop = Math.min(origins[k]!, a.length);
    if (!started && i < stop) {
      levelA = a[i]!;
      levelB = b[i]!;
      i++;
      started = true;
    }
    for (; i < stop; i++) {
      const dampedA = phi * slopeA;
      const dampedB = phi * slopeB;
      const va = a[i]!;
      const vb = b[i]!;
      if (va !== va) {
        levelA += dampedA;
        slopeA = dampedA;
      } else {
        const next = alpha * va + (1 - alpha) * (levelA + dampedA);
        slopeA = beta * (next - levelA) + (1 - beta) * dampedA;
        levelA = next;
      }
      if (vb !== vb) {
        levelB += dampedB;
        slopeB = dampedB;
      } else {
        const next = alpha * vb + (1 - alpha) * (levelB + dampedB);
        slopeB = beta * (next - levelB) + (1 - beta) * dampedB;
        levelB = next;
      }
    }
    out.levelA[k] = levelA;
    out.slopeA[k] = slopeA;
    out.levelB[k] = levelB;
    out.slopeB[k] = slopeB;
  }
}

/**
 * phi + phi^2 + ... + phi^h, the multiplier of the slope h periods ahead.
 * @example dampedSum(0.5, 2) // 0.75
 */
export function dampedSum(phi: number, h: number): number {
  return phi === 1 ? h : (phi * (1 - phi ** h)) / (1 - phi);
}

/**
 * Blend of weekday-adjusted moving averages over several windows (e.g. 7, 14, 28 and 56 days),
 * in one backward pass per origin: sum_j weights[j] * (demand over the last windows[j] known
 * periods) / (weekday multipliers over them). `profile` null means flat (a plain average).
 * Weights are normalised to sum 1, so a constant history forecasts that constant. A recent
 * window reacts to a level that is moving; a long one averages away noise; which mix is best is
 * chosen per seller on holdouts (`fitContext`).
 * @example blendedMovingAverageAt(Float64Array.of(1, 1, 3, 3), null, 0, [2, 4], [0.5, 0.5], [4], out) // out[0] = 2.5
 */
export function blendedMovingAverageAt(
  y: Float64Array,
  profile: Float64Array | null,
  weekdayOf0: number,
  windows: readonly number[],
  weights: readonly number[],
  origins: readonly number[],
  out: Float64Array,
): void {
  let weightTotal = 0;
  let longest = 0; // The walk stops at the longest weighted window: later ones add 0 x a mean (the fallback below).
  for (let j = 0; j < windows.length; j++) {
    weightTotal += weights[j]!;
    if (weights[j] !== 0) longest = windows[j]!;
  }
  for (let k = 0; k < origins.length; k++) {
    let sum = 0;
    let weight = 0;
    let count = 0;
    let j = 0;
    let blended = 0;
    let lastMean = 0;
    const origin = origins[k]!;
    let weekday = (((weekdayOf0 + origin - 1) % 7) + 7) % 7;
    for (let i = origin - 1; i >= 0 && count < longest; i--) {
      const v = y[i]!;
      if (v === v) {
        sum += v;
        weight += profile ? profile[weekday]! : 1;
        count++;
        while (j < windows.length && count === windows[j]) {
          lastMean = weight > 0 ? sum / weight : 0;
          blended += weights[j]! * lastMean;
          j++;
        }
      }
      weekday = weekday === 0 ? 6 : weekday - 1;
    }
    // Short histories: every window not reached uses all the history there is.
    if (j < windows.length) {
      lastMean = weight > 0 ? sum / weight : 0;
      for (; j < windows.length; j++) blended += weights[j]! * lastMean;
    }
    out[k] = weightTotal > 0 ? blended / weightTotal : 0;
  }
}

/**
 * SES, Croston and TSB in one pass over the history (they read the same values, so fusing them
 * saves two thirds of the memory traffic and NaN checks). Each output matches its own function:
 * `sesAt(y, sesAlpha)`, `crostonAt(y, crostonAlpha, 1)` and `tsbAt(y, tsbAlpha, tsbBeta)`.
 * @example flatModelsAt(y, 0.1, 0.1, 0.1, 0.05, origins, ses, croston, tsb)
 */
export function flatModelsAt(
  y: Float64Array,
  sesAlpha: number,
  crostonAlpha: number,
  tsbAlpha: number,
  tsbBeta: number,
  origins: readonly number[],
  sesOut: Float64Array,
  crostonOut: Float64Array,
  tsbOut: Float64Array,
): void {
  const sesWarmup = Math.max(1, Math.ceil(1 / sesAlpha));
  const tsbWarmup = Math.max(1, Math.ceil(1 / tsbBeta));
  const sizeWarmup = Math.max(1, Math.ceil(1 / tsbAlpha));
  let level = 0;
  let seen = 0;
  let size = 0;
  let interval = 0;
  let sinceLast = 0;
  let started = false;
  let probability = 0;
  let tsbSize = 0;
  let sales = 0;
  let i = 0;
  for (let k = 0; k < origins.length; k++) {
    const stop = Math.min(origins[k]!, y.length);
    for (; i < stop; i++) {
      const v = y[i]!;
      if (v !== v) continue;
      if (seen < sesWarmup || seen < tsbWarmup) {
        seen++;
        level += seen <= sesWarmup ? (v - level) / seen : sesAlpha * (v - level);
        probability += seen <= tsbWarmup ? ((v > 0 ? 1 : 0) - probability) / seen : tsbBeta * ((v > 0 ? 1 : 0) - probability);
      } else {
        level += sesAlpha * (v - level);
        probability += tsbBeta * ((v > 0 ? 1 : 0) - probability);
      }
      sinceLast++;
      if (v > 0) {
        if (!started) {
          size = v;
          interval = sinceLast;
          started = true;
        } else {
          size += crostonAlpha * (v - size);
          interval += crostonAlpha * (sinceLast - interval);
        }
        sinceLast = 0;
        sales++;
        tsbSize += sales <= sizeWarmup ? (v - tsbSize) / sales : tsbAlpha * (v - tsbSize);
      }
    }
    sesOut[k] = level;
    crostonOut[k] = started ? size / interval : 0;
    tsbOut[k] = probability * tsbSize;
  }
}

/**
 * The point forecast's array: carved from shared blocks (one forecast per SKU in a 10,000-SKU
 * plan), and its last step, the blend with the plain recent average the context may ask for.
 */

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

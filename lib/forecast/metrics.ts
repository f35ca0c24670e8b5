/**
 * Accuracy measures used by the benchmarks (pure, so they are unit-tested like the models).
 * All take the training history (to scale) and the actual test values.
 */

/**
 * Mean absolute scaled error: test MAE divided by the in-sample MAE of the seasonal naive
 * forecast with lag `season` (lag 1 when the history is shorter than a season). NaN when the
 * scale is zero (a flat history), so callers can leave such series out instead of dividing by 0.
 * @example mase([1, 2, 3, 4], [5, 6], [5, 6], 1) // 0
 */
export function mase(train: readonly number[], actual: readonly number[], forecast: ArrayLike<number>, season: number): number {
  return scaledMae(actual, forecast, maseScale(train, season));
}

/**
 * MASE's scale: the in-sample MAE of the seasonal naive forecast (lag 1 for a short history).
 * Computed once per history when many forecasts of it are scored.
 * @example maseScale([1, 2, 4], 1) // 1.5
 */
export function maseScale(train: ArrayLike<number>, season: number): number {
  const lag = train.length > season ? season : 1;
  let scale = 0;
  let count = 0;
  for (let i = lag; i < train.length; i++) {
    scale += Math.abs(train[i]! - train[i - lag]!);
    count++;
  }
  return count > 0 ? scale / count : 0;
}

/**
 * Test MAE over a given MASE scale (NaN when the scale is zero): mase with the scale precomputed.
 * @example scaledMae([5, 6], [5, 7], 1) // 0.5
 */
export function scaledMae(actual: ArrayLike<number>, forecast: ArrayLike<number>, scale: number): number {
  if (!(scale > 0)) return Number.NaN;
  let error = 0;
  for (let h = 0; h < actual.length; h++) error += Math.abs(forecast[h]! - actual[h]!);
  return error / actual.length / scale;
}

/**
 * Root mean squared scaled error as defined by the M5 competition: squared errors scaled by the
 * in-sample mean squared one-step naive error, counted from the first non-zero demand.
 * NaN when that scale is zero.
 * @example rmsse([0, 1, 0, 1], [1, 0], [0.5, 0.5]) // 0.5
 */
export function rmsse(train: readonly number[], actual: readonly number[], forecast: ArrayLike<number>): number {
  return scaledRmse(actual, forecast, rmsseScale(train));
}

/**
 * RMSSE's scale: the in-sample mean squared one-step naive error from the first non-zero demand.
 * @example rmsseScale([0, 1, 0, 1]) // 1
 */
export function rmsseScale(train: ArrayLike<number>): number {
  let first = 0;
  while (first < train.length && !(train[first]! !== 0)) first++;
  let scale = 0;
  let count = 0;
  for (let i = first + 1; i < train.length; i++) {
    const d = train[i]! - train[i - 1]!;
    scale += d * d;
    count++;
  }
  return count > 0 ? scale / count : 0;
}

/**
 * Test RMSE over a given RMSSE scale (NaN when the scale is zero): rmsse with the scale precomputed.
 * @example scaledRmse([1, 0], [0.5, 0.5], 1) // 0.5
 */
export function scaledRmse(actual: ArrayLike<number>, forecast: ArrayLike<number>, scale: number): number {
  if (!(scale > 0)) return Number.NaN;
  let error = 0;
  for (let h = 0; h < actual.length; h++) {
    const e = forecast[h]! - actual[h]!;
    error += e * e;
  }
  return Math.sqrt(error / actual.length / scale);
}

/**
 * Pinball (quantile) loss of predicting `quantile` when `actual` happened.
 * @example pinball(0.9, 10, 12) // 1.8 (under-forecast costs q per unit)
 */
export function pinball(q: number, quantile: number, actual: number): number {
  return actual >= quantile ? q * (actual - quantile) : (1 - q) * (quantile - actual);
}

/**
 * First day (1-based) on which cumulative demand reaches `stock`; horizon+1 when it never does
 * within the horizon. A relative tolerance of 1e-9 keeps float rounding (14 x level/28 summed
 * day by day) from pushing an exact hit to the next day.
 * @example stockoutDay([2, 2, 2], 4) // 2
 */
export function stockoutDay(cumulativeOrDaily: ArrayLike<number>, stock: number, isCumulative = false): number {
  let cum = 0;
  for (let h = 0; h < cumulativeOrDaily.length; h++) {
    cum = isCumulative ? cumulativeOrDaily[h]! : cum + cumulativeOrDaily[h]!;
    if (cum >= stock * (1 - 1e-9)) return h + 1;
  }
  return cumulativeOrDaily.length + 1;
}

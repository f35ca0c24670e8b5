/**
 * Demand distribution for cumulative totals. Daily/weekly sales of one item are counts with
 * many zeros and occasional big orders, so a normal band is wrong at both ends: the total is
 * modelled as a negative binomial matched to its mean and variance (exact discrete quantiles for
 * small totals, Wilson-Hilferty gamma approximation for large ones, where discreteness no longer
 * matters and exact inversion would cost O(total)).
 */

/** Coefficients of Acklam's approximation (module constants: normalQuantile runs once per curve). */
const ACKLAM = {
  a: [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239],
  b: [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572],
  c: [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783],
  d: [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416],
} as const;

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9).
 * @example normalQuantile(0.975) // 1.959964
 */
export function normalQuantile(p: number): number {
  if (!(p > 0)) return -Infinity;
  if (!(p < 1)) return Infinity;
  const { a, b, c, d } = ACKLAM;
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** Totals below this use exact discrete inversion; above it the gamma approximation. */
const EXACT_BELOW_MEAN = 50;
/** Safety cap on discrete inversion steps (very heavy tails fall back to the approximation). */
const MAX_STEPS = 4000;

/**
 * q-quantile of a count with the given mean and variance: negative binomial when the variance
 * exceeds the mean, Poisson otherwise. Returns 0 for a zero mean.
 * @example countQuantile(10, 10, 0.5) // 10 (Poisson median)
 * @example countQuantile(2, 20, 0.5) // 0 (over-dispersed: most periods sell nothing)
 */
export function countQuantile(mean: number, variance: number, q: number): number {
  return countQuantileZ(mean, variance, q, Number.NaN);
}

/** countQuantile with the normal quantile of q precomputed (NaN = not yet), for loops over h. */
function countQuantileZ(mean: number, variance: number, q: number, z: number): number {
  if (!(mean > 0)) return 0;
  const v = Math.max(variance, mean);
  if (mean < EXACT_BELOW_MEAN) {
    const exact = discreteQuantile(mean, v, q);
    if (exact >= 0) return exact;
  }
  return gammaQuantile(mean, v, z === z ? z : normalQuantile(q));
}

/** Exact NB/Poisson inversion by summing the pmf; -1 when the tail is too long to walk. */
function discreteQuantile(mean: number, variance: number, q: number): number {
  const poissonLike = variance <= mean * (1 + 1e-9);
  // NB with size r and success probability: pmf(k+1) = pmf(k) * (k + r)/(k + 1) * ratio.
  const r = poissonLike ? Infinity : (mean * mean) / (variance - mean);
  const ratio = poissonLike ? 0 : mean / (r + mean);
  let pmf = poissonLike ? Math.exp(-mean) : Math.exp(r * Math.log(r / (r + mean)));
  let cdf = pmf;
  let k = 0;
  while (cdf < q) {
    if (k >= MAX_STEPS || (pmf === 0 && k > mean)) return -1;
    pmf *= poissonLike ? mean / (k + 1) : ((k + r) / (k + 1)) * ratio;
    cdf += pmf;
    k++;
  }
  return k;
}

/**
 * countQuantile at several levels `qs` (ascending, with their normal quantiles `zs`) in one walk
 * of the pmf instead of one per level: the calibration's grid search asks five levels of every
 * case. out[j] equals countQuantile(mean, variance, qs[j]).
 * @example countQuantiles(10, 10, [0.5, 0.9], [0, 1.2816], out) // out = [10, 14]
 */
export function countQuantiles(mean: number, variance: number, qs: readonly number[], zs: ArrayLike<number>, out: Float64Array): void {
  let j = 0;
  if (!(mean > 0)) {
    for (; j < qs.length; j++) out[j] = 0;
    return;
  }
  const v = Math.max(variance, mean);
  if (mean < EXACT_BELOW_MEAN) {
    // The same walk as discreteQuantile, recording each level as the cdf passes it.
    const poissonLike = v <= mean * (1 + 1e-9);
    const r = poissonLike ? Infinity : (mean * mean) / (v - mean);
    const ratio = poissonLike ? 0 : mean / (r + mean);
    let pmf = poissonLike ? Math.exp(-mean) : Math.exp(r * Math.log(r / (r + mean)));
    let cdf = pmf;
    let k = 0;
    // The level in a local: the walk is the plan's innermost loop.
    let target = qs[0]!;
    while (j < qs.length) {
      // As discreteQuantile's `while (cdf < q)`: a NaN cdf (a vanishing mean) stops the walk too.
      if (!(cdf < target)) {
        out[j++] = k;
        if (j < qs.length) target = qs[j]!;
        continue;
      }
      if (k >= MAX_STEPS || (pmf === 0 && k > mean)) break;
      pmf *= poissonLike ? mean / (k + 1) : ((k + r) / (k + 1)) * ratio;
      cdf += pmf;
      k++;
    }
  }
  if (j === qs.length) return;
  // gammaQuantile at each remaining level, its level-free part worked out once (the same numbers).
  const c = 1 / (9 * ((mean * mean) / v));
  const root = Math.sqrt(c);
  for (; j < qs.length; j++) {
    const base = 1 - c + zs[j]! * root;
    out[j] = base <= 0 ? 0 : mean * base * base * base;
  }
}

/**
 * Wilson-Hilferty approximation of a gamma quantile with the given mean and variance.
 * @example gammaQuantile(100, 100, 0) // about 99.7 (median slightly below the mean)
 */
export function gammaQuantile(mean: number, variance: number, z: number): number {
  const shape = (mean * mean) / variance;
  const c = 1 / (9 * shape);
  const base = 1 - c + z * Math.sqrt(c);
  return base <= 0 ? 0 : mean * base * base * base;
}

/** What drives the spread of cumulative demand beyond its mean. */
export interface SpreadParams {
  /** Variance-to-mean ratio of single-period demand (1 = Poisson; lumpy orders make it large). */
  dispersion: number;
  /** Periods the level estimate is based on: its sampling error adds dispersion*M*h/window. */
  levelWindow: number;
  /** Relative sd of the level itself drifting (shared by all future periods, so it grows with M^2). */
  levelDrift: number;
  /** Horizon (periods) over which `levelDrift` is measured; drift grows like sqrt(h / this) beyond it. */
  driftHorizon: number;
  /**
   * Long-run demand per period (e.g. the past year's mean) and the share of the gap up to it
   * that the quantiles (not the point forecast) allow for: an item that went quiet can sell
   * again. Missing = 0.
   */
  longRunRate?: number;
  revival?: number;
}

/**
 * Variance of total demand over the first h+1 periods given its mean `cumMean`.
 * @example cumulativeVariance(28, 27, { dispersion: 1, levelWindow: 28, levelDrift: 0, driftHorizon: 28 }) // 56
 */
export function cumulativeVariance(cumMean: number, h: number, spread: SpreadParams): number {
  const periods = h + 1;
  const noise = spread.dispersion * cumMean * (1 + periods / spread.levelWindow);
  const drift = spread.levelDrift * cumMean;
  const growth = Math.max(1, periods / spread.driftHorizon);
  return noise + drift * drift * growth;
}

/**
 * q-quantiles of cumulative demand for every horizon, forced non-decreasing (a longer horizon
 * can never need less stock); with `length`, the first `length` of them only (the same values).
 * @example cumulativeQuantiles([1, 1], 0.5, spread) // e.g. [1, 2]
 */
export function cumulativeQuantiles(mean: ArrayLike<number>, q: number, spread: SpreadParams, length = mean.length): number[] {
  return cumulativeQuantileCurves(mean, [q], spread, length)[0]!;
}

/**
 * cumulativeQuantiles at several levels `qs` (ascending) in one pass: each horizon's total and
 * variance are worked out once, and one walk of the pmf passes every level (countQuantiles).
 * A plan reads three curves of one forecast (its service level, the median and p90).
 * curves[j] equals cumulativeQuantiles(mean, qs[j], spread, length).
 * @example cumulativeQuantileCurves([1, 1], [0.5, 0.9], spread) // [p50 curve, p90 curve]
 */
export function cumulativeQuantileCurves(mean: ArrayLike<number>, qs: readonly number[], spread: SpreadParams, length = mean.length): number[][] {
  const count = Math.max(0, Math.min(mean.length, Math.floor(length) || 0));
  const out = new Float64Array(qs.length * count);
  cumulativeQuantileCurvesInto(mean, qs, spread, count, out);
  return qs.map((_, j) => Array.from(out.subarray(j * count, (j + 1) * count)));
}

/** Scratch of cumulativeQuantileCurvesInto (one entry per level; grown when more levels are asked). */
let levelScratch = { zs: new Float64Array(8), previous: new Float64Array(8), values: new Float64Array(8) };

/**
 * cumulativeQuantileCurves for the first `count` horizons (count <= mean.length) written into
 * `out`, curve j at out[j * count .. (j + 1) * count): the forecaster keeps its curves in shared
 * blocks instead of an array per level and plan (the same numbers).
 * @example cumulativeQuantileCurvesInto([1, 1], [0.5, 0.9], spread, 2, out) // out = [p50 curve, p90 curve]
 */
export function cumulativeQuantileCurvesInto(mean: ArrayLike<number>, qs: readonly number[], spread: SpreadParams, count: number, out: Float64Array): void {
  const levels = qs.length;
  if (levelScratch.zs.length < levels) levelScratch = { zs: new Float64Array(levels), previous: new Float64Array(levels), values: new Float64Array(levels) };
  const { zs, previous, values } = levelScratch;
  for (let j = 0; j < levels; j++) {
    zs[j] = normalQuantile(qs[j]!);
    previous[j] = 0;
  }
  const revival = spread.revival && spread.revival > 0 && spread.longRunRate && spread.longRunRate > 0 ? spread.revival : 0;
  const rate = revival > 0 ? spread.longRunRate! : 0;
  let cum = 0;
  for (let h = 0; h < count; h++) {
    cum += mean[h]!;
    const gap = rate * (h + 1) - cum;
    const total = gap > 0 ? cum + revival * gap : cum;
    countQuantiles(total, cumulativeVariance(total, h, spread), qs, zs, values);
    for (let j = 0; j < levels; j++) {
      const value = values[j]!;
      if (value > previous[j]!) previous[j] = value;
      out[j * count + h] = previous[j]!;
    }
  }
}

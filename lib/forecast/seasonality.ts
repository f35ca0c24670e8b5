/**
 * Seasonal profiles. Weekly (day-of-week) shape for daily data and a yearly "same time last
 * year" adjustment once more than a year of history exists. Both are shrunk towards a prior
 * (a pooled seller-wide profile, or flat) because a sparse item's own weekday counts are mostly
 * noise.
 */

/**
 * Day-of-week multipliers (mean 1) from the known values in y[from..to). `weekdayOf0` is the
 * weekday of y[0]. The item's own ratios get weight units/(units + shrinkUnits); the rest comes
 * from `prior` (flat when null).
 * @example weekdayProfile(series, 0, 0, 28, null, 0) // [..7 ratios averaging 1]
 */
export function weekdayProfile(
  y: Float64Array,
  weekdayOf0: number,
  from: number,
  to: number,
  prior: ArrayLike<number> | null,
  shrinkUnits: number,
): Float64Array {
  const sums = new Float64Array(7);
  const counts = new Float64Array(7);
  let weekday = (weekdayOf0 + from) % 7;
  for (let i = from; i < to; i++) {
    const v = y[i]!;
    if (v === v) {
      sums[weekday] = sums[weekday]! + v;
      counts[weekday] = counts[weekday]! + 1;
    }
    weekday = weekday === 6 ? 0 : weekday + 1;
  }
  let meanOfMeans = 0;
  let withData = 0;
  let units = 0;
  for (let d = 0; d < 7; d++) {
    units += sums[d]!;
    if (counts[d]! > 0) {
      meanOfMeans += sums[d]! / counts[d]!;
      withData++;
    }
  }
  const profile = new Float64Array(7);
  const weight = units > 0 && withData === 7 ? units / (units + shrinkUnits) : 0;
  meanOfMeans /= withData || 1;
  let total = 0;
  for (let d = 0; d < 7; d++) {
    const own = weight > 0 ? sums[d]! / counts[d]! / meanOfMeans : 1;
    const base = prior ? prior[d]! : 1;
    profile[d] = weight * own + (1 - weight) * base;
    total += profile[d]!;
  }
  if (!(total > 0)) return profile.fill(1);
  for (let d = 0; d < 7; d++) profile[d] = (profile[d]! * 7) / total;
  return profile;
}

/** Running totals of known values and of known periods, for O(1) window means. */
export interface PrefixSums {
  sum: Float64Array;
  count: Float64Array;
}

/**
 * Prefix sums over y (NaN periods count as unknown, not zero).
 * @example prefixSums(Float64Array.of(1, NaN, 2)).sum // [0, 1, 1, 3]
 */
export function prefixSums(y: Float64Array): PrefixSums {
  const n = y.length;
  const sum = new Float64Array(n + 1);
  const count = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    const known = v === v;
    sum[i + 1] = sum[i]! + (known ? v : 0);
    count[i + 1] = count[i]! + (known ? 1 : 0);
  }
  return { sum, count };
}

/** Settings of the yearly adjustment for one frequency. */
export interface YearlySettings {
  /** Periods in a year, chosen to keep weekdays aligned for daily data (364, 52). */
  lag: number;
  /** Half-width of the window averaged around "same period last year". */
  halfWidth: number;
  /** Length of the reference window just before the origin (matches the level window). */
  referenceWindow: number;
  /** Pseudo-demand (as a share of the reference mean) added to both sides to damp ratios of tiny counts. */
  shrink: number;
}

/**
 * Multipliers for periods origin..origin+horizon-1: how demand moved last year(s) from the
 * reference window before the same point to each later period. 1 where no year of history exists.
 * @example yearlyFactors(ps, 400, 28, settings, out) // out[h] ≈ 1.3 if last year rose 30%
 */
export function yearlyFactors(
  sums: PrefixSums,
  origin: number,
  horizon: number,
  settings: YearlySettings,
  out: Float64Array,
): boolean {
  const { lag, halfWidth, referenceWindow } = settings;
  out.fill(1, 0, horizon);
  let usable = false;
  for (let h = 0; h < horizon; h++) {
    let after = 0;
    let before = 0;
    for (let back = lag; origin - back - referenceWindow >= 0; back += lag) {
      const refEnd = origin - back;
      const refMean = windowMean(sums, refEnd - referenceWindow, refEnd);
      const lo = Math.max(0, refEnd + h - halfWidth);
      const hi = Math.min(origin, refEnd + h + halfWidth + 1);
      if (hi <= lo || !(refMean >= 0)) continue;
      const afterMean = windowMean(sums, lo, hi);
      if (!(afterMean >= 0)) continue;
      after += afterMean;
      before += refMean;
    }
    if (before > 0) {
      const pad = settings.shrink * before;
      out[h] = (after + pad) / (before + pad);
      usable = true;
    }
  }
  return usable;
}

function windowMean(sums: PrefixSums, from: number, to: number): number {
  const count = sums.count[to]! - sums.count[from]!;
  return count > 0 ? (sums.sum[to]! - sums.sum[from]!) / count : Number.NaN;
}

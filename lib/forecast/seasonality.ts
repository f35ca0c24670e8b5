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
  profile = new Float64Array(7),
): Float64Array {
  const sums = sumsScratch.fill(0);
  const counts = countsScratch.fill(0);
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

/** Per-weekday sums and counts of weekdayProfile (scratch: it runs for every forecast). */
const sumsScratch = new Float64Array(7);
const countsScratch = new Float64Array(7);

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
 * Multipliers for periods origin..origin+horizon-1, written to out[from..from+horizon): how
 * demand moved last year(s) from the reference window before the same point to each later
 * period (averaged over every past year available). Leaves 1 where no year of history exists;
 * returns whether any factor was set.
 * @example yearlyFactors(y, 400, 28, settings, out) // out[h] ≈ 1.3 if last year rose 30%
 */
export function yearlyFactors(y: Float64Array, origin: number, horizon: number, settings: YearlySettings, out: Float64Array, from = 0): boolean {
  const { lag, halfWidth, referenceWindow } = settings;
  out.fill(1, from, from + horizon);
  let years = 0;
  while (origin - (years + 1) * lag - referenceWindow >= 0) years++;
  if (years === 0) return false;
  // Reference mean of each past year (the window just before "the origin, a year earlier"), in
  // a scratch buffer: this runs for every evaluation window of every forecast.
  if (referenceScratch.length < years) referenceScratch = new Float64Array(Math.max(years, 2 * referenceScratch.length));
  const reference = referenceScratch;
  let referenceTotal = 0;
  for (let j = 0; j < years; j++) {
    const end = origin - (j + 1) * lag;
    reference[j] = windowMean(y, end - referenceWindow, end);
  }
  let usable = false;
  for (let h = 0; h < horizon; h++) {
    let after = 0;
    let used = 0;
    referenceTotal = 0;
    for (let j = 0; j < years; j++) {
      const refMean = reference[j]!;
      const centre = origin - (j + 1) * lag + h;
      const afterMean = windowMean(y, Math.max(0, centre - halfWidth), Math.min(origin, centre + halfWidth + 1));
      if (refMean !== refMean || afterMean !== afterMean) continue;
      after += afterMean;
      referenceTotal += refMean;
      used++;
    }
    if (referenceTotal > 0) {
      // At least one unit per reference window and year: a reference of a few hundredths of a
      // unit (or a fitting residue of 1e-17) would otherwise turn one later sale into a factor
      // of thousands, and a forecast of trillions a day.
      const pad = Math.max(settings.shrink * referenceTotal, used / referenceWindow);
      out[from + h] = (after + pad) / (referenceTotal + pad);
      usable = true;
    }
  }
  return usable;
}

let referenceScratch = new Float64Array(8);

/** Mean of the known values in y[from..to), NaN when there are none. */
function windowMean(y: Float64Array, from: number, to: number): number {
  let sum = 0;
  let count = 0;
  for (let i = from; i < to; i++) {
    const v = y[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}

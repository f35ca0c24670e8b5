/**
 * Days of cover and stockout date by walking the cumulative forecast against stock, so a
 * trend or a seasonal peak ahead shortens the cover (stock / 30-day average cannot see it).
 */

/**
 * Daily rate beyond the horizon: the average of the last 7 forecast days (a whole week, so a
 * weekday pattern does not make the tail depend on which weekday the horizon ends on).
 * @example tailRate(cumulativeSum([1, 1, 1, 1, 1, 1, 8])) // 2
 */
export function tailRate(meanCum: ArrayLike<number>): number {
  const h = meanCum.length;
  if (h === 0) return 0;
  const span = Math.min(7, h);
  return (meanCum[h - 1]! - (h > span ? meanCum[h - 1 - span]! : 0)) / span;
}

/**
 * Expected demand over the first `days` days ahead (fractional days interpolate linearly;
 * beyond the forecast horizon the last week's average rate continues).
 * @example cumulativeAt(Float64Array.of(2, 4, 6), 1.5) // 3
 */
export function cumulativeAt(meanCum: ArrayLike<number>, days: number): number {
  if (days <= 0 || meanCum.length === 0) return 0;
  const h = meanCum.length;
  if (days >= h) return meanCum[h - 1]! + (days - h) * tailRate(meanCum);
  const whole = Math.floor(days);
  const before = whole === 0 ? 0 : meanCum[whole - 1]!;
  return before + (days - whole) * (meanCum[whole]! - before);
}

/** Cover beyond this (a century) is reported as "never runs out" (null), not as a date. */
const MAX_COVER_DAYS = 36_500;

/**
 * Days until cumulative expected demand uses up `stock` (fractional). null when demand is
 * zero throughout, or so small that the stock lasts beyond MAX_COVER_DAYS.
 * @example daysOfCover(25, Float64Array.of(10, 20, 30)) // 2.5
 */
export function daysOfCover(stock: number, meanCum: ArrayLike<number>): number | null {
  if (stock <= 0) return 0;
  const h = meanCum.length;
  let before = 0;
  for (let i = 0; i < h; i++) {
    const now = meanCum[i]!;
    if (now >= stock) return i + (now > before ? (stock - before) / (now - before) : 0);
    before = now;
  }
  const tail = tailRate(meanCum);
  if (!(tail > 0)) return null;
  const cover = h + (stock - before) / tail;
  return cover <= MAX_COVER_DAYS ? cover : null;
}

/**
 * Expected demand by which `stock` whole units are as likely as not to have sold. Demand
 * arrives as whole units (Poisson around the forecast), so the k-th unit sells once expected
 * demand reaches the median of a Gamma(k, 1): ln 2 = 0.69 for the last unit, 9.67 for ten.
 * Fractional stock (a report's average) needs the next whole unit to sell. Dating by this
 * median, not by the expected demand reaching the count, is what minimises the expected error
 * in days when the rate is right (tested), and it matters most for slow sellers, where one
 * unit is many days of demand. The plan dates the (stock + 1)-th unit this way: the first
 * customer who finds none (daysUntilStockout).
 * @example sellOutDemand(1) // 0.693 (Math.LN2)
 * @example sellOutDemand(2.4) // 2.674 (three units must sell)
 */
export function sellOutDemand(stock: number): number {
  if (!(stock > 0)) return 0;
  const units = Math.ceil(stock - 1e-9);
  if (units <= 1) return Math.LN2;
  // Choi (1994): median of Gamma(k, 1); error below 1e-4 from k = 2 on.
  return units - 1 / 3 + 8 / (405 * units) + 184 / (25515 * units * units);
}

/**
 * Which unit of demand is the first that `stock` cannot serve: the one after its whole units
 * (a report's average of 2.4 units serves two customers; 3 units serve three).
 * @example firstUnservedUnit(3) // 4
 * @example firstUnservedUnit(2.4) // 3
 */
export function firstUnservedUnit(stock: number): number {
  return Math.floor(stock + 1e-9) + 1;
}

/**
 * Days until demand most likely first goes unserved: when the customer after the last unit
 * comes, i.e. when cumulative expected demand reaches sellOutDemand(stock + 1). The plan's days
 * of cover and stockout date come from this (0 when nothing is in stock). For a slow seller this
 * is days after its last unit most likely sells; for a fast one, the same day.
 * @example daysUntilStockout(1, cumulativeSum(new Array(30).fill(0.1))) // 16.78 (the 2nd unit's median: 1.678)
 */
export function daysUntilStockout(stock: number, meanCum: ArrayLike<number>): number | null {
  if (!(stock > 0)) return 0;
  return daysOfCover(sellOutDemand(firstUnservedUnit(stock)), meanCum);
}

/**
 * Days from today until demand first goes unserved after `units` arrive at the start of day
 * `fromDays` (1 = tomorrow) and sell only from that day on (demand before it is served, or
 * lost, by other stock). null when they never run out within MAX_COVER_DAYS.
 * @example daysUntilStockoutFrom(10, 5, cumulativeSum(new Array(60).fill(1))) // 4 + 10.67 = 14.67
 */
export function daysUntilStockoutFrom(units: number, fromDays: number, meanCum: ArrayLike<number>): number | null {
  const already = cumulativeAt(meanCum, fromDays - 1);
  const cover = daysOfCover(already + sellOutDemand(firstUnservedUnit(units)), meanCum);
  return cover === null ? null : Math.max(cover, fromDays - 1);
}

/**
 * Days of cover as every view shows them: whole days, rounded down (9.6 days of cover is 9
 * whole days; a panel, a reason and an alert never disagree by a day).
 * @example wholeDaysOfCover(92.6) // 92
 */
export function wholeDaysOfCover(days: number): number {
  return Math.floor(days + 1e-9);
}

/**
 * Running total of a per-day forecast: out[h] = demand over days 1..h+1. A plain array: a
 * Float64Array this long is allocated off the JS heap, slower for one per plan.
 * @example cumulativeSum([1, 2, 3]) // [1, 3, 6]
 */
export function cumulativeSum(perDay: ArrayLike<number>): number[] {
  const out = new Array<number>(perDay.length);
  let total = 0;
  for (let i = 0; i < perDay.length; i++) {
    const v = perDay[i]!;
    total += v > 0 ? v : 0;
    out[i] = total;
  }
  return out;
}

/**
 * The day the stock runs out: the day on which cumulative demand reaches it (today when
 * there is none). Days of cover 10 from 2026-01-01 -> 2026-01-11.
 * @example stockoutDay(100, 10) // 110
 */
export function stockoutDay(asOfDay: number, cover: number | null): number | null {
  return cover === null ? null : asOfDay + Math.ceil(cover - 1e-9);
}

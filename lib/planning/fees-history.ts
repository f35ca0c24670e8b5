/**
 * The daily FBA history the low-inventory-level fee is computed from (historical days of
 * supply = mean on-hand / mean shipped, lib/fees), rebuilt from what the planner has: the
 * pool's on-hand readings (FBA pages, every few days) and its reconstructed daily demand
 * (reconstruct.ts). Sellers cannot export Amazon's daily figures, so this is the only way to
 * know the figure between Amazon's weekly refreshes, or when the page does not show it.
 */
import type { DailyInventory, DailySeries } from '../fees/index';
import { isoDate } from './days';
import { dayArray, float64Pair } from './day-arena';
import type { DemandSeries } from './demand-series';

/** One reading of the pool's on-hand units (available + reserved) on a day. */
export interface OnHandReading {
  day: number;
  onHand: number;
}

/**
 * Readings as the fee history reads them (FbaFacts.readings): day, units, day, units..., each
 * count rounded to a whole unit.
 * @example [...onHandPairs([{ day: 10, onHand: 100 }, { day: 12, onHand: 89.6 }])] // [10, 100, 12, 90]
 */
export function onHandPairs(readings: readonly OnHandReading[]): Int32Array {
  const pairs = new Int32Array(2 * readings.length);
  readings.forEach((r, i) => {
    pairs[2 * i] = r.day;
    pairs[2 * i + 1] = Math.round(r.onHand);
  });
  return pairs;
}

/**
 * Whole units shipped per day from a demand series (fractional where counts were spread):
 * rounded cumulatively within each run of known days, so the run's total is kept. NaN = unknown.
 * `from`/`end` (series indices) limit the answer to those days; each is rounded as over the
 * whole series (its run's earlier days are summed first, in the same order).
 * @example wholeUnitsShipped(seriesOf([0.5, 0.5, 0.5, 0.5])) // [1, 0, 1, 0] (2 units in all)
 * @example wholeUnitsShipped(seriesOf([0.5, 0.5, 0.5, 0.5]), 2) // [1, 0]
 */
export function wholeUnitsShipped(series: DemandSeries, from = 0, end = series.units.length): Float64Array {
  const units = series.units;
  const first = Math.max(0, Math.min(from, units.length));
  const out = dayArray(Math.max(0, Math.min(end, units.length) - first));
  // The run `first` belongs to starts after the last unknown day before it.
  let runStart = first;
  while (runStart > 0 && units[runStart - 1] === units[runStart - 1]) runStart--;
  let cum = 0;
  for (let i = runStart; i < first; i++) cum += units[i]!;
  let rounded = Math.round(cum);
  for (let k = 0; k < out.length; k++) {
    const v = units[first + k]!;
    if (v !== v) {
      out[k] = Number.NaN;
      cum = rounded = 0;
      continue;
    }
    cum += v;
    const next = Math.round(cum);
    out[k] = next - rounded;
    rounded = next;
  }
  return out;
}

/**
 * Daily on-hand and shipped units for the `days` days ending with `asOfDay`. Between two
 * readings a day's on-hand is the earlier reading minus the units shipped since, checked
 * against the later reading plus the units shipped after: when they disagree by more than
 * `tolerance` (a receipt or a removal on an unknown day) the days between are unknown, never
 * guessed. After the last reading, the walk goes on to `asOfDay`; before the first, unknown.
 * A day without known demand is known only when its on-hand is 0 (nothing could ship).
 * `readings`: day/units pairs (FbaFacts.readings, onHandPairs).
 * @example dailyInventory(onHandPairs([{ day: 10, onHand: 100 }, { day: 12, onHand: 90 }]), series /* 5, 5 *\/, 12, 3)
 * // [{ date: day 10, onHand: 100, shipped: 5 }, { day 11: 95, 5 }, { day 12: 90, 5 }]
 */
export function dailyInventory(readings: Int32Array, series: DemandSeries, asOfDay: number, days: number): DailyInventory[] {
  const h = dailyInventorySeries(readings, series, asOfDay, days);
  return Array.from({ length: days }, (_, i) => {
    const onHand = h.onHand[i]!;
    const shipped = h.shipped[i]!;
    return { date: isoDate(h.firstDay + i), onHand: onHand === onHand ? onHand : null, shipped: shipped === shipped ? shipped : null };
  });
}

/**
 * dailyInventory indexed by day (NaN = unknown), as the fee block reads it: typed arrays, no
 * object per day. Readings whose next reading is on or before the first day add nothing and
 * are skipped, so a long record of readings costs no more than the days asked for.
 * @example dailyInventorySeries(Int32Array.of(10, 100), series /* 5, 5 *\/, 12, 3).onHand // [100, 95, 90]
 */
export function dailyInventorySeries(readings: Int32Array, series: DemandSeries, asOfDay: number, days: number): DailySeries {
  const firstDay = asOfDay - days + 1;
  const sorted = readingsByDay(readings, asOfDay);
  let k = 0;
  while (k + 1 < sorted.days.length && sorted.days[k + 1]! <= firstDay) k++;
  // Units shipped from the first day a walk needs (its reading's next day) to asOfDay.
  const shippedFrom = Math.min(firstDay, k < sorted.days.length ? sorted.days[k]! + 1 : firstDay);
  const shipped = { firstDay: shippedFrom, units: dayArray(asOfDay - shippedFrom + 1).fill(Number.NaN) };
  // Days outside the series stay unknown.
  shipped.units.set(wholeUnitsShipped(series, shippedFrom - series.startDay, asOfDay + 1 - series.startDay), Math.max(0, series.startDay - shippedFrom));
  const [onHand, out] = float64Pair(days);
  onHand.fill(Number.NaN);
  for (; k < sorted.days.length; k++) walkReading(sorted, k, asOfDay, firstDay, shipped, onHand);
  for (let i = 0; i < days; i++) {
    const s = shipped.units[firstDay + i - shippedFrom]!;
    out[i] = s === s ? s : onHand[i] === 0 ? 0 : Number.NaN;
  }
  checkCounts(firstDay, onHand, out);
  return { firstDay, onHand, shipped: out };
}

/**
 * The days from reading `k` to the next (or to asOfDay) written into `onHand` (indexed from
 * `firstDay`): the reading itself, then its walk when the next reading agrees with it.
 */
function walkReading(
  sorted: { days: Float64Array; onHand: Float64Array },
  k: number,
  asOfDay: number,
  firstDay: number,
  shipped: { firstDay: number; units: Float64Array },
  onHand: Float64Array,
): void {
  // No closure per reading: this runs for every reading of every FBA plan.
  const fromDay = sorted.days[k]!;
  const from = sorted.onHand[k]!;
  const last = k + 1 === sorted.days.length;
  const end = last ? asOfDay : sorted.days[k + 1]!;
  const lastDay = firstDay + onHand.length - 1;
  if (fromDay >= firstDay && fromDay <= lastDay) onHand[fromDay - firstDay] = from;
  let forward = from;
  // Demand is censored while the shelf is empty: nothing shipped, the shelf stays empty.
  for (let day = fromDay + 1; day <= end; day++) {
    const sold = shipped.units[day - shipped.firstDay]!;
    forward = forward <= 0 && sold !== sold ? 0 : forward - sold;
    if ((day < end || last) && day >= firstDay && day <= lastDay) onHand[day - firstDay] = Math.max(0, Math.round(forward));
  }
  // The later reading must agree with the walk (NaN never agrees): otherwise stock moved on an unknown day.
  if (last || Math.abs(forward - sorted.onHand[k + 1]!) <= tolerance(from, sorted.onHand[k + 1]!)) return;
  for (let day = Math.max(fromDay + 1, firstDay); day < end && day <= lastDay; day++) onHand[day - firstDay] = Number.NaN;
}

/** The history's counts are what dailySeries accepts (a non-negative integer or unknown); a bad one is a caller's bug. */
function checkCounts(firstDay: number, onHand: Float64Array, shipped: Float64Array): void {
  for (let i = 0; i < onHand.length; i++) {
    const h = onHand[i]!;
    const s = shipped[i]!;
    if (h === h && !(Number.isInteger(h) && h >= 0)) throw new Error(`dailySeries: ${isoDate(firstDay + i)}: ${h} is not a count`);
    if (s === s && !(Number.isInteger(s) && s >= 0)) throw new Error(`dailySeries: ${isoDate(firstDay + i)}: ${s} is not a count`);
  }
}

/** Readings may disagree by a few units (returns, counting): 2 units or 5%. */
function tolerance(a: number, b: number): number {
  return Math.max(2, 0.05 * Math.max(a, b));
}

/**
 * One reading per day (the last given) up to `asOfDay`, in day order, units not below 0
 * (readings are validated counts: the floor only keeps the fee core's checks from throwing).
 * Readings already in strictly increasing day order (as one listing's readings are) are copied
 * as they are. `readings`: day/units pairs.
 * @example readingsByDay(Int32Array.of(3, 5, 1, 2, 3, 4), 9).onHand // [2, 4]
 */
export function readingsByDay(readings: Int32Array, asOfDay: number): { days: Float64Array; onHand: Float64Array } {
  let inOrder = true;
  for (let i = 2; i < readings.length && inOrder; i += 2) inOrder = readings[i - 2]! < readings[i]!;
  const pairs = inOrder ? readings : latestPerDay(readings);
  let n = 0;
  while (2 * n < pairs.length && pairs[2 * n]! <= asOfDay) n++;
  const [days, onHand] = float64Pair(n);
  for (let i = 0; i < n; i++) {
    days[i] = pairs[2 * i]!;
    onHand[i] = Math.max(0, pairs[2 * i + 1]!);
  }
  return { days, onHand };
}

/** One reading per day (the last given), in day order, as pairs. */
function latestPerDay(readings: Int32Array): Int32Array {
  const byDay = new Map<number, number>();
  for (let i = 0; i < readings.length; i += 2) byDay.set(readings[i]!, readings[i + 1]!);
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const out = new Int32Array(2 * days.length);
  days.forEach((day, i) => {
    out[2 * i] = day;
    out[2 * i + 1] = byDay.get(day)!;
  });
  return out;
}

/**
 * The history with Amazon's own historical days of supply standing in for the on-hand units
 * no reading covers: over the 90 days up to the day Amazon showed the figure, a day whose units
 * shipped are known but whose on-hand is not gets `shown days x mean units shipped` (the figure
 * is mean on-hand / mean shipped, so the window's figure comes out as Amazon's). Amazon shows one
 * figure; it is taken for both windows (an assumption: the page does not say which window it
 * is). Without it, one page read leaves the past unknown and every fee amount with it.
 * A new series; the history given is left as it is.
 * @example withShownSupply(history /* 10 shipped a day, on-hand unknown *\/, { day, days: 20 }).onHand // 200 on those days
 */
export function withShownSupply(history: DailySeries, shown: { day: number; days: number } | null): DailySeries {
  const onHand = dayArray(history.onHand.length);
  onHand.set(history.onHand);
  const filled = { firstDay: history.firstDay, onHand, shipped: history.shipped };
  if (!shown) return filled;
  // Indices of the window's days: ahead = shown.day - day in [0, SHOWN_WINDOW_DAYS).
  const from = Math.max(0, shown.day - SHOWN_WINDOW_DAYS + 1 - history.firstDay);
  const to = Math.min(onHand.length - 1, shown.day - history.firstDay);
  let known = 0;
  let sum = 0;
  for (let i = from; i <= to; i++) {
    const s = history.shipped[i]!;
    if (s === s) {
      known++;
      sum += s;
    }
  }
  if (known === 0) return filled;
  const units = Math.max(0, Math.round((shown.days * sum) / known));
  for (let i = from; i <= to; i++) if (onHand[i] !== onHand[i] && history.shipped[i] === history.shipped[i]) onHand[i] = units;
  return filled;
}

/** The long window of historical days of supply: how far back Amazon's figure stands in. */
const SHOWN_WINDOW_DAYS = 90;

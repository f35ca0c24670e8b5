/**
 * The daily FBA history the low-inventory-level fee is computed from (historical days of
 * supply = mean on-hand / mean shipped, lib/fees), rebuilt from what the planner has: the
 * pool's on-hand readings (FBA pages, every few days) and its reconstructed daily demand
 * (reconstruct.ts). Sellers cannot export Amazon's daily figures, so this is the only way to
 * know the figure between Amazon's weekly refreshes, or when the page does not show it.
 */
import type { DailyInventory } from '../fees/index';
import { dayNumber, isoDate } from './days';
import type { DemandSeries } from './reconstruct';

/** One reading of the pool's on-hand units (available + reserved) on a day. */
export interface OnHandReading {
  day: number;
  onHand: number;
}

/**
 * Whole units shipped per day from a demand series (fractional where counts were spread):
 * rounded cumulatively within each run of known days, so the run's total is kept. NaN = unknown.
 * @example wholeUnitsShipped(seriesOf([0.5, 0.5, 0.5, 0.5])) // [1, 0, 1, 0] (2 units in all)
 */
export function wholeUnitsShipped(series: DemandSeries): Float64Array {
  const out = new Float64Array(series.units.length);
  let cum = 0;
  let rounded = 0;
  for (let i = 0; i < series.units.length; i++) {
    const v = series.units[i]!;
    if (v !== v) {
      out[i] = Number.NaN;
      cum = rounded = 0;
      continue;
    }
    cum += v;
    const next = Math.round(cum);
    out[i] = next - rounded;
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
 * @example dailyInventory([{ day: 10, onHand: 100 }, { day: 12, onHand: 90 }], series /* 5, 5 *\/, 12, 3)
 * // [{ date: day 10, onHand: 100, shipped: 5 }, { day 11: 95, 5 }, { day 12: 90, 5 }]
 */
export function dailyInventory(readings: readonly OnHandReading[], series: DemandSeries, asOfDay: number, days: number): DailyInventory[] {
  const shipped = wholeUnitsShipped(series);
  const shippedOn = (day: number) => {
    const i = day - series.startDay;
    return i >= 0 && i < shipped.length ? shipped[i]! : Number.NaN;
  };
  const firstDay = asOfDay - days + 1;
  const onHand = new Float64Array(days).fill(Number.NaN);
  // Readings are validated counts; rounding and the floor at 0 only keep the fee core's checks from throwing.
  const sorted = latestPerDay(readings)
    .filter((r) => r.day <= asOfDay)
    .map((r) => ({ day: r.day, onHand: Math.max(0, Math.round(r.onHand)) }));
  sorted.forEach((from, k) => {
    const to = sorted[k + 1];
    const end = to ? to.day : asOfDay;
    let forward = from.onHand;
    const walk: number[] = [from.onHand];
    for (let day = from.day + 1; day <= end; day++) {
      const sold = shippedOn(day);
      // Demand is censored while the shelf is empty: nothing shipped, the shelf stays empty.
      forward = forward <= 0 && sold !== sold ? 0 : forward - sold;
      walk.push(forward);
    }
    // The later reading must agree with the walk (NaN never agrees): otherwise stock moved on an unknown day.
    const agrees = !to || Math.abs(walk[walk.length - 1]! - to.onHand) <= tolerance(from.onHand, to.onHand);
    walk.forEach((v, j) => {
      const i = from.day + j - firstDay;
      if (i < 0 || i >= days) return;
      if (j === 0) onHand[i] = from.onHand;
      else if (agrees && !(to && j === walk.length - 1)) onHand[i] = Math.max(0, Math.round(v));
    });
  });
  return Array.from({ length: days }, (_, i) => {
    const h = onHand[i]!;
    const s = shippedOn(firstDay + i);
    return { date: isoDate(firstDay + i), onHand: h === h ? h : null, shipped: s === s ? s : h === 0 ? 0 : null };
  });
}

/** Readings may disagree by a few units (returns, counting): 2 units or 5%. */
function tolerance(a: number, b: number): number {
  return Math.max(2, 0.05 * Math.max(a, b));
}

/** One reading per day (the last given), in day order. */
function latestPerDay(readings: readonly OnHandReading[]): OnHandReading[] {
  const byDay = new Map<number, OnHandReading>();
  for (const r of readings) byDay.set(r.day, r);
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/**
 * The history with Amazon's own historical days of supply standing in for the on-hand units
 * no reading covers: over the 90 days up to the day Amazon showed the figure, a day whose units
 * shipped are known but whose on-hand is not gets `shown days x mean units shipped` (the figure
 * is mean on-hand / mean shipped, so the window's figure comes out as Amazon's). Amazon shows one
 * figure; it is taken for both windows (an assumption: the page does not say which window it
 * is). Without it, one page read leaves the past unknown and every fee amount with it.
 * @example withShownSupply(history /* 10 shipped a day, on-hand unknown *\/, { day, days: 20 }) // on-hand 200 on those days
 */
export function withShownSupply(history: readonly DailyInventory[], shown: { day: number; days: number } | null): DailyInventory[] {
  if (!shown) return [...history];
  const inWindow = (date: string) => {
    const ahead = shown.day - dayNumber(date);
    return ahead >= 0 && ahead < SHOWN_WINDOW_DAYS;
  };
  const shipped = history.filter((d) => inWindow(d.date) && d.shipped !== null).map((d) => d.shipped!);
  if (shipped.length === 0) return [...history];
  const onHand = Math.max(0, Math.round((shown.days * shipped.reduce((a, b) => a + b, 0)) / shipped.length));
  return history.map((d) => (d.onHand === null && d.shipped !== null && inWindow(d.date) ? { ...d, onHand } : d));
}

/** The long window of historical days of supply: how far back Amazon's figure stands in. */
const SHOWN_WINDOW_DAYS = 90;

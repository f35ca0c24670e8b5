/**
 * Amazon's "Historical days of supply" (fees.md, "Low-inventory-level fee"): over a window of
 * past days, average daily on-hand units / average daily units shipped. It looks back, unlike
 * the forward "Days of supply" column, and it is what decides the low-inventory-level fee.
 *
 * Unknown days: a day missing from the history, or with onHand or shipped null, is unknown.
 * It is left out of both averages (never read as zero, which would invent a stockout or a
 * day without sales), and a window where fewer than half the days are known has no figure
 * ('unknown'): from less than that the average is a guess (our choice; Amazon's own figure
 * is computed from complete data).
 */
import { dayNumber } from '../planning/days';

/** One day of an FBA stock: units on hand and units shipped to customers that day (null: not known). */
export interface DailyInventory {
  date: string;
  onHand: number | null;
  shipped: number | null;
}

/** A history indexed by day number; NaN marks an unknown day. */
export interface DailySeries {
  firstDay: number;
  onHand: Float64Array;
  shipped: Float64Array;
}

/** A window's figure: days of supply, "no sales" (Amazon shows "–"), or unknown. */
export type SupplyFigure = { kind: 'days'; days: number } | { kind: 'no-sales' } | { kind: 'unknown' };

/** A window needs at least this share (per cent) of its days known to have a figure. */
const MIN_KNOWN_PCT = 50;

/**
 * Index a history by day so that windows are array slices. Throws on a bad date, a duplicate
 * day, or a count that is not a non-negative integer: those are a caller's bug, not unknowns.
 * @example dailySeries([{ date: '1970-01-02', onHand: 5, shipped: 1 }]).firstDay // 1
 */
export function dailySeries(history: readonly DailyInventory[]): DailySeries {
  // Plain loops, no per-day closure or array: a plan indexes a few hundred days several times.
  const days = new Float64Array(history.length);
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < history.length; i++) {
    const d = history[i]!;
    const n = dayNumber(d.date);
    if (Number.isNaN(n)) throw new Error(`dailySeries: "${d.date}" is not an ISO date`);
    if (!isCountOrNull(d.onHand)) throw new Error(`dailySeries: ${d.date}: ${d.onHand} is not a count`);
    if (!isCountOrNull(d.shipped)) throw new Error(`dailySeries: ${d.date}: ${d.shipped} is not a count`);
    days[i] = n;
    if (n < firstDay) firstDay = n;
    if (n > lastDay) lastDay = n;
  }
  const length = history.length ? lastDay - firstDay + 1 : 0;
  const onHand = new Float64Array(length).fill(Number.NaN);
  const shipped = new Float64Array(length).fill(Number.NaN);
  const seen = new Uint8Array(length);
  for (let i = 0; i < history.length; i++) {
    const d = history[i]!;
    const at = days[i]! - firstDay;
    if (seen[at]) throw new Error(`dailySeries: ${d.date} appears twice`);
    seen[at] = 1;
    onHand[at] = d.onHand ?? Number.NaN;
    shipped[at] = d.shipped ?? Number.NaN;
  }
  return { firstDay: history.length ? firstDay : 0, onHand, shipped };
}

/** A count as a history holds it: a non-negative integer, or null (not known). */
function isCountOrNull(v: number | null): boolean {
  return v === null || (Number.isInteger(v) && v >= 0);
}

/**
 * Historical days of supply over the `windowDays` days ending with `lastDay` (a day number,
 * included): mean on-hand / mean shipped over the days where both are known.
 * @example supplyOver(dailySeries([{ date: '1970-01-01', onHand: 100, shipped: 5 }]), 0, 1) // { kind: 'days', days: 20 }
 */
export function supplyOver(series: DailySeries, lastDay: number, windowDays: number): SupplyFigure {
  let known = 0;
  let onHand = 0;
  let shipped = 0;
  for (let day = lastDay - windowDays + 1; day <= lastDay; day++) {
    const i = day - series.firstDay;
    if (i < 0 || i >= series.onHand.length) continue;
    const h = series.onHand[i]!;
    const s = series.shipped[i]!;
    if (Number.isNaN(h) || Number.isNaN(s)) continue;
    known++;
    onHand += h;
    shipped += s;
  }
  if (known * 100 < windowDays * MIN_KNOWN_PCT) return { kind: 'unknown' };
  // The two means share their day count, so it cancels: sum(onHand) / sum(shipped).
  return shipped === 0 ? { kind: 'no-sales' } : { kind: 'days', days: onHand / shipped };
}

/**
 * Units shipped over the `days` days ending with `lastDay`; null when a day is unknown and the
 * known days alone do not reach `atLeast` (so the answer to "at least N?" is still open).
 * @example shippedOver(dailySeries([{ date: '1970-01-01', onHand: 9, shipped: 3 }]), 0, 7, 20) // null (6 days unknown, 3 < 20)
 */
export function shippedOver(series: DailySeries, lastDay: number, days: number, atLeast: number): number | null {
  let total = 0;
  let unknown = false;
  for (let day = lastDay - days + 1; day <= lastDay; day++) {
    const i = day - series.firstDay;
    const s = i >= 0 && i < series.shipped.length ? series.shipped[i]! : Number.NaN;
    if (Number.isNaN(s)) unknown = true;
    else total += s;
  }
  return unknown && total < atLeast ? null : total;
}

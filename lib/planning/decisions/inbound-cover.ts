/**
 * The units on their way in the answer: when they arrive (units split across shipments each on
 * their shipment's day), and how long stock lasts counting them. When the stock on hand
 * outlasts an arrival, it simply adds to it; when it runs out first, the shelf is empty until
 * the arrival (that demand is lost, not served later), which then sells from its own day on.
 */
import { daysUntilStockout, daysUntilStockoutFrom, stockoutDay } from '../cover';
import { inboundArrivalDay, inboundArrivesInTime } from '../inbound-arrival';
import type { DayArrival } from '../plan-input';
import type { Decision, Draft, Situation } from './situation';

/**
 * The inbound units' arrivals, soonest first: those with a known day (entered, or a shipment's
 * estimate; one already past means late: tomorrow at the earliest, as for a dated window that
 * has passed), and the rest on the day dated from when the inbound appeared, when known.
 */
function arrivalsOf(s: Situation): DayArrival[] {
  const { inbound, inboundAppeared, inboundArrivals = [] } = s.input;
  const out: DayArrival[] = inboundArrivals.map((a) => ({ ...a, day: Math.max(a.day, s.asOfDay + 1) }));
  const undated = inbound - out.reduce((sum, a) => sum + a.units, 0);
  if (undated > 0 && inboundAppeared) out.push({ day: inboundArrivalDay(inboundAppeared, s.lead.transitDays, s.asOfDay), units: undated });
  return out.sort((a, b) => a.day - b.day);
}

/**
 * Days from today until demand first goes unserved from the first arrival on, the stock on hand
 * running out `onHandOutInDays` from today. When the stock on hand outlasts an arrival, the arrival simply adds to it; when the shelf empties first, the
 * demand in between is lost (not served later) and the arrival sells from its own day on.
 * Arrivals after the shelf has emptied again are left out: by then demand went unserved.
 * @example coverFromArrivals(100, 11, [{ inDays: 5, units: 100 }, { inDays: 30, units: 200 }], 10/day) // ≈ 20 (out before the 200 come)
 */
function coverFromArrivals(
  stock: number,
  onHandOutInDays: number,
  arrivals: readonly { inDays: number; units: number }[],
  meanCum: ArrayLike<number>,
): number | null {
  const coverOf = (units: number, from: number) => (from <= 1 ? daysUntilStockout(units, meanCum) : daysUntilStockoutFrom(units, from, meanCum));
  const emptiesBefore = (cover: number | null, inDays: number) => cover !== null && Math.ceil(cover - 1e-9) < inDays;
  const [first, ...later] = arrivals;
  if (!first) return coverOf(stock, 1);
  let from = 1;
  let units = stock + first.units;
  if (onHandOutInDays < first.inDays) {
    from = first.inDays;
    units = first.units;
  }
  for (const a of later) {
    const cover = coverOf(units, from);
    if (emptiesBefore(cover, a.inDays)) return cover;
    units += a.units;
  }
  return coverOf(units, from);
}

/** @example inboundCover(300 on hand at 10/day, 400 inbound arriving in 15 days) // draft.inbound.daysOfCover ≈ 70 */
export const inboundCover: Decision = (s, d) => {
  if (s.stock === null || s.input.inbound <= 0) return;
  const arrivals = arrivalsOf(s);
  if (arrivals.length === 0) return;
  d.inbound.arrivals = arrivals;
  d.inbound.arrivalDay = arrivals[0]!.day;
  if (d.stockoutDay === null) return;
  const daysOfCover = coverFromArrivals(
    s.stock,
    d.stockoutDay - s.asOfDay,
    arrivals.map((a) => ({ inDays: a.day - s.asOfDay, units: a.units })),
    s.meanCum,
  );
  d.inbound.daysOfCover = daysOfCover;
  d.inbound.stockoutDay = stockoutDay(s.asOfDay, daysOfCover);
};

/**
 * The units on their way as the fee projections take them: each arrival, or, when the plan
 * could not date them, all of them tomorrow (the cautious side for a stock floor).
 * @example inboundAsArrivals(situation with 300 inbound, undated draft) // [{ day: today + 1, units: 300 }]
 */
export function inboundAsArrivals(s: Situation, d: Draft): { day: number; units: number }[] {
  if (d.inbound.arrivals.length > 0) return d.inbound.arrivals.map((a) => ({ day: a.day, units: a.units }));
  return s.input.inbound > 0 ? [{ day: s.asOfDay + 1, units: s.input.inbound }] : [];
}

/**
 * Cover and stockout until demand first goes unserved: the inbound's when it arrives before
 * the stock on hand runs out, else the stock on hand's.
 * @example coverUntilUnserved(draft with stock out on day 10 and 400 arriving on day 5) // the inbound's cover
 */
export function coverUntilUnserved(d: Pick<Draft, 'daysOfCover' | 'stockoutDay' | 'inbound'>): { daysOfCover: number | null; stockoutDay: number | null } {
  if (!inboundArrivesInTime(d.stockoutDay, d.inbound.arrivalDay)) return { daysOfCover: d.daysOfCover, stockoutDay: d.stockoutDay };
  return { daysOfCover: d.inbound.daysOfCover, stockoutDay: d.inbound.stockoutDay };
}

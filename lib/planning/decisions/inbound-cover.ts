/**
 * The units on their way in the answer: when they arrive, and how long stock lasts counting
 * them. When the stock on hand outlasts their arrival, they simply add to it; when it runs out
 * first, the shelf is empty until they arrive (that demand is lost, not served later) and they
 * then sell from their arrival day on.
 */
import { daysUntilStockout, daysUntilStockoutFrom, stockoutDay } from '../cover';
import { inboundArrivalDay, inboundArrivesInTime } from '../inbound-arrival';
import type { Decision, Draft } from './situation';

/** @example inboundCover(300 on hand at 10/day, 400 inbound arriving in 15 days) // draft.inbound.daysOfCover ≈ 70 */
export const inboundCover: Decision = (s, d) => {
  const { inbound, inboundAppeared, inboundEtaDay } = s.input;
  if (s.stock === null || inbound <= 0 || (!inboundAppeared && (inboundEtaDay ?? null) === null)) return;
  // A date the seller entered (or a Shipments page showed) wins; one already past means late:
  // tomorrow at the earliest, as for a dated window that has passed.
  const arrivalDay =
    inboundEtaDay !== undefined && inboundEtaDay !== null
      ? Math.max(inboundEtaDay, s.asOfDay + 1)
      : inboundArrivalDay(inboundAppeared!, s.lead.transitDays, s.asOfDay);
  d.inbound.arrivalDay = arrivalDay;
  if (d.stockoutDay === null) return;
  const daysOfCover =
    d.stockoutDay < arrivalDay ? daysUntilStockoutFrom(inbound, arrivalDay - s.asOfDay, s.meanCum) : daysUntilStockout(s.stock + inbound, s.meanCum);
  d.inbound.daysOfCover = daysOfCover;
  d.inbound.stockoutDay = stockoutDay(s.asOfDay, daysOfCover);
};

/**
 * Cover and stockout until demand first goes unserved: the inbound's when it arrives before
 * the stock on hand runs out, else the stock on hand's.
 * @example coverUntilUnserved(draft with stock out on day 10 and 400 arriving on day 5) // the inbound's cover
 */
export function coverUntilUnserved(d: Pick<Draft, 'daysOfCover' | 'stockoutDay' | 'inbound'>): { daysOfCover: number | null; stockoutDay: number | null } {
  if (!inboundArrivesInTime(d.stockoutDay, d.inbound.arrivalDay)) return { daysOfCover: d.daysOfCover, stockoutDay: d.stockoutDay };
  return { daysOfCover: d.inbound.daysOfCover, stockoutDay: d.inbound.stockoutDay };
}

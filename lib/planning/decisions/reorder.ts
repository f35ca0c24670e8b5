/**
 * The reorder: when the stock plus what is on its way falls to the reorder point (lead-time
 * demand at the service level), order enough to cover the target after arrival, at least EOQ
 * when enabled, rounded to MOQ and case pack. Never while the pool holds excess (protect
 * mode), in decline or exit, with unknown stock, or more than a year ahead. An overdue reorder
 * says how many days late it is: the days the stock will be out before an order placed today
 * arrives (due today when only the safety stock is being eaten into), dated that many days back.
 */
import { daysUntilStockout } from '../cover';
import { economicOrderQuantity, roundOrderQuantity } from '../rounding';
import { planReorder } from '../reorder';
import type { Decision } from './situation';

/** Reorders further ahead than this are not shown as a date. */
export const MAX_REORDER_AHEAD_DAYS = 365;

/** @example reorder(situation with 100 on hand at 10/day and a 70-day lead time, draft) // daysLate 60 (out from day ~10 until day 70), reorder.day = today - 60 */
export const reorder: Decision = (s, d) => {
  if (s.stock === null) return;
  const coverDays = s.policy.maxCoverDays === null ? s.settings.targetCoverDays : Math.min(s.settings.targetCoverDays, s.policy.maxCoverDays);
  const r = planReorder({
    inventoryPosition: s.stock + s.input.inbound,
    meanCum: s.meanCum,
    serviceCum: s.serviceCum,
    leadTimeDays: s.lead.days,
    targetCoverDays: coverDays,
    safetyFactor: s.policy.safetyFactor,
  });
  d.reorder.point = r.reorderPoint;
  d.reorder.safetyStock = r.safetyStock;
  if (!s.policy.reorder || d.excessUnits > 0 || r.daysUntilReorder === null || r.daysUntilReorder > MAX_REORDER_AHEAD_DAYS) return;
  let raw = r.rawQuantity;
  if (raw > 0 && s.settings.eoq.enabled && s.input.priceMinor !== null) {
    const unitCost = s.settings.unitCostMinorBySku[s.input.sku] ?? s.input.priceMinor * (1 - s.settings.defaultMarginPct / 100);
    raw = Math.max(raw, economicOrderQuantity(s.meanDaily * 365, s.settings.eoq.orderCostMinor, unitCost * s.settings.eoq.holdingRatePerYear));
  }
  const quantity = roundOrderQuantity(raw, { moq: s.lead.moq, casePack: s.lead.casePack });
  if (quantity <= 0) return;
  // Order on or before the day the position reaches the point. Past it, the order is late by
  // as many days as the stock (with what is already on its way) will be out before an order
  // placed today arrives: a date extrapolated back at today's rate says nothing a seller can check.
  const positionCover = daysUntilStockout(s.stock + s.input.inbound, s.meanCum);
  const late = r.daysUntilReorder >= 0 || positionCover === null ? 0 : Math.max(0, Math.round(s.lead.days - positionCover));
  d.reorder.day = r.daysUntilReorder >= 0 ? s.asOfDay + Math.floor(r.daysUntilReorder) : s.asOfDay - late;
  d.reorder.quantity = quantity;
  d.reorder.daysLate = late;
};

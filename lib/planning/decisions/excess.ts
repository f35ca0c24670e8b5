/**
 * Excess stock: units beyond the demand of the lead time plus the target cover and the safety
 * stock (what a reorder placed today tops the position up to), or beyond a sell-off window once the
 * product is exiting. Excess puts the pool in protect mode: no reorder until it is gone, and
 * only the excess may be marked down. Excess is only known once the sales rate is: a first
 * reading says nothing about how fast a listing sells, so it is never told to clear.
 */
import { cumulativeAt } from '../cover';
import { safetyStockOf } from '../reorder';
import type { Decision } from './situation';

/** @example excess(situation with 500 units and 2/day, 70 + 60 days to keep, draft) // draft.excessUnits 240 */
export const excess: Decision = (s, d) => {
  d.keepDays = s.stage === 'exit' ? s.settings.clearance.targetSellThroughDays : s.lead.days + s.settings.targetCoverDays;
  if (s.stock === null) return;
  const t = s.settings.alerts;
  const agedKnown = s.input.ageBuckets.some((b) => b.units > 0 && b.minDays >= 181);
  const salesRateKnown = s.history.knownDays >= t.noSaleDays || (d.daysOfCover !== null && s.history.knownDays >= 14) || agedKnown;
  if (!salesRateKnown) return;
  const position = s.stock + s.input.inbound;
  // A reorder tops the position up to the reorder point (lead-time demand + safety stock) plus
  // the target cover: only units beyond that are excess, or freshly received stock would be.
  const safety = s.stage === 'exit' ? 0 : safetyStockOf(s.meanCum, s.serviceCum, s.lead.days, s.policy.safetyFactor);
  d.excessUnits = Math.max(0, Math.floor(position - cumulativeAt(s.meanCum, d.keepDays) - safety));
};

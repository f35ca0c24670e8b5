/**
 * The health score from the decisions: 100 minus each reason's points (the seller's weights).
 * Not enough data (stock unknown, or no sale seen and too few known days to say it does not
 * sell) gives no score at all, never 100.
 */
import { healthScore } from '../health';
import { isoDate } from '../days';
import { coverUntilUnserved } from './inbound-cover';
import type { Decision } from './situation';

/** @example health(situation with no known sales, draft) // draft.health.score === null */
export const health: Decision = (s, d) => {
  if (s.stock === null || !s.history.salesKnown) return;
  // Inbound that arrives before the shelf is empty counts (no "stockout soon" for stock on its way in time).
  const unserved = coverUntilUnserved(d);
  d.health = healthScore(
    {
      daysSinceLastSale: s.history.daysSinceLastSale,
      daysOfCover: unserved.daysOfCover,
      stockoutDate: unserved.stockoutDay === null ? null : isoDate(unserved.stockoutDay),
      available: s.stock,
      onHand: s.stock + s.input.reserved,
      pendingUnits: s.input.pendingUnits,
      excess: d.excessUnits > 0 ? { keepDays: d.keepDays } : null,
      listedAbovePool:
        d.oversell.listedAbovePool > 0 && s.input.pool ? { listed: s.input.pool.listed, listable: s.input.pool.listed - d.oversell.listedAbovePool } : null,
      agedUnits: d.aged.units,
      agedMinDays: d.aged.minDays,
      reorderOverdue: d.reorder.day !== null && d.reorder.daysLate > 0 ? { date: isoDate(d.reorder.day), daysLate: d.reorder.daysLate } : null,
      unfulfillable: s.input.unfulfillable,
    },
    s.settings.healthWeights,
    s.settings.alerts,
  );
};

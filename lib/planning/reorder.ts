/**
 * When to reorder and how much, from the forecast: reorder point = demand over the lead
 * time at the chosen service level (quantile of the cumulative forecast), so safety stock
 * follows the forecast's own uncertainty rather than a fixed number of days.
 */
import { cumulativeAt, daysOfCover } from './cover';

export interface ReorderInput {
  /** Sellable stock + inbound (units already on their way count: ordering again would double them). */
  inventoryPosition: number;
  /** Expected cumulative demand, meanCum[h] = days 1..h+1. */
  meanCum: ArrayLike<number>;
  /** Cumulative demand at the service level, same indexing (from forecast.quantileCum(serviceLevel)). */
  serviceCum: ArrayLike<number>;
  leadTimeDays: number;
  targetCoverDays: number;
  /** Stage policy multiplier on safety stock (e.g. 1.25 in growth). */
  safetyFactor: number;
}

export interface ReorderResult {
  /** Expected demand over the lead time. */
  leadTimeDemand: number;
  safetyStock: number;
  /** Inventory position at which to order: lead-time demand + safety stock. */
  reorderPoint: number;
  /** Days from today until the position falls to the reorder point (negative = overdue); null = never at this forecast. */
  daysUntilReorder: number | null;
  /** Units to order then, before MOQ / case-pack rounding. */
  rawQuantity: number;
}

/**
 * Safety stock: lead-time demand at the service level above the expected lead-time demand,
 * times the stage's factor.
 * @example safetyStockOf(meanCum /* 10/day *\/, serviceCum /* 12/day *\/, 30, 1) // 60
 */
export function safetyStockOf(meanCum: ArrayLike<number>, serviceCum: ArrayLike<number>, leadTimeDays: number, safetyFactor: number): number {
  return Math.max(0, cumulativeAt(serviceCum, leadTimeDays) - cumulativeAt(meanCum, leadTimeDays)) * safetyFactor;
}

/**
 * @example
 * // 10/day, lead time 30, cover 60, 1000 on hand, no uncertainty:
 * planReorder({ inventoryPosition: 1000, meanCum: c, serviceCum: c, leadTimeDays: 30, targetCoverDays: 60, safetyFactor: 1 })
 * // { reorderPoint: 300, daysUntilReorder: 70, rawQuantity: 600, ... }
 */
export function planReorder(input: ReorderInput): ReorderResult {
  const { inventoryPosition, meanCum, serviceCum, leadTimeDays: lead, targetCoverDays: cover } = input;
  const leadTimeDemand = cumulativeAt(meanCum, lead);
  const safetyStock = safetyStockOf(meanCum, serviceCum, lead, input.safetyFactor);
  const reorderPoint = leadTimeDemand + safetyStock;
  const dailyRate = lead > 0 ? leadTimeDemand / lead : cumulativeAt(meanCum, 1);
  let daysUntilReorder: number | null;
  if (inventoryPosition > reorderPoint) {
    daysUntilReorder = daysOfCover(inventoryPosition - reorderPoint, meanCum);
  } else {
    daysUntilReorder = dailyRate > 0 ? -(reorderPoint - inventoryPosition) / dailyRate : reorderPoint > 0 ? 0 : null;
  }
  if (daysUntilReorder === null) return { leadTimeDemand, safetyStock, reorderPoint, daysUntilReorder, rawQuantity: 0 };
  // The order arrives `lead` days after it is placed and must then cover `cover` days; any
  // shortfall below the reorder point at ordering time is made up as well.
  const from = Math.max(0, daysUntilReorder) + lead;
  const coverDemand = cumulativeAt(meanCum, from + cover) - cumulativeAt(meanCum, from);
  const rawQuantity = coverDemand + Math.max(0, reorderPoint - inventoryPosition);
  return { leadTimeDemand, safetyStock, reorderPoint, daysUntilReorder, rawQuantity };
}

/**
 * A 0-100 health score with the reasons that cost points, so the seller sees WHY a SKU is
 * unhealthy. Score = 100 minus the sum of the reasons' points (never below 0).
 */
import type { AlertThresholds, HealthWeights } from '../settings/schema';
import type { HealthReason } from './types';
import { wholeDaysOfCover } from './cover';

export interface HealthFacts {
  /** Known days since the last sale (null = no history). */
  daysSinceLastSale: number | null;
  daysOfCover: number | null;
  stockoutDate: string | null;
  available: number;
  /** Units on hand that can serve pending orders (available + reserved). */
  onHand: number;
  pendingUnits: number;
  /** Stock beyond what the lead time plus target cover needs (null = none). */
  excess: { keepDays: number } | null;
  /** Channels list more than the shared stock minus buffers (null = they do not). */
  listedAbovePool: { listed: number; listable: number } | null;
  agedUnits: number;
  agedMinDays: number;
  reorderOverdue: { date: string; daysLate: number } | null;
  unfulfillable: number;
}

/**
 * @example healthScore({ ...facts, daysSinceLastSale: 45 }, weights, thresholds) // { score: 70, reasons: [{ code: 'no-sales-30d', points: 30, ... }] }
 */
export function healthScore(f: HealthFacts, w: HealthWeights, t: AlertThresholds): { score: number; reasons: HealthReason[] } {
  const reasons: HealthReason[] = [];
  const add = (reason: HealthReason) => {
    if (reason.points > 0) reasons.push(reason);
  };
  if (f.daysSinceLastSale !== null && f.daysSinceLastSale >= t.noSaleDays && f.available > 0) {
    add({ code: 'no-sales-30d', points: w.noSales30d, params: { days: f.daysSinceLastSale } });
  }
  if (f.excess !== null) {
    add({
      code: 'overstock-90d',
      points: w.overstock90d,
      params: { daysOfCover: f.daysOfCover === null ? null : wholeDaysOfCover(f.daysOfCover), limitDays: f.excess.keepDays },
    });
  }
  if (f.available <= 0) {
    add({ code: 'out-of-stock', points: w.outOfStock, params: {} });
  } else if (f.daysOfCover !== null && f.daysOfCover <= t.healthStockoutDays) {
    add({
      code: 'stockout-soon',
      points: w.stockoutSoon,
      params: { stockoutDate: f.stockoutDate, daysOfCover: wholeDaysOfCover(f.daysOfCover), withinDays: t.healthStockoutDays },
    });
  }
  if (f.pendingUnits > f.onHand) {
    add({ code: 'pending-above-stock', points: w.pendingAboveStock, params: { pending: f.pendingUnits, available: f.onHand } });
  }
  if (f.listedAbovePool !== null) {
    add({ code: 'oversold-pool', points: w.oversoldPool, params: { listed: f.listedAbovePool.listed, pool: f.listedAbovePool.listable } });
  }
  if (f.agedUnits > 0) add({ code: 'aged-inventory', points: w.agedInventory, params: { units: f.agedUnits, minDays: f.agedMinDays } });
  if (f.reorderOverdue !== null) {
    add({ code: 'reorder-overdue', points: w.reorderOverdue, params: { reorderDate: f.reorderOverdue.date, daysLate: f.reorderOverdue.daysLate } });
  }
  if (f.unfulfillable > 0) add({ code: 'unfulfillable-units', points: w.unfulfillableUnits, params: { units: f.unfulfillable } });
  const lost = reasons.reduce((s, r) => s + r.points, 0);
  return { score: Math.max(0, Math.round(100 - lost)), reasons };
}

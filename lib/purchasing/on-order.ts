/**
 * Placed orders in the answers every view shows. The cached plans count stock on hand and
 * inbound only; an order placed but not yet inbound is on order, and the reorder each listing
 * shows is net of it, so no view suggests the same units twice. Every listing of a stock shows
 * the same net reorder: the subtraction is made once per stock, never once per listing.
 */
import type { SkuPlan } from '../planning/types';
import { placedOrderStatuses, subtractPlacedOrders, type PlacedOrder, type PlacedOrderStatus } from './placed-orders';
import { stockKeyOf } from './reorders';

/**
 * Units inbound per stock, as the plans show them: the pool plan's figure when there is one
 * (every listing of a pool repeats it), else the first plan's.
 * @example inboundByStockOf([planWith({ inbound: 120 })]) // { 'MUG@fba:NA': 120 }
 */
export function inboundByStockOf(plans: readonly SkuPlan[]): Record<string, number> {
  return Object.fromEntries([...representatives(plans)].map(([key, plan]) => [key, plan.inbound]));
}

/** What the views show for one stock with placed orders. */
export interface OnOrder {
  /** Units placed and not yet showing as inbound. */
  openUnits: number;
  /** The reorder net of them (never below zero). */
  reorderQuantity: number;
}

/**
 * Per stock with placed orders: its units on order and its reorder net of them. The open
 * units come off the stock's one reorder (subtractPlacedOrders on one plan per stock, the pool
 * plan when present), so a pool shown by three listings loses them once, not three times.
 * @example onOrderByStock([plan of 500 MUG@fba:NA, its 2 listings], [300 placed, none inbound], '2026-03-02').get('MUG@fba:NA') // { openUnits: 300, reorderQuantity: 200 }
 */
export function onOrderByStock(plans: readonly SkuPlan[], orders: readonly PlacedOrder[], today: string): Map<string, OnOrder> {
  const byStock = representatives(plans);
  const relevant = orders.filter((o) => byStock.has(stockKeyOf(o)));
  const statuses = placedOrderStatuses(relevant, inboundByStockOf(plans), today);
  const stocks = [...byStock.values()];
  const { reorders } = subtractPlacedOrders(stocks, statuses);
  const out = new Map<string, OnOrder>();
  stocks.forEach((plan, i) => {
    const open = openUnitsOf(statuses, stockKeyOf(plan));
    if (open > 0) out.set(stockKeyOf(plan), { openUnits: open, reorderQuantity: reorders[i]!.reorderQuantity });
  });
  return out;
}

/** @example openUnitsOf([{ order: mugOrder, openUnits: 30, state: 'late' }], 'MUG@fba:NA') // 30 */
function openUnitsOf(statuses: readonly PlacedOrderStatus[], stockKey: string): number {
  return statuses.filter((s) => stockKeyOf(s.order) === stockKey).reduce((sum, s) => sum + s.openUnits, 0);
}

/** One plan per stock: its pool plan when present, else the first plan seen. */
function representatives(plans: readonly SkuPlan[]): Map<string, SkuPlan> {
  const out = new Map<string, SkuPlan>();
  for (const plan of plans) {
    const key = stockKeyOf(plan);
    const seen = out.get(key);
    if (!seen || (seen.scope !== 'pool' && plan.scope === 'pool')) out.set(key, plan);
  }
  return out;
}

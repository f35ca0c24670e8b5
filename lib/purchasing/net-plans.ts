/**
 * Placed orders netted into the plans before they are cached. The planner counts stock on hand
 * and inbound only; an order placed and not yet inbound would be suggested again, and a reorder
 * it covers would still count as due in the urgency level, the badge and the notifications.
 * Netting here, once per re-plan, makes every view (panels, popup, badge, purchase plan, cash)
 * read the same net answer, with nothing subtracted again when they read it.
 */
import type { Alert, SkuPlan } from '../planning/types';
import { inboundByStockOf, representatives } from './on-order';
import { placedOrderStatuses, subtractPlacedOrders, type PlacedOrder } from './placed-orders';
import { stockKeyOf } from './reorders';

/** The alert that says "order now": a reorder placed orders cover entirely no longer raises it. */
const REORDER_ALERT: Alert['code'] = 'reorder-now';

/**
 * The plans with each stock's open placed units (placedOrderStatuses: not yet inbound, not
 * received) taken off its one reorder (subtractPlacedOrders on one plan per stock, the pool
 * plan when present), and the same net answer on every plan of that stock (a pool's member
 * listings repeat it). A plan with units on order carries `onOrder`; one whose reorder they
 * cover entirely has no reorder left (`reorderDate` null, no reorder alert), so the urgency
 * rule no longer counts it as due. Plans without placed orders are returned as they are.
 * @example netPlacedOrders([pool plan of 500 MUG@fba:NA, its listing], [300 placed for MUG@fba:NA]) // both: reorderQuantity 200, onOrder 300
 */
export function netPlacedOrders(plans: readonly SkuPlan[], orders: readonly PlacedOrder[]): SkuPlan[] {
  if (orders.length === 0) return [...plans];
  const byStock = representatives(plans);
  const relevant = orders.filter((o) => byStock.has(stockKeyOf(o)));
  if (relevant.length === 0) return [...plans];
  const today = plans[0]!.asOf;
  const statuses = placedOrderStatuses(relevant, inboundByStockOf(plans), today);
  const stocks = [...byStock.values()];
  const { reorders } = subtractPlacedOrders(stocks, statuses);
  const net = new Map<string, { open: number; taken: number }>();
  stocks.forEach((plan, i) => {
    const key = stockKeyOf(plan);
    const open = statuses.filter((s) => stockKeyOf(s.order) === key).reduce((sum, s) => sum + s.openUnits, 0);
    if (open > 0) net.set(key, { open, taken: plan.reorderQuantity - reorders[i]!.reorderQuantity });
  });
  return plans.map((plan) => {
    const stock = net.get(stockKeyOf(plan));
    return stock ? netted(plan, stock.open, stock.taken) : plan;
  });
}

/** One plan with `open` units on order, `taken` of them off its reorder. */
function netted(plan: SkuPlan, open: number, taken: number): SkuPlan {
  const reorderQuantity = Math.max(0, plan.reorderQuantity - taken);
  const covered = plan.reorderDate !== null && reorderQuantity === 0;
  return {
    ...plan,
    onOrder: open,
    reorderQuantity,
    alerts: covered
      ? plan.alerts.filter((a) => a.code !== REORDER_ALERT)
      : plan.alerts.map((a) => (a.code === REORDER_ALERT ? { ...a, params: { ...a.params, quantity: reorderQuantity } } : a)),
    ...(covered ? { reorderDate: null, reorderDaysLate: 0 } : {}),
  };
}

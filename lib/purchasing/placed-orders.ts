/**
 * Orders the seller marked as placed with a supplier. Until their units show as inbound, no
 * plan knows about them: the planner counts stock on hand and inbound only, so every new plan
 * would suggest the same units again. Once they show as inbound, the planner counts them, and
 * subtracting them as well would count them twice. So each placed unit is counted exactly once:
 * as inbound (in the plans already) or as on order (subtracted here).
 */
import type { SkuPlan } from '../planning/types';
import { stockKeyOf } from './reorders';

/** An order placed with a supplier for one stock (product x pool). */
export interface PlacedOrder {
  productId: string;
  poolId: string;
  sku: string;
  /** Units ordered. */
  quantity: number;
  /** Day it was placed (ISO date). */
  placedOn: string;
  /** Day the supplier's units are expected at the destination (ISO date). */
  expectedArrival: string;
  /** The seller's purchase order reference. */
  poRef?: string;
  /** Day the seller marked the units received into stock (ISO date): they are on hand now, in the plans as such. */
  receivedOn?: string;
}

/**
 * - `received`: the seller marked the units received (on hand: the plans count them);
 * - `inbound`: every unit shows as inbound (the plans count them);
 * - `on-order`: units not yet inbound, expected arrival still ahead;
 * - `late`: units not yet inbound after the expected arrival has passed.
 */
export type PlacedOrderState = 'received' | 'inbound' | 'on-order' | 'late';

export interface PlacedOrderStatus {
  order: PlacedOrder;
  /** Units not yet showing as inbound: what still counts as on order. */
  openUnits: number;
  state: PlacedOrderState;
}

/**
 * Which placed units already show as inbound. A stock's inbound units are credited to its
 * placed orders earliest expected arrival first (the order due first is the one most likely
 * shipped), each up to its quantity; what is not credited stays on order, and is late once its
 * expected arrival is before `today`. A stock missing from `inboundByStock` shows nothing
 * inbound. Inbound units beyond the placed orders (a transfer, an order never marked placed)
 * are credited to none. A received order is credited nothing and has no open units: its units
 * are on hand, and the inbound a page still shows belongs to the orders not yet received.
 * @example placedOrderStatuses([order of 200 due 2026-03-01], { 'MUG@fba:NA': 0 }, '2026-03-05') // [{ openUnits: 200, state: 'late' }]
 */
export function placedOrderStatuses(orders: readonly PlacedOrder[], inboundByStock: Readonly<Record<string, number>>, today: string): PlacedOrderStatus[] {
  const left = new Map<string, number>();
  const credited = new Array<number>(orders.length).fill(0);
  const byArrival = orders.map((order, i) => ({ order, i })).sort((a, b) => compare(a.order.expectedArrival, b.order.expectedArrival) || a.i - b.i);
  for (const { order, i } of byArrival) {
    if (order.receivedOn !== undefined) continue;
    const key = stockKeyOf(order);
    const inbound = left.get(key) ?? Math.max(0, Math.floor(inboundByStock[key] ?? 0));
    credited[i] = Math.min(inbound, Math.max(0, order.quantity));
    left.set(key, inbound - credited[i]!);
  }
  return orders.map((order, i) => {
    if (order.receivedOn !== undefined) return { order, openUnits: 0, state: 'received' as const };
    const openUnits = Math.max(0, order.quantity) - credited[i]!;
    const state: PlacedOrderState = openUnits === 0 ? 'inbound' : order.expectedArrival < today ? 'late' : 'on-order';
    return { order, openUnits, state };
  });
}

/**
 * Later suggestions net of what is on order: each placed order's open units are taken off the
 * suggestions for its stock made on or after the day it was placed (`asOf` >= `placedOn`;
 * an earlier plan could not know it), earliest reorder first, never below zero. Each open unit
 * is taken off at most once, whatever the number of suggestions; `appliedUnits[i]` is what
 * order `i` took off. Pass each stock's reorder once (physicalReorders).
 * @example subtractPlacedOrders([plan of 500 MUG@fba:NA], [300 open for MUG@fba:NA]) // { reorders: [plan of 200], appliedUnits: [300] }
 */
export function subtractPlacedOrders(reorders: readonly SkuPlan[], statuses: readonly PlacedOrderStatus[]): { reorders: SkuPlan[]; appliedUnits: number[] } {
  const net = reorders.map((plan) => ({ ...plan }));
  const appliedUnits = statuses.map(() => 0);
  const byPlacing = statuses.map((s, i) => ({ s, i })).sort((a, b) => compare(a.s.order.placedOn, b.s.order.placedOn) || a.i - b.i);
  for (const { s, i } of byPlacing) {
    const key = stockKeyOf(s.order);
    const later = net
      .filter((plan) => stockKeyOf(plan) === key && plan.asOf >= s.order.placedOn)
      .sort((a, b) => compare(a.reorderDate ?? '', b.reorderDate ?? ''));
    let open = s.openUnits;
    for (const plan of later) {
      const taken = Math.min(open, plan.reorderQuantity);
      plan.reorderQuantity -= taken;
      appliedUnits[i]! += taken;
      open -= taken;
    }
  }
  return { reorders: net, appliedUnits };
}

/**
 * Plain code-unit order of ISO dates and ids (the same on every machine, unlike localeCompare).
 * @example compare('2026-03-01', '2026-02-28') // 1
 */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

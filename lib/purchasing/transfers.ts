/**
 * Transfers between the stock pools of one product (own warehouse, FBA, WFS) before buying
 * (seed 003's transfer alert): when one pool runs out before an order placed today could
 * arrive while another holds more than it needs, moving units is faster and costs no cash.
 * The planner answers one pool at a time, so this runs over the plans of a product together,
 * after the placed orders are netted (net-plans.ts), before the plans are cached.
 */
import { dayNumber } from '../planning/days';
import { firstUnservedDate } from '../planning/inbound-arrival';
import type { Alert, SkuPlan } from '../planning/types';
import { representatives } from './on-order';
import { stockKeyOf } from './reorders';

/** The alert a short pool's plans carry (catalogue row `transfer-from-pool`). */
const TRANSFER_ALERT = 'transfer-from-pool' satisfies Alert['code'];

/** A suggested move of `units` of a product from one pool to another. */
interface Transfer {
  productId: string;
  fromPool: string;
  toPool: string;
  units: number;
  /** The day the receiving pool runs out without it. */
  stockoutDate: string;
}

/**
 * Units a pool can give without needing a reorder sooner: on hand beyond its reorder point
 * (what it needs until an order placed today arrives, with its safety stock) and one more lead
 * time of its own sales. Inbound units are not on hand to ship; unknown stock gives none.
 * @example surplusOf({ ...plan, available: 2000, reorderPoint: 700, leadTimeDays: 70, forecast: { meanDaily: 10 } }) // 600
 */
export function surplusOf(plan: SkuPlan): number {
  if (plan.available === null) return 0;
  return Math.max(0, Math.floor(plan.available - plan.reorderPoint - plan.leadTimeDays * plan.forecast.meanDaily));
}

/**
 * Units a pool lacks: its sales from the day it runs out (counting inbound that arrives in
 * time) until an order placed today could arrive; 0 when it lasts that long or does not sell.
 * @example shortOf({ ...plan, asOf: '2026-03-02', stockoutDate: '2026-03-22', leadTimeDays: 70, forecast: { meanDaily: 10 } }) // 500
 */
export function shortOf(plan: SkuPlan): { units: number; stockoutDate: string } | null {
  const out = firstUnservedDate(plan);
  if (plan.available === null || out === null || !(plan.forecast.meanDaily > 0)) return null;
  const days = dayNumber(plan.asOf) + plan.leadTimeDays - dayNumber(out);
  return days > 0 ? { units: Math.ceil(days * plan.forecast.meanDaily), stockoutDate: out } : null;
}

/**
 * The transfers for every product with a short pool and a pool with surplus: each short pool
 * (soonest stockout first) takes from the pools with the most surplus first, never more than
 * it lacks nor more than a pool can give; each surplus unit is given once.
 * @example suggestTransfers([MUG@fba:NA short 500 from 2026-03-22, MUG@own:main with 600 surplus]) // [{ productId: 'MUG', fromPool: 'own:main', toPool: 'fba:NA', units: 500, stockoutDate: '2026-03-22' }]
 */
export function suggestTransfers(plans: readonly SkuPlan[]): Transfer[] {
  const byProduct = new Map<string, SkuPlan[]>();
  for (const plan of representatives(plans).values()) if (plan.productId) byProduct.set(plan.productId, [...(byProduct.get(plan.productId) ?? []), plan]);
  const out: Transfer[] = [];
  for (const [productId, stocks] of byProduct) {
    if (stocks.length < 2) continue;
    const left = new Map(stocks.map((p) => [p.poolId, surplusOf(p)]));
    const short = stocks.flatMap((p) => {
      const s = shortOf(p);
      return s ? [{ plan: p, ...s }] : [];
    });
    short.sort((a, b) => (a.stockoutDate < b.stockoutDate ? -1 : a.stockoutDate > b.stockoutDate ? 1 : 0));
    for (const s of short) {
      let need = s.units;
      const givers = [...left].filter(([pool, units]) => pool !== s.plan.poolId && units > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      for (const [pool, units] of givers) {
        if (need <= 0) break;
        const moved = Math.min(need, units);
        left.set(pool, units - moved);
        need -= moved;
        out.push({ productId, fromPool: pool, toPool: s.plan.poolId, units: moved, stockoutDate: s.stockoutDate });
      }
    }
  }
  return out;
}

/**
 * The plans with a `transfer-from-pool` alert on every plan of each receiving stock (a pool's
 * listings repeat its answer), one per source pool; other plans as they are.
 * @example withTransferAlerts([fba pool plan, its listing, own pool plan]) // the FBA plan and its listing: alerts + { code: 'transfer-from-pool', params: { units: 500, fromPool: 'own:main', stockoutDate: '2026-03-22' } }
 */
export function withTransferAlerts(plans: readonly SkuPlan[]): SkuPlan[] {
  const transfers = suggestTransfers(plans);
  if (transfers.length === 0) return [...plans];
  const byStock = new Map<string, Alert[]>();
  for (const t of transfers) {
    const key = stockKeyOf({ productId: t.productId, poolId: t.toPool });
    const alert: Alert = { code: TRANSFER_ALERT, severity: 'warning', params: { units: t.units, fromPool: t.fromPool, stockoutDate: t.stockoutDate } };
    byStock.set(key, [...(byStock.get(key) ?? []), alert]);
  }
  return plans.map((plan) => {
    const alerts = byStock.get(stockKeyOf(plan));
    return alerts ? { ...plan, alerts: [...plan.alerts.filter((a) => a.code !== TRANSFER_ALERT), ...alerts] } : plan;
  });
}

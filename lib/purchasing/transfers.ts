/**
 * Transfers between the stock pools of one product (own warehouse, FBA, WFS) before buying
 * (seed 003's transfer alert): when one pool runs out before an order placed today could
 * arrive while another holds more than it needs, moving units is faster and costs no cash.
 * The planner answers one pool at a time, so this runs over the plans of a product together,
 * after the placed orders are netted (net-plans.ts), before the ABC policy and the cache. The
 * units a transfer brings count in the receiving pool's position: its reorder is what is left
 * after them, so the plan never answers the same gap twice (a transfer and a reorder).
 */
import { clearanceForExcess } from '../planning/clearance';
import { dayNumber, isoDate } from '../planning/days';
import { clearanceExitAlert } from '../planning/decisions/alerts';
import { firstUnservedDate } from '../planning/inbound-arrival';
import { poolKindOf } from '../planning/pool-stock';
import type { Alert, SkuPlan } from '../planning/types';
import type { Destination } from '../settings/schema';
import { representatives } from './on-order';
import { stockKeyOf } from './reorders';

/** The alert a short pool's plans carry (catalogue row `transfer-from-pool`). */
const TRANSFER_ALERT = 'transfer-from-pool' satisfies Alert['code'];
/** The alert that says "order now": its quantity follows the reorder a transfer leaves. */
const REORDER_ALERT: Alert['code'] = 'reorder-now';
/** Liquidating the excess: a sending stock whose transfers take all of it no longer says so. */
const CLEARANCE_EXIT_ALERT: Alert['code'] = 'clearance-exit';

/** Days from picking at one pool to sellable at the receiving pool, by the receiving pool's kind. */
export type TransferDays = Readonly<Record<Destination, number>>;

/**
 * Without the seller's figures: FBA 14 days (a domestic truck or parcel of 2-5 days plus FBA
 * check-in, which Amazon says can take up to two weeks in busy months), WFS 10 (Walmart's
 * receiving is quicker but its appointments add days), the seller's own warehouse 5 (a parcel
 * or truck and a day to shelve).
 */
export const DEFAULT_TRANSFER_DAYS: TransferDays = { FBA: 14, WFS: 10, SELLER: 5 };

/** A suggested move of `units` of a product from one pool to another. */
export interface Transfer {
  productId: string;
  sku: string;
  fromPool: string;
  toPool: string;
  units: number;
  /** Days the move takes to the receiving pool (its kind's transfer days), and the day the units are sellable there when shipped today. */
  transitDays: number;
  arrivalDate: string;
  /** The day the receiving pool runs out without it. */
  stockoutDate: string;
  /** Days the receiving pool is out of stock before the units arrive (0: they arrive in time). */
  daysOut: number;
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
 * Units a pool lacks that a transfer shipped today can fill: its sales from the day it runs
 * out (counting inbound that arrives in time), or from the transfer's arrival when that is
 * later, until an order placed today could arrive; null when it lasts that long, does not
 * sell, or a transfer would arrive no sooner than a reorder.
 * @example shortOf({ ...plan, asOf: '2026-03-02', stockoutDate: '2026-03-22', leadTimeDays: 70, forecast: { meanDaily: 10 } }, 14) // { units: 500, stockoutDate: '2026-03-22', arrivalDate: '2026-03-16' }
 */
export function shortOf(plan: SkuPlan, transitDays = 0): { units: number; stockoutDate: string; arrivalDate: string } | null {
  const out = firstUnservedDate(plan);
  if (plan.available === null || out === null || !(plan.forecast.meanDaily > 0)) return null;
  const arrival = dayNumber(plan.asOf) + transitDays;
  const days = dayNumber(plan.asOf) + plan.leadTimeDays - Math.max(dayNumber(out), arrival);
  return days > 0 ? { units: Math.ceil(days * plan.forecast.meanDaily), stockoutDate: out, arrivalDate: isoDate(arrival) } : null;
}

/**
 * The transfers for every product with a short pool and a pool with surplus: each short pool
 * (soonest stockout first) takes from the pools with the most surplus first, never more than
 * it lacks nor more than a pool can give; each surplus unit is given once.
 * @example suggestTransfers([MUG@fba:NA short 500 from 2026-03-22, MUG@own:main with 600 surplus]) // [{ productId: 'MUG', fromPool: 'own:main', toPool: 'fba:NA', units: 500, transitDays: 14, ... }]
 */
export function suggestTransfers(plans: readonly SkuPlan[], transferDays: TransferDays = DEFAULT_TRANSFER_DAYS): Transfer[] {
  const byProduct = new Map<string, SkuPlan[]>();
  for (const plan of representatives(plans).values()) if (plan.productId) byProduct.set(plan.productId, [...(byProduct.get(plan.productId) ?? []), plan]);
  const out: Transfer[] = [];
  for (const stocks of byProduct.values()) if (stocks.length > 1) out.push(...productTransfers(stocks, transferDays));
  return out;
}

/** The transfers among the pools of one product (suggestTransfers). */
function productTransfers(stocks: readonly SkuPlan[], transferDays: TransferDays): Transfer[] {
  const left = new Map(stocks.map((p) => [p.poolId, surplusOf(p)]));
  const short = stocks.flatMap((plan) => {
    const transitDays = transferDays[poolKindOf(plan.poolId)];
    const s = shortOf(plan, transitDays);
    return s ? [{ plan, transitDays, ...s }] : [];
  });
  short.sort((a, b) => (a.stockoutDate < b.stockoutDate ? -1 : a.stockoutDate > b.stockoutDate ? 1 : 0));
  const out: Transfer[] = [];
  for (const s of short) {
    let need = s.units;
    const givers = [...left].filter(([pool, units]) => pool !== s.plan.poolId && units > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [pool, units] of givers) {
      if (need <= 0) break;
      const moved = Math.min(need, units);
      left.set(pool, units - moved);
      need -= moved;
      out.push({
        productId: s.plan.productId,
        sku: s.plan.sku,
        fromPool: pool,
        toPool: s.plan.poolId,
        units: moved,
        transitDays: s.transitDays,
        arrivalDate: s.arrivalDate,
        stockoutDate: s.stockoutDate,
        daysOut: Math.max(0, dayNumber(s.arrivalDate) - dayNumber(s.stockoutDate)),
      });
    }
  }
  return withExcessForReorders(stocks, left, out, transferDays);
}

/**
 * Excess a stock would otherwise mark down (its clearance) also covers the rest of another
 * stock's reorder, within its surplus: the units move instead of being bought for one stock and
 * liquidated at the other. Added to that pair's bridging transfer when there is one.
 */
function withExcessForReorders(stocks: readonly SkuPlan[], left: Map<string, number>, bridging: readonly Transfer[], transferDays: TransferDays): Transfer[] {
  const out = bridging.map((t) => ({ ...t }));
  const sentFrom = (pool: string) => out.reduce((sum, t) => sum + (t.fromPool === pool ? t.units : 0), 0);
  const excessLeft = (plan: SkuPlan) => Math.min(left.get(plan.poolId) ?? 0, (plan.clearance?.excessUnits ?? 0) - sentFrom(plan.poolId));
  const givers = stocks.filter((p) => excessLeft(p) > 0);
  for (const plan of stocks) {
    // A stock that gives (its excess, or its surplus to a bridge) takes nothing back.
    if (plan.reorderDate === null || plan.stockoutDate === null || givers.includes(plan) || sentFrom(plan.poolId) > 0) continue;
    let need = plan.reorderQuantity - out.reduce((sum, t) => sum + (t.toPool === plan.poolId ? t.units : 0), 0);
    for (const giver of givers) {
      const moved = Math.min(need, excessLeft(giver));
      if (moved <= 0) continue;
      left.set(giver.poolId, (left.get(giver.poolId) ?? 0) - moved);
      need -= moved;
      const pair = out.find((t) => t.fromPool === giver.poolId && t.toPool === plan.poolId);
      if (pair) pair.units += moved;
      else out.push(transferTo(plan, giver.poolId, moved, transferDays[poolKindOf(plan.poolId)], plan.stockoutDate));
    }
  }
  return out;
}

/** A transfer of `units` from `fromPool` to the stock of `plan`, shipped today. */
function transferTo(plan: SkuPlan, fromPool: string, units: number, transitDays: number, stockoutDate: string): Transfer {
  const arrivalDate = isoDate(dayNumber(plan.asOf) + transitDays);
  return {
    productId: plan.productId,
    sku: plan.sku,
    fromPool,
    toPool: plan.poolId,
    units,
    transitDays,
    arrivalDate,
    stockoutDate,
    daysOut: Math.max(0, dayNumber(arrivalDate) - dayNumber(stockoutDate)),
  };
}

/**
 * The transfers the re-plan counted, read back from the receiving stocks' `transfer-from-pool`
 * alerts (one plan per stock): the purchase plan lists exactly the units every panel counts.
 * Suggesting them again from cached plans would not: those already carry the transfers (a
 * reorder less the units, a sender's clearance less what it sends).
 * @example transfersOf(withTransfers([fba, own])) // [{ fromPool: 'own:main', toPool: 'fba:NA', units: 400, ... }]
 */
export function transfersOf(plans: readonly SkuPlan[], transferDays: TransferDays = DEFAULT_TRANSFER_DAYS): Transfer[] {
  return [...representatives(plans).values()].flatMap((plan) =>
    plan.alerts.flatMap((a) => {
      if (a.code !== TRANSFER_ALERT) return [];
      const transit = transferDays[poolKindOf(plan.poolId)];
      return [transferTo(plan, String(a.params.fromPool), Number(a.params.units), transit, String(a.params.stockoutDate))];
    }),
  );
}

/**
 * Units suggested transfers bring to a plan's stock (its `transfer-from-pool` alerts): they
 * count in its position like inbound units (abc-policy.ts shortfallOf).
 * @example transferUnitsOf({ ...plan, alerts: [{ code: 'transfer-from-pool', params: { units: 400, ... } }] }) // 400
 */
export function transferUnitsOf(plan: SkuPlan): number {
  return plan.alerts.reduce((sum, a) => sum + (a.code === TRANSFER_ALERT ? Number(a.params.units) || 0 : 0), 0);
}

/**
 * The plans with the suggested transfers counted: every plan of each receiving stock (a pool's
 * listings repeat its answer) gets a `transfer-from-pool` alert per source pool, and its reorder
 * less the units they bring (a reorder they cover entirely is no longer due); other plans as
 * they are. Runs on the planner's plans (net of placed orders), once per re-plan.
 * @example withTransfers([fba pool plan reordering 600, its listing, own pool plan]) // the FBA plan and its listing: reorderQuantity 200, alerts + { code: 'transfer-from-pool', params: { units: 400, fromPool: 'own:main', stockoutDate: '2026-04-01' } }
 */
export function withTransfers(plans: readonly SkuPlan[], transferDays: TransferDays = DEFAULT_TRANSFER_DAYS): SkuPlan[] {
  const transfers = suggestTransfers(plans, transferDays);
  if (transfers.length === 0) return [...plans];
  const byStock = new Map<string, Alert[]>();
  for (const t of transfers) {
    const key = stockKeyOf({ productId: t.productId, poolId: t.toPool });
    const alert: Alert = { code: TRANSFER_ALERT, severity: 'warning', params: { units: t.units, fromPool: t.fromPool, stockoutDate: t.stockoutDate } };
    byStock.set(key, [...(byStock.get(key) ?? []), alert]);
  }
  const sent = new Map<string, number>();
  for (const t of transfers) {
    const key = stockKeyOf({ productId: t.productId, poolId: t.fromPool });
    sent.set(key, (sent.get(key) ?? 0) + t.units);
  }
  return plans.map((plan) => {
    const alerts = byStock.get(stockKeyOf(plan));
    const units = sent.get(stockKeyOf(plan));
    return alerts ? receiving(plan, alerts) : units ? sending(plan, units) : plan;
  });
}

/**
 * One plan of a sending stock: the units it transfers leave its excess, so its clearance is the
 * answer for what stays (none left: no clearance, no "liquidate"), its step and "liquidate" too
 * (clearanceForExcess): the step that would clear 677 units, liquidation, is no answer for the 1
 * left after sending 676. Without this the same units were both sent to a pool running short and
 * marked down where they sat.
 * @example sending({ ...plan, clearance: { ...clearance, excessUnits: 400 } }, 274).clearance.excessUnits // 126
 */
function sending(plan: SkuPlan, units: number): SkuPlan {
  if (!plan.clearance) return plan;
  const clearance = clearanceForExcess(plan.clearance, plan.clearance.excessUnits - units);
  const exit = clearanceExitAlert(clearance);
  const alerts = plan.alerts.flatMap((a) => (a.code !== CLEARANCE_EXIT_ALERT ? [a] : exit ? [exit] : []));
  if (exit && !plan.alerts.some((a) => a.code === CLEARANCE_EXIT_ALERT)) alerts.push(exit);
  return { ...plan, clearance, alerts };
}

/** One plan of a receiving stock: its transfer alerts, and its reorder less the units they bring. */
function receiving(plan: SkuPlan, transfers: readonly Alert[]): SkuPlan {
  const units = transfers.reduce((sum, a) => sum + Number(a.params.units), 0);
  const reorderQuantity = Math.max(0, plan.reorderQuantity - units);
  const covered = plan.reorderDate !== null && reorderQuantity === 0;
  const others = plan.alerts.filter((a) => a.code !== TRANSFER_ALERT && !(covered && a.code === REORDER_ALERT));
  return {
    ...plan,
    reorderQuantity,
    alerts: [...others.map((a) => (a.code === REORDER_ALERT ? { ...a, params: { ...a.params, quantity: reorderQuantity } } : a)), ...transfers],
    ...(covered ? { reorderDate: null, reorderDaysLate: 0 } : {}),
  };
}

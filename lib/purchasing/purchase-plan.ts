/**
 * The purchase plan: the reorders due in the next weeks as draft purchase orders, one group per
 * supplier and due week, each line rounded to what the supplier accepts and priced where the
 * cost is known.
 */
import { dayNumber, isoDate } from '../planning/days';
import { firstUnservedDate } from '../planning/inbound-arrival';
import { leadTimeFor } from '../planning/plan-listing';
import { poolKindOf } from '../planning/pool-stock';
import { roundOrderQuantity } from '../planning/rounding';
import type { AbcClass, SkuPlan } from '../planning/types';
import type { Money } from '../records';
import type { Destination, Settings } from '../settings/schema';
import { airSeaSplit, type FreightCosts, type FreightSplit } from './air-sea-split';
import { DEFAULT_POLICY, shortfallOf, type PolicyRule } from './abc-policy';
import { DEFAULT_LAUNCH, launchSplit, type LaunchSplit } from './launch-split';
import { compare } from './placed-orders';
import { plannedReorder, withReorderPolicy, type PolicyInput } from './reorder-policy';
import { physicalReorders, stockKeyOf } from './reorders';
import { DEFAULT_TRANSFER_DAYS, transfersOf, transferUnitsOf, type Transfer, type TransferDays } from './transfers';
import { reorderCostOf } from './unit-cost';
import { weekStart } from './week';

/**
 * Air freight door to door when the caller gives none: 5-7 days of flight, customs and
 * delivery from Asia plus the destination's receiving (FBA check-in takes days too).
 */
export const DEFAULT_AIR_TRANSIT_DAYS = 10;

export interface PurchasePlanOptions extends PolicyInput {
  /** The first day of the plan (ISO date); its week is the plan's first. */
  today: string;
  /** Weeks the plan covers, this one included. */
  weeks: number;
  /** Air transit days from supplier to any destination (default DEFAULT_AIR_TRANSIT_DAYS). */
  airTransitDays?: number;
  freight?: FreightCosts;
  /** Days a transfer between pools takes, by the receiving pool's kind (default DEFAULT_TRANSFER_DAYS). */
  transferDays?: TransferDays;
  /** The launch split's share and check-in days (default DEFAULT_LAUNCH), and the seller's per stock. */
  launch?: { sharePct: number; checkInDays: number };
  launchOverrides?: Readonly<Record<string, { sharePct?: number; checkInDate?: string }>>;
}

export interface PurchaseLine {
  /** The stock the units are for, `<product>@<pool>`, and the plan that suggested them. */
  stockKey: string;
  planKey: string;
  sku: string;
  productId: string;
  poolId: string;
  destination: Destination;
  /** Supplier id from `skuSupplier` (null = none set). */
  supplierId: string | null;
  /** The plan's reorder date and how many days late it is. */
  reorderDate: string;
  daysLate: number;
  /** Day to place the order: the reorder date, or `today` when that has passed. */
  orderBy: string;
  /** Units of the stock on order (placed, not yet inbound), already off the suggestion (netPlacedOrders). */
  onOrderUnits: number;
  /** Units suggested transfers from other pools bring (`transfers`), already off the suggestion (withTransfers). */
  transferUnits: number;
  /** The plan's reorder (net of placed orders and transfers) before the ABC policy. */
  suggestedQuantity: number;
  /** Which policy set the quantity (none, A lean, B EOQ, C cash cap). */
  policyRule: PolicyRule;
  /** The least the policies may cut it to: the shortfall to the reorder point, at the MOQ in whole cases. */
  floorQuantity: number;
  /** Units to order now: after the policy and the launch split, at least the MOQ, in whole cases. */
  quantity: number;
  /** Launch stage: the share ordered now and the units left for the check-in date; null otherwise. */
  launch: LaunchSplit | null;
  cases: number;
  casePack: number;
  moq: number;
  /** Cost of one unit and of the line, minor units of `currency`; null = unknown (never 0). */
  unitCostMinor: number | null;
  lineValueMinor: number | null;
  currency: string;
  abcClass: AbcClass | null;
  /** Expected arrival at the destination: order day + production + sea transit (settings) or air transit. */
  arrivalBySea: string;
  arrivalByAir: string;
  /** The day demand first goes unserved without this order (counting inbound units that arrive in time). */
  stockoutDate: string | null;
  /** The plan's expected units a day. */
  meanDaily: number;
  freight: FreightSplit;
}

export interface PurchaseGroup {
  supplierId: string | null;
  /** Monday of the week the orders are due in. */
  weekStart: string;
  lines: PurchaseLine[];
  /** Value of the lines whose cost is known, one per currency. */
  totals: Money[];
  /** Lines left out of `totals` because their cost is unknown. */
  unknownCostLines: number;
}

export interface PurchasePlan {
  /** Monday of the first week. */
  firstWeek: string;
  weeks: number;
  /** By week, then supplier (no supplier last). */
  groups: PurchaseGroup[];
  /** Reorders due after the last week, left for a later plan. */
  laterReorders: number;
  /** Stocks whose reorder placed orders cover entirely (no line). */
  coveredReorders: number;
  /** C reorders due in the plan's weeks that the cash cap cut to nothing (no line). */
  cashCapped: number;
  /** Moves between pools of a product suggested before buying, soonest stockout first. */
  transfers: Transfer[];
}

/**
 * The purchase plan for the `weeks` weeks from the week of `today`. Takes each physical
 * reorder once (physicalReorders), as the cached plans carry it: net of placed orders
 * (netPlacedOrders) and of suggested transfers (withTransfers), under the ABC policy
 * (withReorderPolicy, the quantity the panels show; applied here to plans that do not carry it
 * yet); splits launch orders; an overdue reorder is due today. Lead times come from the current
 * settings, as the planner reads them (leadTimeFor: the supplier's transit days, else the
 * destination's). The transfers are listed beside the orders.
 * @example purchasePlan(plans, settings, { today: '2026-03-04', weeks: 4, currency: 'USD' }).groups[0] // { supplierId: 'acme', weekStart: '2026-03-02', lines: [...] }
 */
export function purchasePlan(plans: readonly SkuPlan[], settings: Settings, options: PurchasePlanOptions): PurchasePlan {
  const firstWeek = weekStart(options.today);
  const end = isoDate(dayNumber(firstWeek) + 7 * options.weeks);
  const shaped = plans.some((p) => p.reorderPolicy !== undefined) ? plans : withReorderPolicy(plans, settings, options);
  const own = shaped.filter((p) => p.poolKey === undefined);
  const capped = new Set(
    own.filter((p) => p.reorderDate === null && p.reorderPolicy?.rule === 'cash-cap' && p.reorderPolicy.reorderDate < end).map(stockKeyOf),
  );
  let coveredReorders = new Set(own.filter((p) => p.onOrder !== undefined && p.reorderDate === null && p.reorderPolicy === undefined).map(stockKeyOf)).size;
  let laterReorders = 0;
  const groups = new Map<string, PurchaseGroup>();
  for (const plan of physicalReorders(shaped)) {
    const line = purchaseLine(plan, settings, options);
    if (line === null) coveredReorders++;
    else if (line.orderBy >= end) laterReorders++;
    else {
      const week = weekStart(line.orderBy);
      const key = JSON.stringify([week, line.supplierId]);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { supplierId: line.supplierId, weekStart: week, lines: [], totals: [], unknownCostLines: 0 }));
      group.lines.push(line);
    }
  }
  // The transfers the re-plan counted in the plans (their alerts), not suggested again.
  const transfers = transfersOf(shaped, options.transferDays ?? DEFAULT_TRANSFER_DAYS).sort(
    (a, b) => compare(a.stockoutDate, b.stockoutDate) || compare(a.sku, b.sku) || compare(a.toPool, b.toPool) || compare(a.fromPool, b.fromPool),
  );
  return {
    firstWeek,
    weeks: options.weeks,
    groups: [...groups.values()].map(withTotals).sort(groupOrder),
    laterReorders,
    coveredReorders,
    cashCapped: capped.size,
    transfers,
  };
}

/**
 * One reorder as a purchase line: the plan's reorder under the ABC policy (withReorderPolicy:
 * the policy applied to this plan alone when it does not carry it, so without the C cap),
 * which is at least the MOQ in whole cases, split at launch (launchSplit: the line orders the
 * part due now); null when there is nothing to order.
 * @example purchaseLine(plan of 101 MUG to FBA, settings with MUG from a supplier of MOQ 200 in cases of 24, options).quantity // 216
 */
export function purchaseLine(plan: SkuPlan, settings: Settings, options: PurchasePlanOptions): PurchaseLine | null {
  const alone = { ...options, policy: { ...(options.policy ?? DEFAULT_POLICY), cCashSharePct: 100 } };
  const shaped = plan.reorderPolicy ? plan : withReorderPolicy([plan], settings, alone)[0]!;
  if (shaped.reorderDate === null || shaped.reorderQuantity <= 0) return null;
  const destination = poolKindOf(plan.poolId);
  const lead = leadTimeFor(plan.sku, destination, settings);
  const cost = reorderCostOf(plan, settings, options);
  const total = shaped.reorderQuantity;
  const orderBy = shaped.reorderDate < options.today ? options.today : shaped.reorderDate;
  const timing = {
    arrivalBySea: isoDate(dayNumber(orderBy) + lead.days),
    arrivalByAir: isoDate(dayNumber(orderBy) + lead.days - lead.transitDays + (options.airTransitDays ?? DEFAULT_AIR_TRANSIT_DAYS)),
    stockoutDate: firstUnservedDate(plan),
    meanDaily: plan.forecast.meanDaily,
  };
  const stockKey = stockKeyOf(plan);
  const launch = plan.lifecycleStage === 'launch' ? launchSplit(total, lead, launchSettingOf(options, stockKey), timing.arrivalBySea) : null;
  const quantity = launch ? launch.nowUnits : total;
  const planned = plannedReorder(shaped);
  return {
    stockKey,
    planKey: plan.key,
    sku: plan.sku,
    productId: plan.productId,
    poolId: plan.poolId,
    destination,
    supplierId: settings.leadTimes.skuSupplier[plan.sku] ?? null,
    reorderDate: shaped.reorderDate,
    daysLate: shaped.reorderDaysLate,
    orderBy,
    onOrderUnits: plan.onOrder ?? 0,
    transferUnits: transferUnitsOf(plan),
    suggestedQuantity: planned.reorderQuantity,
    policyRule: shaped.reorderPolicy?.rule ?? 'none',
    floorQuantity: roundOrderQuantity(shortfallOf(planned), lead),
    quantity,
    launch: launch?.split ?? null,
    cases: quantity / lead.casePack,
    casePack: lead.casePack,
    moq: lead.moq,
    unitCostMinor: cost.amountMinor,
    lineValueMinor: cost.amountMinor === null ? null : cost.amountMinor * quantity,
    currency: cost.currency,
    abcClass: plan.abcClass,
    ...timing,
    freight: airSeaSplit({ quantity, casePack: lead.casePack, ...timing }, options.freight),
  };
}

/** The launch split's share and check-in for a stock: the seller's for it, else the defaults given. */
function launchSettingOf(options: PurchasePlanOptions, stockKey: string): { sharePct: number; checkInDays: number; checkInDate?: string } {
  const own = options.launchOverrides?.[stockKey];
  return {
    sharePct: own?.sharePct ?? options.launch?.sharePct ?? DEFAULT_LAUNCH.sharePct,
    checkInDays: options.launch?.checkInDays ?? DEFAULT_LAUNCH.checkInDays,
    ...(own?.checkInDate ? { checkInDate: own.checkInDate } : {}),
  };
}

/** A group with its lines in order (order day, then ABC class, then SKU) and its totals. */
function withTotals(group: PurchaseGroup): PurchaseGroup {
  const lines = [...group.lines].sort(
    (a, b) => compare(a.orderBy, b.orderBy) || compare(a.abcClass ?? 'Z', b.abcClass ?? 'Z') || compare(a.sku, b.sku) || compare(a.stockKey, b.stockKey),
  );
  const byCurrency = new Map<string, number>();
  for (const l of lines) if (l.lineValueMinor !== null) byCurrency.set(l.currency, (byCurrency.get(l.currency) ?? 0) + l.lineValueMinor);
  const totals = [...byCurrency].sort(([a], [b]) => compare(a, b)).map(([currency, amountMinor]) => ({ amountMinor, currency }));
  return { ...group, lines, totals, unknownCostLines: lines.filter((l) => l.lineValueMinor === null).length };
}

function groupOrder(a: PurchaseGroup, b: PurchaseGroup): number {
  return (
    compare(a.weekStart, b.weekStart) || (a.supplierId === null ? 1 : 0) - (b.supplierId === null ? 1 : 0) || compare(a.supplierId ?? '', b.supplierId ?? '')
  );
}

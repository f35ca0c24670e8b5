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
import { unitCostFromEntries, type UnitCostEntry } from './purchasing-data';
import { compare, subtractPlacedOrders, type PlacedOrderStatus } from './placed-orders';
import { physicalReorders, stockKeyOf } from './reorders';
import { weekStart } from './week';

/**
 * Air freight door to door when the caller gives none: 5-7 days of flight, customs and
 * delivery from Asia plus the destination's receiving (FBA check-in takes days too).
 */
export const DEFAULT_AIR_TRANSIT_DAYS = 10;

export interface PurchasePlanOptions {
  /** The first day of the plan (ISO date); its week is the plan's first. */
  today: string;
  /** Weeks the plan covers, this one included. */
  weeks: number;
  /** Currency of `unitCostMinorBySku` (settings keep costs without a code). */
  currency: string;
  /** Air transit days from supplier to any destination (default DEFAULT_AIR_TRANSIT_DAYS). */
  airTransitDays?: number;
  /** Selling price by SKU: the cost estimate when no unit cost is set. */
  prices?: Readonly<Record<string, Money>>;
  /** Orders already placed (placedOrderStatuses): their open units come off the suggestions. */
  placed?: readonly PlacedOrderStatus[];
  freight?: FreightCosts;
  /** Unit costs the seller set (with their currency): they come before `unitCostMinorBySku`. */
  unitCosts?: readonly UnitCostEntry[];
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
  /** Units placed orders took off the suggestion. */
  onOrderUnits: number;
  /** Units to order: the suggestion net of placed orders, at least the MOQ, in whole cases. */
  quantity: number;
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
  /** Reorders placed orders cover entirely (no line). */
  coveredReorders: number;
}

/**
 * The purchase plan for the `weeks` weeks from the week of `today`. Takes each physical
 * reorder once (physicalReorders), nets placed orders off, and rounds each to its supplier's
 * MOQ and case pack; an overdue reorder is due today. Lead times come from the current
 * settings, as the planner reads them (leadTimeFor: the supplier's transit days, else the
 * destination's).
 * @example purchasePlan(plans, settings, { today: '2026-03-04', weeks: 4, currency: 'USD' }).groups[0] // { supplierId: 'acme', weekStart: '2026-03-02', lines: [...] }
 */
export function purchasePlan(plans: readonly SkuPlan[], settings: Settings, options: PurchasePlanOptions): PurchasePlan {
  const firstWeek = weekStart(options.today);
  const end = isoDate(dayNumber(firstWeek) + 7 * options.weeks);
  const { reorders, appliedUnits } = subtractPlacedOrders(physicalReorders(plans), options.placed ?? []);
  const onOrder = new Map<string, number>();
  (options.placed ?? []).forEach((s, i) => onOrder.set(stockKeyOf(s.order), (onOrder.get(stockKeyOf(s.order)) ?? 0) + appliedUnits[i]!));
  const groups = new Map<string, PurchaseGroup>();
  let laterReorders = 0;
  let coveredReorders = 0;
  for (const plan of reorders) {
    const line = purchaseLine(plan, settings, options, onOrder.get(stockKeyOf(plan)) ?? 0);
    if (line === null) {
      coveredReorders++;
      continue;
    }
    if (line.orderBy >= end) {
      laterReorders++;
      continue;
    }
    const week = weekStart(line.orderBy);
    const key = JSON.stringify([week, line.supplierId]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { supplierId: line.supplierId, weekStart: week, lines: [], totals: [], unknownCostLines: 0 }));
    group.lines.push(line);
  }
  return { firstWeek, weeks: options.weeks, groups: [...groups.values()].map(withTotals).sort(groupOrder), laterReorders, coveredReorders };
}

/**
 * One reorder as a purchase line; null when placed orders cover it.
 * @example purchaseLine(plan of 101 MUG to FBA, settings with MUG from a supplier of MOQ 200 in cases of 24, options, 0).quantity // 216
 */
export function purchaseLine(plan: SkuPlan, settings: Settings, options: PurchasePlanOptions, onOrderUnits: number): PurchaseLine | null {
  if (plan.reorderDate === null) return null;
  const destination = poolKindOf(plan.poolId);
  const lead = leadTimeFor(plan.sku, destination, settings);
  const quantity = roundOrderQuantity(plan.reorderQuantity, lead);
  if (quantity <= 0) return null;
  const orderBy = plan.reorderDate < options.today ? options.today : plan.reorderDate;
  const productionDays = lead.days - lead.transitDays;
  const supplierId = settings.leadTimes.skuSupplier[plan.sku] ?? null;
  const set = unitCostFromEntries(options.unitCosts ?? [], plan.sku, supplierId);
  const cost = set ?? unitCostOf(plan.sku, settings, options.currency, options.prices?.[plan.sku]);
  const timing = {
    arrivalBySea: isoDate(dayNumber(orderBy) + lead.days),
    arrivalByAir: isoDate(dayNumber(orderBy) + productionDays + (options.airTransitDays ?? DEFAULT_AIR_TRANSIT_DAYS)),
    stockoutDate: firstUnservedDate(plan),
    meanDaily: plan.forecast.meanDaily,
  };
  return {
    stockKey: stockKeyOf(plan),
    planKey: plan.key,
    sku: plan.sku,
    productId: plan.productId,
    poolId: plan.poolId,
    destination,
    supplierId,
    reorderDate: plan.reorderDate,
    daysLate: plan.reorderDaysLate,
    orderBy,
    onOrderUnits,
    quantity,
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

/**
 * The cost of one unit: the seller's own figure, else the price less the default margin, else
 * unknown. A cost of 0 is a field left blank, not free goods: unknown too.
 * @example unitCostOf('MUG', settings /* no cost set, margin 30% *\/, 'USD', { amountMinor: 1899, currency: 'EUR' }) // { amountMinor: 1329, currency: 'EUR' }
 */
export function unitCostOf(sku: string, settings: Settings, currency: string, price?: Money): { amountMinor: number | null; currency: string } {
  const own = settings.unitCostMinorBySku[sku];
  if (own !== undefined && own > 0) return { amountMinor: own, currency };
  if (price && price.amountMinor > 0) {
    const estimate = Math.round(price.amountMinor * (1 - settings.defaultMarginPct / 100));
    return { amountMinor: estimate > 0 ? estimate : null, currency: price.currency };
  }
  return { amountMinor: null, currency };
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

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
import { capCLines, DEFAULT_POLICY, policyQuantity, shortfallOf, type AbcPolicy, type PolicyRule } from './abc-policy';
import { DEFAULT_LAUNCH, launchSplit, type LaunchSplit } from './launch-split';
import { unitCostFromEntries, type UnitCostEntry } from './purchasing-data';
import { compare } from './placed-orders';
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
  freight?: FreightCosts;
  /** Unit costs the seller set (with their currency): they come before `unitCostMinorBySku`. */
  unitCosts?: readonly UnitCostEntry[];
  /** ABC policies (default DEFAULT_POLICY). */
  policy?: AbcPolicy;
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
  /** The plan's reorder (net of placed orders) before the ABC policy. */
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
  /** C reorders the cash cap cut to nothing (no line). */
  cashCapped: number;
}

/**
 * The purchase plan for the `weeks` weeks from the week of `today`. Takes each physical
 * reorder once (physicalReorders; the cached plans are already net of placed orders,
 * netPlacedOrders), applies its ABC policy (C lines capped over the whole plan), rounds each
 * to its supplier's MOQ and case pack and splits launch orders; an overdue reorder is due
 * today. Lead times come from the current
 * settings, as the planner reads them (leadTimeFor: the supplier's transit days, else the
 * destination's).
 * @example purchasePlan(plans, settings, { today: '2026-03-04', weeks: 4, currency: 'USD' }).groups[0] // { supplierId: 'acme', weekStart: '2026-03-02', lines: [...] }
 */
export function purchasePlan(plans: readonly SkuPlan[], settings: Settings, options: PurchasePlanOptions): PurchasePlan {
  const firstWeek = weekStart(options.today);
  const end = isoDate(dayNumber(firstWeek) + 7 * options.weeks);
  let laterReorders = 0;
  let coveredReorders = new Set(plans.filter((p) => p.poolKey === undefined && p.onOrder !== undefined && p.reorderDate === null).map(stockKeyOf)).size;
  const due: { plan: SkuPlan; line: PurchaseLine }[] = [];
  for (const plan of physicalReorders(plans)) {
    const line = purchaseLine(plan, settings, options);
    if (line === null) coveredReorders++;
    else if (line.orderBy >= end) laterReorders++;
    else due.push({ plan, line });
  }
  const lines = withCashCap(due, settings, options);
  const groups = new Map<string, PurchaseGroup>();
  for (const line of lines) {
    const week = weekStart(line.orderBy);
    const key = JSON.stringify([week, line.supplierId]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { supplierId: line.supplierId, weekStart: week, lines: [], totals: [], unknownCostLines: 0 }));
    group.lines.push(line);
  }
  const cashCapped = due.length - lines.length;
  return { firstWeek, weeks: options.weeks, groups: [...groups.values()].map(withTotals).sort(groupOrder), laterReorders, coveredReorders, cashCapped };
}

/** Units a line orders in all: now, plus the later part of a launch split. */
const totalOf = (line: PurchaseLine) => line.quantity + (line.launch?.laterUnits ?? 0);

/**
 * The due lines with C lines cut to the seller's cash share (capCLines over the whole plan),
 * rebuilt at their new quantity; a C line cut to nothing is dropped.
 */
function withCashCap(due: readonly { plan: SkuPlan; line: PurchaseLine }[], settings: Settings, options: PurchasePlanOptions): PurchaseLine[] {
  const policy = options.policy ?? DEFAULT_POLICY;
  const capped = capCLines(
    due.map(({ line }) => ({ ...line, quantity: totalOf(line), floor: line.floorQuantity })),
    policy.cCashSharePct,
  );
  return due.flatMap(({ plan, line }, i) => {
    if (capped[i] === totalOf(line)) return [line];
    const cut = purchaseLine(plan, settings, options, { total: capped[i]!, rule: 'cash-cap' });
    return cut ? [cut] : [];
  });
}

/**
 * One reorder as a purchase line: its class's policy (policyQuantity) or the `fixed` total,
 * rounded to the supplier's MOQ and cases, split at launch (launchSplit: the line orders the
 * part due now); null when there is nothing to order.
 * @example purchaseLine(plan of 101 MUG to FBA, settings with MUG from a supplier of MOQ 200 in cases of 24, options).quantity // 216
 */
export function purchaseLine(
  plan: SkuPlan,
  settings: Settings,
  options: PurchasePlanOptions,
  fixed?: { total: number; rule: PolicyRule },
): PurchaseLine | null {
  if (plan.reorderDate === null) return null;
  const destination = poolKindOf(plan.poolId);
  const lead = leadTimeFor(plan.sku, destination, settings);
  const supplierId = settings.leadTimes.skuSupplier[plan.sku] ?? null;
  const cost =
    unitCostFromEntries(options.unitCosts ?? [], plan.sku, supplierId) ?? unitCostOf(plan.sku, settings, options.currency, options.prices?.[plan.sku]);
  const floorQuantity = roundOrderQuantity(shortfallOf(plan), lead);
  const policy = fixed ? { raw: fixed.total, rule: fixed.rule } : policyQuantity(plan, settings, cost.amountMinor, options.policy ?? DEFAULT_POLICY);
  const total = roundOrderQuantity(policy.raw, lead);
  if (total <= 0) return null;
  const orderBy = plan.reorderDate < options.today ? options.today : plan.reorderDate;
  const timing = {
    arrivalBySea: isoDate(dayNumber(orderBy) + lead.days),
    arrivalByAir: isoDate(dayNumber(orderBy) + lead.days - lead.transitDays + (options.airTransitDays ?? DEFAULT_AIR_TRANSIT_DAYS)),
    stockoutDate: firstUnservedDate(plan),
    meanDaily: plan.forecast.meanDaily,
  };
  const stockKey = stockKeyOf(plan);
  const launch = plan.lifecycleStage === 'launch' ? launchSplit(total, lead, launchSettingOf(options, stockKey), timing.arrivalBySea) : null;
  const quantity = launch ? launch.nowUnits : total;
  return {
    stockKey,
    planKey: plan.key,
    sku: plan.sku,
    productId: plan.productId,
    poolId: plan.poolId,
    destination,
    supplierId,
    reorderDate: plan.reorderDate,
    daysLate: plan.reorderDaysLate,
    orderBy,
    onOrderUnits: plan.onOrder ?? 0,
    suggestedQuantity: plan.reorderQuantity,
    policyRule: policy.rule,
    floorQuantity,
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

/**
 * The cash the purchase plan needs, week by week over the coming weeks: what planned orders
 * and placed orders cost when they are paid (the order day plus the supplier's payment terms),
 * and the reorders after them (a plan names each stock's next order only: without the ones after
 * it, 26 weeks showed no cash out past the lead time and stock at cost draining towards zero),
 * and the capital held in stock at cost at the end of each week; per product and in total,
 * the days of inventory and the turnover, and the cash conversion cycle (days of inventory +
 * the marketplace's payout delay - the supplier's payment terms). A stress scenario runs the
 * same with sales down by a share and lead times longer by some days.
 *
 * Why stress with only sales down never costs more: each planned order shrinks with demand
 * (its quantity times the sales factor, still at least the MOQ, in whole cases) and a line is
 * already at least the MOQ in whole cases, so the stressed quantity is never above it; placed
 * orders are already bought and cost the same in both. Later reorders are a projection: under
 * stress they are smaller and usually fewer, but a stockout's lost sales move their days, so one
 * may fall inside the 26 weeks in one scenario and just outside in the other.
 */
import { dayNumber, isoDate } from '../planning/days';
import type { Money } from '../records';
import type { PurchaseLine } from './purchase-plan';
import { weekStart } from './week';

export interface CashScenario {
  /** Sales as a share of the forecast (0.7 = sales down 30%). */
  salesFactor: number;
  /** Days added to every arrival (supplier or freight delays). */
  extraLeadDays: number;
}

/** One stock's position for the capital held: units on hand (null = unknown) and what one costs. */
export interface CashStock {
  stockKey: string;
  sku: string;
  onHand: number | null;
  meanDaily: number;
  /** The plan's reorder point (units): later reorders are placed when the position falls to it; null = none projected. */
  reorderPoint: number | null;
  /** Unit cost; null = unknown (the stock is left out of the capital and counted as unknown). */
  unitCost: Money | null;
}

/** A placed order still to arrive: its open units, cost, and days. */
export interface CashPlacedOrder {
  stockKey: string;
  quantity: number;
  openUnits: number;
  placedOn: string;
  expectedArrival: string;
  unitCost: Money | null;
}

export interface CashWeek {
  weekStart: string;
  /** Cash out in minor units of the view's currency. */
  plannedOut: number;
  placedOut: number;
  /**
   * Reorders after the planned and placed ones, projected: the stock's last known order again,
   * each time its position (on hand plus on order) falls to its reorder point.
   */
  laterOut: number;
  /** Stock at cost at the end of the week (the stocks whose units and cost are known). */
  capitalHeld: number;
}

/**
 * A week's cash out: planned, placed and later reorders (what the chart's bars and the stress column show).
 * @example cashOutOf({ plannedOut: 100, placedOut: 50, laterOut: 25 }) // 175
 */
export function cashOutOf(week: Pick<CashWeek, 'plannedOut' | 'placedOut' | 'laterOut'>): number {
  return week.plannedOut + week.placedOut + week.laterOut;
}

/** Days of inventory and turnover of one product (or all), from the units held week by week. */
interface CashTurns {
  /** Average units held over the weeks / units sold a day; null = no sales (never turns). */
  daysOfInventory: number | null;
  /** Turns a year: 365 / days of inventory; null = no sales. */
  turnover: number | null;
}

export interface CashProduct extends CashTurns {
  productId: string;
  sku: string;
}

/** Payment timing (days) and the stress list's threshold; defaults in CASH_DEFAULTS. */
export interface CashTerms {
  /** Days after the order the supplier is paid. */
  supplierTermsDays: number;
  /** Days after a sale the marketplace pays out. */
  payoutDelayDays: number;
  /** A product holding more days of inventory than this at some week's end is listed. */
  holdDaysAbove: number;
}

/**
 * Supplier paid on the order day (0: the cash view's cautious default; many suppliers take a
 * deposit up front), payout 14 days after the sale (Amazon and Walmart pay out every two
 * weeks), and 180 days held flags a product (FBA's aged-inventory surcharge starts at 181).
 */
export const CASH_DEFAULTS: CashTerms = { supplierTermsDays: 0, payoutDelayDays: 14, holdDaysAbove: 180 };

export interface CashView {
  currency: string;
  weeks: CashWeek[];
  /** Per product (the priced ones), most days of inventory first. */
  products: CashProduct[];
  /** At cost over every priced product; `cashConversionDays` null when days of inventory are. */
  total: CashTurns & { cashConversionDays: number | null };
  /** SKUs holding more than `holdDaysAbove` days of inventory at some week's end. */
  holdsTooLong: string[];
  /** Orders (planned or placed) left out: their cost is unknown or in another currency. */
  unpricedOrders: number;
  /** Stocks left out of the capital: units or cost unknown. */
  unknownStocks: number;
  /** SKUs whose stock runs out within the weeks shown. */
  runsOut: string[];
}

/**
 * The weekly cash view in one currency.
 * @example cashView({ today: '2026-03-02', weeks: 26, currency: 'USD', lines, placed: [], stocks }, { salesFactor: 1, extraLeadDays: 0 }).weeks[0].plannedOut // 240000
 */
export function cashView(
  input: {
    today: string;
    weeks: number;
    currency: string;
    lines: readonly PurchaseLine[];
    placed: readonly CashPlacedOrder[];
    stocks: readonly CashStock[];
    terms?: CashTerms;
  },
  scenario: CashScenario,
): CashView {
  const terms = input.terms ?? CASH_DEFAULTS;
  const first = dayNumber(weekStart(input.today));
  const weeks: CashWeek[] = Array.from({ length: input.weeks }, (_, i) => ({
    weekStart: isoDate(first + 7 * i),
    plannedOut: 0,
    placedOut: 0,
    laterOut: 0,
    capitalHeld: 0,
  }));
  // Cash leaves when the supplier is paid: the order day plus the payment terms.
  const weekOfDay = (day: number) => Math.floor((day + terms.supplierTermsDays - first) / 7);
  const weekOf = (day: string) => weekOfDay(dayNumber(day));
  const priced = (cost: Money | null): cost is Money => cost !== null && cost.currency === input.currency;
  let unpricedOrders = 0;
  const arrivals = new Map<string, { day: number; units: number }[]>();
  // A late order arrives today at the earliest.
  const arrive = (stockKey: string, day: string, units: number) =>
    arrivals.set(stockKey, [...(arrivals.get(stockKey) ?? []), { day: Math.max(dayNumber(input.today), dayNumber(day) + scenario.extraLeadDays), units }]);
  const repeats = repeatOrdersOf(input.lines, input.placed, scenario.salesFactor);
  for (const line of input.lines) {
    const quantity = stressedQuantity(line, scenario.salesFactor);
    const cost = unitCostOf(line);
    const w = weekOf(line.orderBy);
    if (!priced(cost)) unpricedOrders++;
    else if (w >= 0 && w < weeks.length) weeks[w]!.plannedOut += quantity * cost.amountMinor;
    const air = Math.min(quantity, line.freight.airUnits);
    if (air > 0) arrive(line.stockKey, line.arrivalByAir, air);
    arrive(line.stockKey, line.arrivalBySea, quantity - air);
  }
  for (const order of input.placed) {
    const w = weekOf(order.placedOn);
    if (!priced(order.unitCost)) unpricedOrders++;
    else if (w >= 0 && w < weeks.length) weeks[w]!.placedOut += order.quantity * order.unitCost.amountMinor;
    if (order.openUnits > 0) arrive(order.stockKey, order.expectedArrival, order.openUnits);
  }
  let unknownStocks = 0;
  const runsOut: string[] = [];
  const held: HeldStock[] = [];
  for (const stock of input.stocks) {
    const repeat = repeats.get(stock.stockKey);
    const h = heldUnitsByWeek(stock, arrivals.get(stock.stockKey) ?? [], dayNumber(input.today), first, weeks.length, scenario, repeat);
    if (repeat)
      for (const day of h.reordered) {
        const w = weekOfDay(day);
        if (!priced(repeat.unitCost)) unpricedOrders++;
        else if (w >= 0 && w < weeks.length) weeks[w]!.laterOut += repeat.quantity * repeat.unitCost.amountMinor;
      }
    if (h.ranOut) runsOut.push(stock.sku);
    if (h.units === null || !priced(stock.unitCost)) {
      unknownStocks++;
      continue;
    }
    held.push({ stock, units: h.units, daily: Math.max(0, stock.meanDaily * scenario.salesFactor), unitCost: stock.unitCost.amountMinor });
    h.units.forEach((units, i) => (weeks[i]!.capitalHeld += Math.round(units * stock.unitCost!.amountMinor)));
  }
  return { currency: input.currency, weeks, unpricedOrders, unknownStocks, runsOut: [...new Set(runsOut)].sort(), ...turnsOf(held, terms) };
}

/** A priced stock's units held at each week's end, its units sold a day (under the scenario) and its unit cost. */
interface HeldStock {
  stock: CashStock;
  units: number[];
  daily: number;
  unitCost: number;
}

/**
 * Days of inventory and turnover per product (its stocks together) and in total at cost, the
 * cash conversion cycle, and the SKUs holding more than `holdDaysAbove` days at a week's end.
 * @example turnsOf([MUG: 300 held every week, 10 a day], CASH_DEFAULTS).total // { daysOfInventory: 30, turnover: 12.17, cashConversionDays: 44 }
 */
function turnsOf(held: readonly HeldStock[], terms: CashTerms): Pick<CashView, 'products' | 'total' | 'holdsTooLong'> {
  const byProduct = new Map<string, { sku: string; units: number[]; daily: number }>();
  for (const h of held) {
    const productId = h.stock.stockKey.split('@')[0] ?? h.stock.stockKey;
    const p = byProduct.get(productId) ?? { sku: h.stock.sku, units: h.units.map(() => 0), daily: 0 };
    h.units.forEach((u, i) => (p.units[i]! += u));
    p.daily += h.daily;
    byProduct.set(productId, p);
  }
  const products = [...byProduct].map(([productId, p]) => ({ productId, sku: p.sku, ...turns(average(p.units), p.daily) }));
  products.sort((a, b) => (b.daysOfInventory ?? Infinity) - (a.daysOfInventory ?? Infinity) || (a.sku < b.sku ? -1 : 1));
  const holdsTooLong = [...byProduct.values()]
    .filter((p) => p.units.some((u) => u > 0 && (p.daily === 0 || u / p.daily > terms.holdDaysAbove)))
    .map((p) => p.sku);
  const capital = held.reduce((s, h) => s + average(h.units) * h.unitCost, 0);
  const cogsDaily = held.reduce((s, h) => s + h.daily * h.unitCost, 0);
  const total = turns(capital, cogsDaily);
  const cashConversionDays = total.daysOfInventory === null ? null : round1(total.daysOfInventory + terms.payoutDelayDays - terms.supplierTermsDays);
  return { products, total: { ...total, cashConversionDays }, holdsTooLong: [...new Set(holdsTooLong)].sort() };
}

/** @example turns(300, 10) // { daysOfInventory: 30, turnover: 12.2 } */
function turns(held: number, perDay: number): CashTurns {
  if (!(perDay > 0)) return { daysOfInventory: null, turnover: null };
  const days = held / perDay;
  return { daysOfInventory: round1(days), turnover: days > 0 ? round1(365 / days) : null };
}

const average = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A planned order's quantity when sales are `salesFactor` of the forecast: scaled, at least
 * the MOQ, in whole cases; never above the line when sales are down.
 * @example stressedQuantity({ quantity: 960, moq: 300, casePack: 24 }, 0.7) // 672
 */
export function stressedQuantity(line: Pick<PurchaseLine, 'quantity' | 'moq' | 'casePack'>, salesFactor: number): number {
  if (salesFactor === 1) return line.quantity;
  const pack = Math.max(1, line.casePack);
  const wanted = Math.max(line.moq, Math.ceil(line.quantity * salesFactor - 1e-9));
  return Math.ceil(wanted / pack) * pack;
}

/**
 * The order each stock repeats after its known ones: its latest planned line (quantity under
 * the scenario, by sea), else its latest placed order; and the day it was (or is to be) placed,
 * after which repeats may come.
 */
interface RepeatOrder {
  quantity: number;
  leadDays: number;
  unitCost: Money | null;
  after: number;
}

/** A planned line's unit cost as money (null: not known). */
function unitCostOf(line: Pick<PurchaseLine, 'unitCostMinor' | 'currency'>): Money | null {
  return line.unitCostMinor === null ? null : { amountMinor: line.unitCostMinor, currency: line.currency };
}

/**
 * Each stock's RepeatOrder, from the planned lines and the placed orders.
 * @example repeatOrdersOf([line ordering 600 by sea on 2026-03-10, arriving 2026-05-19], [], 1).get('MUG@fba:NA') // { quantity: 600, leadDays: 70, ... }
 */
function repeatOrdersOf(lines: readonly PurchaseLine[], placed: readonly CashPlacedOrder[], salesFactor: number): Map<string, RepeatOrder> {
  const out = new Map<string, RepeatOrder>();
  for (const order of placed) {
    const after = dayNumber(order.placedOn);
    const quantity = Math.ceil(order.quantity * salesFactor - 1e-9);
    const known = out.get(order.stockKey);
    if (quantity <= 0 || (known && known.after > after)) continue;
    out.set(order.stockKey, { quantity, leadDays: dayNumber(order.expectedArrival) - after, unitCost: order.unitCost, after });
  }
  const planned = new Set<string>();
  for (const line of lines) {
    const after = dayNumber(line.orderBy);
    const quantity = stressedQuantity(line, salesFactor);
    const known = out.get(line.stockKey);
    // A planned line is what the stock orders next: it outranks placed orders, and a later line an earlier one.
    if (quantity <= 0 || (known && planned.has(line.stockKey) && known.after > after)) continue;
    const unitCost = unitCostOf(line);
    // By sea: air freight closes this order's gap before a stockout; the orders after it come in time.
    out.set(line.stockKey, { quantity, leadDays: dayNumber(line.arrivalBySea) - after, unitCost, after });
    planned.add(line.stockKey);
  }
  return out;
}

/**
 * Units held at the end of each week (after that week's sales and arrivals), day by day from
 * today; null when the stock on hand is unknown. `ranOut`: demand went unserved on some day.
 * With `repeat` and a reorder point, the stock reorders after its known orders the way its plan
 * does: once the day's sales bring its position (on hand plus every order still to arrive) to
 * the reorder point, and the last order's units have had their days of sales, it places
 * `repeat` again; `reordered` lists those days.
 */
function heldUnitsByWeek(
  stock: CashStock,
  arrivals: readonly { day: number; units: number }[],
  today: number,
  first: number,
  weeks: number,
  scenario: CashScenario,
  repeat: RepeatOrder | undefined,
): { units: number[] | null; ranOut: boolean; reordered: number[] } {
  if (stock.onHand === null) return { units: null, ranOut: false, reordered: [] };
  const demand = Math.max(0, stock.meanDaily * scenario.salesFactor);
  const incoming = [...arrivals];
  const reordered: number[] = [];
  const repeating = repeat && demand > 0 && stock.reorderPoint !== null ? { ...repeat, reorderPoint: stock.reorderPoint } : undefined;
  // An order covers its quantity's days of sales: the next comes no sooner (a lean lot of 30 days,
  // cut below what the reorder point asks, is ordered every 30 days, not again the next day).
  const cadence = repeating ? Math.max(1, Math.round(repeating.quantity / demand)) : Infinity;
  let lastOrder = repeating?.after ?? Infinity;
  let units = Math.max(0, stock.onHand);
  let ranOut = false;
  const out: number[] = [];
  for (let day = first; day < first + 7 * weeks; day++) {
    if (day >= today) {
      for (const a of incoming) if (a.day === day) units += a.units;
      if (demand > 0 && units < demand) ranOut = true;
      units = Math.max(0, units - demand);
      if (repeating && day >= lastOrder + cadence) {
        let position = units;
        for (const a of incoming) if (a.day > day) position += a.units;
        if (position <= repeating.reorderPoint) {
          // A late arrival still comes no earlier than the day after the order.
          incoming.push({ day: day + Math.max(1, repeating.leadDays + scenario.extraLeadDays), units: repeating.quantity });
          reordered.push(day);
          lastOrder = day;
        }
      }
    }
    if ((day - first) % 7 === 6) out.push(units);
  }
  return { units: out, ranOut, reordered };
}

/**
 * The cash the purchase plan needs, week by week over the coming weeks: what planned orders
 * and placed orders cost when they are placed (paid on the order day: supplier payment terms
 * are not modelled yet), and the capital held in stock at cost at the end of each week. A
 * stress scenario runs the same with sales down by a share and lead times longer by some days.
 *
 * Why stress with only sales down never costs more: each planned order shrinks with demand
 * (its quantity times the sales factor, still at least the MOQ, in whole cases) and a line is
 * already at least the MOQ in whole cases, so the stressed quantity is never above it; placed
 * orders are already bought and cost the same in both.
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
  /** Stock at cost at the end of the week (the stocks whose units and cost are known). */
  capitalHeld: number;
}

export interface CashView {
  currency: string;
  weeks: CashWeek[];
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
  input: { today: string; weeks: number; currency: string; lines: readonly PurchaseLine[]; placed: readonly CashPlacedOrder[]; stocks: readonly CashStock[] },
  scenario: CashScenario,
): CashView {
  const first = dayNumber(weekStart(input.today));
  const weeks: CashWeek[] = Array.from({ length: input.weeks }, (_, i) => ({ weekStart: isoDate(first + 7 * i), plannedOut: 0, placedOut: 0, capitalHeld: 0 }));
  const weekOf = (day: string) => Math.floor((dayNumber(day) - first) / 7);
  const priced = (cost: Money | null): cost is Money => cost !== null && cost.currency === input.currency;
  let unpricedOrders = 0;
  const arrivals = new Map<string, { day: number; units: number }[]>();
  // A late order arrives today at the earliest.
  const arrive = (stockKey: string, day: string, units: number) =>
    arrivals.set(stockKey, [...(arrivals.get(stockKey) ?? []), { day: Math.max(dayNumber(input.today), dayNumber(day) + scenario.extraLeadDays), units }]);
  for (const line of input.lines) {
    const quantity = stressedQuantity(line, scenario.salesFactor);
    const cost = line.unitCostMinor === null ? null : { amountMinor: line.unitCostMinor, currency: line.currency };
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
  for (const stock of input.stocks) {
    const held = heldUnitsByWeek(stock, arrivals.get(stock.stockKey) ?? [], dayNumber(input.today), first, weeks.length, scenario.salesFactor);
    if (held.ranOut) runsOut.push(stock.sku);
    if (held.units === null || !priced(stock.unitCost)) {
      unknownStocks++;
      continue;
    }
    held.units.forEach((units, i) => (weeks[i]!.capitalHeld += Math.round(units * stock.unitCost!.amountMinor)));
  }
  return { currency: input.currency, weeks, unpricedOrders, unknownStocks, runsOut: [...new Set(runsOut)].sort() };
}

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
 * Units held at the end of each week (after that week's sales and arrivals), day by day from
 * today; null when the stock on hand is unknown. `ranOut`: demand went unserved on some day.
 */
function heldUnitsByWeek(
  stock: CashStock,
  arrivals: readonly { day: number; units: number }[],
  today: number,
  first: number,
  weeks: number,
  salesFactor: number,
): { units: number[] | null; ranOut: boolean } {
  if (stock.onHand === null) return { units: null, ranOut: false };
  const demand = Math.max(0, stock.meanDaily * salesFactor);
  let units = Math.max(0, stock.onHand);
  let ranOut = false;
  const out: number[] = [];
  for (let day = first; day < first + 7 * weeks; day++) {
    if (day >= today) {
      for (const a of arrivals) if (a.day === day) units += a.units;
      if (demand > 0 && units < demand) ranOut = true;
      units = Math.max(0, units - demand);
    }
    if ((day - first) % 7 === 6) out.push(units);
  }
  return { units: out, ranOut };
}

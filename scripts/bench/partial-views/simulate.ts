/**
 * A simulated Amazon FBA product driven by a real daily demand series, and what its FBA
 * Inventory page (and, optionally, its orders page) shows at each visit, as the observation
 * records the page readers produce (lib/records.ts).
 *
 * Each day, in this order:
 * 1. shipments due that day are received (at the start of the day, so they sell that day);
 * 2. demand = the series' value; sales = min(demand, stock); the rest is lost (not back-ordered);
 * 3. at the end of the day, when stock + on order < `reorderBelowDays` x mean demand, order
 *    `orderDays` x mean demand (rounded, at least 1 unit), arriving `leadDays` later.
 * Start stock is `startCoverDays` x mean demand (rounded). The mean demand is one fixed number
 * per series (the bench uses the series' training mean).
 */
import { isoDate } from '../../../lib/planning/days.ts';
import { listingObservationSchema, orderObservationSchema, type Observation } from '../../../lib/records.ts';

export interface PolicyOptions {
  /** Mean daily demand the seller's policy is sized on. */
  meanDemand: number;
  /** Days from ordering to receiving (default 21). */
  leadDays?: number;
  /** Start stock in days of mean demand (default 45). */
  startCoverDays?: number;
  /** Order when stock + on order falls below this many days of mean demand (default 25). */
  reorderBelowDays?: number;
  /** Order size in days of mean demand (default 45). */
  orderDays?: number;
}

export interface Simulation {
  days: number;
  demand: Float64Array;
  sales: Float64Array;
  /** Demand not served (demand - sales). */
  lost: Float64Array;
  /** Units received at the start of each day. */
  received: Float64Array;
  /** Sellable units at the end of each day (what the page shows as available). */
  stockEnd: Float64Array;
  /** Units ordered and not yet received at the end of each day (what the page shows as inbound). */
  onOrderEnd: Float64Array;
  /** Every order placed: on `day` (end of day), `units`, received at the start of `arrivalDay`. */
  orders: { day: number; units: number; arrivalDay: number }[];
  startStock: number;
}

/**
 * Runs the policy over `demand` (units per day; null/negative read as 0).
 * @example simulateFba([50, 5], { meanDemand: 1 }).lost // Float64Array [5, 5]: 45 units at the start, the day-0 order arrives on day 21
 */
export function simulateFba(demand: readonly (number | null)[], options: PolicyOptions): Simulation {
  const { meanDemand } = options;
  const leadDays = options.leadDays ?? 21;
  const reorderBelow = (options.reorderBelowDays ?? 25) * meanDemand;
  const orderUnits = Math.max(1, Math.round((options.orderDays ?? 45) * meanDemand));
  const n = demand.length;
  const sim: Simulation = {
    days: n,
    demand: new Float64Array(n),
    sales: new Float64Array(n),
    lost: new Float64Array(n),
    received: new Float64Array(n),
    stockEnd: new Float64Array(n),
    onOrderEnd: new Float64Array(n),
    orders: [],
    startStock: Math.round((options.startCoverDays ?? 45) * meanDemand),
  };
  const arriving = new Float64Array(n + leadDays + 1);
  let stock = sim.startStock;
  let onOrder = 0;
  for (let day = 0; day < n; day++) {
    const receipt = arriving[day]!;
    stock += receipt;
    onOrder -= receipt;
    sim.received[day] = receipt;
    const d = Math.max(0, demand[day] ?? 0);
    const sold = Math.min(d, stock);
    stock -= sold;
    sim.demand[day] = d;
    sim.sales[day] = sold;
    sim.lost[day] = d - sold;
    if (meanDemand > 0 && stock + onOrder < reorderBelow) {
      const arrivalDay = day + leadDays;
      arriving[arrivalDay] = arriving[arrivalDay]! + orderUnits;
      onOrder += orderUnits;
      sim.orders.push({ day, units: orderUnits, arrivalDay });
    }
    sim.stockEnd[day] = stock;
    sim.onOrderEnd[day] = onOrder;
  }
  return sim;
}

/**
 * Sum of `values` over the `windowDays` days up to and including `day` (days before 0 count 0).
 * @example windowSum(Float64Array.of(1, 2, 3, 4), 3, 2) // 9
 */
export function windowSum(values: ArrayLike<number>, day: number, windowDays: number): number {
  let s = 0;
  for (let i = Math.max(0, day - windowDays + 1); i <= day; i++) s += values[i]!;
  return s;
}

/** What the FBA Inventory page shows at the end of `day`. */
export interface PageReading {
  day: number;
  available: number;
  inbound: number;
  unitsSold: { windowDays: number; units: number }[];
}

/** @example pageReading(sim, 40, [7, 30]).unitsSold[1].units // sales of days 11..40 */
export function pageReading(sim: Simulation, day: number, windows: readonly number[]): PageReading {
  return {
    day,
    available: sim.stockEnd[day]!,
    inbound: sim.onOrderEnd[day]!,
    unitsSold: windows.map((windowDays) => ({ windowDays, units: windowSum(sim.sales, day, windowDays) })),
  };
}

/**
 * Visit days every `every` days, placed so that `anchor` is one of them, from the first one
 * at or after `from` to `to` (inclusive).
 * @example visitDays(0, 30, 7, 28) // [0, 7, 14, 21, 28]
 */
export function visitDays(from: number, to: number, every: number, anchor: number): number[] {
  const first = from + ((((anchor - from) % every) + every) % every);
  const out: number[] = [];
  for (let d = first; d <= to; d++) if ((d - anchor) % every === 0) out.push(d);
  return out;
}

export interface RecordOptions {
  sku: string;
  /** Day number of day 0 of the simulation. */
  startDay: number;
  /** Windows of the "units sold last N days" counts the page shows. */
  windows: readonly number[];
  /** Also read the orders page at each visit: one shipped order per day with sales in the last `orderDays` days. */
  orderDays?: number;
  marketplace?: string;
  /** Time of day (UTC) of the visits; 20:00Z is the same calendar day in every US zone. */
  timeOfDay?: string;
}

/**
 * The observation records of one visit on simulation day `day`, each validated with its schema.
 * @example visitRecords(sim, 28, { sku: 'A', startDay: 0, windows: [7, 30] })[0].available
 */
export function visitRecords(sim: Simulation, day: number, options: RecordOptions): Observation[] {
  const marketplace = options.marketplace ?? 'amazon.com';
  const date = isoDate(options.startDay + day);
  const observedAt = `${date}T${options.timeOfDay ?? '20:00:00'}Z`;
  const reading = pageReading(sim, day, options.windows);
  const out: Observation[] = [
    listingObservationSchema.parse({
      kind: 'listing',
      platform: 'amazon',
      marketplace,
      source: 'amazon/fba-inventory',
      observedAt,
      observedDate: date,
      sku: options.sku,
      fulfillment: 'FBA',
      available: reading.available,
      inbound: reading.inbound,
      unitsSold: reading.unitsSold,
    }),
  ];
  for (let d = Math.max(0, day - (options.orderDays ?? 0) + 1); d <= day && options.orderDays; d++) {
    if (!(sim.sales[d]! > 0)) continue;
    const orderDate = isoDate(options.startDay + d);
    out.push(
      orderObservationSchema.parse({
        kind: 'order',
        platform: 'amazon',
        marketplace,
        source: 'amazon/orders',
        observedAt,
        observedDate: date,
        orderId: `${options.sku}-${orderDate}`,
        sku: options.sku,
        quantity: sim.sales[d]!,
        status: 'shipped',
        orderDate,
        fulfillment: 'FBA',
      }),
    );
  }
  return out;
}

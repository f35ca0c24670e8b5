/**
 * Daily demand of one listing, rebuilt from whatever the seller's pages happened to show:
 * order rows, "units sold last N days" counts, eBay's cumulative sold count and stock changes
 * between visits. Sellers do not export a daily sales history, so this is the only history
 * the forecaster gets.
 *
 * Sources are layered by how precise they are: exact (order rows) > windowed counts >
 * cumulative counts > stock deltas. A coarser layer only fills days that no finer layer has
 * settled, after subtracting what the finer layers already put in its interval. Days out of
 * stock are CENSORED (NaN): nobody could buy, so zero sales say nothing about demand.
 */
import { poissonAtMost } from './poisson';
import { DEFAULT_ACCOUNT, type ListingObservation, type Observation, type OrderObservation } from '../records';
import { dayNumber, isoDate } from './days';
import type { DemandDay, DemandHow } from './types';

/** A manual stock event the seller recorded, which stock deltas must net out. */
export interface Calibration {
  listingKey: string;
  /** Day of the event (marketplace zone). */
  date: string;
  /**
   * receipt: units added (received shipment); removal: units taken out (removal order,
   * damage write-off); correction: signed fix (+ found, - lost); count: the seller counted
   * `units` on hand that day (lib/store's calibrations), a new baseline for stock deltas.
   */
  kind: 'receipt' | 'removal' | 'correction' | 'count';
  units: number;
}

/** How each day is known, as stored in `DemandSeries.how`. */
export const HOW_CENSORED = 0;
export const HOW_INFERRED = 1;
export const HOW_EXACT = 2;
/** Censored like HOW_CENSORED, on days inferred out of stock: no reading showed it (censorStockoutsBetweenVisits). */
export const HOW_STOCKOUT_INFERRED = 3;
const HOW_NAMES: readonly DemandHow[] = ['censored', 'inferred', 'exact', 'stockout-inferred'];

/**
 * The layer that settled a day (SettledDays.layer), finest first: a coarser layer only fills days
 * no finer one settled. Windowed counts rank by their length (windowLayer).
 */
const LAYER_EXACT = 1;
const LAYER_CUMULATIVE = 0xfffe;
const LAYER_STOCK_DELTA = 0xffff;
/** The rank of "units sold in the last `windowDays` days" counts: shorter windows are finer. */
function windowLayer(windowDays: number): number {
  return Math.min(2 + windowDays, LAYER_CUMULATIVE - 1);
}

/** A daily series in typed arrays: `units[i]` is day `startDay + i`; NaN = censored/unknown. */
export interface DemandSeries {
  startDay: number;
  units: Float64Array;
  how: Uint8Array;
}

/**
 * Per day, the layer that settled it (LAYER_*, 0 = none) and whether it was censored (CENSORED_*,
 * 0 = not); and the layers whose counts the projections could not meet, so they were repaired
 * over the whole layer (fillLayer: a count added to such a layer can move the others).
 */
interface SettledDays {
  layer: Uint16Array;
  censored: Uint8Array;
  repaired: readonly number[];
}

export interface ReconstructOptions {
  /** Last day of the series (today in the marketplace's zone), ISO date. */
  end: string;
  /** About this many days are kept, the most recent (up to 27 more: the window's start moves in steps, historyWindowStart). */
  historyDays?: number;
  calibrations?: readonly Calibration[];
  /**
   * Days complete orders views covered for this listing's marketplace (see orderCoverage);
   * default: computed from this listing's own order records.
   */
  orderCoverage?: readonly OrderSpan[];
}

/** Units sold in days [from, to] (inclusive indices into the series). */
interface IntervalCount {
  from: number;
  to: number;
  units: number;
}

/**
 * Rebuilds daily demand for ONE listing from its observations (listing and order records
 * of the same platform|marketplace|sku; others are ignored by the caller's grouping).
 * @example
 * reconstructDemand([order('2026-01-02', 3, 'shipped')], { end: '2026-01-03' })
 * // days 2026-01-02..03: units [3, 0], how exact (the orders page covered both days)
 */
export function reconstructDemand(observations: readonly Observation[], options: ReconstructOptions): DemandSeries {
  const endDay = dayNumber(options.end);
  const { listings, orders } = placeableObservations(observations);
  const coverage = options.orderCoverage ?? orderCoverage(orders);
  const firstDay = seriesFirstDay(listings, orders, coverage, endDay, options.historyDays);
  const n = Number.isFinite(endDay) && Number.isFinite(firstDay) ? Math.max(0, endDay - firstDay + 1) : 0;

  const units = new Float64Array(n).fill(Number.NaN);
  const how = new Uint8Array(n); // HOW_CENSORED
  if (n === 0) return { startDay: endDay, units, how };
  const grid: DayGrid = {
    n,
    units,
    how,
    fixed: new Uint16Array(n),
    censored: new Uint8Array(n),
    repaired: new Set(),
    index: (iso) => dayNumber(iso) - firstDay,
  };

  // 1. Exact: order rows, on the days an orders view covered completely (orderCoverage).
  //    Orders outside those days (a "pending only" tab) are only a floor for their day.
  markCoveredDays(grid, coverage);
  const floor = addOrders(grid, latestOrders(orders));
  // 2. Censoring: days without sellable stock say nothing about demand, whether a reading
  //    showed them or they fell between two visits.
  censorStockouts(grid, listings);
  censorStockoutsBetweenVisits(grid, listings, options.calibrations ?? []);
  // 3..5. Coarser layers, each settling the days it covers.
  fillCoarserLayers(grid, listings, options.calibrations ?? []);
  if (floor) applyFloor(grid, floor);
  markInferredStockouts(grid);
  const series = { startDay: firstDay, units, how };
  settledBySeries.set(series, { layer: grid.fixed, censored: grid.censored, repaired: [...grid.repaired] });
  return series;
}

/**
 * How reconstruction settled the days of the series it returned, kept beside the series rather
 * than in it (a series is data: compared, stored, sent), for carrying it forward (reconstruct-extend.ts).
 */
const settledBySeries = new WeakMap<DemandSeries, SettledDays>();

/**
 * How reconstructDemand settled each day of a series it returned; undefined for any other series.
 * @example settledDaysOf(reconstructDemand(observations, { end }))?.layer.length // the series' length
 */
export function settledDaysOf(series: DemandSeries): SettledDays | undefined {
  return settledBySeries.get(series);
}

/**
 * Days the history window's start moves by: it steps back to a multiple of this, so it stays
 * put between steps. A series as long as the window then starts on the same day for up to this
 * many days, so its cache is carried (seriesOnLaterDay) and new readings extend it
 * (reconstruct-extend.ts) instead of every day's rebuild (until 2026-12-05 it moved daily).
 */
const WINDOW_STEP_DAYS = 28;

/**
 * The first day a series ending on `endDay` keeps: `historyDays` back, then back to the step
 * before (so `historyDays` to `historyDays` + 27 days are kept).
 * @example historyWindowStart(1000, 730) // 252: 271 stepped back to a multiple of 28
 */
export function historyWindowStart(endDay: number, historyDays: number): number {
  const start = endDay - historyDays + 1;
  return start - (((start % WINDOW_STEP_DAYS) + WINDOW_STEP_DAYS) % WINDOW_STEP_DAYS);
}

/**
 * reconstructDemand's answer on a later day `endDay` from the same inputs, without them: the
 * series as it was, followed by unknown days. No count, order view or stock event speaks of a
 * day after the inputs' last (`inputsThrough`, on or before the series' last day), so none
 * reaches the new days, and nothing before them moves as long as the series starts where it
 * did: the history window ending on `endDay` starts on or before its first day (a series cut
 * by the window starts on the window's start, which moves only every WINDOW_STEP_DAYS). null
 * when that does not hold (rebuild it). A cached series stays valid across days this way: most
 * listings are not read every day.
 * @example seriesOnLaterDay(series /* days 100..109 *\/, 112, 730, 109)?.units.length // 13 (the last 3 unknown)
 */
export function seriesOnLaterDay(series: DemandSeries, endDay: number, historyDays: number | undefined, inputsThrough: number): DemandSeries | null {
  const n = series.units.length;
  const lastDay = series.startDay + n - 1;
  if (endDay === lastDay) return series;
  if (!(endDay > lastDay) || n === 0 || !(inputsThrough <= lastDay)) return null;
  if (historyDays !== undefined && series.startDay < historyWindowStart(endDay, historyDays)) return null;
  const units = new Float64Array(endDay - series.startDay + 1).fill(Number.NaN);
  units.set(series.units);
  const how = new Uint8Array(units.length); // HOW_CENSORED: unknown
  how.set(series.how);
  return { startDay: series.startDay, units, how };
}

/**
 * A reconstruction's last days as it left them: its series' values and how each day was
 * settled, from `startDay` on (reconstruct-extend.ts keeps the last TAIL_DAYS of a series).
 */
export interface SettledTail extends SettledDays {
  startDay: number;
  units: Float64Array;
  how: Uint8Array;
}

/**
 * The days after `baseline` as reconstructDemand would settle them from all readings, given the
 * tail it left (the readings up to and including `baseline`, the newest of them) and `added`
 * (newer readings, in time order): the layers run on the new readings' counts and intervals
 * only, over the tail and the new days. The caller makes sure the old readings' counts are not
 * affected (reconstruct-extend.ts countsExtend, readingsExtend: each new windowed count finds every older day of
 * its window settled by a finer layer, censored, or never known, and no two of one length share
 * a day; stock events none after the baseline). Returns the whole grid from tail.startDay to
 * `endDay`, and how its days are settled.
 * @example reconstructAfter(tail, baseline, [listingAt('2026-01-06', { available: 7 })], dayNumber('2026-01-06')).units.at(-1) // units sold on Jan 6
 */
export function reconstructAfter(tail: SettledTail, baseline: ListingObservation, added: readonly ListingObservation[], endDay: number): SettledTail {
  const n = endDay - tail.startDay + 1;
  const units = new Float64Array(n).fill(Number.NaN);
  const how = new Uint8Array(n);
  const fixed = new Uint16Array(n);
  const censored = new Uint8Array(n);
  units.set(tail.units);
  how.set(tail.how);
  fixed.set(tail.layer);
  censored.set(tail.censored);
  const grid: DayGrid = { n, units, how, fixed, censored, repaired: new Set(tail.repaired), index: (iso) => dayNumber(iso) - tail.startDay };
  const readings = [baseline, ...added];
  censorStockouts(grid, readings);
  censorStockoutsBetweenVisits(grid, readings, []);
  fillCoarserLayers(grid, readings, [], added);
  markInferredStockouts(grid);
  return { startDay: tail.startDay, units, how, layer: fixed, censored, repaired: [...grid.repaired] };
}

/**
 * The windowed counts of some readings as reconstruction places them on a grid starting on
 * `startDay` (windows starting before it are dropped), with their layer.
 * @example windowedCountsOn([listingAt('2026-01-08', { unitsSold: [{ windowDays: 7, units: 3 }] })], dayNumber('2026-01-01'), 10) // [{ from: 1, to: 7, units: 3, layer: windowLayer(7) }]
 */
export function windowedCountsOn(readings: readonly ListingObservation[], startDay: number, n: number): (IntervalCount & { layer: number })[] {
  return windowedCounts(readings, (iso) => dayNumber(iso) - startDay, n).map((c) => ({ ...c, layer: windowLayer(c.to - c.from + 1) }));
}

/**
 * The last day any of a listing's reconstruction inputs speaks of: a reading's or an order line's
 * day (and the day it was seen), a stock event's, an order view's last day.
 * @example inputsLastDay([listingAt('2026-01-05')], [], []) // dayNumber('2026-01-05')
 */
export function inputsLastDay(observations: readonly Observation[], calibrations: readonly Calibration[], spans: readonly OrderSpan[]): number {
  // Valid ISO dates sort as their days: the greatest text, when it is a real date, is the last
  // day, and only it is parsed (a re-plan asks this of every listing it rebuilds, and parsing
  // each reading's date was most of it). A greatest text that is no date: every text is parsed.
  let greatest: string | undefined;
  const see = (iso: string | undefined) => {
    if (iso !== undefined && (greatest === undefined || iso > greatest)) greatest = iso;
  };
  eachInputDate(observations, calibrations, spans, see);
  if (greatest === undefined) return Number.NEGATIVE_INFINITY;
  const day = dayNumber(greatest);
  return Number.isNaN(day) ? lastDayParsingEach(observations, calibrations, spans) : day;
}

/** Every date inputsLastDay weighs. */
function eachInputDate(
  observations: readonly Observation[],
  calibrations: readonly Calibration[],
  spans: readonly OrderSpan[],
  see: (iso: string | undefined) => void,
): void {
  for (const o of observations) {
    see(o.observedDate);
    if (o.kind === 'order') see(o.orderDate);
  }
  for (const c of calibrations) see(c.date);
  for (const s of spans) see(s.to);
}

/** inputsLastDay by parsing every date: a date that cannot be placed is never read either. */
function lastDayParsingEach(observations: readonly Observation[], calibrations: readonly Calibration[], spans: readonly OrderSpan[]): number {
  let last = Number.NEGATIVE_INFINITY;
  eachInputDate(observations, calibrations, spans, (iso) => {
    const day = iso === undefined ? Number.NaN : dayNumber(iso);
    if (day > last) last = day;
  });
  return last;
}

/**
 * Days still unknown that were censored only by inference (CENSORED_INFERRED) keep that marker
 * in `how`, so views and the demand cache can tell them from stockouts a reading showed.
 */
function markInferredStockouts(grid: DayGrid): void {
  const { n, units, how, censored } = grid;
  for (let i = 0; i < n; i++) if (censored[i] === CENSORED_INFERRED && units[i] !== units[i]) how[i] = HOW_STOCKOUT_INFERRED;
}

/** `censored` values: a reading showed the day out of stock, or readings around it say so. */
const CENSORED_OBSERVED = 1;
const CENSORED_INFERRED = 2;

/**
 * The series being rebuilt, one slot per day. `fixed` marks days a finer layer settled (the
 * coarser layers leave them alone) with that layer's rank (LAYER_*; 0 = not settled);
 * `censored` marks days without sellable stock (CENSORED_*).
 */
interface DayGrid {
  n: number;
  units: Float64Array;
  how: Uint8Array;
  fixed: Uint16Array;
  censored: Uint8Array;
  /** The layers repairExactly ran on. */
  repaired: Set<number>;
  /** Slot of an ISO date (may fall outside 0..n-1). */
  index: (iso: string) => number;
}

/** Listings in time order and orders, without records whose dates cannot be placed. */
function placeableObservations(observations: readonly Observation[]): { listings: ListingObservation[]; orders: OrderObservation[] } {
  const listings: ListingObservation[] = [];
  const orders: OrderObservation[] = [];
  for (const o of observations) {
    // A date that does not exist (2023-02-30 passes the record regex) cannot be placed: skip it.
    if (!Number.isFinite(dayNumber(o.observedDate))) continue;
    if (o.kind === 'listing') listings.push(o);
    else if (Number.isFinite(dayNumber(o.orderDate))) orders.push(o);
  }
  listings.sort((a, b) => (a.observedAt < b.observedAt ? -1 : a.observedAt > b.observedAt ? 1 : 0));
  return { listings, orders };
}

/**
 * The earliest day any observation or complete orders view speaks about (an imported order
 * history covers a listing that sold nothing in it), but not before the history window (historyWindowStart).
 */
function seriesFirstDay(
  listings: readonly ListingObservation[],
  orders: readonly OrderObservation[],
  coverage: readonly OrderSpan[],
  endDay: number,
  historyDays: number | undefined,
): number {
  let firstDay = endDay;
  for (const span of coverage) {
    const from = dayNumber(span.from);
    if (Number.isFinite(from) && from <= endDay) firstDay = Math.min(firstDay, from);
  }
  for (const o of listings) {
    const d = dayNumber(o.observedDate);
    firstDay = Math.min(firstDay, d);
    for (const w of o.unitsSold ?? []) firstDay = Math.min(firstDay, d - w.windowDays + 1);
  }
  for (const o of orders) firstDay = Math.min(firstDay, dayNumber(o.orderDate));
  if (historyDays !== undefined) firstDay = Math.max(firstDay, historyWindowStart(endDay, historyDays));
  return firstDay;
}

/** Days a complete orders view covered start as exact zeros; their orders are added next. */
function markCoveredDays(grid: DayGrid, spans: readonly OrderSpan[]): void {
  const { n, units, how, fixed, index } = grid;
  for (const span of spans) {
    for (let i = Math.max(0, index(span.from)); i <= Math.min(n - 1, index(span.to)); i++) {
      if (!fixed[i]) {
        fixed[i] = LAYER_EXACT;
        units[i] = 0;
        how[i] = HOW_EXACT;
      }
    }
  }
}

/** The latest reading of each order line (its status may have changed between visits). */
function latestOrders(orders: readonly OrderObservation[]): Iterable<OrderObservation> {
  const latest = new Map<string, OrderObservation>();
  for (const o of orders) {
    const id = `${o.orderId}|${o.sku}`;
    const seen = latest.get(id);
    if (!seen || seen.observedAt <= o.observedAt) latest.set(id, o);
  }
  return latest.values();
}

/**
 * Adds order quantities to the covered days; orders on other days only set a floor for their
 * day, returned (undefined when there is none).
 */
function addOrders(grid: DayGrid, orders: Iterable<OrderObservation>): Float64Array | undefined {
  const { n, units, fixed, index } = grid;
  const floor = new Float64Array(n);
  let hasFloor = false;
  for (const o of orders) {
    // Pending and unshipped orders are demand already placed; cancelled ones never were.
    if (o.status === 'cancelled') continue;
    const i = index(o.orderDate);
    if (i < 0 || i >= n) continue;
    if (fixed[i]) units[i]! += o.quantity;
    else {
      floor[i]! += o.quantity;
      hasFloor = true;
    }
  }
  return hasFloor ? floor : undefined;
}

/**
 * Censors a day whose reading shows nothing a customer could buy (no sellable stock, or the
 * listing suppressed by the marketplace), and every day between two such readings. Orders seen
 * on such a day still count (it sold out during the day), so only an exact zero is turned back
 * into "unknown".
 */
function censorStockouts(grid: DayGrid, listings: readonly ListingObservation[]): void {
  const { n, units, how, fixed, censored, index } = grid;
  let lastZero = -1;
  for (const o of listings) {
    const i = index(o.observedDate);
    if (i < 0 || i >= n) continue;
    const empty = showsNothingForSale(o);
    if (empty) {
      if (lastZero >= 0) for (let j = lastZero; j <= i; j++) censored[j] = CENSORED_OBSERVED;
      censored[i] = CENSORED_OBSERVED;
      lastZero = i;
    } else if (o.available !== undefined) {
      lastZero = -1;
    }
  }
  for (let i = 0; i < n; i++) {
    if (censored[i] && fixed[i] && units[i] === 0) {
      fixed[i] = 0;
      units[i] = Number.NaN;
      how[i] = HOW_CENSORED;
    }
  }
}

/**
 * Whether a reading shows nothing a customer could buy: no sellable stock, the listing suppressed
 * by the marketplace, or (without a stock count) the marketplace's own word that it is out.
 * @example showsNothingForSale({ available: 0 }) // true
 */
export function showsNothingForSale(o: Pick<ListingObservation, 'available' | 'status' | 'alert'>): boolean {
  return o.available === 0 || o.status === 'suppressed' || (o.available === undefined && marketplaceSaysOut(o));
}

/** The marketplace's own word that a listing is out of stock: its status, or an alert such as the Restock report's "Out of stock". */
const OUT_OF_STOCK_ALERT = /out.of.stock|缺货|ausverkauft|nicht vorrätig|在庫切れ|rupture|agotado|esaurito/i;

/**
 * Whether the reading's status or alert says nothing is for sale (only read when the reading
 * shows no stock count: a count of sellable units wins over a label that may lag behind it).
 * @example marketplaceSaysOut({ alert: 'Out of stock' }) // true
 */
export function marketplaceSaysOut(o: Pick<ListingObservation, 'status' | 'alert'>): boolean {
  return o.status === 'out_of_stock' || (o.alert !== undefined && OUT_OF_STOCK_ALERT.test(o.alert));
}

/**
 * Censors out-of-stock days no reading showed: a visit's stock that could not last until the
 * next visit at the rate sold before, followed by a receipt (inbound dropped, a recorded
 * receipt, or stock up) or an empty shelf at the next visit. Sales in the gap are known (a
 * window of its length, or the stock identity), so the days in stock are about sales / rate
 * and the rest of the gap, after the visit's stock ran out, was out of stock. Without this a
 * product that sold out and was restocked between two visits reads as a slump. Only whole days
 * clearly out are censored (the day the last unit sold and the receipt day still sold).
 */
function censorStockoutsBetweenVisits(grid: DayGrid, listings: readonly ListingObservation[], calibrations: readonly Calibration[]): void {
  const { n, index, censored, fixed, units, how } = grid;
  const visits = listings.filter((o) => o.available !== undefined);
  for (let k = 1; k < visits.length; k++) {
    const before = visits[k - 1]!;
    const after = visits[k]!;
    const from = index(before.observedDate);
    const to = index(after.observedDate);
    const rate = rateSoldBefore(before, grid) ?? rateSoldBefore(after, grid);
    if (to - from < 2 || from < 0 || to >= n || rate === null) continue;
    const stock = before.available!;
    // Days mostly out of stock: the gap starts when the visit's stock most likely ran out. (Days
    // half sold count as out: counting them in full would spread the gap's sales too thin.)
    const outFrom = from + Math.round(stock / rate) + 1;
    if (outFrom > to) continue;
    let outTo: number;
    if (after.available === 0) outTo = to;
    else {
      const receipt = receivedBetween(before, after, calibrations, from, to, index);
      if (!receipt.seen) continue;
      const sold = soldBetween(before, after, receipt.units, to - from);
      // Days in stock ≈ sold / rate: out from when the visit's stock ran out for the rest of
      // the gap; the receipt day sells again, so only whole days before it are out.
      const end = sold === null ? outBeforeLastWindow(after, rate, to - from) : Math.round(stock / rate + (to - from - sold / rate));
      if (end === null) continue;
      outTo = Math.min(to - 1, sold === null ? to - end : from + end);
    }
    for (let i = Math.max(0, outFrom); i <= outTo; i++) {
      if (!censored[i]) censored[i] = CENSORED_INFERRED;
      if (fixed[i] && units[i] === 0) {
        fixed[i] = 0;
        units[i] = Number.NaN;
        how[i] = HOW_CENSORED;
      }
    }
  }
}

/**
 * Units a day sold before a visit while in stock: its long windows' counts (least hurt by noise)
 * over their days not already known to be out of stock, else its 7-day count; null without
 * counts or sales.
 */
function rateSoldBefore(o: ListingObservation, grid: DayGrid): number | null {
  const day = grid.index(o.observedDate);
  const windows = o.unitsSold ?? [];
  const long = windows.filter((w) => w.windowDays >= 28);
  const rates: number[] = [];
  for (const w of long.length > 0 ? long : windows) {
    let inStock = 0;
    for (let i = day - w.windowDays + 1; i <= day; i++) if (i < 0 || i >= grid.n || !grid.censored[i]) inStock++;
    if (inStock * 3 >= w.windowDays) rates.push(w.units / inStock);
  }
  const rate = rates.length > 0 ? Math.max(...rates) : 0;
  return rate > 0 ? rate : null;
}

/**
 * When neither the gap's sales nor its receipt are counted (stock rose, no inbound seen): the
 * visit's shortest window inside the gap sold about `units / rate` days, the days since the
 * receipt, so the shelf was empty before them. Returns how many days before the visit the
 * empty shelf ended, or null when that window sold as if in stock all along (the receipt came
 * before it, and the gap's out days are not known).
 * @example outBeforeLastWindow({ unitsSold: [{ windowDays: 7, units: 7 }] }, 3.5, 14) // 2: out until two days before the visit
 */
function outBeforeLastWindow(after: ListingObservation, rate: number, gapDays: number): number | null {
  const inside = (after.unitsSold ?? []).filter((w) => w.windowDays < gapDays).sort((a, b) => a.windowDays - b.windowDays);
  const window = inside[0];
  if (!window) return null;
  const selling = window.units / rate;
  // A window that sold at least all but one day's worth looked in stock: nothing to place.
  if (selling >= window.windowDays - 1) return null;
  // A slow week is common on lumpy sellers (and `rate` takes the larger long window, which one
  // bulk order inflates): only a count chance alone would rarely give says the shelf was empty.
  // Without this test, the days it marked were in stock 72% of the time on the partial-views
  // bench's Online Retail series and 82% on M5 (2026-12-03).
  if (poissonAtMost(window.units, rate * window.windowDays) >= SLOW_WINDOW_BY_CHANCE) return null;
  return Math.max(1, Math.round(selling));
}

/** Below this chance of a window selling so little while in stock, it is read as an empty shelf. */
const SLOW_WINDOW_BY_CHANCE = 0.05;

/** Whether stock was received between two visits, and how many units when known (seller's receipts, else the inbound drop). */
function receivedBetween(
  before: ListingObservation,
  after: ListingObservation,
  calibrations: readonly Calibration[],
  from: number,
  to: number,
  index: (iso: string) => number,
): { seen: boolean; units: number | null } {
  let recorded = 0;
  let sawRecorded = false;
  for (const c of calibrations) {
    const day = index(c.date);
    if (c.kind === 'receipt' && day > from && day <= to) {
      recorded += c.units;
      sawRecorded = true;
    }
  }
  if (sawRecorded) return { seen: true, units: recorded };
  const drop = before.inbound !== undefined && after.inbound !== undefined ? before.inbound - after.inbound : 0;
  if (drop > 0) return { seen: true, units: drop };
  return { seen: after.available! > before.available!, units: null };
}

/** Units sold between two visits: a window exactly as long as the gap, else the stock identity; null when neither is known. */
function soldBetween(before: ListingObservation, after: ListingObservation, received: number | null, gapDays: number): number | null {
  const window = after.unitsSold?.find((w) => w.windowDays === gapDays);
  if (window) return window.units;
  if (received === null) return null;
  const sold = before.available! - after.available! + received;
  return sold >= 0 ? sold : null;
}

/**
 * Windowed counts, then cumulative counts, then stock deltas: finest information first.
 * `windowedFrom`: the readings whose windowed counts are placed (reconstructAfter: the new ones only).
 */
function fillCoarserLayers(
  grid: DayGrid,
  listings: readonly ListingObservation[],
  calibrations: readonly Calibration[],
  windowedFrom: readonly ListingObservation[] = listings,
): void {
  const { n, index } = grid;
  const work = new Float64Array(n);
  // Windowed counts one window length at a time, shortest first: weekly reads of t7 tile the
  // days exactly, and t30/t90 then only fill what t7 could not reach (mixing them in one
  // fit makes the longer windows fight the finer ones for no gain).
  const windowed = windowedCounts(windowedFrom, index, n);
  const lengths = [...new Set(windowed.map((c) => c.to - c.from))].sort((a, b) => a - b);
  for (const length of lengths)
    fillLayer(
      windowed.filter((c) => c.to - c.from === length),
      grid,
      work,
      windowLayer(length + 1),
    );
  fillLayer(cumulativeCounts(listings, index, n), grid, work, LAYER_CUMULATIVE);
  fillLayer(stockDeltaCounts(listings, calibrations, index, n), grid, work, LAYER_STOCK_DELTA);
}

/** Orders seen outside complete views are a lower bound: a day the layers put below it is raised to it. */
function applyFloor(grid: DayGrid, floor: Float64Array): void {
  const { n, units, how } = grid;
  for (let i = 0; i < n; i++) {
    if (floor[i]! > 0 && !(units[i]! >= floor[i]!)) {
      units[i] = floor[i]!;
      how[i] = HOW_INFERRED;
    }
  }
}

/** Days an orders view showed completely, for one marketplace. */
export interface OrderSpan {
  platform: string;
  marketplace: string;
  from: string;
  to: string;
  /** The seller account whose order history it was (absent = the default account). */
  account?: string | undefined;
}

/**
 * Days covered by orders views. A view read on day D whose oldest order is from day F showed
 * every order of F..D, so a day there without an order for a SKU sold zero of it. Only views
 * that include a shipped or cancelled order count: a "pending"/"unshipped" tab (Amazon's
 * default) hides shipped orders, and reading its quiet days as zero would invent a slump.
 * By default each listing's spans come from its own order records only: a seller may have
 * filtered the orders page by SKU, so a view does not speak for SKUs absent from it. A caller
 * that knows a view was unfiltered may pass its spans to every listing of the marketplace.
 * @example orderCoverage([order('2026-02-20', 'shipped', seen '2026-03-01')]) // [{ from: '2026-02-20', to: '2026-03-01', ... }]
 */
export function orderCoverage(orders: readonly OrderObservation[]): OrderSpan[] {
  const views = new Map<string, OrderSpan & { complete: boolean }>();
  for (const o of orders) {
    const id = `${o.platform}|${o.marketplace}|${o.source}|${o.observedDate}`;
    let view = views.get(id);
    if (!view) views.set(id, (view = { platform: o.platform, marketplace: o.marketplace, from: o.orderDate, to: o.observedDate, complete: false }));
    if (o.orderDate < view.from) view.from = o.orderDate;
    if (o.status === 'shipped' || o.status === 'cancelled') view.complete = true;
  }
  const out: OrderSpan[] = [];
  for (const { complete, ...span } of views.values()) if (complete && span.from <= span.to) out.push(span);
  return out;
}

/**
 * The days a listing's orders are completely known: its own orders views (orderCoverage), and
 * the spans of order-history imports of its marketplace, which list every SKU's orders (so a
 * listing absent from one sold nothing then), from the day the listing started when known
 * (before it, "no orders" says nothing).
 * @example listingOrderCoverage([], [{ platform: 'amazon', marketplace: 'amazon.com', from: '2026-01-01', to: '2026-06-30' }], { platform: 'amazon', marketplace: 'amazon.com', startDate: '2026-03-01' })
 * // [{ platform: 'amazon', marketplace: 'amazon.com', from: '2026-03-01', to: '2026-06-30' }]
 */
export function listingOrderCoverage(
  orders: readonly OrderObservation[],
  importSpans: readonly OrderSpan[],
  listing: { platform: string; marketplace: string; startDate?: string | undefined; account?: string | undefined },
): OrderSpan[] {
  const out = orderCoverage(orders);
  for (const span of importSpans) {
    if (span.platform !== listing.platform || span.marketplace !== listing.marketplace) continue;
    // One account's order history says nothing about another account's listings on the same marketplace.
    if ((span.account ?? DEFAULT_ACCOUNT) !== (listing.account ?? DEFAULT_ACCOUNT)) continue;
    const from = listing.startDate !== undefined && listing.startDate > span.from ? listing.startDate : span.from;
    if (from <= span.to) out.push({ platform: span.platform, marketplace: span.marketplace, from, to: span.to });
  }
  return out;
}

/** "Units sold in the last w days" read on day d = units of days [d-w+1, d]; the latest reading per (w, d) wins. */
function windowedCounts(listings: readonly ListingObservation[], index: (iso: string) => number, n: number): IntervalCount[] {
  const byKey = new Map<string, IntervalCount>();
  for (const o of listings) {
    const d = index(o.observedDate);
    for (const w of o.unitsSold ?? []) {
      const from = d - w.windowDays + 1;
      if (from < 0 || d >= n) continue;
      byKey.set(`${w.windowDays}|${d}`, { from, to: d, units: w.units });
    }
  }
  return [...byKey.values()];
}

/** Cumulative sold counts: the change between consecutive visits fell on the days after the first visit up to the second. */
function cumulativeCounts(listings: readonly ListingObservation[], index: (iso: string) => number, n: number): IntervalCount[] {
  const out: IntervalCount[] = [];
  let previous: { day: number; sold: number } | undefined;
  for (const o of listings) {
    if (o.cumulativeSold === undefined) continue;
    const day = index(o.observedDate);
    if (previous && day > previous.day && o.cumulativeSold >= previous.sold && previous.day + 1 >= 0 && day < n) {
      out.push({ from: previous.day + 1, to: day, units: o.cumulativeSold - previous.sold });
    }
    // A drop means the listing was relisted and the count restarted: start again from here.
    if (!previous || day > previous.day || o.cumulativeSold < previous.sold) previous = { day, sold: o.cumulativeSold };
    else previous.sold = o.cumulativeSold;
  }
  return out;
}

/**
 * Stock deltas: sold = stock before - stock after + received - removed + corrections. Receipts
 * come from the seller's calibrations, or (when there are none in the interval) from the drop
 * in inbound units. A negative result means an unrecorded receipt: the interval is skipped.
 */
function stockDeltaCounts(
  listings: readonly ListingObservation[],
  calibrations: readonly Calibration[],
  index: (iso: string) => number,
  n: number,
): IntervalCount[] {
  // Readings in time order; a seller's count is a reading that starts a new baseline (the gap
  // to the reading before it is a correction, not sales).
  const readings: { day: number; available: number; inbound: number | undefined; count: boolean }[] = [];
  for (const o of listings) {
    if (o.available !== undefined) readings.push({ day: index(o.observedDate), available: o.available, inbound: o.inbound, count: false });
  }
  for (const c of calibrations) {
    if (c.kind === 'count') readings.push({ day: index(c.date), available: c.units, inbound: undefined, count: true });
  }
  readings.sort((a, b) => a.day - b.day || Number(a.count) - Number(b.count));
  const out: IntervalCount[] = [];
  let previous: (typeof readings)[number] | undefined;
  for (const reading of readings) {
    const { day } = reading;
    if (previous && !reading.count && day > previous.day && previous.day + 1 >= 0 && day < n) {
      let received = 0;
      let netOther = 0;
      let sawReceipt = false;
      for (const c of calibrations) {
        const cd = index(c.date);
        if (cd <= previous.day || cd > day) continue;
        if (c.kind === 'receipt') {
          received += c.units;
          sawReceipt = true;
        } else if (c.kind === 'removal') netOther -= c.units;
        else if (c.kind === 'correction') netOther += c.units;
      }
      if (!sawReceipt && previous.inbound !== undefined && reading.inbound !== undefined) {
        received = Math.max(0, previous.inbound - reading.inbound);
      }
      const sold = previous.available - reading.available + received + netOther;
      if (sold >= 0) out.push({ from: previous.day + 1, to: day, units: sold });
    }
    previous = reading;
  }
  return out;
}

/** Alternating projections get close fast and then crawl; repairExactly finishes the job. */
const MAX_SWEEPS = 20;

/** How often (in rounds) repairExactly looks for a contradiction among the edges that set the distances. */
const CYCLE_CHECK_ROUNDS = 4;

/**
 * Settles the free days (not fixed by a finer layer, not censored) covered by `counts`:
 * first an even spread, shortest intervals first (the finest information wins), then
 * alternating projections so every interval's total is met when the counts agree.
 * `value` is scratch space of the grid's length.
 */
function fillLayer(counts: IntervalCount[], grid: DayGrid, value: Float64Array, layer: number): void {
  if (counts.length === 0) return;
  counts.sort((a, b) => a.to - a.from - (b.to - b.from) || a.to - b.to);
  const { n, units, how, fixed, censored } = grid;
  const assigned = new Uint8Array(n);
  const { targets, active } = spreadEvenly(counts, grid, value, assigned);
  if (!fitByProjections(counts, active, targets, grid, value)) {
    grid.repaired.add(layer);
    repairExactly(counts, active, targets, fixed, censored, value);
  }
  for (let i = 0; i < n; i++) {
    if (assigned[i]) {
      // Projections leave residues like 1e-17 where the truth is 0: a unit count is never that small.
      units[i] = value[i]! < 1e-9 ? 0 : value[i]!;
      how[i] = HOW_INFERRED;
      fixed[i] = layer;
    }
  }
}

/**
 * The starting point of the fit: each interval's count, net of what finer layers already
 * placed in it (its target), spread evenly over its days no earlier interval has taken.
 * `active` lists the intervals that have free days at all.
 */
function spreadEvenly(counts: readonly IntervalCount[], grid: DayGrid, value: Float64Array, assigned: Uint8Array): { targets: Float64Array; active: number[] } {
  const { units, fixed, censored } = grid;
  const targets = new Float64Array(counts.length);
  const active: number[] = [];
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k]!;
    let known = 0;
    let free = 0;
    for (let i = c.from; i <= c.to; i++) {
      if (fixed[i]) known += units[i]!;
      else if (!censored[i]) free++;
    }
    if (free === 0) continue;
    targets[k] = Math.max(0, c.units - known);
    active.push(k);
    let already = 0;
    let open = 0;
    for (let i = c.from; i <= c.to; i++) {
      if (fixed[i] || censored[i]) continue;
      if (assigned[i]) already += value[i]!;
      else open++;
    }
    if (open === 0) continue;
    const each = Math.max(0, targets[k]! - already) / open;
    for (let i = c.from; i <= c.to; i++) {
      if (!fixed[i] && !censored[i] && !assigned[i]) {
        value[i] = each;
        assigned[i] = 1;
      }
    }
  }
  return { targets, active };
}

/** Sweeps the active intervals until every total is met; returns whether that happened within MAX_SWEEPS. */
function fitByProjections(counts: readonly IntervalCount[], active: readonly number[], targets: Float64Array, grid: DayGrid, value: Float64Array): boolean {
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let worst = 0;
    // Alternate the order of the sweeps: errors then travel both ways along overlapping windows.
    for (let a = 0; a < active.length; a++) {
      const k = active[sweep % 2 === 0 ? a : active.length - 1 - a]!;
      const error = projectInterval(counts[k]!, targets[k]!, grid, value);
      if (error > worst) worst = error;
    }
    if (worst < 1e-9) return true;
  }
  return false;
}

/**
 * Moves one interval's free days towards summing to `target`; returns the relative error
 * before the move. Projects onto "this interval sums to its count" by an even shift, then
 * onto "no day is negative" (alternating projections converge to a point meeting both
 * whenever the counts are consistent, and much faster than proportional scaling when the
 * truth has zero days).
 */
function projectInterval(c: IntervalCount, target: number, grid: DayGrid, value: Float64Array): number {
  const { fixed, censored } = grid;
  let sum = 0;
  let free = 0;
  for (let i = c.from; i <= c.to; i++) {
    if (fixed[i] || censored[i]) continue;
    sum += value[i]!;
    free++;
  }
  const error = Math.abs(sum - target) / Math.max(1, target);
  if (error < 1e-12) return error;
  let shift = (target - sum) / free;
  for (let pass = 0; pass < 4 && Math.abs(shift) > 1e-15; pass++) {
    let free2 = 0;
    let sum2 = 0;
    for (let i = c.from; i <= c.to; i++) {
      if (fixed[i] || censored[i]) continue;
      const v = value[i]! + shift;
      value[i] = v > 0 ? v : 0;
      sum2 += value[i]!;
      if (value[i]! > 0) free2++;
    }
    shift = free2 > 0 ? (target - sum2) / free2 : 0;
  }
  return error;
}

/**
 * Makes the layer's free days meet every count exactly with the smallest kind of change, when
 * the counts allow it. With prefix sums D over the free days, "interval sums to its count"
 * and "no day negative" are difference constraints (D[b+1] - D[a] = r, D[j] - D[j+1] <= x[j]),
 * so one shortest-path pass (Bellman-Ford) finds a correction; the corrections are as small
 * as the residuals left by the projections. Counts that contradict each other (a negative
 * cycle) leave the projected values as they are. Returns whether it succeeded.
 * `cycleCheckRounds`: how often it looks for such a cycle (Infinity: never; the same answer, later).
 * @example repairExactly([{ from: 0, to: 1, units: 4 }], [0], Float64Array.of(4), new Uint16Array(2), new Uint8Array(2), Float64Array.of(1, 1)) // true, days 3 and 1 (the days as corrected in place)
 */
export function repairExactly(
  counts: readonly IntervalCount[],
  active: readonly number[],
  targets: Float64Array,
  fixed: Uint16Array,
  censored: Uint8Array,
  value: Float64Array,
  cycleCheckRounds = CYCLE_CHECK_ROUNDS,
): boolean {
  const n = value.length;
  const positionOf = new Int32Array(n + 1);
  const days: number[] = [];
  for (let i = 0; i < n; i++) {
    positionOf[i] = days.length; // first free position at or after day i
    if (!fixed[i] && !censored[i]) days.push(i);
  }
  positionOf[n] = days.length;
  const nodes = days.length + 1;
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeWeight: number[] = [];
  // Non-negativity first, from the last day back, so one pass carries a change all the way.
  for (let j = days.length - 1; j >= 0; j--) {
    edgeFrom.push(j + 1);
    edgeTo.push(j);
    edgeWeight.push(value[days[j]!]!);
  }
  for (const k of active) {
    const c = counts[k]!;
    const first = positionOf[c.from]!;
    const end = positionOf[c.to + 1]!; // one past the last free position in the interval
    if (end <= first) continue;
    let sum = 0;
    for (let j = first; j < end; j++) sum += value[days[j]!]!;
    const residual = targets[k]! - sum;
    edgeFrom.push(first, end);
    edgeTo.push(end, first);
    edgeWeight.push(residual, -residual);
  }
  const distance = new Float64Array(nodes);
  // The edge that last lowered each node's distance (-1: none): a cycle among them proves the counts contradict.
  const via = new Int32Array(nodes).fill(-1);
  let changed = true;
  // Rounds: a shortest path runs backwards along the day edges (all relaxed in one round, in the
  // order they are listed) between interval edges, each used at most once on a simple path, so
  // counts that agree settle within 2 x intervals + 1 rounds and show no change in the next. Counts
  // that contradict each other never settle: stopping there, not after a round per free day, is
  // the same answer (on random windowed counts over up to 700 days, every series bit for bit
  // equal, one reconstruction 1.1-1.3 -> 0.31-0.34 ms; 2026-12-05).
  const rounds = Math.min(nodes, 2 * active.length + 2);
  for (let round = 0; round < rounds && changed; round++) {
    changed = false;
    for (let e = 0; e < edgeFrom.length; e++) {
      const candidate = distance[edgeFrom[e]!]! + edgeWeight[e]!;
      if (candidate < distance[edgeTo[e]!]! - 1e-12) {
        distance[edgeTo[e]!] = candidate;
        via[edgeTo[e]!] = e;
        changed = true;
      }
    }
    // Contradicting counts would keep the loop going to its last round (most of a daily
    // reader's reconstruction: 5 of 7 ms over two years); a clear negative cycle ends it now.
    if (changed && round % cycleCheckRounds === cycleCheckRounds - 1 && hasClearNegativeCycle(via, edgeFrom, edgeWeight)) return false;
  }
  if (changed) return false;
  for (let j = 0; j < days.length; j++) {
    const v = value[days[j]!]! + distance[j + 1]! - distance[j]!;
    value[days[j]!] = v > 0 ? v : 0;
  }
  return true;
}

/**
 * Whether the edges that last lowered each node's distance (`via`, -1: none) close a cycle whose
 * weight is clearly negative: below -1e-6 x (1 + its absolute weights). Any cycle among them is
 * negative (each edge held when set and its tail has only fallen since; the one that closed it
 * was a strict improvement), so the counts contradict. Bellman-Ford's tolerance of 1e-12 per
 * edge could still settle a cycle within a few 1e-12 of zero, so only a clear one is taken: then
 * no distances meet every edge within the tolerance, and the loop could only have run to its
 * last round still changing (the same answer: the counts cannot be met).
 * @example hasClearNegativeCycle(Int32Array.of(0, 1), [1, 0], [-1, 0.5]) // true: edges 1 -> 0 (-1) and 0 -> 1 (0.5) set both
 */
export function hasClearNegativeCycle(via: Int32Array, edgeFrom: readonly number[], edgeWeight: readonly number[]): boolean {
  const nodes = via.length;
  const seenIn = new Int32Array(nodes).fill(-1);
  for (let start = 0; start < nodes; start++) {
    let node = start;
    while (node >= 0 && seenIn[node] === -1) {
      seenIn[node] = start;
      node = via[node]! < 0 ? -1 : edgeFrom[via[node]!]!;
    }
    if (node < 0 || seenIn[node] !== start) continue;
    // `node` is on a cycle of this walk: add up its weight.
    let weight = 0;
    let scale = 1;
    let at = node;
    do {
      const e = via[at]!;
      weight += edgeWeight[e]!;
      scale += Math.abs(edgeWeight[e]!);
      at = edgeFrom[e]!;
    } while (at !== node);
    if (weight < -1e-6 * scale) return true;
  }
  return false;
}

/**
 * Demand of several listings drawing from one stock pool, day by day. A member unknown on a
 * day is filled with its own average over its known days (not zero: a listing the seller did
 * not look at still sold); a day no member knows stays censored.
 * @example poolDemand([a, b]).units[0] // a.units[0] + b.units[0]
 */
export function poolDemand(members: readonly DemandSeries[]): DemandSeries {
  const live = members.filter((m) => m.units.length > 0);
  if (live.length === 0) return { startDay: members[0]?.startDay ?? 0, units: new Float64Array(0), how: new Uint8Array(0) };
  let start = Infinity;
  let end = -Infinity;
  const means: number[] = [];
  for (const m of live) {
    start = Math.min(start, m.startDay);
    end = Math.max(end, m.startDay + m.units.length - 1);
    let sum = 0;
    let count = 0;
    for (const v of m.units) {
      if (v === v) {
        sum += v;
        count++;
      }
    }
    means.push(count > 0 ? sum / count : Number.NaN);
  }
  const n = end - start + 1;
  const units = new Float64Array(n);
  const how = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let known = 0;
    let exact = 0;
    for (let k = 0; k < live.length; k++) {
      const m = live[k]!;
      const j = start + i - m.startDay;
      const v = j >= 0 && j < m.units.length ? m.units[j]! : Number.NaN;
      if (v === v) {
        sum += v;
        known++;
        if (m.how[j] === HOW_EXACT) exact++;
      } else if (means[k] === means[k]) {
        sum += means[k]!;
      }
    }
    if (known === 0) {
      units[i] = Number.NaN;
      how[i] = HOW_CENSORED;
    } else {
      units[i] = sum;
      how[i] = exact === live.length ? HOW_EXACT : HOW_INFERRED;
    }
  }
  return { startDay: start, units, how };
}

/**
 * The typed series as DemandDay records (for the store's dailyDemand table and the UI).
 * @example demandDays({ startDay: 0, units: Float64Array.of(2, NaN), how: Uint8Array.of(2, 0) })
 * // [{ date: '1970-01-01', units: 2, how: 'exact' }, { date: '1970-01-02', units: null, how: 'censored' }]
 */
export function demandDays(series: DemandSeries): DemandDay[] {
  const out: DemandDay[] = [];
  for (let i = 0; i < series.units.length; i++) {
    const v = series.units[i]!;
    out.push({ date: isoDate(series.startDay + i), units: v === v ? v : null, how: HOW_NAMES[series.how[i]!]! });
  }
  return out;
}

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
 *
 * This file places the orders and runs the steps, which live beside it: censoring
 * (reconstruct-censor.ts), the intervals each coarser layer places (reconstruct-counts.ts) and
 * how a layer settles its days (reconstruct-layers.ts), all on the day grid of reconstruct-grid.ts.
 */
import type { ListingObservation, Observation, OrderObservation } from '../records';
import { dayNumber } from './days';
import { HOW_EXACT, HOW_INFERRED, type DemandSeries } from './demand-series';
import { orderCoverage, type OrderSpan } from './order-coverage';
import { censorStockouts, censorStockoutsBetweenVisits, markInferredStockouts } from './reconstruct-censor';
import { windowedCounts } from './reconstruct-counts';
import { LAYER_EXACT, windowLayer, type Calibration, type DayGrid, type IntervalCount, type SettledDays } from './reconstruct-grid';
import { fillCoarserLayers } from './reconstruct-layers';

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
    floored: new Uint8Array(n),
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
  settledBySeries.set(series, { layer: grid.fixed, censored: grid.censored, floored: grid.floored, repaired: [...grid.repaired] });
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
  const floored = new Uint8Array(n);
  units.set(tail.units);
  how.set(tail.how);
  fixed.set(tail.layer);
  censored.set(tail.censored);
  floored.set(tail.floored);
  const grid: DayGrid = { n, units, how, fixed, censored, floored, repaired: new Set(tail.repaired), index: (iso) => dayNumber(iso) - tail.startDay };
  const readings = [baseline, ...added];
  censorStockouts(grid, readings);
  censorStockoutsBetweenVisits(grid, readings, []);
  fillCoarserLayers(grid, readings, [], added);
  markInferredStockouts(grid);
  return { startDay: tail.startDay, units, how, layer: fixed, censored, floored, repaired: [...grid.repaired] };
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
  // Made at the first order off the covered days: most listings have none (a series' length of doubles each).
  let floor: Float64Array | undefined;
  for (const o of orders) {
    // Pending and unshipped orders are demand already placed; cancelled ones never were.
    if (o.status === 'cancelled') continue;
    const i = index(o.orderDate);
    if (i < 0 || i >= n) continue;
    if (fixed[i]) units[i]! += o.quantity;
    else (floor ??= new Float64Array(n))[i]! += o.quantity;
  }
  return floor;
}

/** Orders seen outside complete views are a lower bound: a day the layers put below it is raised to it. */
function applyFloor(grid: DayGrid, floor: Float64Array): void {
  const { n, units, how, floored } = grid;
  for (let i = 0; i < n; i++) {
    if (floor[i]! > 0 && !(units[i]! >= floor[i]!)) {
      units[i] = floor[i]!;
      how[i] = HOW_INFERRED;
      floored[i] = 1;
    }
  }
}

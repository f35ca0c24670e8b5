/**
 * Censoring in reconstruction (reconstruct.ts): days without sellable stock say nothing about
 * demand, whether a reading showed the shelf empty or the readings around a gap say it ran out
 * between two visits. Such days become unknown (NaN), never zero sales.
 */
import type { ListingObservation } from '../records';
import { poissonAtMost } from './poisson';
import { HOW_CENSORED, HOW_STOCKOUT_INFERRED } from './demand-series';
import { CENSORED_INFERRED, CENSORED_OBSERVED, type Calibration, type DayGrid } from './reconstruct-grid';

/**
 * Days still unknown that were censored only by inference (CENSORED_INFERRED) keep that marker
 * in `how`, so views and the demand cache can tell them from stockouts a reading showed.
 */
export function markInferredStockouts(grid: DayGrid): void {
  const { n, units, how, censored } = grid;
  for (let i = 0; i < n; i++) if (censored[i] === CENSORED_INFERRED && units[i] !== units[i]) how[i] = HOW_STOCKOUT_INFERRED;
}

/**
 * Censors a day whose reading shows nothing a customer could buy (no sellable stock, or the
 * listing suppressed by the marketplace), and every day between two such readings. Orders seen
 * on such a day still count (it sold out during the day), so only an exact zero is turned back
 * into "unknown".
 */
export function censorStockouts(grid: DayGrid, listings: readonly ListingObservation[]): void {
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
export function censorStockoutsBetweenVisits(grid: DayGrid, listings: readonly ListingObservation[], calibrations: readonly Calibration[]): void {
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

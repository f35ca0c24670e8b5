/**
 * Table `orderChunks` (schema v5): the order lines (tables/orders.ts rows), one record per
 * marketplace day (and seller account). In Chromium's IndexedDB each record costs ~0.4 ms of
 * browser CPU whatever its size, so storing a two-year order history as one record per line
 * took minutes; one record per marketplace day is a few hundred records. The `date` index
 * finds the days since a date; the days a listing sold on are found through the months that
 * list it (tables/orderMonths.ts, since schema v6: v5's multi-entry `listingKeys` index here
 * cost most of an import's time). Read and written through lib/store/order-store.ts.
 *
 * A line stays in the day chunk where it was first seen. Order dates shift by a day between
 * sources (a page in the seller's time zone, a report in the marketplace's), so a reading may
 * say a day either side of the true date, and two readings of one line up to two days apart:
 * a reading looks for its line in the chunks ORDER_DATE_DRIFT_DAYS either side of its own date.
 */
import { withAccount, type Platform } from '../../records';
import type { OrderRow } from './orders';

export interface OrderChunkRow {
  /** `platform|marketplace|date`, plus `|@account` for other accounts than the default (withAccount). */
  id: string;
  /** The marketplace day the chunk's lines were first seen with (their order date then). */
  date: string;
  /** The lines, by order key (orderKeyOf). */
  lines: Record<string, OrderRow>;
}

/** Days either side of a reading's order date where its line may already be stored (see above). */
export const ORDER_DATE_DRIFT_DAYS = 2;

const DAY_MS = 86_400_000;

/**
 * An ISO date moved by whole days.
 * @example shiftDate('2024-03-01', -1) // '2024-02-29'
 */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * @example orderChunkId({ platform: 'amazon', marketplace: 'amazon.com' }, '2024-05-01') // 'amazon|amazon.com|2024-05-01'
 * @example orderChunkId({ platform: 'amazon', marketplace: 'amazon.com', account: 'amazon-b' }, '2024-05-01') // 'amazon|amazon.com|2024-05-01|@amazon-b'
 */
export function orderChunkId(where: { platform: Platform; marketplace: string; account?: string | undefined }, date: string): string {
  return withAccount(`${where.platform}|${where.marketplace}|${date}`, where.account);
}

/**
 * The chunks a reading's line may be in: its own day's first, then the days either side, nearest first.
 * @example chunkIdsAround({ platform: 'amazon', marketplace: 'amazon.com' }, '2024-05-02').slice(0, 3) // ['amazon|amazon.com|2024-05-02', 'amazon|amazon.com|2024-05-01', 'amazon|amazon.com|2024-05-03']
 */
export function chunkIdsAround(where: { platform: Platform; marketplace: string; account?: string | undefined }, date: string): string[] {
  const ids = [orderChunkId(where, date)];
  for (let d = 1; d <= ORDER_DATE_DRIFT_DAYS; d++) ids.push(orderChunkId(where, shiftDate(date, -d)), orderChunkId(where, shiftDate(date, d)));
  return ids;
}

/**
 * Order lines sorted by key (the order the per-line table gave them in).
 * @example byOrderKey([b, a])[0] === a // when a.key < b.key
 */
export function byOrderKey(lines: OrderRow[]): OrderRow[] {
  return lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

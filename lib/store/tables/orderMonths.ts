/**
 * Table `orderMonths` (schema v6): which listings sold in which marketplace month (and seller
 * account), the index that finds a listing's order day chunks (tables/orderChunks.ts).
 *
 * Why not an index on the day chunks themselves (v5's `*listingKeys`): in Chromium each entry a
 * put writes into a multi-entry index costs ~45 µs, and every put of a day chunk wrote all of
 * its listing keys again (~408,000 entries for a 500,000-line import, most of its store time).
 * Here a month is one or more parts, each holding only the listing keys that joined the month
 * when it was written: a later batch adds a part with its new keys, never rewriting an older
 * part, so each (month, listing) entry is written once (~24 months x ~2,000 listings for a
 * two-year history). A month is read as the union of its parts.
 *
 * Exact: a month lists a listing iff one of the month's day chunks holds a line of it. Lines
 * are never removed from a chunk (a line's key fixes its listing), only whole chunks are
 * deleted, and then the month is rewritten from the chunks left (order-store.ts).
 *
 * A line lives in the chunk of the day it was first seen, up to ORDER_DATE_DRIFT_DAYS from its
 * order date: its month is the month of its chunk's date, not of its order date.
 */
import { chunkListingKeys, type OrderChunkRow } from './orderChunks';

export interface OrderMonthRow {
  /** `platform|marketplace|YYYY-MM`, plus `|@account` as the month's chunk ids (orderMonthOf). */
  month: string;
  /** 0, 1, 2, ... in the order the parts were written. */
  part: number;
  /** Listing keys no earlier part of the month holds, sorted (multi-entry index). */
  listingKeys: string[];
}

/**
 * The month of a day chunk id (`platform|marketplace|YYYY-MM-DD[|@account]`).
 * @example orderMonthOf('amazon|amazon.com|2024-05-06|@amazon-b') // 'amazon|amazon.com|2024-05|@amazon-b'
 */
export function orderMonthOf(chunkId: string): string {
  const fields = chunkId.split('|');
  fields[2] = fields[2]!.slice(0, 7);
  return fields.join('|');
}

/**
 * Bounds of the chunk ids of a month's days. Other accounts' chunks of the same marketplace
 * days sort inside them too (`…|2024-05-06|@amazon-b`): readers keep those whose orderMonthOf
 * is the month.
 * @example chunkIdRangeOf('amazon|amazon.com|2024-05') // ['amazon|amazon.com|2024-05-', 'amazon|amazon.com|2024-05-\uffff']
 */
export function chunkIdRangeOf(month: string): [string, string] {
  const [platform, marketplace, yearMonth] = month.split('|');
  const prefix = `${platform}|${marketplace}|${yearMonth}-`;
  return [prefix, `${prefix}\uffff`];
}

/**
 * Month records, one part each, for chunks as they stand (whole months rebuilt: the v5 -> v6
 * upgrade has its own frozen copy, migrations/v5-to-v6.ts).
 * @example orderMonthsOf([encodeOrderChunk('amazon|amazon.com|2024-05-06', '2024-05-06', rows)]) // [{ month: 'amazon|amazon.com|2024-05', part: 0, listingKeys: [...] }]
 */
export function orderMonthsOf(chunks: Iterable<OrderChunkRow>): OrderMonthRow[] {
  const keys = new Map<string, Set<string>>();
  for (const c of chunks) {
    const month = orderMonthOf(c.id);
    const set = keys.get(month) ?? keys.set(month, new Set()).get(month)!;
    for (const k of chunkListingKeys(c)) set.add(k);
  }
  return [...keys].filter(([, set]) => set.size > 0).map(([month, set]) => ({ month, part: 0, listingKeys: [...set].sort() }));
}

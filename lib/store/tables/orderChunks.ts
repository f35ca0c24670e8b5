/**
 * Table `orderChunks` (schema v5): the order lines (tables/orders.ts rows), one record per
 * marketplace day (and seller account). In Chromium's IndexedDB each record costs ~0.4 ms of
 * browser CPU whatever its size, so storing a two-year order history as one record per line
 * took minutes; one record per marketplace day is a few hundred records. The `date` index
 * finds the days since a date; the days a listing sold on are found through the months that
 * list it (tables/orderMonths.ts, since schema v6: v5's multi-entry `listingKeys` index here
 * cost most of an import's time). Since schema v7 a chunk holds its lines as columns (below).
 * Read and written through lib/store/order-store.ts.
 *
 * A line stays in the day chunk where it was first seen. Order dates shift by a day between
 * sources (a page in the seller's time zone, a report in the marketplace's), so a reading may
 * say a day either side of the true date, and two readings of one line up to two days apart:
 * a reading looks for its line in the chunks ORDER_DATE_DRIFT_DAYS either side of its own date.
 */
import { withAccount, type Platform } from '../../records';
import type { OrderRow } from './orders';

/**
 * A day chunk (schema v7): its lines as columns, line i at index i of each. In Chromium,
 * IndexedDB's structured clone writes every property name of every object again, so v5/v6's
 * `lines: Record<key, OrderRow>` (a dozen named fields a line) cost ~20% of a 500,000-line
 * import's storing pass; the same lines as a few arrays of primitives and typed arrays clone
 * 3-5x faster and cost half the page's time to put (measured: schema.ts v7). Only
 * lib/store/order-store.ts sees this shape: everything else reads OrderRows.
 */
export interface OrderChunkRow {
  /** `platform|marketplace|date`, plus `|@account` for other accounts than the default (withAccount). */
  id: string;
  /** The marketplace day the chunk's lines were first seen with (their order date then). */
  date: string;
  /** The lines' order keys (orderKeyOf), in the order the lines joined the chunk. */
  keys: string[];
  orderIds: string[];
  /** Every other text field's values, each once (a day's lines share their dates, times, source, status and many SKUs). */
  words: string[];
  /** Index in `words` of field WORD_FIELDS[f] of line i at f * keys.length + i; NO_WORD when the line has none. */
  wordIndexes: Uint32Array;
  quantities: Int32Array;
  /** `itemPrice.amountMinor` (integers up to 1e12, exact in a double); NaN when the line has no price. */
  priceAmounts: Float64Array;
}

/** The text fields stored as indexes into a chunk's `words` (`priceCurrency` is `itemPrice.currency`). */
const WORD_FIELDS = [
  'platform',
  'marketplace',
  'account',
  'sku',
  'listingKey',
  'status',
  'orderDate',
  'observedAt',
  'firstObservedAt',
  'source',
  'fulfillment',
  'priceCurrency',
] as const;
type WordField = (typeof WORD_FIELDS)[number];
const FIELD = Object.fromEntries(WORD_FIELDS.map((f, i) => [f, i])) as Record<WordField, number>;

/** The word index of an absent optional field. */
const NO_WORD = 0xffffffff;

/**
 * How many lines a chunk holds.
 * @example orderLineCount(encodeOrderChunk(id, date, [row])) // 1
 */
export function orderLineCount(c: OrderChunkRow): number {
  return c.keys.length;
}

/** Field `field` of line `i` (undefined when absent). */
function wordAt(c: OrderChunkRow, field: number, i: number): string | undefined {
  const w = c.wordIndexes[field * c.keys.length + i]!;
  return w === NO_WORD ? undefined : c.words[w];
}

/**
 * The listing key of line `i` (filters read lines without building them).
 * @example listingKeyAt(chunk, 0) // 'amazon|amazon.com|MUG-1'
 */
export function listingKeyAt(c: OrderChunkRow, i: number): string {
  return wordAt(c, FIELD.listingKey, i)!;
}

/**
 * Line `i` of a chunk as an order row.
 * @example orderLineAt(encodeOrderChunk(id, date, [row]), 0) // equal to row
 */
export function orderLineAt(c: OrderChunkRow, i: number): OrderRow {
  // One literal, the optional fields added after: a spread inside it would copy an object per line.
  const row: OrderRow = {
    key: c.keys[i]!,
    platform: wordAt(c, FIELD.platform, i) as Platform,
    marketplace: wordAt(c, FIELD.marketplace, i)!,
    orderId: c.orderIds[i]!,
    sku: wordAt(c, FIELD.sku, i)!,
    listingKey: wordAt(c, FIELD.listingKey, i)!,
    quantity: c.quantities[i]!,
    status: wordAt(c, FIELD.status, i) as OrderRow['status'],
    orderDate: wordAt(c, FIELD.orderDate, i)!,
    observedAt: wordAt(c, FIELD.observedAt, i)!,
    source: wordAt(c, FIELD.source, i)!,
    firstObservedAt: wordAt(c, FIELD.firstObservedAt, i)!,
  };
  const account = wordAt(c, FIELD.account, i);
  if (account !== undefined) row.account = account;
  const currency = wordAt(c, FIELD.priceCurrency, i);
  if (currency !== undefined) row.itemPrice = { amountMinor: c.priceAmounts[i]!, currency };
  const fulfillment = wordAt(c, FIELD.fulfillment, i);
  if (fulfillment !== undefined) row.fulfillment = fulfillment as OrderRow['fulfillment'];
  return row;
}

/**
 * Every line of a chunk, in chunk order.
 * @example orderLinesOf(encodeOrderChunk(id, date, rows)) // equal to rows
 */
export function orderLinesOf(c: OrderChunkRow): OrderRow[] {
  const out = new Array<OrderRow>(c.keys.length);
  for (let i = 0; i < out.length; i++) out[i] = orderLineAt(c, i);
  return out;
}

/**
 * The listings a chunk's lines belong to, each once.
 * @example [...chunkListingKeys(chunk)] // ['amazon|amazon.com|MUG-1']
 */
export function chunkListingKeys(c: OrderChunkRow): Set<string> {
  const n = c.keys.length;
  const column = c.wordIndexes.subarray(FIELD.listingKey * n, (FIELD.listingKey + 1) * n);
  const out = new Set<string>();
  for (const w of new Set(column)) out.add(c.words[w]!);
  return out;
}

/**
 * Each line's position in a chunk, by order key (built once per chunk a merge loads).
 * @example positionsOf(chunk).get(row.key) // 0
 */
export function positionsOf(c: OrderChunkRow | undefined): Map<string, number> {
  return new Map(c ? c.keys.map((k, i) => [k, i]) : []);
}

/**
 * A chunk with some lines set: `rows` replace the stored lines of their keys (found in
 * `positions`, the stored chunk's positionsOf, which gains the new keys) or join after them.
 * Only the rows given are encoded; the stored columns are copied. The words are renumbered in
 * order of first use, so a chunk's record depends only on its lines and their order, not on
 * the values its lines held before.
 * @example withOrderLines(undefined, positionsOf(undefined), id, date, [row]).keys // [row.key]
 */
export function withOrderLines(
  stored: OrderChunkRow | undefined,
  positions: Map<string, number>,
  id: string,
  date: string,
  rows: readonly OrderRow[],
): OrderChunkRow {
  const keys = stored ? stored.keys.slice() : [];
  const orderIds = stored ? stored.orderIds.slice() : [];
  for (const r of rows) {
    if (positions.has(r.key)) continue;
    positions.set(r.key, keys.length);
    keys.push(r.key);
    orderIds.push(r.orderId);
  }
  const n = keys.length;
  const was = stored ? stored.keys.length : 0;
  const wordIndexes = new Uint32Array(WORD_FIELDS.length * n);
  for (let f = 0; stored && f < WORD_FIELDS.length; f++) wordIndexes.set(stored.wordIndexes.subarray(f * was, (f + 1) * was), f * n);
  const quantities = new Int32Array(n);
  const priceAmounts = new Float64Array(n).fill(NaN);
  if (stored) {
    quantities.set(stored.quantities);
    priceAmounts.set(stored.priceAmounts);
  }
  const words = stored ? stored.words.slice() : [];
  const wordOf = new Map(words.map((w, i) => [w, i]));
  const put = (field: number, i: number, value: string | undefined) => {
    let w = value === undefined ? NO_WORD : wordOf.get(value);
    if (w === undefined) wordOf.set(value!, (w = words.push(value!) - 1));
    wordIndexes[field * n + i] = w;
  };
  for (const r of rows) {
    const i = positions.get(r.key)!;
    orderIds[i] = r.orderId;
    quantities[i] = r.quantity;
    priceAmounts[i] = r.itemPrice ? r.itemPrice.amountMinor : NaN;
    for (let f = 0; f < WORD_FIELDS.length; f++) put(f, i, wordValue(r, WORD_FIELDS[f]!));
  }
  return { id, date, keys, orderIds, ...renumbered(words, wordIndexes), quantities, priceAmounts };
}

/** A row's value of a word field. */
function wordValue(r: OrderRow, field: WordField): string | undefined {
  return field === 'priceCurrency' ? r.itemPrice?.currency : r[field];
}

/** The words in order of first use (field by field, line by line), unused ones dropped. */
function renumbered(words: readonly string[], wordIndexes: Uint32Array): { words: string[]; wordIndexes: Uint32Array } {
  const next = new Uint32Array(words.length).fill(NO_WORD);
  const out: string[] = [];
  for (let j = 0; j < wordIndexes.length; j++) {
    const w = wordIndexes[j]!;
    if (w === NO_WORD) continue;
    if (next[w] === NO_WORD) next[w] = out.push(words[w]!) - 1;
    wordIndexes[j] = next[w]!;
  }
  return { words: out, wordIndexes };
}

/**
 * A chunk holding `rows`, in that order.
 * @example orderLinesOf(encodeOrderChunk('amazon|amazon.com|2024-05-01', '2024-05-01', rows)) // equal to rows
 */
export function encodeOrderChunk(id: string, date: string, rows: readonly OrderRow[]): OrderChunkRow {
  return withOrderLines(undefined, new Map(), id, date, rows);
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

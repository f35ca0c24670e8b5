/**
 * The order lines, stored one record per marketplace day (tables/orderChunks.ts) and indexed
 * by listing per marketplace month (tables/orderMonths.ts): how the merge finds and writes back
 * the lines its readings touch, and how everything else reads them as plain lines
 * (tables/orders.ts rows), so callers do not see the chunks. Every write of chunks here also
 * keeps their months exact; a transaction that calls these needs both tables in its scope.
 */
import { Dexie } from 'dexie';
import type { OrderObservation } from '../records';
import type { StoreDb } from './db';
import { getAllIn, getMany, nativeTransaction, putMany } from './idb';
import {
  byOrderKey,
  chunkIdsAround,
  chunkListingKeys,
  listingKeyAt,
  ORDER_DATE_DRIFT_DAYS,
  orderChunkId,
  orderLineAt,
  orderLineCount,
  orderLinesOf,
  positionsOf,
  shiftDate,
  withOrderLines,
  type OrderChunkRow,
} from './tables/orderChunks';
import { chunkIdRangeOf, orderMonthOf, orderMonthsOf, type OrderMonthRow } from './tables/orderMonths';
import { orderKeyOf, type OrderRow } from './tables/orders';

/** What tells where an order line lives: a reading of it, or a stored line. */
type LineWhere = Pick<OrderObservation, 'platform' | 'marketplace' | 'account' | 'orderId' | 'sku' | 'orderDate'>;

/** The order lines a merge touches: the chunks loaded, each stored line found, and where each line lives. */
export interface OrderLines {
  /** Chunks by id as loaded (absent ones too), then as rewritten. */
  chunks: Map<string, OrderChunkRow | undefined>;
  /** Each chunk's line positions by order key (positionsOf), built the first time a chunk is looked in. */
  positions: Map<string, Map<string, number>>;
  /** Lines by order key: stored ones, then updated and new ones. */
  lines: Map<string, OrderRow>;
  /** The chunk each line lives in, by order key. */
  homes: Map<string, string>;
  /** The months of the chunks loaded, as stored, then with the parts written since. */
  months: Map<string, MonthIndex>;
}

/** What a month record says: its listings (all parts), and how many parts it has. */
interface MonthIndex {
  listingKeys: Set<string>;
  parts: number;
}

/**
 * Loads the chunks around each reading's order date and finds each reading's stored line
 * (inside the caller's transaction, `tx` its native transaction).
 * @example const lines = await loadOrderLines(db, tx, readings); lines.lines.get(orderKeyOf(readings[0]))
 */
export async function loadOrderLines(db: StoreDb, tx: IDBTransaction, readings: readonly LineWhere[]): Promise<OrderLines> {
  // A batch's readings share a few marketplace days: each day's window is worked out once.
  const windows = new Map<string, string[]>();
  const around = readings.map((r) => {
    const day = orderChunkId(r, r.orderDate);
    return windows.get(day) ?? windows.set(day, chunkIdsAround(r, r.orderDate)).get(day)!;
  });
  const ids = [...new Set(around.flat())];
  // Nothing to read when no reading is an order line (most page merges).
  const rows = ids.length ? await getMany(tx, db.orderChunks, ids) : [];
  const months = ids.length ? await loadMonths(db, tx, ids) : new Map<string, MonthIndex>();
  const o: OrderLines = { chunks: new Map(ids.map((id, i) => [id, rows[i]])), positions: new Map(), lines: new Map(), homes: new Map(), months };
  readings.forEach((r, i) => {
    const key = orderKeyOf(r);
    if (o.lines.has(key)) return;
    for (const id of around[i]!) {
      const at = positionsIn(o, id).get(key);
      if (at !== undefined) {
        o.lines.set(key, orderLineAt(o.chunks.get(id)!, at));
        o.homes.set(key, id);
        return;
      }
    }
  });
  return o;
}

/** A loaded chunk's line positions (an absent chunk's: none yet). */
function positionsIn(o: OrderLines, id: string): Map<string, number> {
  return o.positions.get(id) ?? o.positions.set(id, positionsOf(o.chunks.get(id))).get(id)!;
}

/** The month records of some chunks (a batch spans a month or two: one read each). */
function loadMonths(db: StoreDb, tx: IDBTransaction, chunkIds: readonly string[]): Promise<Map<string, MonthIndex>> {
  const months = [...new Set(chunkIds.map(orderMonthOf))];
  return Dexie.Promise.all(months.map((m) => getAllIn(tx, db.orderMonths, monthPartsRange(m)))).then(
    (parts) =>
      new Map(
        months.map((m, i) => [m, { listingKeys: new Set(parts[i]!.flatMap((p) => p.listingKeys)), parts: Math.max(0, ...parts[i]!.map((p) => p.part + 1)) }]),
      ),
  );
}

/** The keys of every part of a month. */
function monthPartsRange(month: string): IDBKeyRange {
  return IDBKeyRange.bound([month, -Infinity], [month, Infinity]);
}

/**
 * Sets a line's new state; a new line lives in the chunk of the day its first reading says.
 * @example setOrderLine(lines, applyOrderObservation(undefined, reading, at), reading)
 */
export function setOrderLine(o: OrderLines, row: OrderRow, reading: LineWhere): void {
  o.lines.set(row.key, row);
  if (!o.homes.has(row.key)) o.homes.set(row.key, orderChunkId(reading, reading.orderDate));
}

/**
 * Writes back the chunks of the lines `keys` (each chunk once, with all its lines).
 * @example await saveOrderLines(db, tx, lines, dirtyKeys)
 */
export function saveOrderLines(db: StoreDb, tx: IDBTransaction, o: OrderLines, keys: Iterable<string>): Promise<void> {
  const chunks = changedChunks(o, keys);
  // One Dexie promise, not an async function: the merge awaits it with its other writes, in its transaction's zone.
  return Dexie.Promise.all([putMany(tx, db.orderChunks, chunks), putMany(tx, db.orderMonths, newMonthParts(o, chunks))]).then(() => undefined);
}

/** The chunks of the lines `keys` with those lines' new state (each chunk once, with all its lines). */
function changedChunks(o: OrderLines, keys: Iterable<string>): OrderChunkRow[] {
  const rowsByChunk = new Map<string, OrderRow[]>();
  for (const key of keys) {
    const id = o.homes.get(key)!;
    (rowsByChunk.get(id) ?? rowsByChunk.set(id, []).get(id)!).push(o.lines.get(key)!);
  }
  return [...rowsByChunk].map(([id, rows]) => {
    const stored = o.chunks.get(id);
    const chunk = withOrderLines(stored, positionsIn(o, id), id, stored?.date ?? dateOfChunkId(id), rows);
    o.chunks.set(id, chunk);
    return chunk;
  });
}

/**
 * A new part for each month where `chunks` hold a listing the month does not list yet (most
 * batches after a month's first few add none). Lines never leave a chunk, so a month's
 * listings only grow while its chunks stay.
 */
function newMonthParts(o: OrderLines, chunks: readonly OrderChunkRow[]): OrderMonthRow[] {
  const joining = new Map<string, Set<string>>();
  for (const chunk of chunks) {
    const month = orderMonthOf(chunk.id);
    const known = o.months.get(month)!.listingKeys;
    for (const listingKey of chunkListingKeys(chunk)) {
      if (known.has(listingKey)) continue;
      (joining.get(month) ?? joining.set(month, new Set()).get(month)!).add(listingKey);
    }
  }
  return [...joining].map(([month, keys]) => {
    const index = o.months.get(month)!;
    for (const k of keys) index.listingKeys.add(k);
    return { month, part: index.parts++, listingKeys: [...keys].sort() };
  });
}

/** The date field of a chunk id (`platform|marketplace|date[|@account]`). */
function dateOfChunkId(id: string): string {
  return id.split('|')[2]!;
}

/**
 * Every order line (ordered on or after `sinceDate`, when given), by order key.
 * @example const lines = await readAllOrderLines(db, '2024-01-01');
 */
export async function readAllOrderLines(db: StoreDb, sinceDate = ''): Promise<OrderRow[]> {
  const chunks = sinceDate
    ? await db.orderChunks.where('date').aboveOrEqual(shiftDate(sinceDate, -ORDER_DATE_DRIFT_DAYS)).toArray()
    : await db.orderChunks.toArray();
  const out: OrderRow[] = [];
  for (const c of chunks) for (const l of orderLinesOf(c)) if (l.orderDate >= sinceDate) out.push(l);
  return byOrderKey(out);
}

/**
 * The order lines of some listings (ordered on or after `sinceDate`, when given), by order key.
 * @example const lines = await readOrderLinesOf(db, ['amazon|amazon.com|MUG-1']);
 */
export async function readOrderLinesOf(db: StoreDb, listingKeys: readonly string[], sinceDate = ''): Promise<OrderRow[]> {
  if (listingKeys.length === 0) return [];
  const wanted = new Set(listingKeys);
  // A chunk dated before this holds no line ordered on or after sinceDate.
  const fromDate = sinceDate ? shiftDate(sinceDate, -ORDER_DATE_DRIFT_DAYS) : '';
  const months = (await monthsListing(db, listingKeys)).filter((m) => yearMonthOf(m) >= fromDate.slice(0, 7));
  const chunks = (await Promise.all(months.map((m) => readMonthChunks(db, m)))).flat();
  const out: OrderRow[] = [];
  for (const c of chunks) out.push(...linesOfListings(c, wanted).filter((l) => l.orderDate >= sinceDate));
  return byOrderKey(out);
}

/** A chunk's lines of some listings (only those are built). */
function linesOfListings(c: OrderChunkRow, listingKeys: ReadonlySet<string>): OrderRow[] {
  const out: OrderRow[] = [];
  for (let i = 0; i < orderLineCount(c); i++) if (listingKeys.has(listingKeyAt(c, i))) out.push(orderLineAt(c, i));
  return out;
}

/** The months that list any of some listings, each once, in month id order. */
async function monthsListing(db: StoreDb, listingKeys: readonly string[]): Promise<string[]> {
  const parts = (await db.orderMonths
    .where('listingKeys')
    .anyOf(listingKeys as string[])
    .primaryKeys()) as unknown as [string, number][];
  return [...new Set(parts.map(([month]) => month))].sort();
}

/** The `YYYY-MM` of a month id. */
function yearMonthOf(month: string): string {
  return month.split('|')[2]!;
}

/** The day chunks of a month (one key range; other accounts' chunks in it are left out). */
async function readMonthChunks(db: StoreDb, month: string): Promise<OrderChunkRow[]> {
  const [lower, upper] = chunkIdRangeOf(month);
  const chunks = await db.orderChunks.where(':id').between(lower, upper, true, true).toArray();
  return chunks.filter((c) => orderMonthOf(c.id) === month);
}

/**
 * A listing's `limit` newest order lines, newest order date first. Reads the chunks of its
 * months newest first until no older chunk can hold a newer line (a line's date is within
 * ORDER_DATE_DRIFT_DAYS of its chunk's).
 * @example const recent = await readLatestOrderLinesOf(db, 'amazon|amazon.com|MUG-1', 50);
 */
export async function readLatestOrderLinesOf(db: StoreDb, listingKey: string, limit: number): Promise<OrderRow[]> {
  // Views that want no order lines ask for none: a month's chunks are not read for nothing.
  if (limit <= 0) return [];
  const found: OrderRow[] = [];
  const wanted = new Set([listingKey]);
  // A listing key names its platform, marketplace and account: its months differ by date only.
  for (const month of (await monthsListing(db, [listingKey])).reverse()) {
    for (const c of await readMonthChunks(db, month)) found.push(...linesOfListings(c, wanted));
    // Older chunks are dated before the month, so their lines before this: enough lines from it on settle the answer.
    const safeFrom = shiftDate(`${yearMonthOf(month)}-01`, ORDER_DATE_DRIFT_DAYS);
    if (found.filter((l) => l.orderDate >= safeFrom).length >= limit) break;
  }
  return found.sort((a, b) => (a.orderDate < b.orderDate ? 1 : a.orderDate > b.orderDate ? -1 : a.key < b.key ? 1 : -1)).slice(0, limit);
}

/**
 * How many order lines are stored (of one account, when given: the account of each chunk id).
 * @example await countOrderLines(db) // 0 for a new store
 */
export async function countOrderLines(db: StoreDb, inChunk: (chunkId: string) => boolean = () => true): Promise<number> {
  let n = 0;
  // One chunk at a time: a two-year history is hundreds of MB as objects.
  await db.orderChunks.each((c) => {
    if (inChunk(c.id)) n += orderLineCount(c);
  });
  return n;
}

/**
 * Every order line, `chunksPerPage` day chunks at a time in chunk id order, each chunk's lines
 * by order key: what a backup writes, holding one page of chunks whatever the history's size.
 * @example for await (const lines of orderLinePages(db)) write(lines);
 */
export async function* orderLinePages(db: StoreDb, chunksPerPage = 16): AsyncGenerator<OrderRow[]> {
  let after: string | undefined;
  for (;;) {
    const chunks = await (after === undefined ? db.orderChunks.orderBy(':id') : db.orderChunks.where(':id').above(after)).limit(chunksPerPage).toArray();
    if (chunks.length === 0) return;
    yield chunks.flatMap((c) => byOrderKey(orderLinesOf(c)));
    after = chunks[chunks.length - 1]!.id;
  }
}

/**
 * Adds lines to the store as they are (restoring a backup, moving an account's lines): a line
 * already stored (in a chunk within ORDER_DATE_DRIFT_DAYS of its date) is replaced there, a
 * new one joins the chunk of its order date.
 * @example await putOrderLines(db, backupRows)
 */
export async function putOrderLines(db: StoreDb, rows: readonly OrderRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction('rw', db.orderChunks, db.orderMonths, async () => {
    const tx = nativeTransaction();
    const lines = await loadOrderLines(db, tx, rows);
    for (const row of rows) setOrderLine(lines, row, row);
    const chunks = changedChunks(lines, new Set(rows.map((r) => r.key)));
    await db.orderChunks.bulkPut(chunks);
    await db.orderMonths.bulkPut(newMonthParts(lines, chunks));
  });
}

/**
 * Every chunk id (one account's are those whose accountOfKey is that account).
 * @example keysOfAccount(await orderChunkIds(db), 'amazon-b')
 */
export async function orderChunkIds(db: StoreDb): Promise<string[]> {
  return (await db.orderChunks.toCollection().primaryKeys()) as string[];
}

/**
 * The lines of some chunks, by order key.
 * @example const lines = await readOrderChunkLines(db, ids);
 */
export async function readOrderChunkLines(db: StoreDb, ids: readonly string[]): Promise<OrderRow[]> {
  const chunks = await db.orderChunks.bulkGet(ids as string[]);
  return byOrderKey(chunks.flatMap((c) => (c ? orderLinesOf(c) : [])));
}

/**
 * Deletes chunks, and so every line they hold (an account's, once merged into another), and
 * rewrites their months from the chunks left (one part each, none when no chunk is left), so
 * a month never lists a listing none of its chunks holds.
 * @example await deleteOrderChunks(db, ids)
 */
export async function deleteOrderChunks(db: StoreDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.orderChunks, db.orderMonths, async () => {
    await db.orderChunks.bulkDelete(ids as string[]);
    for (const month of new Set(ids.map(orderMonthOf))) {
      const left = await readMonthChunks(db, month);
      await db.orderMonths.where('[month+part]').between([month, -Infinity], [month, Infinity], true, true).delete();
      await db.orderMonths.bulkPut(orderMonthsOf(left));
    }
  });
}

/**
 * The order lines, stored one record per marketplace day (tables/orderChunks.ts): how the
 * merge finds and writes back the lines its readings touch, and how everything else reads
 * them as plain lines (tables/orders.ts rows), so callers do not see the chunks.
 */
import type { OrderObservation } from '../records';
import type { StoreDb } from './db';
import { getMany, nativeTransaction, putMany } from './idb';
import { byOrderKey, chunkIdsAround, listingKeysOf, ORDER_DATE_DRIFT_DAYS, orderChunkId, shiftDate, type OrderChunkRow } from './tables/orderChunks';
import { orderKeyOf, type OrderRow } from './tables/orders';

/** What tells where an order line lives: a reading of it, or a stored line. */
type LineWhere = Pick<OrderObservation, 'platform' | 'marketplace' | 'account' | 'orderId' | 'sku' | 'orderDate'>;

/** The order lines a merge touches: the chunks loaded, each stored line found, and where each line lives. */
export interface OrderLines {
  /** Chunks by id as loaded (absent ones too), then changed in place. */
  chunks: Map<string, OrderChunkRow | undefined>;
  /** Lines by order key: stored ones, then updated and new ones. */
  lines: Map<string, OrderRow>;
  /** The chunk each line lives in, by order key. */
  homes: Map<string, string>;
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
  const rows = ids.length ? await getMany(tx, db.orderChunks, ids) : [];
  const chunks = new Map(ids.map((id, i) => [id, rows[i]]));
  const lines = new Map<string, OrderRow>();
  const homes = new Map<string, string>();
  readings.forEach((r, i) => {
    const key = orderKeyOf(r);
    if (lines.has(key)) return;
    for (const id of around[i]!) {
      const line = chunks.get(id)?.lines[key];
      if (line) {
        lines.set(key, line);
        homes.set(key, id);
        return;
      }
    }
  });
  return { chunks, lines, homes };
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
  return putMany(tx, db.orderChunks, changedChunks(o, keys));
}

/** The chunks of the lines `keys` with those lines' new state (each chunk once, with all its lines). */
function changedChunks(o: OrderLines, keys: Iterable<string>): OrderChunkRow[] {
  const changed = new Map<string, OrderChunkRow>();
  for (const key of keys) {
    const id = o.homes.get(key)!;
    const row = o.lines.get(key)!;
    let chunk = changed.get(id);
    if (!chunk) {
      const stored = o.chunks.get(id);
      chunk = { id, date: stored?.date ?? dateOfChunkId(id), listingKeys: [], lines: { ...stored?.lines } };
      changed.set(id, chunk);
    }
    chunk.lines[key] = row;
  }
  for (const chunk of changed.values()) {
    chunk.listingKeys = listingKeysOf(chunk.lines);
    o.chunks.set(chunk.id, chunk);
  }
  return [...changed.values()];
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
  for (const c of chunks) for (const l of Object.values(c.lines)) if (l.orderDate >= sinceDate) out.push(l);
  return byOrderKey(out);
}

/**
 * The order lines of some listings (ordered on or after `sinceDate`, when given), by order key.
 * @example const lines = await readOrderLinesOf(db, ['amazon|amazon.com|MUG-1']);
 */
export async function readOrderLinesOf(db: StoreDb, listingKeys: readonly string[], sinceDate = ''): Promise<OrderRow[]> {
  if (listingKeys.length === 0) return [];
  const wanted = new Set(listingKeys);
  const chunks = await db.orderChunks
    .where('listingKeys')
    .anyOf(listingKeys as string[])
    .distinct()
    .toArray();
  const out: OrderRow[] = [];
  for (const c of chunks) for (const l of Object.values(c.lines)) if (wanted.has(l.listingKey) && l.orderDate >= sinceDate) out.push(l);
  return byOrderKey(out);
}

/**
 * A listing's `limit` newest order lines, newest order date first. Reads its chunks newest
 * first until no older chunk can hold a newer line (a line's date is within
 * ORDER_DATE_DRIFT_DAYS of its chunk's).
 * @example const recent = await readLatestOrderLinesOf(db, 'amazon|amazon.com|MUG-1', 50);
 */
export async function readLatestOrderLinesOf(db: StoreDb, listingKey: string, limit: number): Promise<OrderRow[]> {
  const found: OrderRow[] = [];
  const page = Math.max(limit, 1) + 2 * ORDER_DATE_DRIFT_DAYS;
  for (let offset = 0; ; offset += page) {
    const chunks = await db.orderChunks.where('listingKeys').equals(listingKey).reverse().offset(offset).limit(page).toArray();
    for (const c of chunks) for (const l of Object.values(c.lines)) if (l.listingKey === listingKey) found.push(l);
    const oldest = chunks[chunks.length - 1];
    // Lines an older chunk could hold are dated before this; enough lines after it settle the answer.
    const safeFrom = oldest ? shiftDate(oldest.date, ORDER_DATE_DRIFT_DAYS) : '';
    if (chunks.length < page || found.filter((l) => l.orderDate >= safeFrom).length >= limit) break;
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
    if (inChunk(c.id)) n += Object.keys(c.lines).length;
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
    yield chunks.flatMap((c) => byOrderKey(Object.values(c.lines)));
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
  await db.transaction('rw', db.orderChunks, async () => {
    const tx = nativeTransaction();
    const lines = await loadOrderLines(db, tx, rows);
    for (const row of rows) setOrderLine(lines, row, row);
    await db.orderChunks.bulkPut(changedChunks(lines, new Set(rows.map((r) => r.key))));
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
  return byOrderKey(chunks.flatMap((c) => (c ? Object.values(c.lines) : [])));
}

/**
 * Deletes chunks, and so every line they hold (an account's, once merged into another).
 * @example await deleteOrderChunks(db, ids)
 */
export async function deleteOrderChunks(db: StoreDb, ids: readonly string[]): Promise<void> {
  await db.orderChunks.bulkDelete(ids as string[]);
}

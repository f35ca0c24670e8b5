/**
 * Schema v4 -> v5: the order lines move from `orders` (one record per line) into
 * `orderChunks` (one record per marketplace day and account, lines by order key), each line
 * into the chunk of its order date. The v5 schema deletes `orders` (schema.ts) once this has run.
 *
 * FROZEN: never edit this file. It defines how a v4 database upgrades, for as long as a seller
 * may still have one. The helpers below are copies of the live code as it stood when this
 * upgrade was written: records.ts `withAccount` (and DEFAULT_ACCOUNT), tables/orderChunks.ts
 * `orderChunkId` and `listingKeysOf`. A later change to the live helpers must not change what
 * this upgrade writes: a change to the stored data goes into a new schema version with its
 * own upgrade file. Imports: type-only, dexie, or other frozen code in this folder
 * (migrations-frozen.test.ts).
 */
import type { Transaction } from 'dexie';
import type { OrderChunkRow } from './order-chunk-types';
import type { OrderRow } from '../tables/orders';

/**
 * v4 -> v5: every order line into its order date's chunk, one order date at a time (a two-year
 * history never sits in memory at once).
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  const orders = tx.table('orders');
  let date = '';
  for (;;) {
    const next = (await orders.where('orderDate').above(date).first()) as OrderRow | undefined;
    if (!next) break;
    date = next.orderDate;
    const rows = (await orders.where('orderDate').equals(date).toArray()) as OrderRow[];
    await tx.table('orderChunks').bulkPut(orderChunksOf(rows));
  }
}

// ---------------------------------------------------------------------------------------------
// Frozen copies (as of schema v5)
// ---------------------------------------------------------------------------------------------

/** The default seller account's id (records.ts DEFAULT_ACCOUNT). */
const DEFAULT_ACCOUNT = 'default';

/** A key in an account's namespace (records.ts withAccount). */
function withAccount(key: string, account: string | undefined): string {
  return account === undefined || account === DEFAULT_ACCOUNT ? key : `${key}|@${account}`;
}

/** `platform|marketplace|date[|@account]` (tables/orderChunks.ts). */
function orderChunkId(row: OrderRow, date: string): string {
  return withAccount(`${row.platform}|${row.marketplace}|${date}`, row.account);
}

/** Lines of one order date as chunk records, per marketplace and account (tables/orderChunks.ts). */
function orderChunksOf(rows: readonly OrderRow[]): OrderChunkRow[] {
  const chunks = new Map<string, OrderChunkRow>();
  for (const r of rows) {
    const id = orderChunkId(r, r.orderDate);
    const chunk = chunks.get(id) ?? chunks.set(id, { id, date: r.orderDate, listingKeys: [], lines: {} }).get(id)!;
    chunk.lines[r.key] = r;
  }
  for (const c of chunks.values()) c.listingKeys = [...new Set(Object.values(c.lines).map((l) => l.listingKey))].sort();
  return [...chunks.values()];
}

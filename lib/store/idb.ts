/**
 * Bulk reads and writes straight on the IndexedDB transaction under a Dexie transaction, for
 * the merge's hot path. Dexie's bulkGet/bulkPut cost a Dexie promise, middleware and result
 * bookkeeping per row; in Chromium that was a large share of a 5,000-row merge (CPU profile
 * of scripts/bench/store-chromium.ts). Here a batch is one loop of native requests with one
 * success handler (requests of a transaction complete in order, so the last one's success
 * means all succeeded) and one error handler per request.
 *
 * No Dexie hooks or live-query notifications fire for these writes: the store uses neither
 * (the background owns the database and answers the UI by messages). Nor does the middleware
 * that keeps some tables' records in memory (record-cache.ts): putMany refuses those tables.
 */
import { Dexie, type Table } from 'dexie';
import type { StoreDb } from './db';

/** The native transaction of the Dexie transaction we are in (call synchronously at its start). */
export function nativeTransaction(): IDBTransaction {
  const tx = Dexie.currentTransaction as unknown as { idbtrans?: IDBTransaction } | null;
  if (!tx?.idbtrans) throw new Error('no IndexedDB transaction in scope');
  return tx.idbtrans;
}

/** One Dexie promise per batch (it keeps Dexie's transaction zone for the code after the await). */
function settle<T>(requests: IDBRequest[], resolveWith: () => T): Promise<T> {
  return new Dexie.Promise<T>((resolve, reject) => {
    if (requests.length === 0) {
      resolve(resolveWith());
      return;
    }
    const fail = (event: Event) => {
      event.preventDefault(); // the caller's rejection aborts the Dexie transaction
      event.stopPropagation();
      reject((event.target as IDBRequest).error);
    };
    for (const r of requests) r.onerror = fail;
    requests[requests.length - 1]!.onsuccess = () => resolve(resolveWith());
  });
}

/**
 * Rows by primary key, in key order given (undefined where missing), as Table.bulkGet.
 * @example const rows = await getMany<ListingRow>(tx, db.listings, keys);
 */
export function getMany<T>(tx: IDBTransaction, table: Table<T, string>, keys: readonly string[]): Promise<(T | undefined)[]> {
  const store = tx.objectStore(table.name);
  const requests = keys.map((k) => store.get(k));
  return settle(requests, () => requests.map((r) => r.result as T | undefined));
}

/**
 * Writes rows (inbound keys), as Table.bulkPut (add: as bulkAdd, failing on an existing key).
 * @example await putMany(tx, db.observations, rows);
 */
export function putMany<T, K = string>(tx: IDBTransaction, table: Table<T, K>, rows: readonly T[], mode: 'put' | 'add' = 'put'): Promise<void> {
  const memory = (table.db as Partial<StoreDb>).memory;
  // A write around the middleware would leave the memory copy saying what the table no longer holds.
  if (memory && Object.values(memory).some((cache) => cache.table === table.name))
    throw new Error(`${table.name} is kept in memory (record-cache.ts): write it through Dexie`);
  const store = tx.objectStore(table.name);
  const requests = mode === 'put' ? rows.map((r) => store.put(r)) : rows.map((r) => store.add(r));
  return settle(requests, () => undefined);
}

/**
 * Every row whose primary key is in `range` (one request), as a Dexie `between` read.
 * @example const parts = await getAllIn(tx, db.orderMonths, IDBKeyRange.bound([month, 0], [month, Infinity]));
 */
export function getAllIn<T, K>(tx: IDBTransaction, table: Table<T, K>, range: IDBKeyRange): Promise<T[]> {
  const request = tx.objectStore(table.name).getAll(range);
  return settle([request], () => request.result as T[]);
}

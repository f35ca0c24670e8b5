/**
 * A copy in memory of some records of one table, kept by a Dexie middleware (DBCore) under
 * every read and write of that table, so a re-plan reads the records it read or wrote a moment
 * ago without asking IndexedDB again. Used for the history digests (history-digest.ts): a
 * 250-row page's re-plan reads 1,000 of them, a request each, about 60 µs apiece in Chromium
 * whatever their size (store bench, 2026-12-06: 55-60 ms of its ~175 ms load), and the next
 * page of the same products reads the same ones again.
 *
 * Why it can never answer with something IndexedDB would not (the background is the store's
 * only writer, so every write passes through this middleware):
 * - Written records are dropped from the copy when the write is asked, and the written values
 *   enter it only when their transaction completes (an aborted write leaves nothing behind).
 * - Records read enter it only from read-only transactions, which see committed data, and only
 *   if no write to the table was asked between the read and its answer.
 * - A read-only transaction opened while a transaction that may write the table is open (it
 *   comes after that one in IndexedDB's order, so it must see its writes) is never answered from
 *   the copy; nor is a read-write one (it sees its own writes).
 * - Every answer is a structured clone, as IndexedDB's own: a caller changing what it read
 *   changes nothing else.
 * - A write the middleware cannot reduce to keys (a range delete, a clear, a modify by query)
 *   empties the copy.
 * The copy holds at most `capacity` records, the least recently used going first.
 */
import type { DBCore, DBCoreGetManyRequest, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

interface RecordCacheOptions {
  /** The table whose records are kept. */
  table: string;
  /** Which records (by primary key) are kept; the others pass through untouched. */
  keeps: (primaryKey: unknown) => boolean;
  /** How many records at most. */
  capacity: number;
}

/** What a cache has done since it was made (tests and the bench read it). */
interface RecordCacheStats {
  hits: number;
  misses: number;
  size: number;
}

/** The transaction as the IndexedDB adapter gives it to the middleware: an IDBTransaction. */
type Transaction = DBCoreTransaction & Partial<Pick<IDBTransaction, 'mode' | 'addEventListener'>>;

/** A write waiting for its transaction to complete: the record, or undefined for a deletion. */
type Pending = Map<string, unknown>;

/**
 * One cache: its middleware and its counters. Install the middleware on one Dexie instance
 * (each instance its own cache: `db.use(cache.middleware)` in the constructor).
 * @example const cache = new RecordCache({ table: 'dailyDemand', keeps: isHistoryDigestKey, capacity: 4000 }); db.use(cache.middleware);
 */
export class RecordCache {
  readonly middleware: Middleware<DBCore>;
  private readonly copy = new Map<string, unknown>();
  private readonly counts = { hits: 0, misses: 0 };
  /** Bumped on every write asked: a read answered after one does not fill the copy (belt and braces: its transaction's writes enter when it completes). */
  private writesAsked = 0;
  /** Open transactions that may write the table. */
  private openWriters = 0;
  /** Read-only transactions opened while no writer was open: only these are answered from the copy. */
  private readonly answerable = new WeakSet<object>();
  private readonly pending = new WeakMap<object, Pending | 'clear'>();

  constructor(private readonly options: RecordCacheOptions) {
    this.middleware = {
      stack: 'dbcore',
      name: `recordCache:${options.table}`,
      create: (down) => ({
        ...down,
        transaction: (stores, mode, txOptions) => {
          const trans = down.transaction(stores, mode, txOptions) as Transaction;
          if (stores.includes(options.table)) this.opened(trans, mode);
          return trans;
        },
        table: (name) => {
          const table = down.table(name);
          return name === options.table ? this.cachedTable(table) : table;
        },
      }),
    };
  }

  /** @example db.digestCache.stats().hits */
  stats(): RecordCacheStats {
    return { ...this.counts, size: this.copy.size };
  }

  private opened(trans: Transaction, mode: 'readonly' | 'readwrite') {
    if (mode === 'readwrite') this.watchWriter(trans);
    else if (this.openWriters === 0) this.answerable.add(trans);
  }

  private remember(key: string, value: unknown) {
    this.copy.delete(key);
    this.copy.set(key, value);
    if (this.copy.size > this.options.capacity) this.copy.delete(this.copy.keys().next().value!);
  }

  private cacheKey(primaryKey: unknown): string | undefined {
    return this.options.keeps(primaryKey) ? JSON.stringify(primaryKey) : undefined;
  }

  /** Counts a writer open until it ends, and puts its writes into the copy once it completes. */
  private watchWriter(trans: Transaction) {
    this.openWriters++;
    // Not an IDBTransaction: nothing tells when it ends, so the copy is never answered from again.
    if (typeof trans.addEventListener !== 'function') return;
    let ended = false;
    const end = (completed: boolean) => {
      if (ended) return;
      ended = true;
      this.openWriters--;
      const writes = this.pending.get(trans);
      if (completed && writes !== undefined) this.apply(writes);
    };
    // Not 'error': a failed request's error reaches the transaction, which goes on when the error is handled (Dexie's bulk writes); it ends in 'abort' when not.
    trans.addEventListener('complete', () => end(true));
    trans.addEventListener('abort', () => end(false));
  }

  private apply(writes: Pending | 'clear') {
    if (writes === 'clear') this.copy.clear();
    else
      for (const [key, value] of writes)
        if (value === undefined) this.copy.delete(key);
        else this.remember(key, value);
  }

  /**
   * Drops what a write touches from the copy now, and notes what enters it when its transaction
   * completes. Gives the copy's key of each operation of the request (undefined: not kept), or
   * undefined when the request emptied the copy.
   */
  private asked(table: DBCoreTable, req: DBCoreMutateRequest): (string | undefined)[] | undefined {
    this.writesAsked++;
    const writes = this.pending.get(req.trans) ?? new Map<string, unknown>();
    const keyed = writtenKeys(table, req);
    if (keyed === undefined) {
      this.copy.clear();
      this.pending.set(req.trans, 'clear');
      return undefined;
    }
    const keys = keyed.map(([primaryKey, value]) => {
      const key = this.cacheKey(primaryKey);
      if (key === undefined) return undefined;
      this.copy.delete(key);
      if (writes !== 'clear') writes.set(key, value === undefined ? undefined : structuredClone(value));
      return key;
    });
    if (writes !== 'clear') this.pending.set(req.trans, writes);
    return keys;
  }

  /** A write noted for when its transaction completes turns into a deletion (it failed). */
  private forget(trans: object, key: string | undefined) {
    const writes = this.pending.get(trans);
    if (key !== undefined && writes !== undefined && writes !== 'clear') writes.set(key, undefined);
  }

  private cachedTable(table: DBCoreTable): DBCoreTable {
    return {
      ...table,
      mutate: async (req) => {
        const keys = this.asked(table, req);
        try {
          const response = await table.mutate(req);
          // A write that failed wrote nothing: what it would have put does not enter the copy.
          for (const i of Object.keys(response.failures)) this.forget(req.trans, keys?.[Number(i)]);
          return response;
        } catch (error) {
          for (const key of keys ?? []) this.forget(req.trans, key);
          throw error;
        }
      },
      get: async (req) => (await this.getMany(table, { trans: req.trans, keys: [req.key] }))[0],
      getMany: (req) => this.getMany(table, req),
    };
  }

  private async getMany(table: DBCoreTable, req: DBCoreGetManyRequest): Promise<unknown[]> {
    const trans = req.trans as Transaction;
    const fromCopy = this.answerable.has(trans);
    const keys = req.keys.map((k) => this.cacheKey(k));
    const out: unknown[] = new Array(req.keys.length);
    const missing: number[] = [];
    keys.forEach((key, i) => {
      if (fromCopy && key !== undefined && this.copy.has(key)) {
        const value = this.copy.get(key);
        this.remember(key, value);
        out[i] = structuredClone(value);
        this.counts.hits++;
      } else missing.push(i);
    });
    if (missing.length === 0) return out;
    const before = this.writesAsked;
    const read = await table.getMany({ ...req, keys: missing.map((i) => req.keys[i]) });
    // Only committed data enters the copy: what a read-only transaction read, no write asked meanwhile.
    const fills = trans.mode === 'readonly' && this.writesAsked === before;
    missing.forEach((i, j) => {
      out[i] = read[j];
      const key = keys[i];
      if (key === undefined) return;
      this.counts.misses++;
      if (fills && read[j] !== undefined) this.remember(key, structuredClone(read[j]));
    });
    return out;
  }
}

/**
 * The primary keys a write touches, with the value written (undefined: deleted); undefined when
 * they cannot be told from the request (a range delete, a modify by query).
 */
function writtenKeys(table: DBCoreTable, req: DBCoreMutateRequest): [unknown, unknown][] | undefined {
  if (req.type === 'deleteRange') return undefined;
  if (req.type === 'delete') return req.criteria ? undefined : req.keys.map((k) => [k, undefined]);
  if (req.type === 'put' && (req.criteria || req.updates || req.changeSpec)) return undefined;
  const extract = table.schema.primaryKey.extractKey;
  return req.values.map((value, i) => [req.keys?.[i] ?? extract?.(value), value]);
}

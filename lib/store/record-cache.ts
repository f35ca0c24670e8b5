/**
 * A copy in memory of some records of one table, kept by a Dexie middleware (DBCore) under
 * every read and write of that table, so a re-plan reads the records it read or wrote a moment
 * ago without asking IndexedDB again (StoreDb.memory: history digests, recent day chunks,
 * search and shown chunks, the listings by product, the products, the settings rows). A 250-row page's re-plan reads 1,000 digests, a request each, about
 * 60 µs apiece in Chromium whatever their size, and ~380 day chunks (store bench, 2026-12-06:
 * together ~110 ms of its ~175 ms load); the next page of the same products reads the same ones.
 *
 * Why it can never answer with something IndexedDB would not (the background is the store's
 * only writer, so every write passes through this middleware):
 * - Written records are dropped from the copy when the write is asked, and the written values
 *   enter it only when their transaction completes (an aborted write leaves nothing behind).
 * - Records read enter it only when they are committed data: read by a read-only transaction
 *   with no write to the table asked between the read and its answer, or by a writer, of
 *   records it has not written itself (no other writer of the table runs beside it).
 * - A transaction opened while a transaction that may write the table is open (it comes after
 *   that one in IndexedDB's order, so it must see its writes) is never answered from the copy,
 *   and a writer never for records it wrote (they are its own, and may yet be undone).
 * - Every answer is a copy, as IndexedDB's own answers are (copyOf: strings shared, since they
 *   cannot change): a caller changing what it read changes nothing else.
 * - A write the middleware cannot reduce to keys (a range delete, a clear, a modify by query)
 *   empties the copy.
 * - A read by index value is answered only while every record its group lists is in the copy,
 *   and a group follows completed writes (index-groups.ts); after a write that failed in a
 *   transaction that went on, every group is forgotten.
 * - A read of the whole table (option `whole`) is answered only while no writer is open, from a
 *   copy a committed whole read filled, and not after an undone or failed write or an eviction.
 * The copy holds at most `capacity` records, the least recently used going first.
 */
import {
  Dexie,
  type DBCore,
  type DBCoreGetManyRequest,
  type DBCoreMutateRequest,
  type DBCoreQueryRequest,
  type DBCoreQueryResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { groupKeyOf, IndexGroups } from './index-groups';
import { copyOf, readsAllKeys, readsAllValues, readsIndexValue, writtenKeys } from './record-cache-requests';

interface RecordCacheOptions {
  /** The table whose records are kept. */
  table: string;
  /** Which records (by primary key) are kept; the others pass through untouched. */
  keeps: (primaryKey: unknown) => boolean;
  /** How many records at most. */
  capacity: number;
  /**
   * Also keeps every primary key of the table (string keys), so a read of all of them (a
   * Collection's primaryKeys() over the whole table, in key order) is answered from memory.
   */
  allKeys?: boolean;
  /**
   * Also answers a read of every record with one value of this index (`where(index).equals(v)`,
   * string primary keys) once a committed read of that value or of the whole table listed them
   * (index-groups.ts), following every write after it.
   */
  index?: string;
  /**
   * Every record of the table may be kept (keeps takes all, capacity holds them): once a read of
   * the whole table filled the copy, such reads are answered from memory (string primary keys).
   */
  whole?: boolean;
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
  /** Every primary key of the table (allKeys), when known; and the same in key order, once asked. */
  private keySet: Set<string> | undefined;
  private sortedKeys: string[] | undefined;
  /** Keys each writer adds (true) or deletes (false), applied when it completes; 'unknown' when a write cannot be told by its keys. */
  private readonly keyWrites = new WeakMap<object, Map<string, boolean> | 'unknown'>();
  /**
   * Complete groups of `options.index`, and the writers a write failed in (they went on): which
   * of the values written for a key it ends with is not known, so no group is known after them.
   */
  private readonly groups: IndexGroups | undefined;
  private readonly unsure = new WeakSet<object>();
  /**
   * The copy holds every record of the table: a committed read of the whole table filled it, and
   * since then records left it only by completed deletions (a write asked takes its record out
   * until it completes, so whole reads are answered only while no writer is open).
   */
  private whole = false;

  constructor(private readonly options: RecordCacheOptions) {
    this.groups = options.index === undefined ? undefined : new IndexGroups(options.index);
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

  /** The table whose records it keeps. */
  get table(): string {
    return this.options.table;
  }

  /** @example db.memory.digests.stats().hits */
  stats(): RecordCacheStats {
    return { ...this.counts, size: this.copy.size };
  }

  /**
   * How many of these records the copy holds now (a hint for choosing how to read them: whether
   * a read would be answered from memory still depends on its transaction). Does not count as use.
   * @example db.memory.digests.holds([[key, HISTORY_DIGEST_DATE]]) // 1 after the digest was read
   */
  holds(primaryKeys: readonly unknown[]): number {
    let held = 0;
    for (const primaryKey of primaryKeys) {
      const key = this.cacheKey(primaryKey);
      if (key !== undefined && this.copy.has(key)) held++;
    }
    return held;
  }

  private opened(trans: Transaction, mode: 'readonly' | 'readwrite') {
    // Opened while no other writer is open: the copy holds what IndexedDB will show it (it is ordered after every writer that ended).
    if (this.openWriters === 0) this.answerable.add(trans);
    if (mode === 'readwrite') this.watchWriter(trans);
  }

  private remember(key: string, value: unknown) {
    this.copy.delete(key);
    this.copy.set(key, value);
    if (this.copy.size <= this.options.capacity) return;
    const oldest = this.copy.keys().next().value!;
    this.copy.delete(oldest);
    this.whole = false;
    this.groups?.evicted(oldest);
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
      // Undone writes took their records out of the copy for nothing; a failed one may or may not have left its record.
      if ((!completed && writes !== undefined) || this.unsure.has(trans)) this.whole = false;
      if (completed && this.unsure.has(trans)) this.groups?.clear();
      if (completed && writes !== undefined) this.apply(writes);
      if (completed) this.applyKeys(this.keyWrites.get(trans));
    };
    // Not 'error': a failed request's error reaches the transaction, which goes on when the error is handled (Dexie's bulk writes); it ends in 'abort' when not.
    trans.addEventListener('complete', () => end(true));
    trans.addEventListener('abort', () => end(false));
  }

  private apply(writes: Pending | 'clear') {
    if (writes === 'clear') this.emptied();
    else
      for (const [key, value] of writes) {
        if (value === undefined) this.copy.delete(key);
        else this.remember(key, value);
        this.groups?.wrote(key, value);
      }
  }

  private emptied() {
    this.whole = false;
    this.copy.clear();
    this.groups?.clear();
  }

  private applyKeys(writes: Map<string, boolean> | 'unknown' | undefined) {
    if (writes === undefined) return;
    this.sortedKeys = undefined;
    if (writes === 'unknown') this.keySet = undefined;
    else if (this.keySet)
      for (const [key, present] of writes) {
        if (present) this.keySet.add(key);
        else this.keySet.delete(key);
      }
  }

  /** Notes which keys a write adds or deletes (allKeys). */
  private askedKeys(trans: object, keyed: [unknown, unknown][] | undefined) {
    const writes = this.keyWrites.get(trans) ?? new Map<string, boolean>();
    if (keyed === undefined || writes === 'unknown' || keyed.some(([key]) => typeof key !== 'string')) this.keyWrites.set(trans, 'unknown');
    else {
      for (const [key, value] of keyed) writes.set(key as string, value !== undefined);
      this.keyWrites.set(trans, writes);
    }
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
    if (this.options.allKeys) this.askedKeys(req.trans, keyed);
    if (keyed === undefined) {
      this.emptied();
      this.pending.set(req.trans, 'clear');
      return undefined;
    }
    const keys = keyed.map(([primaryKey, value]) => {
      const key = this.cacheKey(primaryKey);
      if (key === undefined) return undefined;
      this.copy.delete(key);
      if (writes !== 'clear') writes.set(key, value === undefined ? undefined : copyOf(value));
      return key;
    });
    if (writes !== 'clear') this.pending.set(req.trans, writes);
    return keys;
  }

  /** Whether a transaction wrote a record (or cleared the table): that record is its own, and may yet be undone, so it is neither answered from nor put into the copy. */
  private written(trans: object, key: string): boolean {
    const writes = this.pending.get(trans);
    return writes === 'clear' || writes?.has(key) === true;
  }

  /** A write noted for when its transaction completes turns into a deletion (it failed). */
  private forget(trans: object, key: string | undefined) {
    // A failed write may have left its key or not: the set of keys is not known any more.
    if (this.options.allKeys) this.keyWrites.set(trans, 'unknown');
    this.unsure.add(trans);
    const writes = this.pending.get(trans);
    if (key !== undefined && writes !== undefined && writes !== 'clear') writes.set(key, undefined);
  }

  /**
   * The table with the copy under it. Its methods give Dexie's own promises (Dexie.Promise),
   * never an async function's: Dexie follows its transaction through them, and code awaiting a
   * native promise inside a transaction may go on outside it (a merge then committed too early).
   */
  private cachedTable(table: DBCoreTable): DBCoreTable {
    return {
      ...table,
      mutate: (req) => {
        const keys = this.asked(table, req);
        return table.mutate(req).then(
          (response) => {
            // A write that failed wrote nothing: what it would have put does not enter the copy.
            for (const i of Object.keys(response.failures)) this.forget(req.trans, keys?.[Number(i)]);
            return response;
          },
          (error: unknown) => {
            for (const key of keys ?? []) this.forget(req.trans, key);
            throw error;
          },
        );
      },
      get: (req) => this.getMany(table, { trans: req.trans, keys: [req.key] }).then((values) => values[0]),
      query: (req) => {
        if (this.options.allKeys && readsAllKeys(req)) return this.allKeys(table, req);
        if (this.groups && readsIndexValue(req, this.groups.index)) return this.indexValue(table, req);
        if ((this.options.whole || this.groups) && readsAllValues(req)) return this.allValues(table, req);
        return table.query(req);
      },
      getMany: (req) => this.getMany(table, req),
    };
  }

  /** Every primary key, in key order: from memory when known and the transaction may be answered from it, else read (and kept when committed). */
  private allKeys(table: DBCoreTable, req: DBCoreQueryRequest): Promise<DBCoreQueryResponse> {
    const trans = req.trans as Transaction;
    const own = () => this.keyWrites.has(trans);
    if (this.keySet && this.answerable.has(trans) && !own()) {
      this.counts.hits++;
      this.sortedKeys ??= [...this.keySet].sort();
      return Dexie.Promise.resolve({ result: this.sortedKeys.slice() });
    }
    const before = this.writesAsked;
    return table.query(req).then((response) => {
      this.counts.misses++;
      const committed = trans.mode === 'readonly' ? this.writesAsked === before : this.answerable.has(trans) && !own();
      if (committed && response.result.every((key) => typeof key === 'string')) {
        this.keySet = new Set(response.result as string[]);
        this.sortedKeys = (response.result as string[]).slice();
      }
      return response;
    });
  }

  /**
   * Every record with one index value, in primary key order: from memory when its group is known,
   * every member is in the copy and the transaction may be answered from it (and has written
   * nothing to the table), else read, and kept as the group when committed.
   */
  private indexValue(table: DBCoreTable, req: DBCoreQueryRequest): Promise<DBCoreQueryResponse> {
    const trans = req.trans as Transaction;
    const group = groupKeyOf(req.query.range.lower);
    const members = group === undefined ? undefined : this.groups!.members(group);
    const own = this.pending.has(trans);
    if (members && this.answerable.has(trans) && !own && [...members].every((key) => this.copy.has(key))) {
      this.counts.hits++;
      return Dexie.Promise.resolve({
        result: inKeyOrder(members).map((key) => {
          const value = this.copy.get(key);
          this.remember(key, value);
          return copyOf(value);
        }),
      });
    }
    const before = this.writesAsked;
    return table.query(req).then((response) => {
      this.counts.misses++;
      const records = group !== undefined && this.commits(trans, before, own) ? this.keptRecords(table, response.result) : undefined;
      if (records)
        this.groups!.know(
          group!,
          records.map(([key]) => key),
        );
      return response;
    });
  }

  /**
   * A read of the whole table, in key order: from memory while the copy holds every record (and
   * no writer is open), else read, its records entering the copy (when it can hold them all, with
   * string keys) and making every group.
   */
  private allValues(table: DBCoreTable, req: DBCoreQueryRequest): Promise<DBCoreQueryResponse> {
    const trans = req.trans as Transaction;
    const own = this.pending.has(trans);
    if (this.whole && this.openWriters === 0 && this.answerable.has(trans) && !own) {
      this.counts.hits++;
      return Dexie.Promise.resolve({ result: inKeyOrder(this.copy.keys()).map((key) => copyOf(this.copy.get(key))) });
    }
    const before = this.writesAsked;
    return table.query(req).then((response) => {
      this.counts.misses++;
      const records = this.commits(trans, before, own) ? this.keptRecords(table, response.result) : undefined;
      if (records) this.groups?.knowAll(records);
      // Every record of the table is now in the copy (keptRecords put each; the copy holds only this table's, so none went out).
      if (records && this.options.whole) this.whole = true;
      return response;
    });
  }

  /** Whether what a read answered is committed data: read-only with no write asked meanwhile, or a writer the copy answers that had written nothing to the table. */
  private commits(trans: Transaction, writesBefore: number, ownWritesBefore: boolean): boolean {
    if (trans.mode === 'readonly') return this.writesAsked === writesBefore;
    return trans.mode === 'readwrite' && this.answerable.has(trans) && !ownWritesBefore;
  }

  /** Records read, each put in the copy under its key; undefined (none put) when a key is not a kept string or they are more than the copy holds. */
  private keptRecords(table: DBCoreTable, values: readonly unknown[]): [string, unknown][] | undefined {
    const extract = table.schema.primaryKey.extractKey;
    if (!extract || values.length > this.options.capacity) return undefined;
    const keys = values.map((value) => extract(value) as unknown);
    if (!keys.every((key) => typeof key === 'string' && this.options.keeps(key))) return undefined;
    return values.map((value, i) => {
      const key = JSON.stringify(keys[i]);
      this.remember(key, copyOf(value));
      return [key, value];
    });
  }

  private getMany(table: DBCoreTable, req: DBCoreGetManyRequest): Promise<unknown[]> {
    const trans = req.trans as Transaction;
    const fromCopy = this.answerable.has(trans);
    const keys = req.keys.map((k) => this.cacheKey(k));
    const out: unknown[] = new Array(req.keys.length);
    const missing: number[] = [];
    keys.forEach((key, i) => {
      if (fromCopy && key !== undefined && !this.written(trans, key) && this.copy.has(key)) {
        const value = this.copy.get(key);
        this.remember(key, value);
        out[i] = copyOf(value);
        this.counts.hits++;
      } else missing.push(i);
    });
    if (missing.length === 0) return Dexie.Promise.resolve(out);
    const before = this.writesAsked;
    return table.getMany({ ...req, keys: missing.map((i) => req.keys[i]) }).then((read) => this.filled(trans, before, keys, missing, read, out));
  }

  /** The answer of a read whose `missing` keys IndexedDB gave (`read`), and what of them enters the copy. */
  private filled(trans: Transaction, before: number, keys: (string | undefined)[], missing: number[], read: unknown[], out: unknown[]): unknown[] {
    // Only committed data enters the copy: what a read-only transaction read with no write asked meanwhile, or what a
    // writer the copy answers read of records it has not written (no other writer runs beside it).
    const readOnly = trans.mode === 'readonly' && this.writesAsked === before;
    const fills = readOnly || (trans.mode === 'readwrite' && this.answerable.has(trans));
    missing.forEach((i, j) => {
      out[i] = read[j];
      const key = keys[i];
      if (key === undefined) return;
      this.counts.misses++;
      if (fills && read[j] !== undefined && (readOnly || !this.written(trans, key))) this.remember(key, copyOf(read[j]));
    });
    return out;
  }
}

/**
 * Copy keys (JSON of string primary keys) in the order of the keys themselves, as IndexedDB gives records.
 * @example inKeyOrder(['"b"', '"a"']) // ['"a"', '"b"']
 */
function inKeyOrder(copyKeys: Iterable<string>): string[] {
  return [...copyKeys]
    .map((key) => [JSON.parse(key) as string, key] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, key]) => key);
}

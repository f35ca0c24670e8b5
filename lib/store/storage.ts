/**
 * How much the store holds, for the options page's storage section.
 */
import type { Table } from 'dexie';
import { allTables, TABLE_NAMES, type StoreDb, type TableName } from './db';
import { orderLinesOf } from './tables/orderChunks';
import { chunkRowsOf } from './tables/observationChunks';

export interface StorageEstimate {
  tables: Record<TableName, { rows: number; approxBytes: number }>;
  totalRows: number;
  /** Sum of the tables' estimates: JSON size of a sample of rows times the row count. */
  approxBytes: number;
  /** The browser's own figures for the whole extension origin, when it offers them. */
  browser?: { usage?: number; quota?: number };
}

const SAMPLE = 50;

/**
 * Row counts per table and an approximate size (sampled, so it stays fast at a million rows).
 * @example (await storageEstimate(db)).tables.observations.rows
 */
export async function storageEstimate(db: StoreDb): Promise<StorageEstimate> {
  const entries = await db.transaction('r', allTables(db), () =>
    Promise.all(
      TABLE_NAMES.map(async (name) => {
        const [rows, sample] = await countAndSample(db, name);
        const sampleBytes = sample.reduce((sum: number, r) => sum + utf8Length(JSON.stringify(r)), 0);
        const approxBytes = sample.length ? Math.round((sampleBytes / sample.length) * rows) : 0;
        return [name, { rows, approxBytes }] as const;
      }),
    ),
  );
  const tables = Object.fromEntries(entries) as StorageEstimate['tables'];
  const estimate: StorageEstimate = {
    tables,
    totalRows: entries.reduce((s, [, t]) => s + t.rows, 0),
    approxBytes: entries.reduce((s, [, t]) => s + t.approxBytes, 0),
  };
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<{ usage?: number; quota?: number }> } } }).navigator?.storage;
  if (storage?.estimate) {
    try {
      const { usage, quota } = await storage.estimate();
      estimate.browser = { usage, quota };
    } catch {
      // Not offered in this context: the table estimate stands alone.
    }
  }
  return estimate;
}

/**
 * A logical table's row count and a sample of its rows. Listings and the history are stored
 * in chunks (schema v4; order lines since v5): listings are counted on their indexed table; readings are counted
 * exactly when their records are few, else estimated from sampled records (reading a million
 * readings to count them would stall the options page).
 */
async function countAndSample(db: StoreDb, name: TableName): Promise<[number, unknown[]]> {
  if (name === 'listings') {
    const [rows, chunks] = await Promise.all([db.listings.count(), db.listingChunks.limit(4).toArray()]);
    return [rows, chunks.flatMap((c) => c.rows).slice(0, SAMPLE)];
  }
  if (name === 'observations') {
    const [chunks, histories] = await Promise.all([
      sampleRecords(db.observationChunks, (c) => chunkRowsOf(c)),
      sampleRecords(db.listingHistory, (c) => c.rows),
    ]);
    return [chunks.rows + histories.rows, [...chunks.sample, ...histories.sample].slice(0, SAMPLE)];
  }
  if (name === 'orders') {
    // Order lines are stored one record per marketplace day (schema v5), estimated the same way.
    const lines = await sampleRecords(db.orderChunks, orderLinesOf);
    return [lines.rows, lines.sample];
  }
  const table = db.table(name);
  return Promise.all([table.count(), table.limit(SAMPLE).toArray()]);
}

/** History records read from each end of a table when estimating its row count. */
const SAMPLE_CHUNKS = 20;

/**
 * Readings held by a table of records that each hold several (`rows`): exact when the records
 * are few, else estimated from records sampled at both ends.
 */
async function sampleRecords<T>(table: Table<T, string>, rowsOf: (record: T) => unknown[]): Promise<{ rows: number; sample: unknown[] }> {
  const [count, first] = await Promise.all([table.count(), table.limit(SAMPLE_CHUNKS).toArray()]);
  const last = count > SAMPLE_CHUNKS ? await table.reverse().limit(SAMPLE_CHUNKS).toArray() : [];
  const sampled = [...first, ...last];
  const inSample = sampled.reduce((n, c) => n + rowsOf(c).length, 0);
  const rows = count <= SAMPLE_CHUNKS ? inSample : Math.round((inSample / sampled.length) * count);
  return { rows, sample: sampled.flatMap(rowsOf).slice(0, SAMPLE) };
}

/** @example utf8Length('é') // 2 */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

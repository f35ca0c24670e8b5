/**
 * Writing a backup (format 2, backup-format.ts) a few lines at a time, so that no message and
 * no string holds the whole store: the options page asks for the next lines until done and
 * adds them to a Blob.
 *
 * What one backup sees: products and listings are read together in one transaction when it
 * begins (a listing always finds its product in the file); every other table is read a page
 * at a time in key order, and the readings one listing group at a time (the day chunks and the
 * history records of a group in one transaction, so a fold running meanwhile neither loses nor
 * repeats a reading). Rows written while a backup runs may or may not be in it, as if they came
 * just before or just after.
 */
import { TABLE_NAMES, type StoreDb, type TableName } from './db';
import { BACKUP_MESSAGE_BYTES, chunkLines, CHUNK_ROWS } from '../messaging/protocol-backup';
import { checksumTextOf, headerLine, RESTORE_MARKER_ID, rowKeyOf, TableChecksum, type BackupTableSummary } from './backup-format';
import { groupOf, STORE_GROUPS } from './groups';
import { canonicalJson } from './hash';
import { readAllListings } from './listing-store';
import { countOrderLines, orderLinePages } from './order-store';
import { CURRENT_SCHEMA_VERSION } from './schema';
import type { ObservationRow } from './tables/observations';
import { isDemandCacheRow, isHistoryDigestRecord } from './tables/dailyDemand';
import { chunkRowsOf } from './tables/observationChunks';

/** Tables read a page at a time by primary key. */
type PagedTable = Exclude<TableName, 'products' | 'listings' | 'observations' | 'orders'>;

/** One batch of rows of a table, as read. */
interface RowBatch {
  table: TableName;
  rows: readonly object[];
}

/** What `next` answers (the `backup/next` response). */
interface BackupPart {
  lines: string[];
  /** Batches read so far (of `steps`, an estimate made at the start). */
  step: number;
  /** Rows written so far. */
  rows: number;
  done: boolean;
  /** The file's first line, once done. */
  header?: string;
}

/** A backup being written. */
export interface BackupCursor {
  /** About how many batches the backup reads (for a progress bar; never less than 1). */
  readonly steps: number;
  /** The next lines, about BACKUP_MESSAGE_BYTES / 2 of them; then `done` with the header. */
  next(): Promise<BackupPart>;
}

/**
 * The readings of one listing group: its day chunks and its listings' history records, read
 * in one transaction; a reading stored twice (see observation-store.ts) once, with its latest
 * lastSeenAt. In id order.
 * @example (await readGroupObservations(db, 7)).every((r) => groupOf(r.listingKey) === 7) // true
 */
async function readGroupObservations(db: StoreDb, group: number): Promise<ObservationRow[]> {
  const [histories, chunks] = await db.transaction('r', [db.listingHistory, db.observationChunks], async () => {
    const keys = ((await db.listingHistory.toCollection().primaryKeys()) as string[]).filter((k) => groupOf(k) === group);
    return Promise.all([
      db.listingHistory.bulkGet(keys),
      db.observationChunks.where('[group+date]').between([group, ''], [group, '\uffff'], true, true).toArray(),
    ]);
  });
  const byId = new Map<string, ObservationRow>();
  const add = (r: ObservationRow) => {
    const had = byId.get(r.id);
    if (!had || had.lastSeenAt < r.lastSeenAt) byId.set(r.id, r);
  };
  for (const h of histories) for (const r of h?.rows ?? []) add(r);
  for (const c of chunks) for (const r of chunkRowsOf(c)) add(r);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The next page of a table after `after` (a primary key; undefined = from the start).
 * @example const page = await readPage(db, 'orders', undefined);
 */
async function readPage(db: StoreDb, table: PagedTable, after: unknown): Promise<Record<string, unknown>[]> {
  const t = db.table(table);
  const rows = (await (after === undefined ? t.orderBy(':id') : t.where(':id').above(after)).limit(CHUNK_ROWS).toArray()) as Record<string, unknown>[];
  return table === 'settings' ? rows.filter((r) => r.id !== RESTORE_MARKER_ID) : rows;
}

/**
 * Every batch of a backup, in file order: products and listings from the snapshot taken at the
 * start, then the other tables page by page, the readings group by group.
 */
async function* batchesOf(db: StoreDb, snapshot: { products: object[]; listings: object[] }): AsyncGenerator<RowBatch> {
  for (const table of TABLE_NAMES) {
    if (table === 'products' || table === 'listings') {
      const rows = snapshot[table];
      for (let i = 0; i < rows.length; i += CHUNK_ROWS) yield { table, rows: rows.slice(i, i + CHUNK_ROWS) };
      snapshot[table] = [];
    } else if (table === 'observations') {
      for (let g = 0; g < STORE_GROUPS; g++) yield { table, rows: await readGroupObservations(db, g) };
    } else if (table === 'orders') {
      // Day chunk by day chunk (the checker takes order lines in any order, refusing a repeated key).
      for await (const lines of orderLinePages(db)) {
        for (let i = 0; i < lines.length; i += CHUNK_ROWS) yield { table, rows: lines.slice(i, i + CHUNK_ROWS) };
      }
    } else {
      let after: unknown;
      for (;;) {
        const page = await readPage(db, table, after);
        if (page.length === 0) break;
        // The demand cache and history digests are derived (rebuilt by the next re-plan, and with the history on restore): backups leave them out.
        const rows = table === 'dailyDemand' ? page.filter((r) => !isDemandCacheRow(r) && !isHistoryDigestRecord(r)) : page;
        if (rows.length > 0) yield { table, rows };
        after = rowKeyOf(table, page[page.length - 1]!);
        if (page.length < CHUNK_ROWS && table !== 'settings') break;
      }
    }
  }
}

/**
 * Starts a backup: reads products and listings (one transaction) and counts the other tables
 * for the progress estimate.
 * @example const cursor = await openBackupCursor(db, new Date()); for (;;) { const part = await cursor.next(); … if (part.done) break; }
 */
export async function openBackupCursor(db: StoreDb, now: Date): Promise<BackupCursor> {
  const snapshot = await db.transaction('r', [db.products, db.listingChunks], async () => ({
    products: await db.products.orderBy(':id').toArray(),
    listings: await readAllListings(db),
  }));
  const paged = TABLE_NAMES.filter((t): t is PagedTable => t !== 'products' && t !== 'listings' && t !== 'observations' && t !== 'orders');
  const counts = await Promise.all([...paged.map((t) => db.table(t).count()), countOrderLines(db)]);
  const steps =
    Math.ceil(snapshot.products.length / CHUNK_ROWS) +
    Math.ceil(snapshot.listings.length / CHUNK_ROWS) +
    STORE_GROUPS +
    counts.reduce((n, c) => n + Math.ceil(c / CHUNK_ROWS), 0);
  const batches = batchesOf(db, snapshot);
  const sums = new Map(TABLE_NAMES.map((t) => [t, { rows: 0, checksum: new TableChecksum() }]));
  let step = 0;
  let rows = 0;
  return {
    steps: Math.max(1, steps),
    async next() {
      const lines: string[] = [];
      let size = 0;
      while (size < BACKUP_MESSAGE_BYTES / 2) {
        const batch = await batches.next();
        if (batch.done) {
          const tables = Object.fromEntries([...sums].map(([t, s]) => [t, { rows: s.rows, checksum: s.checksum.value() }])) as BackupTableSummary;
          return { lines, step, rows, done: true, header: headerLine(tables, CURRENT_SCHEMA_VERSION, now) };
        }
        step++;
        const sum = sums.get(batch.value.table)!;
        const texts = batch.value.rows.map((r) => canonicalJson(r));
        for (const text of texts) sum.checksum.add(checksumTextOf(text));
        sum.rows += texts.length;
        rows += texts.length;
        for (const line of chunkLines(batch.value.table, texts)) {
          lines.push(line);
          size += line.length;
        }
      }
      return { lines, step, rows, done: false };
    },
  };
}

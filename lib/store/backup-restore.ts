/**
 * Restoring a backup of any size, in two passes over the file (the options page reads it
 * twice, a few lines per message):
 *
 * 1. check: every line is parsed and checked (backup-format.ts BackupChecker: schemas, key
 *    order, counts and checksums of the header, listings' products). Nothing is kept but the
 *    checker's sums and a fingerprint per line; nothing in the store changes, so a damaged,
 *    truncated or foreign file is refused with the data untouched.
 * 2. replace: only then is the store cleared, in one transaction that also writes a marker row
 *    (RESTORE_MARKER_ID in `settings`); then each line is checked again and required to be the
 *    line the first pass saw. Listings and readings are stored several lines at a time (see
 *    RestoreHolding): a listing's readings fill one history record and a group's listings one
 *    listing chunk, so storing them line by line rewrote such a record once per line that
 *    touched it (a group's readings span lines). Other tables are written a line per
 *    transaction. The last step stores what is still held, rebuilds the plans shown on
 *    listings and removes the marker.
 *
 * Quota errors pass through as the browser raised them (the background tells the seller).
 * If the browser closes (or the worker stops, or the disk fills) during pass 2, the store
 * holds the rows stored so far and the marker: the options page says the restore did not
 * finish and that restoring the same file again (or deleting all data) fixes it. Restoring
 * again is safe: pass 2 starts by clearing. Pages read during pass 2 are merged as usual; rows
 * of the backup with the same keys then replace them.
 */
import { BackupChecker, BackupError, lineFingerprint, RESTORE_MARKER_ID, type CheckedChunk } from './backup-format';
import { searchTables, allTables, type StoreDb, type TableName } from './db';
import { groupOf } from './groups';
import { writeListings } from './listing-store';
import { foldCutoff, putObservations } from './observation-store';
import { putOrderLines } from './order-store';
import { refreshListingPlans } from './plans';
import { withPoolIndex, type PlanRow } from './tables/plans';
import { linkKeysOf, type ListingRow } from './tables/listings';
import type { ObservationRow } from './tables/observations';
import type { OrderRow } from './tables/orders';

/**
 * How many checked rows a restore holds before storing them (tests lower them). Readings:
 * whole listing groups (backups list readings group by group) until at least `readingsBatch`,
 * so each group's history records and day chunks are written once (a group of a store of
 * 1,000,000 readings holds about 8,000); at most `readingsMax` (heap bound: a larger group is
 * stored in parts, its records then written once per part). Listings: at most `listingsMax`
 * (they come in key order, not by group): a backup of up to that many listings writes each
 * listing chunk once. Order lines: at most `ordersMax` (they live in day chunks,
 * tables/orderChunks.ts; a backup lists them day by day, one from before schema v5 in key order),
 * so each day chunk is written once per that many.
 */
interface RestoreHolding {
  readingsBatch: number;
  readingsMax: number;
  listingsMax: number;
  ordersMax: number;
  /** Listings whose shown plan is rebuilt per transaction at the end: whole listing groups, at least this many. */
  refreshBatch: number;
}
const HOLDING: RestoreHolding = { readingsBatch: 10_000, readingsMax: 50_000, listingsMax: 20_000, ordersMax: 100_000, refreshBatch: 1_000 };

/** Checked rows of the tables that fill shared records, not yet stored. */
interface PendingRows {
  table: 'listings' | 'observations' | 'orders';
  rows: Record<string, unknown>[];
}

/** What the marker row holds: when the store was cleared, and how many rows were to come. */
interface InterruptedRestore {
  startedAt: string;
  rows: number;
}

/**
 * A restore in progress (one per file): `check` every line, `replace`, `write` every line
 * again, `finish`.
 * @example const r = new RestoreSession(headerLine); r.check(lines); await r.replace(db, now); await r.write(db, lines, now); await r.finish(db);
 */
export class RestoreSession {
  private readonly first: BackupChecker;
  private second: BackupChecker | undefined;
  private readonly fingerprints: string[] = [];
  private written = 0;
  private expected: Record<TableName, number> | undefined;
  private pending: PendingRows | undefined;
  /** When the last lines came (readings of days before its fold cutoff go to history records). */
  private writtenAt = new Date();

  constructor(
    private readonly headerText: string,
    private readonly holding: RestoreHolding = HOLDING,
  ) {
    this.first = new BackupChecker(headerText);
  }

  /** Rows the file holds, when its header says. */
  get totalRows(): number | null {
    return this.first.totalRows;
  }

  /** Pass 1: checks lines in file order; returns rows checked so far. */
  check(lines: readonly string[]): number {
    if (this.second) throw new BackupError('session-lost', 'the check is over');
    for (const line of lines) {
      this.first.check(line);
      this.fingerprints.push(lineFingerprint(line));
    }
    return this.first.rowsChecked;
  }

  /** After the whole file checked out: clears the store and marks it as being restored. */
  async replace(db: StoreDb, now: Date): Promise<Record<TableName, number>> {
    this.expected ??= this.first.finish();
    const rows = Object.values(this.expected).reduce((n, c) => n + c, 0);
    const marker: InterruptedRestore = { startedAt: now.toISOString(), rows };
    await db.transaction('rw', [...allTables(db), ...searchTables(db)], async () => {
      await Promise.all([...allTables(db), ...searchTables(db)].map((t) => t.clear()));
      await db.table('settings').put({ id: RESTORE_MARKER_ID, value: marker, updatedAt: now.toISOString() });
    });
    this.second = new BackupChecker(this.headerText);
    this.written = 0;
    this.pending = undefined;
    return this.expected;
  }

  /** Pass 2: checks and stores lines in file order (listings and readings held until later, see RestoreHolding); returns rows checked so far. */
  async write(db: StoreDb, lines: readonly string[], now: Date): Promise<number> {
    if (!this.second) throw new BackupError('session-lost', 'the store was not cleared');
    this.writtenAt = now;
    for (const line of lines) {
      const index = this.written;
      if (this.fingerprints[index] !== lineFingerprint(line)) throw new BackupError('file-changed', `line ${index + 2}`);
      await this.stage(db, this.second.check(line));
      this.written++;
    }
    return this.second.rowsChecked;
  }

  /** Holds a chunk's listings or readings (storing what is due), or stores its rows now. */
  private async stage(db: StoreDb, chunk: CheckedChunk): Promise<void> {
    if (this.pending && this.pending.table !== chunk.table) await this.flush(db);
    if (chunk.table !== 'listings' && chunk.table !== 'observations' && chunk.table !== 'orders') return writeChunk(db, chunk, this.writtenAt);
    for (const row of chunk.rows) {
      if (this.pending && flushDue(this.pending, row, this.holding)) await this.flush(db);
      (this.pending ??= { table: chunk.table, rows: [] }).rows.push(row);
    }
  }

  /** Stores the rows held, in one transaction. */
  private async flush(db: StoreDb): Promise<void> {
    const held = this.pending;
    this.pending = undefined;
    if (held) await writeChunk(db, held, this.writtenAt);
  }

  /** Every line written: checks the second pass is complete, rebuilds listings' plans, removes the marker. */
  async finish(db: StoreDb): Promise<Record<TableName, number>> {
    if (!this.second || this.written !== this.fingerprints.length)
      throw new BackupError('truncated', `${this.written} of ${this.fingerprints.length} lines written`);
    const counts = this.second.finish();
    await this.flush(db);
    const keys = (await db.listings.toCollection().primaryKeys()) as string[];
    for (const batch of batchesByGroup(keys, this.holding.refreshBatch)) {
      await db.transaction('rw', [db.listings, db.listingChunks, ...searchTables(db), db.plans], async () => {
        await refreshListingPlans(db, batch);
      });
    }
    await db.settings.delete(RESTORE_MARKER_ID);
    return counts;
  }
}

/** Whether the rows held are stored before `next` joins them (see RestoreHolding); readings only between listing groups, unless at the maximum. */
function flushDue(held: PendingRows, next: Record<string, unknown>, holding: RestoreHolding): boolean {
  const count = held.rows.length;
  if (count === 0) return false;
  if (held.table === 'listings') return count >= holding.listingsMax;
  if (held.table === 'orders') return count >= holding.ordersMax;
  if (count >= holding.readingsMax) return true;
  return count >= holding.readingsBatch && groupOf(next.listingKey as string) !== groupOf(held.rows[count - 1]!.listingKey as string);
}

/**
 * Listing keys in batches of whole listing groups, at least `size` keys each (the last may be
 * fewer): a batch rewrites only its groups' listing and search chunks, so each is written
 * once, where batches in key order rewrote every chunk per batch.
 * @example batchesByGroup(keys, 1_000).flat().length === keys.length // true
 */
function batchesByGroup(keys: readonly string[], size: number): string[][] {
  const byGroup = new Map<number, string[]>();
  for (const key of keys) {
    const group = groupOf(key);
    (byGroup.get(group) ?? byGroup.set(group, []).get(group)!).push(key);
  }
  const batches: string[][] = [];
  const batch: string[] = [];
  for (const group of [...byGroup.keys()].sort((a, b) => a - b)) {
    batch.push(...byGroup.get(group)!);
    if (batch.length >= size) batches.push(batch.splice(0));
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Writes checked rows of one table in one transaction. Listings get their link keys again
 * (backups of older versions may lack or carry older ones; their plan fields are dropped);
 * readings go to day chunks or history records by their day; order lines to day chunks.
 * @example await writeChunk(db, { table: 'products', rows }, new Date())
 */
async function writeChunk(db: StoreDb, chunk: CheckedChunk, now: Date): Promise<void> {
  if (chunk.rows.length === 0) return;
  if (chunk.table === 'listings') {
    // Without a plan until the last line is written (restoreComplete re-copies every listing's plan).
    const rows = (chunk.rows as ListingRow[]).map((r) => ({ ...r, linkKeys: linkKeysOf(r) }));
    await db.transaction('rw', [db.listings, db.listingChunks, ...searchTables(db)], async () => {
      await writeListings(db, rows);
    });
  } else if (chunk.table === 'observations') {
    await db.transaction('rw', [db.observationChunks, db.listingHistory, db.dailyDemand], async () => {
      await putObservations(db, chunk.rows as ObservationRow[], foldCutoff(now));
    });
  } else if (chunk.table === 'orders') {
    await putOrderLines(db, chunk.rows as OrderRow[]);
  } else if (chunk.table === 'plans') {
    // A backup from before schema v8 has no poolListingKeys: without them a pool plan is found by no listing.
    await db.plans.bulkPut((chunk.rows as PlanRow[]).map(withPoolIndex));
  } else {
    await db.table(chunk.table).bulkPut(chunk.rows);
  }
}

/**
 * The marker of a restore that was cut off after the store was cleared, or null.
 * @example (await interruptedRestore(db))?.startedAt
 */
export async function interruptedRestore(db: StoreDb): Promise<InterruptedRestore | null> {
  const row = await db.table('settings').get(RESTORE_MARKER_ID);
  const value = row?.value as Partial<InterruptedRestore> | undefined;
  return value && typeof value.startedAt === 'string' ? { startedAt: value.startedAt, rows: Number(value.rows) || 0 } : null;
}

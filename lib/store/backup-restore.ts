/**
 * Restoring a backup of any size, in two passes over the file (the options page reads it
 * twice, a few lines per message):
 *
 * 1. check: every line is parsed and checked (backup-format.ts BackupChecker: schemas, key
 *    order, counts and checksums of the header, listings' products). Nothing is kept but the
 *    checker's sums and a fingerprint per line; nothing in the store changes, so a damaged,
 *    truncated or foreign file is refused with the data untouched.
 * 2. replace: only then is the store cleared, in one transaction that also writes a marker row
 *    (RESTORE_MARKER_ID in `settings`); then each line, checked again and required to be the
 *    line the first pass saw, is written in its own transaction; the last step rebuilds the
 *    plans shown on listings and removes the marker.
 *
 * Quota errors pass through as the browser raised them (the background tells the seller).
 * If the browser closes (or the worker stops, or the disk fills) during pass 2, the store
 * holds the lines written so far and the marker: the options page says the restore did not
 * finish and that restoring the same file again (or deleting all data) fixes it. Restoring
 * again is safe: pass 2 starts by clearing. Pages read during pass 2 are merged as usual; rows
 * of the backup with the same keys then replace them.
 */
import { BackupChecker, BackupError, lineFingerprint, RESTORE_MARKER_ID, type CheckedChunk } from './backup-format';
import { allTables, type StoreDb, type TableName } from './db';
import { writeListings } from './listing-store';
import { foldCutoff, putObservations } from './observation-store';
import { refreshListingPlans } from './plans';
import { linkKeysOf, urgencyOf, type ListingRow } from './tables/listings';
import type { ObservationRow } from './tables/observations';

/** Listings whose shown plan is rebuilt per transaction at the end. */
const REFRESH_BATCH = 1_000;

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

  constructor(private readonly headerText: string) {
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
    await db.transaction('rw', [...allTables(db), db.searchChunks], async () => {
      await Promise.all([...allTables(db), db.searchChunks].map((t) => t.clear()));
      await db.table('settings').put({ id: RESTORE_MARKER_ID, value: marker, updatedAt: now.toISOString() });
    });
    this.second = new BackupChecker(this.headerText);
    this.written = 0;
    return this.expected;
  }

  /** Pass 2: checks and stores lines in file order; returns rows written so far. */
  async write(db: StoreDb, lines: readonly string[], now: Date): Promise<number> {
    if (!this.second) throw new BackupError('session-lost', 'the store was not cleared');
    for (const line of lines) {
      const index = this.written;
      if (this.fingerprints[index] !== lineFingerprint(line)) throw new BackupError('file-changed', `line ${index + 2}`);
      const chunk = this.second.check(line);
      await writeChunk(db, chunk, now);
      this.written++;
    }
    return this.second.rowsChecked;
  }

  /** Every line written: checks the second pass is complete, rebuilds listings' plans, removes the marker. */
  async finish(db: StoreDb): Promise<Record<TableName, number>> {
    if (!this.second || this.written !== this.fingerprints.length)
      throw new BackupError('truncated', `${this.written} of ${this.fingerprints.length} lines written`);
    const counts = this.second.finish();
    const keys = (await db.listings.toCollection().primaryKeys()) as string[];
    for (let i = 0; i < keys.length; i += REFRESH_BATCH) {
      await db.transaction('rw', [db.listings, db.listingChunks, db.searchChunks, db.plans], async () => {
        await refreshListingPlans(db, keys.slice(i, i + REFRESH_BATCH));
      });
    }
    await db.settings.delete(RESTORE_MARKER_ID);
    return counts;
  }
}

/**
 * Writes one checked chunk in one transaction. Listings get their derived fields again (link
 * keys, a provisional sort key: backups of older versions may lack or carry older ones);
 * readings go to day chunks or history records by their day.
 * @example await writeChunk(db, { table: 'products', rows }, new Date())
 */
async function writeChunk(db: StoreDb, chunk: CheckedChunk, now: Date): Promise<void> {
  if (chunk.rows.length === 0) return;
  if (chunk.table === 'listings') {
    const rows = (chunk.rows as ListingRow[]).map((r) => {
      const row = { ...r, linkKeys: linkKeysOf(r) };
      return { ...row, urgency: urgencyOf(row) };
    });
    await db.transaction('rw', [db.listings, db.listingChunks, db.searchChunks], async () => {
      await writeListings(db, rows);
    });
  } else if (chunk.table === 'observations') {
    await db.transaction('rw', [db.observationChunks, db.listingHistory, db.dailyDemand], async () => {
      await putObservations(db, chunk.rows as ObservationRow[], foldCutoff(now));
    });
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

/**
 * Backup, restore and delete-all. A backup is one versioned JSON object holding every table.
 * Restoring validates the WHOLE file first (format, version, every row, keys unique, links
 * resolvable) and only then replaces the data, in one transaction: a damaged or foreign file
 * is refused with a message saying what is wrong, and the existing data is left untouched.
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../records';
import { allTables, STORED_TABLES, TABLE_NAMES, type StoreDb, type TableName } from './db';
import { readAllListings, writeListings } from './listing-store';
import { refreshListingPlans } from './plans';
import { foldCutoff, putObservations, readAllObservations } from './observation-store';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { calibrationRowSchema } from './tables/calibrations';
import { dailyDemandRowSchema } from './tables/dailyDemand';
import { linkKeysOf, listingRowSchema, urgencyOf } from './tables/listings';
import { observationRowSchema } from './tables/observations';
import { orderRowSchema } from './tables/orders';
import { planRowSchema } from './tables/plans';
import { productRowSchema } from './tables/products';
import { returnRowSchema } from './tables/returns';
import { settingsRowSchema } from './tables/settings';
import { stockPoolRowSchema } from './tables/stockPools';

export const BACKUP_FORMAT = 'stock-copilot-backup';
/** Version of the backup file layout (not the database schema version). */
export const BACKUP_VERSION = 1;

const tableSchemas = {
  products: productRowSchema,
  listings: listingRowSchema,
  stockPools: stockPoolRowSchema,
  observations: observationRowSchema,
  orders: orderRowSchema,
  dailyDemand: dailyDemandRowSchema,
  calibrations: calibrationRowSchema,
  returns: returnRowSchema,
  settings: settingsRowSchema,
  plans: planRowSchema,
} satisfies Record<TableName, z.ZodType>;

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** Database schema version of the store that wrote it. */
  schemaVersion: z.number().int().positive(),
  exportedAt: isoDateTimeSchema,
  tables: z.object(
    Object.fromEntries(TABLE_NAMES.map((n) => [n, z.array(tableSchemas[n])])) as {
      [K in TableName]: z.ZodArray<(typeof tableSchemas)[K]>;
    },
  ),
});
export type Backup = z.infer<typeof backupSchema>;

export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * Every table as one JSON-ready object.
 * @example JSON.stringify(await exportBackup(db, new Date()))
 */
export async function exportBackup(db: StoreDb, now: Date): Promise<Backup> {
  return db.transaction('r', allTables(db), async () => {
    // Listings and the history are stored in chunks (schema v4); a backup holds their plain rows.
    const read = (n: TableName): Promise<unknown[]> =>
      n === 'listings'
        ? readAllListings(db)
        : n === 'observations'
          ? readAllObservations(db).then((rows) => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
          : db.table(n).toArray();
    const tables = Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (n) => [n, await read(n)] as const))) as Backup['tables'];
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: now.toISOString(), tables };
  });
}

/**
 * Checks a backup (JSON text or parsed object) without touching the store; throws BackupError
 * with a readable message.
 * @example validateBackup('{"hello":1}') // throws BackupError: This file is not a Stock Copilot backup
 */
export function validateBackup(input: unknown): Backup {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      throw new BackupError('This file is not valid JSON: it may be damaged or truncated. Nothing was changed.');
    }
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('This file is not a Stock Copilot backup. Nothing was changed.');
  }
  const { version, schemaVersion } = data as { version?: unknown; schemaVersion?: unknown };
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupError(
      `This backup was made by a newer version of the extension (backup format ${version}). Update the extension, then restore. Nothing was changed.`,
    );
  }
  if (typeof schemaVersion === 'number' && schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new BackupError(`This backup comes from a newer database (schema ${schemaVersion}). Update the extension, then restore. Nothing was changed.`);
  }
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${formatPath(i.path)}: ${i.message}`)
      .join('; ');
    throw new BackupError(`This backup is damaged (${where}${parsed.error.issues.length > 3 ? '; …' : ''}). Nothing was changed.`);
  }
  const backup = parsed.data;
  const keyOf: Record<TableName, (row: never) => unknown> = {
    products: (r: { id: string }) => r.id,
    listings: (r: { key: string }) => r.key,
    stockPools: (r: { id: string }) => r.id,
    observations: (r: { id: string }) => r.id,
    orders: (r: { key: string }) => r.key,
    dailyDemand: (r: { key: string; date: string }) => `${r.key}\u0000${r.date}`,
    calibrations: (r: { id?: number }) => r.id,
    returns: (r: { id?: number }) => r.id,
    settings: (r: { id: string }) => r.id,
    plans: (r: { key: string }) => r.key,
  };
  for (const name of TABLE_NAMES) {
    const seen = new Set<unknown>();
    (backup.tables[name] as never[]).forEach((row, i) => {
      const key = keyOf[name](row);
      if (key === undefined) return; // auto-increment rows without id get one on restore
      if (seen.has(key)) throw new BackupError(`This backup is damaged (tables.${name}[${i}]: duplicate key ${String(key)}). Nothing was changed.`);
      seen.add(key);
    });
  }
  const productIds = new Set(backup.tables.products.map((p) => p.id));
  backup.tables.listings.forEach((l, i) => {
    if (!productIds.has(l.productId)) {
      throw new BackupError(`This backup is damaged (tables.listings[${i}]: product ${l.productId} is missing). Nothing was changed.`);
    }
  });
  return backup;
}

/**
 * Replaces all data with a backup's, after validating all of it; in one transaction.
 * @example const counts = await restoreBackup(db, fileText);
 */
export async function restoreBackup(db: StoreDb, input: unknown, now: Date = new Date()): Promise<Record<TableName, number>> {
  const backup = validateBackup(input);
  await db.transaction('rw', [...allTables(db), db.searchChunks], async () => {
    for (const name of STORED_TABLES) await db.table(name).clear();
    await db.searchChunks.clear();
    for (const name of TABLE_NAMES) {
      if (name === 'listings') {
        // Listings from backups of older versions lack their link keys and may carry an older
        // sort key (both derived: recomputed for all).
        await writeListings(
          db,
          backup.tables.listings.map((r) => {
            const row = { ...r, linkKeys: linkKeysOf(r) };
            return { ...row, urgency: urgencyOf(row) };
          }),
        );
      } else if (name === 'observations') await putObservations(db, backup.tables.observations, foldCutoff(now));
      else if (backup.tables[name].length) await db.table(name).bulkAdd(backup.tables[name] as object[]);
    }
    // Derived, so not in the backup: writeListings rebuilt the search chunks; the plans each
    // listing shows are copied onto its indexed row again.
    await refreshListingPlans(
      db,
      backup.tables.listings.map((l) => l.key),
    );
  });
  return Object.fromEntries(TABLE_NAMES.map((n) => [n, backup.tables[n].length])) as Record<TableName, number>;
}

/**
 * Deletes every row of every table (the database itself stays, at the current schema).
 * @example await deleteAllData(db)
 */
export async function deleteAllData(db: StoreDb): Promise<void> {
  await db.transaction('rw', [...allTables(db), db.searchChunks], async () => {
    for (const name of STORED_TABLES) await db.table(name).clear();
    await db.searchChunks.clear();
  });
}

/** @example formatPath(['tables', 'listings', 12, 'sku']) // 'tables.listings[12].sku' */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(file)';
}

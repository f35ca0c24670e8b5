/**
 * The per-listing demand cache (table `dailyDemand`, tables/dailyDemand.ts): reconstructed
 * daily demand kept between re-plans, so a re-plan rebuilds only the series whose inputs
 * changed.
 *
 * Correctness does not rest on invalidation alone: a record is used only when the fingerprint
 * of the listing's current inputs equals the one it was built from (lib/background/demand-cache.ts).
 * Some write paths also drop the records of the listings whose history they change
 * (invalidateDemand), so the table does not keep series nothing will reuse: stock corrections
 * (adjustments.ts), compaction (compaction.ts), a restore (the store is cleared), and moves of
 * listings between accounts (the accounts code calls invalidateDemand). A merge does not: its
 * readings change the fingerprint, and the re-plan that follows replaces the record.
 *
 * The readings the re-plan rebuilds a series from come from each listing's history digest
 * (history-digest.ts, the same table under date 'history'), kept in step with the history
 * record by every write of it, plus the day chunks.
 */
import type { StoreDb } from './db';
import { contentHash } from './hash';
import { DEMAND_SERIES_DATE, demandCacheRowsOf, storedDemandCacheRow, type DailyDemandRow, type DemandCacheRow } from './tables/dailyDemand';

/**
 * Caches reconstructed demand days (replacing the same key + date): the older per-day shape.
 * @example await saveDailyDemand(db, [{ key, date: '2024-05-01', units: 3, how: 'exact' }])
 */
export async function saveDailyDemand(db: StoreDb, rows: readonly DailyDemandRow[]): Promise<void> {
  await db.dailyDemand.bulkPut(rows as DailyDemandRow[]);
}

/**
 * The cached series of some listings, by listing key (listings without one are absent).
 * One record read per listing.
 * @example (await readDemandCache(db, ['amazon|amazon.com|MUG-1'])).get('amazon|amazon.com|MUG-1')?.inputs
 */
export async function readDemandCache(db: StoreDb, listingKeys: readonly string[]): Promise<Map<string, DemandCacheRow>> {
  const out = new Map<string, DemandCacheRow>();
  if (listingKeys.length === 0) return out;
  const rows = await db.dailyDemand.bulkGet(listingKeys.map((k) => [k, DEMAND_SERIES_DATE] as [string, string]));
  for (const row of demandCacheRowsOf(rows)) out.set(row.key, row);
  return out;
}

/**
 * Stores (replaces) cached series, packed where they fit (tables/dailyDemand.ts StoredDemandCacheRow).
 * @example await writeDemandCache(db, [{ key, date: DEMAND_SERIES_DATE, inputs, startDay, units, how }])
 */
export async function writeDemandCache(db: StoreDb, rows: readonly DemandCacheRow[]): Promise<void> {
  if (rows.length > 0) await db.dailyDemand.bulkPut(rows.map(storedDemandCacheRow));
}

/**
 * Drops the cached series of these listings: for every write that changes what their demand
 * is rebuilt from (readings, order lines, corrections, compaction, moving a listing to another
 * account). Runs inside the caller's transaction when that transaction includes `dailyDemand`.
 * Returns how many keys were asked for.
 * @example await invalidateDemand(db, ['amazon|amazon.com|MUG-1'])
 */
export async function invalidateDemand(db: StoreDb, listingKeys: Iterable<string>): Promise<number> {
  const keys = [...new Set(listingKeys)].map((k) => [k, DEMAND_SERIES_DATE] as [string, string]);
  if (keys.length > 0) await db.dailyDemand.bulkDelete(keys);
  return keys.length;
}

/**
 * A fingerprint of a listing's demand inputs, given as text parts in the order the
 * reconstruction reads them (equal parts, equal fingerprint).
 * @example demandInputsFingerprint(['2026-12-02', '730', 'id@time']).length // 28
 */
export function demandInputsFingerprint(parts: readonly string[]): string {
  return contentHash(parts.join('\n'));
}

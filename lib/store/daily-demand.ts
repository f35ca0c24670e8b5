/**
 * The per-listing demand cache: reconstructed daily demand kept between re-plans, so a re-plan
 * rebuilds only the series whose inputs changed. Since schema v10 it lives in the listing's
 * history digest record (table `dailyDemand`, date 'history'; tables/dailyDemand.ts
 * HistoryDigestRow.demand), which the re-plan reads anyway: one request per listing, not two.
 *
 * Correctness does not rest on invalidation alone: a cached series is used only when the
 * fingerprint of the listing's current inputs equals the one it was built from
 * (lib/background/demand-cache.ts). Some write paths also drop the cache of the listings whose
 * history they change (invalidateDemand), so the store does not keep series nothing will reuse:
 * stock corrections (adjustments.ts), compaction (compaction.ts), a restore (the store is
 * cleared), and moves of listings between accounts (the accounts code calls invalidateDemand).
 * A merge does not: its readings change the fingerprint, and the re-plan that follows replaces
 * the series. Rewriting a digest (history-digest.ts) carries the series over: the daily fold
 * moves readings into the history without changing them.
 *
 * A listing without a digest record has no cache: the re-plan writes every listing's digest
 * (planning-input.ts) before it plans, so that is only a listing whose digest was dropped since.
 */
import type { StoreDb } from './db';
import { contentHash } from './hash';
import { demandOfDigest, withDemand, type DailyDemandRow, type DemandCacheRow } from './tables/dailyDemand';
import { readHistoryDigests } from './history-digest';

/**
 * Caches reconstructed demand days (replacing the same key + date): the older per-day shape.
 * @example await saveDailyDemand(db, [{ key, date: '2024-05-01', units: 3, how: 'exact' }])
 */
export async function saveDailyDemand(db: StoreDb, rows: readonly DailyDemandRow[]): Promise<void> {
  await db.dailyDemand.bulkPut(rows as DailyDemandRow[]);
}

/**
 * The cached series of some listings, by listing key (listings without one are absent), from
 * their digest records: one record read per listing. A re-plan has those records already
 * (loadReplanInput's digests) and takes the series from them (demandOfDigest).
 * @example (await readDemandCache(db, ['amazon|amazon.com|MUG-1'])).get('amazon|amazon.com|MUG-1')?.inputs
 */
export async function readDemandCache(db: StoreDb, listingKeys: readonly string[]): Promise<Map<string, DemandCacheRow>> {
  const out = new Map<string, DemandCacheRow>();
  for (const digest of (await readHistoryDigests(db, listingKeys)).values()) {
    const row = demandOfDigest(digest);
    if (row) out.set(row.key, row);
  }
  return out;
}

/**
 * Stores (replaces) cached series, packed where they fit (tables/dailyDemand.ts StoredDemandCache),
 * each in its listing's digest record as it is now (read in the same read-write transaction, so
 * a digest rewritten since the re-plan read it is not undone). A listing without a digest gets none.
 * @example await writeDemandCache(db, [{ key, date: DEMAND_SERIES_DATE, inputs, startDay, units, how }])
 */
export async function writeDemandCache(db: StoreDb, rows: readonly DemandCacheRow[]): Promise<void> {
  if (rows.length === 0) return;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  await db.transaction('rw', db.dailyDemand, async () => {
    const digests = [...(await readHistoryDigests(db, [...byKey.keys()])).values()];
    if (digests.length > 0) await db.dailyDemand.bulkPut(digests.map((d) => withDemand(d, byKey.get(d.key))));
  });
}

/**
 * Drops the cached series of these listings: for every write that changes what their demand
 * is rebuilt from (readings, order lines, corrections, compaction, moving a listing to another
 * account). Runs inside the caller's transaction when that transaction includes `dailyDemand`.
 * Returns how many keys were asked for.
 * @example await invalidateDemand(db, ['amazon|amazon.com|MUG-1'])
 */
export async function invalidateDemand(db: StoreDb, listingKeys: Iterable<string>): Promise<number> {
  const keys = [...new Set(listingKeys)];
  if (keys.length === 0) return 0;
  await db.transaction('rw', db.dailyDemand, async () => {
    const holding = [...(await readHistoryDigests(db, keys)).values()].filter((d) => d.demand);
    if (holding.length > 0) await db.dailyDemand.bulkPut(holding.map((d) => withDemand(d, undefined)));
  });
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

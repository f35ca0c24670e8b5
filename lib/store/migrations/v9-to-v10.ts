/**
 * Schema v9 -> v10: each listing's cached demand moves into its history digest record (the
 * record the re-plan reads anyway), so a re-plan reads one record per listing, not two. The
 * cache records of their own (date '') are deleted: they are derived data, and the first
 * re-plan of each listing rebuilds its series into the digest record. (v10 also indexes plans
 * by product; IndexedDB builds that index itself.)
 *
 * FROZEN: never edit this file. It defines how a v9 database upgrades, for as long as a seller
 * may still have one. Imports: type-only, dexie, or other frozen code in this folder
 * (migrations-frozen.test.ts).
 */
import type { Transaction } from 'dexie';

/** The `date` of a v9 cache record. */
const CACHE_RECORD_DATE_V9 = '';

/** v9 -> v10: the cache records of their own go. */
export async function upgradeToV10(tx: Transaction): Promise<void> {
  await tx.table('dailyDemand').where('date').equals(CACHE_RECORD_DATE_V9).delete();
}

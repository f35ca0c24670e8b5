/**
 * The planning core's reconstructed demand per day and series, cached in the `dailyDemand`
 * table (tables/dailyDemand.ts).
 */
import type { StoreDb } from './db';
import type { DailyDemandRow } from './tables/dailyDemand';

/**
 * Caches reconstructed demand days (replacing the same key + date).
 * @example await saveDailyDemand(db, [{ key, date: '2024-05-01', units: 3, how: 'exact' }])
 */
export async function saveDailyDemand(db: StoreDb, rows: readonly DailyDemandRow[]): Promise<void> {
  await db.dailyDemand.bulkPut(rows as DailyDemandRow[]);
}

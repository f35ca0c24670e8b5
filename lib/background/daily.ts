/**
 * The daily maintenance the alarm runs: move readings past their first days into their
 * listings' history records, fold raw readings past the seller's window into daily
 * summaries (so the store stays small), then re-plan everything (a new day moves every
 * stockout and reorder date, even without new readings).
 */
import { migrateSettings } from '../settings';
import { compactObservations, foldHistory, loadSettings, type CompactionResult, type StoreDb } from '../store';

/**
 * @example await runDailyMaintenance(db, new Date(), (ids) => replanner.replan(ids))
 */
export async function runDailyMaintenance(
  db: StoreDb,
  now: Date,
  replan: (productIds: readonly string[] | undefined) => Promise<void>,
): Promise<CompactionResult> {
  const settings = migrateSettings(await loadSettings(db));
  // Readings past their first days move to their listings' history records (cheap re-plans).
  await foldHistory(db, now);
  const compaction = await compactObservations(db, now, { windowDays: settings.compaction.rawObservationDays });
  await replan(undefined);
  return compaction;
}

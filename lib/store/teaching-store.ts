/**
 * The columns sellers taught the page readers, stored raw in their own row of the `settings`
 * table (so a backup carries them and no schema version is needed). The background validates
 * them (lib/messaging/protocol-teaching.ts) before use, like the settings object.
 */
import type { StoreDb } from './db';
import { updateSettingsRow } from './settings-store';
import { TAUGHT_COLUMNS_ROW_ID } from './tables/settings';

/**
 * The stored taught columns as saved, or undefined before the first one.
 * @example const raw = await loadTaughtColumns(db) // [{ pageType: 'ebay/active-listings', … }]
 */
export async function loadTaughtColumns(db: StoreDb): Promise<unknown> {
  return (await db.settings.get(TAUGHT_COLUMNS_ROW_ID))?.value;
}

/**
 * Changes the taught columns in one transaction (two pages teaching at once both count) and returns what was stored.
 * @example await updateTaughtColumns(db, (stored) => withTaughtColumn(validTaughtColumns(stored), column), new Date())
 */
export function updateTaughtColumns<T>(db: StoreDb, change: (stored: unknown) => T, now: Date): Promise<T> {
  return updateSettingsRow(db, TAUGHT_COLUMNS_ROW_ID, change, now);
}

/**
 * The columns sellers taught the page readers, stored raw in their own row of the `settings`
 * table (so a backup carries them and no schema version is needed). The background validates
 * them (lib/messaging/protocol-teaching.ts) before use, like the settings object.
 */
import type { StoreDb } from './db';
import { TAUGHT_COLUMNS_ROW_ID } from './tables/settings';

/**
 * The stored taught columns as saved, or undefined before the first one.
 * @example const raw = await loadTaughtColumns(db) // [{ pageType: 'ebay/active-listings', … }]
 */
export async function loadTaughtColumns(db: StoreDb): Promise<unknown> {
  return (await db.settings.get(TAUGHT_COLUMNS_ROW_ID))?.value;
}

/** @example await saveTaughtColumns(db, columns, new Date()) */
export async function saveTaughtColumns(db: StoreDb, value: unknown, now: Date): Promise<void> {
  await db.settings.put({ id: TAUGHT_COLUMNS_ROW_ID, value, updatedAt: now.toISOString() });
}

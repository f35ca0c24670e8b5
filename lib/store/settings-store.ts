/**
 * The settings object, stored raw in the `settings` table (tables/settings.ts): lib/settings
 * validates and migrates it, so a settings change never needs a database migration.
 */
import type { StoreDb } from './db';
import { SETTINGS_ROW_ID } from './tables/settings';

/** The stored settings object as saved (lib/settings validates and migrates it), or undefined. */
export async function loadSettings(db: StoreDb): Promise<unknown> {
  return (await db.settings.get(SETTINGS_ROW_ID))?.value;
}

/** @example await saveSettings(db, settings, new Date()) */
export async function saveSettings(db: StoreDb, value: unknown, now: Date): Promise<void> {
  await db.settings.put({ id: SETTINGS_ROW_ID, value, updatedAt: now.toISOString() });
}

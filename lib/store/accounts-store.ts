/**
 * The seller accounts document (lib/accounts/registry.ts), stored raw in its own row of the
 * `settings` table, so a backup carries it and no schema version is needed: stores made before
 * accounts existed have no row, which reads as "only the default account" (their keys are the
 * default account's keys), so they need no upgrade at all.
 */
import type { StoreDb } from './db';
import { ACCOUNTS_ROW_ID } from './tables/settings';

/**
 * The stored accounts document as saved, or undefined before the first account was seen.
 * @example parseAccountsDoc(await loadAccounts(db)).accounts
 */
export async function loadAccounts(db: StoreDb): Promise<unknown> {
  return (await db.settings.get(ACCOUNTS_ROW_ID))?.value;
}

/** @example await saveAccounts(db, doc, new Date()) */
export async function saveAccounts(db: StoreDb, value: unknown, now: Date): Promise<void> {
  await db.settings.put({ id: ACCOUNTS_ROW_ID, value, updatedAt: now.toISOString() });
}

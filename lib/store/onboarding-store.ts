/**
 * The guided start's state, stored raw in its own row of the `settings` table (so a backup
 * carries it and no schema version is needed). lib/onboarding/state.ts validates it on read.
 */
import type { StoreDb } from './db';
import { ONBOARDING_ROW_ID } from './tables/settings';

/**
 * The stored guided-start state as saved, or undefined before the seller's first step.
 * @example onboardingOf(await loadOnboarding(db)).current // 'channels' on a new install
 */
export async function loadOnboarding(db: StoreDb): Promise<unknown> {
  return (await db.settings.get(ONBOARDING_ROW_ID))?.value;
}

/** @example await saveOnboarding(db, state, new Date()) */
export async function saveOnboarding(db: StoreDb, value: unknown, now: Date): Promise<void> {
  await db.settings.put({ id: ONBOARDING_ROW_ID, value, updatedAt: now.toISOString() });
}

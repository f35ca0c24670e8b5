/**
 * The purchasing document (lib/purchasing/purchasing-data.ts) in the store's `settings` table,
 * under its own row: validated when read and before it is written, so a bad document is never
 * stored and a damaged one reads as empty.
 */
import { purchasingDataOf, purchasingDataSchema, type PurchasingData } from '../purchasing';
import { PURCHASING_ROW_ID, type StoreDb } from '../store';

/** @example (await loadPurchasing(db)).placedOrders // [] on a new install */
export async function loadPurchasing(db: StoreDb): Promise<PurchasingData> {
  return purchasingDataOf((await db.settings.get(PURCHASING_ROW_ID))?.value);
}

/**
 * Reads, changes and writes the document in one transaction (two option pages cannot lose
 * each other's changes); the change's result is validated whole before it is written.
 * @example await updatePurchasing(db, now, (d) => ({ ...d, placedOrders: [] }))
 */
export async function updatePurchasing(db: StoreDb, now: Date, change: (data: PurchasingData) => PurchasingData): Promise<PurchasingData> {
  return db.transaction('rw', db.settings, async () => {
    const next = purchasingDataSchema.parse(change(await loadPurchasing(db)));
    await db.settings.put({ id: PURCHASING_ROW_ID, value: next, updatedAt: now.toISOString() });
    return next;
  });
}

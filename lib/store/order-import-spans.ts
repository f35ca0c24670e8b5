/**
 * The date spans of order-history imports (lib/import/order-spans.ts), in their own row of the
 * `settings` table: backed up with the rest, no schema version needed. The planner passes them
 * to every listing of the marketplace, so a listing with no orders in an imported history reads
 * as selling nothing, not as unknown.
 */
import { orderImportSpansSchema, withImportBatch, type OrderImportSpan } from '../import/order-spans';
import type { Observation } from '../records';
import type { StoreDb } from './db';
import { ORDER_IMPORTS_ROW_ID } from './tables/settings';

/**
 * The stored spans; an unreadable row counts as none (the spans only sharpen demand; a lost
 * span costs the zero days it knew, nothing else).
 * @example (await loadOrderImportSpans(db))[0]?.marketplace // 'amazon.com'
 */
export async function loadOrderImportSpans(db: StoreDb): Promise<OrderImportSpan[]> {
  const parsed = orderImportSpansSchema.safeParse((await db.settings.get(ORDER_IMPORTS_ROW_ID))?.value);
  return parsed.success ? parsed.data : [];
}

/**
 * Widens the stored spans by one batch of an import; returns whether the batch held report
 * order lines (then every listing of their marketplaces gained known days).
 * @example await recordImportBatch(db, 'import-1', rows, new Date()) // true
 */
export async function recordImportBatch(db: StoreDb, importId: string, rows: readonly Observation[], now: Date): Promise<boolean> {
  if (!rows.some((r) => r.kind === 'order' && r.source.startsWith('report:'))) return false;
  return db.transaction('rw', db.settings, async () => {
    const spans = await loadOrderImportSpans(db);
    const next = withImportBatch(spans, importId, rows);
    if (next !== spans) await db.settings.put({ id: ORDER_IMPORTS_ROW_ID, value: next, updatedAt: now.toISOString() });
    return next !== spans;
  });
}

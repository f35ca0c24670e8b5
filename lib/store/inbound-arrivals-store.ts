/**
 * The expected arrivals of inbound units the seller entered (lib/inbound/arrivals.ts), in their
 * own row of the `settings` table: backed up with the rest, no schema version needed.
 */
import { inboundArrivalsSchema, withArrival, type InboundArrival } from '../inbound/arrivals';
import type { StoreDb } from './db';
import { INBOUND_ARRIVALS_ROW_ID } from './tables/settings';

/**
 * The stored arrivals; an unreadable row counts as none (the plan then dates inbound as before).
 * @example (await loadInboundArrivals(db))[0]?.date // '2026-12-20'
 */
export async function loadInboundArrivals(db: StoreDb): Promise<InboundArrival[]> {
  const parsed = inboundArrivalsSchema.safeParse((await db.settings.get(INBOUND_ARRIVALS_ROW_ID))?.value);
  return parsed.success ? parsed.data : [];
}

/**
 * Sets (or, with `date` null, clears) one listing's expected arrival, tied to a shipment when
 * `shipmentId` is given; returns all arrivals.
 * @example await saveInboundArrival(db, 'amazon|amazon.com|MUG-1', '2026-12-20', 300, new Date())
 */
export async function saveInboundArrival(
  db: StoreDb,
  listingKey: string,
  date: string | null,
  units: number,
  now: Date,
  shipmentId?: string,
): Promise<InboundArrival[]> {
  return db.transaction('rw', db.settings, async () => {
    const next = withArrival(await loadInboundArrivals(db), listingKey, date, units, now, shipmentId);
    await db.settings.put({ id: INBOUND_ARRIVALS_ROW_ID, value: next, updatedAt: now.toISOString() });
    return next;
  });
}

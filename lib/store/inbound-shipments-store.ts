/**
 * The inbound shipments Amazon's Shipments page showed (lib/inbound/shipments.ts), in their own
 * row of the `settings` table: backed up with the rest, no schema version needed.
 */
import { inboundShipmentsSchema, withShipments, type InboundShipment, type ShipmentReading } from '../inbound/shipments';
import type { StoreDb } from './db';
import { INBOUND_SHIPMENTS_ROW_ID } from './tables/settings';

/**
 * The stored shipments; an unreadable row counts as none (arrivals then keep their own dates).
 * @example (await loadInboundShipments(db))[0]?.shipmentId // 'FBA17ABC1234'
 */
export async function loadInboundShipments(db: StoreDb): Promise<InboundShipment[]> {
  const parsed = inboundShipmentsSchema.safeParse((await db.settings.get(INBOUND_SHIPMENTS_ROW_ID))?.value);
  return parsed.success ? parsed.data : [];
}

/**
 * Merges one page's shipments of `marketplace` and seller `account` (default: the default
 * account) into the stored ones (newest reading wins); returns the stored shipments before and after.
 * @example await saveInboundShipments(db, [{ shipmentId: 'FBA17ABC1234', status: 'shipped' }], 'amazon.com', new Date())
 */
export async function saveInboundShipments(
  db: StoreDb,
  read: readonly ShipmentReading[],
  marketplace: string,
  now: Date,
  account?: string,
): Promise<{ before: InboundShipment[]; after: InboundShipment[] }> {
  return db.transaction('rw', db.settings, async () => {
    const before = await loadInboundShipments(db);
    const after = withShipments(before, read, marketplace, now, account);
    await db.settings.put({ id: INBOUND_SHIPMENTS_ROW_ID, value: after, updatedAt: now.toISOString() });
    return { before, after };
  });
}

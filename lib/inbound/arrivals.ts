/**
 * Expected arrivals of inbound units the seller entered or tied to a shipment of Amazon's
 * Shipments page (options page, "Inbound arrivals"): the
 * plan then dates the units on the way by that day instead of guessing it from when they first
 * appeared plus the destination's transit days (lib/planning/inbound-arrival.ts). Kept in their
 * own settings row (lib/store/inbound-arrivals-store.ts): backed up, no schema version.
 */
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../records';
import { shipmentEta, type InboundShipment } from './shipments';

/** Most arrivals kept (one per listing with units on the way; a hostile input cannot fill the store). */
const MAX_INBOUND_ARRIVALS = 2000;

/** One listing's expected arrival, with the units inbound when it was entered. */
const inboundArrivalSchema = z.object({
  listingKey: z.string().min(1).max(300),
  /** Day the units are expected (marketplace zone). */
  date: isoDateSchema,
  /** Units inbound when the date was entered: more inbound later is a new shipment it does not date. */
  units: z.number().int().positive().max(10_000_000),
  setAt: isoDateTimeSchema,
  /**
   * The Shipments page's shipment the seller said holds these units (lib/inbound/shipments.ts):
   * its newest estimated arrival dates them, `date` (its arrival when tied) only while the
   * shipment is no longer stored or shows no date. Absent: a date the seller typed.
   */
  shipmentId: z.string().max(40).optional(),
});
export type InboundArrival = z.infer<typeof inboundArrivalSchema>;

export const inboundArrivalsSchema = z.array(inboundArrivalSchema).max(MAX_INBOUND_ARRIVALS);

/**
 * The stored arrivals with one listing's set (`date`) or cleared (`date` null); one entry per
 * listing, the oldest dropped beyond MAX_INBOUND_ARRIVALS.
 * @example withArrival([], 'amazon|amazon.com|MUG-1', '2026-12-20', 300, now) // [{ listingKey, date: '2026-12-20', units: 300, setAt }]
 */
export function withArrival(
  arrivals: readonly InboundArrival[],
  listingKey: string,
  date: string | null,
  units: number,
  now: Date,
  shipmentId?: string,
): InboundArrival[] {
  const out = arrivals.filter((a) => a.listingKey !== listingKey);
  if (date !== null && units > 0) out.push({ listingKey, date, units, setAt: now.toISOString(), ...(shipmentId ? { shipmentId } : {}) });
  return out.length > MAX_INBOUND_ARRIVALS ? out.slice(out.length - MAX_INBOUND_ARRIVALS) : out;
}

/**
 * The arrivals as the planner takes them (PlanExtras.inboundArrivals): a date tied to a shipment
 * is that shipment's newest estimated arrival on the listing's marketplace (arrivalDateOf).
 * @example arrivalsByListing([{ listingKey: 'k', date: '2026-12-20', units: 300, setAt }]) // { k: { date: '2026-12-20', units: 300 } }
 */
export function arrivalsByListing(
  arrivals: readonly InboundArrival[],
  shipments: readonly InboundShipment[] = [],
): Record<string, { date: string; units: number }> {
  return Object.fromEntries(arrivals.map((a) => [a.listingKey, { date: arrivalDateOf(a, shipments), units: a.units }]));
}

/**
 * The day an arrival dates its units: the tied shipment's estimated arrival while the store holds
 * it with a date (read again, it moves with the page), else the arrival's own date.
 * @example arrivalDateOf({ listingKey: 'amazon|amazon.com|MUG', date: '2026-12-20', shipmentId: 'FBA17A', ... }, [{ marketplace: 'amazon.com', shipmentId: 'FBA17A', arrivalTo: '2026-12-24', status: 'shipped', ... }]) // '2026-12-24'
 */
export function arrivalDateOf(arrival: InboundArrival, shipments: readonly InboundShipment[]): string {
  if (!arrival.shipmentId) return arrival.date;
  const marketplace = arrival.listingKey.split('|')[1];
  const shipment = shipments.find((s) => s.shipmentId === arrival.shipmentId && s.marketplace === marketplace);
  return (shipment && shipmentEta(shipment)) ?? arrival.date;
}

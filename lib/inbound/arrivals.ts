/**
 * When each listing's inbound units are expected, as a list per listing (units split across two
 * shipments each get their shipment's date): the plan then dates the units on the way by those
 * days instead of guessing them from when the inbound first appeared plus the destination's
 * transit days (lib/planning/decisions/inbound-cover.ts).
 *
 * A listing's arrivals come from three places (listingArrivals, the one place that says which
 * wins): a date the seller typed for all of its inbound, shipments the seller tied it to by hand
 * (options page, "Inbound arrivals"), and shipments whose contents page lists its SKU
 * (lib/inbound/shipments.ts `items`), tied by themselves. The hand-made ones are kept in their
 * own settings row (lib/store/inbound-arrivals-store.ts): backed up, no schema version.
 */
import { z } from 'zod';
import { accountOfKey, isoDateSchema, isoDateTimeSchema, listingKeyParts } from '../records';
import type { DatedArrival } from '../planning/plan-input';
import { shipmentAccount, shipmentEta, unitsToArrive, type InboundShipment } from './shipments';

/** Most hand-made arrivals kept (a few per listing with units on the way; a hostile input cannot fill the store). */
const MAX_INBOUND_ARRIVALS = 2000;

/** One hand-made arrival of a listing's inbound units: a date the seller typed, or a shipment the seller tied them to. */
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
 * The stored hand-made arrivals with one listing's changed. A typed date (no `shipmentId`) is one
 * date for all the listing's inbound: it replaces the listing's hand-made entries. A tie to a
 * shipment replaces the typed date and an earlier tie to the same shipment, and keeps ties to
 * others (units split across shipments). `date` null clears all of the listing's hand-made
 * entries (its shipments' contents still tie it). The oldest dropped beyond MAX_INBOUND_ARRIVALS.
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
  const kept = (a: InboundArrival) =>
    a.listingKey !== listingKey || (date !== null && shipmentId !== undefined && a.shipmentId !== undefined && a.shipmentId !== shipmentId);
  const out = arrivals.filter(kept);
  if (date !== null && units > 0) out.push({ listingKey, date, units, setAt: now.toISOString(), ...(shipmentId ? { shipmentId } : {}) });
  return out.length > MAX_INBOUND_ARRIVALS ? out.slice(out.length - MAX_INBOUND_ARRIVALS) : out;
}

/** Where a listing's arrival comes from: a date the seller typed, a shipment tied by hand, or a shipment's contents page. */
export const ARRIVAL_SOURCES = ['typed', 'tied', 'contents'] as const;

/** One of a listing's arrivals as the plan counts it. */
interface ListingArrival {
  /** The shipment holding the units; null for a typed date. */
  shipmentId: string | null;
  /** Units still to arrive (shipped − received when the shipment's contents are known). */
  units: number;
  /** Day they are expected; null when the shipment shows no date yet (the plan then guesses it). */
  date: string | null;
  source: (typeof ARRIVAL_SOURCES)[number];
}

const byDate = (a: ListingArrival, b: ListingArrival) =>
  (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.shipmentId ?? '').localeCompare(b.shipmentId ?? '');

/**
 * A listing's arrivals, soonest first. The seller's word wins: a typed date stands alone (one
 * date for all inbound); a shipment tied by hand keeps the tie (its units from the shipment's
 * contents when they list the SKU, else the units inbound when tied); every other open shipment
 * of the listing's marketplace and seller account whose contents list its SKU adds its units
 * still to arrive (another account's shipment of the same SKU holds another account's units; a
 * shipment stored without an account is the default account's). A tie by hand may name any
 * shipment of the marketplace: the seller's word.
 * @example listingArrivals('amazon|amazon.com|MUG', [], [shipment FBA1 holding 100 MUG on Dec 14, FBA2 holding 200 on Dec 28]) // two arrivals: 100 on Dec 14, 200 on Dec 28
 */
export function listingArrivals(listingKey: string, arrivals: readonly InboundArrival[], shipments: readonly InboundShipment[]): ListingArrival[] {
  const own = arrivals.filter((a) => a.listingKey === listingKey);
  const typed = own.filter((a) => a.shipmentId === undefined).at(-1);
  if (typed) return [{ shipmentId: null, units: typed.units, date: typed.date, source: 'typed' }];
  const { platform, marketplace, sku } = listingKeyParts(listingKey);
  const ofMarket = platform === 'amazon' ? shipments.filter((s) => s.marketplace === marketplace) : [];
  const account = accountOfKey(listingKey);
  const out: ListingArrival[] = own.map((a) => {
    const shipment = ofMarket.find((s) => s.shipmentId === a.shipmentId);
    const units = shipment ? unitsToArrive(shipment, sku) : undefined;
    return { shipmentId: a.shipmentId!, units: units ?? a.units, date: arrivalDateOf(a, shipments), source: 'tied' };
  });
  const tied = new Set(own.map((a) => a.shipmentId));
  for (const s of ofMarket) {
    if (tied.has(s.shipmentId) || shipmentAccount(s) !== account) continue;
    const units = unitsToArrive(s, sku);
    if (units !== undefined && units > 0) out.push({ shipmentId: s.shipmentId, units, date: shipmentEta(s), source: 'contents' });
  }
  return out.filter((a) => a.units > 0).sort(byDate);
}

/**
 * The arrivals as the planner takes them (PlanExtras.inboundArrivals): each listing's dated
 * arrivals (listingArrivals) with the shipment holding them, for the listings given and every
 * listing with a hand-made one.
 * @example arrivalsByListing([{ listingKey: 'k', date: '2026-12-20', units: 300, setAt }]) // { k: [{ date: '2026-12-20', units: 300 }] }
 */
export function arrivalsByListing(
  arrivals: readonly InboundArrival[],
  shipments: readonly InboundShipment[] = [],
  listingKeys: readonly string[] = [],
): Record<string, DatedArrival[]> {
  const out: Record<string, DatedArrival[]> = {};
  for (const key of new Set([...listingKeys, ...arrivals.map((a) => a.listingKey)])) {
    const dated = listingArrivals(key, arrivals, shipments).flatMap((a) =>
      a.date === null ? [] : [{ date: a.date, units: a.units, ...(a.shipmentId === null ? {} : { shipmentId: a.shipmentId }) }],
    );
    if (dated.length > 0) out[key] = dated;
  }
  return out;
}

/**
 * The day a hand-made arrival dates its units: the tied shipment's estimated arrival while the
 * store holds it with a date (read again, it moves with the page), else the arrival's own date.
 * @example arrivalDateOf({ listingKey: 'amazon|amazon.com|MUG', date: '2026-12-20', shipmentId: 'FBA17A', ... }, [{ marketplace: 'amazon.com', shipmentId: 'FBA17A', arrivalTo: '2026-12-24', status: 'shipped', ... }]) // '2026-12-24'
 */
export function arrivalDateOf(arrival: InboundArrival, shipments: readonly InboundShipment[]): string {
  if (!arrival.shipmentId) return arrival.date;
  const marketplace = arrival.listingKey.split('|')[1];
  const shipment = shipments.find((s) => s.shipmentId === arrival.shipmentId && s.marketplace === marketplace);
  return (shipment && shipmentEta(shipment)) ?? arrival.date;
}

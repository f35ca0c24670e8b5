/**
 * Expected arrivals of inbound units the seller entered (options page, "Inbound arrivals"): the
 * plan then dates the units on the way by that day instead of guessing it from when they first
 * appeared plus the destination's transit days (lib/planning/inbound-arrival.ts). Kept in their
 * own settings row (lib/store/inbound-arrivals-store.ts): backed up, no schema version.
 */
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../records';

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
});
export type InboundArrival = z.infer<typeof inboundArrivalSchema>;

export const inboundArrivalsSchema = z.array(inboundArrivalSchema).max(MAX_INBOUND_ARRIVALS);

/**
 * The stored arrivals with one listing's set (`date`) or cleared (`date` null); one entry per
 * listing, the oldest dropped beyond MAX_INBOUND_ARRIVALS.
 * @example withArrival([], 'amazon|amazon.com|MUG-1', '2026-12-20', 300, now) // [{ listingKey, date: '2026-12-20', units: 300, setAt }]
 */
export function withArrival(arrivals: readonly InboundArrival[], listingKey: string, date: string | null, units: number, now: Date): InboundArrival[] {
  const out = arrivals.filter((a) => a.listingKey !== listingKey);
  if (date !== null && units > 0) out.push({ listingKey, date, units, setAt: now.toISOString() });
  return out.length > MAX_INBOUND_ARRIVALS ? out.slice(out.length - MAX_INBOUND_ARRIVALS) : out;
}

/**
 * The arrivals as the planner takes them (PlanExtras.inboundArrivals).
 * @example arrivalsByListing([{ listingKey: 'k', date: '2026-12-20', units: 300, setAt }]) // { k: { date: '2026-12-20', units: 300 } }
 */
export function arrivalsByListing(arrivals: readonly InboundArrival[]): Record<string, { date: string; units: number }> {
  return Object.fromEntries(arrivals.map((a) => [a.listingKey, { date: a.date, units: a.units }]));
}

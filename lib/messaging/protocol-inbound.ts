/**
 * Messages of the expected arrivals of inbound units (options page, "Inbound arrivals"): the
 * listings with units on the way, each with the arrival the plan assumes, and the seller's own
 * date for it. Merged into the one protocol map in protocol.ts.
 */
import { z } from 'zod';
import { ARRIVAL_SOURCES } from '../inbound/arrivals';
import { inboundShipmentSchema, MAX_INBOUND_SHIPMENTS } from '../inbound/shipments';
import { isoDateSchema } from '../records';

/** Most listings answered at once (the list shows the ones with units on the way). */
const MAX_INBOUND_ROWS = 2000;

const inboundRowSchema = z.object({
  listingKey: z.string(),
  sku: z.string(),
  marketplace: z.string().nullable(),
  /** Units on the way, as last read. */
  inbound: z.number().int().nonnegative(),
  /** The arrival the plan counts (the seller's date when entered, else its estimate). */
  plannedArrival: isoDateSchema.nullable(),
  /** The date the seller entered or tied (null = the plan estimates it). */
  enteredArrival: isoDateSchema.nullable(),
  /** The shipment of the Shipments page the seller last tied these units to by hand (null = none; its estimated arrival dates them). */
  shipmentId: z.string().nullable(),
  /**
   * The listing's arrivals (lib/inbound/arrivals.ts listingArrivals), soonest first: each
   * shipment holding its units, tied by the seller or by the shipment's contents page, or the
   * date the seller typed, with the units still to arrive and the day (null = the shipment shows none).
   */
  arrivals: z
    .array(
      z.object({ shipmentId: z.string().nullable(), units: z.number().int().nonnegative(), date: isoDateSchema.nullable(), source: z.enum(ARRIVAL_SOURCES) }),
    )
    .max(50),
  stockoutDate: isoDateSchema.nullable(),
  stockoutDateWithInbound: isoDateSchema.nullable(),
});
export type InboundRow = z.infer<typeof inboundRowSchema>;

/** The listings with units on the way, and the shipments the Shipments pages showed (to tie a listing's units to one). */
const rowsResponse = z.object({ rows: z.array(inboundRowSchema).max(MAX_INBOUND_ROWS), shipments: z.array(inboundShipmentSchema).max(MAX_INBOUND_SHIPMENTS) });

export const inboundProtocol = {
  /** Options: the listings with units on the way, most urgent stockout first. */
  'inbound/list': {
    senders: ['extension'],
    request: z.object({}),
    response: rowsResponse,
  },
  /**
   * Options: sets (or with `date` null clears) the expected arrival of a listing's inbound units,
   * then re-plans its product. With `shipmentId` (and no date needed) the units are tied to that
   * shipment of the listing's marketplace, and its estimated arrival dates them.
   */
  'inbound/set-arrival': {
    senders: ['extension'],
    request: z.object({ listingKey: z.string().min(1).max(300), date: isoDateSchema.nullable(), shipmentId: z.string().min(1).max(40).optional() }),
    response: rowsResponse,
  },
  // 'inbound/shipments-read' (a content script's) is in protocol.ts: it answers row panels.
} as const;

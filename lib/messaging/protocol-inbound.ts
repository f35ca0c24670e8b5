/**
 * Messages of the expected arrivals of inbound units (options page, "Inbound arrivals"): the
 * listings with units on the way, each with the arrival the plan assumes, and the seller's own
 * date for it. Merged into the one protocol map in protocol.ts.
 */
import { z } from 'zod';
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
  /** The date the seller entered (null = the plan estimates it). */
  enteredArrival: isoDateSchema.nullable(),
  stockoutDate: isoDateSchema.nullable(),
  stockoutDateWithInbound: isoDateSchema.nullable(),
});
export type InboundRow = z.infer<typeof inboundRowSchema>;

const rowsResponse = z.object({ rows: z.array(inboundRowSchema).max(MAX_INBOUND_ROWS) });

export const inboundProtocol = {
  /** Options: the listings with units on the way, most urgent stockout first. */
  'inbound/list': {
    senders: ['extension'],
    request: z.object({}),
    response: rowsResponse,
  },
  /** Options: sets (or with `date` null clears) the expected arrival of a listing's inbound units, then re-plans its product. */
  'inbound/set-arrival': {
    senders: ['extension'],
    request: z.object({ listingKey: z.string().min(1).max(300), date: isoDateSchema.nullable() }),
    response: rowsResponse,
  },
} as const;

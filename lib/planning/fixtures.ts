/**
 * Builders of observation records for the planning tests (not shipped code paths; kept out of
 * *.test.ts so several test files share them).
 */
import type { ListingObservation, OrderObservation } from '../records';

const base = { platform: 'amazon', marketplace: 'amazon.com', source: 'test' } as const;

/** A listing reading on `date` (noon UTC), with any measured fields. */
export function listingAt(date: string, fields: Partial<ListingObservation> = {}): ListingObservation {
  return { kind: 'listing', ...base, sku: 'SKU-1', observedAt: `${date}T12:00:00Z`, observedDate: date, ...fields };
}

let orderCounter = 0;
/** An order line placed on `orderDate`, seen on `seenOn` (default: the same day). */
export function orderAt(
  orderDate: string,
  quantity: number,
  status: OrderObservation['status'] = 'shipped',
  fields: Partial<OrderObservation> = {},
): OrderObservation {
  const seenOn = fields.observedDate ?? orderDate;
  return {
    kind: 'order',
    ...base,
    sku: 'SKU-1',
    orderId: `O-${++orderCounter}`,
    quantity,
    status,
    orderDate,
    observedAt: `${seenOn}T18:00:00Z`,
    observedDate: seenOn,
    ...fields,
  };
}

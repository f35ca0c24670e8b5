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

/**
 * A forecast of `rate` units/day whose spread scales with the level (so scaling demand scales
 * every quantile), for testing decisions without depending on the forecasting models.
 */
export function flatForecast(rate: number, horizon: number, relativeSpread = 0.2) {
  const mean = Array.from({ length: horizon }, () => rate);
  const quantileCum = (q: number) => mean.map((_, h) => Math.max(0, rate * (h + 1) * (1 + (q - 0.5) * 2 * relativeSpread)));
  return { model: 'flat', mean, p50Cum: quantileCum(0.5), p90Cum: quantileCum(0.9), quantileCum };
}

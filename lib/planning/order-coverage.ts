/**
 * Which days a listing's orders are completely known: the orders views the seller opened and the
 * order-history imports of its marketplace. On those days reconstruction (reconstruct.ts) takes
 * the order lines as exact demand, zero included.
 */
import { DEFAULT_ACCOUNT, type OrderObservation } from '../records';

/** Days an orders view showed completely, for one marketplace. */
export interface OrderSpan {
  platform: string;
  marketplace: string;
  from: string;
  to: string;
  /** The seller account whose order history it was (absent = the default account). */
  account?: string | undefined;
}

/**
 * Days covered by orders views. A view read on day D whose oldest order is from day F showed
 * every order of F..D, so a day there without an order for a SKU sold zero of it. Only views
 * that include a shipped or cancelled order count: a "pending"/"unshipped" tab (Amazon's
 * default) hides shipped orders, and reading its quiet days as zero would invent a slump.
 * By default each listing's spans come from its own order records only: a seller may have
 * filtered the orders page by SKU, so a view does not speak for SKUs absent from it. A caller
 * that knows a view was unfiltered may pass its spans to every listing of the marketplace.
 * @example orderCoverage([order('2026-02-20', 'shipped', seen '2026-03-01')]) // [{ from: '2026-02-20', to: '2026-03-01', ... }]
 */
export function orderCoverage(orders: readonly OrderObservation[]): OrderSpan[] {
  const views = new Map<string, OrderSpan & { complete: boolean }>();
  for (const o of orders) {
    const id = `${o.platform}|${o.marketplace}|${o.source}|${o.observedDate}`;
    let view = views.get(id);
    if (!view) views.set(id, (view = { platform: o.platform, marketplace: o.marketplace, from: o.orderDate, to: o.observedDate, complete: false }));
    if (o.orderDate < view.from) view.from = o.orderDate;
    if (o.status === 'shipped' || o.status === 'cancelled') view.complete = true;
  }
  const out: OrderSpan[] = [];
  for (const { complete, ...span } of views.values()) if (complete && span.from <= span.to) out.push(span);
  return out;
}

/**
 * The days a listing's orders are completely known: its own orders views (orderCoverage), and
 * the spans of order-history imports of its marketplace, which list every SKU's orders (so a
 * listing absent from one sold nothing then), from the day the listing started when known
 * (before it, "no orders" says nothing).
 * @example listingOrderCoverage([], [{ platform: 'amazon', marketplace: 'amazon.com', from: '2026-01-01', to: '2026-06-30' }], { platform: 'amazon', marketplace: 'amazon.com', startDate: '2026-03-01' })
 * // [{ platform: 'amazon', marketplace: 'amazon.com', from: '2026-03-01', to: '2026-06-30' }]
 */
export function listingOrderCoverage(
  orders: readonly OrderObservation[],
  importSpans: readonly OrderSpan[],
  listing: { platform: string; marketplace: string; startDate?: string | undefined; account?: string | undefined },
): OrderSpan[] {
  const out = orderCoverage(orders);
  for (const span of importSpans) {
    if (span.platform !== listing.platform || span.marketplace !== listing.marketplace) continue;
    // One account's order history says nothing about another account's listings on the same marketplace.
    if ((span.account ?? DEFAULT_ACCOUNT) !== (listing.account ?? DEFAULT_ACCOUNT)) continue;
    const from = listing.startDate !== undefined && listing.startDate > span.from ? listing.startDate : span.from;
    if (from <= span.to) out.push({ platform: span.platform, marketplace: span.marketplace, from, to: span.to });
  }
  return out;
}

/**
 * Walmart Seller Center orders (/order-management/details and the other /order-management
 * tabs): one row per order line with customer order number, date, SKU, quantity and status
 * (Created -> pending, Acknowledged -> unshipped, Shipped/Delivered -> shipped, Cancelled).
 *
 * Selectors: the table whose header names order date and status (by text; no public selector
 * is known (?)); `[data-automation-id="orders-table"]` tried first.
 */
import type { PageAdapter } from '../types';
import { readOrderPage, type OrderPageSpec } from '../shared/order-page';

const spec: OrderPageSpec = {
  adapter: { id: 'walmart/orders', platform: 'walmart', title: 'Orders' },
  orderIdPattern: /(?<!\d)\d{9,20}(?!\d)/,
  preferredContainer: '[data-automation-id="orders-table"]',
};

/** @example matchesWalmartOrders(new URL('https://seller.walmart.com/order-management/details?orderGroups=Unshipped')) // true */
function matchesWalmartOrders(url: URL): boolean {
  return /^\/order-management(\/[a-z-]+)?\/?$/i.test(url.pathname);
}

export const adapter: PageAdapter = {
  id: spec.adapter.id,
  platform: 'walmart',
  title: spec.adapter.title,
  matches: matchesWalmartOrders,
  parse: (root, ctx) => readOrderPage(spec, root, ctx),
  containerSelector: '[data-automation-id="orders-table"], main',
  panelPlacement: { where: 'strip', variant: 'orders <table>: a <tr> spanning every column under the row' },
};
export default adapter;

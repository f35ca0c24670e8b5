/**
 * Walmart Seller Center orders (/order-management/details and the other /order-management
 * tabs): one row per order line with customer order number, date, SKU, quantity and status
 * (Created -> pending, Acknowledged -> unshipped, Shipped/Delivered -> shipped, Cancelled).
 *
 * Selectors: the table whose header names order date and status (by text; no public selector
 * is known (?)); `[data-automation-id="orders-table"]` tried first.
 */
import { definePage } from '../shared/define-page';
import { orderFields, readOrderPage, type OrderPageSpec } from '../shared/order-page';

const spec: OrderPageSpec = {
  adapter: { id: 'walmart/orders', platform: 'walmart', title: 'Orders' },
  orderIdPattern: /(?<!\d)\d{9,20}(?!\d)/,
  preferredContainer: '[data-automation-id="orders-table"]',
  // None of the known variants (walmart/orders.en, .es, .item-sku.en) shows who ships an order
  // line (?: a WFS column is not known on this page): a page without one is no reason to warn.
  mayBeAbsent: ['fulfillment'],
};

function matchesWalmartOrders(url: URL): boolean {
  return /^\/order-management(\/[a-z-]+)?\/?$/i.test(url.pathname);
}

export const adapter = definePage({
  ...spec.adapter,
  matches: matchesWalmartOrders,
  examples: {
    matches: ['https://seller.walmart.com/order-management/details', 'https://seller.walmart.com/order-management/details?orderGroups=Unshipped'],
    doesNotMatch: ['https://seller.walmart.com/order-management/details/123456', 'https://seller.walmart.com/wfsLite/manage-inventory'],
  },
  fields: orderFields(spec),
  parse: (root, ctx) => readOrderPage(spec, root, ctx),
  containerSelector: '[data-automation-id="orders-table"], main',
  panelPlacement: { where: 'strip', variant: 'orders <table>: a <tr> spanning every column under the row' },
});
export default adapter;

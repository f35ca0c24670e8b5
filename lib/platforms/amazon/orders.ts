/**
 * Amazon Seller Central "Manage Orders" (/orders-v3 and its filtered tabs such as
 * /orders-v3/mfn/unshipped).
 *
 * Selectors: `table#orders-table` first (orders-v3 layout, 2019+), else any table whose headers
 * name order date and status. One row per order: the 3-7-7 digit order id is taken from the
 * "Order details" cell text; each product block in "Product name" gives one order line
 * ("SKU: …", "Quantity: …", "Item subtotal: …").
 */
import { definePage } from '../shared/define-page';
import { orderFields, readOrderPage, type OrderPageSpec } from '../shared/order-page';

const spec: OrderPageSpec = {
  adapter: { id: 'amazon/orders', platform: 'amazon', title: 'Manage Orders' },
  orderIdPattern: /(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)/,
  preferredContainer: 'table#orders-table',
};

function matchesAmazonOrders(url: URL): boolean {
  return /^\/orders-v3(\/(mfn|afn|fba|all)(\/[a-z-]+)?)?\/?$/.test(url.pathname);
}

export const adapter = definePage({
  ...spec.adapter,
  matches: matchesAmazonOrders,
  examples: {
    matches: [
      'https://sellercentral.amazon.com/orders-v3',
      'https://sellercentral.amazon.com/orders-v3/mfn/unshipped?page=1',
      'https://sellercentral-europe.amazon.com/orders-v3',
    ],
    doesNotMatch: ['https://sellercentral.amazon.com/orders-v3/order/111-1234567-1234567', 'https://sellercentral.amazon.com/orders'],
  },
  fields: orderFields(spec),
  parse: (root, ctx) => readOrderPage(spec, root, ctx),
  containerSelector: 'table#orders-table, #myo-layout',
  panelPlacement: { where: 'cell', variant: 'orders-v3 table: each product line of the product cell (panelSlot); a strip for rows without one' },
});
export default adapter;

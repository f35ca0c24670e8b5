/**
 * eBay Seller Hub "Orders" (/sh/ord and its filters, e.g. ?filter=status:AWAITING_SHIPMENT).
 *
 * Selectors: the table whose header names the order number and date sold (by text; the
 * orders grid markup is not publicly documented (?)). Order numbers look like 12-34567-89012
 * (legacy: 123456789012-1234567890123). When there is no status column, the URL's status
 * filter decides (awaiting shipment -> unshipped); otherwise the column is required.
 */
import type { OrderStatus } from '../../records';
import { definePage } from '../shared/define-page';
import { orderFields, readOrderPage, type OrderPageSpec } from '../shared/order-page';

const spec: OrderPageSpec = {
  adapter: { id: 'ebay/orders', platform: 'ebay', title: 'Orders' },
  orderIdPattern: /(?<!\d)(\d{2}-\d{5}-\d{5}|\d{12}-\d{10,13})(?!\d)/,
  defaultFulfillment: 'SELLER',
  statusFromUrl: (url: URL): OrderStatus | undefined => {
    const filter = `${url.searchParams.get('filter') ?? ''} ${url.searchParams.get('status') ?? ''}`.toUpperCase();
    if (/AWAITING_SHIPMENT|PAID_NOT_SHIPPED/.test(filter)) return 'unshipped';
    if (/AWAITING_PAYMENT|UNPAID/.test(filter)) return 'pending';
    if (/\bSHIPPED\b|PAID_SHIPPED/.test(filter)) return 'shipped';
    if (/CANCEL/.test(filter)) return 'cancelled';
    return undefined;
  },
};

function matchesEbayOrders(url: URL): boolean {
  return /^\/sh\/ord\/?$/.test(url.pathname);
}

export const adapter = definePage({
  ...spec.adapter,
  matches: matchesEbayOrders,
  examples: {
    matches: ['https://www.ebay.com/sh/ord/', 'https://www.ebay.co.uk/sh/ord/?filter=status:AWAITING_SHIPMENT'],
    doesNotMatch: ['https://www.ebay.com/sh/ord/details?orderid=12-34567-89012', 'https://www.ebay.com/sh/lst/active'],
  },
  fields: orderFields(spec),
  parse: (root, ctx) => readOrderPage(spec, root, ctx),
  containerSelector: '#mainContent',
  panelPlacement: { where: 'strip', variant: 'Seller Hub orders <table>: a <tr> spanning every column under the order row' },
});
export default adapter;

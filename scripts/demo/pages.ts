/**
 * The demo seller's pages: the catalogue rendered into each seller page's real structure by
 * the fixture builders, at the URL the real page lives at. Pages that give history (orders,
 * windowed sales) come first, so the planner has something to forecast from when the
 * inventory page (with the panels) is read.
 */
import { addDays } from '../../lib/locale/dates';
import { buildAmazonManageInventoryHtml } from '../../tests/fixtures/builders/amazon-manage-inventory';
import type { DemoListing, DemoOrder } from '../../tests/fixtures/builders/types';
import type { CatalogListing, DemoProduct } from './catalog';
import { withDemoStyle } from './styles';

export interface DemoPage {
  label: string;
  url: string;
  html: string;
  /** Pages whose panels the demo screenshots. */
  showcase?: boolean;
}

const sum = (values: number[], days: number) => values.slice(-days).reduce((a, b) => a + b, 0);

/** A catalogue listing as a builder row. */
export function builderRow(product: DemoProduct, listing: CatalogListing): DemoListing {
  return {
    sku: listing.sku,
    ...(listing.platform === 'amazon' ? { asin: product.asin } : {}),
    ...(listing.itemId ? { itemId: listing.itemId } : {}),
    gtin: product.gtin,
    title: product.title,
    status: listing.status,
    fulfillment: listing.fulfillment,
    available: listing.available,
    inbound: listing.inbound,
    reserved: listing.reserved,
    unfulfillable: listing.unfulfillable,
    priceMinor: listing.priceMinor,
    currency: 'USD',
    unitsSold7: sum(listing.dailySales, 7),
    unitsSold30: sum(listing.dailySales, 30),
    unitsSold90: sum(listing.dailySales, 90),
    ...(listing.fulfillment === 'FBA' ? { ageBuckets: product.ageBuckets } : {}),
    startDate: product.launchDate,
    cumulativeSold: sum(listing.dailySales, listing.dailySales.length) + 50,
    publishStatus: listing.status === 'active' ? 'Published' : 'Unpublished',
    lifecycleStatus: listing.status === 'active' ? 'Active' : 'Retired',
  };
}

/** One order line per listing and day with sales, over the last `days` days. */
export function catalogOrders(catalog: DemoProduct[], platform: CatalogListing['platform'], today: string, days: number): DemoOrder[] {
  const orders: DemoOrder[] = [];
  for (const product of catalog) {
    for (const listing of product.listings.filter((l) => l.platform === platform)) {
      const sales = listing.dailySales;
      for (let back = 0; back < days; back++) {
        const units = sales[sales.length - 1 - back] ?? 0;
        if (units === 0) continue;
        const date = addDays(today, -back);
        orders.push({
          orderId: `${platform === 'amazon' ? '113' : platform === 'walmart' ? '2000' : '12'}-${date.replaceAll('-', '')}-${String(orders.length).padStart(6, '0')}`,
          orderDate: date,
          status: back === 0 ? 'unshipped' : 'shipped',
          fulfillment: listing.fulfillment,
          currency: 'USD',
          lines: [{ sku: listing.sku, title: product.title, quantity: units, itemPriceMinor: listing.priceMinor, ...(listing.itemId ? { itemId: listing.itemId } : {}) }],
        });
      }
    }
  }
  return orders.sort((a, b) => (a.orderDate < b.orderDate ? 1 : -1));
}

export function demoPages(catalog: DemoProduct[], _today: string): DemoPage[] {
  const rowsFor = (platform: CatalogListing['platform']) =>
    catalog.flatMap((p) => p.listings.filter((l) => l.platform === platform).map((l) => builderRow(p, l)));
  return [
    {
      label: 'Amazon Manage All Inventory',
      url: 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=50&sort=available_desc&status=all',
      html: withDemoStyle(buildAmazonManageInventoryHtml(rowsFor('amazon')), 'amazon-janus'),
      showcase: true,
    },
  ];
}

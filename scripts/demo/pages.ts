/**
 * The demo seller's pages: the catalogue rendered into each seller page's real structure by
 * the fixture builders, at the URL the real page lives at. Pages that give history (orders,
 * windowed sales) come first, so the planner has something to forecast from when the
 * inventory page (with the panels) is read.
 */
import { addDays } from '../../lib/locale/dates';
import { buildAmazonFbaInventoryHtml } from '../../tests/fixtures/builders/amazon-fba-inventory';
import { buildAmazonManageInventoryHtml } from '../../tests/fixtures/builders/amazon-manage-inventory';
import { buildAmazonOrdersHtml } from '../../tests/fixtures/builders/amazon-orders';
import { buildAmazonRestockHtml } from '../../tests/fixtures/builders/amazon-restock';
import { buildEbayActiveListingsHtml, buildEbayOrdersHtml } from '../../tests/fixtures/builders/ebay';
import { buildWalmartManageItemsHtml, buildWalmartOrdersHtml, buildWalmartWfsInventoryHtml } from '../../tests/fixtures/builders/walmart';
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
    currency: listing.currency,
    unitsSold7: sum(listing.dailySales, 7),
    unitsSold30: sum(listing.dailySales, 30),
    unitsSold90: sum(listing.dailySales, 90),
    ...(listing.fulfillment === 'FBA'
      ? { ageBuckets: listing.marketplace === 'amazon.com' ? product.ageBuckets : (product.euAgeBuckets ?? product.ageBuckets) }
      : {}),
    startDate: product.launchDate,
    cumulativeSold: sum(listing.dailySales, listing.dailySales.length) + 50,
    publishStatus: listing.status === 'active' ? 'Published' : 'Unpublished',
    lifecycleStatus: listing.status === 'active' ? 'Active' : 'Retired',
  };
}

/**
 * Order numbers in each marketplace's real format (the readers check them): Amazon 3-7-7 digits,
 * Walmart 13 digits, eBay 2-5-5 digits.
 * @example orderIdFor('amazon', '2026-11-20', 7) // '113-2026112-0000007'
 */
export function orderIdFor(platform: CatalogListing['platform'], date: string, n: number): string {
  const day = date.replaceAll('-', '');
  if (platform === 'amazon') return `113-${day.slice(0, 7)}-${String(n).padStart(7, '0')}`;
  if (platform === 'walmart') return `${day.slice(2)}${String(n).padStart(7, '0')}`;
  return `${day.slice(6)}-${String(n % 100000).padStart(5, '0')}-${day.slice(3, 8)}`;
}

/** One order line per listing and day with sales, over the last `days` days, on one marketplace. */
export function catalogOrders(catalog: DemoProduct[], marketplace: CatalogListing['marketplace'], today: string, days: number): DemoOrder[] {
  const orders: DemoOrder[] = [];
  for (const product of catalog) {
    for (const listing of product.listings.filter((l) => l.marketplace === marketplace)) {
      const platform = listing.platform;
      const sales = listing.dailySales;
      for (let back = 0; back < days; back++) {
        const units = sales[sales.length - 1 - back] ?? 0;
        if (units === 0) continue;
        const date = addDays(today, -back);
        orders.push({
          orderId: orderIdFor(platform, date, orders.length),
          orderDate: date,
          status: back === 0 ? 'unshipped' : 'shipped',
          fulfillment: listing.fulfillment,
          currency: listing.currency,
          lines: [
            {
              sku: listing.sku,
              title: product.title,
              quantity: units,
              itemPriceMinor: listing.priceMinor,
              ...(listing.itemId ? { itemId: listing.itemId } : {}),
            },
          ],
        });
      }
    }
  }
  return orders.sort((a, b) => (a.orderDate < b.orderDate ? 1 : -1));
}

/**
 * Days of orders the demo's order pages show: the "last 90 days" filter each marketplace's order
 * page offers. A shorter view leaves a seller-fulfilled listing with a month of history, too
 * little to tell a trend from noise.
 */
export const ORDER_DAYS = 90;

export function demoPages(catalog: DemoProduct[], today: string): DemoPage[] {
  const rowsFor = (marketplace: CatalogListing['marketplace'], fulfillment?: CatalogListing['fulfillment']) =>
    catalog.flatMap((p) =>
      p.listings.filter((l) => l.marketplace === marketplace && (!fulfillment || l.fulfillment === fulfillment)).map((l) => builderRow(p, l)),
    );
  return [
    {
      label: `Amazon Manage Orders (last ${ORDER_DAYS} days)`,
      url: 'https://sellercentral.amazon.com/orders-v3/mfn/all?page=1',
      html: withDemoStyle(buildAmazonOrdersHtml(catalogOrders(catalog, 'amazon.com', today, ORDER_DAYS)), 'kat-table'),
    },
    {
      label: 'Amazon FBA Inventory (sales t7/t30/t90, ages)',
      url: 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth',
      html: withDemoStyle(buildAmazonFbaInventoryHtml(rowsFor('amazon.com', 'FBA')), 'kat-table'),
    },
    {
      label: 'Amazon Restock Inventory',
      url: 'https://sellercentral.amazon.com/restockinventory/recommendations',
      html: withDemoStyle(buildAmazonRestockHtml(rowsFor('amazon.com', 'FBA')), 'kat-table'),
    },
    {
      label: 'Amazon.de FBA Inventory (pan-European FBA)',
      url: 'https://sellercentral.amazon.de/inventoryplanning/manageinventoryhealth',
      html: withDemoStyle(buildAmazonFbaInventoryHtml(rowsFor('amazon.de', 'FBA'), { lang: 'de', market: 'amazon.de' }), 'kat-table'),
    },
    {
      label: 'Amazon.fr FBA Inventory (pan-European FBA)',
      url: 'https://sellercentral.amazon.fr/inventoryplanning/manageinventoryhealth',
      html: withDemoStyle(buildAmazonFbaInventoryHtml(rowsFor('amazon.fr', 'FBA'), { market: 'amazon.fr' }), 'kat-table'),
    },
    {
      label: `Walmart Orders (last ${ORDER_DAYS} days)`,
      url: 'https://seller.walmart.com/order-management/details?orderGroups=All',
      html: withDemoStyle(buildWalmartOrdersHtml(catalogOrders(catalog, 'walmart.com', today, ORDER_DAYS)), 'table'),
    },
    {
      label: 'Walmart WFS Inventory',
      url: 'https://seller.walmart.com/wfsLite/manage-inventory',
      html: withDemoStyle(buildWalmartWfsInventoryHtml(rowsFor('walmart.com', 'WFS')), 'table'),
    },
    {
      label: 'Walmart Manage Items',
      url: 'https://seller.walmart.com/items-and-inventory/manage-items?searchType=ALL_ITEMS',
      html: withDemoStyle(buildWalmartManageItemsHtml(rowsFor('walmart.com')), 'table'),
    },
    {
      label: `eBay Orders (last ${ORDER_DAYS} days)`,
      url: 'https://www.ebay.com/sh/ord/?filter=status:ALL_ORDERS',
      html: withDemoStyle(buildEbayOrdersHtml(catalogOrders(catalog, 'ebay.com', today, ORDER_DAYS)), 'table'),
    },
    {
      label: 'eBay Active Listings',
      url: 'https://www.ebay.com/sh/lst/active?offset=0&limit=200',
      html: withDemoStyle(buildEbayActiveListingsHtml(rowsFor('ebay.com')), 'table'),
    },
    {
      label: 'Amazon Manage All Inventory',
      url: 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=50&sort=available_desc&status=all',
      html: withDemoStyle(buildAmazonManageInventoryHtml(rowsFor('amazon.com')), 'amazon-janus'),
      showcase: true,
    },
  ];
}

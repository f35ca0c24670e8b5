/**
 * The demo seller's pages: the catalogue rendered into each seller page's real structure by
 * the fixture builders, at the URL the real page lives at. Pages that give history (orders,
 * windowed sales) come first, so the planner has something to forecast from when the
 * inventory page (with the panels) is read.
 */
import { addDays } from '../../lib/locale/dates';
import { marketplaceForUrl } from '../../lib/locale/markets';
import { buildAmazonBusinessReportsHtml } from '../../tests/fixtures/builders/amazon-business-reports';
import { buildAmazonFbaInventoryHtml } from '../../tests/fixtures/builders/amazon-fba-inventory';
import { buildAmazonInventoryAgeHtml } from '../../tests/fixtures/builders/amazon-inventory-age';
import { buildAmazonManageInventoryHtml } from '../../tests/fixtures/builders/amazon-manage-inventory';
import { buildAmazonOrdersHtml } from '../../tests/fixtures/builders/amazon-orders';
import { buildAmazonRestockHtml } from '../../tests/fixtures/builders/amazon-restock';
import { buildAmazonShipmentContentsHtml, type DemoShipmentLine } from '../../tests/fixtures/builders/amazon-shipment-contents';
import { buildAmazonShipmentsHtml, type DemoShipment } from '../../tests/fixtures/builders/amazon-shipments';
import { buildEbayActiveListingsHtml, buildEbayOrdersHtml } from '../../tests/fixtures/builders/ebay';
import { buildWalmartManageItemsHtml, buildWalmartOrdersHtml, buildWalmartWfsInventoryHtml } from '../../tests/fixtures/builders/walmart';
import type { DemoListing, DemoOrder } from '../../tests/fixtures/builders/types';
import type { CatalogListing, DemoProduct } from './catalog';
import { withAccountHeader } from './account-header';
import { withDemoStyle } from './styles';

export interface DemoPage {
  label: string;
  url: string;
  html: string;
  /** Pages whose panels the demo screenshots. */
  showcase?: boolean;
  /** false: the page lists no SKU rows (the Shipments list), so it gets a summary bar (its shipments and units inbound) and no row panels. */
  rowPanels?: false;
  /**
   * The page that shows its page type in the screenshot gallery, when the type has several: the
   * orders awaiting shipment, whose few rows get their panels as fast as a listing page's (a
   * 90-day view's thousands of rows keep them waiting for minutes on a busy machine).
   */
  gallery?: true;
}

const sum = (values: number[], days: number) => values.slice(-days).reduce((a, b) => a + b, 0);

/** A catalogue listing as a builder row. */
export function builderRow(product: DemoProduct, listing: CatalogListing): DemoListing {
  return {
    sku: listing.sku,
    ...(listing.platform === 'amazon' ? { asin: product.asin } : {}),
    // FBA units carry Amazon's barcode: the FBA pages show it beside SKU and ASIN (as the hand-written fixtures do).
    ...(listing.platform === 'amazon' && listing.fulfillment === 'FBA' ? { fnsku: `X00${product.asin.slice(-7)}` } : {}),
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

/** Days of sales the demo's Business Report covers: the last 30 days, today included. */
const REPORT_DAYS = 30;

/** Each product's Amazon US listing with its units ordered over the last REPORT_DAYS days (the Business Report's rows). */
function businessReportRows(catalog: DemoProduct[]) {
  return catalog.flatMap((p) =>
    p.listings
      .filter((l) => l.marketplace === 'amazon.com')
      .map((l) => ({ sku: l.sku, asin: p.asin, title: p.title, unitsOrdered: sum(l.dailySales, REPORT_DAYS), priceMinor: l.priceMinor })),
  );
}

/**
 * The Amazon US FBA stock on its way, one shipment per product with inbound units, each with its
 * one line: sent today by sea, so due when the planner dates inbound that first appeared today
 * (FBA transit, 40 days by default), give or take two days.
 */
function catalogShipments(catalog: DemoProduct[], today: string): { shipment: DemoShipment; line: DemoShipmentLine }[] {
  return catalog.flatMap((p, index) =>
    p.listings
      .filter((l) => l.marketplace === 'amazon.com' && l.fulfillment === 'FBA' && l.inbound > 0)
      .map((l) => ({
        shipment: {
          shipmentId: `FBA18${(0x5a17 + index * 7919).toString(36).toUpperCase().padStart(7, '0')}`,
          name: `${l.sku} restock`,
          created: today,
          updated: today,
          shipTo: 'ONT8 - Moreno Valley, CA',
          skuCount: 1,
          unitsExpected: l.inbound,
          unitsLocated: 0,
          status: 'Shipped' as const,
          arrival: { from: addDays(today, 38), to: addDays(today, 42) },
        },
        line: { sku: l.sku, title: p.title, asin: p.asin, unitsShipped: l.inbound, unitsReceived: 0 },
      })),
  );
}

/**
 * Days of orders the demo's order pages show: the "last 90 days" filter each marketplace's order
 * page offers. A shorter view leaves a seller-fulfilled listing with a month of history, too
 * little to tell a trend from noise.
 */
export const ORDER_DAYS = 90;

export function demoPages(catalog: DemoProduct[], today: string): DemoPage[] {
  const shipments = catalogShipments(catalog, today);
  const firstShipment = shipments[0]!;
  const rowsFor = (marketplace: CatalogListing['marketplace'], fulfillment?: CatalogListing['fulfillment']) =>
    catalog.flatMap((p) =>
      p.listings.filter((l) => l.marketplace === marketplace && (!fulfillment || l.fulfillment === fulfillment)).map((l) => builderRow(p, l)),
    );
  const pages: DemoPage[] = [
    {
      label: `Amazon Manage Orders (last ${ORDER_DAYS} days)`,
      url: 'https://sellercentral.amazon.com/orders-v3/mfn/all?page=1',
      html: withDemoStyle(buildAmazonOrdersHtml(catalogOrders(catalog, 'amazon.com', today, ORDER_DAYS)), 'kat-table'),
    },
    {
      label: 'Amazon Manage Orders (unshipped, today)',
      url: 'https://sellercentral.amazon.com/orders-v3/mfn/unshipped?page=1',
      html: withDemoStyle(buildAmazonOrdersHtml(catalogOrders(catalog, 'amazon.com', today, 1)), 'kat-table'),
      gallery: true,
    },
    {
      label: 'Amazon FBA Inventory (sales t7/t30/t90, ages)',
      url: 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth',
      html: withDemoStyle(buildAmazonFbaInventoryHtml(rowsFor('amazon.com', 'FBA')), 'kat-table'),
    },
    {
      label: 'Amazon FBA Inventory Age',
      url: 'https://sellercentral.amazon.com/inventoryplanning/inventory-age',
      html: withDemoStyle(buildAmazonInventoryAgeHtml(rowsFor('amazon.com', 'FBA')), 'kat-table'),
    },
    {
      label: `Amazon Business Report by child item (last ${REPORT_DAYS} days)`,
      url: `https://sellercentral.amazon.com/business-reports/ref=xx_sitemetric_dnav_xx#/report?id=102%3ADetailSalesTrafficByChildItem&fromDate=${addDays(today, 1 - REPORT_DAYS)}&toDate=${today}`,
      html: withDemoStyle(buildAmazonBusinessReportsHtml(businessReportRows(catalog), { from: addDays(today, 1 - REPORT_DAYS), to: today }), 'kat-table'),
    },
    {
      label: 'Amazon Shipments',
      url: 'https://sellercentral.amazon.com/gp/ssof/shipping-queue.html',
      html: withDemoStyle(buildAmazonShipmentsHtml(shipments.map((s) => s.shipment)), 'table'),
      rowPanels: false,
    },
    {
      label: `Amazon shipment ${firstShipment.shipment.shipmentId}: contents`,
      url: `https://sellercentral.amazon.com/fba/inbound-shipment/summary/${firstShipment.shipment.shipmentId}/contents`,
      html: withDemoStyle(buildAmazonShipmentContentsHtml(firstShipment.shipment, [firstShipment.line]), 'table'),
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
      label: 'Walmart Orders (unshipped, today)',
      url: 'https://seller.walmart.com/order-management/details?orderGroups=Unshipped',
      html: withDemoStyle(buildWalmartOrdersHtml(catalogOrders(catalog, 'walmart.com', today, 1)), 'table'),
      gallery: true,
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
      label: 'eBay Orders (awaiting shipment, today)',
      url: 'https://www.ebay.com/sh/ord/?filter=status:AWAITING_SHIPMENT',
      html: withDemoStyle(buildEbayOrdersHtml(catalogOrders(catalog, 'ebay.com', today, 1)), 'table'),
      gallery: true,
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
  // Each signed in to the demo seller's account, shown in the site header as on the real page.
  return pages.map((page) => ({ ...page, html: withAccountHeader(page.html, marketplaceForUrl(page.url)!.platform) }));
}

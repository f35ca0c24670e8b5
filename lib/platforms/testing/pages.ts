/**
 * The page types the adapter tests read: one real-looking URL and marketplace per adapter, the
 * fixture files that reproduce its page (tests/fixtures/<platform>/<page>.<lang>.html, each with
 * its .md note), and the URL and marketplace each fixture's UI variant is read at.
 */

/** One real-looking URL per adapter, and the fixture files that reproduce its page. */
export const PAGES: Record<string, { url: string; market: string; fixtures: string[] }> = {
  'amazon/manage-inventory': {
    url: 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1',
    market: 'amazon.com',
    fixtures: ['amazon/manage-inventory.en', 'amazon/manage-inventory.zh', 'amazon/manage-inventory.de', 'amazon/manage-inventory.ja'],
  },
  'amazon/fba-inventory': {
    url: 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth',
    market: 'amazon.com',
    fixtures: ['amazon/fba-inventory.en', 'amazon/fba-inventory.de', 'amazon/fba-inventory-fees.en'],
  },
  'amazon/restock': {
    url: 'https://sellercentral.amazon.com/restockinventory/recommendations',
    market: 'amazon.com',
    fixtures: ['amazon/restock.en', 'amazon/restock.ja', 'amazon/restock.fr'],
  },
  'amazon/inventory-age': {
    url: 'https://sellercentral.amazon.com/inventoryplanning/inventory-age',
    market: 'amazon.com',
    fixtures: ['amazon/inventory-age.en', 'amazon/inventory-age.de', 'amazon/inventory-age.zh', 'amazon/inventory-age.ja'],
  },
  'amazon/business-reports': {
    url: 'https://sellercentral.amazon.com/business-reports/ref=xx_sitemetric_dnav_xx#/report?id=102%3ADetailSalesTrafficByChildItem&chartCols=&columns=0%2F1%2F2%2F3&fromDate=2026-01-29&toDate=2026-02-27',
    market: 'amazon.com',
    fixtures: ['amazon/business-reports.en', 'amazon/business-reports.de', 'amazon/business-reports.legacy.en'],
  },
  'amazon/orders': {
    url: 'https://sellercentral.amazon.com/orders-v3',
    market: 'amazon.com',
    fixtures: ['amazon/orders.en', 'amazon/orders.de', 'amazon/orders.ja'],
  },
  'amazon/shipments': {
    url: 'https://sellercentral.amazon.com/gp/ssof/shipping-queue.html',
    market: 'amazon.com',
    fixtures: ['amazon/shipments.en', 'amazon/shipments.de', 'amazon/shipments.grid.en'],
  },
  'amazon/shipment-contents': {
    url: 'https://sellercentral.amazon.com/fba/inbound-shipment/summary/FBA17XYZ12AB/contents',
    market: 'amazon.com',
    fixtures: ['amazon/shipment-contents.en', 'amazon/shipment-contents.zh', 'amazon/shipment-contents.de'],
  },
  'walmart/manage-items': {
    url: 'https://seller.walmart.com/items-and-inventory/manage-items?searchType=ALL_ITEMS',
    market: 'walmart.com',
    fixtures: ['walmart/manage-items.en', 'walmart/manage-items.es', 'walmart/manage-items.late.en'],
  },
  'walmart/wfs-inventory': {
    url: 'https://seller.walmart.com/wfsLite/manage-inventory',
    market: 'walmart.com',
    fixtures: ['walmart/wfs-inventory.en', 'walmart/wfs-inventory.es', 'walmart/wfs-inventory.health.en'],
  },
  'walmart/orders': {
    url: 'https://seller.walmart.com/order-management/details',
    market: 'walmart.com',
    fixtures: ['walmart/orders.en', 'walmart/orders.es', 'walmart/orders.item-sku.en'],
  },
  'ebay/active-listings': {
    url: 'https://www.ebay.com/sh/lst/active',
    market: 'ebay.com',
    fixtures: ['ebay/active-listings.en', 'ebay/active-listings.de', 'ebay/active-listings.treegrid.en'],
  },
  'ebay/orders': { url: 'https://www.ebay.com/sh/ord/', market: 'ebay.com', fixtures: ['ebay/orders.en', 'ebay/orders.de', 'ebay/orders.fr'] },
};

/**
 * The marketplace a fixture's UI language is shown on (German on .de, Japanese on .co.jp, French
 * on .fr, Spanish on Walmart México; English and Chinese on .com).
 */
const LOCAL_HOSTS: Record<string, Record<string, string>> = {
  de: { 'amazon.com': 'amazon.de', 'ebay.com': 'ebay.de' },
  ja: { 'amazon.com': 'amazon.co.jp' },
  fr: { 'amazon.com': 'amazon.fr', 'ebay.com': 'ebay.fr' },
  es: { 'walmart.com': 'walmart.com.mx' },
};

/**
 * The URL and marketplace a fixture is read at: its page's, moved to the fixture's own marketplace.
 * @example fixturePage('amazon/orders', 'amazon/orders.de') // { url: 'https://sellercentral.amazon.de/orders-v3', market: 'amazon.de' }
 */
export function fixturePage(adapterId: string, fixture: string): { url: string; market: string } {
  const page = PAGES[adapterId];
  if (!page) throw new Error(`no page for ${adapterId}`);
  const market = LOCAL_HOSTS[fixture.slice(fixture.lastIndexOf('.') + 1)]?.[page.market];
  return market ? { url: page.url.replace(page.market, market), market } : { url: page.url, market: page.market };
}

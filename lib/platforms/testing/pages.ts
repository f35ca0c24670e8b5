/**
 * The page types the adapter tests read: one real-looking URL and marketplace per adapter (from
 * its declaration's examples), the fixture files that reproduce its page
 * (tests/fixtures/<platform>/<page>.<lang>.html, each with its .md note), and the URL and
 * marketplace each fixture's UI variant is read at.
 */
import { marketplaceForUrl } from '../../locale/markets';
import { ADAPTERS } from '../index';

/**
 * The fixture files that reproduce each page type (tests/fixtures/<name>.html with <name>.md beside it):
 * at least three variants per page type, told apart as real variants are (lib/platforms/index.test.ts).
 */
export const PAGE_FIXTURES: Record<string, readonly string[]> = {
  'amazon/manage-inventory': ['amazon/manage-inventory.en', 'amazon/manage-inventory.zh', 'amazon/manage-inventory.de', 'amazon/manage-inventory.ja'],
  'amazon/fba-inventory': ['amazon/fba-inventory.en', 'amazon/fba-inventory.de', 'amazon/fba-inventory-fees.en'],
  'amazon/restock': ['amazon/restock.en', 'amazon/restock.ja', 'amazon/restock.fr'],
  'amazon/inventory-age': ['amazon/inventory-age.en', 'amazon/inventory-age.de', 'amazon/inventory-age.zh', 'amazon/inventory-age.ja'],
  'amazon/business-reports': ['amazon/business-reports.en', 'amazon/business-reports.de', 'amazon/business-reports.legacy.en'],
  'amazon/orders': ['amazon/orders.en', 'amazon/orders.de', 'amazon/orders.ja'],
  'amazon/shipments': ['amazon/shipments.en', 'amazon/shipments.de', 'amazon/shipments.grid.en'],
  'amazon/shipment-contents': ['amazon/shipment-contents.en', 'amazon/shipment-contents.zh', 'amazon/shipment-contents.de'],
  'walmart/manage-items': ['walmart/manage-items.en', 'walmart/manage-items.es', 'walmart/manage-items.late.en'],
  'walmart/wfs-inventory': ['walmart/wfs-inventory.en', 'walmart/wfs-inventory.es', 'walmart/wfs-inventory.health.en'],
  'walmart/orders': ['walmart/orders.en', 'walmart/orders.es', 'walmart/orders.item-sku.en'],
  'ebay/active-listings': ['ebay/active-listings.en', 'ebay/active-listings.de', 'ebay/active-listings.treegrid.en'],
  'ebay/orders': ['ebay/orders.en', 'ebay/orders.de', 'ebay/orders.fr'],
};

/**
 * One real-looking URL per page type (the first of its declaration's `examples.matches`), its
 * marketplace, and its fixtures.
 */
export const PAGES: Record<string, { url: string; market: string; fixtures: readonly string[] }> = Object.fromEntries(
  ADAPTERS.map((adapter) => {
    const url = adapter.examples.matches[0] ?? '';
    return [adapter.id, { url, market: marketplaceForUrl(url)?.id ?? '', fixtures: PAGE_FIXTURES[adapter.id] ?? [] }];
  }),
);

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

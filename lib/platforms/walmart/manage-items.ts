/**
 * Walmart Seller Center "Manage Items" (/items-and-inventory/manage-items): seller-fulfilled
 * and WFS items with price, inventory, publish and lifecycle status.
 *
 * Selectors: no public selector is known for this React table (class names are CSS-module
 * hashes), so the grid is whatever `<table>` or ARIA grid has a header row naming SKU and
 * inventory; `[data-automation-id="items-table"]` is tried first (?).
 */
import type { ListingStatus } from '../../records';
import type { PageAdapter } from '../types';
import { readListingPage, type ListingPageSpec } from '../shared/listing-page';
import { cellText } from '../shared/read';

const FIELDS = ['sku', 'title', 'itemId', 'gtin', 'fulfillment', 'price', 'available', 'publishStatus', 'lifecycleStatus', 'status'] as const;
type F = (typeof FIELDS)[number];

/**
 * Publish statuses in Walmart México's Spanish UI (and Walmart.ca's French one (?)), which the
 * shared status words do not know yet: "No publicado" -> inactive, "Publicado" -> active.
 * A retired item is left to the shared reading (lifecycle "Retirado" -> ended).
 * @example localPublishStatus(<td>No publicado</td>, <td>Activo</td>) // 'inactive'
 */
function localPublishStatus(publish: Element | undefined, lifecycle: Element | undefined): ListingStatus | undefined {
  if (/retir/i.test(cellText(lifecycle))) return undefined;
  const text = cellText(publish).toLowerCase();
  if (/^(no publicado|non publié|dépublié)/.test(text)) return 'inactive';
  if (/^(publicado|publié)/.test(text)) return 'active';
  return undefined;
}

const spec: ListingPageSpec<F> = {
  adapter: { id: 'walmart/manage-items', platform: 'walmart', title: 'Manage Items' },
  fields: FIELDS,
  required: ['sku', 'available'],
  preferredContainer: '[data-automation-id="items-table"]',
  identity: (_row, col) => ({ sku: cellText(col('sku')), status: localPublishStatus(col('publishStatus'), col('lifecycleStatus')) }),
};

/** @example matchesWalmartItems(new URL('https://seller.walmart.com/items-and-inventory/manage-items?searchType=ALL_ITEMS')) // true */
function matchesWalmartItems(url: URL): boolean {
  return /^\/items-and-inventory\/manage-items\/?$/.test(url.pathname);
}

export const adapter: PageAdapter = {
  id: spec.adapter.id,
  platform: 'walmart',
  title: spec.adapter.title,
  matches: matchesWalmartItems,
  openPath: '/items-and-inventory/manage-items',
  parse: (root, ctx) => readListingPage(spec, root, ctx),
  containerSelector: '[data-automation-id="items-table"], main',
  panelPlacement: { where: 'strip', variant: 'ARIA div grid (role=row): a full-width block under the row' },
};
export default adapter;

/**
 * Walmart Seller Center "Manage Items" (/items-and-inventory/manage-items): seller-fulfilled
 * and WFS items with price, inventory, publish and lifecycle status.
 *
 * Selectors: no public selector is known for this React table (class names are CSS-module
 * hashes), so the grid is whatever `<table>` or ARIA grid has a header row naming SKU and
 * inventory; `[data-automation-id="items-table"]` is tried first (?).
 */
import type { ListingStatus } from '../../records';
import { definePage, listingFields } from '../shared/define-page';
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

/**
 * The `data-automation-id` each field's body cells carry on every known variant (ARIA grid and
 * table, manage-items.en/.es/.late.en): the second signal after the header text, so a header
 * wording no synonym knows is still read. The header cells carry only positions ("column-header-3").
 */
const COLUMN_HINTS: Partial<Record<F, readonly string[]>> = {
  title: ['data-automation-id=product-name'],
  sku: ['data-automation-id=sku'],
  itemId: ['data-automation-id=item-id'],
  gtin: ['data-automation-id=gtin'],
  fulfillment: ['data-automation-id=fulfillment'],
  price: ['data-automation-id=price'],
  available: ['data-automation-id=inventory'],
  publishStatus: ['data-automation-id=publish-status'],
  lifecycleStatus: ['data-automation-id=lifecycle-status'],
};

const spec: ListingPageSpec<F> = {
  adapter: { id: 'walmart/manage-items', platform: 'walmart', title: 'Manage Items' },
  fields: FIELDS,
  required: ['sku', 'available'],
  preferredContainer: '[data-automation-id="items-table"]',
  columnHints: COLUMN_HINTS,
  identity: (_row, col) => ({ sku: cellText(col('sku')), status: localPublishStatus(col('publishStatus'), col('lifecycleStatus')) }),
};

function matchesWalmartItems(url: URL): boolean {
  return /^\/items-and-inventory\/manage-items\/?$/.test(url.pathname);
}

export const adapter = definePage({
  ...spec.adapter,
  matches: matchesWalmartItems,
  openPath: '/items-and-inventory/manage-items',
  examples: {
    matches: [
      'https://seller.walmart.com/items-and-inventory/manage-items?searchType=ALL_ITEMS',
      'https://seller.walmart.com/items-and-inventory/manage-items/',
    ],
    doesNotMatch: ['https://seller.walmart.com/items-and-inventory/manage-items/edit', 'https://sellercentral.amazon.com/items-and-inventory/manage-items'],
  },
  fields: listingFields(spec),
  parse: (root, ctx) => readListingPage(spec, root, ctx),
  containerSelector: '[data-automation-id="items-table"], main',
  panelPlacement: { where: 'strip', variant: 'ARIA div grid (role=row): a full-width block under the row' },
});
export default adapter;

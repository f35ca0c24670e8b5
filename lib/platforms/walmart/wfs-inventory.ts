/**
 * Walmart Seller Center WFS inventory (/wfsLite/manage-inventory, /wfs/inventory): units in
 * Walmart fulfilment centres, with days of supply, units sold in the last 7 and 30 days and, where
 * the page shows it, Walmart's suggested replenishment (read as recommendedQuantity).
 *
 * Selectors: the `<table>` / ARIA grid whose header names SKU and available units
 * (`[data-automation-id="wfs-inventory-table"]` tried first (?)). Every row is WFS.
 */
import { definePage, listingFields, PRODUCT_CELL_SIGNALS } from '../shared/define-page';
import { identityFromLabels, readListingPage, type ListingPageSpec } from '../shared/listing-page';
import { cellText } from '../shared/read';

const FIELDS = [
  'sku',
  'title',
  'itemId',
  'gtin',
  'available',
  'reserved',
  'inbound',
  'daysOfSupply',
  'unitsSold7',
  'unitsSold30',
  'unfulfillable',
  'publishStatus',
  'lifecycleStatus',
  // Walmart's own replenishment suggestion ("Suggested Units", as in the Inventory Health report).
  'recommendedQuantity',
] as const;
type F = (typeof FIELDS)[number];

/**
 * The `data-automation-id` each field's body cells carry: only the Inventory Health variant
 * (wfs-inventory.health.en) has them; the plain table (wfs-inventory.en/.es) has none, and is
 * read by header text alone.
 */
const COLUMN_HINTS: Partial<Record<F, readonly string[]>> = {
  sku: ['data-automation-id=sku'],
  itemId: ['data-automation-id=item-id'],
  available: ['data-automation-id=available'],
  reserved: ['data-automation-id=reserved'],
  inbound: ['data-automation-id=inbound'],
  daysOfSupply: ['data-automation-id=days-of-supply'],
  unitsSold7: ['data-automation-id=sold-7'],
  unitsSold30: ['data-automation-id=sold-30'],
  recommendedQuantity: ['data-automation-id=suggested-units'],
};

const spec: ListingPageSpec<F> = {
  adapter: { id: 'walmart/wfs-inventory', platform: 'walmart', title: 'WFS Inventory' },
  fields: FIELDS,
  required: ['sku', 'available'],
  // Only the Inventory Health variant (wfs-inventory.health.en) shows Suggested Units; no known
  // variant shows unfulfillable units or publish/lifecycle statuses, read when a page has them.
  mayBeAbsent: ['unfulfillable', 'publishStatus', 'lifecycleStatus', 'recommendedQuantity'],
  preferredContainer: '[data-automation-id="wfs-inventory-table"]',
  columnHints: COLUMN_HINTS,
  ageBuckets: true,
  defaultFulfillment: 'WFS',
  // Some builds show the GTIN (or item id) as a "GTIN: …" line under the product name instead of a column.
  identity: (_row, col) => {
    const labelled = identityFromLabels(col('title'));
    return { sku: cellText(col('sku')), gtin: labelled.gtin, itemId: labelled.itemId, title: labelled.title };
  },
};

function matchesWalmartWfs(url: URL): boolean {
  return /^\/(wfsLite\/manage-inventory|wfs\/inventory)\/?$/.test(url.pathname);
}

export const adapter = definePage({
  ...spec.adapter,
  matches: matchesWalmartWfs,
  openPath: '/wfsLite/manage-inventory',
  examples: {
    matches: ['https://seller.walmart.com/wfsLite/manage-inventory', 'https://seller.walmart.com/wfs/inventory'],
    doesNotMatch: ['https://seller.walmart.com/wfsLite/inbound-orders', 'https://seller.walmart.com/wfs/inventory/health'],
  },
  fields: listingFields(spec, { signals: PRODUCT_CELL_SIGNALS }),
  parse: (root, ctx) => readListingPage(spec, root, ctx),
  containerSelector: '[data-automation-id="wfs-inventory-table"], main',
  panelPlacement: { where: 'strip', variant: 'WFS <table>: a <tr> spanning every column under the row' },
});
export default adapter;

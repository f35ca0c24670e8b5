/**
 * Walmart Seller Center WFS inventory (/wfsLite/manage-inventory, /wfs/inventory): units in
 * Walmart fulfilment centres, with days of supply, units sold in the last 7 and 30 days and, where
 * the page shows it, Walmart's suggested replenishment (read as recommendedQuantity).
 *
 * Selectors: the `<table>` / ARIA grid whose header names SKU and available units
 * (`[data-automation-id="wfs-inventory-table"]` tried first (?)). Every row is WFS.
 */
import type { PageAdapter } from '../types';
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

const spec: ListingPageSpec<F> = {
  adapter: { id: 'walmart/wfs-inventory', platform: 'walmart', title: 'WFS Inventory' },
  fields: FIELDS,
  required: ['sku', 'available'],
  preferredContainer: '[data-automation-id="wfs-inventory-table"]',
  ageBuckets: true,
  defaultFulfillment: 'WFS',
  // Some builds show the GTIN (or item id) as a "GTIN: …" line under the product name instead of a column.
  identity: (_row, col) => {
    const labelled = identityFromLabels(col('title'));
    return { sku: cellText(col('sku')), gtin: labelled.gtin, itemId: labelled.itemId, title: labelled.title };
  },
};

/** @example matchesWalmartWfs(new URL('https://seller.walmart.com/wfsLite/manage-inventory')) // true */
function matchesWalmartWfs(url: URL): boolean {
  return /^\/(wfsLite\/manage-inventory|wfs\/inventory)\/?$/.test(url.pathname);
}

export const adapter: PageAdapter = {
  id: spec.adapter.id,
  platform: 'walmart',
  title: spec.adapter.title,
  matches: matchesWalmartWfs,
  openPath: '/wfsLite/manage-inventory',
  parse: (root, ctx) => readListingPage(spec, root, ctx),
  containerSelector: '[data-automation-id="wfs-inventory-table"], main',
  panelPlacement: { where: 'strip', variant: 'WFS <table>: a <tr> spanning every column under the row' },
};
export default adapter;

/**
 * Walmart Seller Center WFS inventory (/wfsLite/manage-inventory, /wfs/inventory): units in
 * Walmart fulfilment centres, with days of supply and units sold in the last 7 and 30 days.
 *
 * Selectors: the `<table>` / ARIA grid whose header names SKU and available units
 * (`[data-automation-id="wfs-inventory-table"]` tried first (?)). Every row is WFS.
 */
import type { PageAdapter } from '../types';
import { readListingPage, type ListingPageSpec } from '../shared/listing-page';
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
] as const;
type F = (typeof FIELDS)[number];

const spec: ListingPageSpec<F> = {
  adapter: { id: 'walmart/wfs-inventory', platform: 'walmart', title: 'WFS Inventory' },
  fields: FIELDS,
  required: ['sku', 'available'],
  preferredContainer: '[data-automation-id="wfs-inventory-table"]',
  ageBuckets: true,
  defaultFulfillment: 'WFS',
  identity: (_row, col) => ({ sku: cellText(col('sku')) }),
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

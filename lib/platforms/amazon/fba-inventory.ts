/**
 * Amazon Seller Central "FBA Inventory" / inventory health (/inventoryplanning/manageinventoryhealth,
 * on some accounts /manage/fba-inventory).
 *
 * Selectors and the UI variant they match:
 * - grid: `kat-table` (Katal web components) with `kat-table-head` / `kat-table-body[role=rowgroup]`
 *   / `kat-table-row` / `kat-table-cell`; any `<table>` or ARIA grid with the same headers is
 *   accepted too (the page has been rebuilt more than once).
 * - identity: "SKU: …", "ASIN: …", "FNSKU: …" lines in the product cell (public scripts match
 *   `ASIN:\s(\w{10})` in the row text); `data-sku` on the row when present.
 * - age buckets: every header naming a day range ("91-180 days", "Alter 91–180 Tage").
 */
import type { PageAdapter } from '../types';
import { identityFromLabels, readListingPage, type ListingPageSpec } from '../shared/listing-page';

const FIELDS = [
  'productDetails',
  'sku',
  'asin',
  'title',
  'available',
  'inbound',
  'reserved',
  'unfulfillable',
  'unitsSold7',
  'unitsSold30',
  'unitsSold60',
  'unitsSold90',
  'daysOfSupply',
  'historicalDaysOfSupply',
  'recommendedAction',
  'storageCost',
  'alert',
  'status',
] as const;

type F = (typeof FIELDS)[number];

const spec: ListingPageSpec<F> = {
  adapter: { id: 'amazon/fba-inventory', platform: 'amazon', title: 'FBA Inventory' },
  fields: FIELDS,
  required: ['productDetails', 'available'],
  preferredContainer: 'kat-table',
  ageBuckets: true,
  defaultFulfillment: 'FBA',
  identity: (row, col) => {
    const id = identityFromLabels(col('productDetails'));
    return { ...id, sku: id.sku ?? row.getAttribute('data-sku') ?? undefined };
  },
};

/**
 * @example matchesFbaInventory(new URL('https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth')) // true
 */
function matchesFbaInventory(url: URL): boolean {
  return /^\/(inventoryplanning\/manageinventoryhealth|manage\/fba-inventory)\/?$/.test(url.pathname);
}

export const adapter: PageAdapter = {
  id: spec.adapter.id,
  platform: 'amazon',
  title: spec.adapter.title,
  matches: matchesFbaInventory,
  openPath: '/inventoryplanning/manageinventoryhealth',
  parse: (root, ctx) => readListingPage(spec, root, ctx),
  containerSelector: 'kat-table',
  panelPlacement: { where: 'strip', variant: 'Katal kat-table (CSS table rows, no colspan): a table row under the row, the panel drawn across it' },
};
export default adapter;

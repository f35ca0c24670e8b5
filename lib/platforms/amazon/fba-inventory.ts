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
import { definePage, listingFields, PRODUCT_CELL_SIGNALS } from '../shared/define-page';
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

/**
 * The `data-cy` each field's Katal body cells carry (fba-inventory.en/.de, fba-inventory-fees.en):
 * the second signal after the header text. The header cells carry none.
 */
const COLUMN_HINTS: Partial<Record<F, readonly string[]>> = {
  productDetails: ['data-cy=product-details'],
  available: ['data-cy=available'],
  inbound: ['data-cy=inbound'],
  reserved: ['data-cy=reserved'],
  unfulfillable: ['data-cy=unfulfillable'],
  unitsSold7: ['data-cy=units-sold-7'],
  unitsSold30: ['data-cy=units-sold-30'],
  unitsSold90: ['data-cy=units-sold-90'],
  daysOfSupply: ['data-cy=days-of-supply'],
  historicalDaysOfSupply: ['data-cy=historical-days-of-supply'],
  storageCost: ['data-cy=storage-cost'],
  recommendedAction: ['data-cy=recommended-action'],
};

const spec: ListingPageSpec<F> = {
  adapter: { id: 'amazon/fba-inventory', platform: 'amazon', title: 'FBA Inventory' },
  fields: FIELDS,
  required: ['productDetails', 'available'],
  // Shown by some variants only: the 60-day sales, historical days of supply (the storage-fee
  // variant, fba-inventory-fees.en), an alert and a status column are missing from the plain page
  // (fba-inventory.en/.de), which is no reason to warn.
  mayBeAbsent: ['unitsSold60', 'historicalDaysOfSupply', 'alert', 'status'],
  preferredContainer: 'kat-table',
  columnHints: COLUMN_HINTS,
  ageBuckets: true,
  defaultFulfillment: 'FBA',
  identity: (row, col) => {
    const id = identityFromLabels(col('productDetails'));
    return { ...id, sku: id.sku ?? row.getAttribute('data-sku') ?? undefined };
  },
};

function matchesFbaInventory(url: URL): boolean {
  return /^\/(inventoryplanning\/manageinventoryhealth|manage\/fba-inventory)\/?$/.test(url.pathname);
}

export const adapter = definePage({
  ...spec.adapter,
  matches: matchesFbaInventory,
  openPath: '/inventoryplanning/manageinventoryhealth',
  examples: {
    matches: ['https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth', 'https://sellercentral.amazon.co.uk/manage/fba-inventory'],
    doesNotMatch: [
      'https://sellercentral.amazon.com/inventoryplanning/inventory-age',
      'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth/export',
    ],
  },
  fields: listingFields(spec, { signals: PRODUCT_CELL_SIGNALS }),
  parse: (root, ctx) => readListingPage(spec, root, ctx),
  containerSelector: 'kat-table',
  panelPlacement: { where: 'strip', variant: 'Katal kat-table (CSS table rows, no colspan): a table row under the row, the panel drawn across it' },
});
export default adapter;

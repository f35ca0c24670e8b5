/**
 * Amazon Seller Central "Restock Inventory" recommendations (/restockinventory/recommendations).
 *
 * Selectors: the recommendations grid found by header text (Katal `kat-table`, or a `<table>` /
 * ARIA grid: the markup of this page is not publicly documented (?)); identity from the
 * "SKU: …", "ASIN: …" lines of the product cell, or SKU/ASIN columns when the seller shows them.
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
  'unitsSold30',
  'daysOfSupply',
  'alert',
  'recommendedQuantity',
  'recommendedShipDate',
  'recommendedAction',
  'fulfillment',
] as const;
type F = (typeof FIELDS)[number];

/** The `data-cy` each field's Katal body cells carry (every restock fixture); the header cells carry none. */
const COLUMN_HINTS: Partial<Record<F, readonly string[]>> = {
  productDetails: ['data-cy=product-details'],
  available: ['data-cy=available'],
  inbound: ['data-cy=inbound'],
  unitsSold30: ['data-cy=units-sold-30'],
  daysOfSupply: ['data-cy=days-of-supply'],
  alert: ['data-cy=alert'],
  recommendedQuantity: ['data-cy=recommended-qty'],
  recommendedShipDate: ['data-cy=recommended-ship-date'],
  recommendedAction: ['data-cy=recommended-action'],
};

const spec: ListingPageSpec<F> = {
  adapter: { id: 'amazon/restock', platform: 'amazon', title: 'Restock Inventory' },
  fields: FIELDS,
  required: ['recommendedQuantity'],
  ageBuckets: false,
  columnHints: COLUMN_HINTS,
  defaultFulfillment: 'FBA',
  onGrid: ({ columns }, diags) => {
    // The SKU comes from the product cell's "SKU: …" line or a SKU column (rows carry no
    // data-sku): without either every row would be skipped, so say so once and read nothing.
    if (!columns.has('productDetails') && !columns.has('sku')) diags.missingColumn('sku', 'Restock Inventory');
  },
  identity: (row, col) => {
    const id = identityFromLabels(col('productDetails'));
    const skuCell = col('sku');
    return { ...id, sku: id.sku ?? (skuCell?.textContent?.trim() || row.getAttribute('data-sku') || undefined) };
  },
};

function matchesRestock(url: URL): boolean {
  return /^\/restockinventory\/recommendations\/?$/.test(url.pathname);
}

export const adapter = definePage({
  ...spec.adapter,
  matches: matchesRestock,
  openPath: '/restockinventory/recommendations',
  examples: {
    matches: ['https://sellercentral.amazon.com/restockinventory/recommendations', 'https://sellercentral.amazon.com/restockinventory/recommendations?ref=xx'],
    doesNotMatch: ['https://sellercentral.amazon.com/restockinventory/settings', 'https://seller.walmart.com/restockinventory/recommendations'],
  },
  fields: listingFields(spec, { signals: PRODUCT_CELL_SIGNALS, required: ['sku'] }),
  parse: (root, ctx) => readListingPage(spec, root, ctx),
  containerSelector: 'kat-table, table',
  panelPlacement: { where: 'strip', variant: 'Katal kat-table (CSS table rows, no colspan): a table row under the row, the panel drawn across it' },
});
export default adapter;

/**
 * Amazon Seller Central "FBA Inventory Age" (/inventoryplanning/inventory-age, the path Seller
 * Central's own help links to): per SKU, the sellable units and how long they have been in the
 * fulfilment network (0-90 / 91-180 / 181-270 / 271-365 / 365+ days), with units sold and the
 * estimated aged-inventory surcharge (formerly long-term storage fee). The same figures appear on
 * the FBA Inventory page (amazon/fba-inventory); this is the aged-inventory view of them.
 *
 * Selectors and the UI variant they match:
 * - grid: `kat-table` (Katal web components: `kat-table-head` / `kat-table-body[role=rowgroup]` /
 *   `kat-table-row` / `kat-table-cell`), as on FBA Inventory (?: this view's markup is not
 *   publicly documented); any `<table>` or ARIA grid with the same headers is accepted too.
 * - identity: "SKU: …", "ASIN: …", "FNSKU: …" lines and the /dp/ title link in the product cell,
 *   or SKU / ASIN / FNSKU / title columns when shown (?); `data-sku` on the row when present (?).
 * - age buckets: every header naming a day range ("91-180 days", "91 bis 180 Tage",
 *   "库龄 91-180 天", "在庫日数 91～180日"; "365+ days", "Mehr als 365 Tage", "365 天以上").
 *   Whether the live view shows them as columns or inside one "Inventory age" cell with a
 *   "Details" link (as a 2020s help page describes) is uncertain (?); only columns are read.
 * - not read: the estimated aged-inventory surcharge column. No record field carries a
 *   page-reported surcharge (the planner computes it from the age buckets and the seller's fee
 *   schedule); its header matches no other field, so it is never mistaken for one.
 */
import { definePage, listingFields, PRODUCT_CELL_SIGNALS } from '../shared/define-page';
import { identityFromLabels, readListingPage, type ListingPageSpec } from '../shared/listing-page';
import { cellText } from '../shared/read';

/** Header fields (lib/locale/headers.ts HEADER_SYNONYMS) the columns of this page hold. */
const FIELDS = [
  'productDetails',
  'sku',
  'asin',
  'fnsku',
  'title',
  'available',
  'unitsSold7',
  'unitsSold30',
  'unitsSold60',
  'unitsSold90',
  'recommendedAction',
] as const;
type F = (typeof FIELDS)[number];

/** The `data-cy` each field's Katal body cells carry (every inventory-age fixture); the header cells carry none. */
const COLUMN_HINTS: Partial<Record<F, readonly string[]>> = {
  productDetails: ['data-cy=product-details'],
  available: ['data-cy=available'],
  unitsSold7: ['data-cy=units-sold-7'],
  unitsSold30: ['data-cy=units-sold-30'],
  unitsSold90: ['data-cy=units-sold-90'],
  recommendedAction: ['data-cy=recommended-action'],
};

const spec: ListingPageSpec<F> = {
  adapter: { id: 'amazon/inventory-age', platform: 'amazon', title: 'Inventory Age' },
  fields: FIELDS,
  required: ['available'],
  // The page shows 7-, 30- and 90-day sales; a 60-day column is read when a variant has one.
  mayBeAbsent: ['unitsSold60'],
  preferredContainer: 'kat-table',
  columnHints: COLUMN_HINTS,
  ageBuckets: true,
  defaultFulfillment: 'FBA',
  identity: (row, col) => {
    const id = identityFromLabels(col('productDetails'));
    return { ...id, sku: id.sku ?? (cellText(col('sku')) || row.getAttribute('data-sku') || undefined) };
  },
  onGrid: ({ columns }, diags) => {
    // Identity is required too, from the product cell or a SKU column: without either, say so once (nothing is read).
    if (!columns.has('productDetails') && !columns.has('sku')) diags.missingColumn('sku', 'Inventory Age');
  },
};

function matchesInventoryAge(url: URL): boolean {
  return /^\/inventoryplanning\/inventory-age\/?$/.test(url.pathname);
}

export const adapter = definePage({
  ...spec.adapter,
  matches: matchesInventoryAge,
  examples: {
    matches: ['https://sellercentral.amazon.com/inventoryplanning/inventory-age', 'https://sellercentral.amazon.de/inventoryplanning/inventory-age?ref=xx'],
    doesNotMatch: [
      'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth',
      'https://sellercentral.amazon.com/inventoryplanning/inventory-age/details',
    ],
  },
  fields: listingFields(spec, { signals: PRODUCT_CELL_SIGNALS, required: ['sku'] }),
  parse: (root, ctx) => readListingPage(spec, root, ctx),
  containerSelector: 'kat-table, table',
  panelPlacement: { where: 'strip', variant: 'Katal kat-table (CSS table rows, no colspan): a table row under the row, the panel drawn across it' },
});
export default adapter;

/**
 * eBay Seller Hub "Active listings" (/sh/lst/active).
 *
 * Selectors and the UI variant they match (Seller Hub "shui" data table, 2020+):
 * - grid: `table[role="grid"]`, rows `tr.grid-row[data-id]` (data-id = item number).
 * - columns: by header text (en, de, zh, ja), then by the `.shui-dt-column__<name>` classes
 *   header cells carry (title, listingSKU, price, availableQuantity, soldQuantity, watchCount,
 *   startDate), so a header language no synonym knows is still read ('column-from-hint'); when a
 *   class disagrees with the header text a 'column-mismatch' warning is reported and the header
 *   text wins.
 * - variations (?): a parent row followed by rows with the same data-id (class
 *   `grid-row--variation` in the fixture, or `aria-level` 2 under a level-1 parent); children
 *   get parentSku = the parent's SKU (or its item number when the parent has no custom label)
 *   and their variation text. A parent is known by any of: the next row carries its item number
 *   or a deeper aria-level (its child rows), "3 variations" text or an `aria-expanded` toggle in
 *   the row: so the title column is not needed to tell it (its available count is its
 *   children's sum, and reading it as a listing would count that stock twice).
 * - only the custom label (SKU) and available quantity columns are required; a missing title,
 *   price or start date is a warning. Listings without a custom label use the item number as
 *   SKU; a page without the custom label column (hidden in "Customize table") is not read,
 *   since every SKU would change.
 * "Sold quantity" is cumulative over the listing's life (-> cumulativeSold).
 */
import { definePage, listingFields } from '../shared/define-page';
import { labelsOf, readListingPage, type ListingPageSpec } from '../shared/listing-page';
import { cellText } from '../shared/read';

const FIELDS = ['title', 'sku', 'available', 'price', 'soldQuantity', 'watchers', 'startDate', 'variation', 'status'] as const;
type F = (typeof FIELDS)[number];

/** The shui column class each field's header cell carries: the second signal after the header text. */
const COLUMN_HINTS: Partial<Record<F, readonly string[]>> = {
  title: ['class=shui-dt-column__title'],
  sku: ['class=shui-dt-column__listingSKU'],
  available: ['class=shui-dt-column__availableQuantity'],
  price: ['class=shui-dt-column__price'],
  soldQuantity: ['class=shui-dt-column__soldQuantity'],
  watchers: ['class=shui-dt-column__watchCount'],
  startDate: ['class=shui-dt-column__startDate', 'class=shui-dt-column__scheduledStartDate'],
};

const spec: ListingPageSpec<F> = {
  adapter: { id: 'ebay/active-listings', platform: 'ebay', title: 'Active listings' },
  fields: FIELDS,
  // The custom label column: without it every listing would be keyed by its item number, a
  // different identity from the same listing read with the column shown. No title: variation
  // parents are found from the rows themselves (isVariationParent).
  required: ['sku', 'available'],
  // Variation details are a column only where the seller has variation listings and the grid
  // shows them flat; the tree grid (active-listings.treegrid.en) puts them in the child rows.
  mayBeAbsent: ['variation'],
  preferredContainer: 'table[role="grid"]',
  defaultFulfillment: 'SELLER',
  columnHints: COLUMN_HINTS,
  identity: (row, col, { previous }) => {
    const itemId = (row.getAttribute('data-id') ?? '').trim() || undefined;
    const skuText = cellText(col('sku'));
    // The family in progress: the previous row was its parent or one of its children.
    const familyItem = previous?.isParent || previous?.parentSku ? previous.itemId : undefined;
    const parentKey = previous?.isParent ? previous.sku : previous?.parentSku;
    const isChild = familyItem !== undefined && ((row.getAttribute('class') ?? '').includes('variation') || itemId === familyItem || ariaLevel(row) > 1);
    const titleCell = col('title');
    // The title cell's text is read once per row: the variation text, the "3 variations" test and
    // the label/value lines all come from it.
    const titleText = titleCell ? cellText(titleCell) : undefined;
    const labels = labelsOf(titleCell, titleText);
    if (isChild && parentKey) {
      return {
        sku: skuText || undefined,
        itemId,
        parentSku: parentKey,
        title: previous?.title,
        variation: (titleCell ? titleText : cellText(row.querySelector('.variation-details') ?? undefined)) || undefined,
        labels,
        status: 'active',
      };
    }
    const link = titleCell?.querySelector('a');
    const title = link ? cellText(link) : titleText;
    // A listing without a custom label is kept under its item number (shared keyedByItemId, with a warning).
    return { sku: skuText || undefined, itemId, title: title || undefined, isParent: isVariationParent(row, itemId, titleText), labels, status: 'active' };
  },
};

const VARIATIONS = /\d+\s*(variations|varianten|variantes|varianti|个多属性|个变体|バリエーション)/i;

/** A row's aria-level (tree grids nest variation rows one level down); 0 when it has none. */
function ariaLevel(row: Element): number {
  return Number(row.getAttribute('aria-level')) || 0;
}

/**
 * True for a variation parent row, from whatever the row shows: child rows after it (the next row
 * carries the same item number, or sits one aria-level deeper), an `aria-expanded` toggle, or
 * "3 variations" text (in the title cell, else anywhere in the row).
 * @example isVariationParent(<tr data-id="1">…</tr> followed by <tr data-id="1" class="grid-row--variation">, '1', undefined) // true
 */
function isVariationParent(row: Element, itemId: string | undefined, titleText: string | undefined): boolean {
  const next = row.nextElementSibling;
  if (next && itemId && next.getAttribute('data-id') === itemId) return true;
  if (next && ariaLevel(row) > 0 && ariaLevel(next) > ariaLevel(row)) return true;
  if (row.getAttribute('aria-expanded') !== null || row.querySelector('[aria-expanded][aria-controls]')) return true;
  return VARIATIONS.test(titleText ?? (row.textContent ?? '').slice(0, 2000));
}

function matchesEbayActive(url: URL): boolean {
  return /^\/sh\/lst\/active\/?$/.test(url.pathname);
}

export const adapter = definePage({
  ...spec.adapter,
  matches: matchesEbayActive,
  openPath: '/sh/lst/active',
  examples: {
    matches: ['https://www.ebay.com/sh/lst/active', 'https://www.ebay.co.uk/sh/lst/active?offset=0&limit=200'],
    doesNotMatch: ['https://www.ebay.com/sh/lst/ended', 'https://www.ebay.com/lst/active'],
  },
  fields: listingFields(spec, { signals: { sku: ['hint'], title: ['link'] } }),
  parse: (root, ctx) => readListingPage(spec, root, ctx),
  containerSelector: 'table[role="grid"] > tbody, table[role="grid"]',
  panelPlacement: { where: 'strip', variant: 'Seller Hub shui grid <table>: a <tr> spanning every column under the row' },
});
export default adapter;

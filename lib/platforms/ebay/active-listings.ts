/**
 * eBay Seller Hub "Active listings" (/sh/lst/active).
 *
 * Selectors and the UI variant they match (Seller Hub "shui" data table, 2020+):
 * - grid: `table[role="grid"]`, rows `tr.grid-row[data-id]` (data-id = item number).
 * - columns: by header text (en, de, zh, ja). Cells also carry `.shui-dt-column__<name>`
 *   classes (title, listingSKU, price, availableQuantity, soldQuantity, watchCount,
 *   startDate); when a class disagrees with the header text a 'column-mismatch' warning is
 *   reported and the header text wins.
 * - variations (?): a parent row followed by rows with the same data-id (class
 *   `grid-row--variation` in the fixture); children get parentSku = the parent's SKU (or its
 *   item number when the parent has no custom label) and their variation text.
 * - listings without a custom label (SKU) use the item number as SKU; a page without the custom
 *   label column (hidden in "Customize table") is not read, since every SKU would change.
 * "Sold quantity" is cumulative over the listing's life (-> cumulativeSold).
 */
import type { PageAdapter } from '../types';
import { readListingPage, type ListingPageSpec } from '../shared/listing-page';
import { cellText } from '../shared/read';

const FIELDS = ['title', 'sku', 'available', 'price', 'soldQuantity', 'watchers', 'startDate', 'variation', 'status'] as const;
type F = (typeof FIELDS)[number];

/** The shui column class each field's cells carry. */
const COLUMN_CLASS: Partial<Record<F, string>> = {
  title: 'title',
  sku: 'listingSKU',
  available: 'availableQuantity',
  price: 'price',
  soldQuantity: 'soldQuantity',
  watchers: 'watchCount',
  startDate: 'startDate',
};

const spec: ListingPageSpec<F> = {
  adapter: { id: 'ebay/active-listings', platform: 'ebay', title: 'Active listings' },
  fields: FIELDS,
  // The custom label column too: without it every listing would be keyed by its item number, a
  // different identity from the same listing read with the column shown.
  required: ['title', 'sku', 'available'],
  preferredContainer: 'table[role="grid"]',
  defaultFulfillment: 'SELLER',
  onGrid: ({ columns, container }, diags) => {
    // Header text wins, but a class naming another column is worth a warning: the seller's
    // column layout or eBay's markup changed.
    const headerCells = Array.from(container.querySelectorAll(':scope > thead > tr > th'));
    for (const [field, index] of columns) {
      const expected = COLUMN_CLASS[field];
      const cls = headerCells[index]?.getAttribute('class') ?? '';
      if (expected && cls.includes('shui-dt-column__') && !cls.includes(`shui-dt-column__${expected}`)) {
        diags.add('warning', 'column-mismatch', `The "${field}" header sits on a column marked "${cls.slice(0, 60)}".`, { column: field });
      }
    }
  },
  identity: (row, col, { previous }) => {
    const itemId = (row.getAttribute('data-id') ?? '').trim() || undefined;
    const skuText = cellText(col('sku'));
    // The family in progress: the previous row was its parent or one of its children.
    const familyItem = previous?.isParent || previous?.parentSku ? previous.itemId : undefined;
    const parentKey = previous?.isParent ? previous.sku : previous?.parentSku;
    const isChild = familyItem !== undefined && ((row.getAttribute('class') ?? '').includes('variation') || itemId === familyItem);
    if (isChild && parentKey) {
      return {
        sku: skuText || undefined,
        itemId,
        parentSku: parentKey,
        title: previous?.title,
        variation: cellText(col('title')) || undefined,
        status: 'active',
      };
    }
    const titleCell = col('title');
    const link = titleCell?.querySelector('a');
    const isParent = /\d+\s*(variations|varianten|个多属性|个变体|バリエーション)/i.test(cellText(titleCell));
    return { sku: skuText || itemId, itemId, title: cellText(link ?? titleCell), isParent, status: 'active' };
  },
};

/** @example matchesEbayActive(new URL('https://www.ebay.com/sh/lst/active?offset=0&limit=200')) // true */
function matchesEbayActive(url: URL): boolean {
  return /^\/sh\/lst\/active\/?$/.test(url.pathname);
}

export const adapter: PageAdapter = {
  id: spec.adapter.id,
  platform: 'ebay',
  title: spec.adapter.title,
  matches: matchesEbayActive,
  openPath: '/sh/lst/active',
  parse: (root, ctx) => readListingPage(spec, root, ctx),
  containerSelector: 'table[role="grid"] > tbody, table[role="grid"]',
  panelPlacement: { where: 'strip', variant: 'Seller Hub shui grid <table>: a <tr> spanning every column under the row' },
};
export default adapter;

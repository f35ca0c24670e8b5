/**
 * The orders the options page's product list can be sorted in: most urgent first (the one
 * urgency rule's level, then the fewest days of cover), fewest days of cover first, or by name.
 */
import type { PRODUCT_SORTS, ProductSummary } from '../messaging/protocol-options';
import { URGENCY_LEVELS } from '../planning/urgency';

export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** What a product is called in the list: its name, a listing's title, else a SKU. */
export function productNameOf(p: Pick<ProductSummary, 'id' | 'name' | 'listings'>): string {
  return p.name ?? p.listings.find((l) => l.title)?.title ?? p.listings[0]?.sku ?? p.id;
}

/** Unknown cover sorts after every known one: it is not "runs out soonest". */
const coverKey = (p: ProductSummary) => (p.daysOfCover === null ? Number.POSITIVE_INFINITY : p.daysOfCover);

const byName = (a: ProductSummary, b: ProductSummary) => productNameOf(a).localeCompare(productNameOf(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const COMPARATORS: Record<ProductSort, (a: ProductSummary, b: ProductSummary) => number> = {
  urgency: (a, b) => URGENCY_LEVELS.indexOf(a.urgency) - URGENCY_LEVELS.indexOf(b.urgency) || coverKey(a) - coverKey(b) || byName(a, b),
  cover: (a, b) => coverKey(a) - coverKey(b) || byName(a, b),
  name: byName,
};

/**
 * The products in the chosen order (a new array; ties by name, then id, so pages are stable).
 * @example sortProducts(products, 'urgency')[0]?.urgency // 'critical' when any product is
 */
export function sortProducts(products: readonly ProductSummary[], sort: ProductSort): ProductSummary[] {
  return [...products].sort(COMPARATORS[sort]);
}

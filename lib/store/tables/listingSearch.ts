/**
 * Table `listingSearch` (schema v3 only: v4 replaced it with tables/searchChunks.ts; kept for
 * the v2 -> v3 upgrade, which still runs on stores older than v3): each listing's SKU and title, lower-cased, with the distinct
 * trigrams (three UTF-16 code units) of both as a multi-entry index, for the popup's
 * case-insensitive "SKU or title contains" search. A listing whose SKU or title contains the
 * needle contains every trigram of the needle, so the rows under any one of the needle's
 * trigrams are a superset of the matches: the query reads the rarest trigram's rows and checks
 * the substring on them, instead of reading every listing.
 *
 * Derived from `listings` (not backed up: rebuilt on restore), and written only when a
 * listing's title changes or the listing is new, so the daily merge does not rewrite it.
 */
import type { ListingRow } from './listings';

export interface ListingSearchRow {
  /** Listing key. */
  key: string;
  /** Lower-cased SKU. */
  sku: string;
  /** Lower-cased title, when known. */
  title?: string;
  /** Distinct trigrams of `sku` and `title`. */
  terms: string[];
}

/** Length of the indexed substrings: needles shorter than this cannot use the index. */
export const TERM_LENGTH = 3;

/**
 * The distinct trigrams of some texts, in first-seen order.
 * @example trigramsOf(['abcd']) // ['abc', 'bcd']
 */
export function trigramsOf(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) for (let i = 0; i + TERM_LENGTH <= text.length; i++) out.add(text.slice(i, i + TERM_LENGTH));
  return [...out];
}

/**
 * The search row of a listing.
 * @example searchRowOf({ key: 'k', sku: 'MUG-1', title: 'Blue Mug' }).terms // ['mug', 'ug-', 'g-1', 'blu', ...]
 */
export function searchRowOf(row: Pick<ListingRow, 'key' | 'sku' | 'title'>): ListingSearchRow {
  const sku = row.sku.toLowerCase();
  const title = row.title?.toLowerCase();
  const out: ListingSearchRow = { key: row.key, sku, terms: trigramsOf(title === undefined ? [sku] : [sku, title]) };
  if (title !== undefined) out.title = title;
  return out;
}

/**
 * Whether a search row's SKU or title contains a (lower-cased) needle: the same test as the
 * at-risk query's filter.
 * @example searchRowMatches(searchRowOf({ key: 'k', sku: 'MUG-1' }), 'ug-') // true
 */
export function searchRowMatches(row: ListingSearchRow, needle: string): boolean {
  return row.sku.includes(needle) || (row.title?.includes(needle) ?? false);
}

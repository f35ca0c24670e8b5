/**
 * Schema v2 -> v3: listings get one multi-entry `linkKeys` (replacing the `sku`, `gtinKey` and
 * `asin` indexes), and the new table `listingSearch` holds each listing's SKU/title trigrams
 * for the popup's search (v4 deleted it again: see v3-to-v4.ts).
 *
 * FROZEN: never edit this file. It defines how a v2 database upgrades, for as long as a seller
 * may still have one. The helpers below are copies of the live code as it stood when the
 * upgrade moved into this folder (after commit 2760698): tables/listings.ts `linkKeysOf`, and
 * the whole of the former tables/listingSearch.ts that the upgrade used (v3's search table
 * exists only here now). A later change to live helpers must not change what this upgrade
 * writes: a change to the stored data goes into a new schema version with its own upgrade file.
 * Imports: type-only, dexie, or other frozen code in this folder (migrations-frozen.test.ts).
 */
import type { Transaction } from 'dexie';
import type { ListingRow } from './listing-row-types';

/** v2 -> v3: give every listing its link keys, and index its SKU and title for the search. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const listings = ((await tx.table('listings').toArray()) as ListingRow[]).map((row) => ({ ...row, linkKeys: linkKeysOf(row) }));
  await tx.table('listings').bulkPut(listings);
  await tx.table('listingSearch').bulkPut(listings.map((row): ListingSearchRow => searchRowOf(row)));
}

// ---------------------------------------------------------------------------------------------
// Frozen copies (as of commit 2760698)
// ---------------------------------------------------------------------------------------------

/** The keys a listing is found by when linking: its SKU, GTIN key and ASIN, prefixed by kind (tables/listings.ts). */
function linkKeysOf(row: Pick<ListingRow, 'sku' | 'gtinKey' | 'asin'>): string[] {
  const keys = [`s:${row.sku}`];
  if (row.gtinKey !== undefined) keys.push(`g:${row.gtinKey}`);
  if (row.asin !== undefined) keys.push(`a:${row.asin}`);
  return keys;
}

/**
 * A row of v3's table `listingSearch` (formerly tables/listingSearch.ts): a listing's SKU and
 * title, lower-cased, with the distinct trigrams (three UTF-16 code units) of both as a
 * multi-entry index.
 */
interface ListingSearchRow {
  /** Listing key. */
  key: string;
  /** Lower-cased SKU. */
  sku: string;
  /** Lower-cased title, when known. */
  title?: string;
  /** Distinct trigrams of `sku` and `title`. */
  terms: string[];
}

/** Length of the indexed substrings. */
const TERM_LENGTH = 3;

/**
 * The distinct trigrams of some texts, in first-seen order.
 * @example trigramsOf(['abcd']) // ['abc', 'bcd']
 */
function trigramsOf(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) for (let i = 0; i + TERM_LENGTH <= text.length; i++) out.add(text.slice(i, i + TERM_LENGTH));
  return [...out];
}

/**
 * The search row of a listing.
 * @example searchRowOf({ key: 'k', sku: 'MUG-1', title: 'Blue Mug' }).terms // ['mug', 'ug-', 'g-1', 'blu', ...]
 */
function searchRowOf(row: Pick<ListingRow, 'key' | 'sku' | 'title'>): ListingSearchRow {
  const sku = row.sku.toLowerCase();
  const title = row.title?.toLowerCase();
  const out: ListingSearchRow = { key: row.key, sku, terms: trigramsOf(title === undefined ? [sku] : [sku, title]) };
  if (title !== undefined) out.title = title;
  return out;
}

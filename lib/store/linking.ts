/**
 * Linking listings into products. Automatic: a listing first seen (or one still alone in its
 * product that gains a GTIN or ASIN) joins the product of another listing sharing its seller
 * SKU, else its GTIN/UPC/EAN, else its ASIN, the latter two only across marketplaces (one
 * marketplace's FBA and FBM or used/new SKUs of one ASIN are separate offers). Manual: the
 * seller links or unlinks by hand; that sets linkRule 'manual', which automatic linking never
 * moves again, so an unlink sticks when the same page is read again. Automatic linking stays
 * inside one seller account (two accounts may both sell a `MUG-1` that are different goods);
 * only the seller links across accounts, by hand.
 */
import { refusalMessage, type RefusalCode, type RefusalParams } from '../messaging/refusals';
import { searchTables, type StoreDb } from './db';
import { DEFAULT_ACCOUNT, listingKeyParts } from '../records';
import { linkKeyOf, type LinkRule, type ListingRow } from './tables/listings';
import { productIdFor, type ProductRow } from './tables/products';
import { readListing, writeListings } from './listing-store';

type LinkFields = Pick<ListingRow, 'key' | 'marketplace' | 'sku' | 'gtinKey' | 'asin' | 'productId' | 'linkRule' | 'account'>;
type AutoLinkRule = Exclude<LinkRule, 'none' | 'manual'>;

/**
 * The product a listing should join and by which rule, or undefined when nothing matches.
 * Among matches of one rule, listings the seller did not place by hand are preferred (a
 * hand-unlinked listing is the seller saying "this one is different"), then the smallest key,
 * so the choice does not depend on read order.
 * @example chooseLink({ key: 'ebay|ebay.com|A', sku: 'A', marketplace: 'ebay.com', ... }, [amazonListingWithSkuA])?.rule // 'sku'
 */
export function chooseLink(listing: LinkFields, candidates: Iterable<LinkFields>): { productId: string; rule: AutoLinkRule } | undefined {
  const best: Partial<Record<AutoLinkRule, LinkFields>> = {};
  for (const c of candidates) {
    if (c.key === listing.key || c.productId === '') continue;
    if (accountOf(c) !== accountOf(listing)) continue; // never across seller accounts automatically
    const elsewhere = c.marketplace !== listing.marketplace;
    const rules: AutoLinkRule[] = [];
    if (c.sku === listing.sku) rules.push('sku');
    if (elsewhere && listing.gtinKey !== undefined && c.gtinKey === listing.gtinKey) rules.push('gtin');
    if (elsewhere && listing.asin !== undefined && c.asin === listing.asin) rules.push('asin');
    for (const rule of rules) {
      const had = best[rule];
      if (!had || preferred(c, had)) best[rule] = c;
    }
  }
  for (const rule of ['sku', 'gtin', 'asin'] as const) {
    const c = best[rule];
    if (c) return { productId: c.productId, rule };
  }
  return undefined;
}

/** A row's account, the default one spelled out. */
function accountOf(row: Pick<LinkFields, 'account'>): string {
  return row.account ?? DEFAULT_ACCOUNT;
}

function preferred(a: LinkFields, b: LinkFields): boolean {
  const am = a.linkRule === 'manual' ? 1 : 0;
  const bm = b.linkRule === 'manual' ? 1 : 0;
  return am !== bm ? am < bm : a.key < b.key;
}

/** Candidate lists by identifier, for linking a batch without one query per listing. */
export class LinkIndex {
  private bySku = new Map<string, Map<string, LinkFields>>();
  private byGtin = new Map<string, Map<string, LinkFields>>();
  private byAsin = new Map<string, Map<string, LinkFields>>();

  add(row: LinkFields): void {
    put(this.bySku, linkKeyOf('s', row.sku, row.account), row);
    if (row.gtinKey) put(this.byGtin, linkKeyOf('g', row.gtinKey, row.account), row);
    if (row.asin) put(this.byAsin, linkKeyOf('a', row.asin, row.account), row);
  }

  candidates(row: LinkFields): LinkFields[] {
    const out = new Map<string, LinkFields>();
    // Keyed in the row's account (linkKeyOf): other accounts' rows are never candidates.
    for (const [map, id] of [
      [this.bySku, linkKeyOf('s', row.sku, row.account)],
      [this.byGtin, row.gtinKey === undefined ? undefined : linkKeyOf('g', row.gtinKey, row.account)],
      [this.byAsin, row.asin === undefined ? undefined : linkKeyOf('a', row.asin, row.account)],
    ] as const) {
      if (id === undefined) continue;
      for (const c of map.get(id)?.values() ?? []) out.set(c.key, c);
    }
    return [...out.values()];
  }
}

function put(map: Map<string, Map<string, LinkFields>>, id: string, row: LinkFields): void {
  let bucket = map.get(id);
  if (!bucket) map.set(id, (bucket = new Map()));
  bucket.set(row.key, row);
}

/** A refusal: its text is a code and params the options page says in the seller's language (lib/messaging/refusals.ts). */
export class LinkError extends Error {
  override name = 'LinkError';
  constructor(code: RefusalCode, params: RefusalParams = {}) {
    super(refusalMessage(code, params));
  }
}

/**
 * The seller links a listing to a product by hand (options page). The listing's old product
 * is deleted when it is left with no listing.
 * @example await linkListing(db, 'ebay|ebay.com|MUG-1', 'p:amazon|amazon.com|MUG-1', new Date())
 */
export async function linkListing(db: StoreDb, listingKey: string, productId: string, now: Date): Promise<ListingRow> {
  return db.transaction('rw', [db.listings, db.listingChunks, ...searchTables(db), db.products], async () => {
    const listing = await readListing(db, listingKey);
    if (!listing) throw new LinkError('listing-missing', listingKeyParts(listingKey));
    if (!(await db.products.get(productId))) throw new LinkError('product-missing');
    const moved: ListingRow = { ...listing, productId, linkRule: 'manual', linkedAt: now.toISOString() };
    await writeListings(db, [moved]);
    if (listing.productId !== productId) await deleteIfEmpty(db, listing.productId);
    return moved;
  });
}

/**
 * The seller takes a listing out of its product: it gets a product of its own and stays there
 * (linkRule 'manual'), whatever later readings show.
 * @example (await unlinkListing(db, 'ebay|ebay.com|MUG-1', new Date())).linkRule // 'manual'
 */
export async function unlinkListing(db: StoreDb, listingKey: string, now: Date): Promise<ListingRow> {
  return db.transaction('rw', [db.listings, db.listingChunks, ...searchTables(db), db.products], async () => {
    const listing = await readListing(db, listingKey);
    if (!listing) throw new LinkError('listing-missing', listingKeyParts(listingKey));
    const siblings = await db.listings.where('productId').equals(listing.productId).count();
    let productId = listing.productId;
    if (siblings > 1) {
      const ids = new Set((await db.products.where('id').startsWith(`p:${listingKey}`).primaryKeys()) as string[]);
      productId = productIdFor(listingKey, (id) => ids.has(id));
      const product: ProductRow = { id: productId, createdAt: now.toISOString(), founderKey: listingKey };
      await db.products.add(product);
    }
    const moved: ListingRow = { ...listing, productId, linkRule: 'manual', linkedAt: now.toISOString() };
    await writeListings(db, [moved]);
    return moved;
  });
}

/** Deletes a product no listing belongs to any more (call inside a transaction over listings + products). */
async function deleteIfEmpty(db: StoreDb, productId: string): Promise<boolean> {
  if ((await db.listings.where('productId').equals(productId).count()) > 0) return false;
  await db.products.delete(productId);
  return true;
}

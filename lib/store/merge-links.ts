/**
 * What a merge decides about products and pools (merge.ts, in its transaction; account moves
 * too): new listings linked to a product or founding their own, listings still alone re-linked
 * when they gain a GTIN or ASIN, pools set from the fulfilment channel, and products left
 * without listings deleted.
 */
import type { StoreDb } from './db';
import { chooseLink, LinkIndex } from './linking';
import { linkKeysOf, type ListingRow } from './tables/listings';
import { productIdFor, type ProductRow } from './tables/products';
import { poolIdFor, poolRowFor } from './tables/stockPools';

/**
 * Gives each listing new in this batch a product (an existing one by sku/gtin/asin, or its
 * own), and re-links listings still alone in their product that gained a GTIN or ASIN.
 * Mutates `listings`; returns the products to create.
 */
export async function linkNewListings(
  db: StoreDb,
  listings: Map<string, ListingRow>,
  before: Map<string, ListingRow>,
  nowIso: string,
  counts: { newListings: number; linked: number },
): Promise<ProductRow[]> {
  const fresh = [...listings.values()].filter((r) => !before.has(r.key)).sort((a, b) => (a.key < b.key ? -1 : 1));
  const regained = [...listings.values()].filter((r) => {
    const old = before.get(r.key);
    return old && r.linkRule === 'none' && ((r.gtinKey && r.gtinKey !== old.gtinKey) || (r.asin && r.asin !== old.asin));
  });
  counts.newListings = fresh.length;
  if (fresh.length === 0 && regained.length === 0) return [];

  const seeking = [...fresh, ...regained];
  // Link keys carry the account (linkKeysOf): only the same account's listings are found.
  const linkKeys = [...new Set(seeking.flatMap((r) => linkKeysOf(r)))];
  const [matching, takenIds] = await Promise.all([
    db.listings.where('linkKeys').anyOf(linkKeys).toArray(),
    // Which of the founders' product ids are taken: past a few hundred new listings, one
    // keys-only read of the whole table beats one read per id (5,000 gets cost ~150 ms in Chromium).
    fresh.length > 200
      ? (db.products.toCollection().primaryKeys() as Promise<string[]>)
      : db.products.bulkGet(fresh.map((r) => `p:${r.key}`)).then((rows) => rows.flatMap((p) => (p ? [p.id] : []))),
  ]);
  const index = new LinkIndex();
  // The batch's own version of a row wins over the stored one.
  for (const r of matching) index.add(listings.get(r.key) ?? r);
  for (const r of listings.values()) if (before.has(r.key)) index.add(r);
  const taken = new Set(takenIds);

  const products: ProductRow[] = [];
  for (const row of fresh) {
    const link = chooseLink(row, index.candidates(row));
    let next: ListingRow;
    if (link) {
      next = { ...row, productId: link.productId, linkRule: link.rule, linkedAt: nowIso };
      counts.linked++;
    } else {
      const id = productIdFor(row.key, (candidate) => taken.has(candidate));
      taken.add(id);
      products.push({ id, createdAt: nowIso, founderKey: row.key });
      next = { ...row, productId: id, linkRule: 'none', linkedAt: nowIso };
    }
    listings.set(next.key, next);
    index.add(next);
  }

  for (const row of regained) {
    const siblings = await db.listings.where('productId').equals(row.productId).primaryKeys();
    const inBatch = [...listings.values()].filter((r) => r.productId === row.productId && r.key !== row.key).length;
    if (siblings.some((k) => k !== row.key) || inBatch > 0) continue; // not alone: the product already means something
    const link = chooseLink(
      row,
      index.candidates(row).filter((c) => c.productId !== row.productId),
    );
    if (!link) continue;
    const next: ListingRow = { ...row, productId: link.productId, linkRule: link.rule, linkedAt: nowIso };
    listings.set(next.key, next);
    index.add(next);
    counts.linked++;
  }
  return products;
}

/** Sets the pool of listings whose fulfilment channel is known (unless the seller chose one), creating pool rows. */
export async function assignPools(db: StoreDb, listings: Map<string, ListingRow>, dirty: Set<string>): Promise<void> {
  const poolIds = new Set<string>();
  for (const key of dirty) {
    const row = listings.get(key)!;
    if (row.poolRule === 'manual') continue;
    const poolId = poolIdFor(row.platform, row.marketplace, row.fulfillment, row.account);
    if (poolId === undefined || poolId === row.poolId) continue;
    listings.set(key, { ...row, poolId });
    poolIds.add(poolId);
  }
  if (poolIds.size === 0) return;
  const ids = [...poolIds];
  const stored = await db.stockPools.bulkGet(ids);
  const missing = ids.filter((_, i) => !stored[i]);
  if (missing.length) await db.stockPools.bulkAdd(missing.map(poolRowFor));
}

/** Products left without listings after re-linking are deleted (their listings moved on). */
export async function deleteAbandonedProducts(db: StoreDb, listings: Map<string, ListingRow>, before: Map<string, ListingRow>): Promise<void> {
  const left = new Set<string>();
  for (const [key, old] of before) if (listings.get(key)?.productId !== old.productId) left.add(old.productId);
  for (const productId of left) {
    if ((await db.listings.where('productId').equals(productId).count()) === 0) await db.products.delete(productId);
  }
}

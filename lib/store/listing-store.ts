/**
 * Full listing rows (schema v4): they live in `listingChunks`, one record per group of
 * listings, and the indexed `listings` table holds their projection (indexRowOf) for the
 * queries. Every write of a full row goes through writeListings, which keeps the two in step:
 * the chunk always, the indexed row only when its projection changed.
 *
 * Call these inside a transaction over `listingChunks` (and `listings` + `searchChunks` for writes). They use
 * Dexie's bulk calls, not the raw requests of idb.ts: they write at most one record per group
 * (plus the few indexed rows that changed), and Dexie keeps the transaction across awaits.
 */
import type { StoreDb } from './db';
import { groupOf, groupsOf } from './groups';
import type { ListingChunkRow } from './tables/listingChunks';
import { entriesOf, searchChunkOf, searchEntryOf } from './tables/searchChunks';
import { indexRowOf, sameIndexRow, type ListingIndexRow, type ListingRow } from './tables/listings';
import type { SkuPlan } from '../planning/types';

/** Loaded chunks: group -> key -> full row. */
export type ListingChunks = Map<number, Map<string, ListingRow>>;

/**
 * The chunks of some groups (default: all), as maps.
 * @example const chunks = await loadListingChunks(db, groupsOf(keys));
 */
export async function loadListingChunks(db: StoreDb, groups?: readonly number[]): Promise<ListingChunks> {
  const rows =
    groups === undefined
      ? await db.listingChunks.toArray()
      : (await db.listingChunks.bulkGet(groups as number[])).filter((c): c is ListingChunkRow => c !== undefined);
  const out: ListingChunks = new Map();
  for (const g of groups ?? []) out.set(g, new Map());
  for (const c of rows) out.set(c.group, new Map(c.rows.map((r) => [r.key, r])));
  return out;
}

/**
 * A listing from loaded chunks.
 * @example listingFrom(chunks, 'amazon|amazon.com|A')?.available
 */
export function listingFrom(chunks: ListingChunks, key: string): ListingRow | undefined {
  return chunks.get(groupOf(key))?.get(key);
}

/**
 * Full rows by key (undefined where missing), as Table.bulkGet.
 * @example const [row] = await readListings(db, ['amazon|amazon.com|A']);
 */
export async function readListings(db: StoreDb, keys: readonly string[]): Promise<(ListingRow | undefined)[]> {
  if (keys.length === 0) return [];
  const chunks = await loadListingChunks(db, groupsOf(keys));
  return keys.map((k) => listingFrom(chunks, k));
}

/**
 * One full row, or undefined.
 * @example (await readListing(db, key))?.available
 */
export async function readListing(db: StoreDb, key: string): Promise<ListingRow | undefined> {
  return (await readListings(db, [key]))[0];
}

/**
 * Every full row, in key order.
 * @example (await readAllListings(db)).length
 */
export async function readAllListings(db: StoreDb): Promise<ListingRow[]> {
  const chunks = await db.listingChunks.toArray();
  return chunks.flatMap((c) => c.rows).sort(byKey);
}

/**
 * The full rows of some products.
 * @example await readListingsOfProducts(db, ['p:amazon|amazon.com|A'])
 */
export async function readListingsOfProducts(db: StoreDb, productIds: readonly string[]): Promise<ListingRow[]> {
  if (productIds.length === 0) return [];
  const keys = (await db.listings
    .where('productId')
    .anyOf(productIds as string[])
    .primaryKeys()) as string[];
  return (await readListings(db, keys)).filter((r): r is ListingRow => r !== undefined).sort(byKey);
}

/**
 * Writes full rows: their chunks (read unless given in `chunks`, which is updated) and the
 * indexed rows whose projection differs from `before` (all of them when `before` is not given),
 * or whose plan is given in `plans` (undefined = no plan). A rewritten indexed row keeps the
 * plan it had unless `plans` names it. A row that is its very `before` object changed nothing in
 * its chunk: a group holding only such rows is not rewritten (a re-plan that leaves most
 * listings' plan fields as they were rewrites only the indexed rows it gives plans for). Search
 * entries (key, SKU, title, urgency, risk types: all in the projection) are rewritten only for
 * rows whose projection changed.
 * @example await writeListings(db, [{ ...row, available: 3 }], { before: new Map([[row.key, row]]) });
 */
export async function writeListings(
  db: StoreDb,
  rows: readonly ListingRow[],
  options: { chunks?: ListingChunks; before?: ReadonlyMap<string, ListingRow | undefined>; plans?: ReadonlyMap<string, SkuPlan | undefined> } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const groups = groupsOf(rows.filter((r) => options.before?.get(r.key) !== r).map((r) => r.key));
  const chunks = options.chunks ?? new Map<number, Map<string, ListingRow>>();
  const missing = groups.filter((g) => !chunks.has(g));
  if (missing.length) for (const [g, c] of await loadListingChunks(db, missing)) chunks.set(g, c);
  const index: ListingIndexRow[] = [];
  const projected: ListingIndexRow[] = [];
  for (const row of rows) {
    const old = options.before?.get(row.key);
    if (old !== row) chunks.get(groupOf(row.key))!.set(row.key, row);
    const changed = !old || !sameIndexRow(old, row);
    if (changed || options.plans?.has(row.key)) index.push(indexRowOf(row));
    if (changed) projected.push(index[index.length - 1]!);
  }
  // Plans live on the indexed rows only: carry over the stored one where no new one is given
  // (a listing new to `before` has none to carry).
  const carry = index.filter((r) => !options.plans?.has(r.key) && (options.before === undefined || options.before.get(r.key) !== undefined));
  const stored = carry.length ? await db.listings.bulkGet(carry.map((r) => r.key)) : [];
  const kept = new Map(stored.flatMap((r) => (r?.plan ? [[r.key, r.plan] as const] : [])));
  for (const r of index) {
    const plan = options.plans?.has(r.key) ? options.plans.get(r.key) : kept.get(r.key);
    if (plan) r.plan = plan;
  }
  await Promise.all([
    groups.length ? db.listingChunks.bulkPut(groups.map((g) => chunkRowOf(g, chunks.get(g)!))) : undefined,
    index.length ? db.listings.bulkPut(index) : undefined,
  ]);
  if (projected.length) await updateSearchChunks(db, projected);
}

/** Rewrites the search entries of listings whose indexed row changed (tables/searchChunks.ts). */
async function updateSearchChunks(db: StoreDb, rows: readonly ListingIndexRow[]): Promise<void> {
  const groups = groupsOf(rows.map((r) => r.key));
  const stored = await db.searchChunks.bulkGet(groups);
  const entries = new Map(groups.map((g, i) => [g, new Map(entriesOf(stored[i]).map((e) => [e.key, e]))]));
  for (const row of rows) entries.get(groupOf(row.key))!.set(row.key, searchEntryOf(row));
  await db.searchChunks.bulkPut(groups.map((group) => searchChunkOf(group, entries.get(group)!.values())));
}

function chunkRowOf(group: number, rows: Map<string, ListingRow>): ListingChunkRow {
  return { group, rows: [...rows.values()].sort(byKey) };
}

function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

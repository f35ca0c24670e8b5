/**
 * Full listing rows (schema v4): they live in `listingChunks`, one record per group of
 * listings, and the indexed `listings` table holds their projection (indexRowOf) for the
 * queries. Every write of a full row goes through writeListings, which keeps the two in step:
 * the chunk always, the indexed row only when its projection changed. The key of the plan a
 * listing shows lives on its indexed row only (tables/listings.ts ListingPlanFields); plan
 * fields that stores from before left in the chunks are dropped as the chunks are read.
 *
 * Call these inside a transaction over `listingChunks` (and `listings` + both search tables, db.ts searchTables, for writes). They use
 * Dexie's bulk calls, not the raw requests of idb.ts: they write at most one record per group
 * (plus the few indexed rows that changed), and Dexie keeps the transaction across awaits.
 */
import type { StoreDb } from './db';
import { groupOf, groupsOf } from './groups';
import type { ListingChunkRow } from './tables/listingChunks';
import {
  entriesOf,
  NO_PLAN_SHOWN,
  sameSearchText,
  sameShownPlan,
  searchChunkOf,
  searchEntryOf,
  shownChunkOf,
  type SearchEntry,
  type ShownPlan,
} from './tables/searchChunks';
import { indexRowOf, noPlanFields, sameIndexRow, withoutPlanFields, type ListingIndexRow, type ListingRow } from './tables/listings';

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
      : groups.length === 0
        ? []
        : (await db.listingChunks.bulkGet(groups as number[])).filter((c): c is ListingChunkRow => c !== undefined);
  const out: ListingChunks = new Map();
  for (const g of groups ?? []) out.set(g, new Map());
  for (const c of rows) out.set(c.group, new Map(c.rows.map((r) => [r.key, withoutPlanFields(r)])));
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
  return chunks.flatMap((c) => c.rows.map(withoutPlanFields)).sort(byKey);
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
 * indexed rows whose projection differs from `before` (all of them when `before` is not given).
 * A rewritten indexed row keeps the plan key it had (tables/listings.ts ListingPlanFields: it
 * lives on the indexed rows only; savePlans writes it); a listing new to the store starts
 * without a plan. A row that is its very `before` object changed nothing: it is not written.
 * Search entries are rewritten only for rows whose indexed row is (keeping their plan's sort
 * key and risk tags).
 * @example await writeListings(db, [{ ...row, available: 3 }], { before: new Map([[row.key, row]]) });
 */
export async function writeListings(
  db: StoreDb,
  rows: readonly ListingRow[],
  options: { chunks?: ListingChunks; before?: ReadonlyMap<string, ListingRow | undefined> } = {},
): Promise<void> {
  const written = rows.filter((r) => options.before?.get(r.key) !== r);
  if (written.length === 0) return;
  const groups = groupsOf(written.map((r) => r.key));
  const chunks = options.chunks ?? new Map<number, Map<string, ListingRow>>();
  const missing = groups.filter((g) => !chunks.has(g));
  if (missing.length) for (const [g, c] of await loadListingChunks(db, missing)) chunks.set(g, c);
  const projected: ListingRow[] = [];
  for (const row of written) {
    const old = options.before?.get(row.key);
    chunks.get(groupOf(row.key))!.set(row.key, withoutPlanFields(row));
    if (!old || !sameIndexRow(old, row)) projected.push(row);
  }
  // Carry over the stored plan fields (a listing new to `before` has none to carry).
  const carry = projected.filter((r) => options.before === undefined || options.before.get(r.key) !== undefined);
  const stored = carry.length ? await db.listings.bulkGet(carry.map((r) => r.key)) : [];
  const kept = new Map(stored.flatMap((r) => (r ? [[r.key, r] as const] : [])));
  const index = projected.map((r) => indexRowOf(r, kept.get(r.key) ?? noPlanFields()));
  await Promise.all([db.listingChunks.bulkPut(groups.map((g) => chunkRowOf(g, chunks.get(g)!))), index.length ? db.listings.bulkPut(index) : undefined]);
  if (index.length)
    await updateSearchEntries(
      db,
      index.map((listing) => ({ listing })),
    );
}

/**
 * Rewrites search entries (tables/searchChunks.ts), each from its listing's key, SKU and title
 * and the plan it shows; `shown` undefined keeps what the stored entry says of its plan (a
 * listing whose SKU or title changed), NO_PLAN_SHOWN for a listing new to the search. Only
 * chunks with an entry that changed are written. Inside a transaction over both search tables (db.ts searchTables).
 * @example await updateSearchEntries(db, [{ listing: indexRow, shown: { urgency: 3, riskTypes: ['stockout'] } }]);
 */
export async function updateSearchEntries(
  db: StoreDb,
  updates: readonly { listing: Pick<ListingIndexRow, 'key' | 'sku' | 'title'>; shown?: ShownPlan }[],
): Promise<void> {
  if (updates.length === 0) return;
  await writeSearchEntries(
    db,
    await readSearchEntries(
      db,
      updates.map((u) => u.listing.key),
    ),
    updates,
  );
}

/** Stored search entries, by group and then by listing key. */
export type SearchEntriesByGroup = Map<number, Map<string, SearchEntry>>;

/**
 * The stored search entries of the groups of these listings (every entry of each group: a
 * chunk is written whole), text and shown plan joined, for writeSearchEntries. `known`: groups
 * read earlier in the same transaction (kept as they are, and returned with the others added).
 * @example (await readSearchEntries(db, [key])).get(groupOf(key))?.get(key)?.planKey
 */
export async function readSearchEntries(db: StoreDb, listingKeys: readonly string[], known?: SearchEntriesByGroup): Promise<SearchEntriesByGroup> {
  const out: SearchEntriesByGroup = known ?? new Map();
  const groups = groupsOf(listingKeys).filter((g) => !out.has(g));
  const [text, shown] = await Promise.all([db.searchChunks.bulkGet(groups), db.shownChunks.bulkGet(groups)]);
  groups.forEach((g, i) => out.set(g, new Map(entriesOf(text[i], shown[i]).map((e) => [e.key, e]))));
  return out;
}

/**
 * updateSearchEntries over entries already read (readSearchEntries, covering every updated
 * listing's group): `entries` is updated in place. A group's text chunk is written only when
 * a listing's SKU or title changed or a listing joined it, its shown chunk only when what a
 * listing shows of its plan changed or a listing joined it (a re-plan writes no text).
 */
export async function writeSearchEntries(
  db: StoreDb,
  entries: SearchEntriesByGroup,
  updates: readonly { listing: Pick<ListingIndexRow, 'key' | 'sku' | 'title'>; shown?: ShownPlan }[],
): Promise<void> {
  const textChanged = new Set<number>();
  const shownChanged = new Set<number>();
  for (const { listing, shown } of updates) {
    const group = groupOf(listing.key);
    const inGroup = entries.get(group)!;
    const before = inGroup.get(listing.key);
    const next = searchEntryOf(listing, shown ?? before ?? NO_PLAN_SHOWN);
    const text = !before || !sameSearchText(before, next);
    const plan = !before || !sameShownPlan(before, next);
    if (!text && !plan) continue;
    inGroup.set(listing.key, next);
    if (text) textChanged.add(group);
    if (plan) shownChanged.add(group);
  }
  await putSearchGroups(db, entries, textChanged, shownChanged);
}

/** Writes these groups' text chunks and shown chunks from their entries (in group order). */
async function putSearchGroups(db: StoreDb, entries: SearchEntriesByGroup, textGroups: Iterable<number>, shownGroups: Iterable<number>): Promise<void> {
  const inOrder = (groups: Iterable<number>) => [...groups].sort((a, b) => a - b);
  const [text, shown] = [inOrder(textGroups), inOrder(shownGroups)];
  await Promise.all([
    text.length > 0 ? db.searchChunks.bulkPut(text.map((group) => searchChunkOf(group, entries.get(group)!.values()))) : undefined,
    shown.length > 0 ? db.shownChunks.bulkPut(shown.map((group) => shownChunkOf(group, entries.get(group)!.values()))) : undefined,
  ]);
}

/**
 * Removes listings from both search tables (inside a transaction over them: db.ts searchTables).
 * @example await dropSearchEntries(db, ['amazon-b|amazon.com|MUG-1'])
 */
export async function dropSearchEntries(db: StoreDb, listingKeys: readonly string[]): Promise<void> {
  const gone = new Set(listingKeys);
  const entries = await readSearchEntries(db, listingKeys);
  // Only the groups that held one of them are written.
  const changed = [...entries].filter(([, inGroup]) => [...inGroup.keys()].some((k) => gone.has(k))).map(([group]) => group);
  for (const group of changed) for (const key of gone) entries.get(group)!.delete(key);
  await putSearchGroups(db, entries, changed, changed);
}

function chunkRowOf(group: number, rows: Map<string, ListingRow>): ListingChunkRow {
  return { group, rows: [...rows.values()].sort(byKey) };
}

function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

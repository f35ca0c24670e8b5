/**
 * What the popup, the options page and the row panels read. Each query reads a few records per
 * row it returns (or the 128 search chunks), so it stays fast at tens of thousands of listings.
 */
import { accountOfKey, DEFAULT_ACCOUNT, listingKeyParts, type Platform } from '../records';
import type { SkuPlan } from '../planning/types';
import { searchTables, productFactTables, type StoreDb } from './db';
import { getMany, nativeTransaction } from './idb';
import type { HotField, ListingIndexRow, ListingRow } from './tables/listings';
import { readAllListings, readListings, readListingsOfProducts } from './listing-store';
import { readObservationsOf } from './observation-store';
import { readLatestOrderLinesOf } from './order-store';
import type { PlanRow } from './tables/plans';
import { plansCovering } from './plans';
import type { RiskTag } from '../planning/urgency';
import { isAligned, NO_PLAN_SHOWN, planKeyOf, type SearchChunkRow } from './tables/searchChunks';
import type { ShownChunkRow } from './tables/shownChunks';
import type { StockPoolRow } from './tables/stockPools';
import type { ProductRow } from './tables/products';
import type { ObservationRow } from './tables/observations';
import type { OrderRow } from './tables/orders';
import type { CalibrationRow } from './tables/calibrations';
import type { ReturnRow } from './tables/returns';

export interface AtRiskQuery {
  platform?: Platform;
  marketplace?: string;
  /** 'all' (default) lists every listing, most urgent first. */
  risk?: 'all' | RiskTag;
  /** Case-insensitive substring of SKU or title. */
  search?: string;
  /** Default 500. */
  limit?: number;
  /** Only this seller account's listings (`default` = rows without an account). */
  account?: string;
}

/**
 * A listing as the lists show it: who it is (the popup's list takes a planned listing's
 * identity from its search entry), its indexed row where it was read, and the full row's
 * fields where that was read (a listing not planned yet).
 */
export type ListedListing = Pick<ListingIndexRow, 'key' | 'platform' | 'marketplace' | 'sku' | 'title' | 'account' | 'planKey'> &
  Partial<ListingIndexRow & ListingRow>;

export interface AtRiskRow {
  listing: ListedListing;
  /** The plan the listing shows (its own, else its pooled product's), when planned. */
  plan?: SkuPlan;
}

/** A listing read by key, with the plan it shows: its indexed row always, the full row's fields when not planned yet. */
interface ShownListing extends AtRiskRow {
  listing: ListingIndexRow & Partial<Pick<ListingRow, HotField>>;
}

/**
 * The popup's list: listings ordered by days of cover (planned ones), then those not planned
 * yet (in key order), filtered by platform, marketplace, account, risk type and a SKU/title
 * search. `total` counts every match, `items` holds the first `limit`.
 *
 * Every filter reads the search chunks (128 small records: each listing's key, SKU, title, sort
 * key, risk tags and plan key), filters and sorts in memory, then reads only the plans of the
 * rows it shows (a planned listing's identity is its entry's; a listing not planned yet is read
 * whole). Until schema v8 the unfiltered and one-marketplace lists walked indexes of the listing
 * rows (13-19 ms against 30-43 ms for a search at 10,000 listings), but those indexes made every
 * re-plan rewrite the row of every listing whose days of cover moved.
 * @example const { items, total } = await listAtRisk(db, { risk: 'stockout', limit: 50 });
 */
export async function listAtRisk(db: StoreDb, query: AtRiskQuery = {}): Promise<{ items: AtRiskRow[]; total: number }> {
  const limit = query.limit ?? 500;
  return db.transaction('r', [db.listingChunks, ...searchTables(db), db.plans], async () => {
    const tx = nativeTransaction();
    const hits = matchingEntries(await searchColumns(db), query);
    hits.sort(byUrgency);
    const picked = hits.slice(0, limit);
    const { planOf, fullRows } = await plansShownBy(db, tx, picked);
    const items = picked.map((e) => ({ listing: fullRows.get(e.key) ?? listedOf(e), plan: planOf(e) }));
    return { items, total: hits.length };
  });
}

/** A search entry the query kept. */
interface Hit {
  key: string;
  urgency: number;
  title: string;
  planKey: string | undefined;
}

/**
 * A planned listing as the list shows it, from its search entry alone: the key holds its
 * platform, marketplace, SKU as shown and account.
 */
function listedOf(e: Hit): ListedListing {
  const { platform, marketplace, sku } = listingKeyParts(e.key);
  const account = accountOfKey(e.key);
  return {
    key: e.key,
    platform: platform as Platform,
    marketplace,
    sku,
    ...(e.title ? { title: e.title } : {}),
    ...(account === DEFAULT_ACCOUNT ? {} : { account }),
    ...(e.planKey === undefined ? {} : { planKey: e.planKey }),
  };
}

/**
 * The keys of every listing whose plan carries this risk tag, in list order (keys only: cheap
 * at 10,000 listings; the notifier compares them with the last look).
 * @example await listingKeysAtRisk(db, 'critical') // ['amazon|amazon.com|MUG-1', ...]
 */
export async function listingKeysAtRisk(db: StoreDb, risk: RiskTag): Promise<string[]> {
  // One read transaction: the two tables as one write left them.
  const hits = matchingEntries(await db.transaction('r', searchTables(db), () => searchColumns(db)), { risk });
  return hits.sort(byUrgency).map((e) => e.key);
}

/** List order: most urgent first, then by key. */
const byUrgency = (a: { urgency: number; key: string }, b: { urgency: number; key: string }) =>
  a.urgency - b.urgency || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** One group's columns: its listings' text and, following its keys, what they show of their plans (absent: none shown yet). */
interface GroupColumns {
  text: SearchChunkRow;
  shown: ShownChunkRow | undefined;
}

/** Every group's text and shown plans, joined by group (tables/searchChunks.ts entriesOf reads them the same way). */
async function searchColumns(db: StoreDb): Promise<GroupColumns[]> {
  const [texts, shown] = await Promise.all([db.searchChunks.toArray(), db.shownChunks.toArray()]);
  const shownOf = new Map(shown.map((c) => [c.group, c]));
  return texts.map((text) => {
    const s = shownOf.get(text.group);
    return { text, shown: s && isAligned(text, s) ? s : undefined };
  });
}

/** The search entries a query keeps (unsorted), as key and sort key. */
function matchingEntries(groups: readonly GroupColumns[], query: AtRiskQuery): Hit[] {
  const needle = query.search?.trim().toLowerCase() || undefined;
  const risk = query.risk && query.risk !== 'all' ? query.risk : undefined;
  const hits: Hit[] = [];
  for (const { text, shown } of groups) {
    for (let i = 0; i < text.keys.length; i++) {
      if (needle !== undefined && !text.skus[i]!.includes(needle) && !text.titles[i]!.toLowerCase().includes(needle)) continue;
      if (risk !== undefined && !hasTag(shown?.risks[i] ?? '', risk)) continue;
      const key = text.keys[i]!;
      if (query.account !== undefined && accountOfKey(key) !== query.account) continue;
      if (query.platform !== undefined || query.marketplace !== undefined) {
        const [platform, marketplace] = key.split('|', 2);
        if ((query.platform !== undefined && platform !== query.platform) || (query.marketplace !== undefined && marketplace !== query.marketplace)) continue;
      }
      hits.push({
        key,
        urgency: shown?.urgency[i] ?? NO_PLAN_SHOWN.urgency,
        title: text.titles[i]!,
        planKey: shown ? planKeyOf(key, shown.plans[i]!) : undefined,
      });
    }
  }
  return hits;
}

/**
 * Whether a search entry's risk tags (joined with ',') hold this tag.
 * @example hasTag('stockout,critical', 'critical') // true ; hasTag('overstock', 'stock') // false
 */
export function hasTag(joined: string, tag: string): boolean {
  for (let at = joined.indexOf(tag); at !== -1; at = joined.indexOf(tag, at + 1)) {
    const end = at + tag.length;
    if ((at === 0 || joined[at - 1] === ',') && (end === joined.length || joined[end] === ',')) return true;
  }
  return false;
}

/**
 * Every listing, in key order (options page, CSV export).
 * @example (await listListings(db)).length
 */
export async function listListings(db: StoreDb): Promise<ListingRow[]> {
  return db.transaction('r', [db.listingChunks], () => readAllListings(db));
}

/**
 * What a listing will show once a save under way is done: `{ plan }` (undefined: none) and, when
 * known, its indexed row as the save leaves it but for the plan key (so it is not read again);
 * undefined when its stored plan stands (lib/background/fresh-plans.ts).
 */
export type PlanOverlay = (listingKey: string) => { plan: SkuPlan | undefined; listing?: ListingIndexRow | undefined } | undefined;

/**
 * Listings by key with the plan each shows (row panels after a page read). `overlay`: the plans
 * of a re-plan not saved yet, shown instead of the stored ones where it answers (those are not read).
 * @example const [a] = await getListingsWithPlans(db, [key]); a?.plan?.daysOfCover
 */
export async function getListingsWithPlans(db: StoreDb, keys: readonly string[], overlay?: PlanOverlay): Promise<(ShownListing | undefined)[]> {
  return db.transaction('r', [db.listings, db.listingChunks, db.plans], async () => {
    const tx = nativeTransaction();
    if (!overlay) return withPlans(db, tx, await getMany(tx, db.listings, keys));
    // Rows the overlay knows are not read (a 5,000-row page's panels read its rows in ~0.3 s in Chromium).
    const known = keys.map((k) => overlay(k)?.listing);
    const read = await getMany(
      tx,
      db.listings,
      keys.filter((_, i) => !known[i]),
    );
    let next = 0;
    return withPlans(
      db,
      tx,
      keys.map((_, i) => known[i] ?? read[next++]),
      overlay,
    );
  });
}

/**
 * Indexed rows as the lists show them: each with the plan its key names (or `overlay` gives), and
 * read whole when it has none. Inside a transaction over listings + listingChunks + plans (`tx`,
 * its native transaction).
 */
async function withPlans(
  db: StoreDb,
  tx: IDBTransaction,
  rows: readonly (ListingIndexRow | undefined)[],
  overlay?: PlanOverlay,
): Promise<(ShownListing | undefined)[]> {
  const { planOf, fullRows } = await plansShownBy(
    db,
    tx,
    rows.filter((r): r is ListingIndexRow => r !== undefined),
    overlay,
  );
  return rows.map((row) => {
    if (!row) return undefined;
    const read = fullRows.get(row.key);
    // The full row adds what was read; the plan key is the indexed row's.
    return { listing: read ? { ...read, ...row } : row, plan: planOf(row) };
  });
}

/**
 * The plan each listing shows (by the plan key it names, or as `overlay` says), and the full rows
 * of those that show none: a listing not planned yet shows its stock as read. The plans are read
 * with native requests (one success handler, not a Dexie promise per row). Inside a transaction
 * over listingChunks + plans (`tx`, its native transaction).
 */
async function plansShownBy(
  db: StoreDb,
  tx: IDBTransaction,
  listings: readonly { key: string; planKey?: string | undefined }[],
  overlay?: PlanOverlay,
): Promise<{ planOf: (listing: { key: string; planKey?: string | undefined }) => SkuPlan | undefined; fullRows: ReadonlyMap<string, ListingRow> }> {
  const over = new Map(
    overlay
      ? listings.flatMap((l) => {
          const o = overlay(l.key);
          return o ? [[l.key, o.plan] as const] : [];
        })
      : [],
  );
  const planKeys = [...new Set(listings.flatMap((l) => (l.planKey === undefined || over.has(l.key) ? [] : [l.planKey])))];
  const plans = new Map((await getMany(tx, db.plans, planKeys)).flatMap((p) => (p ? [[p.key, p.plan] as const] : [])));
  const planOf = (l: { key: string; planKey?: string | undefined }) =>
    over.has(l.key) ? over.get(l.key) : l.planKey === undefined ? undefined : plans.get(l.planKey);
  const unplanned = listings.filter((l) => !planOf(l)).map((l) => l.key);
  const fullRows = new Map((await readListings(db, unplanned)).flatMap((r) => (r ? [[r.key, r] as const] : [])));
  return { planOf, fullRows };
}

export interface ProductDetail {
  product: ProductRow;
  listings: ListingRow[];
  /** The pools the product's listings draw from, each with its listings. */
  pools: { poolId: string; pool?: StockPoolRow; listingKeys: string[] }[];
  /** Newest first, at most `recentObservations` per listing. */
  observations: ObservationRow[];
  /** Newest order date first, at most `recentOrders` per listing. */
  orders: OrderRow[];
  calibrations: CalibrationRow[];
  returns: ReturnRow[];
  plans: PlanRow[];
}

/**
 * One product with everything the options page shows about it.
 * @example (await getProduct(db, 'p:amazon|amazon.com|MUG-1'))?.listings.length
 */
export async function getProduct(
  db: StoreDb,
  id: string,
  options: { recentObservations?: number; recentOrders?: number } = {},
): Promise<ProductDetail | undefined> {
  const perListing = options.recentObservations ?? 20;
  const perListingOrders = options.recentOrders ?? 50;
  return db.transaction('r', [...productFactTables(db), db.plans], async () => {
    const product = await db.products.get(id);
    if (!product) return undefined;
    const listings = await readListingsOfProducts(db, [id]);
    const keys = listings.map((l) => l.key);
    const [observations, orders, calibrations, returns, plans, pools] = await Promise.all([
      readObservationsOf(db, keys).then((rows) =>
        keys.map((k) =>
          rows
            .filter((r) => r.listingKey === k)
            .sort((a, b) => (a.observedAt < b.observedAt ? 1 : a.observedAt > b.observedAt ? -1 : a.id < b.id ? 1 : -1))
            .slice(0, perListing),
        ),
      ),
      Promise.all(keys.map((k) => readLatestOrderLinesOf(db, k, perListingOrders))),
      keys.length ? db.calibrations.where('listingKey').anyOf(keys).toArray() : [],
      keys.length ? db.returns.where('listingKey').anyOf(keys).toArray() : [],
      plansCovering(db, keys),
      db.stockPools.bulkGet(unique(listings.flatMap((l) => (l.poolId ? [l.poolId] : [])))),
    ]);
    const poolMap = new Map(pools.flatMap((p) => (p ? [[p.id, p] as const] : [])));
    return {
      product,
      listings,
      pools: groupPools(listings).map(({ poolId, listingKeys }) => ({ poolId, pool: poolMap.get(poolId), listingKeys })),
      observations: observations.flat().sort((a, b) => (a.observedAt < b.observedAt ? 1 : -1)),
      orders: orders.flat().sort((a, b) => (a.orderDate < b.orderDate ? 1 : -1)),
      calibrations: calibrations.sort((a, b) => (a.at < b.at ? 1 : -1)),
      returns,
      plans: unique(plans),
    };
  });
}

/**
 * Listings grouped by the pool they draw from (listings whose channel is unknown are left out).
 * @example groupPools([{ key: 'a', poolId: 'own:main' }, { key: 'b', poolId: 'own:main' }]) // [{ poolId: 'own:main', listingKeys: ['a', 'b'] }]
 */
export function groupPools(listings: readonly Pick<ListingRow, 'key' | 'poolId'>[]): { poolId: string; listingKeys: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const l of listings) if (l.poolId) (groups.get(l.poolId) ?? groups.set(l.poolId, []).get(l.poolId)!).push(l.key);
  return [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([poolId, listingKeys]) => ({ poolId, listingKeys }));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

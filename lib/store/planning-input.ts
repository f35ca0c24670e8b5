/**
 * What the planning core reads: for each product, its listings with their pools, the
 * readings history, order lines, the seller's corrections and held returns, and cached demand.
 */
import { productFactTables, type StoreDb } from './db';
import type { ListingIndexRow, ListingRow } from './tables/listings';
import type { ProductRow } from './tables/products';
import type { StockPoolRow } from './tables/stockPools';
import type { ObservationRow } from './tables/observations';
import type { OrderRow } from './tables/orders';
import type { CalibrationRow } from './tables/calibrations';
import type { ReturnRow } from './tables/returns';
import { demandCacheRowsOf, type DemandCacheRow, type HistoryDigestRow, type HistoryReadingsRow } from './tables/dailyDemand';
import { groupPools } from './queries';
import { loadSettings } from './settings-store';
import { readAllListings, readListingsOfProducts } from './listing-store';
import { readAllObservations, readChunkObservationsOf, readObservationsOf } from './observation-store';
import { wantsMostOf } from './whole-table';
import { readHistoryDigests, readHistoryReadings, readingsOfDigest, writeHistoryDigests, type ReplanReading } from './history-digest';
import { readAllOrderLines, readOrderLinesOf } from './order-store';

export interface ProductPlanningInput {
  product: ProductRow;
  listings: ListingRow[];
  /** Pools the product's listings draw from: stock is counted once per pool, not per listing. */
  pools: { poolId: string; pool?: StockPoolRow; listingKeys: string[] }[];
  /**
   * Listing readings, oldest first (order readings are left out: `orders` holds each line's
   * latest state). Rows older than the compaction window are day summaries (source 'summary:day').
   */
  observations: ObservationRow[];
  orders: OrderRow[];
  calibrations: CalibrationRow[];
  /** Returns held apart (not in stock) or released to stock (disposed ones are left out). */
  returns: ReturnRow[];
  /** Cached demand series of the product's listings (one per listing at most; daily-demand.ts). */
  dailyDemand: DemandCacheRow[];
}

export interface PlanningInput {
  products: ProductPlanningInput[];
  /** The raw settings object (lib/settings parses it). */
  settings: unknown;
}

/**
 * Loads the planner's input for some products (default: all). `since` (ISO date-time) drops
 * older readings and order lines ordered before it.
 * @example const { products } = await loadPlanningInput(db, result.productIds);
 */
export async function loadPlanningInput(db: StoreDb, productIds?: readonly string[], options: { since?: string } = {}): Promise<PlanningInput> {
  const since = options.since ?? '';
  return db.transaction('r', [...productFactTables(db), db.dailyDemand, db.settings], async () => {
    const settings = await loadSettings(db);
    const whole = productIds === undefined;
    const products = whole ? await db.products.toArray() : (await db.products.bulkGet(productIds as string[])).filter((p): p is ProductRow => !!p);
    const listings = whole
      ? await readAllListings(db)
      : await readListingsOfProducts(
          db,
          products.map((p) => p.id),
        );
    const pools = new Map((await db.stockPools.toArray()).map((p) => [p.id, p]));
    const rows = whole
      ? await readAllListingRows(db, since)
      : await readListingRowsOf(
          db,
          listings.map((l) => l.key),
          since,
        );
    return { products: groupByProduct(products, listings, pools, rows), settings };
  });
}

/** The rows keyed by listing that the planner reads besides the listings themselves. */
interface ListingRows {
  observations: ObservationRow[];
  orders: OrderRow[];
  calibrations: CalibrationRow[];
  returns: ReturnRow[];
  demand: DemandCacheRow[];
}

/** Every product's rows: one pass per table beats one range query per listing when everything is wanted. */
async function readAllListingRows(db: StoreDb, since: string): Promise<ListingRows> {
  const sinceDate = since.slice(0, 10);
  const [observations, orders, calibrations, returns, demand] = await Promise.all([
    readAllObservations(db, { since }),
    readAllOrderLines(db, sinceDate),
    db.calibrations.toArray(),
    db.returns.where('status').anyOf(['held', 'sellable']).toArray(),
    db.dailyDemand.toArray().then(demandCacheRowsOf),
  ]);
  return { observations, orders, calibrations, returns, demand };
}

/** The rows of some listings, read by index ranges per listing key. */
async function readListingRowsOf(db: StoreDb, keys: string[], since: string): Promise<ListingRows> {
  const sinceDate = since.slice(0, 10);
  const [observations, orders, demand] = await Promise.all([
    readObservationsOf(db, keys, { since }),
    readOrderLinesOf(db, keys, sinceDate),
    Promise.all(keys.map((k) => db.dailyDemand.where('[key+date]').between([k, ''], [k, '\uffff'], true, true).toArray())),
  ]);
  // No listings means nothing to look up: skip the two queries rather than run them empty.
  const [calibrations, returns] = keys.length
    ? await Promise.all([
        db.calibrations.where('listingKey').anyOf(keys).toArray(),
        db.returns
          .where('listingKey')
          .anyOf(keys)
          .filter((r) => r.status !== 'disposed')
          .toArray(),
      ])
    : [[], []];
  return { observations, orders, calibrations, returns, demand: demandCacheRowsOf(demand.flat()) };
}

/** Sorts the rows into their products (by each listing's product) and orders each product's lists. */
function groupByProduct(products: ProductRow[], listings: ListingRow[], pools: Map<string, StockPoolRow>, rows: ListingRows): ProductPlanningInput[] {
  const productOf = new Map(listings.map((l) => [l.key, l.productId]));
  const out = new Map<string, ProductPlanningInput>(
    products.map((p) => [p.id, { product: p, listings: [], pools: [], observations: [], orders: [], calibrations: [], returns: [], dailyDemand: [] }]),
  );
  const into = (listingKey: string) => out.get(productOf.get(listingKey) ?? '');
  for (const l of listings) out.get(l.productId)?.listings.push(l);
  for (const o of rows.observations) if (o.kind === 'listing') into(o.listingKey)?.observations.push(o);
  for (const o of rows.orders) into(o.listingKey)?.orders.push(o);
  for (const c of rows.calibrations) into(c.listingKey)?.calibrations.push(c);
  for (const r of rows.returns) into(r.listingKey)?.returns.push(r);
  for (const d of rows.demand) into(d.key)?.dailyDemand.push(d);
  for (const p of out.values()) {
    p.listings.sort((a, b) => (a.key < b.key ? -1 : 1));
    p.observations.sort(byTimeThenId);
    p.orders.sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : 0));
    p.calibrations.sort((a, b) => (a.at < b.at ? -1 : 1));
    p.pools = groupPools(p.listings).map((g) => ({ ...g, pool: pools.get(g.poolId) }));
  }
  return [...out.values()];
}

/** The order of a product's readings: by time, then stored id. */
function byTimeThenId(a: { observedAt: string; id: string }, b: { observedAt: string; id: string }): number {
  return a.observedAt < b.observedAt ? -1 : a.observedAt > b.observedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What re-planning reads of one product: ProductPlanningInput without what the planner does not use. */
export interface ProductReplanInput {
  productId: string;
  /** Its listings (key order), with the pool each draws from. */
  listings: Pick<ListingRow, 'key' | 'poolId'>[];
  /**
   * As ProductPlanningInput.observations: listing readings, oldest first (by time, then id).
   * Those from history digests hold only the fields the planner reads (history-digest.ts).
   */
  observations: ReplanReading[];
  /**
   * History digests of its listings whose readings are left out of `observations` (only with
   * loadReplanInput's `deferDigests`): a re-plan whose cached demand holds needs only their
   * sums; readingsOfListings reads the readings of the listings that need them.
   */
  digests?: HistoryDigestRow[];
  /** As ProductPlanningInput.orders: by order date. */
  orders: OrderRow[];
  calibrations: CalibrationRow[];
  /** Returns held for inspection or released to stock (disposed ones change nothing). */
  returns: ReturnRow[];
}

/**
 * The re-plan's part of one product's planning input.
 * @example replanInputOf(input.products[0]).productId
 */
export function replanInputOf(p: ProductPlanningInput): ProductReplanInput {
  return { productId: p.product.id, listings: p.listings, observations: p.observations, orders: p.orders, calibrations: p.calibrations, returns: p.returns };
}

/**
 * The part of loadPlanningInput the background's re-plan uses, read the cheap way for some
 * products: listings from the indexed rows, one request per product (not the full-row chunks,
 * which hold every listing of a group, nor a cursor over the productId index, which costs a
 * round trip per step in Chromium); each listing's older readings from its history digest's
 * readings record (one string, history-digest.ts) instead of its history record, plus the day chunks; no pools or
 * cached demand, which the planner does not read. The same products, listings, readings (the
 * fields the planner reads), orders and corrections, in the same order, as loadPlanningInput
 * (tested in lib/background/replan.test.ts). With `deferDigests` the digests' readings records
 * are not read: each product carries its listings' digests (readingsOfListings reads the readings
 * of those whose series is rebuilt).
 * Without `productIds`, every product, read as named ones (their ids read in the same transaction).
 * @example const { products } = await loadReplanInput(db, merged.productIds);
 */
export async function loadReplanInput(
  db: StoreDb,
  productIds?: readonly string[],
  { deferDigests = false }: { /** Leave the digests' readings out (ProductReplanInput.digests). */ deferDigests?: boolean } = {},
): Promise<ReplanInput> {
  // Read-only while every listing has its digest (and, the readings read, a readings record in step with it); a listing
  // without one (history written before digests, or never re-planned) has it written from its history record in the
  // same read-write transaction, so no write to the record can come between.
  const which = productIds ?? ALL_PRODUCTS;
  return (await readReplanInput(db, which, 'r', deferDigests)) ?? (await readReplanInput(db, which, 'rw', deferDigests))!;
}

/** What loadReplanInput reads. */
interface ReplanInput {
  products: ProductReplanInput[];
  settings: unknown;
  /** The products' listings as their indexed rows hold them, in key order (a page's panels are answered from them: fresh-plans.ts). */
  listings: ListingIndexRow[];
}

/** Every product of the store, read in the loader's own transaction (a product added meanwhile is in it, or not yet at all). */
const ALL_PRODUCTS = Symbol('all products');

/** loadReplanInput's transaction; undefined when read-only and some listing has no digest (or readings record in step). */
function readReplanInput(
  db: StoreDb,
  productIds: readonly string[] | typeof ALL_PRODUCTS,
  mode: 'r' | 'rw',
  deferDigests: boolean,
): Promise<ReplanInput | undefined> {
  return db.transaction(
    mode,
    [
      db.products,
      db.listings,
      db.observationChunks,
      db.listingHistory,
      db.dailyDemand,
      db.orderChunks,
      db.orderMonths,
      db.calibrations,
      db.returns,
      db.settings,
    ],
    async () => {
      const [settings, { products, listings, whole }] = await Promise.all([loadSettings(db), productsAndListings(db, productIds)]);
      const keys = listings.map((l) => l.key);
      // Most of the store's listings: their digests too in one read (by the `date` index), not a request each.
      const digests = await readHistoryDigests(db, keys, { whole });
      // Deferred, the readings records are read only for the listings whose series is rebuilt (readingsOfListings).
      const readings = deferDigests ? undefined : await readHistoryReadings(db, [...digests.values()]);
      const missing = keys.filter((k) => {
        const digest = digests.get(k);
        return !digest || (readings !== undefined && digest.count > 0 && !readings.has(k));
      });
      if (missing.length > 0 && mode === 'r') return undefined;
      const [observations, orders, calibrations, returns] = keys.length
        ? await Promise.all([
            readingsOf(db, keys, readings ?? new Map(), missing),
            readOrderLinesOf(db, keys),
            db.calibrations.where('listingKey').anyOf(keys).toArray(),
            db.returns
              .where('listingKey')
              .anyOf(keys)
              .filter((r) => r.status !== 'disposed')
              .toArray(),
          ])
        : [[], [], [], []];
      const deferred = deferDigests ? [...digests.values()] : [];
      return { products: byReplanProduct(products, listings, { observations, orders, calibrations, returns, digests: deferred }), settings, listings };
    },
  );
}

/**
 * Past this many products asked for, the loader counts the stored ones to choose how to read
 * them. The count walks the table (2–45 ms for 2,500 products in Chromium, timed 2026-12-05),
 * more than a page's few hundred products save by being read whole.
 */
const COUNT_PRODUCTS_PAST = 1_000;

/**
 * The stored products among `productIds` (all: every product) and their listings in key order,
 * and whether the tables were read whole.
 * A request each (a product by id, its listings by the `productId` index, asked at once, not
 * after the product rows came back) unless they are over COUNT_PRODUCTS_PAST and a third of
 * the products or more (whole-table.ts); then the two tables are read whole, one request each, and filtered
 * (the whole store's re-plan: 5,000 requests fewer at 2,500 products). Inside the loader's
 * transaction.
 */
async function productsAndListings(
  db: StoreDb,
  productIds: readonly string[] | typeof ALL_PRODUCTS,
): Promise<{ products: ProductRow[]; listings: ListingIndexRow[]; whole: boolean }> {
  const ids = productIds === ALL_PRODUCTS ? undefined : [...new Set(productIds)];
  let products: ProductRow[];
  let listings: ListingIndexRow[];
  const whole = ids === undefined || (ids.length > COUNT_PRODUCTS_PAST && wantsMostOf(ids.length, await db.products.count()));
  if (whole) {
    const [allProducts, allListings] = await Promise.all([db.products.toArray(), db.listings.toArray()]);
    // In the order asked, as the request-each way gives them.
    const byId = new Map(allProducts.map((p) => [p.id, p]));
    products = ids ? ids.flatMap((id) => byId.get(id) ?? []) : allProducts;
    const stored = new Set(products.map((p) => p.id));
    listings = allListings.filter((l) => stored.has(l.productId));
  } else {
    const [found, byProduct] = await Promise.all([db.products.bulkGet(ids), Promise.all(ids.map((id) => db.listings.where('productId').equals(id).toArray()))]);
    // Listings of a product not stored are dropped with it.
    products = found.filter((p): p is ProductRow => !!p);
    listings = byProduct.filter((_, i) => found[i] !== undefined).flat();
  }
  listings.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { products, listings, whole };
}

/**
 * Every reading of the listings: digests' readings records where there are, history records
 * (their digests written, in a read-write transaction) where not, and the day chunks.
 */
async function readingsOf(
  db: StoreDb,
  keys: readonly string[],
  digests: ReadonlyMap<string, HistoryReadingsRow>,
  missing: readonly string[],
): Promise<ReplanReading[]> {
  const [histories, recent] = await Promise.all([db.listingHistory.bulkGet(missing as string[]), readChunkObservationsOf(db, keys)]);
  if (missing.length > 0)
    await writeHistoryDigests(
      db,
      missing.map((k, i) => [k, histories[i]?.rows ?? []] as const),
    );
  const out: ReplanReading[] = [];
  for (const d of digests.values()) for (const r of readingsOfDigest(d)) out.push(r);
  for (const h of histories) if (h) for (const r of h.rows) out.push(r);
  for (const r of recent) out.push(r);
  return out;
}

/** The rows sorted into their products (by each listing's product), each product's lists ordered as loadPlanningInput orders them. */
function byReplanProduct(
  products: readonly ProductRow[],
  listings: readonly ListingIndexRow[],
  rows: { observations: ReplanReading[]; orders: OrderRow[]; calibrations: CalibrationRow[]; returns: ReturnRow[]; digests: HistoryDigestRow[] },
): ProductReplanInput[] {
  const productOf = new Map(listings.map((l) => [l.key, l.productId]));
  const out = new Map<string, ProductReplanInput>(
    products.map((p) => [p.id, { productId: p.id, listings: [], observations: [], orders: [], calibrations: [], returns: [] }]),
  );
  const into = (listingKey: string) => out.get(productOf.get(listingKey) ?? '');
  for (const l of listings) out.get(l.productId)?.listings.push({ key: l.key, ...(l.poolId !== undefined ? { poolId: l.poolId } : {}) });
  for (const o of rows.observations) if (o.kind === 'listing') into(o.listingKey)?.observations.push(o);
  for (const o of rows.orders) into(o.listingKey)?.orders.push(o);
  for (const c of rows.calibrations) into(c.listingKey)?.calibrations.push(c);
  for (const r of rows.returns) into(r.listingKey)?.returns.push(r);
  for (const d of rows.digests) {
    const p = into(d.key);
    if (p) (p.digests ??= []).push(d);
  }
  for (const p of out.values()) {
    p.returns.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
    p.observations.sort(byTimeThenId);
    p.orders.sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : 0));
    p.calibrations.sort((a, b) => (a.at < b.at ? -1 : 1));
  }
  return [...out.values()];
}

/**
 * Thrown by readingsOfListings when a listing's history was rewritten after the loader read its
 * digest (the daily fold, an old-dated import, compaction): the loaded input no longer holds
 * together, and the re-plan loads it again with the readings in (replan.ts).
 */
export class HistoryMovedError extends Error {
  constructor(readonly listingKeys: readonly string[]) {
    super(`history rewritten since it was loaded: ${listingKeys.slice(0, 3).join(', ')}${listingKeys.length > 3 ? ', ...' : ''}`);
    this.name = 'HistoryMovedError';
  }
}

/**
 * The readings of some listings, by listing, in the loader's order (by time, then id): each
 * listing's readings among its product's `observations`, and those of its deferred digest put
 * in their place from the digest's readings record (read here, only for these listings, and
 * only their readings are sorted, not the whole product's). Listings with no reading are
 * absent. Throws HistoryMovedError when a readings record no longer says what its digest said
 * when it was loaded.
 * @example (await readingsOfListings(db, input.products, new Set([key]))).get(key)
 */
export async function readingsOfListings(
  db: StoreDb,
  products: readonly ProductReplanInput[],
  keys: ReadonlySet<string>,
): Promise<Map<string, ReplanReading[]>> {
  const wanted = products.filter((p) => p.listings.some((l) => keys.has(l.key)));
  const deferred = wanted.flatMap((p) => (p.digests ?? []).filter((d) => keys.has(d.key) && d.count > 0));
  const records = await readHistoryReadings(db, deferred);
  const moved = deferred.filter((d) => !records.has(d.key)).map((d) => d.key);
  if (moved.length > 0) throw new HistoryMovedError(moved);
  const out = new Map<string, ReplanReading[]>();
  const push = (r: ReplanReading) => {
    const list = out.get(r.listingKey);
    if (list) list.push(r);
    else out.set(r.listingKey, [r]);
  };
  for (const p of wanted) {
    for (const row of p.observations) if (keys.has(row.listingKey)) push(row);
    for (const d of p.digests ?? []) {
      if (!keys.has(d.key) || d.count === 0) continue;
      for (const r of readingsOfDigest(records.get(d.key))) push(r);
      out.get(d.key)!.sort(byTimeThenId);
    }
  }
  return out;
}

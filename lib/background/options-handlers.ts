/**
 * Handlers for the options page's messages (lib/messaging/protocol-options.ts), in groups:
 * products, stock counts and returns, warehouses, imports and exports, data. The registry
 * (handlers.ts) combines them. Who may send each message is declared in the protocol and
 * checked by the dispatcher, so no handler here checks its sender.
 */
import { refusalMessage } from '../messaging/refusals';
import type { ParsedRequestOf } from '../messaging/protocol';
import { isStorageFull, STORAGE_FULL, type Handlers } from '../messaging/rpc';
import {
  addCalibration,
  assignWarehouse,
  createWarehouse,
  deleteAllData,
  deleteWarehouse,
  getListingsWithPlans,
  importBatchTables,
  linkListing,
  listListings,
  listWarehouses,
  loadAccounts,
  readListings,
  mergeObservations,
  OWN_WAREHOUSE_POOL,
  recordImportBatch,
  recordReturn,
  renameWarehouse,
  resolveReturn,
  storageEstimate,
  unlinkListing,
  type StockPoolRow,
} from '../store';
import { parseAccountsDoc, stampAccount } from '../accounts/registry';
import { DEFAULT_ACCOUNT } from '../records';
import type { BackgroundDeps } from './deps';
import { productChart } from './product-chart';
import { mergedReport, productDetail, searchProducts } from './product-views';

/** Imports touching this many listings (or products of a quarter of the catalogue) re-plan the whole store. */
const LARGE_IMPORT_LISTINGS = 200;

/** Re-plans the products a change touched (all when undefined), then signals the change. */
function replanAfter(deps: BackgroundDeps) {
  return async (productIds: readonly string[] | undefined) => {
    await deps.replan(productIds);
    deps.afterChange?.();
  };
}

/** Products: the list, one product's view, its chart, and linking listings by hand. */
export function createProductHandlers(
  deps: BackgroundDeps,
): Pick<Handlers, 'product/chart' | 'products/list' | 'products/detail' | 'products/link' | 'products/unlink'> {
  const { db } = deps;
  const changed = replanAfter(deps);
  return {
    async 'product/chart'(request) {
      return productChart(db, request, deps.now());
    },
    async 'products/list'({ search, offset, limit, sort }) {
      return searchProducts(db, search, offset, limit, sort);
    },
    async 'products/detail'({ productId }) {
      return productDetail(db, productId);
    },
    async 'products/link'({ listingKey, productId }) {
      const [before] = await getListingsWithPlans(db, [listingKey]);
      await linkListing(db, listingKey, productId, deps.now());
      await changed([productId, ...(before ? [before.listing.productId] : [])]);
      return { ok: true };
    },
    async 'products/unlink'({ listingKey }) {
      const [before] = await getListingsWithPlans(db, [listingKey]);
      const moved = await unlinkListing(db, listingKey, deps.now());
      await changed([moved.productId, ...(before ? [before.listing.productId] : [])]);
      return { ok: true };
    },
  };
}

/** The seller's stock counts (calibrations) and returns awaiting inspection: each re-plans its product. */
export function createStockHandlers(deps: BackgroundDeps): Pick<Handlers, 'products/calibrate' | 'returns/record' | 'returns/resolve'> {
  const { db } = deps;
  const changed = replanAfter(deps);
  return {
    async 'products/calibrate'(input) {
      const row = await addCalibration(db, input, deps.now());
      await changed([row.productId]);
      return { ok: true };
    },
    async 'returns/record'(input) {
      const row = await recordReturn(db, input, deps.now());
      await changed([row.productId]);
      return { ok: true };
    },
    async 'returns/resolve'({ id, status, by }) {
      const row = await resolveReturn(db, id, status, by, deps.now());
      await changed([row.productId]);
      return { ok: true };
    },
  };
}

/** An own warehouse's row as the options page lists it. */
function warehouseOf(row: StockPoolRow, listings: number) {
  return { id: row.id, name: row.name, listings, isDefault: row.id === OWN_WAREHOUSE_POOL };
}

/** The seller's own warehouses, and moving a seller-fulfilled listing between them. */
export function createWarehouseHandlers(
  deps: BackgroundDeps,
): Pick<Handlers, 'warehouses/list' | 'warehouses/create' | 'warehouses/rename' | 'warehouses/delete' | 'listings/assign-pool'> {
  const { db } = deps;
  const changed = replanAfter(deps);
  return {
    async 'warehouses/list'() {
      return { warehouses: await listWarehouses(db) };
    },
    async 'warehouses/create'({ name }) {
      return warehouseOf(await createWarehouse(db, name), 0);
    },
    async 'warehouses/rename'({ id, name }) {
      const row = await renameWarehouse(db, id, name);
      return warehouseOf(row, (await listWarehouses(db)).find((w) => w.id === id)?.listings ?? 0);
    },
    async 'warehouses/delete'({ id }) {
      await deleteWarehouse(db, id);
      return { ok: true };
    },
    async 'listings/assign-pool'({ listingKey, poolId }) {
      const moved = await assignWarehouse(db, listingKey, poolId);
      await changed([moved.productId]);
      return { ok: true, poolId: moved.poolId ?? null };
    },
  };
}

/** One batch of an import as both import messages give it (rows parsed by the dispatcher). */
type ImportBatch = Omit<ParsedRequestOf<'import/commit'>, 'account'> & { account: string };

/**
 * Stores import batches: each batch in one merge, the products an import touched re-planned
 * together by its last batch. Shared by `import/commit` (rows) and `import/commit-packed`.
 */
function createBatchCommitter(deps: BackgroundDeps) {
  const { db } = deps;
  const changed = replanAfter(deps);
  /** Listings changed by each import in progress, their products re-planned together by its last batch. */
  const imports = new Map<string, Set<string>>();
  /** The products of some listings, read once at an import's end (the merges report order lines' listings by key). */
  const productsOf = async (listingKeys: Iterable<string>) => [
    ...new Set((await readListings(db, [...listingKeys])).flatMap((row) => (row ? [row.productId] : []))),
  ];
  /** Imports whose order lines widened a marketplace's covered days: every listing there gains known days. */
  const covering = new Set<string>();
  return async ({ importId, batchIndex, rows: named, last, account }: ImportBatch) => {
    // A worker that slept between batches lost the earlier batches' products: re-plan all then.
    const lostEarlierBatches = batchIndex > 0 && !imports.has(importId);
    // One transaction per batch (the account check, the merge, the import's spans): a full disk
    // stores none of this batch, its spans included (earlier batches stay whole; importing the
    // file again merges them as the same readings).
    const stored = await db
      .transaction('rw', importBatchTables(db), async () => {
        // The seller's choice of account, checked against the accounts pages have shown; it
        // decides every row's account (a file names none, so no row may pick one).
        if (!parseAccountsDoc(await loadAccounts(db)).accounts.some((a) => a.id === account)) throw new Error(refusalMessage('account-missing', { account }));
        // Rows of a file name no account, so into the default account they go as they are (copying
        // each of 500,000 order lines to drop an absent account cost about 0.15 s).
        const rows = account === DEFAULT_ACCOUNT && named.every((row) => row.account === undefined) ? named : named.map((row) => stampAccount(row, account));
        // The dispatcher parsed the rows with the request schema (observationSchema each): the
        // merge need not parse them again.
        const merged = await mergeObservations(db, rows, deps.now(), { validated: true, orderListingsByKey: true });
        return { merged, covers: await recordImportBatch(db, importId, rows, deps.now()) };
      })
      .catch((error: unknown) => {
        if (!isStorageFull(error)) throw error;
        // Earlier batches were stored: re-plan their products if the disk allows.
        const earlier = imports.get(importId);
        imports.delete(importId);
        if (earlier?.size)
          void productsOf(earlier)
            .then(changed)
            .catch(() => undefined);
        throw new Error(`${STORAGE_FULL}: the browser has no room left for the extension's data; this batch of the import was not saved`);
      });
    const { merged } = stored;
    let touched = imports.get(importId);
    if (!touched) imports.set(importId, (touched = new Set()));
    for (const key of merged.listingKeys) touched.add(key);
    if (stored.covers) covering.add(importId);
    if (last) {
      imports.delete(importId);
      const covered = covering.delete(importId);
      // A large import (years of order history, a whole catalogue) re-plans the whole store,
      // which also refits the forecast context and ABC classes on the catalogue. So does an
      // order history: listings with no orders in it (untouched) now sold zero on its days.
      const everything = lostEarlierBatches || covered || touched.size >= LARGE_IMPORT_LISTINGS;
      const productIds = everything ? [] : await productsOf(touched);
      await changed(everything || productIds.length * 4 >= (await db.products.count()) ? undefined : productIds);
    }
    return {
      received: merged.counts.received,
      stored: merged.counts.new + merged.counts.unchanged + merged.counts.stale,
      rejected: merged.counts.rejected,
      newListings: merged.counts.newListings,
      replanned: last,
    };
  };
}

/** Report imports (in batches, re-planned once at the last) and the merged report export. */
export function createImportExportHandlers(
  deps: BackgroundDeps,
): Pick<Handlers, 'listings/sku-by-asin' | 'import/commit' | 'import/commit-packed' | 'export/merged'> {
  const { db } = deps;
  // One committer for both messages: an import's batches may come through either.
  const commit = createBatchCommitter(deps);
  return {
    async 'listings/sku-by-asin'({ marketplace, account = DEFAULT_ACCOUNT }) {
      const listings = await listListings(db);
      const ofImport = (l: (typeof listings)[number]) => l.marketplace === marketplace && (l.account ?? DEFAULT_ACCOUNT) === account;
      return { pairs: listings.flatMap((l) => (ofImport(l) && l.asin ? [{ asin: l.asin, sku: l.sku }] : [])) };
    },
    async 'import/commit'({ account = DEFAULT_ACCOUNT, ...batch }) {
      return commit({ ...batch, account });
    },
    async 'import/commit-packed'({ packed, account = DEFAULT_ACCOUNT, ...batch }) {
      return commit({ ...batch, rows: packed, account });
    },
    async 'export/merged'() {
      return mergedReport(db, deps.now());
    },
  };
}

/**
 * The whole store: delete everything, and how much is stored (backups: backup-handlers.ts).
 * `forgetInMemory` drops what the worker holds besides the store (the pages' reading problems).
 */
export function createDataHandlers(deps: BackgroundDeps, forgetInMemory: () => void): Pick<Handlers, 'data/delete-all' | 'data/storage'> {
  const { db } = deps;
  return {
    async 'data/delete-all'() {
      await deleteAllData(db);
      forgetInMemory();
      deps.afterChange?.();
      return { ok: true };
    },
    async 'data/storage'() {
      return storageEstimate(db);
    },
  };
}

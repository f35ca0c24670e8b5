/**
 * The store's Dexie database. The background service worker owns it: content scripts and UI
 * pages reach it only through messages, so there is one writer and every write is a
 * transaction here.
 */
import { Dexie, type DexieOptions, type Table } from 'dexie';
import { declareSchema } from './schema';
import type { ProductRow } from './tables/products';
import type { ListingIndexRow } from './tables/listings';
import type { StockPoolRow } from './tables/stockPools';
import type { ListingChunkRow } from './tables/listingChunks';
import type { ObservationChunkRow } from './tables/observationChunks';
import type { ListingHistoryRow } from './tables/listingHistory';
import type { OrderChunkRow } from './tables/orderChunks';
import type { OrderMonthRow } from './tables/orderMonths';
import { isHistoryDigestKey, type DailyDemandRow, type HistoryDigestRow, type HistoryReadingsRow, type StoredDemandCacheRow } from './tables/dailyDemand';
import { RecordCache } from './record-cache';
import { STORE_GROUPS } from './groups';
import type { CalibrationRow } from './tables/calibrations';
import type { ReturnRow } from './tables/returns';
import type { SettingsRow } from './tables/settings';
import type { PlanRow } from './tables/plans';
import type { SearchChunkRow } from './tables/searchChunks';
import type { ShownChunkRow } from './tables/shownChunks';

export const STORE_NAME = 'stock-copilot';

export class StoreDb extends Dexie {
  products!: Table<ProductRow, string>;
  /** The indexed projection of each listing (queries); full rows are in listingChunks (lib/store/listing-store.ts). */
  listings!: Table<ListingIndexRow, string>;
  /** Full listing rows, one record per group of listings (schema v4). */
  listingChunks!: Table<ListingChunkRow, number>;
  stockPools!: Table<StockPoolRow, string>;
  /** The history, one record per marketplace day and listing group (lib/store/observation-store.ts). */
  observationChunks!: Table<ObservationChunkRow, string>;
  /** Each listing's older readings, one record per listing (lib/store/observation-store.ts). */
  listingHistory!: Table<ListingHistoryRow, string>;
  /** The order lines, one record per marketplace day (schema v5; lib/store/order-store.ts). */
  orderChunks!: Table<OrderChunkRow, string>;
  /** Which listings sold in each marketplace month's order chunks (schema v6; lib/store/order-store.ts). */
  orderMonths!: Table<OrderMonthRow, [string, number]>;
  /**
   * History digests (HistoryDigestRow), each holding its listing's cached demand since v10 (through v9 a record of its own,
   * StoredDemandCacheRow), and beside each its readings (HistoryReadingsRow, since digest format 4); older stores may hold per-day rows.
   */
  dailyDemand!: Table<DailyDemandRow | StoredDemandCacheRow | HistoryDigestRow | HistoryReadingsRow, [string, string]>;
  calibrations!: Table<CalibrationRow, number>;
  returns!: Table<ReturnRow, number>;
  settings!: Table<SettingsRow, string>;
  plans!: Table<PlanRow, string>;
  /** Derived from listings (the popup's search and filters, per group): not backed up; rebuilt on restore. */
  searchChunks!: Table<SearchChunkRow, number>;
  /** Derived from plans (what each listing shows of its plan, per group; schema v9): not backed up; rebuilt on restore. */
  shownChunks!: Table<ShownChunkRow, number>;

  /**
   * Records this instance read or wrote lately, kept in memory (record-cache.ts), so a re-plan
   * of the products of the page before (or a page merged after it) asks IndexedDB for fewer:
   * each request costs about 60 µs in Chromium whatever its size.
   */
  readonly memory = {
    /**
     * History digests with their cached demand (~2.4 KB each, ~29 MB when full): every listing of
     * a 10,000-listing store, so a large page planned again (most of the store) reads them from
     * memory rather than by the `date` index (history-digest.ts readHistoryDigests).
     */
    digests: new RecordCache({ table: 'dailyDemand', keeps: isHistoryDigestKey, capacity: 12_000 }),
    /** The recent day chunks a page's re-plan reads (those of every group, ~23 KB each) and the merge rewrites: five days of them. */
    dayChunks: new RecordCache({ table: 'observationChunks', keeps: () => true, capacity: 5 * STORE_GROUPS }),
    /** The popup list's two tables, one record per group each (the save of a re-plan reads those of its listings). */
    searchChunks: new RecordCache({ table: 'searchChunks', keeps: () => true, capacity: STORE_GROUPS }),
    shownChunks: new RecordCache({ table: 'shownChunks', keeps: () => true, capacity: STORE_GROUPS }),
    /**
     * The indexed listing rows (about 1 KB each with a long title): a page's re-plan reads each product's by the
     * `productId` index, a request each, and the page before (or the whole re-plan) read the same.
     */
    listings: new RecordCache({ table: 'listings', keeps: () => true, capacity: 12_000, index: 'productId', whole: true }),
    /** The product rows (a few short fields each): a page's re-plan reads those of its products, a request each. */
    products: new RecordCache({ table: 'products', keeps: () => true, capacity: 12_000, whole: true }),
    /** The settings table's rows (settings, purchasing, reorder lines, the catalogue fit, accounts, inbound...): a re-plan reads most of them. */
    settingsRows: new RecordCache({ table: 'settings', keeps: () => true, capacity: 32 }),
    /** Only the keys of every plan (a re-plan's save reads them all to learn which plans exist; 10,000+ strings, ~35 ms in Chromium). */
    planKeys: new RecordCache({ table: 'plans', keeps: () => false, capacity: 0, allKeys: true }),
  };

  constructor(name: string = STORE_NAME, options?: DexieOptions) {
    super(name, options);
    declareSchema(this);
    for (const cache of Object.values(this.memory)) this.use(cache.middleware);
  }
}

/**
 * Every logical table, in the order backups list them. `listings`, `observations` and `orders`
 * are stored in chunks (STORED_TABLES): backups hold their plain rows.
 */
export const TABLE_NAMES = [
  'products',
  'listings',
  'stockPools',
  'observations',
  'orders',
  'dailyDemand',
  'calibrations',
  'returns',
  'settings',
  'plans',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * Opens (creating or upgrading) the store.
 * @example const db = await openStore(); await listListings(db);
 */
export async function openStore(name: string = STORE_NAME, options?: DexieOptions): Promise<StoreDb> {
  const db = new StoreDb(name, options);
  await db.open();
  return db;
}

/**
 * The object stores behind the logical tables (searchChunks and shownChunks, derived, are not among them;
 * orderMonths, derived from orderChunks, is: every transaction that writes order chunks writes
 * their months too).
 */
export const STORED_TABLES = [
  'products',
  'listings',
  'listingChunks',
  'stockPools',
  'observationChunks',
  'listingHistory',
  'orderChunks',
  'orderMonths',
  'dailyDemand',
  'calibrations',
  'returns',
  'settings',
  'plans',
] as const;

/**
 * The two tables of the popup's list (tables/searchChunks.ts: each listing's text, and what it
 * shows of its plan): every transaction that writes listings or plans writes both.
 */
export function searchTables(db: StoreDb): Table[] {
  return [db.searchChunks, db.shownChunks];
}

/** The tables of a store as a list, for whole-store transactions. */
export function allTables(db: StoreDb): Table[] {
  return STORED_TABLES.map((n) => db.table(n));
}

/**
 * The tables a product's facts are read from: its listings, their readings and order lines,
 * stock pools, calibrations and returns (the planning input and the product view read these).
 */
export function productFactTables(db: StoreDb) {
  return [
    db.products,
    db.listings,
    db.listingChunks,
    db.stockPools,
    db.observationChunks,
    db.listingHistory,
    db.orderChunks,
    db.orderMonths,
    db.calibrations,
    db.returns,
  ];
}

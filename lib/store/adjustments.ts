/**
 * What the seller tells the store by hand: stock corrections, returns held apart, which pool
 * (or own warehouse) a listing draws from. Each is one small transaction.
 */
import { listingKeyParts } from '../records';
import { refusalMessage, type RefusalCode, type RefusalParams } from '../messaging/refusals';
import { searchTables, type StoreDb } from './db';
import { invalidateDemand } from './daily-demand';
import { calibrationRowSchema, type CalibrationRow } from './tables/calibrations';
import { OWN_WAREHOUSE_POOL, poolIdFor, poolRowFor, type StockPoolRow } from './tables/stockPools';
import type { ListingRow } from './tables/listings';
import { readListing, writeListings } from './listing-store';
import { returnRowSchema, type ReturnRow, type ReturnStatus } from './tables/returns';

/** A refusal: its text is a code and params the options page says in the seller's language (lib/messaging/refusals.ts). */
export class AdjustmentError extends Error {
  override name = 'AdjustmentError';
  constructor(
    readonly code: RefusalCode,
    readonly params: RefusalParams = {},
  ) {
    super(refusalMessage(code, params));
  }
}

/** The refusal of a listing key no listing is stored under (sku and marketplace name it to the seller). */
const listingMissing = (listingKey: string) => new AdjustmentError('listing-missing', listingKeyParts(listingKey));

/**
 * Records the seller's count of on-hand stock for a listing's pool. It holds until a newer
 * stock reading arrives (effectiveOnHand).
 * @example await addCalibration(db, { listingKey, onHand: 40, reason: 'Counted shelf', by: 'Ana' }, new Date())
 */
export async function addCalibration(
  db: StoreDb,
  input: { listingKey: string; onHand: number; reason: string; by: string },
  now: Date,
): Promise<CalibrationRow> {
  return db.transaction('rw', [db.listings, db.listingChunks, ...searchTables(db), db.calibrations, db.dailyDemand], async () => {
    const listing = await readListing(db, input.listingKey);
    if (!listing) throw listingMissing(input.listingKey);
    // A count is a new stock baseline for the listing's demand: its cached series is stale.
    await invalidateDemand(db, [listing.key]);
    const row = calibrationRowSchema.parse({
      listingKey: listing.key,
      productId: listing.productId,
      poolId: listing.poolId,
      onHand: input.onHand,
      previous: listing.available ?? null,
      reason: input.reason,
      by: input.by,
      at: now.toISOString(),
    });
    const id = await db.calibrations.add(row);
    return { ...row, id };
  });
}

/**
 * Records returned units held apart from sellable stock.
 * @example await recordReturn(db, { listingKey, units: 2, reason: 'damaged box' }, new Date())
 */
export async function recordReturn(
  db: StoreDb,
  input: { listingKey: string; units: number; orderId?: string; reason?: string },
  now: Date,
): Promise<ReturnRow> {
  return db.transaction('rw', [db.listings, db.returns], async () => {
    const listing = await db.listings.get(input.listingKey);
    if (!listing) throw listingMissing(input.listingKey);
    const row = returnRowSchema.parse({
      listingKey: listing.key,
      productId: listing.productId,
      poolId: listing.poolId,
      units: input.units,
      orderId: input.orderId,
      reason: input.reason,
      receivedAt: now.toISOString(),
      status: 'held',
    });
    const id = await db.returns.add(row);
    return { ...row, id };
  });
}

/**
 * Marks held returned units sellable (back to stock) or disposed.
 * @example await resolveReturn(db, 3, 'sellable', 'Ana', new Date())
 */
export async function resolveReturn(db: StoreDb, id: number, status: Exclude<ReturnStatus, 'held'>, by: string, now: Date): Promise<ReturnRow> {
  return db.transaction('rw', [db.returns], async () => {
    const row = await db.returns.get(id);
    if (!row) throw new AdjustmentError('return-missing', { id });
    const next: ReturnRow = { ...row, status, resolvedAt: now.toISOString(), resolvedBy: by };
    await db.returns.put(next);
    return next;
  });
}

/**
 * The seller says which pool a listing draws from (e.g. a second warehouse `own:eu`); null
 * goes back to the automatic choice by fulfilment channel.
 * @example await assignPool(db, 'ebay|ebay.de|MUG-1', 'own:eu')
 */
export async function assignPool(db: StoreDb, listingKey: string, poolId: string | null): Promise<ListingRow> {
  return db.transaction('rw', [db.listings, db.listingChunks, ...searchTables(db), db.stockPools], async () => {
    const listing = await readListing(db, listingKey);
    if (!listing) throw listingMissing(listingKey);
    const next: ListingRow =
      poolId === null
        ? { ...listing, poolRule: 'auto', poolId: poolIdFor(listing.platform, listing.marketplace, listing.fulfillment, listing.account) }
        : { ...listing, poolRule: 'manual', poolId };
    if (next.poolId === undefined) delete next.poolId;
    if (next.poolId && !(await db.stockPools.get(next.poolId))) await db.stockPools.add(poolRowFor(next.poolId));
    await writeListings(db, [next]);
    return next;
  });
}

// ---------------------------------------------------------------------------------------------
// Own warehouses: `own:main` (every seller-fulfilled listing's default) and the ones the seller names
// ---------------------------------------------------------------------------------------------

/** Longest warehouse name (the stockPools row's limit). */
export const WAREHOUSE_NAME_MAX = 200;
const SLUG_MAX = 60;
const OWN_PREFIX = 'own:';

/** An own warehouse as the options page lists it. */
export interface WarehouseSummary {
  id: string;
  name: string;
  /** Listings drawing from it now. */
  listings: number;
  /** `own:main`: every seller-fulfilled listing's automatic pool; it can be renamed, never deleted. */
  isDefault: boolean;
}

/**
 * The id part of a warehouse name: lower case, letters and digits of any script kept, the
 * rest folded to single dashes, accents dropped; `warehouse` when nothing is left.
 * @example warehouseSlug('  Lager Süd / 2 ') // 'lager-sud-2'
 */
export function warehouseSlug(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
  const dashed = folded.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+/, '');
  const slug = Array.from(dashed).slice(0, SLUG_MAX).join('').replace(/-+$/, '');
  return slug || 'warehouse';
}

/** The trimmed name, or an AdjustmentError saying what is wrong with it. */
function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new AdjustmentError('warehouse-name-required');
  if (trimmed.length > WAREHOUSE_NAME_MAX) throw new AdjustmentError('warehouse-name-too-long', { max: WAREHOUSE_NAME_MAX, length: trimmed.length });
  return trimmed;
}

const isOwnPool = (id: string) => id.startsWith(OWN_PREFIX);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every own-warehouse row, `own:main` first (made up from its default while no row is stored). Inside a transaction over stockPools. */
async function ownPools(db: StoreDb): Promise<StockPoolRow[]> {
  const rows = (await db.stockPools.where('channel').equals('SELLER').toArray()).filter((p) => isOwnPool(p.id));
  const main = rows.find((p) => p.id === OWN_WAREHOUSE_POOL) ?? poolRowFor(OWN_WAREHOUSE_POOL);
  const others = rows.filter((p) => p.id !== OWN_WAREHOUSE_POOL).sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.id, b.id));
  return [main, ...others];
}

/** Refuses a name another own warehouse already has (case and outer spaces ignored). */
function assertNameFree(pools: readonly StockPoolRow[], name: string, exceptId?: string): void {
  const same = pools.find((p) => p.id !== exceptId && p.name.trim().toLowerCase() === name.toLowerCase());
  if (same) throw new AdjustmentError('warehouse-name-taken', { name: same.name });
}

/** An own warehouse by id, or an AdjustmentError. */
function ownPoolOf(pools: readonly StockPoolRow[], id: string): StockPoolRow {
  const pool = pools.find((p) => p.id === id);
  if (!pool) throw new AdjustmentError('warehouse-missing', { id });
  return pool;
}

/**
 * Every own warehouse with how many listings draw from it now, `own:main` first, then by name.
 * @example (await listWarehouses(db))[0] // { id: 'own:main', name: 'Own warehouse', listings: 3, isDefault: true }
 */
export async function listWarehouses(db: StoreDb): Promise<WarehouseSummary[]> {
  return db.transaction('r', [db.stockPools, db.listings], async () => {
    const counts = await listingsPerPool(db);
    return (await ownPools(db)).map((p) => ({ id: p.id, name: p.name, listings: counts.get(p.id) ?? 0, isDefault: p.id === OWN_WAREHOUSE_POOL }));
  });
}

/** Listings per pool id (the indexed rows carry the pool). */
async function listingsPerPool(db: StoreDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.listings.each((l) => {
    if (l.poolId) counts.set(l.poolId, (counts.get(l.poolId) ?? 0) + 1);
  });
  return counts;
}

/**
 * A new own warehouse named by the seller: id `own:<slug of the name>`, with `-2`, `-3`…
 * when that id is taken. Refuses an empty or over-long name, or one another warehouse has.
 * @example await createWarehouse(db, 'East coast') // { id: 'own:east-coast', channel: 'SELLER', name: 'East coast' }
 */
export async function createWarehouse(db: StoreDb, name: string): Promise<StockPoolRow> {
  const trimmed = validName(name);
  return db.transaction('rw', [db.stockPools], async () => {
    assertNameFree(await ownPools(db), trimmed);
    const base = `${OWN_PREFIX}${warehouseSlug(trimmed)}`;
    let id = base;
    for (let n = 2; id === OWN_WAREHOUSE_POOL || (await db.stockPools.get(id)); n++) id = `${base}-${n}`;
    const row: StockPoolRow = { id, channel: 'SELLER', name: trimmed };
    await db.stockPools.add(row);
    return row;
  });
}

/**
 * Renames an own warehouse (its id, and so every listing's assignment, stays).
 * @example await renameWarehouse(db, 'own:main', 'Shenzhen')
 */
export async function renameWarehouse(db: StoreDb, id: string, name: string): Promise<StockPoolRow> {
  const trimmed = validName(name);
  return db.transaction('rw', [db.stockPools], async () => {
    const pools = await ownPools(db);
    const pool = ownPoolOf(pools, id);
    assertNameFree(pools, trimmed, id);
    const row: StockPoolRow = { ...pool, name: trimmed };
    await db.stockPools.put(row);
    return row;
  });
}

/**
 * Deletes an own warehouse no listing draws from; `own:main` is never deleted.
 * @example await deleteWarehouse(db, 'own:old-shed')
 */
export async function deleteWarehouse(db: StoreDb, id: string): Promise<void> {
  await db.transaction('rw', [db.stockPools, db.listings], async () => {
    const pool = ownPoolOf(await ownPools(db), id);
    if (id === OWN_WAREHOUSE_POOL) throw new AdjustmentError('warehouse-default-kept');
    const drawing = (await listingsPerPool(db)).get(id) ?? 0;
    if (drawing > 0) throw new AdjustmentError('warehouse-in-use', { name: pool.name, listings: drawing });
    await db.stockPools.delete(id);
  });
}

/**
 * Moves a seller-fulfilled listing to one of the seller's own warehouses, or (null) back to
 * its automatic pool. A listing fulfilled by Amazon or Walmart (stock at their warehouses), or
 * whose channel is not known yet, cannot draw from an own warehouse; nor can a warehouse that
 * does not exist be chosen (assignPool would make it up).
 * @example await assignWarehouse(db, 'ebay|ebay.com|MUG-1', 'own:east')
 */
export async function assignWarehouse(db: StoreDb, listingKey: string, poolId: string | null): Promise<ListingRow> {
  return db.transaction('rw', [db.listings, db.listingChunks, ...searchTables(db), db.stockPools], async () => {
    const listing = await readListing(db, listingKey);
    if (!listing) throw listingMissing(listingKey);
    if (poolId !== null) {
      if (!isOwnPool(poolId)) throw new AdjustmentError('warehouse-not-own', { poolId });
      ownPoolOf(await ownPools(db), poolId);
      assertSellerFulfilled(listing);
    }
    return assignPool(db, listingKey, poolId);
  });
}

/** Refuses a listing whose stock is not in the seller's hands (or not known to be). */
function assertSellerFulfilled(listing: ListingRow): void {
  const auto = poolIdFor(listing.platform, listing.marketplace, listing.fulfillment, listing.account);
  if (auto === OWN_WAREHOUSE_POOL) return;
  const what = { sku: listing.sku, marketplace: listing.marketplace };
  if (auto?.startsWith('fba:')) throw new AdjustmentError('stock-at-amazon', what);
  if (auto?.startsWith('wfs:')) throw new AdjustmentError('stock-at-walmart', what);
  throw new AdjustmentError('channel-unknown', what);
}

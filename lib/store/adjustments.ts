/**
 * What the seller tells the store by hand: stock corrections, returns held apart, which pool a
 * listing draws from, and the settings object. Each is one small transaction.
 */
import type { StoreDb } from './db';
import { calibrationRowSchema, type CalibrationRow } from './tables/calibrations';
import { poolIdFor, poolRowFor } from './tables/stockPools';
import type { ListingRow } from './tables/listings';
import { readListing, writeListings } from './listing-store';
import { returnRowSchema, type ReturnRow, type ReturnStatus } from './tables/returns';
import { SETTINGS_ROW_ID } from './tables/settings';
import type { DailyDemandRow } from './tables/dailyDemand';

export class AdjustmentError extends Error {
  override name = 'AdjustmentError';
}

/**
 * Records the seller's count of on-hand stock for a listing's pool. It holds until a newer
 * stock reading arrives (effectiveOnHand).
 * @example await addCalibration(db, { listingKey, onHand: 40, reason: 'Counted shelf', by: 'Ana' }, new Date())
 */
export async function addCalibration(
  db: StoreDb, input: { listingKey: string; onHand: number; reason: string; by: string }, now: Date,
): Promise<CalibrationRow> {
  return db.transaction('rw', [db.listings, db.listingChunks, db.searchChunks, db.calibrations], async () => {
    const listing = await readListing(db, input.listingKey);
    if (!listing) throw new AdjustmentError(`No listing ${input.listingKey}`);
    const row = calibrationRowSchema.parse({
      listingKey: listing.key, productId: listing.productId, poolId: listing.poolId, onHand: input.onHand,
      previous: listing.available ?? null, reason: input.reason, by: input.by, at: now.toISOString(),
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
  db: StoreDb, input: { listingKey: string; units: number; orderId?: string; reason?: string }, now: Date,
): Promise<ReturnRow> {
  return db.transaction('rw', [db.listings, db.returns], async () => {
    const listing = await db.listings.get(input.listingKey);
    if (!listing) throw new AdjustmentError(`No listing ${input.listingKey}`);
    const row = returnRowSchema.parse({
      listingKey: listing.key, productId: listing.productId, poolId: listing.poolId, units: input.units,
      orderId: input.orderId, reason: input.reason, receivedAt: now.toISOString(), status: 'held',
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
    if (!row) throw new AdjustmentError(`No return ${id}`);
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
  return db.transaction('rw', [db.listings, db.listingChunks, db.searchChunks, db.stockPools], async () => {
    const listing = await readListing(db, listingKey);
    if (!listing) throw new AdjustmentError(`No listing ${listingKey}`);
    const next: ListingRow = poolId === null
      ? { ...listing, poolRule: 'auto', poolId: poolIdFor(listing.platform, listing.marketplace, listing.fulfillment) }
      : { ...listing, poolRule: 'manual', poolId };
    if (next.poolId === undefined) delete next.poolId;
    if (next.poolId && !(await db.stockPools.get(next.poolId))) await db.stockPools.add(poolRowFor(next.poolId));
    await writeListings(db, [next]);
    return next;
  });
}

/** The stored settings object as saved (lib/settings validates and migrates it), or undefined. */
export async function loadSettings(db: StoreDb): Promise<unknown> {
  return (await db.settings.get(SETTINGS_ROW_ID))?.value;
}

/** @example await saveSettings(db, settings, new Date()) */
export async function saveSettings(db: StoreDb, value: unknown, now: Date): Promise<void> {
  await db.settings.put({ id: SETTINGS_ROW_ID, value, updatedAt: now.toISOString() });
}

/**
 * Caches reconstructed demand days (replacing the same key + date).
 * @example await saveDailyDemand(db, [{ key, date: '2024-05-01', units: 3, how: 'exact' }])
 */
export async function saveDailyDemand(db: StoreDb, rows: readonly DailyDemandRow[]): Promise<void> {
  await db.dailyDemand.bulkPut(rows as DailyDemandRow[]);
}

/**
 * The merged-away account's rows outside its listings (account-merge.ts): order lines, stock
 * corrections, returns and its own pools. Call inside the merge's transaction.
 */
import { DEFAULT_ACCOUNT, type OrderObservation } from '../records';
import { stampAccount } from '../accounts/registry';
import type { StoreDb } from './db';
import { refusalMessage } from '../messaging/refusals';
import { AccountMergeError, keysOfAccount, rekey, rekeyPool } from './account-merge-keys';
import { mergeObservations } from './merge';
import { deleteOrderChunks, orderChunkIds, readOrderChunkLines } from './order-store';
import type { OrderRow } from './tables/orders';

/** Order day chunks per merge call (a few hundred lines each at most, for most sellers). */
const ORDER_CHUNK_BATCH = 16;

/**
 * Merges `from`'s order lines into `into`'s as fresh readings (each line's newest reading wins;
 * a line both accounts stored is one line, so its units count once) and deletes them.
 * Returns the products to re-plan.
 * @example await moveOrders(db, 'amazon-b', 'default', new Date())
 */
export async function moveOrders(db: StoreDb, from: string, into: string, now: Date): Promise<string[]> {
  // Chunk ids carry their account as line keys do (withAccount): `from`'s day chunks are its lines.
  const ids = keysOfAccount(await orderChunkIds(db), from);
  const productIds: string[] = [];
  for (let i = 0; i < ids.length; i += ORDER_CHUNK_BATCH) {
    const batch = ids.slice(i, i + ORDER_CHUNK_BATCH);
    const rows = await readOrderChunkLines(db, batch);
    const result = await mergeObservations(
      db,
      rows.flatMap((r) => orderReadingsOf(r, into)),
      now,
    );
    if (result.rejected.length > 0)
      throw new AccountMergeError(refusalMessage('account-merge-bad-order-line', { account: from, reason: result.rejected[0]!.reason }));
    await deleteOrderChunks(db, batch);
    productIds.push(...result.productIds);
  }
  return productIds;
}

/** An order line as `into`'s readings of it: its newest reading, and its first time seen. */
function orderReadingsOf(row: OrderRow, into: string): OrderObservation[] {
  const reading: OrderObservation = stampAccount(
    {
      kind: 'order',
      platform: row.platform,
      marketplace: row.marketplace,
      account: row.account,
      source: row.source,
      observedAt: row.observedAt,
      observedDate: row.observedAt.slice(0, 10),
      orderId: row.orderId,
      sku: row.sku,
      quantity: row.quantity,
      status: row.status,
      orderDate: row.orderDate,
      ...(row.itemPrice ? { itemPrice: row.itemPrice } : {}),
      ...(row.fulfillment ? { fulfillment: row.fulfillment } : {}),
    },
    into,
  );
  if (row.firstObservedAt === row.observedAt) return [reading];
  return [reading, { ...reading, observedAt: row.firstObservedAt, observedDate: row.firstObservedAt.slice(0, 10) }];
}

/**
 * Stock corrections and returns of `from`'s listings re-keyed to `into`'s listings (and pools):
 * both are events the seller recorded, so every one is kept.
 * @example await moveAdjustments(db, 'amazon-b', 'default')
 */
export async function moveAdjustments(db: StoreDb, from: string, into: string): Promise<void> {
  const [calibrations, returns] = await Promise.all([db.calibrations.toArray(), db.returns.toArray()]);
  const moving = <T extends { listingKey: string; productId: string; poolId?: string | undefined }>(rows: T[]) =>
    rows.filter((r) => keysOfAccount([r.listingKey], from).length === 1);
  const moved = [...moving(calibrations), ...moving(returns)];
  const listings = await db.listings.bulkGet(moved.map((r) => rekey(r.listingKey, from, into)));
  const rekeyed = moved.map((r, i) => ({
    ...r,
    listingKey: rekey(r.listingKey, from, into),
    productId: listings[i]?.productId ?? r.productId,
    ...(r.poolId === undefined ? {} : { poolId: rekeyPool(r.poolId, from, into) }),
  }));
  const n = moving(calibrations).length;
  if (n) await db.calibrations.bulkPut(rekeyed.slice(0, n) as typeof calibrations);
  if (rekeyed.length > n) await db.returns.bulkPut(rekeyed.slice(n) as typeof returns);
}

/**
 * Deletes `from`'s own FBA and WFS pools that no listing draws from any more.
 * @example await dropUnusedPools(db, 'amazon-b')
 */
export async function dropUnusedPools(db: StoreDb, from: string): Promise<void> {
  const pools = (await db.stockPools.toCollection().primaryKeys()) as string[];
  const own = pools.filter((id) => /^(fba|wfs):/.test(id) && (from === DEFAULT_ACCOUNT ? !id.includes('/') : id.endsWith(`/${from}`)));
  if (own.length === 0) return;
  const used = new Set<string>();
  await db.listings.each((r) => {
    if (r.poolId !== undefined) used.add(r.poolId);
  });
  await db.stockPools.bulkDelete(own.filter((id) => !used.has(id)));
}

/**
 * Merging two account ids of one seller (a page showed the seller's id, another only its name,
 * or a page without an account switcher fell back to the host's last account): everything of
 * `from` becomes `into`'s. Every key embeds the account and the two often sell the same SKUs,
 * so colliding rows are merged, never just re-keyed over each other:
 * - readings are re-read, stamped with `into` and merged as fresh readings through the merge
 *   (merge.ts): the newest reading wins every field, and a reading both accounts stored is one
 *   reading (same content, same id), so no day is counted twice; day summaries of compaction
 *   are folded into `into`'s summary of the same day;
 * - order lines are merged the same way (the newest reading of a line wins; one line, once);
 * - corrections, returns, order-import spans, hand-made links and pools, hand-made inbound
 *   arrivals, the shipments read under `from` and settings overrides (`into`'s win) and the
 *   registry move to `into`;
 * - derived rows of `from` (plans, demand series, history digests, search entries) are dropped,
 *   and the caller re-plans the products returned.
 *
 * One read-write transaction over every table: a worker stopped mid-way, or a full disk,
 * leaves the store as it was (nothing half-merged to resume or undo). It walks `from`'s
 * listings in batches so memory holds one batch's readings at a time; the price is one long
 * transaction for an account with a very large history (resumable chunks with a journal would
 * bound that too, at the cost of a store that is half merged between chunks).
 */
import { parseAccountsDoc } from '../accounts/registry';
import { accountOfKey } from '../records';
import { searchTables, allTables, type StoreDb } from './db';
import { loadAccounts, saveAccounts } from './accounts-store';
import { AccountMergeError, checkMergeAccounts, keysOfAccount, mergedAccountsDoc, mergedArrivals, mergedSpans, rekey } from './account-merge-keys';
import { moveListingBatch } from './account-merge-listings';
import { moveAdjustments, moveOrders, dropUnusedPools } from './account-merge-rows';
import { countOrderLines } from './order-store';
import { loadInboundArrivals } from './inbound-arrivals-store';
import { loadInboundShipments } from './inbound-shipments-store';
import { shipmentAccount, shipmentsMovedTo } from '../inbound/shipments';
import { loadOrderImportSpans } from './order-import-spans';
import { readObservationsOf } from './observation-store';
import { INBOUND_ARRIVALS_ROW_ID, INBOUND_SHIPMENTS_ROW_ID, ORDER_IMPORTS_ROW_ID } from './tables/settings';

export { AccountMergeError };

/** What a merge moves: the seller confirms these numbers before it runs. */
interface AccountMergeCounts {
  listings: number;
  /** Listings `into` already has under the same SKU and marketplace: merged into it. */
  collisions: number;
  /** Stored readings (history) of `from`'s listings. */
  readings: number;
  orders: number;
  calibrations: number;
  returns: number;
}

/** Listings per batch: one batch's readings are in memory at a time. */
const LISTING_BATCH = 256;

/**
 * What merging `from` into `into` would move (nothing is changed).
 * @example (await previewAccountMerge(db, 'amazon-b', 'default')).listings
 */
export async function previewAccountMerge(db: StoreDb, from: string, into: string): Promise<AccountMergeCounts> {
  return db.transaction('r', [...allTables(db)], async () => {
    checkMergeAccounts(parseAccountsDoc(await loadAccounts(db)), from, into);
    const keys = keysOfAccount((await db.listings.toCollection().primaryKeys()) as string[], from);
    let readings = 0;
    for (let i = 0; i < keys.length; i += LISTING_BATCH) {
      readings += (await readObservationsOf(db, keys.slice(i, i + LISTING_BATCH))).filter((r) => r.kind === 'listing').length;
    }
    const targets = await db.listings.bulkGet(keys.map((k) => rekey(k, from, into)));
    const [orders, calibrations, returns] = await Promise.all([
      countOrderLines(db, (chunkId) => keysOfAccount([chunkId], from).length === 1),
      db.calibrations.toArray(),
      db.returns.toArray(),
    ]);
    return {
      listings: keys.length,
      collisions: targets.filter((t) => t !== undefined).length,
      readings,
      orders,
      calibrations: keysOfAccount(
        calibrations.map((c) => c.listingKey),
        from,
      ).length,
      returns: keysOfAccount(
        returns.map((r) => r.listingKey),
        from,
      ).length,
    };
  });
}

/**
 * Merges every row of account `from` into account `into` and removes `from` from the registry;
 * returns what moved and the products to re-plan. Refuses (AccountMergeError, nothing changed)
 * a merge into itself, between unknown accounts, or when a stored reading no longer validates.
 * @example const { productIds } = await mergeAccounts(db, 'amazon-b', 'default', new Date()); await replan(productIds);
 */
export async function mergeAccounts(db: StoreDb, from: string, into: string, now: Date): Promise<{ counts: AccountMergeCounts; productIds: string[] }> {
  const counts = await previewAccountMerge(db, from, into);
  const productIds = new Set<string>();
  await db.transaction('rw', [...allTables(db), ...searchTables(db)], async () => {
    const doc = parseAccountsDoc(await loadAccounts(db));
    checkMergeAccounts(doc, from, into);
    const keys = keysOfAccount((await db.listings.toCollection().primaryKeys()) as string[], from);
    for (let i = 0; i < keys.length; i += LISTING_BATCH) {
      for (const id of await moveListingBatch(db, keys.slice(i, i + LISTING_BATCH), from, into, now)) productIds.add(id);
    }
    for (const id of await moveOrders(db, from, into, now)) productIds.add(id);
    await moveAdjustments(db, from, into);
    const spans = await loadOrderImportSpans(db);
    if (spans.length) await db.settings.put({ id: ORDER_IMPORTS_ROW_ID, value: mergedSpans(spans, from, into), updatedAt: now.toISOString() });
    const arrivals = await loadInboundArrivals(db);
    if (arrivals.some((a) => accountOfKey(a.listingKey) === from)) {
      await db.settings.put({ id: INBOUND_ARRIVALS_ROW_ID, value: mergedArrivals(arrivals, from, into), updatedAt: now.toISOString() });
    }
    const shipments = await loadInboundShipments(db);
    if (shipments.some((s) => shipmentAccount(s) === from)) {
      await db.settings.put({ id: INBOUND_SHIPMENTS_ROW_ID, value: shipmentsMovedTo(shipments, from, into), updatedAt: now.toISOString() });
    }
    await dropUnusedPools(db, from);
    await saveAccounts(db, mergedAccountsDoc(doc, from, into), now);
  });
  // Products merged away in the transaction are gone: re-plan only those still stored.
  const ids = [...productIds].sort();
  const stored = await db.products.bulkGet(ids);
  return { counts, productIds: ids.filter((_, i) => stored[i] !== undefined) };
}

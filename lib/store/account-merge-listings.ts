/**
 * One batch of a merged-away account's listings moved into the target account (account-merge.ts
 * says why and how; call inside its transaction over every table).
 */
import { stampAccount } from '../accounts/registry';
import type { ListingObservation } from '../records';
import type { StoreDb } from './db';
import { refusalMessage } from '../messaging/refusals';
import { AccountMergeError, rekey, rekeyPool, restampedReadings, restampedSummary } from './account-merge-keys';
import { foldDay } from './compaction';
import { invalidateDemand } from './daily-demand';
import { groupsOf } from './groups';
import { dropSearchEntries, readListings, writeListings } from './listing-store';
import { plansCovering } from './plans';
import { mergeObservations, type MergeCounts } from './merge';
import { assignPools, linkNewListings } from './merge-links';
import { loadHistories, loadObservationChunks, readObservationsOf, saveHistories, saveObservationChunks } from './observation-store';
import { applyListingObservation, linkKeysOf, type ListingRow } from './tables/listings';
import { deleteHistoryDigests } from './history-digest';
import { DAY_SUMMARY_SOURCE, type ObservationRow } from './tables/observations';
import { poolRowFor } from './tables/stockPools';

/**
 * Moves one batch of `from`'s listings (keys of `from`) into `into`: their readings, their full
 * rows (folded into `into`'s row of the same SKU, or new ones, linked within `into`), and drops
 * their own rows and derived records. Returns the products to re-plan.
 * @example await moveListingBatch(db, keys, 'amazon-b', 'default', new Date())
 */
export async function moveListingBatch(db: StoreDb, keys: readonly string[], from: string, into: string, now: Date): Promise<string[]> {
  const targetKeys = keys.map((k) => rekey(k, from, into));
  const [sources, existed] = await Promise.all([readListings(db, keys), readListings(db, targetKeys)]);
  const readings = await readObservationsOf(db, keys);
  const productIds = new Set(await mergeReadings(db, readings, from, into, now));
  await dropListingRecords(db, keys);
  const targets = await readListings(db, targetKeys);
  const written: ListingRow[] = [];
  const fresh = new Map<string, ListingRow>();
  sources.forEach((source, i) => {
    if (!source) return;
    const target = targets[i];
    const created = existed[i] === undefined;
    if (target) written.push(carryHandChoices(foldListingState(target, source), source, created, from, into));
    else fresh.set(targetKeys[i]!, restampedListing(source, from, into));
  });
  written.push(...(await placeFreshListings(db, fresh, now)));
  await ensurePools(db, written);
  await writeListings(db, written, { before: new Map(targets.flatMap((t) => (t ? [[t.key, t] as const] : []))) });
  await invalidateDemand(db, targetKeys);
  for (const row of written) productIds.add(row.productId);
  await deleteEmptyProducts(db, [...sources.flatMap((s) => (s ? [s.productId] : [])), ...targets.flatMap((t) => (t ? [t.productId] : []))]);
  return [...productIds];
}

/**
 * Merges `from`'s readings as `into`'s: raw readings through the merge (newest wins, repeats
 * fold into one), day summaries into `into`'s summary of the day. Returns the merge's products.
 */
async function mergeReadings(db: StoreDb, readings: readonly ObservationRow[], from: string, into: string, now: Date): Promise<string[]> {
  const listingReadings = readings.filter((r) => r.kind === 'listing');
  const raw = listingReadings.filter((r) => r.source !== DAY_SUMMARY_SOURCE).flatMap((r) => restampedReadings(r, into));
  const result = await mergeObservations(db, raw, now);
  if (result.rejected.length > 0) {
    const first = result.rejected[0]!;
    throw new AccountMergeError(refusalMessage('account-merge-bad-reading', { account: from, reason: first.reason }));
  }
  const summaries = listingReadings.filter((r) => r.source === DAY_SUMMARY_SOURCE).map((r) => restampedSummary(r, from, into));
  if (summaries.length) {
    const keys = [...new Set(summaries.map((s) => s.listingKey))];
    const histories = await loadHistories(db, keys);
    for (const s of summaries) {
      const history = histories.get(s.listingKey)!;
      const prior = history.get(s.id);
      history.set(s.id, prior ? foldDay([prior, s]) : s);
    }
    await saveHistories(db, histories, keys);
  }
  return result.productIds;
}

/**
 * Another row's fields folded into a row, each field's newest reading winning (the merge's own
 * rule, tables/listings.ts), read by read time: values a reading no longer in the history gave
 * (deleted or compacted) still count.
 */
function foldListingState(row: ListingRow, other: ListingRow): ListingRow {
  const byTime = new Map<string, Record<string, unknown>>();
  for (const [field, at] of Object.entries(other.fieldObservedAt)) {
    const fields = byTime.get(at) ?? byTime.set(at, {}).get(at)!;
    fields[field] = (other as unknown as Record<string, unknown>)[field];
  }
  let out = row;
  for (const [at, fields] of [...byTime].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const partial = {
      kind: 'listing',
      platform: row.platform,
      marketplace: row.marketplace,
      sku: row.sku,
      source: 'account-merge',
      observedAt: at,
      observedDate: at.slice(0, 10),
      ...fields,
    };
    out = applyListingObservation(out, partial as ListingObservation, at).row;
  }
  return other.firstSeenAt < out.firstSeenAt ? { ...out, firstSeenAt: other.firstSeenAt } : out;
}

/**
 * A listing the merge created for `into` keeps the product and pool the seller chose by hand
 * for it under `from`; a listing `into` already had keeps its own.
 */
function carryHandChoices(row: ListingRow, source: ListingRow, created: boolean, from: string, into: string): ListingRow {
  if (!created) return row;
  let out = row;
  if (source.linkRule === 'manual') out = { ...out, productId: source.productId, linkRule: 'manual', linkedAt: source.linkedAt };
  if (source.poolRule === 'manual' && source.poolId !== undefined) out = { ...out, poolId: rekeyPool(source.poolId, from, into), poolRule: 'manual' };
  return out;
}

/** A listing of `from` with no readings left, as a new listing of `into` (linked by placeFreshListings). */
function restampedListing(source: ListingRow, from: string, into: string): ListingRow {
  // Its plan fields live on the indexed row only (tables/listings.ts): the new row starts without a plan.
  const row: ListingRow = { ...stampAccount(source, into), key: rekey(source.key, from, into), linkKeys: linkKeysOf(stampAccount(source, into)) };
  if (source.poolId !== undefined) row.poolId = rekeyPool(source.poolId, from, into);
  return source.linkRule === 'manual' ? row : { ...row, productId: '', linkRule: 'none' };
}

/** Links new listings inside `into` (hand-linked ones keep their product) and gives them pools: the merge's own rules. */
async function placeFreshListings(db: StoreDb, fresh: Map<string, ListingRow>, now: Date): Promise<ListingRow[]> {
  if (fresh.size === 0) return [];
  const auto = new Map([...fresh].filter(([, r]) => r.linkRule !== 'manual'));
  const counts: MergeCounts = { received: 0, new: 0, unchanged: 0, stale: 0, rejected: 0, newListings: 0, linked: 0 };
  const products = await linkNewListings(db, auto, new Map(), now.toISOString(), counts);
  if (products.length) await db.products.bulkAdd(products);
  const placed = new Map([...fresh, ...auto]);
  await assignPools(db, placed, new Set(auto.keys()));
  return [...placed.values()];
}

/** Pool rows for the pools the moved listings name (a hand-chosen pool of `from` re-keyed to `into`). */
async function ensurePools(db: StoreDb, rows: readonly ListingRow[]): Promise<void> {
  const ids = [...new Set(rows.flatMap((r) => (r.poolId === undefined ? [] : [r.poolId])))];
  const stored = await db.stockPools.bulkGet(ids);
  const missing = ids.filter((_, i) => !stored[i]);
  if (missing.length) await db.stockPools.bulkAdd(missing.map(poolRowFor));
}

/**
 * Deletes the moved listings' own records: their full and indexed rows, search entries, readings
 * left in day chunks, history records, history digests, demand series and plans.
 */
async function dropListingRecords(db: StoreDb, keys: readonly string[]): Promise<void> {
  const gone = new Set(keys);
  const groups = groupsOf(keys);
  const listingChunks = await db.listingChunks.bulkGet(groups);
  await db.listingChunks.bulkPut(listingChunks.flatMap((c) => (c ? [{ ...c, rows: c.rows.filter((r) => !gone.has(r.key)) }] : [])));
  await dropSearchEntries(db, keys);
  await db.listings.bulkDelete(keys as string[]);
  const dayChunkIds = (
    await Promise.all(groups.map((g) => db.observationChunks.where('[group+date]').between([g, ''], [g, '\uffff'], true, true).primaryKeys()))
  ).flat() as string[];
  const dayChunks = await loadObservationChunks(db, dayChunkIds);
  for (const chunk of dayChunks.values()) for (const [id, r] of chunk.rows) if (gone.has(r.listingKey)) chunk.rows.delete(id);
  await saveObservationChunks(db, dayChunks, dayChunkIds);
  await db.listingHistory.bulkDelete(keys as string[]);
  // Their cached demand rides in the digests: it goes with them.
  await deleteHistoryDigests(db, keys);
  await db.plans.bulkDelete((await plansCovering(db, keys)).map((p) => p.key));
}

/** Products no listing belongs to any more (the moved listings' old products) are deleted. */
async function deleteEmptyProducts(db: StoreDb, productIds: readonly string[]): Promise<void> {
  for (const id of new Set(productIds)) if ((await db.listings.where('productId').equals(id).count()) === 0) await db.products.delete(id);
}

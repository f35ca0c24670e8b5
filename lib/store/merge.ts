/**
 * Merging readings into the store: history rows (deduplicated), the latest state of each
 * listing and order line, product links and pools, all in ONE read-write transaction, so
 * that a service worker stopped mid-merge leaves nothing half-written and tabs merging at
 * the same moment are serialised by IndexedDB. The latest state is decided per field by
 * observation time (tables/listings.ts), so merge order does not matter.
 */
import { listingKey as listingKeyOf, observationSchema, type ListingObservation, type Observation, type OrderObservation } from '../records';
import { searchTables, type StoreDb } from './db';
import { nativeTransaction } from './idb';
import { groupsOf } from './groups';
import { listingFrom, loadListingChunks, writeListings, type ListingChunks } from './listing-store';
import {
  chunkIdOfRow,
  foldCutoff,
  loadHistories,
  loadObservationChunks,
  saveHistories,
  saveObservationChunks,
  type ListingHistories,
  type ObservationChunks,
} from './observation-store';
import { assignPools, deleteAbandonedProducts, linkNewListings } from './merge-links';
import { applyListingObservation, newListingRow, type ListingRow } from './tables/listings';
import { foldRepeat, keyOfObservation, observationIdOf, type ObservationRow } from './tables/observations';
import { applyOrderObservation, sameOrderLine } from './tables/orders';
import { loadOrderLines, saveOrderLines, setOrderLine, type OrderLines } from './order-store';

/** Readings stamped later than this past `now` are refused: one would pin a field until that time. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

export interface MergeCounts {
  /** Records given. */
  received: number;
  /** Readings added to the history. */
  new: number;
  /** Readings already stored (same source, key, day and values): only lastSeenAt moved. */
  unchanged: number;
  /** New readings older than what the store knew for every field they showed: history only. */
  stale: number;
  /** Records refused (invalid, or dated in the future): see `rejected`. */
  rejected: number;
  /** Listings seen for the first time. */
  newListings: number;
  /** Listings linked to an existing product automatically by this merge. */
  linked: number;
}

export interface MergeResult {
  /** Products whose listings or orders changed: the ones to re-plan. */
  productIds: string[];
  /** Listings whose latest state or orders changed. */
  listingKeys: string[];
  orderKeys: string[];
  counts: MergeCounts;
  rejected: { index: number; reason: string }[];
}

interface Prepared {
  obs: Observation;
  /** observedAt normalised to UTC ISO, so string order is time order. */
  at: string;
  /** The reading's content hash, its id in the history; '' for order readings (kept as order lines). */
  id: string;
  key: string;
  listingKey: string;
}

/**
 * Validates readings (content scripts are untrusted; a bad row is refused, not guessed) and
 * gives each its normalised time, id and keys.
 * @example prepareObservations([obs], new Date()).prepared[0].id // content hash of obs
 */
function prepareObservations(observations: readonly unknown[], now: Date, validated: boolean): { prepared: Prepared[]; rejected: MergeResult['rejected'] } {
  const latest = new Date(now.getTime() + FUTURE_TOLERANCE_MS).toISOString();
  const prepared: Prepared[] = [];
  const rejected: MergeResult['rejected'] = [];
  // A report's rows share one observedAt (the import's time): it is normalised once, not per row.
  let lastRaw = '';
  let lastAt = '';
  observations.forEach((raw, index) => {
    // Rows the caller already parsed with the schema (a message's rows, which the dispatcher
    // parsed) are not parsed again: for an order-history import that was a third zod pass per line.
    const parsed = validated ? { success: true as const, data: raw as Observation } : observationSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rejected.push({ index, reason: `invalid record: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'}` });
      return;
    }
    const obs = parsed.data;
    if (obs.observedAt !== lastRaw) [lastRaw, lastAt] = [obs.observedAt, new Date(obs.observedAt).toISOString()];
    const at = lastAt;
    if (at > latest) {
      rejected.push({ index, reason: `observedAt ${obs.observedAt} is in the future` });
      return;
    }
    // Only listing readings are kept as history; an order reading lives as its order line, so
    // hashing its content (a third of a large order import's storing time) would be wasted.
    const id = obs.kind === 'listing' ? observationIdOf(obs) : '';
    prepared.push({ obs, at, id, key: keyOfObservation(obs), listingKey: listingKeyOf(obs) });
  });
  return { prepared, rejected };
}

interface MergeOptions {
  /**
   * The readings were parsed with observationSchema by the caller (the message dispatcher parses
   * every request's rows), so they are not parsed again; the future-time check still applies.
   */
  validated?: boolean;
  /**
   * Order readings' listings are reported by key only (`listingKeys`), not loaded for their
   * products (`productIds` then covers listing readings only): an import resolves its listings
   * once, at its end. Loading each order line's listing group made every batch of a two-year
   * order history read every listing group of the catalogue (+3 s of 12.7 s storing 500,000
   * lines into a store of 2,000 listings, bench 2026-12-04).
   */
  orderListingsByKey?: boolean;
}

/** Every table a merge writes, in one transaction: a merge cut off writes none of them. */
export function mergeTables(db: StoreDb) {
  return [
    db.products,
    db.listings,
    db.listingChunks,
    db.observationChunks,
    db.listingHistory,
    db.dailyDemand,
    db.orderChunks,
    db.orderMonths,
    db.stockPools,
    ...searchTables(db),
  ];
}

/**
 * Every table one batch of an import writes, for one transaction around its merge (which then
 * joins it) and its widening of the import's spans (order-import-spans.ts, a settings row).
 */
export function importBatchTables(db: StoreDb) {
  return [...mergeTables(db), db.settings];
}

/**
 * Merges readings (a page, a report, a batch from several tabs) into the store.
 * Idempotent: merging the same readings again changes nothing.
 * @example const { counts } = await mergeObservations(db, pageRows, new Date()); counts.new
 */
export async function mergeObservations(db: StoreDb, observations: readonly unknown[], now: Date, options: MergeOptions = {}): Promise<MergeResult> {
  const { prepared, rejected } = prepareObservations(observations, now, options.validated === true);
  const counts: MergeCounts = {
    received: observations.length,
    new: 0,
    unchanged: 0,
    stale: 0,
    rejected: rejected.length,
    newListings: 0,
    linked: 0,
  };
  if (prepared.length === 0) return { productIds: [], listingKeys: [], orderKeys: [], counts, rejected };
  const nowIso = now.toISOString();

  return db.transaction('rw', mergeTables(db), async () => {
    const tx = nativeTransaction();
    const batch = await loadBatch(db, tx, prepared, now, options.orderListingsByKey === true);
    const dirty = applyReadings(prepared, batch, counts);
    await writeBatch(db, tx, batch, dirty, nowIso, counts);
    const productIds = productsToReplan(batch.listings, dirty.changedListings);
    return {
      productIds,
      listingKeys: [...dirty.changedListings].sort(),
      orderKeys: [...dirty.orders].sort(),
      counts,
      rejected,
    };
  });
}

/** What a merge reads before applying its readings, and then changes in place. */
interface Batch {
  /** Each reading's day chunk id (same order as the prepared readings). */
  chunkIds: string[];
  /** First marketplace day whose readings live in day chunks (foldCutoff). */
  cutoff: string;
  obsChunks: ObservationChunks;
  /** History records of the listings with readings older than `cutoff`. */
  histories: ListingHistories;
  listingChunks: ListingChunks;
  /** The batch's listings: stored rows, then updated and new ones. */
  listings: Map<string, ListingRow>;
  /** The stored rows as loaded. */
  before: Map<string, ListingRow>;
  /** The order lines of the batch's order readings (order-store.ts), then updated and new ones. */
  orders: OrderLines;
}

/** What applying the readings changed: the records to write back and the listings to re-plan. */
interface Dirty {
  chunks: Set<string>;
  histories: Set<string>;
  listings: Set<string>;
  orders: Set<string>;
  /** Listings whose values or orders changed (new listings are added when linked): re-plan. */
  changedListings: Set<string>;
}

/**
 * Loads what the readings touch: their day chunks, the history records of old-dated ones,
 * their listings' chunks and their order lines (inside the merge's transaction).
 */
async function loadBatch(db: StoreDb, tx: IDBTransaction, prepared: readonly Prepared[], now: Date, orderListingsByKey: boolean): Promise<Batch> {
  const listingKeys = unique(prepared.flatMap((p) => (orderListingsByKey && p.obs.kind === 'order' ? [] : [p.listingKey])));
  const orderReadings = prepared.flatMap((p) => (p.obs.kind === 'order' ? [p.obs] : []));
  // Each reading's chunk: the readings of its listing's group on its marketplace day (a repeat
  // has the same content, so the same day and listing: its stored copy is in that chunk).
  // A reading of a day before the fold cutoff (an old report) may already have moved to its
  // listing's history record (observation-store.ts): it is looked for there too, and a new one
  // is stored there.
  // Only listing readings are kept as history: an order reading's whole content is its order
  // line (tables/orders.ts keeps the newest), and keeping a copy per reading made a two-year
  // order import rewrite every earlier line of the day with each batch (quadratic).
  const chunkIds = prepared.map((p) => (p.obs.kind === 'listing' ? chunkIdOfRow({ observedDate: p.obs.observedDate, listingKey: p.listingKey }) : ''));
  const cutoff = foldCutoff(now);
  const oldKeys = unique(prepared.filter((p) => p.obs.kind === 'listing' && p.obs.observedDate < cutoff).map((p) => p.listingKey));
  const [obsChunks, histories, listingChunks, orders] = await Promise.all([
    loadObservationChunks(
      db,
      unique(chunkIds).filter((id) => id !== ''),
    ),
    oldKeys.length ? loadHistories(db, oldKeys) : new Map<string, Map<string, ObservationRow>>(),
    loadListingChunks(db, groupsOf(listingKeys)),
    loadOrderLines(db, tx, orderReadings),
  ]);

  const listings = new Map<string, ListingRow>();
  for (const k of listingKeys) {
    const r = listingFrom(listingChunks, k);
    if (r) listings.set(k, r);
  }
  return { chunkIds, cutoff, obsChunks, histories, listingChunks, listings, before: new Map(listings), orders };
}

/** Applies each reading, in order, to the history and to its listing's or order line's state. */
function applyReadings(prepared: readonly Prepared[], batch: Batch, counts: MergeCounts): Dirty {
  const dirty: Dirty = { chunks: new Set(), histories: new Set(), listings: new Set(), orders: new Set(), changedListings: new Set() };
  prepared.forEach((p, i) => {
    if (p.obs.kind === 'listing') applyToListing(p, recordReading(p, batch.chunkIds[i]!, batch, dirty, counts), batch, dirty, counts);
    else applyToOrder(p, batch, dirty, counts);
  });
  return dirty;
}

/** Adds a reading to the history, or folds it into its stored copy; says whether it was a repeat. */
function recordReading(p: Prepared, chunkId: string, batch: Batch, dirty: Dirty, counts: MergeCounts): boolean {
  const chunk = batch.obsChunks.get(chunkId)!.rows;
  const history = p.obs.observedDate < batch.cutoff ? batch.histories.get(p.listingKey) : undefined;
  const inChunk = chunk.get(p.id);
  const stored = inChunk ?? history?.get(p.id);
  // Where the reading lives (or will): its day chunk, unless it is old and not there.
  const [home, markDirty] = inChunk || !history ? [chunk, () => dirty.chunks.add(chunkId)] : [history, () => dirty.histories.add(p.listingKey)];
  if (stored) {
    const folded = foldRepeat(stored, p.at, p.obs);
    if (folded !== stored) {
      home.set(p.id, folded);
      markDirty();
    }
    counts.unchanged++;
    return true;
  }
  home.set(p.id, {
    id: p.id,
    kind: p.obs.kind,
    key: p.key,
    listingKey: p.listingKey,
    source: p.obs.source,
    observedAt: p.at,
    observedDate: p.obs.observedDate,
    lastSeenAt: p.at,
    record: p.obs,
  });
  markDirty();
  counts.new++;
  return false;
}

/** Folds a listing reading into its listing's row (a new row for a listing not seen before). */
function applyToListing(p: Prepared, repeat: boolean, batch: Batch, dirty: Dirty, counts: MergeCounts): void {
  const row = batch.listings.get(p.key) ?? newListingRow(p.obs, p.at);
  const outcome = applyListingObservation(row, p.obs as ListingObservation, p.at);
  if (outcome.changed || !batch.listings.has(p.key)) {
    batch.listings.set(p.key, outcome.row);
    dirty.listings.add(p.key);
  }
  if (outcome.valueChanged) dirty.changedListings.add(p.key);
  if (!repeat && outcome.stale) counts.stale++;
}

/**
 * Folds an order reading into its order line; a change of status, quantity or date re-plans its
 * listing. Counts it new (first or newer news of the line), unchanged (says what the line says),
 * or stale (older than what the line says).
 */
function applyToOrder(p: Prepared, batch: Batch, dirty: Dirty, counts: MergeCounts): void {
  const obs = p.obs as OrderObservation;
  const row = batch.orders.lines.get(p.key);
  const next = applyOrderObservation(row, obs, p.at);
  if (row && sameOrderLine(row, obs)) counts.unchanged++;
  else if (row && next.observedAt !== p.at) counts.stale++;
  else counts.new++;
  if (next === row) return;
  setOrderLine(batch.orders, next, obs);
  dirty.orders.add(p.key);
  if (!row || row.status !== next.status || row.quantity !== next.quantity || row.orderDate !== next.orderDate) dirty.changedListings.add(p.listingKey);
}

/**
 * Writes back what changed: history, orders, links (new products, abandoned ones deleted),
 * pools and listings. New listings join `dirty.changedListings`.
 */
async function writeBatch(db: StoreDb, tx: IDBTransaction, batch: Batch, dirty: Dirty, nowIso: string, counts: MergeCounts): Promise<void> {
  const { listings, before } = batch;
  // Writes are queued as soon as their rows are known and awaited together at the end:
  // requests of one transaction run in order, so later reads (linking, the product counts
  // below) see them, and the browser stores the history while the listings are computed.
  const writes: Promise<void>[] = [];
  if (dirty.chunks.size) await saveObservationChunks(db, batch.obsChunks, dirty.chunks);
  if (dirty.histories.size) await saveHistories(db, batch.histories, dirty.histories);
  if (dirty.orders.size) writes.push(saveOrderLines(db, tx, batch.orders, dirty.orders));
  const newProducts = await linkNewListings(db, listings, before, nowIso, counts);
  for (const key of listings.keys()) if (!before.has(key)) dirty.changedListings.add(key);
  await assignPools(db, listings, dirty.listings);
  // Through Dexie, not idb.ts: the products are kept in memory (StoreDb.memory), which every write must pass.
  if (newProducts.length) await db.products.bulkAdd(newProducts);
  // Listings last: relinking may have moved some after the lists above were built.
  const toWrite = [...listings.values()].filter((r) => dirty.listings.has(r.key) || r !== before.get(r.key));
  // The chunks always; the indexed rows only where their projection changed (new listings,
  // links, titles): a page that only moves stock rewrites no indexed row.
  // (Awaited on its own: a native async function's promise left pending across other awaits
  // loses Dexie's transaction zone, PrematureCommitError.)
  if (toWrite.length) await writeListings(db, toWrite, { chunks: batch.listingChunks, before });
  await Promise.all(writes);
  await deleteAbandonedProducts(db, listings, before);
}

/**
 * The products of the changed listings, sorted: the ones to re-plan. `listings` holds every
 * stored listing of the batch (loadBatch read their chunks, and writeListings keeps the indexed
 * `listings` table in step with the chunks), so a changed listing missing from it is one known
 * only through orders so far: it has no product to re-plan. (Looking such listings up in the
 * indexed table was 2,000 reads a batch when an order history is imported before any page.)
 */
function productsToReplan(listings: Map<string, ListingRow>, changedListings: Set<string>): string[] {
  const productIds = new Set<string>();
  for (const key of changedListings) {
    const row = listings.get(key);
    if (row) productIds.add(row.productId);
  }
  return [...productIds].sort();
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * Schema v3 -> v4: full listing rows move into `listingChunks` (one record per listing group)
 * and the indexed `listings` rows become their projection without the hot fields, carrying the
 * plan they show; `searchChunks` replaces v3's `listingSearch`; the history moves from
 * `observations` (one record per reading) into `observationChunks` (one record per marketplace
 * day and listing group). Both old tables are deleted by the v4 schema (schema.ts).
 *
 * FROZEN: never edit this file. It defines how a v3 database upgrades, for as long as a seller
 * may still have one. The helpers below are copies of the live code as it stood when the
 * upgrade moved into this folder (after commit 2760698): groups.ts `groupOf`, tables/listings.ts
 * `HOT_FIELDS` and `indexRowOf`, plans.ts `pickPlan`, tables/searchChunks.ts `searchChunkOf`
 * and `searchEntryOf`, tables/observationChunks.ts `observationChunkId` and
 * `observationChunksOf`. A later change to the live helpers must not change what this upgrade
 * writes: a change to the stored data goes into a new schema version with its own upgrade file.
 * Imports: type-only, dexie, or other frozen code in this folder (migrations-frozen.test.ts).
 */
import type { Transaction } from 'dexie';
import type { ListingIndexRow, ListingRow } from './listing-row-types';
import type { ListingChunkRow } from '../tables/listingChunks';
import type { ObservationChunkRowV4 as ObservationChunkRow } from './observation-chunk-types';
import type { ObservationRow } from '../tables/observations';
import type { PlanRow } from '../tables/plans';
import type { SearchChunkRow, SearchEntry } from './search-chunk-types';
import { urgencyOf } from './frozen-sort-key';

/**
 * v3 -> v4: full listing rows into `listingChunks` (the indexed rows become their projection,
 * with the new sort key); the history into `observationChunks`, one marketplace day at a time
 * so a million readings never sit in memory at once.
 */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const listings = ((await tx.table('listings').toArray()) as ListingRow[]).map((row) => ({ ...row, urgency: urgencyOf(row) }));
  const groups = new Map<number, ListingRow[]>();
  for (const row of listings) (groups.get(groupOf(row.key)) ?? groups.set(groupOf(row.key), []).get(groupOf(row.key))!).push(row);
  await tx
    .table('listingChunks')
    .bulkPut([...groups].map(([group, rows]): ListingChunkRow => ({ group, rows: rows.sort((a, b) => (a.key < b.key ? -1 : 1)) })));
  // Each indexed row carries the plan it shows (the same choice as savePlans).
  const planRows = (await tx.table('plans').toArray()) as PlanRow[];
  const shown = new Map<string, PlanRow[]>();
  for (const p of planRows) for (const k of p.listingKeys) (shown.get(k) ?? shown.set(k, []).get(k)!).push(p);
  await tx.table('listings').bulkPut(
    listings.map((row) => {
      const plan = pickPlan(shown.get(row.key) ?? []);
      return plan ? { ...indexRowOf(row), plan: plan.plan } : indexRowOf(row);
    }),
  );
  await tx.table('searchChunks').bulkPut([...groups].map(([group, rows]): SearchChunkRow => searchChunkOf(group, rows.map(searchEntryOf))));

  // The history into day chunks, one marketplace day at a time (a million readings never sit
  // in memory at once); the background's first fold (foldHistory) then moves past days into
  // the listings' history records, in its own transactions.
  const observations = tx.table('observations');
  let date = '';
  for (;;) {
    const next = (await observations.where('[observedDate+listingKey]').above([date, '\uffff']).first()) as ObservationRow | undefined;
    if (!next) break;
    date = next.observedDate;
    const rows = (await observations.where('[observedDate+listingKey]').between([date, ''], [date, '\uffff'], true, true).toArray()) as ObservationRow[];
    await tx.table('observationChunks').bulkPut(observationChunksOf(rows));
  }
}

// ---------------------------------------------------------------------------------------------
// Frozen copies (as of commit 2760698)
// ---------------------------------------------------------------------------------------------

/** Number of listing groups (groups.ts STORE_GROUPS): stored records depend on it. */
const STORE_GROUPS = 128;

/** The group of a listing key: FNV-1a (groups.ts). */
function groupOf(listingKey: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < listingKey.length; i++) {
    h ^= listingKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % STORE_GROUPS;
}

/** Fields only the full listing row holds (tables/listings.ts HOT_FIELDS). */
const HOT_FIELDS = [
  'available',
  'inbound',
  'reserved',
  'reservedCustomerOrders',
  'unfulfillable',
  'price',
  'unitsSold',
  'cumulativeSold',
  'platformDaysOfSupply',
  'ageBuckets',
  'recommendedAction',
  'recommendedQuantity',
  'recommendedShipDate',
  'alert',
  'estimatedStorageCost',
  'watchers',
  'fieldObservedAt',
  'lastObservedAt',
] as const;

const HOT = new Set<string>(HOT_FIELDS);

/** The indexed projection of a full listing row (tables/listings.ts). */
function indexRowOf(row: ListingRow): ListingIndexRow {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(row)) if (!HOT.has(k)) out[k] = (row as unknown as Record<string, unknown>)[k];
  return out as ListingIndexRow;
}

/**
 * The plan a listing shows (plans.ts): its own listing plan if there is one, else its pooled
 * plan (the most urgent, should it somehow be in several).
 */
function pickPlan(plans: readonly PlanRow[]): PlanRow | undefined {
  let best: PlanRow | undefined;
  for (const p of plans) {
    if (!best) best = p;
    else if (p.scope !== best.scope) best = p.scope === 'listing' ? p : best;
    else if ((p.daysOfCover ?? Infinity) < (best.daysOfCover ?? Infinity)) best = p;
  }
  return best;
}

/** The stored form of a group's search entries, sorted by key (tables/searchChunks.ts). */
function searchChunkOf(group: number, entries: Iterable<SearchEntry>): SearchChunkRow {
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    group,
    keys: sorted.map((e) => e.key),
    skus: sorted.map((e) => e.sku),
    titles: sorted.map((e) => e.title ?? ''),
    urgency: sorted.map((e) => e.urgency),
    risks: sorted.map((e) => e.riskTypes?.join(',') ?? ''),
  };
}

/** The search entry of a listing (tables/searchChunks.ts). */
function searchEntryOf(row: Pick<ListingIndexRow, 'key' | 'sku' | 'title' | 'urgency' | 'riskTypes'>): SearchEntry {
  const entry: SearchEntry = { key: row.key, sku: row.sku.toLowerCase(), urgency: row.urgency };
  if (row.title !== undefined) entry.title = row.title.toLowerCase();
  if (row.riskTypes?.length) entry.riskTypes = row.riskTypes;
  return entry;
}

/** `${date}|${group, 3 digits}` (tables/observationChunks.ts). */
function observationChunkId(date: string, group: number): string {
  return `${date}|${String(group).padStart(3, '0')}`;
}

/** Readings as chunk records: one per marketplace day and listing group, rows in id order (tables/observationChunks.ts). */
function observationChunksOf(rows: readonly ObservationRow[]): ObservationChunkRow[] {
  const chunks = new Map<string, ObservationChunkRow>();
  for (const r of rows) {
    const group = groupOf(r.listingKey);
    const id = observationChunkId(r.observedDate, group);
    let chunk = chunks.get(id);
    if (!chunk) chunks.set(id, (chunk = { id, date: r.observedDate, group, rows: [] }));
    chunk.rows.push(r);
  }
  for (const c of chunks.values()) c.rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...chunks.values()];
}

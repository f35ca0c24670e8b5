/**
 * Each listing's history record (`listingHistory`) kept a second time as the re-plan reads it:
 * a digest record in `dailyDemand` (tables/dailyDemand.ts HistoryDigestRow: how many readings,
 * their sums, the cached demand) and beside it a readings record (HistoryReadingsRow) holding
 * the record's listing readings as one JSON text, without the fields the planner never reads.
 *
 * Why: a re-plan needs every reading of the listings it plans (reconstruction reads them all),
 * but in Chromium's IndexedDB reading a history record costs about 10 µs per reading object it
 * holds (structured clone), and a page's products hold ~100,000 readings at a million stored.
 * One string per listing clones at memory speed and JSON.parse rebuilds the readings in a
 * fraction of that.
 *
 * The digest is exact by construction, not by invalidation: every write of a history record
 * (saveHistories: merges of old-dated readings, restores, the daily fold; compaction) writes
 * its digest from the same rows in the same transaction, and a re-plan that finds no digest
 * reads the history record and writes the digest in one read-write transaction
 * (planning-input.ts). Code that writes `listingHistory` any other way must call
 * writeHistoryDigests too (or delete the digest: a missing digest only costs time).
 *
 * The store also keeps the digests it read or wrote lately in memory (StoreDb.memory,
 * record-cache.ts, under every read and write of the table), so the next page of the same
 * products reads them without a request each.
 */
import type { ListingObservation } from '../records';
import type { StoreDb } from './db';
import { deltasOf, forEachRowOfDeltas } from './field-delta';
import { readingsDigestText, readingsSums, type ReadingsSums } from './readings-digest';
import {
  HISTORY_DIGEST_DATE,
  HISTORY_DIGEST_FORMAT,
  HISTORY_READINGS_DATE,
  isHistoryDigestRow,
  isHistoryReadingsRow,
  type DigestBase,
  type HistoryDigestRow,
  type HistoryReadingsRow,
} from './tables/dailyDemand';
import type { ObservationRow } from './tables/observations';

/**
 * Reading fields no planning code reads (lib/planning, lib/accounts/plan.ts, the re-plan): left
 * out of digests. A field goes here only after checking nothing the re-plan runs reads it; the
 * re-plan's plans are compared with plans from full rows in lib/background/replan.test.ts.
 */
export const PLANNER_UNREAD_FIELDS = [
  'title',
  'asin',
  'fnsku',
  'itemId',
  'gtin',
  'parentSku',
  'variation',
  'recommendedAction',
  'recommendedQuantity',
  'recommendedShipDate',
  'estimatedStorageCost',
  'watchers',
  'platformDaysOfSupply',
  'reservedCustomerOrders',
] as const satisfies readonly (keyof ListingObservation)[];

/** Fields every listing reading holds and every reading of one listing shares. */
const BASE_FIELDS = ['kind', 'platform', 'marketplace', 'sku'] as const satisfies readonly (keyof DigestBase)[];

/** A stored reading as the re-plan reads it (a history row, or a digest's reading rebuilt). */
export type ReplanReading = Pick<ObservationRow, 'id' | 'kind' | 'listingKey' | 'observedAt' | 'record'>;

/** A listing's history digest (what the re-plan reads) and the record of its readings (read only to rebuild its series). */
interface HistoryDigest {
  digest: HistoryDigestRow;
  /** Absent when the history holds no listing reading. */
  readings?: HistoryReadingsRow;
}

/**
 * The digest of one listing's history rows (order rows of older stores are left out: the
 * re-plan reads order lines from `orders`). The row's time and the record's are kept apart:
 * they may be written differently (`...00Z` and `...00.000Z`).
 *
 * Each reading keeps only what differs from the reading before it (field-delta.ts): a listing's
 * channel, source and price rarely change between readings, and its marketplace day is most
 * often its time's UTC date, so it is left out then. A re-plan's time reading digests grows
 * with their bytes, and this makes them about half the size.
 * @example historyDigestOf('amazon|amazon.com|A', record.rows).digest.count
 */
export function historyDigestOf(key: string, rows: Iterable<ObservationRow>): HistoryDigest {
  const readings: [string, string, Record<string, unknown>][] = [];
  let base: DigestBase | undefined;
  for (const row of rows) {
    const record = row.record;
    if (row.kind !== 'listing' || record.kind !== 'listing') continue;
    base ??= { kind: 'listing', platform: record.platform, marketplace: record.marketplace, sku: record.sku };
    const rest: Record<string, unknown> = { ...record };
    for (const field of PLANNER_UNREAD_FIELDS) delete rest[field];
    for (const field of BASE_FIELDS) if (rest[field] === base[field]) delete rest[field];
    if (rest.observedAt === row.observedAt) delete rest.observedAt;
    if (rest.observedDate === row.observedAt.slice(0, 10)) delete rest.observedDate;
    readings.push([row.id, row.observedAt, rest]);
  }
  // In id order, as the history record stores them: equal records, equal digests.
  readings.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const deltas = deltasOf(readings.map(([, , rest]) => rest));
  const count = readings.length;
  const sums = readingsSums(readings.map(([id, at, rest]) => ({ id, at: (rest.observedAt as string | undefined) ?? at })));
  const shared = { format: HISTORY_DIGEST_FORMAT, count, sums, ...(base ? { base } : {}) } as const;
  const digest: HistoryDigestRow = { key, date: HISTORY_DIGEST_DATE, ...shared };
  if (count === 0) return { digest };
  return { digest, readings: { key, date: HISTORY_READINGS_DATE, ...shared, readings: JSON.stringify(readings.map(([id, at], i) => [id, at, deltas[i]])) } };
}

/**
 * The readings a digest's readings record holds, as the re-plan reads them (records without the
 * unread fields); none without one.
 * @example readingsOfDigest(historyDigestOf(key, rows).readings).length // rows of kind 'listing'
 */
export function readingsOfDigest(digest: HistoryReadingsRow | undefined): ReplanReading[] {
  if (!digest || digest.count === 0) return [];
  const parsed = JSON.parse(digest.readings) as [string, string, Record<string, unknown>][];
  const out: ReplanReading[] = new Array(parsed.length);
  forEachRowOfDeltas(
    parsed.map(([, , delta]) => delta),
    (rest, i) => {
      const [id, observedAt] = parsed[i]!;
      // Base fields left out were equal to the base (they are required, so never absent); so
      // was a marketplace day left out to its time's UTC date.
      const record = { ...digest.base, observedAt, ...rest } as ListingObservation;
      if (!('observedDate' in rest)) record.observedDate = observedAt.slice(0, 10);
      out[i] = { id, kind: 'listing', listingKey: digest.key, observedAt, record };
    },
  );
  return out;
}

/**
 * Writes the digests of these history records (an empty list: the listing has no history
 * record) and their readings records, each digest keeping the cached demand its record held
 * (daily-demand.ts: the daily fold moves readings into the history without changing them, and a
 * series is reused only while its inputs' fingerprint holds). Call it in the transaction that
 * writes the records; it must include `dailyDemand`.
 * @example await writeHistoryDigests(db, [[key, rows]])
 */
export async function writeHistoryDigests(db: StoreDb, histories: Iterable<readonly [string, Iterable<ObservationRow>]>): Promise<void> {
  const digests: HistoryDigest[] = [];
  for (const [key, rows] of histories) digests.push(historyDigestOf(key, rows));
  if (digests.length === 0) return;
  const before = await readHistoryDigests(
    db,
    digests.map((d) => d.digest.key),
  );
  const withReadings = digests.flatMap((d) => d.readings ?? []);
  const without = digests.filter((d) => !d.readings).map((d) => [d.digest.key, HISTORY_READINGS_DATE] as [string, string]);
  await Promise.all([
    db.dailyDemand.bulkPut([
      ...digests.map(({ digest }) => {
        const demand = before.get(digest.key)?.demand;
        return demand ? { ...digest, demand } : digest;
      }),
      ...withReadings,
    ]),
    without.length > 0 ? db.dailyDemand.bulkDelete(without) : undefined,
  ]);
}

/**
 * Deletes the digests of some listings and their readings records (their cached demand goes
 * with them): a listing without a digest has it written from its history record by its next
 * re-plan. Call it in the transaction that deletes or rewrites the history records any other way.
 * @example await deleteHistoryDigests(db, [key])
 */
export async function deleteHistoryDigests(db: StoreDb, keys: readonly string[]): Promise<void> {
  await db.dailyDemand.bulkDelete(keys.flatMap((k) => [[k, HISTORY_DIGEST_DATE] as [string, string], [k, HISTORY_READINGS_DATE] as [string, string]]));
}

/**
 * The stored digests of some listings, by listing key (listings without one are absent).
 * `whole`: the keys are most of the store's listings, so every digest is read in one request by
 * the table's `date` index (a request each costs about 55 µs in Chromium; 10,000 digests by the
 * index about 450 ms against 600–650 ms, store bench 2026-12-05), and those not asked for are
 * dropped; unless the memory copy holds at least half of them (the page before planned the
 * same products): then a request each, answered from memory but for those it lacks.
 * @example (await readHistoryDigests(db, [key])).get(key)?.count
 */
export async function readHistoryDigests(
  db: StoreDb,
  keys: readonly string[],
  { whole = false }: { whole?: boolean } = {},
): Promise<Map<string, HistoryDigestRow>> {
  const out = new Map<string, HistoryDigestRow>();
  if (keys.length === 0) return out;
  const digestKeys = keys.map((k) => [k, HISTORY_DIGEST_DATE] as [string, string]);
  if (whole && db.memory.digests.holds(digestKeys) * 2 < keys.length) {
    const wanted = new Set(keys);
    for (const row of await db.dailyDemand.where('date').equals(HISTORY_DIGEST_DATE).toArray())
      if (isHistoryDigestRow(row) && wanted.has(row.key)) out.set(row.key, row);
    return out;
  }
  const rows = await db.dailyDemand.bulkGet(digestKeys);
  for (const row of rows) if (isHistoryDigestRow(row)) out.set(row.key, row);
  return out;
}

/**
 * The readings records of these digests that still hold what the digests say (same sums), by
 * listing key; a digest holding no reading needs none and is absent, and so is one whose
 * readings record is missing or was rewritten since the digest was read (its history changed
 * in between: the caller reads both again).
 * @example (await readHistoryReadings(db, [digest])).get(digest.key)
 */
export async function readHistoryReadings(db: StoreDb, digests: readonly HistoryDigestRow[]): Promise<Map<string, HistoryReadingsRow>> {
  const out = new Map<string, HistoryReadingsRow>();
  const wanted = digests.filter((d) => d.count > 0);
  if (wanted.length === 0) return out;
  const rows = await db.dailyDemand.bulkGet(wanted.map((d) => [d.key, HISTORY_READINGS_DATE] as [string, string]));
  rows.forEach((row, i) => {
    if (isHistoryReadingsRow(row) && sameSums(row.sums, wanted[i]!.sums)) out.set(row.key, row);
  });
  return out;
}

function sameSums(a: ReadingsSums, b: ReadingsSums): boolean {
  return readingsDigestText(a) === readingsDigestText(b);
}

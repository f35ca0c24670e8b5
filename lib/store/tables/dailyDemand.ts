/**
 * Table `dailyDemand`: what the re-plan reads of each listing besides its recent readings: its
 * history digest (HistoryDigestRow, date 'history') and, in the same record since schema v10,
 * its reconstructed daily demand with the fingerprint of the inputs it was rebuilt from
 * (DemandCacheRow, lib/store/daily-demand.ts), so a re-plan does not rebuild a series whose
 * inputs did not change.
 *
 * One record per listing, not one per day: in Chromium's IndexedDB each record costs tens of
 * microseconds whatever its size (see lib/store/README.md), so a page's 1,000 listings are
 * 1,000 small reads, not 700,000. The table's compound key [key+date] (schema v1) is kept.
 * Through v9 the cache was a record of its own (date DEMAND_SERIES_DATE): the v10 upgrade
 * deletes those. Rows of the older per-day shape (DailyDemandRow: stores and backups from
 * before the cache may hold some) are left alone and never read as a cache.
 */
import { dailyDemandRowSchema, type DailyDemandRow } from '../../planning/types';
import type { ListingObservation } from '../../records';
import type { ReadingFacts } from '../../planning/plan-input';
import type { DemandContinuation } from '../../planning/reconstruct-extend';
import type { ReadingsSums } from '../readings-digest';
import { packDayPairs, packWhole, unpackDayPairs, unpackWhole, type PackedPairs, type PackedWhole } from '../whole-counts';

export { dailyDemandRowSchema, type DailyDemandRow };

/**
 * The `date` a cache record had through schema v9 (sorts before every ISO date of the same key);
 * a DemandCacheRow still carries it in memory.
 */
export const DEMAND_SERIES_DATE = '';

/** One listing's reconstructed demand, and a fingerprint of every input it was rebuilt from. */
export interface DemandCacheRow {
  /** Listing key. */
  key: string;
  date: typeof DEMAND_SERIES_DATE;
  /**
   * Fingerprint (content hash) of what the reconstruction read: the history length setting,
   * every reading (id and time), order line and stock correction of the listing. The series is
   * reused only when the fingerprint of the current inputs is equal; on a later day it is
   * carried to that day (lib/planning/reconstruct.ts seriesOnLaterDay) or rebuilt.
   */
  inputs: string;
  /**
   * The last day any of those inputs speaks of (day number; reconstruct.ts inputsLastDay): a
   * series is carried to a later day only when none is dated after its own last day. Absent in
   * records written before series were carried (their fingerprint held the day: they are rebuilt once).
   */
  inputsThrough?: number;
  /** Day number of units[0] (lib/planning/days). */
  startDay: number;
  /** Units per day, NaN = unknown/censored (lib/planning/demand-series.ts DemandSeries). */
  units: Float64Array;
  how: Uint8Array;
  /**
   * The listing's facts that its readings and order lines decide (stock-groups.ts ReadingFacts),
   * from the same inputs: with them a re-plan needs none of the listing's readings. Absent in
   * records written before they were kept (such a record is rebuilt).
   */
  facts?: ReadingFacts;
  /**
   * What the next re-plan needs to carry the series and facts forward by new stock readings
   * alone, without decoding the listing's history (lib/planning/reconstruct-extend.ts); absent
   * when the newest inputs do not allow it (the listing is then rebuilt when it is read again).
   */
  continuation?: DemandContinuation;
}

/**
 * A cache record as stored: whole-number columns packed (whole-counts.ts: the daily units when
 * every known day is a whole count under 65,535, the on-hand readings when their days run
 * forward and their counts fit), so a re-plan writes and reads fewer bytes. Records written
 * before packing hold the plain arrays, and are read as they are.
 */
export type StoredDemandCacheRow = Omit<DemandCacheRow, 'units' | 'facts'> & {
  units: Float64Array | PackedWhole;
  facts?: Omit<ReadingFacts, 'fba'> & { fba: Omit<ReadingFacts['fba'], 'onHand'> & { onHand: Int32Array | PackedPairs } };
};

/**
 * Whether a dailyDemand record is a per-listing cache record, packed or not (not an older per-day row).
 * @example isDemandCacheRow({ key: 'k', date: '2024-05-01', units: 2, how: 'exact' }) // false
 */
export function isDemandCacheRow(row: unknown): row is StoredDemandCacheRow {
  const r = row as Partial<StoredDemandCacheRow> | undefined;
  const units = r?.units;
  return (
    !!r &&
    r.date === DEMAND_SERIES_DATE &&
    typeof r.inputs === 'string' &&
    (units instanceof Float64Array || units instanceof Uint8Array || units instanceof Uint16Array) &&
    r.how instanceof Uint8Array
  );
}

/**
 * A cache record as it is stored (packed where it fits).
 * @example storedDemandCacheRow(row).units // Uint8Array when every known day sold fewer than 255 whole units
 */
function storedDemandCacheRow(row: DemandCacheRow): StoredDemandCacheRow {
  const units = packWhole(row.units) ?? row.units;
  if (!row.facts) return { ...row, units };
  const onHand = packDayPairs(row.facts.fba.onHand) ?? row.facts.fba.onHand;
  return { ...row, units, facts: { ...row.facts, fba: { ...row.facts.fba, onHand } } };
}

/**
 * A stored cache record as the re-plan reads it (unpacked); undefined for any other record.
 * @example demandCacheRowOf(storedDemandCacheRow(row)) // equal to row
 */
function demandCacheRowOf(stored: unknown): DemandCacheRow | undefined {
  if (!isDemandCacheRow(stored)) return undefined;
  const units = stored.units instanceof Float64Array ? stored.units : unpackWhole(stored.units);
  const { facts, ...rest } = stored;
  if (!facts) return { ...rest, units };
  const onHand = facts.fba.onHand instanceof Int32Array ? facts.fba.onHand : unpackDayPairs(facts.fba.onHand);
  return { ...rest, units, facts: { ...facts, fba: { ...facts.fba, onHand } } };
}

/**
 * The cached series among some dailyDemand records: those their digest records hold (schema
 * v10), unpacked; every other record is left out.
 * @example demandCacheRowsOf([withDemand(digest, row), perDayRow]) // [row]
 */
export function demandCacheRowsOf(rows: readonly unknown[]): DemandCacheRow[] {
  return rows.flatMap((r) => (isHistoryDigestRow(r) ? (demandOfDigest(r) ?? []) : []));
}

/** The `date` of a listing's history digest record: sorts after every ISO date of the same key. */
export const HISTORY_DIGEST_DATE = 'history';

/** The `date` of the record holding a listing's history digest's readings (HistoryReadingsRow). */
export const HISTORY_READINGS_DATE = 'readings';

/**
 * The digest's encoding: 2 since readings keep only what changed from the reading before
 * (history-digest.ts), 3 since it holds the readings' digest sums (`sums`), 4 since the readings
 * are a record of their own (HistoryReadingsRow). A digest in another encoding is read as
 * missing, so the re-plan rewrites it from the history record (a missing digest only costs time).
 */
export const HISTORY_DIGEST_FORMAT = 4;

/** The fields of a listing reading that every reading of one listing shares (kept once per digest). */
export type DigestBase = Pick<ListingObservation, 'kind' | 'platform' | 'marketplace' | 'sku'>;

/**
 * A listing's history record (tables/listingHistory.ts) as the re-plan reads it: how many
 * listing readings it holds and their digest sums, and the listing's cached demand. The readings
 * themselves (only the fields the planner reads, as one JSON text) are a record of their own
 * (HistoryReadingsRow), read only when the series is rebuilt: they are four fifths of the bytes,
 * and a re-plan whose cached demand holds needs only the sums (a 5,000-row page's re-plan reads
 * 10,000 of these records). Both are written in the same transaction as every write of the history
 * record (lib/store/history-digest.ts), so they always say what the record holds.
 */
export interface HistoryDigestRow {
  /** Listing key. */
  key: string;
  date: typeof HISTORY_DIGEST_DATE;
  format: typeof HISTORY_DIGEST_FORMAT;
  /** How many readings the history record holds (its HistoryReadingsRow's `readings`). */
  count: number;
  /**
   * The readings' digest sums (readings-digest.ts: each reading's stored id and its record's
   * time): a re-plan whose cached demand still holds needs these, not the readings.
   */
  sums: ReadingsSums;
  /** The shared fields (absent when the record holds no listing reading). */
  base?: DigestBase;
  /**
   * The listing's cached demand (daily-demand.ts), packed, since schema v10: kept in the record
   * the re-plan reads anyway, so a listing costs one read, not two (each IndexedDB request costs
   * about 60 µs in Chromium whatever its size). Rewriting the digest carries it over; its
   * fingerprint decides whether it still holds.
   */
  demand?: StoredDemandCache;
}

/**
 * The readings of a listing's history digest (format 4): absent when it holds none. Its `sums`
 * equal its digest's: a reader that takes the digest in one transaction and the readings in
 * another knows by them whether the history was rewritten in between.
 */
export interface HistoryReadingsRow {
  /** Listing key. */
  key: string;
  date: typeof HISTORY_READINGS_DATE;
  format: typeof HISTORY_DIGEST_FORMAT;
  count: number;
  sums: ReadingsSums;
  base?: DigestBase;
  /**
   * JSON: [id, observedAt, fields][] in id order, the fields being the record without `base`'s
   * fields, the unread ones, an observedAt equal to the row's and an observedDate equal to its
   * UTC date, and given as what changed from the reading before (history-digest.ts digestDelta).
   */
  readings: string;
}

/** A cache record as a digest record holds it: without the key and date the digest has. */
type StoredDemandCache = Omit<StoredDemandCacheRow, 'key' | 'date'>;

/**
 * The cached demand a digest record holds, as the re-plan reads it (unpacked); undefined when it holds none.
 * @example demandOfDigest(withDemand(digest, row))?.inputs === row.inputs // true
 */
export function demandOfDigest(digest: HistoryDigestRow): DemandCacheRow | undefined {
  return digest.demand ? demandCacheRowOf({ ...digest.demand, key: digest.key, date: DEMAND_SERIES_DATE }) : undefined;
}

/**
 * The digest record holding this cached demand (packed), or none when `row` is undefined.
 * @example demandOfDigest(withDemand(digest, row)) // equal to row
 */
export function withDemand(digest: HistoryDigestRow, row: DemandCacheRow | undefined): HistoryDigestRow {
  const { demand: _demand, ...rest } = digest;
  if (!row) return rest;
  const { key: _key, date: _date, ...demand } = storedDemandCacheRow(row);
  return { ...rest, demand };
}

/**
 * Whether a dailyDemand record is a listing's history digest or its readings, in any encoding
 * (backups leave every one out: a restore writes them again).
 * @example isHistoryDigestRecord({ key: 'k', date: HISTORY_DIGEST_DATE, count: 0, readings: '[]' }) // true
 */
export function isHistoryDigestRecord(row: unknown): boolean {
  const date = (row as Partial<HistoryDigestRow> | undefined)?.date;
  return date === HISTORY_DIGEST_DATE || date === HISTORY_READINGS_DATE;
}

/**
 * Whether a dailyDemand primary key is that of a listing's history digest record.
 * @example isHistoryDigestKey(['amazon|amazon.com|A', HISTORY_DIGEST_DATE]) // true
 */
export function isHistoryDigestKey(key: unknown): boolean {
  return Array.isArray(key) && key.length === 2 && key[1] === HISTORY_DIGEST_DATE;
}

/**
 * Whether a dailyDemand record is a listing's history digest in today's encoding.
 * @example isHistoryDigestRow({ key: 'k', date: HISTORY_DIGEST_DATE, format: HISTORY_DIGEST_FORMAT, count: 0, sums }) // true
 */
export function isHistoryDigestRow(row: unknown): row is HistoryDigestRow {
  const r = row as Partial<HistoryDigestRow> | undefined;
  return !!r && r.date === HISTORY_DIGEST_DATE && r.format === HISTORY_DIGEST_FORMAT && typeof r.count === 'number' && !!r.sums;
}

/**
 * Whether a dailyDemand record holds a history digest's readings in today's encoding.
 * @example isHistoryReadingsRow({ key: 'k', date: HISTORY_READINGS_DATE, format: HISTORY_DIGEST_FORMAT, count: 1, sums, readings: '[...]' }) // true
 */
export function isHistoryReadingsRow(row: unknown): row is HistoryReadingsRow {
  const r = row as Partial<HistoryReadingsRow> | undefined;
  return !!r && r.date === HISTORY_READINGS_DATE && r.format === HISTORY_DIGEST_FORMAT && typeof r.readings === 'string' && !!r.sums;
}

/**
 * Keeping storage bounded. Raw readings older than a window (default 90 days) are folded into
 * one summary row per listing per marketplace day, holding each field's last value that day
 * (what demand reconstruction uses: the day's closing stock, windowed and cumulative sales
 * counts), and the raw rows are deleted. Old order readings are deleted outright: the orders
 * table keeps each line's latest state. Each chunk of days is one transaction, so a worker
 * stopped mid-way leaves finished chunks compacted and the rest untouched, never a day with
 * its summary written but its raw rows still counted twice.
 */
import { addDays } from '../locale/dates';
import { type ListingObservation } from '../records';
import type { StoreDb } from './db';
import { invalidateDemand } from './daily-demand';
import { writeHistoryDigests } from './history-digest';
import { canonicalJson, contentHash } from './hash';
import { LISTING_STATE_FIELDS } from './tables/listings';
import { DAY_SUMMARY_SOURCE, type ObservationRow } from './tables/observations';
import { chunkRowsOf, observationChunkOf, type ObservationChunkRow } from './tables/observationChunks';
import type { ListingHistoryRow } from './tables/listingHistory';

export interface CompactionResult {
  /** Raw rows folded into summaries and deleted (listing readings). */
  folded: number;
  /** Old order readings deleted. */
  ordersDeleted: number;
  /** Summary rows written (new or updated). */
  summaries: number;
  cutoff: string;
}

const DAY_MS = 86_400_000;
/** Days of readings per transaction: bounded memory and transaction length. */
const CHUNK_DAYS = 7;

/**
 * The id of a listing's day summary: stable, so compacting again updates the same row.
 * @example summaryIdOf('ebay|ebay.com|A', '2024-01-01') === summaryIdOf('ebay|ebay.com|A', '2024-01-01') // true
 */
export function summaryIdOf(listingKey: string, date: string): string {
  return contentHash(`${DAY_SUMMARY_SOURCE}|${listingKey}|${date}`);
}

/**
 * One listing's readings of one day folded into one row: each field's value from the reading
 * that showed it last that day (a repeated reading counts at its lastSeenAt).
 * @example foldDay([morning, evening]).record.available === evening.record.available // when both showed it
 */
export function foldDay(rows: readonly ObservationRow[]): ObservationRow {
  const first = rows[0]!;
  const values: Record<string, unknown> = {};
  const fieldObservedAt: Record<string, string> = {};
  let observedAt = first.observedAt;
  let lastSeenAt = first.lastSeenAt;
  for (const row of rows) {
    if (row.observedAt < observedAt) observedAt = row.observedAt;
    if (row.lastSeenAt > lastSeenAt) lastSeenAt = row.lastSeenAt;
    const record = row.record as unknown as Record<string, unknown>;
    for (const field of LISTING_STATE_FIELDS) {
      const value = record[field];
      if (value === undefined) continue;
      const at = row.fieldObservedAt?.[field] ?? row.lastSeenAt;
      const had = fieldObservedAt[field];
      if (had === undefined || at > had || (at === had && canonicalJson(value) > canonicalJson(values[field]))) {
        values[field] = value;
        fieldObservedAt[field] = at;
      }
    }
  }
  const base = first.record as ListingObservation;
  const record: ListingObservation = {
    kind: 'listing',
    platform: base.platform,
    marketplace: base.marketplace,
    sku: base.sku,
    source: DAY_SUMMARY_SOURCE,
    observedAt: lastSeenAt,
    observedDate: first.observedDate,
    ...(values as Partial<ListingObservation>),
  };
  return {
    id: summaryIdOf(first.listingKey, first.observedDate),
    kind: 'listing',
    key: first.key,
    listingKey: first.listingKey,
    source: DAY_SUMMARY_SOURCE,
    observedAt,
    observedDate: first.observedDate,
    lastSeenAt,
    record,
    fieldObservedAt,
  };
}

/**
 * One record's rows with the raw readings first read before `cutoff` folded into one summary
 * per listing and marketplace day (merged with that day's summary so far), and old order
 * readings dropped; undefined when nothing changes. Counts into `result`.
 * @example compactRows(chunk.rows, cutoff, result)?.length
 */
function compactRows(rows: readonly ObservationRow[], cutoff: string, result: CompactionResult): ObservationRow[] | undefined {
  const kept = new Map(rows.map((r) => [r.id, r]));
  const days = new Map<string, ObservationRow[]>();
  let touched = false;
  for (const row of rows) {
    if (row.observedAt >= cutoff || row.source === DAY_SUMMARY_SOURCE) continue;
    if (row.kind === 'order') {
      kept.delete(row.id);
      result.ordersDeleted++;
      touched = true;
      continue;
    }
    const day = `${row.listingKey}\u0000${row.observedDate}`;
    (days.get(day) ?? days.set(day, []).get(day)!).push(row);
  }
  for (const raw of days.values()) {
    const id = summaryIdOf(raw[0]!.listingKey, raw[0]!.observedDate);
    const prior = kept.get(id);
    const summary = foldDay(prior ? [prior, ...raw] : raw);
    for (const r of raw) kept.delete(r.id);
    kept.set(id, summary);
    result.folded += raw.length;
    result.summaries++;
    touched = true;
  }
  return touched ? [...kept.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : undefined;
}

/** History records compacted per transaction. */
const HISTORY_BATCH = 500;

/**
 * Folds readings older than `windowDays` before `now`: in the listings' history records (where
 * the daily maintenance moves readings past their first days) and in any day chunk still that old.
 * @example await compactObservations(db, new Date(), { windowDays: 90 })
 */
export async function compactObservations(db: StoreDb, now: Date, options: { windowDays?: number } = {}): Promise<CompactionResult> {
  const windowDays = options.windowDays ?? 90;
  const cutoff = new Date(now.getTime() - windowDays * DAY_MS).toISOString();
  const result: CompactionResult = { folded: 0, ordersDeleted: 0, summaries: 0, cutoff };

  let after: string | undefined;
  for (;;) {
    const last = await db.transaction('rw', [db.listingHistory, db.dailyDemand], async () => {
      const batch = await (after === undefined ? db.listingHistory.orderBy('key') : db.listingHistory.where('key').above(after)).limit(HISTORY_BATCH).toArray();
      const changed: ListingHistoryRow[] = [];
      const emptied: string[] = [];
      for (const record of batch) {
        const rows = compactRows(record.rows, cutoff, result);
        if (rows === undefined) continue;
        if (rows.length) changed.push({ key: record.key, rows });
        else emptied.push(record.key);
      }
      if (changed.length) await db.listingHistory.bulkPut(changed);
      if (emptied.length) await db.listingHistory.bulkDelete(emptied);
      // Summaries replace the readings: the demand rebuilt from them is cached anew, and the
      // re-plan's digest of each record is written from the same rows (history-digest.ts).
      await invalidateDemand(db, [...changed.map((r) => r.key), ...emptied]);
      await writeHistoryDigests(db, [...changed.map((r) => [r.key, r.rows] as const), ...emptied.map((k) => [k, []] as const)]);
      return batch.length === HISTORY_BATCH ? batch[batch.length - 1]!.key : undefined;
    });
    if (last === undefined) break;
    after = last;
  }

  const oldest = await db.observationChunks.orderBy('date').first();
  // A marketplace day can run a day ahead of UTC (Japan): chunks up to the day after the cutoff's may hold older readings.
  const lastDate = addDays(cutoff.slice(0, 10), 1);
  if (!oldest || oldest.date > lastDate) return result;
  let from = oldest.date;
  while (from <= lastDate) {
    const to = addDays(from, CHUNK_DAYS);
    await db.transaction('rw', [db.observationChunks, db.dailyDemand], async () => {
      const chunks = await db.observationChunks.where('date').between(from, to, true, false).toArray();
      const changed: ObservationChunkRow[] = [];
      const emptied: string[] = [];
      const listings = new Set<string>();
      for (const chunk of chunks) {
        const before = chunkRowsOf(chunk);
        const rows = compactRows(before, cutoff, result);
        if (rows === undefined) continue;
        for (const row of before) if (row.kind === 'listing' && row.observedAt < cutoff && row.source !== DAY_SUMMARY_SOURCE) listings.add(row.listingKey);
        if (rows.length) changed.push(observationChunkOf(chunk.id, chunk.date, chunk.group, rows));
        else emptied.push(chunk.id);
      }
      await invalidateDemand(db, listings);
      if (emptied.length) await db.observationChunks.bulkDelete(emptied);
      if (changed.length) await db.observationChunks.bulkPut(changed);
    });
    from = to;
  }
  return result;
}

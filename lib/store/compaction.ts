/**
 * Keeping storage bounded. Raw readings older than a window (default 90 days) are folded into
 * one summary row per listing per marketplace day, holding each field's last value that day
 * (what demand reconstruction uses: the day's closing stock, windowed and cumulative sales
 * counts), and the raw rows are deleted. Old order readings are deleted outright: the orders
 * table keeps each line's latest state. Each chunk of days is one transaction, so a worker
 * stopped mid-way leaves finished chunks compacted and the rest untouched, never a day with
 * its summary written but its raw rows still counted twice.
 */
import { type ListingObservation } from '../records';
import type { StoreDb } from './db';
import { canonicalJson, contentHash } from './hash';
import { LISTING_STATE_FIELDS } from './tables/listings';
import { DAY_SUMMARY_SOURCE, type ObservationRow } from './tables/observations';

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
    kind: 'listing', platform: base.platform, marketplace: base.marketplace, sku: base.sku,
    source: DAY_SUMMARY_SOURCE, observedAt: lastSeenAt, observedDate: first.observedDate,
    ...(values as Partial<ListingObservation>),
  };
  return {
    id: summaryIdOf(first.listingKey, first.observedDate), kind: 'listing', key: first.key, listingKey: first.listingKey,
    source: DAY_SUMMARY_SOURCE, observedAt, observedDate: first.observedDate, lastSeenAt, record, fieldObservedAt,
  };
}

/**
 * Folds readings older than `windowDays` before `now`.
 * @example await compactObservations(db, new Date(), { windowDays: 90 })
 */
export async function compactObservations(db: StoreDb, now: Date, options: { windowDays?: number } = {}): Promise<CompactionResult> {
  const windowDays = options.windowDays ?? 90;
  const cutoff = new Date(now.getTime() - windowDays * DAY_MS).toISOString();
  const result: CompactionResult = { folded: 0, ordersDeleted: 0, summaries: 0, cutoff };
  const oldest = await db.observations.orderBy('observedAt').first();
  if (!oldest || oldest.observedAt >= cutoff) return result;
  let from = oldest.observedAt;
  while (from < cutoff) {
    const toMs = Math.min(Date.parse(from) + CHUNK_DAYS * DAY_MS, Date.parse(cutoff));
    const to = new Date(toMs).toISOString();
    await db.transaction('rw', [db.observations], async () => {
      const rows = await db.observations.where('observedAt').between(from, to, true, false).toArray();
      const orderIds: string[] = [];
      const days = new Map<string, ObservationRow[]>();
      for (const row of rows) {
        if (row.kind === 'order') {
          orderIds.push(row.id);
          continue;
        }
        const group = `${row.listingKey}\u0000${row.observedDate}`;
        (days.get(group) ?? days.set(group, []).get(group)!).push(row);
      }
      // A day may straddle chunks (marketplace days are not UTC days): merge with its summary so far.
      const summaryIds = [...days.values()].map((g) => summaryIdOf(g[0]!.listingKey, g[0]!.observedDate));
      const existing = await db.observations.bulkGet(summaryIds);
      const summaries: ObservationRow[] = [];
      const deleted: string[] = [...orderIds];
      [...days.values()].forEach((group, i) => {
        const raw = group.filter((r) => r.source !== DAY_SUMMARY_SOURCE);
        if (raw.length === 0) return; // already a lone summary
        const prior = existing[i];
        const all = prior && !group.some((r) => r.id === prior.id) ? [prior, ...group] : group;
        summaries.push(foldDay(all));
        for (const r of raw) deleted.push(r.id);
        result.folded += raw.length;
      });
      result.ordersDeleted += orderIds.length;
      result.summaries += summaries.length;
      await db.observations.bulkDelete(deleted);
      if (summaries.length) await db.observations.bulkPut(summaries);
    });
    from = to;
  }
  return result;
}

/**
 * Table `observations`: every reading as it was read, the history the planner reconstructs
 * demand from. One row per distinct reading, where "the same reading" means the same source,
 * the same listing (or order line), the same marketplace day and the same values: a page
 * re-read five minutes (or five hours) later showing the same numbers adds no information
 * except that the values still held then, which `lastSeenAt` records. A reading with the
 * same values on another day is a new row: "still 12 in stock on Tuesday" is what tells the
 * planner nothing sold.
 *
 * Schema v4 deleted the `observations` object store: these rows now live inside
 * `observationChunks` and `listingHistory` (observation-store.ts), and backups still hold them
 * as the logical table `observations` (db.ts TABLE_NAMES).
 */
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, listingKey, observationSchema, type Observation } from '../../records';
import { canonicalJson, contentHash } from '../hash';
import { orderKeyOf } from './orders';

export const observationRowSchema = z.object({
  /** Content hash of (kind, source, key, observedDate, values): see observationIdOf. */
  id: z.string().min(1),
  kind: z.enum(['listing', 'order']),
  /** Listing key, or order-line key for orders. */
  key: z.string().min(1),
  /** Listing the reading is about (order lines too), for per-listing history. */
  listingKey: z.string().min(1),
  source: z.string().min(1),
  /** First time this reading was taken (UTC ISO). */
  observedAt: isoDateTimeSchema,
  observedDate: isoDateSchema,
  /** Last time the same reading was seen again that day (UTC ISO). */
  lastSeenAt: isoDateTimeSchema,
  /** The record as read (from the first time it was seen). */
  record: observationSchema,
  /** Set on day-summary rows written by compaction: read time of each summarised field. */
  fieldObservedAt: z.record(z.string(), isoDateTimeSchema).optional(),
});
export type ObservationRow = z.infer<typeof observationRowSchema>;

/** Source of day-summary rows written by compaction. */
export const DAY_SUMMARY_SOURCE = 'summary:day';

/**
 * The key a reading is about: the listing key, or the order-line key.
 * @example keyOfObservation({ kind: 'listing', platform: 'ebay', marketplace: 'ebay.com', sku: 'A' } as Observation) // 'ebay|ebay.com|A'
 */
export function keyOfObservation(obs: Observation): string {
  return obs.kind === 'order' ? orderKeyOf(obs) : listingKey(obs);
}

/**
 * The id of a reading: equal for re-reads of the same values on the same marketplace day.
 * @example observationIdOf(obs) === observationIdOf({ ...obs, observedAt: fiveMinutesLater }) // true
 */
export function observationIdOf(obs: Observation): string {
  const { observedAt: _at, ...content } = obs;
  return contentHash(canonicalJson(content));
}

/**
 * Folds a repeated reading into its stored row: the row spans first..last time seen.
 * Returns the same row object when nothing changes.
 * @example foldRepeat(row, '2024-05-02T10:05:00.000Z').lastSeenAt // '2024-05-02T10:05:00.000Z' if later than before
 */
export function foldRepeat(row: ObservationRow, observedAt: string, obs: Observation): ObservationRow {
  if (observedAt > row.lastSeenAt) return { ...row, lastSeenAt: observedAt };
  if (observedAt < row.observedAt) return { ...row, observedAt, record: obs }; // an earlier copy arrived late
  return row;
}

/**
 * Table `observationChunks` (schema v4): the history (tables/observations.ts rows), one record
 * per marketplace day and listing group (lib/store/groups.ts). A page read adds at most one
 * record write per group, however many rows it has; one listing's history is one record per
 * day (the `[group+date]` index), from which its rows are picked. Read and written through
 * lib/store/observation-store.ts.
 */
import { groupOf } from '../groups';
import type { ObservationRow } from './observations';

export interface ObservationChunkRow {
  /** `${date}|${group, 3 digits}`: chunks of one day are one key range. */
  id: string;
  /** Marketplace day of every row in the chunk (their observedDate). */
  date: string;
  group: number;
  /** Readings, by id order. */
  rows: ObservationRow[];
}

/**
 * @example observationChunkId('2024-05-01', 7) // '2024-05-01|007'
 */
export function observationChunkId(date: string, group: number): string {
  return `${date}|${String(group).padStart(3, '0')}`;
}

/**
 * The group of a chunk id (observationChunkId's inverse, for its group).
 * @example groupOfChunkId('2024-05-01|007') // 7
 */
export function groupOfChunkId(id: string): number {
  return Number(id.slice(id.lastIndexOf('|') + 1));
}

/**
 * Readings as chunk records: one per marketplace day and listing group, rows in id order
 * (bulk writers: the bench's seeding; the v3 -> v4 upgrade has its own frozen copy,
 * migrations/v3-to-v4.ts).
 * @example observationChunksOf([row]).map((c) => c.id) // [observationChunkId(row.observedDate, groupOf(row.listingKey))]
 */
export function observationChunksOf(rows: readonly ObservationRow[]): ObservationChunkRow[] {
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

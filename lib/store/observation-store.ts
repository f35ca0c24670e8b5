/**
 * The history (schema v4): readings live in `observationChunks`, one record per marketplace
 * day and listing group (tables/observationChunks.ts). These functions read and write them as
 * plain ObservationRows. Call them inside a transaction over `observationChunks`.
 */
import type { StoreDb } from './db';
import { groupOf, groupsOf, STORE_GROUPS } from './groups';
import { observationChunkId, type ObservationChunkRow } from './tables/observationChunks';
import type { ObservationRow } from './tables/observations';

/** Loaded chunks by chunk id; a chunk with no stored record yet has an empty map. */
export type ObservationChunks = Map<string, { date: string; group: number; rows: Map<string, ObservationRow> }>;

/**
 * The chunk of a reading's day and listing.
 * @example chunkIdOfRow({ observedDate: '2024-05-01', listingKey: 'a|b|c' } as ObservationRow) // '2024-05-01|0nn'
 */
export function chunkIdOfRow(row: Pick<ObservationRow, 'observedDate' | 'listingKey'>): string {
  return observationChunkId(row.observedDate, groupOf(row.listingKey));
}

/**
 * Loads chunks by id (missing ones come back empty, ready to fill).
 * @example const chunks = await loadObservationChunks(db, ['2024-05-01|007']);
 */
export async function loadObservationChunks(db: StoreDb, ids: readonly string[]): Promise<ObservationChunks> {
  const stored = await db.observationChunks.bulkGet(ids as string[]);
  const out: ObservationChunks = new Map();
  ids.forEach((id, i) => {
    const c = stored[i];
    const [date, group] = id.split('|') as [string, string];
    out.set(id, { date, group: Number(group), rows: new Map((c?.rows ?? []).map((r) => [r.id, r])) });
  });
  return out;
}

/**
 * Writes back the chunks named in `ids` (deleting those left empty).
 * @example await saveObservationChunks(db, chunks, dirtyIds);
 */
export async function saveObservationChunks(db: StoreDb, chunks: ObservationChunks, ids: Iterable<string>): Promise<void> {
  const put: ObservationChunkRow[] = [];
  const gone: string[] = [];
  for (const id of ids) {
    const c = chunks.get(id)!;
    if (c.rows.size === 0) gone.push(id);
    else put.push({ id, date: c.date, group: c.group, rows: [...c.rows.values()].sort(byId) });
  }
  await Promise.all([db.observationChunks.bulkPut(put), gone.length ? db.observationChunks.bulkDelete(gone) : undefined]);
}

/**
 * Adds or replaces rows (by id), reading and rewriting their chunks.
 * @example await putObservations(db, rows);
 */
export async function putObservations(db: StoreDb, rows: readonly ObservationRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = unique(rows.map(chunkIdOfRow));
  const chunks = await loadObservationChunks(db, ids);
  for (const r of rows) chunks.get(chunkIdOfRow(r))!.rows.set(r.id, r);
  await saveObservationChunks(db, chunks, ids);
}

/**
 * Every reading (those first read at or after `since`, an ISO date-time, when given), in no
 * particular order.
 * @example (await readAllObservations(db)).length
 */
export async function readAllObservations(db: StoreDb, options: { since?: string } = {}): Promise<ObservationRow[]> {
  const since = options.since ?? '';
  // A reading's marketplace day can be the UTC day before its time: start a day early.
  const chunks = since
    ? await db.observationChunks.where('date').aboveOrEqual(dayBefore(since.slice(0, 10))).toArray()
    : await db.observationChunks.toArray();
  const out: ObservationRow[] = [];
  for (const c of chunks) for (const r of c.rows) if (r.observedAt >= since) out.push(r);
  return out;
}

/**
 * The readings of some listings (first read at or after `since`, when given), in no
 * particular order. Reads one record per day for each of their groups; for listings spread
 * over most groups, the whole history once.
 * @example await readObservationsOf(db, ['amazon|amazon.com|A'])
 */
export async function readObservationsOf(db: StoreDb, listingKeys: readonly string[], options: { since?: string } = {}): Promise<ObservationRow[]> {
  if (listingKeys.length === 0) return [];
  const since = options.since ?? '';
  const wanted = new Set(listingKeys);
  const groups = groupsOf(listingKeys);
  if (groups.length * 2 > STORE_GROUPS) return (await readAllObservations(db, options)).filter((r) => wanted.has(r.listingKey));
  const from = since ? dayBefore(since.slice(0, 10)) : '';
  const perGroup = await Promise.all(groups.map((g) =>
    db.observationChunks.where('[group+date]').between([g, from], [g, '\uffff'], true, true).toArray()));
  const out: ObservationRow[] = [];
  for (const chunks of perGroup) for (const c of chunks) for (const r of c.rows) if (wanted.has(r.listingKey) && r.observedAt >= since) out.push(r);
  return out;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * The history (schema v4), as plain ObservationRows. Recent readings live in
 * `observationChunks` (one record per marketplace day and listing group: a page read writes at
 * most one record per group), older ones in `listingHistory` (one record per listing: a
 * re-plan reads one record per listing). foldHistory moves readings from the first to the
 * second once their day is FOLD_LAG_DAYS old; until it runs, they are found in the chunks, so
 * every reader looks in both. Call these inside a transaction over `observationChunks` and
 * `listingHistory`.
 *
 * The merge looks for a repeat of an old-dated reading in its day chunk and in its listing's
 * history record, and for a recent one in its day chunk only. That relies on the background's
 * clock not going back by more than FOLD_LAG_DAYS between a fold and a later merge; if it did,
 * a repeat could be stored twice (the next fold combines the copies), never lost.
 */
import { addDays } from '../locale/dates';
import type { StoreDb } from './db';
import { groupOf, groupsOf, STORE_GROUPS } from './groups';
import { byId, chunkRowsOf, groupOfChunkId, observationChunkId, observationChunkOf, type ObservationChunkRow } from './tables/observationChunks';
import type { ListingHistoryRow } from './tables/listingHistory';
import type { ObservationRow } from './tables/observations';
import { writeHistoryDigests } from './history-digest';

/**
 * Days a reading stays in the day chunks: page reads of today and yesterday (and a
 * marketplace day ahead of UTC) land in chunks, so the merge finds their repeats there.
 */
export const FOLD_LAG_DAYS = 2;

/**
 * The first marketplace day whose readings are written to day chunks at `now`; older days go
 * straight to (and are looked up in) the listings' history records.
 * @example foldCutoff(new Date('2024-05-10T12:00:00Z')) // '2024-05-08'
 */
export function foldCutoff(now: Date): string {
  return addDays(now.toISOString().slice(0, 10), -FOLD_LAG_DAYS);
}

/** Loaded chunks by chunk id; a chunk with no stored record yet has an empty map. */
export type ObservationChunks = Map<string, { date: string; group: number; rows: Map<string, ObservationRow> }>;
/** Loaded history records by listing key; a listing with no record yet has an empty map. */
export type ListingHistories = Map<string, Map<string, ObservationRow>>;

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
    out.set(id, { date, group: Number(group), rows: new Map((c ? chunkRowsOf(c) : []).map((r) => [r.id, r])) });
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
    else put.push(observationChunkOf(id, c.date, c.group, c.rows.values()));
  }
  if (put.length) await db.observationChunks.bulkPut(put);
  if (gone.length) await db.observationChunks.bulkDelete(gone);
}

/**
 * Loads listings' history records (missing ones come back empty). Keep the maps' rows as
 * stored: saveHistories writes the digests from them.
 * @example const histories = await loadHistories(db, ['amazon|amazon.com|A']);
 */
export async function loadHistories(db: StoreDb, keys: readonly string[]): Promise<ListingHistories> {
  const stored = await db.listingHistory.bulkGet(keys as string[]);
  return new Map(keys.map((k, i) => [k, new Map((stored[i]?.rows ?? []).map((r) => [r.id, r]))]));
}

/**
 * Writes back the history records named in `keys` (deleting those left empty), and their
 * digests from the same rows (history-digest.ts): the transaction must include `dailyDemand`.
 * @example await saveHistories(db, histories, dirtyKeys);
 */
export async function saveHistories(db: StoreDb, histories: ListingHistories, keys: Iterable<string>): Promise<void> {
  const put: ListingHistoryRow[] = [];
  const gone: string[] = [];
  const written = [...keys];
  await writeHistoryDigests(
    db,
    written.map((key) => [key, histories.get(key)!.values()] as const),
  );
  for (const key of written) {
    const rows = histories.get(key)!;
    if (rows.size === 0) gone.push(key);
    else put.push({ key, rows: [...rows.values()].sort(byId) });
  }
  if (put.length) await db.listingHistory.bulkPut(put);
  if (gone.length) await db.listingHistory.bulkDelete(gone);
}

/**
 * Two stored copies of one reading (same id) as one: first seen at the earlier time (with the
 * record as read then), last seen at the later.
 * @example combineCopies(morning, evening).lastSeenAt === evening.lastSeenAt // true
 */
function combineCopies(a: ObservationRow, b: ObservationRow): ObservationRow {
  const first = a.observedAt <= b.observedAt ? a : b;
  const lastSeenAt = a.lastSeenAt >= b.lastSeenAt ? a.lastSeenAt : b.lastSeenAt;
  return first.lastSeenAt === lastSeenAt ? first : { ...first, lastSeenAt };
}

/**
 * Adds or replaces rows (by id): days from `cutoff` on into their day chunks, older ones into
 * their listings' history records (restore). The transaction must include `dailyDemand` (saveHistories).
 * @example await putObservations(db, rows, foldCutoff(new Date()));
 */
export async function putObservations(db: StoreDb, rows: readonly ObservationRow[], cutoff: string): Promise<void> {
  if (rows.length === 0) return;
  const recent = rows.filter((r) => r.observedDate >= cutoff);
  const old = rows.filter((r) => r.observedDate < cutoff);
  if (recent.length) {
    const ids = unique(recent.map(chunkIdOfRow));
    const chunks = await loadObservationChunks(db, ids);
    for (const r of recent) chunks.get(chunkIdOfRow(r))!.rows.set(r.id, r);
    await saveObservationChunks(db, chunks, ids);
  }
  if (old.length) {
    const keys = unique(old.map((r) => r.listingKey));
    const histories = await loadHistories(db, keys);
    for (const r of old) histories.get(r.listingKey)!.set(r.id, r);
    await saveHistories(db, histories, keys);
  }
}

/**
 * Moves readings of days before foldCutoff(now) from the day chunks into their listings'
 * history records, one listing group per transaction (each reading is read and written once,
 * however many days wait; a worker stopped mid-way leaves whole groups moved or not).
 * Returns how many readings moved.
 * @example await foldHistory(db, new Date())
 */
export async function foldHistory(db: StoreDb, now: Date): Promise<number> {
  const cutoff = foldCutoff(now);
  let moved = 0;
  const oldest = await db.observationChunks.orderBy('date').first();
  if (!oldest || oldest.date >= cutoff) return 0;
  for (let group = 0; group < STORE_GROUPS; group++) {
    await db.transaction('rw', [db.observationChunks, db.listingHistory, db.dailyDemand], async () => {
      const chunks = await db.observationChunks.where('[group+date]').between([group, ''], [group, cutoff], true, false).toArray();
      if (chunks.length === 0) return;
      const rows = chunks.flatMap((c) => chunkRowsOf(c));
      const keys = unique(rows.map((r) => r.listingKey));
      const histories = await loadHistories(db, keys);
      for (const r of rows) {
        const history = histories.get(r.listingKey)!;
        const had = history.get(r.id);
        history.set(r.id, had ? combineCopies(had, r) : r);
      }
      await saveHistories(db, histories, keys);
      await db.observationChunks.bulkDelete(chunks.map((c) => c.id));
      moved += rows.length;
    });
  }
  return moved;
}

/**
 * Every reading (those first read at or after `since`, an ISO date-time, when given), in no
 * particular order.
 * @example (await readAllObservations(db)).length
 */
export async function readAllObservations(db: StoreDb, options: { since?: string } = {}): Promise<ObservationRow[]> {
  const since = options.since ?? '';
  // A reading's marketplace day can be the UTC day before its time: start a day early.
  const [histories, chunks] = await Promise.all([
    db.listingHistory.toArray(),
    since
      ? db.observationChunks
          .where('date')
          .aboveOrEqual(addDays(since.slice(0, 10), -1))
          .toArray()
      : db.observationChunks.toArray(),
  ]);
  const out: ObservationRow[] = [];
  for (const h of histories) for (const r of h.rows) if (r.observedAt >= since) out.push(r);
  for (const c of chunks) for (const r of chunkRowsOf(c)) if (r.observedAt >= since) out.push(r);
  return out;
}

/**
 * The readings of some listings (first read at or after `since`, when given), in no
 * particular order: their history records, and the day chunks of their groups.
 * @example await readObservationsOf(db, ['amazon|amazon.com|A'])
 */
export async function readObservationsOf(db: StoreDb, listingKeys: readonly string[], options: { since?: string } = {}): Promise<ObservationRow[]> {
  if (listingKeys.length === 0) return [];
  const since = options.since ?? '';
  const wanted = new Set(listingKeys);
  const groups = groupsOf(listingKeys);
  const from = since ? addDays(since.slice(0, 10), -1) : '';
  const [histories, chunks] = await Promise.all([db.listingHistory.bulkGet(listingKeys as string[]), readDayChunksOf(db, groups, from)]);
  const out: ObservationRow[] = [];
  for (const h of histories) if (h) for (const r of h.rows) if (r.observedAt >= since) out.push(r);
  for (const c of chunks) for (const r of chunkRowsOf(c, (k) => wanted.has(k))) if (r.observedAt >= since) out.push(r);
  return out;
}

/**
 * The readings of some listings that are in the day chunks (not yet folded into their history
 * records), in no particular order: with their history digests, every reading (planning-input.ts).
 * @example await readChunkObservationsOf(db, ['amazon|amazon.com|A'])
 */
export async function readChunkObservationsOf(db: StoreDb, listingKeys: readonly string[]): Promise<ObservationRow[]> {
  if (listingKeys.length === 0) return [];
  const wanted = new Set(listingKeys);
  const out: ObservationRow[] = [];
  for (const c of await readDayChunksOf(db, groupsOf(listingKeys), '')) for (const r of chunkRowsOf(c, (k) => wanted.has(k))) out.push(r);
  return out;
}

/**
 * The day chunks of some groups from day `from` on ('' = all). Over a few groups, one range of
 * the `[group+date]` index per group; over more, the chunk ids alone (`day|group`: keys only,
 * no readings cloned) say which chunks are of these groups, and only those are read. (Reading
 * every day chunk instead cloned the readings of groups the listings are not in: a page's
 * listings fall in most groups, but rarely all.)
 */
async function readDayChunksOf(db: StoreDb, groups: readonly number[], from: string): Promise<ObservationChunkRow[]> {
  if (groups.length * 2 <= STORE_GROUPS)
    return (await Promise.all(groups.map((g) => db.observationChunks.where('[group+date]').between([g, from], [g, '\uffff'], true, true).toArray()))).flat();
  const wanted = new Set(groups);
  const ids = ((await db.observationChunks.where('id').aboveOrEqual(from).primaryKeys()) as string[]).filter((id) => wanted.has(groupOfChunkId(id)));
  return (await db.observationChunks.bulkGet(ids)).filter((c): c is ObservationChunkRow => c !== undefined);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

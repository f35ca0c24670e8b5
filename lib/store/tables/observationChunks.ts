/**
 * Table `observationChunks` (schema v4): the history (tables/observations.ts rows), one record
 * per marketplace day and listing group (lib/store/groups.ts). A page read adds at most one
 * record write per group, however many rows it has; one listing's history is one record per
 * day (the `[group+date]` index), from which its rows are picked. Read and written through
 * lib/store/observation-store.ts.
 *
 * Since 2026-12-04 a chunk holds each listing's readings as one text (listingRowsText), each
 * reading given as what changed from the one before (field-delta.ts): Chromium's IndexedDB
 * reads cost by the byte, and a re-plan read every day chunk of its groups whole for the
 * tenth of their readings it wanted. A reader now parses only its listings' texts. Chunks
 * written before keep their readings as objects (`rows`) and are read as they are; their next
 * write re-encodes them, and the daily fold empties every chunk within FOLD_LAG_DAYS.
 */
import { groupOf } from '../groups';
import { deltasOf, forEachRowOfDeltas } from '../field-delta';
import type { ObservationRow } from './observations';

export interface ObservationChunkRow {
  /** `${date}|${group, 3 digits}`: chunks of one day are one key range. */
  id: string;
  /** Marketplace day of every row in the chunk (their observedDate). */
  date: string;
  group: number;
  /** The listings with readings in the chunk, in key order. */
  listingKeys?: string[];
  /** Each listing's readings (listingRowsText), at its index in `listingKeys`. */
  texts?: string[];
  /** Readings as objects, in id order: chunks written before 2026-12-04 only. */
  rows?: ObservationRow[];
}

/**
 * A chunk's readings in id order: all of them, or those of the listings `wanted` accepts
 * (only their texts are parsed).
 * @example chunkRowsOf(chunk, (k) => k === 'amazon|amazon.com|A').every((r) => r.listingKey === 'amazon|amazon.com|A') // true
 */
export function chunkRowsOf(chunk: ObservationChunkRow, wanted?: (listingKey: string) => boolean): ObservationRow[] {
  if (chunk.rows) return wanted ? chunk.rows.filter((r) => wanted(r.listingKey)) : chunk.rows;
  const keys = chunk.listingKeys ?? [];
  const out: ObservationRow[] = [];
  keys.forEach((key, i) => {
    if (!wanted || wanted(key)) for (const row of rowsOfListingText(key, chunk.texts![i]!)) out.push(row);
  });
  return keys.length > 1 ? out.sort(byId) : out;
}

/**
 * A chunk record holding these readings (they must all be of its day and group).
 * @example observationChunkOf('2024-05-01|007', '2024-05-01', 7, rows).listingKeys
 */
export function observationChunkOf(id: string, date: string, group: number, rows: Iterable<ObservationRow>): ObservationChunkRow {
  const byListing = new Map<string, ObservationRow[]>();
  for (const r of rows) {
    const list = byListing.get(r.listingKey);
    if (list) list.push(r);
    else byListing.set(r.listingKey, [r]);
  }
  const listingKeys = [...byListing.keys()].sort();
  return { id, date, group, listingKeys, texts: listingKeys.map((k) => listingRowsText(byListing.get(k)!)) };
}

/** Record fields that most often equal the row's own: left out of the text then. */
const SHARED_FIELDS = ['kind', 'source', 'observedAt', 'observedDate'] as const;
/** Record fields in a text are prefixed: the row's own fields are not. */
const RECORD = '.';

/**
 * One listing's readings as text: [id, delta][] in id order, each delta what changed from
 * the reading before in the reading flattened (the row's fields, and its record's prefixed
 * with '.'), left out: its listing key, a key equal to it, a lastSeenAt equal to observedAt,
 * and record fields equal to the row's.
 */
function listingRowsText(rows: readonly ObservationRow[]): string {
  const sorted = [...rows].sort(byId);
  const flat = sorted.map((row) => {
    const { id: _id, listingKey, record, ...own } = row;
    const out: Record<string, unknown> = own;
    if (own.key === listingKey) delete out.key;
    if (own.lastSeenAt === own.observedAt) delete out.lastSeenAt;
    for (const [field, value] of Object.entries(record)) {
      if (!(SHARED_FIELDS as readonly string[]).includes(field) || value !== own[field as (typeof SHARED_FIELDS)[number]]) out[RECORD + field] = value;
    }
    return out;
  });
  const deltas = deltasOf(flat);
  return JSON.stringify(sorted.map((r, i) => [r.id, deltas[i]]));
}

/** listingRowsText's inverse. */
function rowsOfListingText(listingKey: string, text: string): ObservationRow[] {
  const parsed = JSON.parse(text) as [string, Record<string, unknown>][];
  const out: ObservationRow[] = new Array(parsed.length);
  // Each row read in place and copied into its own and its record's fields (for...in, not
  // Object.entries: a re-plan decodes thousands of readings, and a pair array per field, like a
  // copy of each row, was garbage the moment the row was built).
  forEachRowOfDeltas(
    parsed.map(([, delta]) => delta),
    (fields, i) => {
      const own: Record<string, unknown> = { id: parsed[i]![0], listingKey };
      const record: Record<string, unknown> = {};
      for (const field in fields) {
        if (field.startsWith(RECORD)) record[field.slice(1)] = fields[field];
        else own[field] = fields[field];
      }
      own.key ??= listingKey;
      own.lastSeenAt ??= own.observedAt;
      for (const field of SHARED_FIELDS) if (!(field in record)) record[field] = own[field];
      own.record = record;
      out[i] = own as unknown as ObservationRow;
    },
  );
  return out;
}

/**
 * Rows in id order, the order every chunk and history record keeps them in.
 * @example [b, a].sort(byId)[0] === a // when a.id < b.id
 */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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
 * Readings as chunk records: one per marketplace day and listing group (bulk writers: the
 * bench's seeding; the v3 -> v4 upgrade has its own frozen copy, migrations/v3-to-v4.ts).
 * @example observationChunksOf([row]).map((c) => c.id) // [observationChunkId(row.observedDate, groupOf(row.listingKey))]
 */
export function observationChunksOf(rows: readonly ObservationRow[]): ObservationChunkRow[] {
  const chunks = new Map<string, { date: string; group: number; rows: ObservationRow[] }>();
  for (const r of rows) {
    const group = groupOf(r.listingKey);
    const id = observationChunkId(r.observedDate, group);
    let chunk = chunks.get(id);
    if (!chunk) chunks.set(id, (chunk = { date: r.observedDate, group, rows: [] }));
    chunk.rows.push(r);
  }
  return [...chunks].map(([id, c]) => observationChunkOf(id, c.date, c.group, c.rows));
}

/**
 * Rows stored as what changed from the row before them. A listing's readings repeat most of
 * their fields (channel, source, price, the day), and Chromium reads IndexedDB at a cost that
 * grows with the bytes (about 30 ms per MB): the history digests (history-digest.ts) and the
 * day chunks' texts (tables/observationChunks.ts) keep each row's changes only.
 * Field values are JSON values; a field the row before had and this one has not is listed
 * under GONE.
 */

/** The key of a delta that lists the fields the row before had and this one has not. */
const GONE = '~';

/**
 * What a row's fields changed from the row before: fields new or with another value, and
 * under `~` those it no longer has.
 * @example fieldDelta({ available: 3, inbound: 2 }, { available: 5 }) // { available: 5, '~': ['inbound'] }
 */
export function fieldDelta(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const delta: Record<string, unknown> = {};
  for (const field in after) if (!sameValue(before[field], after[field])) delta[field] = after[field];
  let gone: string[] | undefined;
  for (const field in before) if (!(field in after)) (gone ??= []).push(field);
  if (gone) delta[GONE] = gone;
  return delta;
}

/**
 * A row's fields from the row before's and its delta (fieldDelta's inverse).
 * @example applyFieldDelta({ available: 3, inbound: 2 }, { available: 5, '~': ['inbound'] }) // { available: 5 }
 */
export function applyFieldDelta(before: Readonly<Record<string, unknown>>, delta: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return applyInPlace({ ...before }, delta);
}

/** `row` changed by a delta: set fields keep their place, new ones come last, gone ones go (as on a copy). */
function applyInPlace(row: Record<string, unknown>, delta: Readonly<Record<string, unknown>>): Record<string, unknown> {
  for (const field in delta) {
    if (field !== GONE) row[field] = delta[field];
    else for (const gone of delta[field] as string[]) delete row[gone];
  }
  return row;
}

/**
 * Rows as deltas, each from the one before (the first from no fields).
 * @example deltasOf([{ a: 1, b: 2 }, { a: 1, b: 3 }]) // [{ a: 1, b: 2 }, { b: 3 }]
 */
export function deltasOf(rows: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown>[] {
  let before: Readonly<Record<string, unknown>> = {};
  return rows.map((row) => {
    const delta = fieldDelta(before, row);
    before = row;
    return delta;
  });
}

/**
 * Rows back from their deltas (deltasOf's inverse), each rebuilt in order as one object changed
 * in place: a visit reads it and keeps nothing of it (the next delta changes it). Decoders
 * build their own object from each row anyway: a re-plan decodes thousands of readings, and a
 * copy of each row was garbage the moment its record was built. Fields come in the order
 * applyFieldDelta gives them.
 * @example forEachRowOfDeltas([{ a: 1, b: 2 }, { b: 3 }], (row, i) => out[i] = { ...row }) // out: [{ a: 1, b: 2 }, { a: 1, b: 3 }]
 */
export function forEachRowOfDeltas(
  deltas: readonly Readonly<Record<string, unknown>>[],
  visit: (row: Readonly<Record<string, unknown>>, index: number) => void,
): void {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < deltas.length; i++) visit(applyInPlace(row, deltas[i]!), i);
}

/** Equal as JSON values (numbers, strings, booleans, null, small objects and arrays). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Checking imported rows with their row schema when many rows share some values. A report's
 * rows share their context (platform, source, reading time and day, usually the marketplace),
 * and a packed import batch says outright which values all its rows share. A shared value is
 * the same in every row, so checking it once is checking it in each: the first row with a given
 * set of shared values is checked whole, and later rows only on their own fields. Checking the
 * shared date-time and days on each of 500,000 order lines was about 40% of the background's
 * validation of an import (2026-12-04, Chromium without eval, as the extension runs zod).
 */
import { z } from 'zod';
import { listingObservationSchema, orderObservationSchema, type Observation } from '../records';

type Kind = Observation['kind'];
/** A value rows may share: primitives only (an object would be one object in every row). */
export type SharedValue = string | number | boolean;
/** The values rows share, by field. */
export type SharedValues = Readonly<Record<string, SharedValue>>;
/** A checker made by createRowChecker. */
export type RowChecker = ReturnType<typeof createRowChecker>;
type Checked = { success: true; data: Observation } | { success: false; error: z.ZodError };

/** Each kind's row schema. */
const ROW_SCHEMAS = { listing: listingObservationSchema, order: orderObservationSchema } as const;
// Checking a row field by field (checkColumns, checkRows) is checking it whole only while no check spans fields.
for (const schema of Object.values(ROW_SCHEMAS)) {
  if ((schema._zod.def.checks ?? []).length > 0) throw new Error('A row schema has a check across fields: row-check.ts checks fields on their own');
}

/** Distinct sets of shared values or fields remembered at most: imports use a few, a forged batch could name many. */
const MAX_REMEMBERED = 64;

/** A checked set of shared values: its values as the schema gave them back, and the schema of the other fields. */
interface CheckedSet {
  kind: Kind;
  fields: string[];
  values: Record<string, unknown>;
  own: z.ZodType;
  /** The kind's other fields (checked in each row). */
  ownFields: string[];
}

/** Schemas of the fields rows do not share, per kind and shared fields. */
const ownSchemas = new Map<string, z.ZodType>();

function ownSchema(kind: Kind, sharedFields: readonly string[]): z.ZodType {
  const key = `${kind}|${sharedFields.join(',')}`;
  let schema = ownSchemas.get(key);
  if (!schema) {
    if (ownSchemas.size >= MAX_REMEMBERED) ownSchemas.clear();
    const omitted = Object.fromEntries(['kind', ...sharedFields].map((f) => [f, true] as const)) as Record<string, true> & Record<number, never>;
    schema = (ROW_SCHEMAS[kind] as unknown as z.ZodObject).omit(omitted);
    ownSchemas.set(key, schema);
  }
  return schema;
}

/** Each field's schema over an array of its values, per kind and field (a few dozen at most). */
const columnSchemas = new Map<string, z.ZodArray>();

function columnSchema(kind: Kind, field: string): z.ZodArray {
  const key = `${kind}|${field}`;
  let schema = columnSchemas.get(key);
  if (!schema) {
    schema = z.array(ROW_SCHEMAS[kind].shape[field as keyof (typeof ROW_SCHEMAS)[Kind]['shape']] as z.ZodType);
    columnSchemas.set(key, schema);
  }
  return schema;
}

/**
 * A checker for the rows of a batch or file: `check(kind, shared, own)` parses the row
 * `{ kind, ...shared, ...own }` with the kind's row schema (shared wins over own), accepting and
 * refusing exactly what a whole-row check would. Pass the same `shared` object while its values
 * stay the same, and never change it after.
 * @example const checker = createRowChecker(); checker.check('order', { platform: 'amazon', ... }, { orderId, sku, ... })
 */
export function createRowChecker() {
  /** Shared value sets already checked, by text. */
  const checkedSets = new Map<string, CheckedSet>();
  /** The last set used, compared by identity first (callers pass the same object for the same values). */
  let last: { shared: SharedValues; set: CheckedSet } | undefined;

  /** A set of shared values checked before, else undefined. */
  const checkedSet = (kind: Kind, shared: SharedValues): CheckedSet | undefined => {
    if (last && last.shared === shared && last.set.kind === kind) return last.set;
    const set = checkedSets.get(`${kind}|${JSON.stringify(shared)}`);
    if (set) last = { shared, set };
    return set;
  };

  const remember = (kind: Kind, shared: SharedValues, row: Record<string, unknown>) => {
    if (checkedSets.size >= MAX_REMEMBERED) checkedSets.clear();
    const fields = Object.keys(shared).filter((f) => f !== 'kind');
    const ownFields = Object.keys(ROW_SCHEMAS[kind].shape).filter((f) => f !== 'kind' && !fields.includes(f));
    const set = { kind, fields, values: Object.fromEntries(fields.map((f) => [f, row[f]])), own: ownSchema(kind, fields), ownFields };
    checkedSets.set(`${kind}|${JSON.stringify(shared)}`, set);
    last = { shared, set };
  };

  const check = (kind: Kind, shared: SharedValues, own: Record<string, unknown>): Checked => {
    const set = checkedSet(kind, shared);
    if (!set) {
      const whole = ROW_SCHEMAS[kind].safeParse(Object.assign({}, own, shared, { kind }));
      if (whole.success) remember(kind, shared, whole.data);
      return whole as Checked;
    }
    const checked = set.own.safeParse(own);
    if (!checked.success) return checked as Checked;
    // Into the parsed object (zod made it): a key loop, not a spread, as this runs per row.
    const row = checked.data as Record<string, unknown>;
    row.kind = kind;
    for (const field of set.fields) row[field] = set.values[field];
    return { success: true, data: row as Observation };
  };

  /** The first row checks the shared values whole (and remembers them); then the columns. */
  const checkBlock = (kind: Kind, shared: SharedValues, n: number, firstRow: Record<string, unknown>, column: ColumnOf, nullIsNone: boolean) => {
    if (n === 0) return [];
    const set = check(kind, shared, firstRow).success ? checkedSet(kind, shared) : undefined;
    return set && rowsByColumn(set, n, column, nullIsNone);
  };

  return {
    check,
    /**
     * The rows `{ kind, ...shared, ...own }` of a block given by column (`columns[field][i]` is
     * row i's value; null or undefined: none), as `check` gives them when it accepts every row;
     * undefined when it would refuse one (then `check` row by row says which and why).
     * A row schema checks each field on its own (ROW_SCHEMAS have no check across fields), so
     * each column is checked as one array of its distinct values: in the extension zod runs
     * without eval, where an object check per row was most of an import's validation.
     * @example checker.checkColumns('order', shared, { orderId: ['1', '2'], sku: ['A', 'A'], ... }, 2)
     */
    checkColumns(kind: Kind, shared: SharedValues, columns: Readonly<Record<string, readonly unknown[]>>, n: number): Observation[] | undefined {
      const none: readonly unknown[] = [];
      return checkBlock(kind, shared, n, rowOfColumns(columns, 0), (field) => (Object.hasOwn(columns, field) ? columns[field]! : none), true);
    },
    /**
     * The rows `{ kind, ...shared, ...row }`, as `check` gives them when it accepts every one;
     * undefined when it would refuse one. Checked as `checkColumns` does.
     * @example checker.checkRows('order', shared, [{ orderId: '1', sku: 'A', ... }])
     */
    checkRows(kind: Kind, shared: SharedValues, rows: readonly Record<string, unknown>[]): Observation[] | undefined {
      return checkBlock(kind, shared, rows.length, rows[0] ?? {}, (field) => rows.map((row) => row[field]), false);
    },
  };
}

/** A block's values of one field, row i's at i. */
type ColumnOf = (field: string) => readonly unknown[];

/**
 * A block's rows, its shared values already checked (`set`): each other field's column checked
 * as one array of its distinct values; undefined when a value is refused.
 */
function rowsByColumn(set: CheckedSet, n: number, column: ColumnOf, nullIsNone: boolean): Observation[] | undefined {
  const parsed: unknown[][] = [];
  for (const field of set.ownFields) {
    const values = distinctValues(column(field), n, nullIsNone);
    const checked = columnSchema(set.kind, field).safeParse(values.distinct);
    if (!checked.success) return undefined;
    const data = checked.data as unknown[];
    // A record's parsed value is a record of the same primitives (row schemas transform nothing): a shallow copy is the row's own.
    parsed.push(values.rowIndex.map((at) => (values.copied[at] ? { ...(data[at] as object) } : data[at])));
  }
  const rows: Observation[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = { kind: set.kind };
    for (let f = 0; f < set.ownFields.length; f++) {
      const value = parsed[f]![i];
      if (value !== undefined) row[set.ownFields[f]!] = value;
    }
    for (const field of set.fields) row[field] = set.values[field];
    rows[i] = row as Observation;
  }
  return rows;
}

/**
 * Row i of a block given by column, as the fields it has (null or undefined: none).
 * @example rowOfColumns({ sku: ['A', 'B'], quantity: [1, null] }, 1) // { sku: 'B' }
 */
export function rowOfColumns(columns: Readonly<Record<string, readonly unknown[]>>, i: number): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const field of Object.keys(columns)) {
    const value = columns[field]![i];
    if (value !== null && value !== undefined) own[field] = value;
  }
  return own;
}

/**
 * A column's distinct values (with `nullIsNone`, null is read as none, i.e. undefined; a
 * column shorter than the block has none in its other rows) and each row's index among them.
 * Equal records of strings and numbers (money) are one entry, found by their JSON text;
 * `copied` marks those entries, whose parsed value each row gets a copy of (rows never share
 * an object).
 */
function distinctValues(column: readonly unknown[], n: number, nullIsNone: boolean): { distinct: unknown[]; rowIndex: number[]; copied: boolean[] } {
  const distinct: unknown[] = [];
  const copied: boolean[] = [];
  // Primitives by value, records by their text (apart: a string may read like a record's text).
  const indexOfValue = new Map<unknown, number>();
  const indexOfRecord = new Map<string, number>();
  const rowIndex = new Array<number>(n);
  let previous: unknown;
  let previousAt = -1;
  for (let i = 0; i < n; i++) {
    const value = nullIsNone ? (column[i] ?? undefined) : column[i];
    const isObject = typeof value === 'object' && value !== null;
    // Runs of one value (a status, a day, an order's lines) skip the Map.
    if (previousAt >= 0 && !isObject && Object.is(value, previous)) {
      rowIndex[i] = previousAt;
      continue;
    }
    const key = isObject ? recordKey(value) : undefined;
    // A Map takes -0 for 0: a -0 is its own entry.
    const byValue = !isObject && !Object.is(value, -0);
    let at = byValue ? indexOfValue.get(value) : key === undefined ? undefined : indexOfRecord.get(key);
    if (at === undefined) {
      at = distinct.push(value) - 1;
      copied.push(key !== undefined);
      if (byValue) indexOfValue.set(value, at);
      else if (key !== undefined) indexOfRecord.set(key, at);
    }
    rowIndex[i] = at;
    previous = value;
    previousAt = at;
  }
  return { distinct, rowIndex, copied };
}

/**
 * The JSON text of a plain record of strings and finite numbers (not -0, which JSON writes as
 * 0), else undefined: equal texts are equal records.
 * @example recordKey({ amountMinor: 1299, currency: 'USD' }) // '{"amountMinor":1299,"currency":"USD"}'
 */
function recordKey(value: object): string | undefined {
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  for (const member of Object.values(value)) {
    if (typeof member === 'string') continue;
    if (typeof member !== 'number' || !Number.isFinite(member) || Object.is(member, -0)) return undefined;
  }
  return JSON.stringify(value);
}

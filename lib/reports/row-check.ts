/**
 * Checking imported rows with their row schema when many rows share some values. A report's
 * rows share their context (platform, source, reading time and day, usually the marketplace),
 * and a packed import batch says outright which values all its rows share. A shared value is
 * the same in every row, so checking it once is checking it in each: the first row with a given
 * set of shared values is checked whole, and later rows only on their own fields. Checking the
 * shared date-time and days on each of 500,000 order lines was about 40% of the background's
 * validation of an import (2026-12-04, Chromium without eval, as the extension runs zod).
 */
import type { z } from 'zod';
import { listingObservationSchema, orderObservationSchema, type Observation } from '../records';

type Kind = Observation['kind'];
/** A value rows may share: primitives only (an object would be one object in every row). */
export type SharedValue = string | number | boolean;
/** The values rows share, by field. */
export type SharedValues = Readonly<Record<string, SharedValue>>;
type Checked = { success: true; data: Observation } | { success: false; error: z.ZodError };

/** Each kind's row schema. */
const ROW_SCHEMAS = { listing: listingObservationSchema, order: orderObservationSchema } as const;

/** Distinct sets of shared values or fields remembered at most: imports use a few, a forged batch could name many. */
const MAX_REMEMBERED = 64;

/**
 * A checker for the rows of a batch or file: `check(kind, shared, own)` parses the row
 * `{ kind, ...shared, ...own }` with the kind's row schema (shared wins over own), accepting and
 * refusing exactly what a whole-row check would. Pass the same `shared` object while its values
 * stay the same, and never change it after.
 * @example const checker = createRowChecker(); checker.check('order', { platform: 'amazon', ... }, { orderId, sku, ... })
 */
export function createRowChecker() {
  /** A checked set of shared values: its values as the schema gave them back, and the schema of the other fields. */
  interface CheckedSet {
    kind: Kind;
    fields: string[];
    values: Record<string, unknown>;
    own: z.ZodType;
  }
  /** Shared value sets already checked, by text. */
  const checkedSets = new Map<string, CheckedSet>();
  /** The last set used, compared by identity first (callers pass the same object for the same values). */
  let last: { shared: SharedValues; set: CheckedSet } | undefined;
  /** Schemas of the fields rows do not share, per kind and shared fields. */
  const ownSchemas = new Map<string, z.ZodType>();

  const ownSchema = (kind: Kind, sharedFields: readonly string[]): z.ZodType => {
    const key = `${kind}|${sharedFields.join(',')}`;
    let schema = ownSchemas.get(key);
    if (!schema) {
      if (ownSchemas.size >= MAX_REMEMBERED) ownSchemas.clear();
      const omitted = Object.fromEntries(['kind', ...sharedFields].map((f) => [f, true] as const)) as Record<string, true> & Record<number, never>;
      schema = (ROW_SCHEMAS[kind] as unknown as z.ZodObject).omit(omitted);
      ownSchemas.set(key, schema);
    }
    return schema;
  };

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
    const set = { kind, fields, values: Object.fromEntries(fields.map((f) => [f, row[f]])), own: ownSchema(kind, fields) };
    checkedSets.set(`${kind}|${JSON.stringify(shared)}`, set);
    last = { shared, set };
  };

  return {
    check(kind: Kind, shared: SharedValues, own: Record<string, unknown>): Checked {
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
    },
  };
}

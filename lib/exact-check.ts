/**
 * A fast "this value is already what the schema would give back" check, built from a zod schema
 * once. Why: zod cannot compile its parsers where eval is forbidden (the extension's pages and
 * service worker), and the plan save checks every plan the re-plan moved: 31–63 µs per stored plan
 * in the store bench's Chromium (2026-12-05), ~160 ms of a 5,000-row page's re-plan, and a deep
 * copy of each plan as garbage; a page's 1,833 or 2,500 readings took 11–39 ms of zod at each end of
 * its message. Our own plans and messages pass nearly always and need no copy, so the check only
 * has to be sure of the common case; zod stays the judge of everything else (safeParseFast,
 * parseFast: zod's result, without its work when the check is sure).
 *
 * The answer is one-sided: `true` means zod accepts the value and its parsed output equals it
 * (the same keys with the same values, plain objects and arrays; symbol keys, which structured
 * clone drops anyway, are not looked at on objects). `false` says nothing: the caller parses with
 * zod as before (for the issues, the defaults it fills, the keys it strips). The check follows zod
 * 4's own code for the schema kinds it knows (string, number, boolean, null, unknown, enum, literal,
 * nullable, optional, default, array, strip-mode object, record with string keys, union in
 * order), spells out the common checks (lengths in code points, regex and date formats, safe
 * integers, bounds) and runs any other check as zod runs it (zodsOwn); a schema using another
 * kind, a check that rewrites the value, or a check on an object gets a check that always says
 * `false` (exactCheckOrNull says null).
 */
import type { z } from 'zod';
import { util } from 'zod/v4/core';

/** 0: zod refuses the value; 1: not sure (or zod would give back another value); 2: accepted as it is. */
type Verdict = 0 | 1 | 2;
type Node = (value: unknown) => Verdict;

/** A schema as this module reads it: zod 4's internals (`_zod.def`, `_zod.values`, `_zod.optin`). */
interface Internals {
  _zod: {
    def: { type: string; checks?: Check[]; coerce?: boolean; [key: string]: unknown };
    values?: Set<unknown>;
    optin?: 'optional' | 'defaulted';
  };
}
/** A check as zod keeps it: its definition and the function zod runs on a parse payload. */
interface Check {
  _zod: { def: CheckDef; check?: (payload: { value: unknown; issues: unknown[] }) => unknown };
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: unknown;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  when?: (payload: { value: unknown; issues: unknown[] }) => boolean;
}

/** Thrown while compiling: the schema uses something the check does not know. */
class Unsupported extends Error {}

/**
 * The check of `schema`; one that always answers false when the schema uses something this
 * module does not know.
 * @example exactCheck(z.object({ a: z.number().int() }))({ a: 1 }) // true
 * @example exactCheck(z.object({ a: z.number().int() }))({ a: 1, b: 2 }) // false: zod would strip `b`
 */
export function exactCheck(schema: z.ZodType): (value: unknown) => boolean {
  return exactCheckOrNull(schema) ?? (() => false);
}

/** Each schema's check, compiled on first use (safeParseFast, parseFast). */
const compiledChecks = new WeakMap<z.ZodType, (value: unknown) => boolean>();

function cachedCheck(schema: z.ZodType): (value: unknown) => boolean {
  let check = compiledChecks.get(schema);
  if (!check) compiledChecks.set(schema, (check = exactCheck(schema)));
  return check;
}

/**
 * schema.safeParse(value), with the value itself as the data when exactCheck says zod would give
 * it back as it is (then it is not copied either).
 * @example safeParseFast(z.object({ a: z.number() }), { a: 1 }) // { success: true, data: the same object }
 */
export function safeParseFast<T>(schema: z.ZodType<T>, value: unknown): { success: true; data: T } | { success: false; error: z.ZodError<T> } {
  if (cachedCheck(schema)(value)) return { success: true, data: value as T };
  const parsed = schema.safeParse(value);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, error: parsed.error };
}

/**
 * schema.parse(value) as safeParseFast: throws zod's error when the value fails.
 * @example parseFast(z.number().int(), 1.5) // throws
 */
export function parseFast<T>(schema: z.ZodType<T>, value: unknown): T {
  return cachedCheck(schema)(value) ? (value as T) : schema.parse(value);
}

/**
 * exactCheck, or null when the schema uses a kind or check this module does not know.
 * @example exactCheckOrNull(z.string().transform((s) => s.length)) // null
 */
export function exactCheckOrNull(schema: z.ZodType): ((value: unknown) => boolean) | null {
  try {
    const node = compile(schema as unknown as Internals);
    return (value) => node(value) === 2;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

function compile(schema: Internals): Node {
  const def = schema._zod.def;
  if (def.coerce) throw new Unsupported('coerce');
  const kind = KINDS[def.type];
  if (!kind) throw new Unsupported(def.type);
  return kind(schema);
}

const KINDS: Record<string, (schema: Internals) => Node> = {
  string: (s) => {
    const checks = (s._zod.def.checks ?? []).map(stringCheck);
    return (v) => (typeof v === 'string' && passesAll(checks, v) ? 2 : 0);
  },
  number: (s) => {
    const checks = (s._zod.def.checks ?? []).map(numberCheck);
    // As $ZodNumber: NaN and the infinities are not numbers.
    return (v) => (typeof v === 'number' && Number.isFinite(v) && passesAll(checks, v) ? 2 : 0);
  },
  boolean: (s) => {
    noChecks(s);
    return (v) => (typeof v === 'boolean' ? 2 : 0);
  },
  null: (s) => {
    noChecks(s);
    return (v) => (v === null ? 2 : 0);
  },
  // $ZodUnknown gives back whatever it is given, the same value.
  unknown: (s) => {
    noChecks(s);
    return () => 2;
  },
  enum: valuesOf,
  literal: valuesOf,
  nullable: (s) => {
    const inner = compile(innerOf(s));
    return (v) => (v === null ? 2 : inner(v));
  },
  optional: (s) => {
    const inner = compile(innerOf(s));
    return (v) => (v === undefined ? 2 : inner(v));
  },
  // Undefined is filled with the default: accepted, but not given back as it is.
  default: (s) => {
    const inner = compile(innerOf(s));
    return (v) => (v === undefined ? 1 : inner(v));
  },
  array: compileArray,
  object: compileObject,
  record: compileRecord,
  union: (s) => {
    noChecks(s);
    const options = (s._zod.def.options as Internals[]).map(compile);
    // zod gives back the first option that accepts: an earlier one that might is "not sure".
    return (v) => {
      for (const option of options) {
        const verdict = option(v);
        if (verdict !== 0) return verdict;
      }
      return 0;
    };
  },
};

/** Whether `v` passes every check (a loop: this runs for every field of every plan saved). */
function passesAll<T>(checks: readonly ((v: T) => boolean)[], v: T): boolean {
  for (let i = 0; i < checks.length; i++) if (!checks[i]!(v)) return false;
  return true;
}

function noChecks(s: Internals): void {
  if ((s._zod.def.checks ?? []).length > 0) throw new Unsupported(`${s._zod.def.type} checks`);
}

function innerOf(s: Internals): Internals {
  noChecks(s);
  return s._zod.def.innerType as Internals;
}

function valuesOf(s: Internals): Node {
  noChecks(s);
  const values = s._zod.values;
  if (!(values instanceof Set)) throw new Unsupported(`${s._zod.def.type} without values`);
  return (v) => (values.has(v) ? 2 : 0);
}

function stringCheck(check: Check): (v: string) => boolean {
  const c = check._zod.def;
  // Lengths count code points, as $ZodCheckMinLength and its kin do.
  if (c.check === 'min_length') return (v) => util.codePointLength(v) >= c.minimum!;
  if (c.check === 'max_length') return (v) => util.codePointLength(v) <= c.maximum!;
  if (c.check === 'length_equals') return (v) => util.codePointLength(v) === c.length;
  // Formats whose check is their pattern alone ($ZodCheckStringFormat, $ZodCheckRegex, $ZodISODateTime, $ZodISODate).
  if (c.check === 'string_format' && (c.format === 'regex' || c.format === 'datetime' || c.format === 'date') && c.pattern instanceof RegExp) {
    const pattern = c.pattern;
    return (v) => {
      pattern.lastIndex = 0;
      return pattern.test(v);
    };
  }
  return zodsOwn(check);
}

function numberCheck(check: Check): (v: number) => boolean {
  const c = check._zod.def;
  if (c.check === 'number_format' && c.format === 'safeint') return Number.isSafeInteger;
  if (typeof c.value === 'number') {
    const bound = c.value;
    if (c.check === 'greater_than') return c.inclusive ? (v) => v >= bound : (v) => v > bound;
    if (c.check === 'less_than') return c.inclusive ? (v) => v <= bound : (v) => v < bound;
  }
  return zodsOwn(check);
}

/**
 * A check this module does not spell out (a URL, an email), run as zod runs it: on a payload of
 * its own, passing when it adds no issue and leaves the value as it was (a check that rewrites
 * the value, `overwrite` or a normalising format, is not "given back as it is"). Skipped when its
 * `when` says so, as zod skips it.
 */
function zodsOwn<T>(check: Check): (v: T) => boolean {
  const { def, check: run } = check._zod;
  if (typeof run !== 'function' || def.check === 'overwrite') throw new Unsupported(`check ${def.check} ${def.format ?? ''}`);
  return (v) => {
    const payload = { value: v as unknown, issues: [] as unknown[] };
    if (def.when && !def.when(payload)) return true;
    // An async check answers later: not sure now.
    if (run(payload) instanceof Promise) return false;
    return payload.issues.length === 0 && payload.value === v;
  };
}

function compileArray(s: Internals): Node {
  const element = compile(s._zod.def.element as Internals);
  const lengths = (s._zod.def.checks ?? []).map((c) => arrayCheck(c._zod.def));
  return (v) => {
    if (!Array.isArray(v) || !passesAll(lengths, v.length)) return 0;
    // zod gives back a new array of the elements: without holes, and without any other own key.
    let verdict: Verdict = Object.keys(v).length === v.length ? 2 : 1;
    // Every index, holes too (zod reads a hole as undefined).
    for (let i = 0; i < v.length; i++) {
      const each = element(v[i]);
      if (each === 0) return 0;
      if (each < verdict) verdict = each;
    }
    return verdict;
  };
}

function arrayCheck(c: CheckDef): (length: number) => boolean {
  if (c.check === 'min_length') return (n) => n >= c.minimum!;
  if (c.check === 'max_length') return (n) => n <= c.maximum!;
  if (c.check === 'length_equals') return (n) => n === c.length;
  throw new Unsupported(`array check ${c.check}`);
}

/** A strip-mode object (unknown keys dropped): a catchall (strict, passthrough) is not known here. */
function compileObject(s: Internals): Node {
  noChecks(s);
  if (s._zod.def.catchall !== undefined) throw new Unsupported('object catchall');
  const shape = s._zod.def.shape as Record<string, Internals>;
  if (Object.getOwnPropertySymbols(shape).length > 0) throw new Unsupported('symbol keys');
  const keys = Object.keys(shape);
  const nodes = keys.map((key) => compile(shape[key]!));
  const absent = keys.map((key) => absentVerdict(shape[key]!));
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 0;
    const record = v as Record<string, unknown>;
    let verdict: Verdict = plainPrototype(v) ? 2 : 1;
    let present = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      // As zod's handlePropertyResult: `key in input`, not own keys only.
      let each: Verdict;
      if (key in record) {
        present++;
        each = nodes[i]!(record[key]);
      } else each = absent[i]!;
      if (each === 0) return 0;
      if (each < verdict) verdict = each;
    }
    // No key beyond the shape's (zod strips them): as many enumerable keys as shape keys present.
    if (verdict === 2) {
      let enumerable = 0;
      for (const _ in record) enumerable++;
      if (enumerable !== present) return 1;
    }
    return verdict;
  };
}

/**
 * A field the object lacks: an optional one stays absent (2), a default is filled in (1), a
 * required one is refused (0; zod's "nonoptional"), and anything else optional-in is not sure.
 */
function absentVerdict(field: Internals): Verdict {
  if (field._zod.def.type === 'optional') return 2;
  if (field._zod.def.type === 'default') return 1;
  return field._zod.optin === undefined ? 0 : 1;
}

/** A record of string keys ($ZodRecord's own enumerable keys, symbols included: they fail a string key). */
function compileRecord(s: Internals): Node {
  noChecks(s);
  const keyType = s._zod.def.keyType as Internals;
  if (keyType._zod.def.type !== 'string' || (keyType._zod.def.checks ?? []).length > 0 || keyType._zod.def.coerce || s._zod.def.mode !== undefined) {
    throw new Unsupported('record key type');
  }
  const value = compile(s._zod.def.valueType as Internals);
  return (v) => {
    // Records accept what zod's own isPlainObject accepts.
    if (!util.isPlainObject(v)) return 0;
    let verdict: Verdict = plainPrototype(v) ? 2 : 1;
    for (const key of Reflect.ownKeys(v)) {
      if (!Object.prototype.propertyIsEnumerable.call(v, key)) continue;
      if (typeof key !== 'string') return 0;
      // zod skips a `__proto__` key: the output lacks it.
      if (key === '__proto__') {
        verdict = 1;
        continue;
      }
      const each = value((v as Record<string, unknown>)[key]);
      if (each === 0) return 0;
      if (each < verdict) verdict = each;
    }
    return verdict;
  };
}

/** Whether the value's prototype is Object's, as zod's output objects' is. */
function plainPrototype(v: object): boolean {
  return Object.getPrototypeOf(v) === Object.prototype;
}

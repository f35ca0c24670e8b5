import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exactCheck, exactCheckOrNull, parseFast, safeParseFast } from './exact-check';
import { protocol } from './messaging/protocol';
import { input, constantSeries, TODAY } from './planning/decisions/test-situation';
import { planListing } from './planning/plan-listing';
import { skuPlanSchema, type SkuPlan } from './planning/types';
import { isoDateSchema, isoDateTimeSchema } from './records';
import { defaultSettings } from './settings/schema';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);

/** The check's promise: true only when zod accepts the value and gives it back as it is. */
function expectSound(schema: z.ZodType, check: (v: unknown) => boolean, value: unknown): void {
  if (!check(value)) return;
  const parsed = schema.safeParse(value);
  expect(parsed.success).toBe(true);
  expect(isDeepStrictEqual(parsed.data, value)).toBe(true);
}

/** Small schemas covering every kind and check the module knows. */
const SCHEMAS = {
  string: z.string().min(2).max(4),
  date: isoDateSchema,
  dateTime: isoDateTimeSchema,
  count: z.number().int().nonnegative(),
  ratio: z.number().positive().max(1),
  bool: z.boolean(),
  word: z.enum(['a', 'b']),
  one: z.literal('one'),
  nothing: z.null(),
  maybe: z.number().int().nullable(),
  absent: z.string().optional(),
  filled: z.number().default(3),
  list: z.array(z.number().int()).max(3),
  table: z.record(z.string(), z.number().int().nonnegative()),
  anything: z.record(z.string(), z.unknown()),
  loose: z.object({ u: z.unknown() }),
  either: z.union([z.number().nonnegative(), z.enum(['no-sales', 'unknown'])]),
  shapes: z.union([z.object({ a: z.number() }), z.object({ a: z.number(), b: z.string() })]),
  object: z.object({ n: z.number().int(), s: z.string().optional(), d: z.number().default(1), inner: z.object({ x: z.boolean() }).nullable() }),
  // Checks run as zod runs them (zodsOwn): a URL (zod trims it), a refinement.
  link: z.string().url().max(40),
  above: z.number().refine((n) => n > 1),
};

/** Values of every kind the checks tell apart (and some no schema here accepts). */
const leaf = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    1.5,
    3,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    'a',
    'b',
    'ab',
    'abcd',
    'abcde',
    '😀😀',
    '😀😀😀😀😀',
    'one',
    'no-sales',
    '2024-02-29',
    '2023-02-30',
    '2024-5-1',
    '2024-05-10T12:00:00.000Z',
    '2024-05-10T12:00:00+02:00',
    '2024-05-10 12:00',
    'https://sellercentral.amazon.com/x',
    ' https://a.b ',
    'mailto:a@b',
    'https://' + 'a'.repeat(40),
    null,
    undefined,
    true,
    false,
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 6 }),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object'), tie('odd')),
  array: fc.array(tie('any'), { maxLength: 4 }),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'n', 's', 'd', 'x', 'inner', 'extra', '__proto__'), tie('any'), { maxKeys: 5 }),
  // Objects zod treats apart: a class instance, a date, no prototype, a symbol key (records refuse it).
  odd: fc.constantFrom(new Date(0), new (class Thing {})(), Object.assign(Object.create(null) as object, { x: true, a: 1 }), { [Symbol('s')]: 1 }, [1, , 3]),
})).any;

describe('exactCheck', () => {
  it('knows every kind the plan schema and the page messages use', () => {
    expect(exactCheckOrNull(skuPlanSchema)).not.toBeNull();
    // The messages a page read sends and is answered with, thousands of rows each (lib/messaging/rpc.ts).
    for (const type of ['page/ingest', 'panels/stored', 'inbound/shipments-read'] as const) {
      expect(exactCheckOrNull(protocol[type].request), `${type} request`).not.toBeNull();
      expect(exactCheckOrNull(protocol[type].response), `${type} response`).not.toBeNull();
    }
    for (const schema of Object.values(SCHEMAS)) expect(exactCheckOrNull(schema)).not.toBeNull();
  });

  it('answers false for schemas it does not know, leaving them to zod', () => {
    expect(exactCheckOrNull(z.string().transform((s) => s.length))).toBeNull();
    expect(exactCheckOrNull(z.object({ a: z.number() }).refine((o) => o.a > 1))).toBeNull();
    expect(exactCheckOrNull(z.strictObject({ a: z.number() }))).toBeNull();
    expect(exactCheckOrNull(z.string().trim())).toBeNull();
    expect(exactCheck(z.coerce.number())(1)).toBe(false);
  });

  it('says true only for values zod accepts and gives back as they are', () => {
    const checks = Object.values(SCHEMAS).map((schema) => [schema, exactCheck(schema)] as const);
    fc.assert(
      fc.property(value, (v) => {
        for (const [schema, check] of checks) expectSound(schema, check, v);
      }),
      { numRuns: RUNS },
    );
  });

  it('says true for the values zod gives back unchanged (the fast path is taken)', () => {
    const checks = Object.entries(SCHEMAS).map(([name, schema]) => [name, schema, exactCheck(schema)] as const);
    fc.assert(
      fc.property(value, (v) => {
        for (const [name, schema, check] of checks) {
          const parsed = schema.safeParse(v);
          // A union's first option that accepts wins: when it strips, the value is not given back.
          if (!parsed.success || !isDeepStrictEqual(parsed.data, v) || name === 'shapes') continue;
          expect(check(v), `${name}: ${String(JSON.stringify(v))}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('tells the cases zod changes from the ones it gives back', () => {
    const object = exactCheck(SCHEMAS.object);
    expect(object({ n: 1, d: 2, inner: null })).toBe(true);
    expect(object({ n: 1, s: undefined, d: 2, inner: { x: true } })).toBe(true);
    // A default filled in, an unknown key stripped, a missing required field.
    expect(object({ n: 1, inner: null })).toBe(false);
    expect(object({ n: 1, d: 2, inner: null, extra: 1 })).toBe(false);
    expect(object({ d: 2, inner: null })).toBe(false);
    expect(exactCheck(SCHEMAS.shapes)({ a: 1, b: 'x' })).toBe(false);
    expect(exactCheck(SCHEMAS.string)('😀😀😀😀😀')).toBe(false);
    expect(exactCheck(SCHEMAS.string)('😀😀')).toBe(true);
    expect(exactCheck(SCHEMAS.dateTime)('2024-05-10T12:00:00+02:00')).toBe(true);
    expect(exactCheck(SCHEMAS.date)('2024-5-1')).toBe(false);
    expect(exactCheck(SCHEMAS.count)(2 ** 53)).toBe(false);
    // A check spelled out nowhere here runs as zod runs it: a URL is one, and zod trims it.
    const url = exactCheck(z.string().url());
    expect(url('https://sellercentral.amazon.com/inventory')).toBe(true);
    expect(url(' https://sellercentral.amazon.com/inventory')).toBe(false);
    expect(url('not a url')).toBe(false);
    const above = exactCheck(z.number().refine((n) => n > 1));
    expect([above(2), above(1)]).toEqual([true, false]);
  });

  it('parses as zod does, keeping the value itself when zod would give it back as it is', () => {
    const value = { n: 1, d: 2, inner: null };
    expect(safeParseFast(SCHEMAS.object, value)).toEqual({ success: true, data: value });
    expect(parseFast(SCHEMAS.object, value)).toBe(value);
    const filled = parseFast(SCHEMAS.object, { n: 1, inner: null });
    expect(filled).toEqual({ n: 1, d: 1, inner: null });
    const refused = safeParseFast(SCHEMAS.object, { n: 1.5, d: 2, inner: null });
    expect(refused.success).toBe(false);
    expect(refused.success ? [] : refused.error.issues.map((i) => i.path.join('.'))).toEqual(['n']);
    expect(() => parseFast(SCHEMAS.count, -1)).toThrow();
  });
});

/** Plans from the planner: plain, overstocked (a clearance), running out (alerts and a reorder). */
function planned(): SkuPlan[] {
  const settings = defaultSettings();
  const now = new Date('2026-03-01T12:00:00Z');
  return [
    planListing(input({ series: constantSeries(5), available: 300 }), settings, now),
    planListing(input({ series: constantSeries(0.2), available: 900, asOfDay: TODAY }), settings, now),
    planListing(input({ series: constantSeries(12), available: 3, inbound: 40 }), settings, now),
  ];
}

/** Every path into a value: object keys, array indices. */
function pathsOf(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap((k) => pathsOf((v as Record<string | number, unknown>)[k], [...at, k]))];
}

/** A deep copy of the plan with the value at `path` replaced (`undefined` with remove: the key deleted), or a key added. */
function mutated(plan: SkuPlan, path: (string | number)[], change: { kind: 'set'; to: unknown } | { kind: 'delete' } | { kind: 'add'; to: unknown }): unknown {
  const copy = structuredClone(plan) as unknown;
  if (path.length === 0) return change.kind === 'set' ? change.to : copy;
  const parent = path.slice(0, -1).reduce((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
  const key = path.at(-1)!;
  if (change.kind === 'set') parent[key] = change.to;
  else if (change.kind === 'delete') delete parent[key];
  else if (typeof parent[key] === 'object' && parent[key] !== null) (parent[key] as Record<string, unknown>).unknownField = change.to;
  return copy;
}

describe('exactCheck on plans', () => {
  const isExactPlan = exactCheck(skuPlanSchema);
  const plans = planned();

  it("gives the planner's own plans back as they are", () => {
    for (const plan of plans) {
      expect(isExactPlan(plan)).toBe(true);
      expectSound(skuPlanSchema, isExactPlan, plan);
    }
  });

  it('says true only for changed plans zod accepts and gives back as they are', () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), to: value }),
      fc.constant({ kind: 'delete' as const }),
      fc.record({ kind: fc.constant('add' as const), to: value }),
    );
    fc.assert(
      fc.property(fc.nat(plans.length - 1), fc.nat(), change, (which, pick, how) => {
        const plan = plans[which]!;
        const paths = pathsOf(plan);
        expectSound(skuPlanSchema, isExactPlan, mutated(plan, paths[pick % paths.length]!, how));
      }),
      { numRuns: RUNS },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameData } from './same-data';

/** JSON text with every object's keys sorted: equal data, equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}

/** The same data with every object's keys in reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reordered(v)]),
    );
  return value;
}

describe('sameData', () => {
  it('property: agrees with comparing the JSON texts (keys sorted) on JSON data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameData(a, b)).toBe(canonical(a) === canonical(b));
        expect(sameData(a, reordered(a))).toBe(true);
        expect(sameData(a, structuredClone(a))).toBe(true);
      }),
    );
  });

  it('reads a field holding undefined as absent, and never takes a number for null', () => {
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameData({ a: Number.NaN }, { a: null })).toBe(false);
    expect(sameData({ a: Number.NaN }, { a: Number.NaN })).toBe(true);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData([undefined], [null])).toBe(false);
    expect(sameData(new Date(0), new Date(0))).toBe(true);
    expect(sameData(new Date(0), new Date(1))).toBe(false);
  });
});

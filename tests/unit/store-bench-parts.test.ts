import { describe, expect, it } from 'vitest';
import { STORE_BENCH_PARTS, storeBenchPart, storeBenchPooled } from '../../scripts/bench/store-parts';

describe('STORE_BENCH_ONLY', () => {
  it('names one part of the store bench, or none for everything; any other value is refused with the choices', () => {
    expect(storeBenchPart(undefined)).toBeUndefined();
    expect(storeBenchPart('')).toBeUndefined();
    for (const part of STORE_BENCH_PARTS) expect(storeBenchPart(part)).toBe(part);
    expect(() => storeBenchPart('replans')).toThrow('expected one of replan, queries');
  });
});

describe('STORE_BENCH_POOLED', () => {
  it('is 1 for the pooled store, unset, empty or 0 for listings alone; any other value is refused', () => {
    expect(storeBenchPooled('1')).toBe(true);
    for (const off of [undefined, '', '0']) expect(storeBenchPooled(off)).toBe(false);
    expect(() => storeBenchPooled('yes')).toThrow('STORE_BENCH_POOLED=yes: expected 1');
  });
});

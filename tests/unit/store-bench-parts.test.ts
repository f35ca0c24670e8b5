import { describe, expect, it } from 'vitest';
import { STORE_BENCH_PARTS, storeBenchPart } from '../../scripts/bench/store-parts';

describe('STORE_BENCH_ONLY', () => {
  it('names one part of the store bench, or none for everything; any other value is refused with the choices', () => {
    expect(storeBenchPart(undefined)).toBeUndefined();
    expect(storeBenchPart('')).toBeUndefined();
    for (const part of STORE_BENCH_PARTS) expect(storeBenchPart(part)).toBe(part);
    expect(() => storeBenchPart('replans')).toThrow('expected one of replan, queries');
  });
});

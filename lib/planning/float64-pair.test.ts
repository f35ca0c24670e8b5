import { describe, expect, it } from 'vitest';
import { float64Pair } from './float64-pair';

describe('float64Pair', () => {
  it('two zeroed arrays of the length that never write into each other', () => {
    const [a, b] = float64Pair(3);
    a.fill(7);
    expect([...a]).toEqual([7, 7, 7]);
    expect([...b]).toEqual([0, 0, 0]);
    b[0] = 1;
    expect(a[2]).toBe(7);
    expect(float64Pair(0).map((x) => x.length)).toEqual([0, 0]);
  });
});

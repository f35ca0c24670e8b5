import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { abcClasses } from './abc';

describe('ABC', () => {
  it('ranks by share of the total', () => {
    const c = abcClasses([
      { key: 'x', value: 80 },
      { key: 'y', value: 15 },
      { key: 'z', value: 5 },
      { key: 'w', value: 0 },
    ]);
    expect([...c.entries()].sort()).toEqual([
      ['w', 'C'],
      ['x', 'A'],
      ['y', 'B'],
      ['z', 'C'],
    ]);
  });
  it('a SKU worth more is never in a lower class', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), (values) => {
        const c = abcClasses(values.map((value, i) => ({ key: `k${i}`, value })));
        const rank = { A: 0, B: 1, C: 2 } as const;
        for (let i = 0; i < values.length; i++)
          for (let j = 0; j < values.length; j++) if (values[i]! > values[j]!) expect(rank[c.get(`k${i}`)!]).toBeLessThanOrEqual(rank[c.get(`k${j}`)!]);
      }),
    );
  });
});

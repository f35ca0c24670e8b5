import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocatePool, bufferUnits } from './allocation';

describe('pool allocation', () => {
  it('splits by weight x velocity', () => {
    expect(
      allocatePool(100, [
        { key: 'a', weight: 1, velocity: 3 },
        { key: 'b', weight: 1, velocity: 1 },
      ]),
    ).toEqual({ a: 73, b: 27 });
    expect(
      allocatePool(10, [
        { key: 'a', weight: 0, velocity: 3 },
        { key: 'b', weight: 1, velocity: 1 },
      ]),
    ).toEqual({ a: 0, b: 10 });
  });
  it('holds back each channel buffer', () => {
    const out = allocatePool(100, [
      { key: 'a', weight: 1, velocity: 1, buffer: { kind: 'percent', value: 10 } },
      { key: 'b', weight: 1, velocity: 1, buffer: { kind: 'fixed', value: 5 } },
    ]);
    expect(out.a! + out.b!).toBe(85);
    expect(bufferUnits(45, { kind: 'percent', value: 10 })).toBe(5);
  });
  it('integers summing exactly to the pool minus buffers (never negative)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(
          fc.record({
            weight: fc.double({ min: 0, max: 10, noNaN: true }),
            velocity: fc.double({ min: 0, max: 100, noNaN: true }),
            buffer: fc.option(fc.record({ kind: fc.constantFrom('percent' as const, 'fixed' as const), value: fc.integer({ min: 0, max: 50 }) }), {
              nil: undefined,
            }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (pool, members) => {
          const keyed = members.map((m, i) => ({ ...m, key: `k${i}` }));
          const out = allocatePool(pool, keyed);
          const buffers = keyed.reduce((s, m) => s + bufferUnits(pool, m.buffer), 0);
          const values = Object.values(out);
          expect(values.length).toBe(members.length);
          for (const v of values) expect(Number.isInteger(v) && v >= 0).toBe(true);
          expect(values.reduce((a, b) => a + b, 0)).toBe(Math.max(0, pool - buffers));
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasClearNegativeCycle, repairExactly } from './reconstruct-layers';

const sumRange = (a: ArrayLike<number>, from: number, to: number) => {
  let s = 0;
  for (let i = from; i <= to; i++) s += a[i]!;
  return s;
};

describe('the repair proves contradicting counts early', () => {
  it('hasClearNegativeCycle: a cycle of the edges that set the distances, only when clearly below zero', () => {
    // Edges 1 -> 0 and 0 -> 1, each the last to lower its head.
    expect(hasClearNegativeCycle(Int32Array.of(0, 1), [1, 0], [-1, 0.5])).toBe(true);
    // Within the relaxation's tolerance of zero: Bellman-Ford might still settle it.
    expect(hasClearNegativeCycle(Int32Array.of(0, 1), [1, 0], [-1, 1 - 1e-11])).toBe(false);
    // A chain to a root that no edge lowered: no cycle.
    expect(hasClearNegativeCycle(Int32Array.of(-1, 0, 1), [0, 1], [-5, -5])).toBe(false);
    // The cycle is found from a node hanging off it, and past a chain that has none.
    expect(hasClearNegativeCycle(Int32Array.of(-1, 1, 2, 3), [0, 3, 1, 2], [1, -3, 1, 1])).toBe(true);
  });

  it('property: stopping at a proven contradiction gives what running every round gives, bit for bit', () => {
    // Counts from one truth over 200 days (they agree) or nudged by a unit here and there (they
    // may not): random windows, or a daily reader's chain of 7-day windows with its 30-day ones.
    const day = fc.integer({ min: 0, max: 199 });
    const randomWindows = fc.array(fc.tuple(day, fc.integer({ min: 1, max: 60 })), { minLength: 1, maxLength: 80 });
    const dailyWindows = fc.integer({ min: 6, max: 150 }).map((first) => {
      const out: [number, number][] = [];
      for (let d = first; d < 200; d++) out.push([d, 7], [d, 30]);
      return out;
    });
    const truthArb = fc.array(fc.constantFrom(0, 0, 1, 2, 5), { minLength: 200, maxLength: 200 });
    const nudgesArb = fc.array(fc.constantFrom(0, 0, 0, 1, -1), { minLength: 400, maxLength: 400 });
    fc.assert(
      fc.property(truthArb, fc.oneof(randomWindows, dailyWindows), fc.boolean(), nudgesArb, (truth, windows, nudged, nudges) => {
        const counts = windows.map(([to, length], k) => {
          const from = Math.max(0, to - length + 1);
          return { from, to, units: Math.max(0, sumRange(truth, from, to) + (nudged ? nudges[k]! : 0)) };
        });
        const active = counts.map((_, k) => k);
        const targets = Float64Array.from(counts, (c) => c.units);
        const start = Float64Array.from(truth, (t, i) => (i % 3 === 0 ? t + 0.5 : t / 2));
        const run = (every: number) => {
          const value = start.slice();
          const met = repairExactly(counts, active, targets, new Uint16Array(200), new Uint8Array(200), value, every);
          return { met, value };
        };
        const early = run(4);
        const late = run(Infinity);
        expect(early.met).toBe(late.met);
        expect(Array.from(early.value)).toEqual(Array.from(late.value));
        if (!nudged) expect(early.met).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

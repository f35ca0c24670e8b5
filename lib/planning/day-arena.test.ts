import { describe, expect, it } from 'vitest';
import { dayArray, float64Pair, withDayArena } from './day-arena';

describe('float64Pair', () => {
  it('two zeroed arrays of the length that never write into each other', () => {
    for (const inArena of [false, true]) {
      const check = () => {
        const [a, b] = float64Pair(3);
        a.fill(7);
        expect([...a]).toEqual([7, 7, 7]);
        expect([...b]).toEqual([0, 0, 0]);
        b[0] = 1;
        expect(a[2]).toBe(7);
        expect(float64Pair(0).map((x) => x.length)).toEqual([0, 0]);
      };
      if (inArena) withDayArena(check);
      else check();
    }
  });
});

describe('withDayArena', () => {
  it('hands out zeroed arrays even where an earlier run left values', () => {
    withDayArena(() => dayArray(100).fill(9));
    withDayArena(() => expect([...dayArray(100)].every((v) => v === 0)).toBe(true));
  });

  it('reuses one buffer from run to run, and nothing outside a run shares it', () => {
    const first = withDayArena(() => dayArray(10).buffer);
    const second = withDayArena(() => dayArray(10).buffer);
    expect(second).toBe(first);
    expect(dayArray(10).buffer).not.toBe(first);
  });

  it('keeps the arrays of one run apart, also when the buffer grows during it', () => {
    withDayArena(() => {
      const arrays = Array.from({ length: 40 }, (_, k) => dayArray(1000).fill(k));
      // 40,000 days: the buffer grew at least twice; every array still holds its own value.
      arrays.forEach((a, k) => expect(a.every((v) => v === k)).toBe(true));
    });
  });

  it('shares the outer run with a nested one, and is closed again after a throw', () => {
    withDayArena(() => {
      const outer = dayArray(5).fill(1);
      withDayArena(() => dayArray(5).fill(2));
      expect([...outer]).toEqual([1, 1, 1, 1, 1]);
    });
    const inside = (() => {
      try {
        return withDayArena(() => {
          const taken = dayArray(4);
          throw Object.assign(new Error('boom'), { taken });
        });
      } catch (e) {
        return (e as { taken: Float64Array }).taken;
      }
    })();
    // After the throw no run is open: a new array is its own allocation.
    expect(dayArray(4).buffer).not.toBe(inside.buffer);
  });
});

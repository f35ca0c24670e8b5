import { describe, expect, it } from 'vitest';
import { cleanValues, seriesValues, startWeekday } from './clean-series.ts';

describe('cleanValues', () => {
  it('reads unknowns as NaN, returns as zero demand and clamps absurd values, from a list or a typed array alike', () => {
    const list = [1, null, -2, Number.POSITIVE_INFINITY, 'x', 2e12, 3.5];
    const fromList = cleanValues(list);
    expect(Array.from(fromList.y)).toEqual([1, Number.NaN, 0, Number.NaN, Number.NaN, 1e9, 3.5]);
    expect(fromList).toMatchObject({ hasUnknown: true, known: 4 });
    const fromTyped = cleanValues(Float64Array.of(1, Number.NaN, -2, Number.POSITIVE_INFINITY, Number.NaN, 2e12, 3.5));
    expect(Array.from(fromTyped.y)).toEqual(Array.from(fromList.y));
    expect(fromTyped).toMatchObject({ hasUnknown: true, known: 4 });
    expect(cleanValues([0, 1])).toMatchObject({ hasUnknown: false, known: 2 });
  });

  it('writes into the scratch when it is long enough, else into a new array', () => {
    const scratch = new Float64Array(4);
    expect(cleanValues([5, 6], scratch).y.buffer).toBe(scratch.buffer);
    expect(Array.from(scratch.subarray(0, 2))).toEqual([5, 6]);
    expect(cleanValues([1, 2, 3, 4, 5], scratch).y.buffer).not.toBe(scratch.buffer);
  });
});

describe('seriesValues and startWeekday', () => {
  it('take only a list or a typed array as history, and a weekday only for valid daily starts', () => {
    expect(seriesValues({ values: 'nope' })).toEqual([]);
    expect(seriesValues({ values: [1, 2] })).toEqual([1, 2]);
    expect(startWeekday('2024-01-07', 'D').weekdayOf0).toBe(0);
    expect(startWeekday('2024-01-07', 'W').weekdayOf0).toBeNull();
    expect(startWeekday('2024-02-30', 'D')).toEqual({ weekdayOf0: null, startDay: Number.NaN });
  });
});

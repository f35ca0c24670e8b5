import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { christmasIndices, epochDay, isClosedOnChristmas, weekdayOfEpochDay } from './calendar.ts';

describe('calendar', () => {
  it('counts days from 1970-01-01 and rejects impossible dates', () => {
    expect(epochDay('1970-01-02')).toBe(1);
    expect(epochDay('2024-03-01') - epochDay('2024-02-28')).toBe(2); // leap year
    expect(epochDay('2021-02-30')).toBeNaN();
    expect(epochDay('2021-2-3')).toBeNaN();
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekdayOfEpochDay(epochDay('2024-01-07'))).toBe(0);
    expect(weekdayOfEpochDay(epochDay('2016-04-24'))).toBe(0);
    expect(weekdayOfEpochDay(epochDay('2011-01-29'))).toBe(6);
  });

  it('finds every Christmas Day inside the history', () => {
    const start = epochDay('2011-01-29');
    const indices = christmasIndices(start, 800);
    expect(indices).toEqual([epochDay('2011-12-25') - start, epochDay('2012-12-25') - start]);
    expect(christmasIndices(epochDay('2020-12-26'), 300)).toEqual([]);
  });

  it('finds the same Christmas Days as reading every day of the history as a Date', () => {
    // From the year 327 on: Date.UTC reads years 0-99 as 1900-1999 (before and after this change).
    fc.assert(
      fc.property(fc.integer({ min: -600_000, max: 800_000 }), fc.integer({ min: 0, max: 1200 }), (start, length) => {
        const expected: number[] = [];
        for (let i = 0; i < length; i++) {
          const date = new Date((start + i) * 86_400_000);
          if (date.getUTCMonth() === 11 && date.getUTCDate() === 25) expected.push(i);
        }
        expect(christmasIndices(start, length)).toEqual(expected);
      }),
    );
    expect(christmasIndices(1e9, 400)).toEqual([]);
    expect(christmasIndices(Number.NaN, 400)).toEqual([]);
  });

  it('flags a shop as closed on Christmas only when it sold around it but not on it', () => {
    const y = new Float64Array(60).fill(3);
    y[30] = 0;
    expect(isClosedOnChristmas(y, [30])).toBe(true);
    y[30] = 2;
    expect(isClosedOnChristmas(y, [30])).toBe(false);
    expect(isClosedOnChristmas(new Float64Array(60), [30])).toBe(false); // dead item: no evidence
    expect(isClosedOnChristmas(y, [])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoDate } from '../planning/days';
import { weekStart } from './week';

describe('weekStart', () => {
  it('is the Monday on or before the date', () => {
    expect(weekStart('2026-03-02')).toBe('2026-03-02');
    expect(weekStart('2026-03-05')).toBe('2026-03-02');
    expect(weekStart('2026-03-01')).toBe('2026-02-23');
    expect(weekStart('2021-01-01')).toBe('2020-12-28');
    expect(weekStart('1970-01-01')).toBe('1969-12-29');
  });
  it('is a Monday at most six days back, for any date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (day) => {
        const monday = weekStart(isoDate(day));
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        const back = (Date.parse(`${isoDate(day)}T00:00:00Z`) - Date.parse(`${monday}T00:00:00Z`)) / 86_400_000;
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(6);
      }),
    );
  });
});

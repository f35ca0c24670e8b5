import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber, isoDate } from './days';
import { addDays, daysBetween } from '../locale/dates';

describe('day numbers', () => {
  it('cross month ends and leap days', () => {
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2023-03-01') - dayNumber('2023-02-28')).toBe(1);
    expect(isoDate(dayNumber('2024-02-28') + 1)).toBe('2024-02-29');
    expect(isoDate(dayNumber('2025-12-31') + 1)).toBe('2026-01-01');
  });
  it('reject dates that do not exist', () => {
    expect(dayNumber('2023-02-29')).toBeNaN();
    expect(dayNumber('2024-13-01')).toBeNaN();
    expect(dayNumber('24-01-01')).toBeNaN();
  });
  it('format like Date for any day from 1600 to 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (day) => {
        expect(isoDate(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });
  it('agree with lib/locale/dates for any date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: -800, max: 800 }), (day, delta) => {
        const iso = isoDate(day);
        expect(dayNumber(iso)).toBe(day);
        expect(isoDate(day + delta)).toBe(addDays(iso, delta));
        expect(daysBetween(iso, isoDate(day + delta))).toBe(delta);
      }),
    );
  });
});

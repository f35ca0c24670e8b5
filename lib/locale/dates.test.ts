import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dateOrderForCountry, daysBetween, daysLate, isoDateInZone, localIsoDate, parseDisplayDate } from './dates';

describe('dates', () => {
  it('isoDateInZone gives the marketplace day, not the UTC day', () => {
    expect(isoDateInZone(new Date('2026-03-01T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-02-28');
    expect(isoDateInZone(new Date('2026-03-01T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-03-02');
  });

  it("counts an action's days late to today, never fewer than its plan counted, and today from the local clock", () => {
    expect(daysLate('2026-12-14', '2026-12-02')).toBe(0);
    expect(daysLate('2026-12-02', '2026-12-02')).toBe(0);
    // A plan made on 12/1 said 0 days late; on 12/2 it is one.
    expect(daysLate('2026-12-01', '2026-12-02', 0)).toBe(1);
    expect(daysLate('2026-11-12', '2026-12-02')).toBe(20);
    // Planned where the marketplace's day was already ahead of the browser's.
    expect(daysLate('2026-12-02', '2026-12-02', 1)).toBe(1);
    expect(localIsoDate(new Date(2026, 11, 2, 23, 30))).toBe('2026-12-02');
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: -800, max: 800 }), (offset, n) => {
        const start = addDays('1990-01-01', offset);
        expect(daysBetween(start, addDays(start, n))).toBe(n);
      }),
    );
  });

  it.each([
    ['03/15/2026 10:11:12 PDT', 'MDY', '2026-03-15'],
    ['15/03/2026', 'DMY', '2026-03-15'],
    ['15.03.2026', 'DMY', '2026-03-15'],
    ['2026/03/15', 'YMD', '2026-03-15'],
    ['2026年3月15日', 'YMD', '2026-03-15'],
    ['Jun-29-26 16:00:01 PDT', 'MDY', '2026-06-29'],
    ['Mar 15, 2026', 'MDY', '2026-03-15'],
    ['15 Mar 2026', 'DMY', '2026-03-15'],
    ['15. März 2026', 'DMY', '2026-03-15'],
    ['06.05.25 16:00:01 MEZ', 'DMY', '2025-05-06'],
    ['2026-03-15T10:00:00Z', 'MDY', '2026-03-15'],
  ] as const)('parseDisplayDate(%s, %s) = %s', (raw, order, iso) => {
    expect(parseDisplayDate(raw, order)).toBe(iso);
  });

  it.each(['2026/02/31', '13/13/2026', '2 days ago', '', 'Mar 2026', '99/99/99'])('parseDisplayDate(%s) is undefined', (raw) => {
    expect(parseDisplayDate(raw, 'MDY')).toBeUndefined();
  });

  it('date order per country', () => {
    expect(dateOrderForCountry('US')).toBe('MDY');
    expect(dateOrderForCountry('JP')).toBe('YMD');
    expect(dateOrderForCountry('DE')).toBe('DMY');
  });
});

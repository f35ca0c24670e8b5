import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  dateOrderForCountry,
  daysBetween,
  daysLate,
  isoDateIfValid,
  isoDateInZone,
  lateness,
  localIsoDate,
  parseDisplayDate,
  readCalendarDay,
} from './dates';

describe('dates', () => {
  it('isoDateInZone gives the marketplace day, not the UTC day', () => {
    expect(isoDateInZone(new Date('2026-03-01T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-02-28');
    expect(isoDateInZone(new Date('2026-03-01T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-03-02');
  });

  it('isoDateInZone keeps each zone and instant apart when it answers again', () => {
    const instant = new Date('2026-03-01T05:00:00Z');
    const zones = ['America/Los_Angeles', 'Asia/Tokyo', 'UTC', 'Europe/Berlin', 'Asia/Tokyo', 'America/Los_Angeles'];
    expect(zones.map((z) => isoDateInZone(instant, z))).toEqual(['2026-02-28', '2026-03-01', '2026-03-01', '2026-03-01', '2026-03-01', '2026-02-28']);
    // The same zone a day later, and a Date moved in place after it was asked about.
    expect(isoDateInZone(new Date('2026-03-02T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-03-01');
    const moving = new Date('2026-03-01T05:00:00Z');
    expect(isoDateInZone(moving, 'UTC')).toBe('2026-03-01');
    moving.setTime(Date.parse('2026-07-04T12:00:00Z'));
    expect(isoDateInZone(moving, 'UTC')).toBe('2026-07-04');
    // Thousands of instants (more than are kept) each get their own day.
    for (let h = 0; h < 12_000; h++) {
      const at = new Date(Date.UTC(2026, 0, 1) + h * 3_600_000);
      expect(isoDateInZone(at, 'Asia/Tokyo')).toBe(new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10));
    }
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

  it('one calendar-day vocabulary for pages and reports: the union of both, and what follows the day', () => {
    // Report shapes pages did not read, and page shapes reports did not.
    expect(readCalendarDay('2026年6月29日 10:00', 'YMD')).toEqual({ date: '2026-06-29', rest: ' 10:00' });
    expect(readCalendarDay('15. März 2026', 'DMY')?.date).toBe('2026-03-15');
    expect(readCalendarDay('29 févr. 2028', 'DMY')?.date).toBe('2028-02-29');
    expect(readCalendarDay('3 ago 2026', 'DMY')?.date).toBe('2026-08-03');
    expect(readCalendarDay('2026-06-30T05:30:00+00:00', 'MDY')).toEqual({ date: '2026-06-30', rest: 'T05:30:00+00:00' });
    // Dotted dates are day-first wherever they are printed; a part over 12 settles the order.
    expect(parseDisplayDate('01.12.2026', 'MDY')).toBe('2026-12-01');
    expect(parseDisplayDate('31/12/2026', 'MDY')).toBe('2026-12-31');
    expect(parseDisplayDate('12/31/2026', 'DMY')).toBe('2026-12-31');
    // A year-first marketplace never writes day and month first.
    expect(parseDisplayDate('03/04/2026', 'YMD')).toBeUndefined();
  });

  it('date order per country', () => {
    expect(dateOrderForCountry('US')).toBe('MDY');
    expect(dateOrderForCountry('JP')).toBe('YMD');
    expect(dateOrderForCountry('DE')).toBe('DMY');
  });
});

describe('lateness', () => {
  it('picks the wording of a late action by the days counted to today: due today, one day, or many', () => {
    expect(lateness('2026-12-02', '2026-12-02')).toEqual({ days: 0, variant: '.today' });
    expect(lateness('2026-12-01', '2026-12-02')).toEqual({ days: 1, variant: '.oneDay' });
    expect(lateness('2026-11-12', '2026-12-02', 3)).toEqual({ days: 20, variant: '' });
    // A plan that counted more (made in a zone a day ahead) is never told as less late.
    expect(lateness('2026-12-02', '2026-12-02', 2)).toEqual({ days: 2, variant: '' });
  });
});

describe('isoDateIfValid', () => {
  it('accepts exactly the days a calendar has (the Date round trip it replaced, for every month and day of 1960-2230)', () => {
    const byDate = (y: number, m: number, d: number) => {
      const year = y < 100 ? y + 2000 : y;
      if (m < 1 || m > 12 || d < 1 || d > 31 || year < 1970 || year > 2200) return undefined;
      const iso = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      return new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso ? iso : undefined;
    };
    const differ: string[] = [];
    for (const y of [...Array.from({ length: 100 }, (_, i) => i), ...Array.from({ length: 271 }, (_, i) => 1960 + i)])
      for (let m = -1; m <= 14; m++) for (let d = -1; d <= 33; d++) if (isoDateIfValid(y, m, d) !== byDate(y, m, d)) differ.push(`${y}-${m}-${d}`);
    expect(differ).toEqual([]);
  });
});

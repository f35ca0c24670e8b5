import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateInZone, readDate, readDecimal, readMoney, readQuantity, readText, readYesNo, zonedTimeToUtc } from './values';

const LA = { timeZone: 'America/Los_Angeles', monthFirst: true };
const LONDON = { timeZone: 'Europe/London', monthFirst: false };

describe('numbers', () => {
  it('reads quantities in the marketplace format and refuses negatives, fractions and huge values', () => {
    expect(readQuantity('1,204', 'en')).toBe(1204);
    expect(readQuantity('1.204', 'de')).toBe(1204);
    expect(readQuantity('—', 'en')).toBeUndefined();
    expect(readQuantity('-3', 'en')).toEqual({ bad: 'negative quantity' });
    expect(readQuantity('2.5', 'en')).toEqual({ bad: 'not a whole number' });
    expect(readQuantity('99999999999', 'en')).toEqual({ bad: 'quantity too large' });
    expect(readQuantity('lots', 'en')).toEqual({ bad: 'not a number' });
  });

  it('reads a plain decimal written with the other convention, and says so', () => {
    expect(readDecimal('12.99', 'de')).toEqual({ value: 12.99, swapped: true });
    expect(readDecimal('12,99', 'en')).toEqual({ value: 12.99, swapped: true });
    // Three digits after the separator are a thousands group, never swapped.
    expect(readDecimal('1.234', 'de')).toEqual({ value: 1234, swapped: false });
  });

  it('reads money into minor units of the given currency', () => {
    expect(readMoney('€1.234,56', 'de', 'EUR')).toEqual({ money: { amountMinor: 123456, currency: 'EUR' }, swapped: false });
    expect(readMoney('¥1,234', 'en', 'JPY')).toEqual({ money: { amountMinor: 1234, currency: 'JPY' }, swapped: false });
    expect(readMoney('1e300', 'en', 'USD')).toEqual({ bad: 'not a number' });
  });
});

describe('dates', () => {
  it('reads eBay dates with a zone abbreviation as exact instants', () => {
    expect(readDate('Jun-29-26 16:00:01 PDT', LA)).toEqual({ date: '2026-06-29', instant: Date.parse('2026-06-29T23:00:01Z') });
  });

  it('reads ISO date-times and gives the calendar day in the marketplace zone', () => {
    expect(readDate('2026-06-30T05:30:00+00:00', LA)).toEqual({ date: '2026-06-29', instant: Date.parse('2026-06-30T05:30:00Z') });
  });

  it('reads ISO date-times with any offset, Z or fractions alike, and refuses days that do not exist', () => {
    expect(readDate('2024-02-29T23:30:00-08:00', LA)).toEqual({ date: '2024-02-29', instant: Date.parse('2024-03-01T07:30:00Z') });
    expect(readDate('2026-06-30T05:30:00.250Z', LA)).toEqual({ date: '2026-06-29', instant: Date.parse('2026-06-30T05:30:00Z') });
    expect(readDate('2026-06-30T05:30:00+05:30', LONDON)).toEqual({ date: '2026-06-30', instant: Date.parse('2026-06-30T00:00:00Z') });
    expect(readDate('2026-02-29T10:00:00+00:00', LA)).toEqual({ bad: 'not a date' });
    expect(readDate('2026-06-30T24:00:00+00:00', LA)).toEqual({ bad: 'not a date' });
  });

  it('reads bare dates as the start of that day in the zone', () => {
    expect(readDate('2026-06-29', LA)).toEqual({ date: '2026-06-29', instant: Date.parse('2026-06-29T07:00:00Z') });
  });

  it('orders slash dates by marketplace, unless a part over 12 settles it', () => {
    expect(readDate('03/04/2026', LA)).toMatchObject({ date: '2026-03-04' });
    expect(readDate('03/04/2026', LONDON)).toMatchObject({ date: '2026-04-03' });
    expect(readDate('31/12/2026', LA)).toMatchObject({ date: '2026-12-31' });
    expect(readDate('15.01.2024 10:22:33 MEZ', LONDON)).toEqual({ date: '2024-01-15', instant: Date.parse('2024-01-15T09:22:33Z') });
    expect(readDate('2026年6月29日', LA)).toMatchObject({ date: '2026-06-29' });
  });

  it('refuses impossible dates and unknown zones', () => {
    expect(readDate('2026-02-30', LA)).toEqual({ bad: 'not a date' });
    expect(readDate('Foo-12-26', LA)).toEqual({ bad: 'not a date' });
    expect(readDate('2026-06-29 10:00:00 XYZ', LA)).toEqual({ bad: 'unknown time zone' });
    expect(readDate('—', LA)).toBeUndefined();
  });

  it('converts wall-clock time across a DST change', () => {
    expect(new Date(zonedTimeToUtc(2026, 3, 8, 12, 0, 0, 'America/Los_Angeles')).toISOString()).toBe('2026-03-08T19:00:00.000Z');
    expect(new Date(zonedTimeToUtc(2026, 3, 7, 12, 0, 0, 'America/Los_Angeles')).toISOString()).toBe('2026-03-07T20:00:00.000Z');
    expect(dateInZone(Date.parse('2026-03-01T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-02-28');
  });
});

describe('text and yes/no', () => {
  it('trims and cuts text; blanks are absent', () => {
    expect(readText('  a  ', 10)).toBe('a');
    expect(readText('x'.repeat(50), 10)).toBe('x'.repeat(10));
    expect(readText('N/A', 10)).toBeUndefined();
  });
  it('reads yes/no in several languages', () => {
    expect([readYesNo('Yes'), readYesNo('是'), readYesNo('Nein'), readYesNo('いいえ'), readYesNo('?')]).toEqual([true, true, false, false, undefined]);
  });
});

describe('dateInZone against Intl, every instant', () => {
  // Zones with DST changes at different hours, half-hour and 45-minute offsets, and a
  // 30-minute DST shift (Lord Howe): the per-day offset cache must agree with Intl everywhere.
  const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Pacific/Chatham'];
  const intlDate = (instant: number, timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

  it('gives the calendar day Intl gives, across DST changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.parse('2019-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') }),
        (zone, instant) => {
          expect(dateInZone(instant, zone)).toBe(intlDate(instant, zone));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the same in runs of nearby instants, zones switching (it remembers the last day asked)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2019-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') }),
        fc.array(fc.tuple(fc.constantFrom(...ZONES), fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 })), { minLength: 2, maxLength: 30 }),
        (base, steps) => {
          for (const [zone, offset] of steps) expect(dateInZone(base + offset, zone)).toBe(intlDate(base + offset, zone));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is right every quarter hour of every day a zone changes its offset, in zones that change near midnight', () => {
    // Santiago and Havana change at local midnight, Beirut at 00:00, Lord Howe by 30 minutes:
    // there a wrong offset moves a sale to the wrong day.
    const zones = ['America/Santiago', 'America/Havana', 'Asia/Beirut', 'Australia/Lord_Howe', 'America/Los_Angeles'];
    const day = 86_400_000;
    const offsetHours = (instant: number, timeZone: string) =>
      new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
    let changeDays = 0;
    for (const zone of zones) {
      for (let start = Date.parse('2024-01-01T00:00:00Z'); start < Date.parse('2027-01-01T00:00:00Z'); start += day) {
        if (offsetHours(start, zone) === offsetHours(start + day - 1000, zone)) continue;
        changeDays++;
        for (let instant = start - 4 * 3_600_000; instant < start + day + 4 * 3_600_000; instant += 15 * 60_000) {
          expect(dateInZone(instant, zone), `${zone} ${new Date(instant).toISOString()}`).toBe(intlDate(instant, zone));
        }
      }
    }
    expect(changeDays).toBeGreaterThanOrEqual(20);
  });
});

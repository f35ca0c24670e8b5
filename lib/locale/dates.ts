/**
 * Calendar days in a marketplace's time zone. A reading taken at 01:00 UTC is still
 * "yesterday" in Los Angeles, and the sales it shows belong to that day.
 */

/**
 * The ISO calendar date of an instant in a time zone.
 * @example isoDateInZone(new Date('2026-03-01T05:00:00Z'), 'America/Los_Angeles') // '2026-02-28'
 */
export function isoDateInZone(instant: Date, timeZone: string): string {
  // A re-plan asks for "today" in each listing's zone at one instant, 10,000 times for a
  // 5,000-row page (43 ms of Temporal in its profile): the same few answers, so they are kept.
  const key = `${timeZone}\n${instant.getTime()}`;
  let day = daysInZone.get(key);
  if (day === undefined) {
    if (daysInZone.size >= 10_000) daysInZone.clear();
    daysInZone.set(key, (day = computeIsoDateInZone(instant, timeZone)));
  }
  return day;
}

const daysInZone = new Map<string, string>();

function computeIsoDateInZone(instant: Date, timeZone: string): string {
  const temporal = (globalThis as { Temporal?: TemporalDates }).Temporal;
  if (temporal) return temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
  const parts = dayFormatter(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The part of Temporal a zone's calendar date needs. Where the engine has Temporal (Chromium
 * 144 on) it is used first: the first Intl.DateTimeFormat of a page's renderer loads ICU's
 * formatting data, 30-120 ms measured in Chromium 156 on the CI machine under load (Temporal's
 * first zoned date: 1-13 ms), and the content script pays that on its first reading of a page.
 * Both give the same day (dates.test.ts compares them where Node has Temporal).
 */
interface TemporalDates {
  Instant: {
    fromEpochMilliseconds(ms: number): { toZonedDateTimeISO(timeZone: string): { toPlainDate(): { toString(): string } } };
  };
}

/** One formatter per zone: building an Intl.DateTimeFormat costs ~0.1 ms, more than formatting with it. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timeZone);
  if (!f) dayFormatters.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f;
}

/**
 * Adds whole days to an ISO date (calendar arithmetic, no time zone involved).
 * @example addDays('2026-01-31', 1) // '2026-02-01'
 */
export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 * @example daysBetween('2026-02-27', '2026-03-01') // 2
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The seller's today as an ISO date, from the browser's own clock: what an overdue action is
 * counted against in the panels, the popup and the options page.
 * @example localIsoDate(new Date(2026, 11, 2, 23, 30)) // '2026-12-02'
 */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Days an action due on `dueDate` is late on `today` (0 when it is due today or later); at
 * least the days late its plan counted (`plannedLate`), for a plan made in a zone a day ahead.
 * A stored plan from an earlier day is late by more than it said: views count to today.
 * @example daysLate('2026-12-01', '2026-12-02') // 1
 */
export function daysLate(dueDate: string, today: string, plannedLate = 0): number {
  return Math.max(0, plannedLate, daysBetween(dueDate, today));
}

/**
 * A late action counted to `today` and the variant of its message that says it: `.today` when
 * it is due today, `.oneDay` for one day late, '' for `days` days. The alerts and health
 * reasons of every view (lib/content/codes.ts, lib/export/merged.ts) word an overdue reorder by it.
 * @example lateness('2026-11-12', '2026-12-02', 3) // { days: 20, variant: '' }
 */
export function lateness(dueDate: string, today: string, plannedLate = 0): { days: number; variant: '' | '.oneDay' | '.today' } {
  const days = daysLate(dueDate, today, plannedLate);
  return { days, variant: days === 0 ? '.today' : days === 1 ? '.oneDay' : '' };
}

/** In which order a marketplace writes numeric day, month and year. */
type DateOrder = 'MDY' | 'DMY' | 'YMD';

/**
 * The order numeric dates are written in on a marketplace's pages: month first in the US,
 * year first in Japan and China, day first elsewhere.
 * @example dateOrderForCountry('GB') // 'DMY'
 */
export function dateOrderForCountry(country: string): DateOrder {
  if (country === 'US') return 'MDY';
  if (country === 'JP' || country === 'CN') return 'YMD';
  return 'DMY';
}

const MONTHS: Record<string, number> = {};
// English, German, French, Italian and Spanish month names and abbreviations (first 3+ letters).
for (const names of [
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  ['jan', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'],
  ['jan', 'fév', 'mar', 'avr', 'mai', 'jui', 'jui', 'aoû', 'sep', 'oct', 'nov', 'déc'],
  ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
]) {
  names.forEach((n, i) => {
    MONTHS[n] ??= i + 1;
  });
}
// Four-letter forms that their first three letters do not tell (French juin/juillet) or would misread.
Object.assign(MONTHS, { mrz: 3, märz: 3, juil: 7, juin: 6, sept: 9, janv: 1, févr: 2, mars: 3, août: 8 });

/** The month a name or abbreviation ("Mar", "März", "juil.", "févr") stands for. */
function monthOf(name: string): number | undefined {
  return MONTHS[name] ?? MONTHS[name.slice(0, 4)] ?? MONTHS[name.slice(0, 3)];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The ISO date of a year, month and day, if that day exists (a two-digit year is 20xx): 31
 * February and friends are refused. Arithmetic, not a Date round trip: report readers call it
 * for every date cell (two per line of a 500,000-line order history).
 * @example isoDateIfValid(2024, 2, 29) // '2024-02-29'
 * @example isoDateIfValid(2026, 2, 29) // undefined
 */
export function isoDateIfValid(y: number, m: number, d: number): string | undefined {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1970 || y > 2200) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const YEAR_FIRST = /^(\d{4})[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?/;
const NUMERIC = /^(\d{1,2})([-/.])\s*(\d{1,2})[-/.]\s*(\d{4}|\d{2})(?!\d)/;
// "Jun-29-26", "Mar 15, 2026"; "15 Mar 2026", "15. März 2026", "15 mars 2026", "29-Jun-2026".
const MONTH_FIRST = /^([a-zäéûè]{3,9})\.?[-\s]+(\d{1,2}),?[-\s,]+(\d{4}|\d{2})(?!\d)/;
const DAY_FIRST = /^(\d{1,2})\.?[-.\s]+([a-zäéûè]{3,9})\.?[-\s]+(\d{4}|\d{2})(?!\d)/;

/**
 * The calendar day a cell starts with, in every shape the three sites print on pages and in
 * reports, and what follows it (a time and zone, for readers that want the instant): the one
 * date vocabulary of page readers (parseDisplayDate) and report parsers (lib/reports/values.ts
 * readDate). Numeric day and month follow `order` (dotted dates are day-first), unless a part
 * over 12 settles it; a year-first marketplace's pages never write day and month first, so there
 * they are not read.
 * @example readCalendarDay('15.01.2024 10:22:33 MEZ', 'MDY') // { date: '2024-01-15', rest: ' 10:22:33 MEZ' }
 * @example readCalendarDay('Jun-29-26 16:00:01 PDT', 'MDY') // { date: '2026-06-29', rest: ' 16:00:01 PDT' }
 */
export function readCalendarDay(raw: string, order: DateOrder): { date: string; rest: string } | undefined {
  const s = raw.normalize('NFKC').trim().slice(0, 100);
  const lower = s.toLowerCase();
  const found = (date: string | undefined, matched: number) => (date ? { date, rest: (lower.length === s.length ? s : lower).slice(matched) } : undefined);
  let m = YEAR_FIRST.exec(lower);
  if (m) return found(isoDateIfValid(+m[1]!, +m[2]!, +m[3]!), m[0].length);
  if ((m = NUMERIC.exec(lower))) {
    if (order === 'YMD') return undefined;
    const [a, b, y] = [+m[1]!, +m[3]!, +m[4]!];
    const monthFirst = m[2] === '.' ? false : order === 'MDY';
    const date = monthFirst ? (isoDateIfValid(y, a, b) ?? isoDateIfValid(y, b, a)) : (isoDateIfValid(y, b, a) ?? isoDateIfValid(y, a, b));
    return found(date, m[0].length);
  }
  if ((m = MONTH_FIRST.exec(lower))) {
    const month = monthOf(m[1]!);
    return month ? found(isoDateIfValid(+m[3]!, month, +m[2]!), m[0].length) : undefined;
  }
  if ((m = DAY_FIRST.exec(lower))) {
    const month = monthOf(m[2]!);
    return month ? found(isoDateIfValid(+m[3]!, month, +m[1]!), m[0].length) : undefined;
  }
  return undefined;
}

/**
 * The calendar day a page prints, as an ISO date; undefined when it is not clearly a date.
 * Times and zone names after the date are ignored: the page already shows the marketplace day.
 * @example parseDisplayDate('03/15/2026 10:11:12 PDT', 'MDY') // '2026-03-15'
 * @example parseDisplayDate('15.03.2026', 'DMY') // '2026-03-15'
 * @example parseDisplayDate('2026年3月15日', 'YMD') // '2026-03-15'
 * @example parseDisplayDate('Jun-29-26 16:00:01 PDT', 'MDY') // '2026-06-29' (eBay)
 * @example parseDisplayDate('Mar 15, 2026', 'MDY') // '2026-03-15'
 */
export function parseDisplayDate(raw: string | null | undefined, order: DateOrder): string | undefined {
  return raw ? readCalendarDay(raw, order)?.date : undefined;
}

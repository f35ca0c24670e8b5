/**
 * Reading single report cells: blanks, numbers in the marketplace's format, dates in the
 * many shapes the three sites print, and text cut to schema limits. Each reader returns
 * `undefined` for "nothing there" and a `Bad` for "something there that is not a value",
 * so the caller can tell a seller which line and column to look at.
 */
import type { NumberFormat } from '../locale/markets';
import { parseDecimal } from '../locale/numbers';
import { isoDateIfValid, readCalendarDay } from '../locale/dates';

interface Bad {
  bad: string;
}
export const isBad = (v: unknown): v is Bad => typeof v === 'object' && v !== null && 'bad' in v;

/** Placeholders that mean "no value" in exported reports. */
const BLANK = /^(?:|-|--|—|–|n\/a|na|null|none|undefined|#n\/a)$/i;

/**
 * True when a cell holds nothing (empty, dash, "N/A").
 * @example isBlankCell(' — ') // true
 */
export function isBlankCell(raw: string | undefined): boolean {
  return raw === undefined || BLANK.test(raw.trim());
}

const PLAIN_INTEGER = /^\d{1,15}$/;
const PLAIN_DOT_DECIMAL = /^\d{1,15}\.\d{1,6}$/;

/** "1.234" under en fails; "12.99" under de fails: the other convention reads a plain decimal. */
const PLAIN_DECIMAL = /^[^\d]*-?\d+[.,]\d{1,2}[^\d]*$/;

/**
 * A decimal in the given format. When that fails and the cell is a plain decimal with one
 * separator and 1-2 fraction digits (which no grouping could produce), the other convention
 * is used and `swapped` is set: machine-made reports for EU sites often print "12.99".
 * @example readDecimal('1.234,56', 'de') // { value: 1234.56, swapped: false }
 * @example readDecimal('12.99', 'de') // { value: 12.99, swapped: true }
 * @example readDecimal('abc', 'en') // { bad: 'not a number' }
 */
export function readDecimal(raw: string | undefined, format: NumberFormat): { value: number; swapped: boolean } | Bad | undefined {
  if (isBlankCell(raw)) return undefined;
  const s = (raw as string).trim();
  // Fast path for the common cell (plain digits, or a dot decimal where dot is the decimal
  // separator): same result as parseDecimal, a fraction of the cost on 100,000-row files.
  if (PLAIN_INTEGER.test(s) || ((format === 'en' || format === 'ch') && PLAIN_DOT_DECIMAL.test(s))) return { value: Number(s), swapped: false };
  const value = parseDecimal(s, format);
  if (value !== undefined) return { value, swapped: false };
  if (PLAIN_DECIMAL.test(s)) {
    const other: NumberFormat = s.includes(',') ? 'de' : 'en';
    if (other !== format) {
      const v = parseDecimal(s, other);
      if (v !== undefined) return { value: v, swapped: true };
    }
  }
  return { bad: 'not a number' };
}

/**
 * A whole non-negative count of units (≤ 1e9).
 * @example readQuantity('1,204', 'en') // 1204
 * @example readQuantity('-3', 'en') // { bad: 'negative quantity' }
 */
export function readQuantity(raw: string | undefined, format: NumberFormat): number | Bad | undefined {
  const d = readDecimal(raw, format);
  if (d === undefined || isBad(d)) return d;
  if (d.value < 0) return { bad: 'negative quantity' };
  if (!Number.isInteger(d.value)) return { bad: 'not a whole number' };
  if (d.value > 1e9) return { bad: 'quantity too large' };
  return d.value;
}

/** A whole number grouped by threes with one separator used throughout: "3,218", "1.234.567", "12 000". */
const GROUPED_COUNT = /^\d{1,3}([,.\u00a0\u202f' ])\d{3}(?:\1\d{3})*$/;

/**
 * A count of units when the file may group digits either way (Business Reports downloaded
 * from amazon.de print "3,218"): a count is whole, so a separator before exactly three digits
 * can only be grouping. Anything else is read as readQuantity reads it.
 * @example readCountAnyGrouping('3,218', 'de') // 3218
 * @example readCountAnyGrouping('1.204', 'en') // 1204
 * @example readCountAnyGrouping('3,5', 'de') // { bad: 'not a whole number' }
 */
export function readCountAnyGrouping(raw: string | undefined, format: NumberFormat): number | Bad | undefined {
  if (isBlankCell(raw)) return undefined;
  const s = (raw as string).trim();
  if (GROUPED_COUNT.test(s)) {
    const value = Number(s.replace(/\D/g, ''));
    return value > 1e9 ? { bad: 'quantity too large' } : value;
  }
  return readQuantity(s, format);
}

/**
 * A decimal whose convention is read from the cell itself: with both "." and "," the last
 * one is the decimal separator; one separator used twice or more is grouping; one separator
 * used once is decimal unless exactly three digits follow it ("1,234" is ambiguous, and the
 * marketplace's format decides). `swapped` is set when the cell's convention is not the
 * marketplace's.
 * @example readDecimalByShape('17.510,95 €', 'en') // { value: 17510.95, swapped: true }
 * @example readDecimalByShape('$1,234.56', 'de') // { value: 1234.56, swapped: true }
 * @example readDecimalByShape('1,234', 'de') // { value: 1.234, swapped: false }
 */
export function readDecimalByShape(raw: string | undefined, format: NumberFormat): { value: number; swapped: boolean } | Bad | undefined {
  if (isBlankCell(raw)) return undefined;
  const s = (raw as string).trim();
  const marks = s.replace(/[^\d.,]/g, '');
  const lastDot = marks.lastIndexOf('.');
  const lastComma = marks.lastIndexOf(',');
  let decimal: '.' | ',' | undefined;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const uses = marks.split(sep).length - 1;
    const after = marks.length - marks.lastIndexOf(sep) - 1;
    if (uses > 1) decimal = sep === '.' ? ',' : '.';
    else if (after !== 3) decimal = sep;
  }
  const marketDecimal = format === 'en' || format === 'ch' ? '.' : ',';
  // The marketplace's own format when the cell agrees with it (or leaves it open): it also
  // knows the marketplace's group characters (French spaces, Swiss apostrophes).
  const use: NumberFormat = decimal === undefined || decimal === marketDecimal ? format : decimal === '.' ? 'en' : 'de';
  let value = parseDecimal(s, use);
  // "$1,234.56" in a Swiss file: the plain convention of that decimal separator.
  if (value === undefined && decimal !== undefined && use === format) value = parseDecimal(s, decimal === '.' ? 'en' : 'de');
  if (value === undefined) return { bad: 'not a number' };
  return { value, swapped: decimal !== undefined && decimal !== marketDecimal };
}

/** Currency symbols that name one currency wherever they are printed. */
const CURRENCY_SYMBOLS: [RegExp, string][] = [
  [/US\$/, 'USD'],
  [/C\$|CA\$/, 'CAD'],
  [/A\$|AU\$/, 'AUD'],
  [/MX\$/, 'MXN'],
  [/R\$/, 'BRL'],
  [/S\$/, 'SGD'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/[¥￥]|円/, 'JPY'],
  [/₹/, 'INR'],
  [/₺/, 'TRY'],
  [/zł/, 'PLN'],
];
const DOLLAR_CURRENCIES = new Set(['USD', 'CAD', 'AUD', 'MXN', 'SGD']);

/**
 * The currency a money cell's symbol names, when it names one: "17.510,95 €" is euros even
 * in a file imported for another marketplace. A bare "$" is the marketplace's dollar (USD
 * when the marketplace has none).
 * @example currencyOfSymbol('17.510,95 €', 'USD') // 'EUR'
 * @example currencyOfSymbol('$12.00', 'CAD') // 'CAD'
 * @example currencyOfSymbol('12,00', 'EUR') // undefined
 */
export function currencyOfSymbol(raw: string, marketCurrency: string): string | undefined {
  for (const [re, code] of CURRENCY_SYMBOLS) if (re.test(raw)) return code;
  if (raw.includes('$')) return DOLLAR_CURRENCIES.has(marketCurrency) ? marketCurrency : 'USD';
  return undefined;
}

/** Digits after the decimal point of a currency; JPY and KRW have none. */
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, HUF: 0, CLP: 0, KWD: 3, BHD: 3, OMR: 3, JOD: 3 };

/**
 * Minor-unit digits for a currency code.
 * @example minorDigitsOf('JPY') // 0
 */
function minorDigitsOf(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/**
 * Money in integer minor units; `swapped` as in readDecimal.
 * @example readMoney('€1.234,56', 'de', 'EUR') // { money: { amountMinor: 123456, currency: 'EUR' }, swapped: false }
 * @example readMoney('17.510,95 €', 'en', 'EUR', readDecimalByShape) // { money: { amountMinor: 1751095, currency: 'EUR' }, swapped: true }
 */
export function readMoney(
  raw: string | undefined,
  format: NumberFormat,
  currency: string,
  read: typeof readDecimal = readDecimal,
): { money: { amountMinor: number; currency: string }; swapped: boolean } | Bad | undefined {
  const d = read(raw, format);
  if (d === undefined || isBad(d)) return d;
  if (Math.abs(d.value) > 1e10) return { bad: 'amount too large' };
  return { money: { amountMinor: Math.round(d.value * 10 ** minorDigitsOf(currency)), currency }, swapped: d.swapped };
}

/**
 * A currency code cell ("usd", " EUR ").
 * @example readCurrency(' eur ') // 'EUR'
 */
export function readCurrency(raw: string | undefined): string | Bad | undefined {
  if (isBlankCell(raw)) return undefined;
  const s = (raw as string).trim().toUpperCase();
  return /^[A-Z]{3}$/.test(s) ? s : { bad: 'not a currency code' };
}

/**
 * Text cut to `max` characters (titles are data: kept verbatim, never interpreted).
 * @example readText('  Widget  ', 10) // 'Widget'
 */
export function readText(raw: string | undefined, max: number): string | undefined {
  if (isBlankCell(raw)) return undefined;
  const s = (raw as string).trim();
  return s.length > max ? s.slice(0, max) : s;
}

// ---------------------------------------------------------------------------------------
// Dates

/** Offsets (hours east of UTC) of the zone abbreviations the sites print. */
const ZONE_OFFSETS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 1,
  WEST: 1,
  IST: 5.5,
  PST: -8,
  PDT: -7,
  MST: -7,
  MDT: -6,
  CST: -6,
  CDT: -5,
  EST: -5,
  EDT: -4,
  AKST: -9,
  AKDT: -8,
  HST: -10,
  CET: 1,
  CEST: 2,
  MEZ: 1,
  MESZ: 2,
  EET: 2,
  EEST: 3,
  JST: 9,
  AEST: 10,
  AEDT: 11,
  ACST: 9.5,
  ACDT: 10.5,
  AWST: 8,
  SGT: 8,
};

const formatterCache = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatterCache.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour') % 24, mi: get('minute'), s: get('second') };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Per zone and UTC day: the offset if it holds all day, NaN if the zone changes offset that day. */
const dayOffsetCache = new Map<string, number>();
/** The last whole day zoneOffsetMs answered (a day without an offset change). */
let lastDayOffset = { day: NaN, timeZone: '', offset: 0 };
/** The last wall-clock day dateInZone wrote, and its text. */
let lastWallDay = { day: NaN, text: '' };

const offsetCache = new Map<string, number>();

/** The offset at one instant, from the zone's wall clock (one Intl call: microseconds). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((wallAsUtc - Math.floor(instant / 1000) * 1000) / 60_000) * 60_000;
}

/**
 * Milliseconds the zone's wall clock is ahead of UTC at an instant. A zone changes its offset
 * at most once a day, so when the offsets at both ends of a UTC day agree they hold all day:
 * two Intl calls per zone and day serve every row of it (a two-year order report has 500,000
 * rows over 730 days, and formatToParts costs microseconds). On a day with a change, one call
 * per quarter hour (offsets only change on quarter-hour boundaries).
 * @example zoneOffsetMs(Date.parse('2026-06-29T12:00:00Z'), 'America/Los_Angeles') // -25200000
 */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const day = Math.floor(instant / DAY);
  // A file's rows come in date order: most calls ask about the day the last one did.
  if (day === lastDayOffset.day && timeZone === lastDayOffset.timeZone) return lastDayOffset.offset;
  const dayKey = `${timeZone}|${day}`;
  let whole = dayOffsetCache.get(dayKey);
  if (whole === undefined) {
    const atStart = offsetAt(day * DAY, timeZone);
    whole = offsetAt((day + 1) * DAY - 1000, timeZone) === atStart ? atStart : NaN;
    if (dayOffsetCache.size > 50_000) dayOffsetCache.clear();
    dayOffsetCache.set(dayKey, whole);
  }
  if (!Number.isNaN(whole)) {
    lastDayOffset = { day, timeZone, offset: whole };
    return whole;
  }
  const key = `${timeZone}|${Math.floor(instant / (HOUR / 4))}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = offsetAt(instant, timeZone);
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/**
 * The calendar day of an instant in a zone.
 * @example dateInZone(new Date('2026-03-01T05:00:00Z'), 'America/Los_Angeles') // '2026-02-28'
 */
export function dateInZone(instant: Date | number, timeZone: string): string {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  const wallMs = t + zoneOffsetMs(t, timeZone);
  const day = Math.floor(wallMs / DAY);
  if (day === lastWallDay.day) return lastWallDay.text;
  const wall = new Date(wallMs);
  const text = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  // NaN (an invalid instant) never equals: only real days are remembered.
  lastWallDay = { day, text };
  return text;
}

/**
 * The instant at which a zone's wall clock shows the given time.
 * @example new Date(zonedTimeToUtc(2026, 6, 29, 0, 0, 0, 'America/Los_Angeles')).toISOString() // '2026-06-29T07:00:00.000Z'
 */
export function zonedTimeToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): number {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  let t = asUtc - zoneOffsetMs(asUtc, timeZone);
  const again = asUtc - zoneOffsetMs(t, timeZone); // the offset may differ across a DST change
  if (again !== t) t = again;
  return t;
}

interface ReportDate {
  /** Calendar day in the marketplace zone (or as written, for a bare date). */
  date: string;
  /** The instant: exact when the cell has a time, else the start of that day in the zone. */
  instant: number;
}

export interface DateContext {
  timeZone: string;
  /** Slash dates: "MM/DD" in the US, "DD/MM" elsewhere (unless a part is over 12). */
  monthFirst: boolean;
}

const TIME = String.raw`(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(am|pm|AM|PM)?)?\s*(Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{2,5})?`;
/** What may follow a report cell's calendar day: nothing, or a time with or without its zone. */
const TIME_ONLY = new RegExp(String.raw`^${TIME}$`);

function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const numeric = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
  const hours = ZONE_OFFSETS[zone.toUpperCase()];
  return hours === undefined ? undefined : hours * 60;
}

/**
 * Reads a date or date-time cell: a calendar day in any shape lib/locale/dates.ts readCalendarDay
 * knows (ISO, eBay "Jun-29-26", slash, dot and dash dates, "2026年6月29日", "15. März 2026"),
 * then an optional time and zone ("T14:22:11+00:00", " 16:00:01 PDT", " 10:22:33 MEZ"). A time
 * without a zone is wall-clock time in the marketplace zone.
 * @example readDate('Jun-29-26 16:00:01 PDT', { timeZone: 'America/Los_Angeles', monthFirst: true }) // { date: '2026-06-29', instant: Date.parse('2026-06-29T23:00:01Z') }
 * @example readDate('31/12/2026', { timeZone: 'Europe/London', monthFirst: false })?.date // '2026-12-31'
 */
export function readDate(raw: string | undefined, ctx: DateContext): ReportDate | Bad | undefined {
  if (isBlankCell(raw)) return undefined;
  const s = (raw as string).trim();
  if (s.length > 64) return { bad: 'not a date' };
  const iso = readIsoDateTime(s, ctx.timeZone);
  if (iso) return iso;
  // The calendar day in the vocabulary page readers use too (lib/locale/dates.ts), then the time.
  const day = readCalendarDay(s, ctx.monthFirst ? 'MDY' : 'DMY');
  const time = day ? TIME_ONLY.exec(day.rest) : null;
  if (!day || !time) return { bad: 'not a date' };
  const [y, mo, d] = day.date.split('-').map(Number) as [number, number, number];
  const [, hh, mm, ss, ampm, zone] = time;
  if (hh === undefined) {
    if (zone !== undefined) return { bad: 'not a date' };
    return { date: day.date, instant: zonedTimeToUtc(y, mo, d, 0, 0, 0, ctx.timeZone) };
  }
  let h = Number(hh);
  const mi = Number(mm);
  const sec = Number(ss ?? 0);
  if (ampm) {
    if (h < 1 || h > 12) return { bad: 'not a date' };
    h = (h % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (h > 23 || mi > 59 || sec > 60) return { bad: 'not a date' };
  let instant: number;
  if (zone !== undefined) {
    const offset = zoneOffsetMinutes(zone);
    if (offset === undefined) return { bad: 'unknown time zone' };
    instant = Date.UTC(y, mo - 1, d, h, mi, sec) - offset * 60_000;
  } else {
    instant = zonedTimeToUtc(y, mo, d, h, mi, sec, ctx.timeZone);
  }
  return { date: dateInZone(instant, ctx.timeZone), instant };
}

/** An ISO date-time with its offset, as Amazon's order reports write every date cell. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * readDate's answer for an ISO date-time with an offset, without the general vocabulary (a
 * 500,000-line order history has a million such cells, and the general path normalises,
 * lower-cases and matches each against several patterns); undefined for anything else or
 * anything the general path would refuse, which then reads it (and says why).
 * @example readIsoDateTime('2026-06-29T23:00:01+00:00', 'America/Los_Angeles') // { date: '2026-06-29', instant: Date.parse('2026-06-29T23:00:01Z') }
 */
function readIsoDateTime(s: string, timeZone: string): ReportDate | undefined {
  const m = ISO_DATE_TIME.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!];
  if (isoDateIfValid(y, mo, d) === undefined || h > 23 || mi > 59 || sec > 60) return undefined;
  const offsetMinutes = m[7] === undefined ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  const instant = Date.UTC(y, mo - 1, d, h, mi, sec) - offsetMinutes * 60_000;
  return { date: dateInZone(instant, timeZone), instant };
}

/**
 * Yes/no cells in the languages the sites use.
 * @example readYesNo('Ja') // true
 * @example readYesNo('maybe') // undefined
 */
export function readYesNo(raw: string | undefined): boolean | undefined {
  if (isBlankCell(raw)) return undefined;
  const s = (raw as string).trim().toLowerCase();
  if (/^(?:yes|y|true|1|ja|是|はい|oui|sì|si|sí)$/.test(s)) return true;
  if (/^(?:no|n|false|0|nein|否|いいえ|non)$/.test(s)) return false;
  return undefined;
}

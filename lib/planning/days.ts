/**
 * Calendar days as integers (days since 1970-01-01), so daily series are plain typed arrays
 * indexed by day and date arithmetic is integer arithmetic. ISO dates are calendar days in
 * the marketplace's zone (lib/records), so no time zone is involved here.
 */

const MS_PER_DAY = 86_400_000;

/** Parsed dates (bounded: cleared when it grows past 100,000). */
const dayNumbers = new Map<string, number>();

/**
 * Day number of an ISO date (NaN when it is not a real calendar date).
 * @example dayNumber('1970-01-02') // 1
 * @example dayNumber('2024-02-30') // NaN
 */
export function dayNumber(iso: string): number {
  // Reconstruction asks for the same few hundred dates over and over (several times per reading).
  let n = dayNumbers.get(iso);
  if (n === undefined) {
    if (dayNumbers.size >= 100_000) dayNumbers.clear();
    dayNumbers.set(iso, (n = parseDayNumber(iso)));
  }
  return n;
}

function parseDayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  const ms = Date.UTC(year, month, day);
  const back = new Date(ms);
  // Date.UTC rolls 2023-02-29 over to March 1st; a date that does not exist is an error, not a guess.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month || back.getUTCDate() !== day) return Number.NaN;
  return Math.round(ms / MS_PER_DAY);
}

/**
 * ISO date of a day number.
 * @example isoDate(19_782) // '2024-02-29'
 */
export function isoDate(day: number): string {
  // A plan formats the same few days (today, its stockout and reorder days) for every SKU.
  const slot = day & (ISO_CACHE_SIZE - 1);
  if (isoCacheDays[slot] === day) return isoCacheStrings[slot]!;
  const iso = formatIsoDate(day);
  isoCacheDays[slot] = day;
  isoCacheStrings[slot] = iso;
  return iso;
}

/** Recently formatted days, one per slot (day mod the size; NaN = empty). */
const ISO_CACHE_SIZE = 1024;
const isoCacheDays = new Float64Array(ISO_CACHE_SIZE).fill(Number.NaN);
const isoCacheStrings: string[] = new Array<string>(ISO_CACHE_SIZE).fill('');

function formatIsoDate(day: number): string {
  const { year, month, dayOfMonth } = civilFromDays(day);
  // Years outside 0000-9999 are not dates any page shows; let Date format them.
  if (year < 0 || year > 9999) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
}

/**
 * Year, month (1-12) and day of month of a day number, by integer arithmetic (H. Hinnant's
 * civil_from_days): the planner formats several dates per SKU, and a Date per call adds up
 * over 10,000 SKUs.
 * @example civilFromDays(19_782) // { year: 2024, month: 2, dayOfMonth: 29 }
 */
export function civilFromDays(day: number): { year: number; month: number; dayOfMonth: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, dayOfMonth };
}

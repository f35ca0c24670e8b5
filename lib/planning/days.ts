/**
 * Calendar days as integers (days since 1970-01-01), so daily series are plain typed arrays
 * indexed by day and date arithmetic is integer arithmetic. ISO dates are calendar days in
 * the marketplace's zone (lib/records), so no time zone is involved here.
 */

const MS_PER_DAY = 86_400_000;

/**
 * Day number of an ISO date (NaN when it is not a real calendar date).
 * @example dayNumber('1970-01-02') // 1
 * @example dayNumber('2024-02-30') // NaN
 */
export function dayNumber(iso: string): number {
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
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

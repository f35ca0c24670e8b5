/**
 * Calendar days in a marketplace's time zone. A reading taken at 01:00 UTC is still
 * "yesterday" in Los Angeles, and the sales it shows belong to that day.
 */

/**
 * The ISO calendar date of an instant in a time zone.
 * @example isoDateInZone(new Date('2026-03-01T05:00:00Z'), 'America/Los_Angeles') // '2026-02-28'
 */
export function isoDateInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
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

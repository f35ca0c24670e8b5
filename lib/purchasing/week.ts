/**
 * Weeks of a purchase plan: ISO weeks, which start on Monday.
 */
import { dayNumber, isoDate } from '../planning/days';

/**
 * The Monday of the ISO week an ISO date falls in.
 * @example weekStart('2026-03-05') // '2026-03-02' (a Thursday's Monday)
 * @example weekStart('2026-03-01') // '2026-02-23' (Sunday ends the ISO week)
 */
export function weekStart(date: string): string {
  const day = dayNumber(date);
  // Day 0 (1970-01-01) was a Thursday: three days after a Monday.
  return isoDate(day - ((((day + 3) % 7) + 7) % 7));
}

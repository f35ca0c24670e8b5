/**
 * Calendar helpers for daily series: weekday of each period and shop closures on fixed dates.
 * Dates are handled as whole UTC days so time zones never shift a weekday.
 */
import { civilFromDays } from '../planning/days';

const MS_PER_DAY = 86_400_000;
/** Largest distance from 1970-01-01, in days, that a Date can represent (8.64e15 ms). */
const MAX_DATE_DAY = 100_000_000;

/**
 * Whole days since 1970-01-01 for an ISO date `YYYY-MM-DD` (NaN when it is not a real date):
 * the planner's day numbers, so forecasts and plans count days the same way.
 * @example epochDay('1970-01-02') // 1
 */
export { dayNumber as epochDay } from '../planning/days';

/**
 * Day of week (0 = Sunday .. 6 = Saturday) of an epoch day.
 * @example weekdayOfEpochDay(0) // 4 (1970-01-01 was a Thursday)
 */
export function weekdayOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Indices (relative to `startDay`) of every 25 December that falls in [0, length). The list is
 * shared with the next call for the same days (read it, do not change it): a plan's series
 * mostly start on the same day and this runs for every forecast.
 * @example christmasIndices(epochDay('2020-12-20'), 10) // [5]
 */
export function christmasIndices(startDay: number, length: number): readonly number[] {
  if (startDay === lastChristmas.startDay && length === lastChristmas.length) return lastChristmas.indices;
  const indices = findChristmasIndices(startDay, length);
  lastChristmas = { startDay, length, indices };
  return indices;
}

let lastChristmas: { startDay: number; length: number; indices: readonly number[] } = { startDay: Number.NaN, length: 0, indices: [] };

function findChristmasIndices(startDay: number, length: number): number[] {
  const out: number[] = [];
  const lastDay = startDay + length - 1;
  // Days a Date can hold; beyond them there is no calendar (and no Christmas) to find.
  if (!(Math.abs(startDay) <= MAX_DATE_DAY && Math.abs(lastDay) <= MAX_DATE_DAY) || length <= 0) return out;
  // Years by integer arithmetic, not two Dates: this runs for every forecast of a plan.
  const firstYear = civilFromDays(Math.floor(startDay)).year;
  const lastYear = civilFromDays(Math.floor(lastDay)).year;
  for (let year = firstYear; year <= lastYear; year++) {
    const index = Math.round(Date.UTC(year, 11, 25) / MS_PER_DAY) - startDay;
    if (index >= 0 && index < length) out.push(index);
  }
  return out;
}

/**
 * True when the shop looks closed on Christmas Day: every 25 December in the history sold
 * nothing although the surrounding four weeks sold something. (M5 Walmart stores close on
 * that day; a seller who does sell then keeps a normal forecast.)
 * @example isClosedOnChristmas(values, christmasIndices(start, values.length)) // true for M5
 */
export function isClosedOnChristmas(values: Float64Array, christmas: readonly number[]): boolean {
  if (christmas.length === 0) return false;
  let sawBusyChristmas = false;
  for (const index of christmas) {
    const sold = values[index]!;
    if (Number.isNaN(sold)) continue;
    if (sold > 0) return false;
    let around = 0;
    for (let i = Math.max(0, index - 14); i < Math.min(values.length, index + 15); i++) {
      const v = values[i]!;
      if (i !== index && v > 0) around += v;
    }
    if (around > 0) sawBusyChristmas = true;
  }
  return sawBusyChristmas;
}

/**
 * Amazon FBA's monthly storage fee (fees.md, "Monthly storage fee"): charged per cubic foot on
 * the daily average volume held over a month, at the peak rate in October-December (about 3x).
 * Projected day by day, each day costs a 1/(days in month) share of the month's rate, so stock
 * held into the peak months costs more than the same stock sent in January.
 */
import { civilFromDays, dayNumber } from '../planning/days';
import type { Money } from '../records';
import { storageRatePerCubicFoot, type FeeSchedule, type SizeTier } from './schedules';

/** Units on hand at the end of one day. */
export interface DailyOnHand {
  date: string;
  onHand: number;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : dayNumber(`${year}-${String(month + 1).padStart(2, '0')}-01`) - dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
}

/**
 * The storage fee over `days` (each day's units x unit volume x the month's rate / days in the
 * month), rounded once; 'unknown' when the schedule does not know storage.
 * @example storageFeeOver(fba2024, 'large-standard', 0.5, [{ date: '2024-11-01', onHand: 30 }]) // 30 x 0.5 x 240 / 30 = 120 cents
 */
export function storageFeeOver(schedule: FeeSchedule, tier: SizeTier, unitCubicFeet: number, days: readonly DailyOnHand[]): Money | 'unknown' {
  const rates = schedule.storage;
  if (rates === 'unknown') return 'unknown';
  let minor = 0;
  for (const d of days) {
    const { year, month } = civilFromDays(dayNumber(d.date));
    minor += dayStorageMinor(d.onHand, unitCubicFeet, storageRatePerCubicFoot(rates, tier, month), daysInMonth(year, month));
  }
  return { amountMinor: Math.round(minor), currency: schedule.currency };
}

/**
 * storageFeeOver on consecutive days: `held.onHand[i]` units at the end of day `held.firstDay + i`.
 * The month's rate and length are looked up once per month, not per day (a plan prices several
 * 30- and 90-day windows).
 * @example storageFeeOnDays(fba2024, 'large-standard', 0.5, { firstDay: dayNumber('2024-11-01'), onHand: [30] }) // 120 cents
 */
export function storageFeeOnDays(
  schedule: FeeSchedule,
  tier: SizeTier,
  unitCubicFeet: number,
  held: { firstDay: number; onHand: ArrayLike<number> },
): Money | 'unknown' {
  const rates = schedule.storage;
  if (rates === 'unknown') return 'unknown';
  let minor = 0;
  let rate = 0;
  let length = 0;
  // The day the month in force ends (exclusive): the calendar is consulted once per month.
  let monthEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < held.onHand.length; i++) {
    const day = held.firstDay + i;
    if (day >= monthEnd) {
      const { year, month, dayOfMonth } = civilFromDays(day);
      rate = storageRatePerCubicFoot(rates, tier, month);
      length = daysInMonth(year, month);
      monthEnd = day - dayOfMonth + 1 + length;
    }
    minor += dayStorageMinor(held.onHand[i]!, unitCubicFeet, rate, length);
  }
  return { amountMinor: Math.round(minor), currency: schedule.currency };
}

/** One day's share of a month's storage, in fractional minor units (summed, then rounded once). */
function dayStorageMinor(onHand: number, unitCubicFeet: number, monthlyRate: number, daysInMonth: number): number {
  return (Math.max(0, onHand) * unitCubicFeet * monthlyRate) / daysInMonth;
}

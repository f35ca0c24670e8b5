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
    minor += (Math.max(0, d.onHand) * unitCubicFeet * storageRatePerCubicFoot(rates, tier, month)) / daysInMonth(year, month);
  }
  return { amountMinor: Math.round(minor), currency: schedule.currency };
}

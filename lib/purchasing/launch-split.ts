/**
 * The split first order of a product at launch (seed 003): order a share now (70%), and the
 * rest only after the first results, on a check-in date, so a launch that sells less than hoped
 * does not leave a whole order on the shelf.
 */
import { dayNumber, isoDate } from '../planning/days';
import { roundOrderQuantity } from '../planning/rounding';

/** The seller's defaults: 70% now (seed 003), check in 30 days after the first part arrives (a month of sales). */
export const DEFAULT_LAUNCH = { sharePct: 70, checkInDays: 30 } as const;

/** A line's launch split: the units ordered now are the line's quantity; the rest waits for the check-in. */
export interface LaunchSplit {
  sharePct: number;
  laterUnits: number;
  checkInDate: string;
}

/**
 * Splits `total` units: the share now, rounded up to the MOQ and whole cases (never more than
 * the total), the rest later. The check-in is the seller's date for this stock, else
 * `checkInDays` after the first part arrives.
 * @example launchSplit(480, { moq: 100, casePack: 24 }, { sharePct: 70, checkInDays: 30 }, '2026-05-01') // { nowUnits: 336, split: { sharePct: 70, laterUnits: 144, checkInDate: '2026-05-31' } }
 */
export function launchSplit(
  total: number,
  rule: { moq: number; casePack: number },
  setting: { sharePct: number; checkInDays: number; checkInDate?: string },
  arrival: string,
): { nowUnits: number; split: LaunchSplit } {
  const nowUnits = Math.min(total, roundOrderQuantity((total * setting.sharePct) / 100, rule));
  const checkInDate = setting.checkInDate ?? isoDate(dayNumber(arrival) + setting.checkInDays);
  return { nowUnits, split: { sharePct: setting.sharePct, laterUnits: total - nowUnits, checkInDate } };
}

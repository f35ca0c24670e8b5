/**
 * Amazon Warehousing and Distribution (AWD) charges as dated data (fees.md, "Capacity limits and
 * inbound": "AWD (from April 2025): storage $0.48 / $0.43 (auto-replenish) / $0.38 per cubic foot
 * per month; $1.35 per box in and out; transport $1.15 per cubic foot"). AWD is upstream storage
 * that refills FBA: holding stock there instead of the own warehouse costs its storage, the boxes
 * handled on the way in and out, and the transport to FBA. Amounts are integer minor units.
 *
 * Not a FeeSchedule (lib/fees/schedules.ts): AWD has no low-inventory fee, size tiers or aged
 * surcharge, and no plan holds an AWD stock yet (pools are FBA, WFS or an own warehouse): the
 * plans price only holding a capacity overflow there (lib/planning/awd-hold.ts).
 */
import { civilFromDays, dayNumber } from '../planning/days';
import type { Money } from '../records';
import { inForceOn } from './schedules';
import { daysInMonth, type DailyOnHand } from './storage-fee';

/**
 * Days from AWD to sellable at FBA when the seller has not said: fees.md gives no Amazon figure,
 * only that "one planner models the AWD-to-FBA leg as 20 days"; the seller edits it per marketplace.
 */
export const DEFAULT_AWD_LEG_DAYS = 20;

/** How AWD stock is replenished to FBA: the storage rate depends on it. */
export type AwdReplenishment = 'standard' | 'auto-replenishment';

export interface AwdSchedule {
  marketplace: string;
  /** First day in force (ISO date). */
  effective: string;
  currency: string;
  source: string;
  /** Storage per cubic foot per month, by how the stock is replenished. */
  storagePerCubicFootMinor: Readonly<Record<AwdReplenishment, number>>;
  /**
   * Storage rates fees.md lists without saying which stock pays them ($0.38): written here, once,
   * and charged by no function until Amazon's condition for them is confirmed.
   */
  storageUnexplainedPerCubicFootMinor: readonly number[];
  /** Processing per box, into AWD and out of it ("$1.35 per box in and out"). */
  processingPerBoxMinor: { inbound: number; outbound: number };
  /** Transport per cubic foot moved ("transport $1.15 per cubic foot"; fees.md does not name the leg, AWD to FBA is assumed). */
  transportPerCubicFootMinor: number;
}

/**
 * Every AWD schedule known. fees.md says "from April 2025" without a day: the 1st is assumed.
 * Only amazon.com (US dollars) is known.
 */
export const AWD_SCHEDULES: readonly AwdSchedule[] = [
  {
    marketplace: 'amazon.com',
    effective: '2025-04-01',
    currency: 'USD',
    source:
      'fees.md: AWD "from April 2025" (day not given): storage $0.48 / $0.43 (auto-replenish) / $0.38 per cubic foot per month, $1.35 per box in and out, transport $1.15 per cubic foot',
    storagePerCubicFootMinor: { standard: 48, 'auto-replenishment': 43 },
    storageUnexplainedPerCubicFootMinor: [38],
    processingPerBoxMinor: { inbound: 135, outbound: 135 },
    transportPerCubicFootMinor: 115,
  },
];

/**
 * The AWD schedule in force on `day` for a marketplace, or null (before April 2025, or a
 * marketplace without known AWD fees).
 * @example awdScheduleOn('amazon.com', '2025-06-01')?.storagePerCubicFootMinor.standard // 48
 * @example awdScheduleOn('amazon.com', '2025-03-31') // null
 */
export function awdScheduleOn(marketplace: string, day: string, schedules: readonly AwdSchedule[] = AWD_SCHEDULES): AwdSchedule | null {
  return inForceOn(schedules, marketplace, day);
}

/**
 * AWD storage over `days` (each day's units x unit volume x the monthly rate / days in the month),
 * rounded once, like FBA's monthly storage; fees.md gives AWD no peak months.
 * @example awdStorageOver(awd, 'standard', 1, thirtyDaysOf100Units) // { amountMinor: 4800, currency: 'USD' }
 */
export function awdStorageOver(schedule: AwdSchedule, replenishment: AwdReplenishment, unitCubicFeet: number, days: readonly DailyOnHand[]): Money {
  const rate = schedule.storagePerCubicFootMinor[replenishment];
  let minor = 0;
  for (const d of days) {
    const { year, month } = civilFromDays(dayNumber(d.date));
    minor += (Math.max(0, d.onHand) * unitCubicFeet * rate) / daysInMonth(year, month);
  }
  return { amountMinor: Math.round(minor), currency: schedule.currency };
}

/** What one move through AWD costs: boxes processed in and out, and the volume transported. */
export interface AwdMoveCharges {
  processing: Money;
  transport: Money;
  total: Money;
}

/**
 * The charges of moving stock through AWD: `boxesIn` received, `boxesOut` sent on, and
 * `cubicFeetMoved` transported.
 * @example awdMoveCharges(awd, { boxesIn: 10, boxesOut: 10, cubicFeetMoved: 20 }).total // { amountMinor: 5000, currency: 'USD' }
 */
export function awdMoveCharges(schedule: AwdSchedule, move: { boxesIn: number; boxesOut: number; cubicFeetMoved: number }): AwdMoveCharges {
  for (const boxes of [move.boxesIn, move.boxesOut]) {
    if (!Number.isInteger(boxes) || boxes < 0) throw new Error(`awdMoveCharges: ${boxes} is not a count of boxes`);
  }
  const money = (amountMinor: number): Money => ({ amountMinor, currency: schedule.currency });
  const processing = move.boxesIn * schedule.processingPerBoxMinor.inbound + move.boxesOut * schedule.processingPerBoxMinor.outbound;
  const transport = Math.round(Math.max(0, move.cubicFeetMoved) * schedule.transportPerCubicFootMinor);
  return { processing: money(processing), transport: money(transport), total: money(processing + transport) };
}

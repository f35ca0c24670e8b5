/**
 * Where to hold what the FBA capacity limit cuts from a shipment (fba-capacity-share.ts): the
 * own warehouse charges no marketplace fee (its cost is the seller's own and the same whether the
 * units wait or not), AWD charges storage per cubic foot per month, each box in and out, and the
 * transport per cubic foot to FBA (lib/fees/awd.ts, the schedule in force on the day the units
 * are held). Priced only where the seller says they use AWD in the marketplace
 * (`fbaFees.awdByMarketplace`), with their AWD-to-FBA days.
 *
 * How long the units wait: FBA frees room as the stock sells, so the held units go on one by one
 * at the stock's expected daily sales (a unit held behind n others waits n / sales per day); at
 * most a year, so a stock that hardly sells is priced as held for a year, never forever. Other
 * stocks of the account also free room, so this errs long (a higher AWD cost), never short.
 * Boxes: the SKU's case pack (its supplier's, else the default), one box per case; a seller who set
 * none has a case pack of 1, a box per unit, and the alert says so ("boxes of 1").
 */
import { awdMoveCharges, awdScheduleOn, awdStorageOver, AWD_SCHEDULES, type AwdSchedule, type DailyOnHand } from '../fees/index';
import type { Settings } from '../settings/schema';
import { dayNumber, isoDate } from './days';
import type { AwdHoldOption, FbaCapacityClaim } from './types';

/** The longest hold priced (days): a year. */
export const MAX_AWD_HOLD_DAYS = 365;

/** The units a capacity cut leaves to hold, and what prices holding them. */
export interface OverflowHold {
  marketplace: string;
  /** The day the cut shipment leaves, when the overflow starts waiting (ISO). */
  date: string;
  holdUnits: number;
  /** One unit's volume from the SKU's own figure; null: none known (the cost is unknown, never 0). */
  unitCubicFeet: number | null;
  /** The stock's expected sales per day: the room FBA frees for the held units each day. */
  dailyUnits: number;
  /** Units per box (case pack). */
  casePack: number;
}

/** The seller's AWD setting for a marketplace (absent: AWD not used there). */
type AwdUse = NonNullable<Settings['fbaFees']['awdByMarketplace']>[string];

/**
 * Days until FBA has room for all of `holdUnits` at `dailyUnits` a day, at most a year.
 * @example awdHoldDays(100, 5) // 20
 * @example awdHoldDays(100, 0) // 365
 */
export function awdHoldDays(holdUnits: number, dailyUnits: number): number {
  if (holdUnits <= 0) return 0;
  return dailyUnits > 0 ? Math.min(MAX_AWD_HOLD_DAYS, Math.ceil(holdUnits / dailyUnits - 1e-9)) : MAX_AWD_HOLD_DAYS;
}

/**
 * Units still waiting on each day from `date`: all of them on the first day, fewer as FBA sells.
 * @example heldDays({ date: '2026-03-01', holdUnits: 10, dailyUnits: 5, ... }) // [{ date: '2026-03-01', onHand: 10 }, { date: '2026-03-02', onHand: 5 }]
 */
function heldDays(hold: OverflowHold): DailyOnHand[] {
  const first = dayNumber(hold.date);
  return Array.from({ length: awdHoldDays(hold.holdUnits, hold.dailyUnits) }, (_, k) => ({
    date: isoDate(first + k),
    onHand: hold.holdUnits - Math.min(hold.holdUnits, Math.floor(hold.dailyUnits * k + 1e-9)),
  }));
}

/**
 * Holding a capacity overflow in AWD instead of the own warehouse: its cost (storage over the wait,
 * boxes in and out, transport to FBA) and the AWD-to-FBA days; what is missing when it cannot be
 * priced. null: the seller does not use AWD in the marketplace.
 * @example awdHoldOption({ marketplace: 'amazon.com', date: '2026-06-01', holdUnits: 300, unitCubicFeet: 0.5, dailyUnits: 10, casePack: 30 }, { enabled: true, legDays: 20 })
 * // { kind: 'priced', legDays: 20, holdDays: 30, boxes: 10, unitsPerBox: 30, storageMinor: 3720, handlingMinor: 19950, amountMinor: 23670, currency: 'USD' }
 */
export function awdHoldOption(hold: OverflowHold, awd: AwdUse | undefined, schedules: readonly AwdSchedule[] = AWD_SCHEDULES): AwdHoldOption | null {
  if (!awd?.enabled || hold.holdUnits <= 0) return null;
  const schedule = awdScheduleOn(hold.marketplace, hold.date, schedules);
  if (!schedule) return { kind: 'fee-unknown', legDays: awd.legDays };
  if (hold.unitCubicFeet === null) return { kind: 'volume-unknown', legDays: awd.legDays };
  const unitsPerBox = Math.max(1, Math.round(hold.casePack));
  const boxes = Math.ceil(hold.holdUnits / unitsPerBox);
  const storage = awdStorageOver(schedule, 'standard', hold.unitCubicFeet, heldDays(hold));
  const handling = awdMoveCharges(schedule, { boxesIn: boxes, boxesOut: boxes, cubicFeetMoved: hold.holdUnits * hold.unitCubicFeet }).total;
  return {
    kind: 'priced',
    legDays: awd.legDays,
    holdDays: awdHoldDays(hold.holdUnits, hold.dailyUnits),
    boxes,
    unitsPerBox,
    storageMinor: storage.amountMinor,
    handlingMinor: handling.amountMinor,
    amountMinor: storage.amountMinor + handling.amountMinor,
    currency: schedule.currency,
  };
}

/**
 * The AWD option for a cut shipment of a stock, from its capacity claim and the seller's AWD
 * setting for the marketplace; null: AWD not used there, or a claim from before the hold inputs.
 * @example awdOptionOfClaim(claim, { holdUnits: 500, date: '2027-01-04' }, settings)?.kind // 'priced'
 */
export function awdOptionOfClaim(
  claim: Pick<FbaCapacityClaim, 'marketplace' | 'unitCubicFeet' | 'hold'>,
  cut: { holdUnits: number; date: string },
  settings: Settings,
): AwdHoldOption | null {
  if (!claim.hold) return null;
  const hold: OverflowHold = {
    marketplace: claim.marketplace,
    date: cut.date,
    holdUnits: cut.holdUnits,
    unitCubicFeet: claim.hold.volumeKnown ? claim.unitCubicFeet : null,
    dailyUnits: claim.hold.dailyUnits,
    casePack: claim.hold.casePack,
  };
  return awdHoldOption(hold, settings.fbaFees.awdByMarketplace?.[claim.marketplace]);
}

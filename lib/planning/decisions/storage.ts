/**
 * Storage fees for the next 30 days (base fee by season plus aged surcharges on what is still
 * unsold, oldest sold first), at the rates of the schedule of the channel that holds the stock
 * (../storage-schedule.ts: FBA Amazon's, WFS Walmart's, an own warehouse none), and how many
 * units are past the first aged age.
 */
import { storageRatePerCubicFoot } from '../../fees/index';
import { cumulativeAt } from '../cover';
import { civilFromDays } from '../days';
import { itemSizeOf, unitCubicFeetOf } from '../fees-facts';
import { projectStorageFees, type PricedSchedule } from '../storage';
import { storageChargeOf } from '../storage-schedule';
import type { Decision, Situation } from './situation';

/** @example storage(situation at FBA with 200 units of which 50 are 200 days old, draft) // draft.storage.agedSurchargeMinor > 0 */
export const storage: Decision = (s, d) => {
  const charge = storageChargeOf(s.input, s.settings, s.asOfDay);
  d.aged = agedOf(s, typeof charge === 'string' ? null : charge);
  if (s.stock === null) return;
  if (typeof charge === 'string') {
    d.storage = charge;
    return;
  }
  // The seller's volume for the SKU, else the one a report showed, else the seller's default.
  const unitCubicFeet = unitCubicFeetOf(s) ?? s.settings.storageFees.defaultUnitCubicFeet;
  // Without a size tier, standard size: the seller's own storage amounts are for it.
  const tier = itemSizeOf(s)?.tier ?? 'large-standard';
  const month = civilFromDays(s.asOfDay + 15).month;
  const projected = projectStorageFees(
    { onHand: s.stock + s.input.reserved, demandNext30: cumulativeAt(s.meanCum, 30), ageBuckets: s.input.ageBuckets, unitCubicFeet, month, tier },
    charge,
  );
  d.storage = {
    next30DaysMinor: projected.totalMinor,
    agedSurchargeMinor: projected.agedSurchargeMinor,
    totalMinor: projected.totalMinor,
    currency: charge.currency,
    unitMonthMinor: unitCubicFeet * storageRatePerCubicFoot(charge.storage, tier, month),
  };
};

/**
 * Units past the first surcharged age of the stock's schedule (Amazon's 181 days, Walmart's
 * long-term 366); a stock no schedule charges counts from the seller's first FBA aged tier.
 */
function agedOf(s: Situation, schedule: PricedSchedule | null): { units: number; minDays: number } {
  // Loops, not map/filter/spread: this runs for every plan of a 10,000-SKU catalogue.
  const tiers: readonly { minDays: number }[] =
    schedule && schedule.agedSurcharge !== 'unknown' ? schedule.agedSurcharge.tiers : s.settings.storageFees.agedSurcharges;
  let firstAged = Infinity;
  for (const tier of tiers) firstAged = Math.min(firstAged, tier.minDays);
  let units = 0;
  for (const bucket of s.input.ageBuckets) if (bucket.minDays >= firstAged) units += bucket.units;
  return { units, minDays: Number.isFinite(firstAged) ? firstAged : 0 };
}

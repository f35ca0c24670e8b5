/**
 * Storage fees at FBA/WFS for the next 30 days (base fee by season plus aged surcharges on
 * what is still unsold, oldest sold first), and how many units are past the first aged age.
 */
import { cumulativeAt } from '../cover';
import { civilFromDays } from '../days';
import { unitCubicFeetOf } from '../fees-facts';
import { projectStorageFees } from '../storage';
import type { Decision } from './situation';

/** @example storage(situation at FBA with 200 units of which 50 are 200 days old, draft) // draft.storage.agedSurchargeMinor > 0 */
export const storage: Decision = (s, d) => {
  const fees = s.settings.storageFees;
  const firstAged = Math.min(...fees.agedSurcharges.map((a) => a.minDays), Infinity);
  d.aged = {
    units: s.input.ageBuckets.filter((b) => b.minDays >= firstAged).reduce((sum, b) => sum + b.units, 0),
    minDays: Number.isFinite(firstAged) ? firstAged : 0,
  };
  if (s.stock === null || (s.input.destination !== 'FBA' && s.input.destination !== 'WFS')) return;
  // The seller's volume for the SKU, else the one a report showed, else the seller's default.
  const unitCubicFeet = unitCubicFeetOf(s) ?? fees.defaultUnitCubicFeet;
  const projected = projectStorageFees(
    {
      onHand: s.stock + s.input.reserved,
      demandNext30: cumulativeAt(s.meanCum, 30),
      ageBuckets: s.input.ageBuckets,
      unitCubicFeet,
      month: civilFromDays(s.asOfDay + 15).month,
    },
    fees,
  );
  d.storage = { next30DaysMinor: projected.totalMinor, agedSurchargeMinor: projected.agedSurchargeMinor, totalMinor: projected.totalMinor };
};

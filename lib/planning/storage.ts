/**
 * Projected storage fees for the next 30 days: base monthly storage by season plus the
 * aged-inventory surcharge on units that will be past the age thresholds by then.
 */
import type { StorageFees } from '../settings/schema';

export interface AgeBucket {
  minDays: number;
  maxDays: number | null;
  units: number;
}

export interface StorageFacts {
  /** Units on hand now. */
  onHand: number;
  /** Expected units sold over the next 30 days (sold oldest first, as FBA does). */
  demandNext30: number;
  ageBuckets: readonly AgeBucket[];
  unitCubicFeet: number;
  /** Month (1-12) the next 30 days mostly fall in. */
  month: number;
}

/**
 * Monthly storage rate for a month: Oct–Dec is peak season.
 * @example monthlyRate(fees, 11) === fees.monthlyPerCubicFootOctDec // true
 */
export function monthlyRate(fees: StorageFees, month: number): number {
  return month >= 10 ? fees.monthlyPerCubicFootOctDec : fees.monthlyPerCubicFootJanSep;
}

/**
 * Aged surcharge per cubic foot for a unit `ageDays` old (the highest threshold it passed).
 * @example agedRate(defaultSettings().storageFees, 300) // 380 (271-300 days)
 */
export function agedRate(fees: StorageFees, ageDays: number): number {
  let rate = 0;
  let best = -1;
  for (const s of fees.agedSurcharges) {
    if (ageDays >= s.minDays && s.minDays > best) {
      best = s.minDays;
      rate = s.perCubicFootMonthly;
    }
  }
  return rate;
}

/**
 * @example projectStorageFees({ onHand: 100, demandNext30: 0, ageBuckets: [], unitCubicFeet: 0.1, month: 3 }, fees)
 * // { baseMinor: 780, agedSurchargeMinor: 0, totalMinor: 780 } with 78 per ft³
 */
export function projectStorageFees(facts: StorageFacts, fees: StorageFees): { baseMinor: number; agedSurchargeMinor: number; totalMinor: number } {
  // Average units held over the month, with demand depleting the stock evenly.
  const end = Math.max(0, facts.onHand - facts.demandNext30);
  const averageUnits = (Math.max(0, facts.onHand) + end) / 2;
  const baseMinor = Math.round(averageUnits * facts.unitCubicFeet * monthlyRate(fees, facts.month));
  // Oldest units leave first; what remains ages 30 more days.
  const buckets = [...facts.ageBuckets].sort((a, b) => b.minDays - a.minDays);
  let toSell = Math.max(0, facts.demandNext30);
  let surcharge = 0;
  for (const bucket of buckets) {
    const sold = Math.min(bucket.units, toSell);
    toSell -= sold;
    const left = bucket.units - sold;
    if (left <= 0) continue;
    const ageNextMonth = bucket.minDays + 30;
    surcharge += left * facts.unitCubicFeet * agedRate(fees, ageNextMonth);
  }
  const agedSurchargeMinor = Math.round(surcharge);
  return { baseMinor, agedSurchargeMinor, totalMinor: baseMinor + agedSurchargeMinor };
}

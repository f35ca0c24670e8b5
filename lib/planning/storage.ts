/**
 * Projected storage fees for the next 30 days: base monthly storage by season plus the
 * aged-inventory surcharge on units that will be past the age thresholds by then, at the rates
 * of the fee schedule (lib/fees) of the channel that holds the stock.
 */
import { storageRatePerCubicFoot, type FeeSchedule, type SizeTier, type StorageRates } from '../fees/index';

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
  /** The unit's size tier: the storage rate depends on it. */
  tier: SizeTier;
}

/** A schedule whose storage rates are known (the caller says 'unknown' otherwise). */
export type PricedSchedule = FeeSchedule & { storage: StorageRates };

/**
 * The surcharge per unit `ageDays` old (the highest tier it passed): the tier's rate per cubic
 * foot times the volume, at least its minimum per unit; 0 below the first tier or when the
 * schedule does not know the surcharge.
 * @example agedPerUnit(fba2024, 400, 0.1) // max(690 x 0.1, 15) = 69
 */
function agedPerUnit(schedule: FeeSchedule, ageDays: number, unitCubicFeet: number): number {
  if (schedule.agedSurcharge === 'unknown') return 0;
  let perUnit = 0;
  let from = -1;
  for (const t of schedule.agedSurcharge.tiers) {
    if (ageDays < t.minDays || t.minDays <= from) continue;
    from = t.minDays;
    perUnit = Math.max(t.perCubicFootMinor * unitCubicFeet, t.minPerUnitMinor);
  }
  return perUnit;
}

/**
 * @example projectStorageFees({ onHand: 100, demandNext30: 0, ageBuckets: [], unitCubicFeet: 0.1, month: 3, tier: 'large-standard' }, fba2024)
 * // { baseMinor: 780, agedSurchargeMinor: 0, totalMinor: 780 } at 78 per ft³
 */
export function projectStorageFees(facts: StorageFacts, schedule: PricedSchedule): { baseMinor: number; agedSurchargeMinor: number; totalMinor: number } {
  // Average units held over the month, with demand depleting the stock evenly.
  const end = Math.max(0, facts.onHand - facts.demandNext30);
  const averageUnits = (Math.max(0, facts.onHand) + end) / 2;
  const baseMinor = Math.round(averageUnits * facts.unitCubicFeet * storageRatePerCubicFoot(schedule.storage, facts.tier, facts.month));
  // Oldest units leave first; what remains ages 30 more days.
  const buckets = [...facts.ageBuckets].sort((a, b) => b.minDays - a.minDays);
  let toSell = Math.max(0, facts.demandNext30);
  let surcharge = 0;
  for (const bucket of buckets) {
    const sold = Math.min(bucket.units, toSell);
    toSell -= sold;
    const left = bucket.units - sold;
    if (left <= 0) continue;
    surcharge += left * agedPerUnit(schedule, bucket.minDays + 30, facts.unitCubicFeet);
  }
  const agedSurchargeMinor = Math.round(surcharge);
  return { baseMinor, agedSurchargeMinor, totalMinor: baseMinor + agedSurchargeMinor };
}

/**
 * The seller's copy of a fee schedule: the options page edits the storage rates and the
 * aged-inventory surcharge tiers of the newest schedule of one marketplace (the settings'
 * `storageFees`, in that schedule's currency), and the plans must charge what the seller
 * entered. This puts the seller's amounts into that schedule and returns the whole list, for
 * the fee functions' `schedules` parameter; older schedules (the history's fees) stay as published.
 */
import { FEE_SCHEDULES, latestSchedule, type AgedSurchargeRates, type FeeSchedule } from './schedules';

/** The marketplace and channel whose newest schedule the settings' storage amounts copy. */
export const SETTINGS_SCHEDULE = { marketplace: 'amazon.com', channel: 'fba' } as const;

/** What the settings hold of a schedule (lib/settings `storageFees`), minor units per cubic foot per month. */
export interface SellerStorageFees {
  monthlyPerCubicFootJanSep: number;
  monthlyPerCubicFootOctDec: number;
  agedSurcharges: readonly { minDays: number; perCubicFootMonthly: number }[];
}

/**
 * The schedules with the seller's storage and aged amounts in the newest schedule of
 * SETTINGS_SCHEDULE: standard-size storage takes the seller's base and peak rates (bulky sizes
 * keep the published ones: the settings have one rate); the aged tiers are the seller's, each
 * running to the day before the next, keeping the published per-unit minimum and exempt
 * categories of the tier that starts at the same age.
 * @example withSellerFees({ ...storageDefaults(), monthlyPerCubicFootOctDec: 300 })
 * // FEE_SCHEDULES with the 2024-04-01 amazon.com schedule's standard peak rate at 300
 */
export function withSellerFees(fees: SellerStorageFees, schedules: readonly FeeSchedule[] = FEE_SCHEDULES): FeeSchedule[] {
  const target = latestSchedule(SETTINGS_SCHEDULE.marketplace, SETTINGS_SCHEDULE.channel, schedules);
  return schedules.map((s) => (s === target ? sellerCopy(s, fees) : s));
}

function sellerCopy(s: FeeSchedule, fees: SellerStorageFees): FeeSchedule {
  const rate = { base: fees.monthlyPerCubicFootJanSep, peak: fees.monthlyPerCubicFootOctDec };
  const storage =
    s.storage === 'unknown'
      ? s.storage
      : { ...s.storage, perCubicFootMinor: { ...s.storage.perCubicFootMinor, 'small-standard': rate, 'large-standard': rate } };
  return { ...s, source: `${s.source}; amounts edited by the seller`, storage, agedSurcharge: sellerAged(s.agedSurcharge, fees.agedSurcharges) };
}

/** The seller's aged tiers, ascending, with the published tier's minimum and exemptions where one starts at the same age. */
function sellerAged(published: FeeSchedule['agedSurcharge'], tiers: SellerStorageFees['agedSurcharges']): FeeSchedule['agedSurcharge'] {
  if (published === 'unknown') return published;
  const sorted = [...tiers].sort((a, b) => a.minDays - b.minDays);
  const out: AgedSurchargeRates['tiers'][number][] = sorted.map((t, i) => {
    const same = published.tiers.find((p) => p.minDays === t.minDays);
    const next = sorted[i + 1];
    return {
      minDays: t.minDays,
      maxDays: next ? next.minDays - 1 : null,
      perCubicFootMinor: t.perCubicFootMonthly,
      minPerUnitMinor: same?.minPerUnitMinor ?? 0,
      exemptCategories: same?.exemptCategories ?? [],
    };
  });
  return { ...published, tiers: out };
}

/**
 * The seller's copy of a fee schedule: the options page edits the storage rates and the
 * aged-inventory surcharge tiers of the newest schedule of one marketplace (the settings'
 * `storageFees`, in that schedule's currency), and the plans must charge what the seller
 * entered. This puts the seller's amounts into that schedule and returns the whole list, for
 * the fee functions' `schedules` parameter; older schedules (the history's fees) stay as published.
 * A seller account with amounts of its own (lib/accounts/settings.ts) is planned with settings
 * that carry them, so its plans charge its amounts through this same copy.
 */
import { FEE_SCHEDULES, latestSchedule, type AgedSurchargeRates, type FeeSchedule, type SizeTier } from './schedules';

/** The marketplace and channel whose newest schedule the settings' storage amounts copy. */
export const SETTINGS_SCHEDULE = { marketplace: 'amazon.com', channel: 'fba' } as const;

/** What the settings hold of a schedule (lib/settings `storageFees`), minor units per cubic foot per month. */
export interface SellerStorageFees {
  monthlyPerCubicFootJanSep: number;
  monthlyPerCubicFootOctDec: number;
  agedSurcharges: readonly { minDays: number; perCubicFootMonthly: number }[];
}

/** One low-inventory-level rate row as the seller edited it: a published row's tier and weight range, the seller's amounts. */
export interface SellerLowInventoryRow {
  tier: SizeTier;
  overWeightOz: number;
  upToWeightOz: number | null;
  perUnitMinor: readonly number[];
}

/** Everything the settings hold of the newest schedule: storage and aged amounts, and the low-inventory rates when edited. */
export interface SellerFees extends SellerStorageFees {
  lowInventoryPerUnit?: readonly SellerLowInventoryRow[] | undefined;
  /** The newest walmart.com WFS schedule's storage and long-term storage per cubic foot per month. */
  wfsPerCubicFoot?: { storage: number; longTerm: number } | undefined;
}

/** The WFS schedule the settings' WFS amounts copy. */
export const SETTINGS_WFS_SCHEDULE = { marketplace: 'walmart.com', channel: 'wfs' } as const;

/**
 * The published amounts the seller's WFS copy starts from (the newest SETTINGS_WFS_SCHEDULE's
 * storage rate and first long-term tier), or null when no such schedule has both: what a seller
 * account that overrides one of the two inherits for the other when the settings hold none.
 * @example publishedWfsPerCubicFoot() // { storage: 75, longTerm: 750 }
 */
export function publishedWfsPerCubicFoot(schedules: readonly FeeSchedule[] = FEE_SCHEDULES): { storage: number; longTerm: number } | null {
  const s = latestSchedule(SETTINGS_WFS_SCHEDULE.marketplace, SETTINGS_WFS_SCHEDULE.channel, schedules);
  const tier = s && s.agedSurcharge !== 'unknown' ? s.agedSurcharge.tiers[0] : undefined;
  if (!s || s.storage === 'unknown' || !tier) return null;
  return { storage: s.storage.perCubicFootMinor['large-standard'].base, longTerm: tier.perCubicFootMinor };
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
export function withSellerFees(fees: SellerFees, schedules: readonly FeeSchedule[] = FEE_SCHEDULES): FeeSchedule[] {
  const target = latestSchedule(SETTINGS_SCHEDULE.marketplace, SETTINGS_SCHEDULE.channel, schedules);
  const wfs = fees.wfsPerCubicFoot ? latestSchedule(SETTINGS_WFS_SCHEDULE.marketplace, SETTINGS_WFS_SCHEDULE.channel, schedules) : null;
  return schedules.map((s) => (s === target ? sellerCopy(s, fees) : s === wfs ? sellerWfs(s, fees.wfsPerCubicFoot!) : s));
}

/** The WFS schedule with the seller's storage rate (every size, every month) and long-term rate (every long-term tier). */
function sellerWfs(s: FeeSchedule, rates: { storage: number; longTerm: number }): FeeSchedule {
  const rate = { base: rates.storage, peak: rates.storage };
  const storage =
    s.storage === 'unknown'
      ? s.storage
      : {
          ...s.storage,
          perCubicFootMinor: Object.fromEntries(Object.keys(s.storage.perCubicFootMinor).map((tier) => [tier, rate])) as typeof s.storage.perCubicFootMinor,
        };
  const agedSurcharge =
    s.agedSurcharge === 'unknown'
      ? s.agedSurcharge
      : { ...s.agedSurcharge, tiers: s.agedSurcharge.tiers.map((t) => ({ ...t, perCubicFootMinor: rates.longTerm })) };
  return { ...s, source: `${s.source}; amounts edited by the seller`, storage, agedSurcharge };
}

function sellerCopy(s: FeeSchedule, fees: SellerFees): FeeSchedule {
  const rate = { base: fees.monthlyPerCubicFootJanSep, peak: fees.monthlyPerCubicFootOctDec };
  const storage =
    s.storage === 'unknown'
      ? s.storage
      : { ...s.storage, perCubicFootMinor: { ...s.storage.perCubicFootMinor, 'small-standard': rate, 'large-standard': rate } };
  return {
    ...s,
    source: `${s.source}; amounts edited by the seller`,
    storage,
    agedSurcharge: sellerAged(s.agedSurcharge, fees.agedSurcharges),
    lowInventoryLevel: sellerLowInventory(s.lowInventoryLevel, fees.lowInventoryPerUnit ?? []),
  };
}

/**
 * The published low-inventory rows with the seller's amounts where the seller kept a row of the
 * same tier and weight range with one amount per band; other rows (a row the seller never saw,
 * a row from a schedule with other bands) stay as published, so a new schedule is never misread.
 */
function sellerLowInventory(published: FeeSchedule['lowInventoryLevel'], rows: readonly SellerLowInventoryRow[]): FeeSchedule['lowInventoryLevel'] {
  if (typeof published === 'string' || rows.length === 0) return published;
  const bands = published.supplyBandsUpToDays.length;
  return {
    ...published,
    rows: published.rows.map((row) => {
      const mine = rows.find((r) => r.tier === row.tier && r.overWeightOz === row.overWeightOz && r.upToWeightOz === row.upToWeightOz);
      return mine && mine.perUnitMinor.length === bands ? { ...row, perUnitMinor: [...mine.perUnitMinor] } : row;
    }),
  };
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

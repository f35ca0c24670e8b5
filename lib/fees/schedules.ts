/**
 * Marketplace fee schedules as dated data: each schedule is in force from its `effective` day
 * until the next one of the same marketplace and channel. Fees change every year, so the
 * amounts live here as data (later editable by the seller), never as constants in the
 * functions that use them. Amounts are integer minor units of the schedule's currency.
 * Facts and sources: shared/reference/fees.md (gathered from Amazon Seller Central help pages
 * and third parties); a fact fees.md marks (?) is not used as data.
 */
import { dayNumber } from '../planning/days';
import { SIZE_TIERS } from '../records';

/** How a marketplace fulfils: Amazon FBA, Walmart WFS. */
export type Channel = 'fba' | 'wfs';

/** Amazon's product size tiers (fees.md names these four; declared with the records, which carry a tier a report showed). */
export { SIZE_TIERS };
export type SizeTier = (typeof SIZE_TIERS)[number];

/** Categories fees.md exempts from the 181-270 day aged-inventory tiers. */
export type AgedExemptCategory = 'clothing' | 'shoes' | 'bags' | 'jewelry' | 'watches';

/** One low-inventory-level rate row: a size tier within a shipping-weight range. */
interface LowInventoryRateRow {
  tier: SizeTier;
  /** Shipping weight range in ounces, (over, upTo]: "large standard 3-20 lb" is (48, 320]; null: no upper bound. */
  overWeightOz: number;
  upToWeightOz: number | null;
  /** Fee per unit shipped, one per supply band (same order as `supplyBandsUpToDays`). */
  perUnitMinor: readonly number[];
}

/** The low-inventory-level fee (LILF) as a schedule states it. */
export interface LowInventoryLevelRates {
  /**
   * Upper bounds (exclusive) of the historical-days-of-supply bands, ascending; the last is
   * the threshold: the fee applies only when the supply figure is below it on both windows.
   */
  supplyBandsUpToDays: readonly number[];
  /** Short and long historical-days-of-supply windows, in days. */
  shortWindowDays: number;
  longWindowDays: number;
  /** Amazon refreshes the figure weekly, so a restock lowers the fee only at the next refresh. */
  refreshEveryDays: number;
  /**
   * Which of the two figures picks the band. fees.md says only "both below 28": we choose the
   * greater (the band the better window reaches), the one rule consistent with that threshold.
   */
  bandBy: 'greater' | 'lower';
  rows: readonly LowInventoryRateRow[];
  /** Exemptions (fees.md), as thresholds the fee function checks. */
  exemptions: {
    /** Fewer than this many units shipped in the past `recentSalesDays` days: not charged. */
    minUnitsShippedRecently: number;
    recentSalesDays: number;
    /** Days after the seller's first FBA receipt during which a new professional seller is exempt. */
    newSellerDays: number;
    /** Days a product enrolled in FBA New Selection is exempt. */
    newSelectionDays: number;
    /** At least this share (per cent) of units replenished by AWD auto-replenishment over `awdWindowDays`: exempt. */
    awdAutoReplenishedMinPct: number;
    awdWindowDays: number;
  };
}

/** Monthly storage per cubic foot by size tier, base months and peak months. */
export interface StorageRates {
  /** Months (1-12) charged the peak rate. */
  peakMonths: readonly number[];
  perCubicFootMinor: Readonly<Record<SizeTier, { base: number; peak: number }>>;
}

/** One aged-inventory surcharge tier: units aged within [minDays, maxDays] at a snapshot. */
interface AgedTier {
  minDays: number;
  /** null: no upper bound. */
  maxDays: number | null;
  perCubicFootMinor: number;
  /** The surcharge per unit is at least this (the "greater of" rule over 365 days). */
  minPerUnitMinor: number;
  /** Categories this tier does not charge. */
  exemptCategories: readonly AgedExemptCategory[];
}

export interface AgedSurchargeRates {
  /** Day of the month the inventory snapshot is taken. */
  snapshotDayOfMonth: number;
  /** Ascending, non-overlapping; ages below the first are not charged. */
  tiers: readonly AgedTier[];
}

/**
 * Everything a marketplace charges on one channel from one day. A part a schedule does not
 * know is 'unknown' (never zero); a fee that did not exist yet is 'not-charged'.
 */
export interface FeeSchedule {
  marketplace: string;
  channel: Channel;
  /** First day in force (ISO date). */
  effective: string;
  currency: string;
  /** Where the figures come from. */
  source: string;
  lowInventoryLevel: LowInventoryLevelRates | 'not-charged' | 'unknown';
  storage: StorageRates | 'unknown';
  agedSurcharge: AgedSurchargeRates | 'unknown';
}

/** fees.md: "Clothing, shoes, bags, jewelry and watches are exempt from the 181-270 tiers". */
const APPAREL: readonly AgedExemptCategory[] = ['clothing', 'shoes', 'bags', 'jewelry', 'watches'];

/**
 * Aged-inventory surcharge from 15 April 2023 (fees.md, "Aged-inventory surcharge"). fees.md
 * also says Amazon raised the 271-365 tiers in 2024 with amounts not confirmed, and reports a
 * 2026 change (?): both left out until confirmed, so these 271-365 amounts may be low.
 */
const AGED_2023_04_15: AgedSurchargeRates = {
  snapshotDayOfMonth: 15,
  tiers: [
    { minDays: 181, maxDays: 210, perCubicFootMinor: 50, minPerUnitMinor: 0, exemptCategories: APPAREL },
    { minDays: 211, maxDays: 240, perCubicFootMinor: 100, minPerUnitMinor: 0, exemptCategories: APPAREL },
    { minDays: 241, maxDays: 270, perCubicFootMinor: 150, minPerUnitMinor: 0, exemptCategories: APPAREL },
    { minDays: 271, maxDays: 300, perCubicFootMinor: 380, minPerUnitMinor: 0, exemptCategories: [] },
    { minDays: 301, maxDays: 330, perCubicFootMinor: 400, minPerUnitMinor: 0, exemptCategories: [] },
    { minDays: 331, maxDays: 365, perCubicFootMinor: 420, minPerUnitMinor: 0, exemptCategories: [] },
    // "over 365 days the greater of $6.90 per cubic foot or $0.15 per unit"
    { minDays: 366, maxDays: null, perCubicFootMinor: 690, minPerUnitMinor: 15, exemptCategories: [] },
  ],
};

/**
 * Low-inventory-level fee from 1 April 2024 (fees.md, "Low-inventory-level fee"): 2024 US rates
 * per unit for HDoS 0-14 / 14-21 / 21-28 days, standard sizes only. A size without a row is not
 * charged: fees.md's extension to bulky sizes (2026) is marked (?).
 */
const LOW_INVENTORY_2024_04_01: LowInventoryLevelRates = {
  supplyBandsUpToDays: [14, 21, 28],
  shortWindowDays: 30,
  longWindowDays: 90,
  refreshEveryDays: 7,
  bandBy: 'greater',
  rows: [
    // Small standard has no weight split in fees.md: any weight.
    { tier: 'small-standard', overWeightOz: 0, upToWeightOz: null, perUnitMinor: [89, 63, 32] },
    { tier: 'large-standard', overWeightOz: 0, upToWeightOz: 48, perUnitMinor: [97, 70, 36] },
    { tier: 'large-standard', overWeightOz: 48, upToWeightOz: 320, perUnitMinor: [111, 87, 47] },
  ],
  exemptions: {
    minUnitsShippedRecently: 20,
    recentSalesDays: 7,
    newSellerDays: 365,
    newSelectionDays: 180,
    awdAutoReplenishedMinPct: 70,
    awdWindowDays: 90,
  },
};

/** Monthly storage from 1 April 2024 (fees.md, "Monthly storage fee"): Jan-Sep base, Oct-Dec peak. */
const STORAGE_2024_04_01: StorageRates = {
  peakMonths: [10, 11, 12],
  perCubicFootMinor: {
    'small-standard': { base: 78, peak: 240 },
    'large-standard': { base: 78, peak: 240 },
    'large-bulky': { base: 56, peak: 140 },
    'extra-large': { base: 56, peak: 140 },
  },
};

/**
 * Walmart WFS storage (fees.md, "Walmart WFS"): "about $0.75 per cubic foot per month", one rate
 * for every size (WFS has no Amazon size tiers) and no peak months: the Q4 charge is disputed and
 * was waived October-December 2025, so it is left out (?).
 */
const WFS_STORAGE: StorageRates = {
  peakMonths: [],
  perCubicFootMinor: {
    'small-standard': { base: 75, peak: 75 },
    'large-standard': { base: 75, peak: 75 },
    'large-bulky': { base: 75, peak: 75 },
    'extra-large': { base: 75, peak: 75 },
  },
};

/**
 * WFS long-term storage (fees.md): "$7.50 per cubic foot per month after 365 days", on top of
 * storage. Walmart bills it monthly; fees.md does not say on which day the units are counted,
 * so the first of the month is assumed (a choice, not a published fact).
 */
const WFS_LONG_TERM: AgedSurchargeRates = {
  snapshotDayOfMonth: 1,
  tiers: [{ minDays: 366, maxDays: null, perCubicFootMinor: 750, minPerUnitMinor: 0, exemptCategories: [] }],
};

/** Walmart WFS's "In Stock" rule (fees.md): an item is in stock at 28 or more days of supply (available + inbound). */
export const WFS_IN_STOCK_DAYS = 28;

/**
 * Every schedule known, in no particular order. Walmart WFS: fees.md gives the amounts but no
 * effective date; they are dated 2025-01-01, the earliest year fees.md reports them for (its
 * Q4 2025 waiver), until Walmart's own date is confirmed. Days before that have no WFS schedule.
 */
export const FEE_SCHEDULES: readonly FeeSchedule[] = [
  {
    marketplace: 'amazon.com',
    channel: 'fba',
    effective: '2023-04-15',
    currency: 'USD',
    source: 'fees.md: aged-inventory surcharge tiers "from 15 April 2023"; LILF began 1 April 2024; storage before April 2024 not given',
    lowInventoryLevel: 'not-charged',
    storage: 'unknown',
    agedSurcharge: AGED_2023_04_15,
  },
  {
    marketplace: 'amazon.com',
    channel: 'fba',
    effective: '2024-04-01',
    currency: 'USD',
    source: 'fees.md: LILF "since 1 April 2024" (2024 rates), monthly storage "from 1 April 2024", aged tiers of 15 April 2023',
    lowInventoryLevel: LOW_INVENTORY_2024_04_01,
    storage: STORAGE_2024_04_01,
    agedSurcharge: AGED_2023_04_15,
  },
  {
    marketplace: 'walmart.com',
    channel: 'wfs',
    effective: '2025-01-01',
    currency: 'USD',
    source:
      'fees.md: WFS storage "about $0.75 per cubic foot per month", long-term storage "$7.50 per cubic foot per month after 365 days"; effective date not in fees.md',
    lowInventoryLevel: 'not-charged',
    storage: WFS_STORAGE,
    agedSurcharge: WFS_LONG_TERM,
  },
];

/**
 * The schedule in force on `day` for a marketplace and channel: the latest effective on or
 * before it, or null when none is known (before the first, or a marketplace not covered).
 * Throws on a day that is not an ISO date (a caller's bug, not a missing fact).
 * @example scheduleOn('amazon.com', 'fba', '2024-05-01')?.effective // '2024-04-01'
 * @example scheduleOn('amazon.com', 'fba', '2022-01-01') // null
 */
export function scheduleOn(marketplace: string, channel: Channel, day: string, schedules: readonly FeeSchedule[] = FEE_SCHEDULES): FeeSchedule | null {
  return inForceOn(
    schedules.filter((s) => s.channel === channel),
    marketplace,
    day,
  );
}

/**
 * The first day (day number) after `day` on which another schedule of the marketplace and
 * channel takes over (Infinity when none is known): scheduleOn gives the same schedule for
 * every day from `day` to the one before it, so a caller pricing many days looks it up once.
 * @example scheduleChangeAfter('amazon.com', 'fba', '2024-01-01') // dayNumber('2024-04-01')
 */
export function scheduleChangeAfter(marketplace: string, channel: Channel, day: string, schedules: readonly FeeSchedule[] = FEE_SCHEDULES): number {
  const target = dayNumber(day);
  if (Number.isNaN(target)) throw new Error(`fee schedule lookup: "${day}" is not an ISO date (YYYY-MM-DD)`);
  let next = Number.POSITIVE_INFINITY;
  for (const s of schedules) {
    if (s.marketplace !== marketplace || s.channel !== channel) continue;
    const from = dayNumber(s.effective);
    if (from > target && from < next) next = from;
  }
  return next;
}

/**
 * The dated entry of a marketplace in force on `day` (the latest effective on or before it), or
 * null: the one rule every dated schedule follows (fee schedules, AWD's).
 * @example inForceOn(AWD_SCHEDULES, 'amazon.com', '2025-05-01')?.effective // '2025-04-01'
 */
export function inForceOn<T extends { marketplace: string; effective: string }>(schedules: readonly T[], marketplace: string, day: string): T | null {
  const target = dayNumber(day);
  if (Number.isNaN(target)) throw new Error(`fee schedule lookup: "${day}" is not an ISO date (YYYY-MM-DD)`);
  let best: T | null = null;
  for (const s of schedules) {
    if (s.marketplace !== marketplace) continue;
    const from = dayNumber(s.effective);
    if (from <= target && (best === null || from > dayNumber(best.effective))) best = s;
  }
  return best;
}

/**
 * Monthly storage per cubic foot for a size tier in a month (1-12): the peak rate in the
 * schedule's peak months, which is why sending stock in October costs about three times more.
 * @example storageRatePerCubicFoot(STORAGE_2024_04_01, 'small-standard', 11) // 240
 */
export function storageRatePerCubicFoot(rates: StorageRates, tier: SizeTier, month: number): number {
  const r = rates.perCubicFootMinor[tier];
  return rates.peakMonths.includes(month) ? r.peak : r.base;
}

/**
 * The newest schedule known for a marketplace and channel (what a new install starts from:
 * settings defaults are derived from it, so each amount is written once, here), or null.
 * @example latestSchedule('amazon.com', 'fba')?.effective // '2024-04-01'
 */
export function latestSchedule(marketplace: string, channel: Channel, schedules: readonly FeeSchedule[] = FEE_SCHEDULES): FeeSchedule | null {
  let best: FeeSchedule | null = null;
  for (const s of schedules) {
    if (s.marketplace === marketplace && s.channel === channel && (best === null || s.effective > best.effective)) best = s;
  }
  return best;
}

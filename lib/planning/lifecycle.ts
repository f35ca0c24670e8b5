/**
 * Where a SKU is in its life, and what that means for buying: small batches while it is
 * unproven, more safety while it grows, no new stock once it declines.
 */
import type { Settings } from '../settings/schema';
import type { LifecycleStage } from './types';

export interface LifecycleFacts {
  /** Days since the listing started (or since its first known sale). */
  ageDays: number;
  /** Mean units/day over the last 28 known days, and over the 56 known days before them (NaN = unknown). */
  recentRate: number;
  previousRate: number;
  /** Known (in-stock) days since the last sale. */
  daysSinceLastSale: number;
  ended: boolean;
}

/**
 * @example lifecycleStage({ ageDays: 400, recentRate: 5, previousRate: 5, daysSinceLastSale: 0, ended: false }, s.lifecycle) // 'maturity'
 */
export function lifecycleStage(facts: LifecycleFacts, rules: Settings['lifecycle']): LifecycleStage {
  if (facts.ended) return 'exit';
  if (facts.ageDays < rules.launchDays) return 'launch';
  if (facts.daysSinceLastSale >= rules.exitNoSaleDays) return 'exit';
  const { recentRate: recent, previousRate: previous } = facts;
  // A trend needs enough sales to be one: 3 units against 5 a month is noise, not growth.
  if ((recent > 0 ? recent * 28 : 0) + (previous > 0 ? previous * 56 : 0) < MIN_UNITS_FOR_TREND) return 'maturity';
  if (!(previous > 0)) return recent > 0 ? 'growth' : 'maturity';
  const ratio = (recent > 0 ? recent : 0) / previous;
  const z = trendZ(recent, previous);
  if (ratio >= rules.growthRatio && z >= TREND_Z) return 'growth';
  if (ratio <= rules.declineRatio && z <= -TREND_Z) return 'decline';
  return 'maturity';
}

/** Units over the 84 days compared below which no trend is read. */
const MIN_UNITS_FOR_TREND = 20;

/**
 * How many standard deviations the last 28 days' units stand from what the 56 days before them
 * predict. A slow seller's month swings by chance (1.2 a day: 34 units expected, 23 seen is a
 * 2-sigma dip, met somewhere in a catalogue every week), and "decline" stops its reorders, so
 * a seller would run a healthy product out of stock on noise. With equal rates the recent
 * units are a binomial share (28/84) of the 84 days' units: z of that share.
 * @example trendZ(5, 5) // 0
 * @example trendZ(0.82, 1.3) < -1.9 // true: a 2-sigma dip, not yet a decline
 */
export function trendZ(recentRate: number, previousRate: number): number {
  const recent = recentRate > 0 ? recentRate * 28 : 0;
  const total = recent + (previousRate > 0 ? previousRate * 56 : 0);
  if (total <= 0) return 0;
  const share = 28 / 84;
  return (recent - total * share) / Math.sqrt(total * share * (1 - share));
}

/**
 * A trend is read only beyond this z (one-sided 0.13%). Each SKU is tested at every re-plan,
 * about four independent 84-day windows a year, across the whole catalogue: at 2.33 (1%) a
 * few SKUs in a hundred would be "declining" on noise each year (the fee bench's 1.2-a-day SKU
 * was, at z -2.7, and ran out). A false "decline" stops reorders and costs a stockout; a
 * missed one costs little, since the reorder quantity already follows the lower forecast.
 */
const TREND_Z = 3;

export interface StagePolicy {
  /** Whether to buy more at all. */
  reorder: boolean;
  safetyFactor: number;
  /** Cap on the days a single order covers (small batches at launch). */
  maxCoverDays: number | null;
}

/**
 * @example stagePolicy('decline', s.lifecycle).reorder // false
 */
export function stagePolicy(stage: LifecycleStage, rules: Settings['lifecycle']): StagePolicy {
  switch (stage) {
    case 'launch':
      return { reorder: true, safetyFactor: 1, maxCoverDays: rules.launchMaxCoverDays };
    case 'growth':
      return { reorder: true, safetyFactor: rules.growthSafetyFactor, maxCoverDays: null };
    case 'maturity':
      return { reorder: true, safetyFactor: 1, maxCoverDays: null };
    case 'decline':
    case 'exit':
      return { reorder: false, safetyFactor: 1, maxCoverDays: null };
  }
}

/**
 * Mean of the known values among the `count` days ending `skip` days before the end.
 * @example knownMean(Float64Array.of(1, NaN, 3), 0, 3) // 2
 */
export function knownMean(units: Float64Array, skip: number, count: number): number {
  let sum = 0;
  let known = 0;
  const end = units.length - skip;
  for (let i = Math.max(0, end - count); i < end; i++) {
    const v = units[i]!;
    if (v === v) {
      sum += v;
      known++;
    }
  }
  return known > 0 ? sum / known : Number.NaN;
}

/**
 * Known (not censored) days since the last day with a sale; all known days when none sold.
 * Out-of-stock days do not count: nobody could buy.
 * @example knownDaysSinceLastSale(Float64Array.of(2, 0, NaN, 0)) // 2
 */
export function knownDaysSinceLastSale(units: Float64Array): number {
  let days = 0;
  for (let i = units.length - 1; i >= 0; i--) {
    const v = units[i]!;
    if (v !== v) continue;
    if (v > 0) return days;
    days++;
  }
  return days;
}

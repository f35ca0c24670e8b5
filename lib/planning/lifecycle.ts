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
  if (ratio >= rules.growthRatio) return 'growth';
  if (ratio <= rules.declineRatio) return 'decline';
  return 'maturity';
}

/** Units over the 84 days compared below which no trend is read. */
const MIN_UNITS_FOR_TREND = 20;

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

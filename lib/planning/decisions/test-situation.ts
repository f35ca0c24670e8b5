/**
 * Builders for the decision tests (not shipped code paths; kept out of *.test.ts so each
 * decision's test file shares them): a PlanInput with an injected flat forecast turned into a
 * Situation, and the decisions run in DECISIONS order up to the one under test.
 */
import { defaultSettings, type Settings } from '../../settings/schema';
import { dayNumber } from '../days';
import { flatForecast } from '../fixtures';
import { situationOf, type PlanInput } from '../plan-listing';
import { HOW_EXACT, type DemandSeries } from '../demand-series';
import { DECISIONS, emptyDraft, type Decision, type Draft, type Situation } from './index';

export const TODAY = dayNumber('2026-03-01');

/** `days` days of `rate` units a day, ending today (all known). */
export function constantSeries(rate: number, days = 365): DemandSeries {
  return { startDay: TODAY - days + 1, units: new Float64Array(days).fill(rate), how: new Uint8Array(days).fill(HOW_EXACT) };
}

/** A series of the given daily values ending today (NaN = unknown day). */
export function seriesOf(values: readonly number[]): DemandSeries {
  return { startDay: TODAY - values.length + 1, units: Float64Array.from(values), how: new Uint8Array(values.length).fill(HOW_EXACT) };
}

/** `days` days with nothing known about sales. */
export function unknownSeries(days = 60): DemandSeries {
  return { startDay: TODAY - days + 1, units: new Float64Array(days).fill(Number.NaN), how: new Uint8Array(days) };
}

/** A single FBA listing, 500 days old, selling 10/day for a year, 300 units read today. */
export function input(fields: Partial<PlanInput> = {}): PlanInput {
  return {
    key: 'amazon|amazon.com|SKU-1',
    scope: 'listing',
    sku: 'SKU-1',
    platform: 'amazon',
    marketplace: 'amazon.com',
    listingKeys: ['amazon|amazon.com|SKU-1'],
    series: constantSeries(10),
    asOfDay: TODAY,
    productId: 'SKU-1',
    poolId: 'fba:NA',
    destination: 'FBA',
    available: 300,
    stockSource: 'reading',
    stockHint: null,
    heldReturns: 0,
    releasedReturns: 0,
    inbound: 0,
    reserved: 0,
    unfulfillable: 0,
    pendingUnits: 0,
    priceMinor: 2000,
    currency: 'USD',
    ageBuckets: [],
    startDay: TODAY - 500,
    ended: false,
    pool: null,
    ...fields,
  };
}

/** An input whose stock nobody has shown (what plan.ts passes for such a pool). */
export function unknownStock(fields: Partial<PlanInput> = {}): PlanInput {
  return input({ available: null, stockSource: 'unknown', stockHint: 'open:amazon/fba-inventory', ...fields });
}

interface SituationOptions {
  /** Forecast rate per day (default 10). */
  rate?: number;
  /** Relative spread of the flat forecast's quantiles (default 0.2; 0 = no safety stock). */
  spread?: number;
  horizon?: number;
  settings?: Settings;
}

/** The situation of an input under a flat forecast. */
export function situation(fields: Partial<PlanInput> = {}, options: SituationOptions = {}): Situation {
  return situationOf(input(fields), options.settings ?? defaultSettings(), {
    forecast: flatForecast(options.rate ?? 10, options.horizon ?? 200, options.spread ?? 0.2),
  });
}

/**
 * Runs the decisions in DECISIONS order up to and including `last` on an empty draft.
 * @example through(reorder, situation()).reorder.day
 */
export function through(last: Decision, s: Situation, draft: Draft = emptyDraft()): Draft {
  const end = DECISIONS.indexOf(last);
  if (end < 0) throw new Error('not a decision in DECISIONS');
  for (const decide of DECISIONS.slice(0, end + 1)) decide(s, draft);
  return draft;
}

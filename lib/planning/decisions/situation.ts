/**
 * What every decision reads (the situation: forecast, stock, lead time, lifecycle) and what
 * the decisions fill in, in order (the draft). A decision is a small function over both: it
 * reads the situation and what earlier decisions put in the draft, and adds its own part.
 */
import type { ForecastResult } from '../../forecast/index';
import type { Settings } from '../../settings/schema';
import type { StagePolicy } from '../lifecycle';
import type { DayArrival, PlanInput } from '../plan-input';
import type { Alert, ClearanceSuggestion, FbaCapacity, FbaCapacityClaim, HealthReason, LifecycleStage, OversellInfo, PlanFees } from '../types';

export interface Situation {
  input: PlanInput;
  settings: Settings;
  /** Today in the marketplace's zone (day number). */
  asOfDay: number;
  forecast: ForecastResult;
  /** Expected cumulative demand: meanCum[h] = days 1..h+1. */
  meanCum: readonly number[];
  /** Cumulative demand at the service level, same indexing. */
  serviceCum: ArrayLike<number>;
  /** Mean expected units per day over the horizon. */
  meanDaily: number;
  /** Production + transit days; transit (and receiving) days alone date inbound units' arrival. */
  lead: { days: number; transitDays: number; moq: number; casePack: number };
  history: {
    /** Days whose demand is known (exact or inferred). */
    knownDays: number;
    /** Unknown days after the first known one. */
    censoredDays: number;
    daysSinceLastSale: number;
    /**
     * Sales are known: a sale was seen, or enough known days without one to say it does not
     * sell (the no-sale window). A few days of zeros say nothing yet.
     */
    salesKnown: boolean;
  };
  stage: LifecycleStage;
  policy: StagePolicy;
  /** Sellable units in the pool today (the basis moved forward by the demand since), null = unknown. */
  stock: number | null;
}

export interface Draft {
  daysOfCover: number | null;
  stockoutDay: number | null;
  /**
   * The units on their way: each arrival (day and units, soonest first; units split across
   * shipments arrive on each shipment's day), the first one's day, and the cover and stockout
   * counting them from that day until the shelf first empties (null when nothing is inbound,
   * the stock is unknown or it never runs out).
   */
  inbound: { arrivalDay: number | null; daysOfCover: number | null; stockoutDay: number | null; arrivals: DayArrival[] };
  /** Units beyond what the lead time plus the target cover needs (0 = none, or not known yet). */
  excessUnits: number;
  /** Days of demand the pool may hold before the rest is excess. */
  keepDays: number;
  reorder: { day: number | null; quantity: number; daysLate: number; point: number; safetyStock: number };
  /**
   * Storage over the next 30 days at the rates of the stock's channel (decisions/storage.ts), with
   * one unit's month at the base rate (`unitMonthMinor`, unrounded); 'not-charged': no marketplace
   * storage (own warehouse); 'unknown': no schedule prices it; null: not decided (stock unknown).
   */
  storage:
    { next30DaysMinor: number; agedSurchargeMinor: number; totalMinor: number; currency: string; unitMonthMinor: number } | 'not-charged' | 'unknown' | null;
  /** FBA pools: the fees at stake and the fee-aware action (decisions/fba-fees.ts); null elsewhere. */
  fees: PlanFees | null;
  /** FBA pools whose planned shipment does not fit the seller's capacity limit (decisions/fba-capacity.ts); null otherwise. */
  capacity: FbaCapacity | null;
  /** FBA pools of a marketplace with a capacity limit: what they hold against it, for the limit shared across the marketplace; null otherwise. */
  capacityClaim: FbaCapacityClaim | null;
  /** Units past the first aged-surcharge age, and that age. */
  aged: { units: number; minDays: number };
  clearance: ClearanceSuggestion | null;
  oversell: OversellInfo;
  alerts: Alert[];
  health: { score: number | null; reasons: HealthReason[] };
}

/** One decision: reads the situation and the draft so far, fills its own part of the draft. */
export type Decision = (situation: Situation, draft: Draft) => void;

/**
 * An empty draft (what a plan says before any decision).
 * @example emptyDraft().reorder.day // null
 */
export function emptyDraft(): Draft {
  return {
    daysOfCover: null,
    stockoutDay: null,
    inbound: { arrivalDay: null, daysOfCover: null, stockoutDay: null, arrivals: [] },
    excessUnits: 0,
    keepDays: 0,
    reorder: { day: null, quantity: 0, daysLate: 0, point: 0, safetyStock: 0 },
    storage: null,
    fees: null,
    capacity: null,
    capacityClaim: null,
    aged: { units: 0, minDays: 0 },
    clearance: null,
    oversell: { pendingAboveStock: 0, listedAbovePool: 0, atRisk: false, allocation: {} },
    alerts: [],
    health: { score: null, reasons: [] },
  };
}

/**
 * Scoring stockout-date predictions against a simulation: the truth at an origin, the seller's
 * "stock / recent rate" rules, the planner's date, and per-method error accumulators.
 */
import { dayNumber } from '../../../lib/planning/days.ts';
import { firstUnservedDate } from '../../../lib/planning/inbound-arrival.ts';
import type { SkuPlan } from '../../../lib/planning/types.ts';
import type { Simulation } from './simulate.ts';

/** Days ahead that are scored; a later (or no) stockout counts as HORIZON + 1. */
export const HORIZON = 28;
export const CAP = HORIZON + 1;

/**
 * The first day after `origin` (1-based, relative to it) on which demand goes unserved, within
 * HORIZON days; CAP when none.
 * @example firstUnservedDay(sim /* lost on days 12 and 13 *\/, 10) // 2
 */
export function firstUnservedDay(sim: Simulation, origin: number, horizon = HORIZON): number {
  for (let k = 1; k <= horizon && origin + k < sim.days; k++) if (sim.lost[origin + k]! > 0) return k;
  return horizon + 1;
}

/** Whether demand went unserved on any of the `days` days up to and including `origin`. */
export function hadStockout(sim: Simulation, origin: number, days = HORIZON): boolean {
  for (let d = Math.max(0, origin - days + 1); d <= origin; d++) if (sim.lost[d]! > 0) return true;
  return false;
}

/**
 * The seller's rule: stock / (units sold in the window / window days), as a day number
 * (rounded up, like the planner's stockout date); null when the rate is zero (never).
 * @example ruleDay(30, 60, 30) // 15
 */
export function ruleDay(stock: number, windowUnits: number, windowDays: number): number | null {
  const rate = windowUnits / windowDays;
  if (!(rate > 0)) return null;
  return Math.max(0, Math.ceil(stock / rate - 1e-9));
}

/** A prediction as scored: never (null) and anything beyond the horizon become CAP; never below 0. */
export function capped(day: number | null): number {
  return day === null ? CAP : Math.max(0, Math.min(CAP, day));
}

/**
 * The day (relative to the plan's day) the planner says demand first goes unserved
 * (`firstUnservedDate`: the stockout counting the inbound when it arrives in time, else the
 * stock on hand's). null = never.
 * @example plannerFirstUnservedDay({ asOf: '2026-03-01', stockoutDate: '2026-03-11', inboundArrivalDate: null, stockoutDateWithInbound: null }) // 10
 */
export function plannerFirstUnservedDay(plan: Pick<SkuPlan, 'asOf' | 'stockoutDate' | 'inboundArrivalDate' | 'stockoutDateWithInbound'>): number | null {
  const date = firstUnservedDate(plan);
  return date === null ? null : dayNumber(date) - dayNumber(plan.asOf);
}

/** Errors of one method over a set of origins. */
export class ErrorStats {
  n = 0;
  absSum = 0;
  signedSum = 0;
  within3 = 0;

  add(predicted: number, truth: number): void {
    const e = predicted - truth;
    this.n++;
    this.absSum += Math.abs(e);
    this.signedSum += e;
    if (Math.abs(e) <= 3) this.within3++;
  }

  get mae(): number {
    return this.n ? this.absSum / this.n : Number.NaN;
  }

  get bias(): number {
    return this.n ? this.signedSum / this.n : Number.NaN;
  }

  get share3(): number {
    return this.n ? this.within3 / this.n : Number.NaN;
  }
}

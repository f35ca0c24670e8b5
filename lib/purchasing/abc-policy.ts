/**
 * ABC policies applied to the quantities of a purchase plan (seed 003): A items are bought lean,
 * small lots reordered often, so little cash sits in the few products that sell most; B items
 * by the economic order quantity; C items (the long tail) may together take no more than a
 * share of the cash the plan spends, set by the seller. No policy ever orders less than what
 * brings the stock back to its reorder point (the shortfall), nor below the supplier's MOQ or
 * in part cases.
 */
import { economicOrderQuantity, roundOrderQuantity } from '../planning/rounding';
import { POLICY_RULES, type AbcClass, type SkuPlan } from '../planning/types';
import type { Settings } from '../settings/schema';
import { transferUnitsOf } from './transfers';

/** The seller's policy figures (stored in the purchasing document; defaults in DEFAULT_POLICY). */
export interface AbcPolicy {
  /** A: one order covers at most this many days of demand. */
  aLotDays: number;
  /** C: the share (%) of the plan's order value that C lines may take together. */
  cCashSharePct: number;
}

/**
 * A lots of 30 days (a month of sales: reorder monthly), C capped at 10% of the plan's value
 * (the tail's usual share of revenue under the 80/95 ABC split of lib/planning/abc.ts).
 */
export const DEFAULT_POLICY: AbcPolicy = { aLotDays: 30, cCashSharePct: 10 };

export { POLICY_RULES };
/** Which rule set a line's quantity: none changed it, A's lot cap, B's EOQ, C's cash cap. */
export type PolicyRule = (typeof POLICY_RULES)[number];

/**
 * Units that bring the stock position (on hand + inbound + on order + suggested transfers in)
 * back to the reorder point: the least any policy orders. Unknown stock gives the whole
 * suggestion (no cut).
 * @example shortfallOf({ ...plan, reorderPoint: 700, available: 300, inbound: 0, reorderQuantity: 600 }) // 400
 */
export function shortfallOf(plan: SkuPlan): number {
  if (plan.available === null) return plan.reorderQuantity;
  const position = plan.available + plan.inbound + (plan.onOrder ?? 0) + transferUnitsOf(plan);
  return Math.min(plan.reorderQuantity, Math.max(0, Math.ceil(plan.reorderPoint - position)));
}

/**
 * The quantity of one line under its class's policy, before rounding to MOQ and cases: A at
 * most `aLotDays` of demand (none while units on order keep the position at the reorder
 * point), B at least the EOQ (the settings' order cost and holding rate,
 * when the unit cost is known), C as suggested (its cap is over the whole plan, capCLines).
 * Never below the shortfall.
 * @example policyQuantity({ ...plan of 600 at 10/day, abcClass: 'A' }, settings, 250, DEFAULT_POLICY) // { raw: 400, rule: 'lean' } (shortfall 400 > 300 days' lot)
 */
export function policyQuantity(plan: SkuPlan, settings: Settings, unitCostMinor: number | null, policy: AbcPolicy): { raw: number; rule: PolicyRule } {
  const suggested = plan.reorderQuantity;
  const floor = shortfallOf(plan);
  if (plan.abcClass === 'A') {
    // Units on order already bring the position to the reorder point: the next lean lot is due when it falls there again.
    if (floor === 0 && plan.onOrder !== undefined) return { raw: 0, rule: 'lean' };
    const lot = Math.max(floor, Math.ceil(policy.aLotDays * plan.forecast.meanDaily));
    return lot < suggested ? { raw: lot, rule: 'lean' } : { raw: suggested, rule: 'none' };
  }
  if (plan.abcClass === 'B' && unitCostMinor !== null) {
    const eoq = Math.ceil(economicOrderQuantity(plan.forecast.meanDaily * 365, settings.eoq.orderCostMinor, unitCostMinor * settings.eoq.holdingRatePerYear));
    const lot = Math.max(floor, eoq);
    return eoq > 0 && lot !== suggested ? { raw: lot, rule: 'eoq' } : { raw: suggested, rule: 'none' };
  }
  return { raw: suggested, rule: 'none' };
}

/** The C cut is a whole percent of each C line (see capCLines). */
const CUT_STEPS = 100;

/** What capCLines needs of a line. */
export interface CappableLine {
  abcClass: AbcClass | null;
  quantity: number;
  /** Least the line may drop to (its shortfall rounded to MOQ and cases). */
  floor: number;
  moq: number;
  casePack: number;
  unitCostMinor: number | null;
}

/**
 * New quantities for C lines so that together they take at most `sharePct` of the plan's
 * priced value: C value <= share x (other value + C value), i.e. C <= share / (1 - share) x
 * other. Every C line is cut by the same factor (a whole percent, rounded down), then down to whole cases, never below its
 * floor (nor its MOQ: the supplier takes nothing less), so the cap can be exceeded only by
 * floors. Lines whose cost is unknown are left as they are (their cash is unknown).
 * @example capCLines([A line worth 900, C line of 240 units at 1 (floor 0, cases of 24)], 10) // C line: 96 (100 allowed, whole cases)
 */
export function capCLines(lines: readonly CappableLine[], sharePct: number): number[] {
  const priced = (l: CappableLine) => l.unitCostMinor !== null;
  const value = (l: CappableLine) => l.quantity * (l.unitCostMinor ?? 0);
  const isC = (l: CappableLine) => l.abcClass === 'C' && priced(l);
  const cValue = lines.filter(isC).reduce((s, l) => s + value(l), 0);
  const other = lines.filter((l) => !isC(l)).reduce((s, l) => s + value(l), 0);
  const share = Math.min(1, Math.max(0, sharePct / 100));
  const cap = share >= 1 ? Infinity : (share / (1 - share)) * other;
  if (cValue <= cap) return lines.map((l) => l.quantity);
  // The factor moves in whole percents, down: a page's re-plan that changes one reorder's value
  // then leaves every other C reorder as it was (instead of each moving by a unit and every cached
  // plan being rewritten), and the cap still holds.
  const factor = Math.floor((cap / cValue) * CUT_STEPS + 1e-9) / CUT_STEPS;
  return lines.map((l) => {
    if (!isC(l)) return l.quantity;
    const cut = Math.floor((l.quantity * factor) / Math.max(1, l.casePack) + 1e-9) * Math.max(1, l.casePack);
    return Math.min(l.quantity, roundOrderQuantity(Math.max(l.floor, cut), l));
  });
}

/**
 * What to do with stock that will not sell in time: a markdown ladder with the expected
 * sell-through time of each step, starting at today's price, and "exit" when keeping the units
 * costs more than half of what they can still earn.
 */
import type { Settings } from '../settings/schema';
import type { ClearanceStep, ClearanceSuggestion } from './types';

export interface ClearanceFacts {
  excessUnits: number;
  /** Expected units/day at the current price. */
  meanDaily: number;
  priceMinor: number | null;
  currency: string | null;
  unitCostMinor: number | null;
  /** Storage cost of one unit for one day (minor units, fractional). */
  storagePerUnitDayMinor: number;
  /**
   * The product is being wound down: its excess is by definition what today's price does not
   * sell within the sell-off window, so the ladder starts at the seller's first markdown.
   */
  exiting?: boolean;
}

/** What a clearance asks of the seller (every view words these, from clearanceActionOf). */
export const CLEARANCE_ACTIONS = ['hold', 'markdown', 'exit'] as const;
type ClearanceAction = (typeof CLEARANCE_ACTIONS)[number];

/**
 * The one reading of a suggestion every view shows: liquidate or remove ('exit': holding costs
 * more than half the margin left, or the step it recommends is the ladder's 100%, since no
 * markdown clears the units in time), mark down (its step's discount), or keep the price. A
 * "mark down 100%" is never shown: that step is the liquidation.
 * @example clearanceActionOf({ ...suggestion, exit: false, steps: [{ discountPct: 100, ... }], recommendedStep: 0 }) // 'exit'
 */
export function clearanceActionOf(clearance: Pick<ClearanceSuggestion, 'exit' | 'steps' | 'recommendedStep'>): ClearanceAction {
  const step = clearance.steps[clearance.recommendedStep];
  if (clearance.exit || (step !== undefined && step.discountPct >= 100)) return 'exit';
  return step !== undefined && step.discountPct > 0 ? 'markdown' : 'hold';
}

/** Days of holding counted when nothing sells (a year: the point is that it is too long). */
const NO_DEMAND_HOLD_DAYS = 365;

/**
 * Demand multiplier at a markdown under constant price elasticity: (1 - d)^elasticity.
 * @example demandMultiplier(10, -2) // ~1.235
 */
export function demandMultiplier(discountPct: number, elasticity: number): number {
  const keep = 1 - discountPct / 100;
  return keep > 0 ? keep ** elasticity : Number.POSITIVE_INFINITY;
}

/**
 * The discounts a suggestion weighs, in order: today's price (0%) first, then the seller's
 * ladder. A markdown lowers the price of every unit sold meanwhile, so excess that sells within
 * the target at today's price (15 units at 1.4 a day) keeps its price rather than "mark down
 * 10%". Not while exiting (ClearanceFacts.exiting), nor twice when the ladder holds 0 already.
 * @example ladderOf([10, 20, 30, 100], false) // [0, 10, 20, 30, 100]
 */
export function ladderOf(ladderPct: readonly number[], exiting: boolean): readonly number[] {
  return exiting || ladderPct.includes(0) ? ladderPct : [0, ...ladderPct];
}

/**
 * null when there is no excess.
 * @example clearanceSuggestion({ excessUnits: 300, meanDaily: 2, priceMinor: 2000, ... }, s.clearance).steps[1].expectedSellThroughDays // ~121 at -10%
 */
export function clearanceSuggestion(facts: ClearanceFacts, rules: Settings['clearance'], marginPct: number): ClearanceSuggestion | null {
  const excess = Math.floor(facts.excessUnits);
  if (excess <= 0) return null;
  const steps: ClearanceStep[] = ladderOf(rules.ladderPct, facts.exiting ?? false).map((discountPct) => {
    const priceMinor = facts.priceMinor === null ? null : Math.round((facts.priceMinor * (100 - discountPct)) / 100);
    if (discountPct >= 100) return { discountPct, priceMinor, expectedSellThroughDays: rules.liquidationDays };
    const rate = facts.meanDaily * demandMultiplier(discountPct, rules.elasticity);
    return { discountPct, priceMinor, expectedSellThroughDays: rate > 0 ? excess / rate : null };
  });
  let recommendedStep = steps.findIndex((s) => s.expectedSellThroughDays !== null && s.expectedSellThroughDays <= rules.targetSellThroughDays);
  if (recommendedStep < 0) recommendedStep = steps.length - 1;

  // Holding the excess until it sells at today's price: stock falls evenly, so on average half of it is stored.
  const holdDays = facts.meanDaily > 0 ? Math.min(NO_DEMAND_HOLD_DAYS, excess / facts.meanDaily) : NO_DEMAND_HOLD_DAYS;
  const holdingCostMinor = Math.round((excess / 2) * holdDays * facts.storagePerUnitDayMinor);
  let remainingMarginMinor: number | null = null;
  if (facts.priceMinor !== null) {
    const cost = facts.unitCostMinor ?? facts.priceMinor * (1 - marginPct / 100);
    remainingMarginMinor = Math.round(excess * (facts.priceMinor - cost));
  }
  const exit = remainingMarginMinor !== null && holdingCostMinor > 0.5 * Math.max(0, remainingMarginMinor);
  if (exit) {
    const liquidate = steps.findIndex((s) => s.discountPct >= 100);
    if (liquidate >= 0) recommendedStep = liquidate;
  }
  const suggestion: ClearanceSuggestion = {
    excessUnits: excess,
    steps,
    recommendedStep,
    exit,
    holdingCostMinor,
    remainingMarginMinor,
    currency: facts.currency,
  };
  madeFrom.set(suggestion, { facts, rules, marginPct });
  return suggestion;
}

/**
 * What each suggestion was made from, kept beside it rather than in it (a suggestion is data:
 * stored, compared, sent), so clearanceForExcess can answer again for fewer units.
 */
const madeFrom = new WeakMap<ClearanceSuggestion, { facts: ClearanceFacts; rules: Settings['clearance']; marginPct: number }>();

/**
 * The suggestion for fewer of its excess units (a transfer to another pool takes the rest): what
 * clearanceSuggestion gives from the same facts for `excessUnits`, so the step, its sell-through
 * days and "exit" fit the units that stay (the step that clears 900 units, often liquidation, is
 * no answer for the 1 left after sending 899). null when none stay. A suggestion not made by
 * clearanceSuggestion in this run (read back from the store) keeps its step; only its count moves.
 * @example clearanceForExcess(clearanceSuggestion({ excessUnits: 900, meanDaily: 2, ... }, rules, 30)!, 10)!.recommendedStep // 0: ten units go within the target at today's price
 */
export function clearanceForExcess(suggestion: ClearanceSuggestion, excessUnits: number): ClearanceSuggestion | null {
  if (!(excessUnits >= 1)) return null;
  const inputs = madeFrom.get(suggestion);
  if (!inputs) return { ...suggestion, excessUnits: Math.floor(excessUnits) };
  return clearanceSuggestion({ ...inputs.facts, excessUnits }, inputs.rules, inputs.marginPct);
}

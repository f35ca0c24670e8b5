/**
 * The one rule that decides how urgent a plan is and which risks it raises. Panel colours, the
 * summary bar, the popup's default list, filters and order, the toolbar badge and the
 * notifications all call it, so "at risk" means the same thing everywhere.
 */
import { riskOfCode, RISK_TYPES, type RiskType } from './catalogue';
import { dayNumber } from './days';
import { clearanceActionOf } from './clearance';
import type { SkuPlan } from './types';

/**
 * Levels, most urgent first:
 * - `critical`: the stock runs out before an order placed today could arrive, or channels /
 *   pending orders oversell it;
 * - `warning`: a reorder is due within `reorderWithinDays` (or overdue);
 * - `excess`: stock beyond what the lead time plus the target cover needs, to mark down or
 *   clear (excess that sells in time at today's price, "hold the price", asks nothing: it keeps
 *   its overstock risk tag but is ranked by the rules below);
 * - `attention`: health under `healthBelow`;
 * - `unknown`: stock or sales not known yet (never shown as healthy);
 * - `ok`.
 */
export const URGENCY_LEVELS = ['critical', 'warning', 'excess', 'attention', 'unknown', 'ok'] as const;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];

/** Levels that put a listing on the popup's default list and the badge. */
export const NEEDS_ATTENTION: ReadonlySet<UrgencyLevel> = new Set(['critical', 'warning', 'excess', 'attention']);

/** The rule's thresholds (seed 000: health under 60 needs attention). */
export const URGENCY_RULES = { reorderWithinDays: 14, healthBelow: 60 } as const;

/**
 * Tags the store indexes listings by: the risk types, plus `attention` (needs attention) and
 * `critical`, so the popup's default list and the notifier are one index lookup.
 */
export const RISK_TAGS = [...RISK_TYPES, 'attention', 'critical'] as const;
export type RiskTag = (typeof RISK_TAGS)[number];

export interface Urgency {
  level: UrgencyLevel;
  riskTypes: RiskType[];
  /** Sort key: level first, then days of cover (smaller = more urgent). */
  rank: number;
}

type UrgencyInput = Pick<
  SkuPlan,
  | 'available'
  | 'daysOfCover'
  | 'leadTimeDays'
  | 'reorderDate'
  | 'asOf'
  | 'clearance'
  | 'healthScore'
  | 'healthReasons'
  | 'alerts'
  | 'oversell'
  | 'lifecycleStage'
  | 'forecast'
>;

/**
 * @example urgencyOf({ ...plan, daysOfCover: 5, leadTimeDays: 70 }).level // 'critical'
 */
export function urgencyOf(plan: UrgencyInput): Urgency {
  const riskTypes = riskTypesOf(plan);
  const level = levelOf(plan);
  const cover = plan.daysOfCover === null ? 99_999 : Math.min(99_999, Math.max(0, plan.daysOfCover));
  return { level, riskTypes, rank: URGENCY_LEVELS.indexOf(level) * 1_000_000 + cover };
}

function levelOf(plan: UrgencyInput): UrgencyLevel {
  const sells = plan.forecast.meanDaily > 0;
  const winding = plan.lifecycleStage === 'exit' || plan.lifecycleStage === 'decline';
  if (plan.oversell.atRisk) return 'critical';
  if (plan.available !== null && sells && !winding && plan.daysOfCover !== null && plan.daysOfCover < plan.leadTimeDays) return 'critical';
  if (plan.reorderDate !== null && dayNumber(plan.reorderDate) <= dayNumber(plan.asOf) + URGENCY_RULES.reorderWithinDays) return 'warning';
  if (plan.clearance !== null && plan.clearance.excessUnits > 0 && clearanceActionOf(plan.clearance) !== 'hold') return 'excess';
  if (plan.healthScore !== null && plan.healthScore < URGENCY_RULES.healthBelow) return 'attention';
  if (plan.available === null || plan.healthScore === null) return 'unknown';
  return 'ok';
}

/**
 * The risk kinds a plan raises, from its codes (through the catalogue), oversell and clearance.
 * @example riskTypesOf({ ...plan, alerts: [{ code: 'reorder-now', severity: 'critical', params: {} }] }) // ['stockout']
 */
export function riskTypesOf(plan: Pick<SkuPlan, 'healthReasons' | 'alerts' | 'oversell' | 'clearance'>): RiskType[] {
  const found = new Set<RiskType>();
  for (const r of plan.healthReasons) {
    const t = riskOfCode(r.code);
    if (t) found.add(t);
  }
  for (const a of plan.alerts) {
    const t = riskOfCode(a.code);
    if (t) found.add(t);
  }
  if (plan.oversell.atRisk) found.add('oversell');
  if (plan.clearance && plan.clearance.excessUnits > 0) found.add('overstock');
  return RISK_TYPES.filter((t) => found.has(t));
}

/**
 * The store's index tags for a plan.
 * @example riskTagsOf(criticalPlan) // ['stockout', 'attention', 'critical']
 */
export function riskTagsOf(urgency: Urgency): RiskTag[] {
  const tags: RiskTag[] = [...urgency.riskTypes];
  if (NEEDS_ATTENTION.has(urgency.level)) tags.push('attention');
  if (urgency.level === 'critical') tags.push('critical');
  return tags;
}

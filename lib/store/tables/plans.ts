/**
 * Table `plans`: the planning core's latest result per listing or pooled product (SkuPlan),
 * cached so panels and the popup answer without re-planning.
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../../records';
import { skuPlanSchema, type SkuPlan } from '../../planning/types';

export const planRowSchema = z.object({
  /** SkuPlan.key: listing key, or `pool:<id>` for a pooled product. */
  key: z.string().min(1),
  scope: z.enum(['listing', 'pool']),
  /** Listings the plan covers (multi-entry index: a listing's plans are one lookup). */
  listingKeys: z.array(z.string()),
  daysOfCover: z.number().nonnegative().nullable(),
  riskTypes: z.array(z.string()),
  computedAt: isoDateTimeSchema,
  plan: skuPlanSchema,
});
export type PlanRow = z.infer<typeof planRowSchema>;

/** The popup's risk filters (lib/messaging atRiskQuerySchema). */
export const RISK_TYPES = ['stockout', 'overstock', 'oversell', 'no-sales'] as const;
export type RiskType = (typeof RISK_TYPES)[number];

const CODE_RISK: Record<string, RiskType> = {
  'stockout-soon': 'stockout',
  'out-of-stock': 'stockout',
  'reorder-overdue': 'stockout',
  'stockout-within': 'stockout',
  'reorder-now': 'stockout',
  'overstock-90d': 'overstock',
  'aged-inventory': 'overstock',
  'aged-surcharge-coming': 'overstock',
  'clearance-exit': 'overstock',
  'pending-above-stock': 'oversell',
  'oversold-pool': 'oversell',
  'oversell-pending': 'oversell',
  'oversell-pool': 'oversell',
  'no-sales-30d': 'no-sales',
  'no-sale': 'no-sales',
};

/**
 * The risk kinds a plan raises, from its stable reason and alert codes.
 * @example riskTypesOf({ ...plan, alerts: [{ code: 'reorder-now', severity: 'critical', params: {} }] }) // ['stockout']
 */
export function riskTypesOf(plan: Pick<SkuPlan, 'healthReasons' | 'alerts' | 'oversell' | 'clearance'>): RiskType[] {
  const found = new Set<RiskType>();
  for (const r of plan.healthReasons) {
    const t = CODE_RISK[r.code];
    if (t) found.add(t);
  }
  for (const a of plan.alerts) {
    const t = CODE_RISK[a.code];
    if (t) found.add(t);
  }
  if (plan.oversell.atRisk) found.add('oversell');
  if (plan.clearance && plan.clearance.excessUnits > 0) found.add('overstock');
  return RISK_TYPES.filter((t) => found.has(t));
}

/**
 * @example planRowOf(plan).key === plan.key // true
 */
export function planRowOf(plan: SkuPlan): PlanRow {
  return {
    key: plan.key,
    scope: plan.scope,
    listingKeys: plan.listingKeys,
    daysOfCover: plan.daysOfCover,
    riskTypes: riskTypesOf(plan),
    computedAt: plan.computedAt,
    plan,
  };
}

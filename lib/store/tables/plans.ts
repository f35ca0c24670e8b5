/**
 * Table `plans`: the planning core's latest result per listing or pooled product (SkuPlan),
 * cached so panels and the popup answer without re-planning.
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../../records';
import { skuPlanSchema, type SkuPlan } from '../../planning/types';
import { riskTagsOf, urgencyOf } from '../../planning/urgency';

export const planRowSchema = z.object({
  /** SkuPlan.key: listing key, or `pool:<id>` for a pooled product. */
  key: z.string().min(1),
  scope: z.enum(['listing', 'pool']),
  /** Listings the plan covers (multi-entry index: a listing's plans are one lookup). */
  listingKeys: z.array(z.string()),
  daysOfCover: z.number().nonnegative().nullable(),
  /** Risk tags of the one urgency rule (lib/planning/urgency.ts riskTagsOf): risk types, `attention`, `critical`. */
  riskTypes: z.array(z.string()),
  computedAt: isoDateTimeSchema,
  plan: skuPlanSchema,
});
export type PlanRow = z.infer<typeof planRowSchema>;

export { RISK_TYPES, type RiskType } from '../../planning/catalogue';

/**
 * @example planRowOf(plan).key === plan.key // true
 */
export function planRowOf(plan: SkuPlan): PlanRow {
  return {
    key: plan.key,
    scope: plan.scope,
    listingKeys: plan.listingKeys,
    daysOfCover: plan.daysOfCover,
    riskTypes: riskTagsOf(urgencyOf(plan)),
    computedAt: plan.computedAt,
    plan,
  };
}

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
  /** Listings the plan covers: a listing plan covers exactly its own key (its key), a pool plan its pool's listings. */
  listingKeys: z.array(z.string()),
  /**
   * A pool plan's listingKeys again, under a multi-entry index (schema v8); absent on listing
   * plans, which are found by their key. Chromium writes every index entry again on each put,
   * and most plans a re-plan rewrites are listing plans.
   */
  poolListingKeys: z.array(z.string()).optional(),
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
  return withPoolIndex({
    key: plan.key,
    scope: plan.scope,
    listingKeys: plan.listingKeys,
    daysOfCover: plan.daysOfCover,
    riskTypes: riskTagsOf(urgencyOf(plan)),
    computedAt: plan.computedAt,
    plan,
  });
}

/**
 * A plan row with its index field as its scope wants it: a pool plan's listing keys in
 * `poolListingKeys`, none on a listing plan (a restored backup from before schema v8 has none).
 * @example withPoolIndex(poolRow).poolListingKeys // poolRow.listingKeys
 */
export function withPoolIndex(row: PlanRow): PlanRow {
  const { poolListingKeys: _poolListingKeys, ...rest } = row;
  return row.scope === 'pool' ? { ...rest, poolListingKeys: row.listingKeys } : rest;
}

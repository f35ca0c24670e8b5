/**
 * The physical reorders among cached plans. The planner answers once per stock (product x
 * pool), and every listing of a shared pool repeats that answer under its own key (with
 * `poolKey` set): a purchase plan built from every plan would order the same units once per
 * channel.
 */
import type { SkuPlan } from '../planning/types';

/**
 * The stock a plan or a placed order is about, `<product>@<pool>` (the planner's stock id).
 * Plans cached before pools were planned have no product: their own key stands for the stock.
 * @example stockKeyOf({ productId: 'MUG', poolId: 'fba:NA', key: 'pool:MUG@fba:NA' }) // 'MUG@fba:NA'
 */
export function stockKeyOf(p: { productId: string; poolId: string; key?: string }): string {
  return p.productId ? `${p.productId}@${p.poolId}` : (p.key ?? `@${p.poolId}`);
}

/**
 * The plans that each stand for one reorder to place: a reorder is due (`reorderDate` set, a
 * quantity above 0) and the plan is the stock's own answer, a pool plan or a listing that is
 * its pool's only channel (no `poolKey`). A stock seen twice keeps its pool plan (else the
 * first), so each physical reorder is taken exactly once. Input order is kept.
 * @example physicalReorders([poolPlan, memberOfPool, memberOfPool2, singleListing]) // [poolPlan, singleListing]
 */
export function physicalReorders(plans: readonly SkuPlan[]): SkuPlan[] {
  const chosen = new Map<string, SkuPlan>();
  for (const plan of plans) {
    if (plan.reorderDate === null || plan.reorderQuantity <= 0) continue;
    if (plan.scope === 'listing' && plan.poolKey !== undefined) continue;
    const key = stockKeyOf(plan);
    const seen = chosen.get(key);
    if (!seen || (seen.scope !== 'pool' && plan.scope === 'pool')) chosen.set(key, plan);
  }
  const kept = new Set(chosen.values());
  return plans.filter((p) => kept.has(p));
}

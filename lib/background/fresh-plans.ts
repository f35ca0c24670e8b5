/**
 * A re-plan's plans before they are saved, read as the store will give them once they are: a
 * page's panels are answered from them, and the save (up to a second and more for a large page of
 * a pooled store) runs after the answer instead of before it (replan.ts `onPlans`).
 */
import { safeParseFast } from '../exact-check';
import { skuPlanSchema, type SkuPlan } from '../planning/types';
import { isPoolPlanOf, pickPlan, type ListingIndexRow, type PlanOverlay } from '../store';

/** A plan key the save leaves as it is stored (planAfterSave). */
export const STORED_PLAN = 'stored';

export interface FreshPlans {
  /**
   * The plan a listing will show once saved, when the fresh plans are all the plans it will have
   * (its product was re-planned; every listing after a whole re-plan), with its indexed row as the
   * re-plan read it; undefined when its stored plan stands (getListingsWithPlans' overlay).
   */
  shown: PlanOverlay;
  /** A plan by key once saved: the fresh one, undefined when the save deletes it, STORED_PLAN when it leaves the stored one. */
  planAfterSave(key: string): SkuPlan | undefined | typeof STORED_PLAN;
}

/**
 * The fresh plans of a re-plan as savePlans will leave the store: a plan that fails the SkuPlan
 * schema is refused (so a listing it covered shows its other plans, or none); a re-planned
 * listing's plans are exactly the saved ones covering it, and it shows the one pickPlan picks
 * among them in key order; a stored plan covering a re-planned listing, or a pool plan of a
 * re-planned product, that the re-plan did not make again is deleted. `replanned`: the products
 * re-planned, or 'all' (the whole store); `listings`: their listings' indexed rows as the re-plan
 * read them (loadReplanInput: every listing of those products), so the panels read none again.
 * @example freshPlansOf([plan], 'all', []).shown(plan.key) // { plan, listing: undefined }
 */
export function freshPlansOf(plans: readonly SkuPlan[], replanned: readonly string[] | 'all', listings: readonly ListingIndexRow[]): FreshPlans {
  const byKey = new Map<string, SkuPlan>();
  for (const plan of plans) byKey.set(plan.key, plan);
  const valid = new Map<string, SkuPlan | undefined>();
  const validPlan = (key: string): SkuPlan | undefined => {
    if (valid.has(key)) return valid.get(key);
    const parsed = safeParseFast(skuPlanSchema, byKey.get(key));
    const plan = parsed.success ? parsed.data : undefined;
    valid.set(key, plan);
    return plan;
  };
  let covering: Map<string, string[]> | undefined;
  const coveringOf = (listingKey: string) => {
    // Built on first use, in key order: which of two equally urgent plans a listing shows never depends on the planner's order.
    if (!covering) {
      covering = new Map();
      for (const key of [...byKey.keys()].sort()) for (const k of byKey.get(key)!.listingKeys) (covering.get(k) ?? covering.set(k, []).get(k)!).push(key);
    }
    return covering.get(listingKey) ?? [];
  };
  const rows = new Map(listings.map((l) => [l.key, l]));
  const replannedProducts = replanned === 'all' ? undefined : new Set(replanned);
  const isReplanned = (listingKey: string) => replannedProducts === undefined || rows.has(listingKey);
  // Asked twice per listing (for its row, then its plan): picked once.
  const shown = new Map<string, ReturnType<PlanOverlay>>();
  return {
    shown(listingKey) {
      if (shown.has(listingKey)) return shown.get(listingKey);
      const answer = isReplanned(listingKey)
        ? { plan: pickPlan(coveringOf(listingKey).flatMap((key) => validPlan(key) ?? [])), listing: rows.get(listingKey) }
        : undefined;
      shown.set(listingKey, answer);
      return answer;
    },
    planAfterSave(key) {
      if (byKey.has(key)) return validPlan(key);
      if (replannedProducts === undefined || isReplanned(key) || isPoolPlanOf(key, replannedProducts)) return undefined;
      return STORED_PLAN;
    },
  };
}

/**
 * The FBA capacity limit shared by every stock of a marketplace (lib/planning/fba-capacity-share.ts)
 * over the plans the re-plan caches, after the purchasing answers have set each reorder: a
 * re-plan of a few products competes with the cached plans of the other stocks of the same
 * marketplaces, and those whose answer changes are returned too (saved with the re-planned
 * ones), so no cached plan keeps room the others now take.
 */
import { withSharedFbaCapacity } from '../planning';
import type { SkuPlan } from '../planning/types';
import { migrateSettings } from '../settings';
import { loadSettings, type StoreDb } from '../store';

/**
 * `whole`: `plans` are the whole store's (a re-plan of every product).
 * @example await withSharedCapacity(db, plans, false) // the re-planned plans, then the cached ones whose hold changed
 */
export async function withSharedCapacity(db: StoreDb, plans: readonly SkuPlan[], whole: boolean): Promise<SkuPlan[]> {
  const settings = migrateSettings(await loadSettings(db));
  const limits = settings.fbaFees.capacityCubicFeetByMarketplace ?? {};
  const marketplaces = new Set(plans.flatMap((p) => (p.fbaCapacityClaim && limits[p.fbaCapacityClaim.marketplace] ? [p.fbaCapacityClaim.marketplace] : [])));
  if (marketplaces.size === 0) return [...plans];
  const others = whole ? [] : await otherClaimingPlans(db, plans, marketplaces);
  const shared = withSharedFbaCapacity([...plans, ...others], settings);
  const changedOthers = shared.slice(plans.length).filter((plan, i) => JSON.stringify(plan) !== JSON.stringify(others[i]));
  return [...shared.slice(0, plans.length), ...changedOthers];
}

/** The cached plans of other products that hold FBA stock in one of `marketplaces`. */
async function otherClaimingPlans(db: StoreDb, plans: readonly SkuPlan[], marketplaces: ReadonlySet<string>): Promise<SkuPlan[]> {
  const products = new Set(plans.map((p) => p.productId));
  const keys = new Set(plans.map((p) => p.key));
  const rows = await db.plans.toArray();
  return rows
    .map((r) => r.plan)
    .filter((p) => !products.has(p.productId) && !keys.has(p.key) && p.fbaCapacityClaim !== undefined && marketplaces.has(p.fbaCapacityClaim.marketplace));
}

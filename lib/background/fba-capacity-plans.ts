/**
 * The FBA capacity limit shared by the stocks of one seller account in a marketplace (each
 * account has its own: lib/planning/fba-capacity-share.ts, lib/accounts/plan.ts)
 * over the plans the re-plan caches, after the purchasing answers have set each reorder: a
 * re-plan of a few products competes with the cached plans of the other stocks of the same
 * marketplaces, and those whose answer changes are returned too (saved with the re-planned
 * ones), so no cached plan keeps room the others now take.
 */
import { capacityLimitsByAccount } from '../accounts/plan';
import { parseAccountsDoc } from '../accounts/registry';
import { capacityGroupOf, withSharedFbaCapacity } from '../planning';
import type { SkuPlan } from '../planning/types';
import { migrateSettings } from '../settings';
import { loadAccounts, loadSettings, plansCoveringPrefix, type StoreDb } from '../store';

/**
 * `whole`: `plans` are the whole store's (a re-plan of every product).
 * @example await withSharedCapacity(db, plans, false) // the re-planned plans, then the cached ones whose hold changed
 */
export async function withSharedCapacity(db: StoreDb, plans: readonly SkuPlan[], whole: boolean): Promise<SkuPlan[]> {
  const settings = migrateSettings(await loadSettings(db));
  const limitOf = capacityLimitsByAccount(settings, parseAccountsDoc(await loadAccounts(db)));
  const marketplaces = new Set(plans.flatMap((p) => (p.fbaCapacityClaim && capacityGroupOf(p, limitOf) ? [p.fbaCapacityClaim.marketplace] : [])));
  if (marketplaces.size === 0) return [...plans];
  const others = whole ? [] : await otherClaimingPlans(db, plans, marketplaces);
  const shared = withSharedFbaCapacity([...plans, ...others], settings, limitOf);
  const changedOthers = shared.slice(plans.length).filter((plan, i) => JSON.stringify(plan) !== JSON.stringify(others[i]));
  return [...shared.slice(0, plans.length), ...changedOthers];
}

/**
 * The cached plans of other products that hold FBA stock in one of `marketplaces`, in key order.
 * A claim's marketplace is one of its listings' (fees-facts.ts), and a listing key starts with
 * its platform and marketplace: so only the plans covering a listing of those marketplaces are
 * read (two key ranges each: listing plans by key, pool plans by index), not every cached plan.
 */
async function otherClaimingPlans(db: StoreDb, plans: readonly SkuPlan[], marketplaces: ReadonlySet<string>): Promise<SkuPlan[]> {
  const products = new Set(plans.map((p) => p.productId));
  const keys = new Set(plans.map((p) => p.key));
  const prefixes = new Set<string>();
  for (const p of plans)
    for (const key of p.listingKeys) {
      const [platform, marketplace] = key.split('|');
      if (marketplace !== undefined && marketplaces.has(marketplace)) prefixes.add(`${platform}|${marketplace}|`);
    }
  const found = await Promise.all([...prefixes].map((prefix) => plansCoveringPrefix(db, prefix)));
  // A plan covering several listings of a marketplace is found once per listing.
  const byKey = new Map(found.flat().map((r) => [r.key, r.plan]));
  return [...byKey.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .filter((p) => !products.has(p.productId) && !keys.has(p.key) && p.fbaCapacityClaim !== undefined && marketplaces.has(p.fbaCapacityClaim.marketplace));
}

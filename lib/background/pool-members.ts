/**
 * The other channels of a panel's stock pool, for its Details: every other listing that draws
 * on the same stock (platform, marketplace, SKU), what it lists now and its own channel answer
 * (how much to list there), read from the member plans the planner already cached. A listing
 * sold from a stock of its own has none.
 */
import { MAX_POOL_MEMBERS, type PanelData, type PoolMember } from '../messaging/protocol';
import type { SkuPlan } from '../planning/types';
import type { Platform } from '../records';
import { getListingsWithPlans, getPlans, type StoreDb } from '../store';
import { STORED_PLAN, type FreshPlans } from './fresh-plans';

/** A member listing as the store holds it: its identity and the plan it shows (absent = not planned yet). */
interface MemberRow {
  listing: { key: string; platform: Platform; marketplace: string; sku: string };
  plan?: SkuPlan | undefined;
}

/**
 * One pool member as the Details list it: its channel line when its stock is split across
 * channels (own warehouse, counted stock), else only its sales from the shared stock.
 * @example poolMemberOf({ listing: { key, platform: 'ebay', marketplace: 'ebay.com', sku: 'LAMP' }, plan }).suggested // 12
 */
function poolMemberOf(row: MemberRow): PoolMember {
  const { listing, plan } = row;
  return {
    key: listing.key,
    platform: listing.platform,
    marketplace: listing.marketplace,
    sku: listing.sku,
    listed: plan?.channel?.listed ?? null,
    suggested: plan?.channel?.suggested ?? null,
    dailyDemand: plan ? plan.forecast.meanDaily : null,
  };
}

/**
 * The panels with their pool's other listings (`poolMembers`), in key order; a panel outside a
 * shared pool, or whose pool plan is not cached, is returned as it is. `fresh`: a re-plan's plans
 * not saved yet, read as the store will give them once they are.
 * @example (await withPoolMembers(db, panels))[0].poolMembers?.map((m) => m.marketplace) // ['ebay.com', 'walmart.com']
 */
export async function withPoolMembers(db: StoreDb, panels: readonly PanelData[], fresh?: FreshPlans): Promise<PanelData[]> {
  const poolKeys = [...new Set(panels.flatMap((p) => (p.pool ? [p.pool.key] : [])))];
  if (poolKeys.length === 0) return [...panels];
  const membersOf = new Map<string, string[]>();
  for (const plan of await poolPlans(db, poolKeys, fresh)) if (plan) membersOf.set(plan.key, [...plan.listingKeys].sort());
  const keys = [...new Set([...membersOf.values()].flat())];
  const rows = new Map<string, PoolMember>();
  for (const row of await getListingsWithPlans(db, keys, fresh?.shown)) if (row) rows.set(row.listing.key, poolMemberOf(row));
  return panels.map((panel) => {
    const members = panel.pool ? membersOf.get(panel.pool.key) : undefined;
    if (!members) return panel;
    const others = members.flatMap((k) => {
      const member = k === panel.key ? undefined : rows.get(k);
      return member ? [member] : [];
    });
    return others.length ? { ...panel, poolMembers: others.slice(0, MAX_POOL_MEMBERS) } : panel;
  });
}

/** The pool plans by key: fresh where a re-plan not saved yet made or deletes them, else stored. */
async function poolPlans(db: StoreDb, keys: readonly string[], fresh: FreshPlans | undefined): Promise<(SkuPlan | undefined)[]> {
  const after = keys.map((k) => (fresh ? fresh.planAfterSave(k) : STORED_PLAN));
  const storedKeys = keys.filter((_, i) => after[i] === STORED_PLAN);
  const stored = new Map((await getPlans(db, storedKeys)).flatMap((row) => (row ? [[row.key, row.plan] as const] : [])));
  return keys.map((k, i) => (after[i] === STORED_PLAN ? stored.get(k) : (after[i] as SkuPlan | undefined)));
}

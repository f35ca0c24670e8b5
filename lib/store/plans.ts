/**
 * Writing the planning core's results. Each listing also gets its plan's days of cover, risk
 * types and sort key copied onto its row: the popup's at-risk list then walks one index of
 * one table instead of joining two tables on every open.
 */
import { skuPlanSchema, type SkuPlan } from '../planning/types';
import type { StoreDb } from './db';
import { urgencyOf } from '../planning/urgency';
import { NO_PLAN_BASE, type ListingRow } from './tables/listings';
import { planRowOf, type PlanRow } from './tables/plans';
import { readListings, writeListings } from './listing-store';

export interface SavePlansResult {
  saved: number;
  deleted: number;
  /** Plans refused because they did not match the SkuPlan schema (a planner bug: reported, not stored). */
  invalid: { key: string; reason: string }[];
}

/**
 * Stores plans (replacing those with the same key). With `replaceAll`, plans not in `plans`
 * are deleted too (a full recompute), so listings that lost their plan lose its risk.
 * @example await savePlans(db, [plan], new Date())
 */
export async function savePlans(
  db: StoreDb,
  plans: readonly SkuPlan[],
  options: { replaceAll?: boolean; /** Listings re-planned whole: their old plans not in `plans` go. */ replaceFor?: readonly string[] } = {},
): Promise<SavePlansResult> {
  const invalid: SavePlansResult['invalid'] = [];
  const rows: PlanRow[] = [];
  for (const plan of plans) {
    const parsed = skuPlanSchema.safeParse(plan);
    if (parsed.success) rows.push(planRowOf(parsed.data));
    else invalid.push({ key: String((plan as { key?: unknown }).key), reason: parsed.error.issues[0]?.message ?? 'invalid' });
  }
  return db.transaction('rw', [db.plans, db.listings, db.listingChunks, db.searchChunks], async () => {
    const affected = new Set<string>();
    let deleted = 0;
    if (options.replaceAll) {
      const keep = new Set(rows.map((r) => r.key));
      const old = await db.plans.toArray();
      const gone = old.filter((p) => !keep.has(p.key));
      for (const p of gone) for (const k of p.listingKeys) affected.add(k);
      await db.plans.bulkDelete(gone.map((p) => p.key));
      deleted = gone.length;
    } else {
      // A plan whose listing set shrank must release the listings it no longer covers.
      const old = await db.plans.bulkGet(rows.map((r) => r.key));
      for (const p of old) if (p) for (const k of p.listingKeys) affected.add(k);
      if (options.replaceFor?.length) {
        // A pool plan whose stock emptied (its listings moved to another pool or product) is not
        // made again: it goes with the re-plan of those listings' products.
        const keep = new Set(rows.map((r) => r.key));
        const gone = (await plansCovering(db, options.replaceFor)).filter((p) => !keep.has(p.key));
        for (const p of gone) for (const k of p.listingKeys) affected.add(k);
        await db.plans.bulkDelete(gone.map((p) => p.key));
        deleted = gone.length;
      }
    }
    await db.plans.bulkPut(rows);
    for (const r of rows) for (const k of r.listingKeys) affected.add(k);
    await refreshListingPlans(db, [...affected]);
    return { saved: rows.length, deleted, invalid };
  });
}

/**
 * The plan a listing shows: its own listing plan if there is one (a member of a shared pool
 * carries the pool's answer plus its channel line), else its pooled plan (the most urgent,
 * should it somehow be in several).
 * @example pickPlan([poolPlan, listingPlan]) === listingPlan // true
 */
export function pickPlan(plans: readonly PlanRow[]): PlanRow | undefined {
  let best: PlanRow | undefined;
  for (const p of plans) {
    if (!best) best = p;
    else if (p.scope !== best.scope) best = p.scope === 'listing' ? p : best;
    else if ((p.daysOfCover ?? Infinity) < (best.daysOfCover ?? Infinity)) best = p;
  }
  return best;
}

/** Re-copies plan fields (and the plan itself, onto the indexed row) onto listings (inside a transaction over plans + listings + listingChunks + searchChunks). */
export async function refreshListingPlans(db: StoreDb, listingKeys: readonly string[]): Promise<void> {
  if (listingKeys.length === 0) return;
  const plans = await plansCovering(db, listingKeys);
  const listings = await readListings(db, listingKeys);
  const byListing = new Map<string, PlanRow[]>();
  for (const p of plans) for (const k of p.listingKeys) (byListing.get(k) ?? byListing.set(k, []).get(k)!).push(p);
  const updated: ListingRow[] = [];
  const before = new Map<string, ListingRow>();
  const shown = new Map<string, SkuPlan | undefined>();
  for (const row of listings) {
    if (!row) continue; // a plan may name a listing the store has not seen (or deleted)
    const plan = pickPlan(byListing.get(row.key) ?? []);
    const next: ListingRow = { ...row };
    if (plan) {
      next.planKey = plan.key;
      next.daysOfCover = plan.daysOfCover;
      next.riskTypes = plan.riskTypes;
    } else {
      delete next.planKey;
      delete next.daysOfCover;
      delete next.riskTypes;
    }
    next.urgency = plan ? urgencyOf(plan.plan).rank : NO_PLAN_BASE;
    before.set(row.key, row);
    shown.set(row.key, plan?.plan);
    updated.push(next);
  }
  await writeListings(db, updated, { before, plans: shown });
}

/**
 * The plans that cover any of these listings (inside a transaction over plans). anyOf walks the
 * index with a cursor, a round trip per step in Chromium: past a few hundred keys, one request
 * per listing is faster, and past a third of the table, one scan (both give the scan's order).
 */
async function plansCovering(db: StoreDb, listingKeys: readonly string[]): Promise<PlanRow[]> {
  if (listingKeys.length <= 200)
    return db.plans
      .where('listingKeys')
      .anyOf(listingKeys as string[])
      .toArray();
  const wanted = new Set(listingKeys);
  if (listingKeys.length * 3 >= (await db.plans.count())) return (await db.plans.toArray()).filter((p) => p.listingKeys.some((k) => wanted.has(k)));
  const found = await Promise.all(listingKeys.map((k) => db.plans.where('listingKeys').equals(k).toArray()));
  const byKey = new Map<string, PlanRow>();
  for (const list of found) for (const p of list) byKey.set(p.key, p);
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** @example (await getPlans(db, ['amazon|amazon.com|A']))[0]?.plan.daysOfCover */
export async function getPlans(db: StoreDb, keys: readonly string[]): Promise<(PlanRow | undefined)[]> {
  return db.plans.bulkGet(keys as string[]);
}

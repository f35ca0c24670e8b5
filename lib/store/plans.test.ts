import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SkuPlan } from '../planning/types';
import { planWith } from '../purchasing/test-purchasing';
import { mergeObservations } from './merge';
import { refreshListingPlans, samePlanAnswer, savePlans } from './plans';
import { readListings } from './listing-store';
import { indexRowOf, NO_PLAN_BASE } from './tables/listings';
import { urgencyOf } from '../planning/urgency';
import { entriesOf, searchEntryOf } from './tables/searchChunks';
import { dropStores, freshStore, listingObs } from './test-helpers';
import type { StoreDb } from './db';

const AT = '2026-03-02T12:00:00.000Z';
const SKUS = ['A1', 'A2', 'B1', 'B2'];
const keyOf = (sku: string) => `amazon|amazon.com|${sku}`;

/** A pool plan of `product` covering `skus`, with `cover` days of cover. */
function poolPlan(product: string, skus: readonly string[], cover: number): SkuPlan {
  return planWith({ productId: product, sku: product, listingKeys: skus.map(keyOf), daysOfCover: cover });
}

/** What each listing's indexed row carries of its plan. */
async function shown(db: StoreDb) {
  const rows = await db.listings.bulkGet(SKUS.map(keyOf));
  return rows.map((r) => [r?.key, r?.planKey ?? null, r?.daysOfCover ?? null, r?.urgency]);
}

/**
 * The two copies of each listing's plan fields agree: the indexed row (with the plan it shows)
 * and the search entry; the rest of the indexed row is the full row's projection. A save skips
 * the search writes of listings whose sort key and risks did not change, so a wrong skip shows here.
 */
async function expectCopiesAgree(db: StoreDb): Promise<void> {
  const full = await readListings(db, SKUS.map(keyOf));
  const indexed = await db.listings.bulkGet(SKUS.map(keyOf));
  const entries = new Map((await db.searchChunks.toArray()).flatMap(entriesOf).map((e) => [e.key, e]));
  full.forEach((row, i) => {
    const index = indexed[i]!;
    expect(index).toEqual(indexRowOf(row!, index));
    // The fields the indexed row copies from the plan it shows (savePlans).
    const { plan } = index;
    expect([index.planKey, index.daysOfCover, index.urgency]).toEqual(
      plan ? [plan.key, plan.daysOfCover, urgencyOf(plan).rank] : [undefined, undefined, NO_PLAN_BASE],
    );
    expect(entries.get(row!.key)).toEqual(searchEntryOf(index));
  });
}

afterEach(dropStores);

describe('savePlans', () => {
  it('property: a partial save leaves each listing showing what reading every plan back would show', async () => {
    const coverArb = fc.integer({ min: 1, max: 200 });
    const layoutArb = fc.subarray(SKUS, { minLength: 0 });
    await fc.assert(
      fc.asyncProperty(layoutArb, layoutArb, coverArb, fc.option(coverArb), fc.boolean(), async (first, second, c1, c2OrSame, listingPlan) => {
        // Often the same cover again: the listings' plan fields then stay as they were.
        const c2 = c2OrSame ?? c1;
        const db = await freshStore('plans-save');
        await mergeObservations(
          db,
          SKUS.map((sku) => listingObs(sku, AT, { available: 10 })),
          new Date(AT),
        );
        // Product A covers some listings; then it is re-planned covering others (listings move, plans go).
        await savePlans(db, [poolPlan('A', first, c1), poolPlan('B', SKUS.filter((s) => !first.includes(s)).slice(0, 1), 50)]);
        const again = [
          poolPlan('A', second, c2),
          ...(listingPlan && second[0] ? [{ ...poolPlan('A', [second[0]], c2 + 1), key: keyOf(second[0]), scope: 'listing' as const }] : []),
        ];
        await savePlans(db, second.length ? again : [], { replaceFor: [...new Set([...first, ...second])].map(keyOf) });
        const saved = await shown(db);
        await expectCopiesAgree(db);
        await refreshListingPlans(db, SKUS.map(keyOf));
        expect(saved).toEqual(await shown(db));
        await expectCopiesAgree(db);
        db.close();
      }),
      { numRuns: 40, seed: 20_261_203 },
    );
  });

  it('writes again only the plans whose answer moved, and only the listings they show on', async () => {
    const db = await freshStore('plans-moved');
    await mergeObservations(
      db,
      SKUS.map((sku) => listingObs(sku, AT, { available: 10 })),
      new Date(AT),
    );
    const first = [poolPlan('A', ['A1', 'A2'], 40), poolPlan('B', ['B1', 'B2'], 90)];
    await savePlans(db, first);
    const planWrites = vi.spyOn(db.plans, 'bulkPut');
    const listingWrites = vi.spyOn(db.listings, 'bulkPut');
    // Re-planned a minute later: A's answer moved, B's is the same but for when it was computed.
    const later = '2026-03-02T12:01:00.000Z';
    const again = [poolPlan('A', ['A1', 'A2'], 12), { ...poolPlan('B', ['B1', 'B2'], 90), computedAt: later }];
    await savePlans(db, again, { replaceFor: SKUS.map(keyOf) });
    expect(planWrites.mock.calls.flatMap(([rows]) => rows.map((r) => r.key))).toEqual([again[0]!.key]);
    expect(listingWrites.mock.calls.flatMap(([rows]) => rows.map((r) => r.key)).sort()).toEqual([keyOf('A1'), keyOf('A2')]);
    expect(await shown(db)).toEqual([
      [keyOf('A1'), again[0]!.key, 12, urgencyOf(again[0]!).rank],
      [keyOf('A2'), again[0]!.key, 12, urgencyOf(again[0]!).rank],
      [keyOf('B1'), first[1]!.key, 90, urgencyOf(first[1]!).rank],
      [keyOf('B2'), first[1]!.key, 90, urgencyOf(first[1]!).rank],
    ]);
    await expectCopiesAgree(db);
    db.close();
  });

  it('a whole save puts right a listing row out of step with its unchanged plan', async () => {
    const db = await freshStore('plans-repair');
    await mergeObservations(
      db,
      SKUS.map((sku) => listingObs(sku, AT, { available: 10 })),
      new Date(AT),
    );
    const plans = [poolPlan('A', ['A1', 'A2'], 40), poolPlan('B', ['B1', 'B2'], 90)];
    await savePlans(db, plans);
    // A row that lost its plan fields some other way (an older build, a bug elsewhere).
    const row = (await db.listings.get(keyOf('B1')))!;
    await db.listings.put({ ...row, planKey: undefined, daysOfCover: undefined, plan: undefined, urgency: NO_PLAN_BASE });
    await savePlans(db, plans, { replaceFor: [keyOf('A1')] });
    expect((await db.listings.get(keyOf('B1')))?.planKey).toBeUndefined();
    await savePlans(db, plans, { replaceAll: true });
    expect((await db.listings.get(keyOf('B1')))?.planKey).toBe(plans[1]!.key);
    db.close();
  });
});

describe('samePlanAnswer', () => {
  const plan = poolPlan('A', ['A1'], 30);
  it('is true for the same answer computed at another time', () => {
    expect(samePlanAnswer(plan, { ...plan, computedAt: '2026-03-03T08:00:00.000Z' })).toBe(true);
  });
  it('is false when any part of the answer differs, or there is no earlier plan', () => {
    expect(samePlanAnswer(plan, { ...plan, daysOfCover: 31 })).toBe(false);
    expect(samePlanAnswer(plan, { ...plan, alerts: [...plan.alerts, { code: 'stockout-soon', severity: 'warning', params: {} } as never] })).toBe(false);
    expect(samePlanAnswer(undefined, plan)).toBe(false);
    expect(samePlanAnswer({ ...plan, key: 'other' }, plan)).toBe(false);
  });
});

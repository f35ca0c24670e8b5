import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { skuPlanSchema, type SkuPlan } from '../planning/types';
import { planWith } from '../purchasing/test-purchasing';
import { mergeObservations } from './merge';
import { planAnswerOf, plansCovering, plansCoveringPrefix, refreshListingPlans, samePlanAnswer, savePlans, shownPlanOf } from './plans';
import { readListings } from './listing-store';
import { indexRowOf } from './tables/listings';
import { groupOf } from './groups';
import { getListingsWithPlans } from './queries';
import { urgencyOf } from '../planning/urgency';
import { NO_PLAN_SHOWN, searchEntryOf } from './tables/searchChunks';
import { allSearchEntries, dropStores, freshStore, listingObs } from './test-helpers';
import type { StoreDb } from './db';

const AT = '2026-03-02T12:00:00.000Z';
const SKUS = ['A1', 'A2', 'B1', 'B2'];
const keyOf = (sku: string) => `amazon|amazon.com|${sku}`;

/** A pool plan of `product` covering `skus`, with `cover` days of cover. */
function poolPlan(product: string, skus: readonly string[], cover: number): SkuPlan {
  return planWith({ productId: product, sku: product, listingKeys: skus.map(keyOf), daysOfCover: cover });
}

/** What each listing shows of its plan: the plan its indexed row names, its cover, and the sort key in its search entry. */
async function shown(db: StoreDb) {
  const rows = await getListingsWithPlans(db, SKUS.map(keyOf));
  const entries = new Map((await allSearchEntries(db)).map((e) => [e.key, e]));
  return rows.map((r) => [r?.listing.key, r?.listing.planKey ?? null, r?.plan?.daysOfCover ?? null, entries.get(r!.listing.key)?.urgency]);
}

/**
 * What each listing shows of its plan agrees in both places: the plan key on the indexed row
 * names a stored plan, and the search entry holds that plan's sort key and risk tags; the rest
 * of the indexed row is the full row's projection. A save skips the writes of listings whose
 * plan key, sort key and risks did not change, so a wrong skip shows here.
 */
async function expectCopiesAgree(db: StoreDb): Promise<void> {
  const full = await readListings(db, SKUS.map(keyOf));
  const indexed = await db.listings.bulkGet(SKUS.map(keyOf));
  const entries = new Map((await allSearchEntries(db)).map((e) => [e.key, e]));
  for (const [i, row] of full.entries()) {
    const index = indexed[i]!;
    expect(index).toEqual(indexRowOf(row!, index));
    const plan = index.planKey === undefined ? undefined : await db.plans.get(index.planKey);
    expect(plan === undefined).toBe(index.planKey === undefined);
    const { planAnswer, ...entry } = entries.get(row!.key)!;
    const { planAnswer: _answer, ...expected } = searchEntryOf(index, plan ? shownPlanOf(plan) : NO_PLAN_SHOWN);
    expect(entry).toEqual(expected);
    // An entry knows the answer of its listing's own plan only: the answer of the plan as stored.
    if (planAnswer !== undefined) expect([plan?.key, planAnswer]).toEqual([row!.key, plan && planAnswerOf(plan.plan)]);
    if (plan) expect(entries.get(row!.key)?.urgency).toBe(urgencyOf(plan.plan).rank);
  }
}

afterEach(dropStores);

/** A store of the four listings, with product A's pool plan over A1 and A2 (40 days) and B's over B1 and B2 (90 days) saved. */
async function twoPoolsPlanned(name: string): Promise<{ db: StoreDb; first: SkuPlan[] }> {
  const db = await freshStore(name);
  await mergeObservations(
    db,
    SKUS.map((sku) => listingObs(sku, AT, { available: 10 })),
    new Date(AT),
  );
  const first = [poolPlan('A', ['A1', 'A2'], 40), poolPlan('B', ['B1', 'B2'], 90)];
  await savePlans(db, first);
  return { db, first };
}

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

  it("property: naming the re-planned products (their plans found by their listings' answers and pool keys) leaves the store as reading every covering plan by listing does", async () => {
    const owner: Record<string, string> = { A1: 'A', A2: 'A', B1: 'B', B2: 'B' };
    const coverArb = fc.integer({ min: 1, max: 200 });
    // One product's plans: up to two pool plans over some of its listings, and listing plans of some of them.
    const plansOf = (product: string) =>
      fc
        .tuple(
          fc.subarray(SKUS.filter((k) => owner[k] === product)),
          fc.subarray(SKUS.filter((k) => owner[k] === product)),
          fc.subarray(SKUS.filter((k) => owner[k] === product)),
          coverArb,
        )
        .map(([pool1, pool2, own, cover]) => [
          ...(pool1.length ? [planWith({ productId: product, poolId: 'own:main', sku: product, listingKeys: pool1.map(keyOf), daysOfCover: cover })] : []),
          ...(pool2.length ? [planWith({ productId: product, poolId: 'fba:NA', sku: product, listingKeys: pool2.map(keyOf), daysOfCover: cover + 3 })] : []),
          ...own.map((sku, i) => ({
            ...planWith({ productId: product, sku, listingKeys: [keyOf(sku)], daysOfCover: cover + i }),
            key: keyOf(sku),
            scope: 'listing' as const,
          })),
        ]);
    await fc.assert(
      fc.asyncProperty(
        plansOf('A'),
        plansOf('B'),
        plansOf('A'),
        plansOf('B'),
        fc.subarray(['A', 'B'], { minLength: 1 }),
        fc.boolean(),
        async (firstA, firstB, againA, againB, replanned, stray) => {
          const states = [];
          for (const byProduct of [false, true]) {
            const db = await freshStore(`plans-by-product-${byProduct}`);
            await mergeObservations(
              db,
              SKUS.map((sku) => listingObs(sku, AT, { available: 10 })),
              new Date(AT),
            );
            // A stray: A1's own plan saved while A1 was alone in product B (relinked to A since).
            const strayPlan = {
              ...planWith({ productId: 'B', sku: 'A1', listingKeys: [keyOf('A1')], daysOfCover: 7 }),
              key: keyOf('A1'),
              scope: 'listing' as const,
            };
            await savePlans(db, [...firstA, ...firstB, ...(stray && !firstA.some((p) => p.key === keyOf('A1')) ? [strayPlan] : [])]);
            const again = [...(replanned.includes('A') ? againA : []), ...(replanned.includes('B') ? againB : [])];
            const replaceFor = SKUS.filter((k) => replanned.includes(owner[k]!)).map(keyOf);
            const result = await savePlans(db, again, { replaceFor, ...(byProduct ? { replaceProducts: replanned } : {}) });
            states.push({ result, plans: await db.plans.orderBy('key').toArray(), shown: await shown(db) });
            await expectCopiesAgree(db);
            db.close();
          }
          expect(states[1]).toEqual(states[0]);
        },
      ),
      { numRuns: 40, seed: 20_261_205 },
    );
  });

  it('writes again only the plans whose answer moved, and only the search entries of the listings they show on', async () => {
    const { db, first } = await twoPoolsPlanned('plans-moved');
    const listingWrites = vi.spyOn(db.listings, 'bulkPut');
    const listingReads = vi.spyOn(db.listings, 'bulkGet');
    const searchWrites = vi.spyOn(db.shownChunks, 'bulkPut');
    const textWrites = vi.spyOn(db.searchChunks, 'bulkPut');
    // Re-planned a minute later: A's answer moved, B's is the same but for when it was computed.
    const later = '2026-03-02T12:01:00.000Z';
    const again = [poolPlan('A', ['A1', 'A2'], 12), { ...poolPlan('B', ['B1', 'B2'], 90), computedAt: later }];
    await savePlans(db, again, { replaceFor: SKUS.map(keyOf) });
    // B's stored plan is the first one (computed at the first time): it was not written again.
    expect((await db.plans.toArray()).map((r) => [r.key, r.computedAt])).toEqual([
      [again[0]!.key, again[0]!.computedAt],
      [first[1]!.key, first[1]!.computedAt],
    ]);
    expect(first[1]!.computedAt).not.toBe(later);
    // The listings still show the same plans: no indexed row is read (their search entries hold what the save needs of them) or written; the sort key moved in A's listings' search entries only.
    expect(listingReads.mock.calls.flatMap(([keys]) => keys)).toEqual([]);
    expect(listingWrites).not.toHaveBeenCalled();
    // Only what the listings show of their plans is written (schema v9), not their SKUs and titles.
    expect(textWrites).not.toHaveBeenCalled();
    expect(searchWrites.mock.calls.flatMap(([rows]) => rows.map((r) => r.group)).sort()).toEqual(
      [...new Set([groupOf(keyOf('A1')), groupOf(keyOf('A2'))])].sort(),
    );
    expect(await shown(db)).toEqual([
      [keyOf('A1'), again[0]!.key, 12, urgencyOf(again[0]!).rank],
      [keyOf('A2'), again[0]!.key, 12, urgencyOf(again[0]!).rank],
      [keyOf('B1'), first[1]!.key, 90, urgencyOf(first[1]!).rank],
      [keyOf('B2'), first[1]!.key, 90, urgencyOf(first[1]!).rank],
    ]);
    await expectCopiesAgree(db);
    db.close();
  });

  it("re-planning whole products reads back no plan whose listing's search entry holds its answer, and trusts no answer of a plan no longer stored", async () => {
    const db = await freshStore('plans-answers');
    await mergeObservations(
      db,
      SKUS.map((sku) => listingObs(sku, AT, { available: 10 })),
      new Date(AT),
    );
    const own = (sku: string, cover: number, computedAt = AT): SkuPlan => ({
      ...planWith({ productId: sku[0]!, sku, listingKeys: [keyOf(sku)], daysOfCover: cover }),
      key: keyOf(sku),
      scope: 'listing',
      computedAt,
    });
    const replacing = { replaceFor: SKUS.map(keyOf), replaceProducts: ['A', 'B'] };
    await savePlans(
      db,
      SKUS.map((sku) => own(sku, 30)),
    );
    expect(Object.fromEntries((await allSearchEntries(db)).map((e) => [e.key, e.planAnswer]))).toEqual(
      Object.fromEntries(SKUS.map((sku) => [keyOf(sku), planAnswerOf(own(sku, 30))])),
    );
    const reads = vi.spyOn(db.plans, 'bulkGet');
    const scans = vi.spyOn(db.plans, 'toArray');
    const writes = vi.spyOn(db.plans, 'bulkPut');
    // A minute later: A1's answer moved, the others' did not.
    const later = '2026-03-02T12:01:00.000Z';
    const result = await savePlans(db, [own('A1', 12, later), ...['A2', 'B1', 'B2'].map((sku) => own(sku, 30, later))], replacing);
    expect(result).toMatchObject({ saved: 4, added: 0, deleted: 0 });
    expect(reads.mock.calls.flatMap(([keys]) => keys)).toEqual([]);
    expect(scans).not.toHaveBeenCalled();
    expect(writes.mock.calls.flatMap(([rows]) => rows.map((r) => r.key))).toEqual([keyOf('A1')]);
    expect((await db.plans.orderBy('key').toArray()).map((r) => [r.plan.sku, r.plan.daysOfCover, r.computedAt])).toEqual([
      ['A1', 12, later],
      ['A2', 30, AT],
      ['B1', 30, AT],
      ['B2', 30, AT],
    ]);
    // A2's plan deleted behind its entry's back: saved again, not taken for unchanged by the answer its entry still holds.
    await db.plans.delete(keyOf('A2'));
    writes.mockClear();
    const again = await savePlans(
      db,
      SKUS.map((sku) => own(sku, sku === 'A1' ? 12 : 30, later)),
      replacing,
    );
    expect(again).toMatchObject({ added: 1, deleted: 0 });
    expect(writes.mock.calls.flatMap(([rows]) => rows.map((r) => r.key))).toEqual([keyOf('A2')]);
    // B2 no longer planned: its plan goes, known by its entry alone.
    const gone = await savePlans(
      db,
      ['A1', 'A2', 'B1'].map((sku) => own(sku, sku === 'A1' ? 12 : 30, later)),
      replacing,
    );
    expect(gone).toMatchObject({ added: 0, deleted: 1 });
    expect(await db.plans.get(keyOf('B2'))).toBeUndefined();
    await expectCopiesAgree(db);
  });

  it('checks against the schema only the plans it writes: a moved plan that fails is refused and the stored one kept', async () => {
    const { db, first } = await twoPoolsPlanned('plans-invalid');
    const parse = vi.spyOn(skuPlanSchema, 'safeParse');
    // B comes again unchanged (not parsed, not written); A moved to an answer the schema refuses.
    const result = await savePlans(db, [
      { ...poolPlan('A', ['A1', 'A2'], 40), daysOfCover: -1 },
      { ...first[1]!, computedAt: '2026-03-02T12:01:00.000Z' },
    ]);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ saved: 1, added: 0, deleted: 0, invalid: [{ key: first[0]!.key }] });
    expect((await db.plans.toArray()).map((r) => [r.key, r.daysOfCover, r.computedAt])).toEqual(first.map((p) => [p.key, p.daysOfCover, p.computedAt]));
    // The same refused plan in a re-plan of its listings: the old plan covering them goes, as any plan not made again does.
    expect((await savePlans(db, [{ ...first[0]!, daysOfCover: -1 }], { replaceFor: [keyOf('A1'), keyOf('A2')] })).deleted).toBe(1);
    expect((await db.plans.toArray()).map((r) => r.key)).toEqual([first[1]!.key]);
    await expectCopiesAgree(db);
    db.close();
  });

  it("stores a moved plan the schema gives back as it is without zod's parse, and one with a field the schema drops as zod gives it", async () => {
    const { db, first } = await twoPoolsPlanned('plans-exact');
    const parse = vi.spyOn(skuPlanSchema, 'safeParse');
    parse.mockClear();
    const exact = { ...poolPlan('A', ['A1', 'A2'], 40), computedAt: '2026-03-02T12:01:00.000Z' };
    const extra = { ...first[1]!, daysOfCover: 41, debugNote: 'not in the schema' };
    const result = await savePlans(db, [exact, extra]);
    expect(result).toMatchObject({ saved: 2, invalid: [] });
    // Only the plan with the extra field went through zod.
    expect(parse).toHaveBeenCalledTimes(1);
    const stored = new Map((await db.plans.toArray()).map((r) => [r.key, r]));
    expect(stored.get(exact.key)?.daysOfCover).toBe(40);
    expect(stored.get(extra.key)?.daysOfCover).toBe(41);
    expect(stored.get(extra.key)).not.toHaveProperty('debugNote');
    expect(stored.get(extra.key)?.plan).not.toHaveProperty('debugNote');
    await expectCopiesAgree(db);
    parse.mockRestore();
    db.close();
  });

  it('a whole save puts right a listing row out of step with its unchanged plan', async () => {
    const { db, first: plans } = await twoPoolsPlanned('plans-repair');
    // A row that lost its plan fields some other way (an older build, a bug elsewhere).
    const row = (await db.listings.get(keyOf('B1')))!;
    const { planKey: _planKey, ...withoutPlan } = row;
    await db.listings.put(withoutPlan);
    await savePlans(db, plans, { replaceFor: [keyOf('A1')] });
    expect((await db.listings.get(keyOf('B1')))?.planKey).toBeUndefined();
    await savePlans(db, plans, { replaceAll: true });
    expect((await db.listings.get(keyOf('B1')))?.planKey).toBe(plans[1]!.key);
    db.close();
  });
});

describe('plansCovering', () => {
  it('finds listing plans by their key and pool plans by the listings they cover, and by marketplace prefix', async () => {
    const db = await freshStore('plans-covering');
    const pool = poolPlan('A', ['A1', 'A2'], 40);
    const own = { ...poolPlan('A', ['B1'], 9), key: keyOf('B1'), scope: 'listing' as const };
    const elsewhere = { ...poolPlan('C', [], 9), key: 'amazon|amazon.de|C1', scope: 'listing' as const, listingKeys: ['amazon|amazon.de|C1'] };
    await savePlans(db, [pool, own, elsewhere]);
    // Only the pool plan carries the index field: a listing plan's puts write no index entry.
    expect((await db.plans.toArray()).map((p) => [p.key, p.poolListingKeys])).toEqual([
      [keyOf('B1'), undefined],
      ['amazon|amazon.de|C1', undefined],
      [pool.key, [keyOf('A1'), keyOf('A2')]],
    ]);
    const keys = async (listings: string[]) => (await db.transaction('r', db.plans, () => plansCovering(db, listings))).map((p) => p.key);
    expect(await keys([keyOf('A2'), keyOf('B1')])).toEqual([keyOf('B1'), pool.key]);
    expect(await keys([keyOf('B2')])).toEqual([]);
    expect(await keys([])).toEqual([]);
    // Past 200 listings the table's size picks one scan or a request per listing; a caller's
    // count (even a wrong one) only picks the way, never the plans found.
    const many = [keyOf('A2'), ...Array.from({ length: 248 }, (_, i) => keyOf(`Z${i}`)), keyOf('B1')];
    for (const planCount of [undefined, 0, 3, 1_000_000])
      expect((await db.transaction('r', db.plans, () => plansCovering(db, many, planCount))).map((p) => p.key)).toEqual([keyOf('B1'), pool.key]);
    expect((await plansCoveringPrefix(db, 'amazon|amazon.com|')).map((p) => p.key)).toEqual([keyOf('B1'), pool.key]);
    expect((await plansCoveringPrefix(db, 'amazon|amazon.de|')).map((p) => p.key)).toEqual(['amazon|amazon.de|C1']);
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

describe('planAnswerOf', () => {
  const plan = poolPlan('A', ['A1'], 30);
  it('is the same for the same answer computed at another time, and short', () => {
    expect(planAnswerOf({ ...plan, computedAt: '2026-03-03T08:00:00.000Z' })).toBe(planAnswerOf(plan));
    expect(planAnswerOf(plan)).toMatch(/^[0-9a-f]{14}$/);
  });
  it('differs when any part of the answer differs, nested ones included', () => {
    const others = [
      { ...plan, daysOfCover: 31 },
      { ...plan, forecast: { ...plan.forecast, p90: plan.forecast.p90 + 1 } },
      { ...plan, alerts: [...plan.alerts, { code: 'stockout-soon', severity: 'warning', params: {} } as never] },
      { ...plan, key: 'other' },
    ];
    expect(new Set([plan, ...others].map(planAnswerOf)).size).toBe(others.length + 1);
  });
});

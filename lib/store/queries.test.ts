import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addCalibration, assignPool, recordReturn, resolveReturn } from './adjustments';
import { mergeObservations } from './merge';
import { loadPlanningInput } from './planning-input';
import { pickPlan, savePlans } from './plans';
import { getListingsWithPlans, getProduct, hasTag, listAtRisk } from './queries';
import { exportListingsCsv } from './listings-csv';
import { effectiveOnHand } from './tables/calibrations';
import { riskTagsOf, urgencyOf } from '../planning/urgency';
import { dropStores, freshStore, listingObs, orderObs, skuPlan, listingOf } from './test-helpers';

afterEach(dropStores);
const NOW = new Date('2024-05-10T12:00:00.000Z');
const AT = '2024-05-10T10:00:00Z';

describe('listAtRisk', () => {
  it('lists listings not planned yet in key order, after the planned ones by days of cover', async () => {
    const db = await freshStore();
    await mergeObservations(
      db,
      [
        listingObs('A', AT, { available: 50, title: 'Blue mug' }),
        listingObs('B', AT, { available: 5, title: 'Red mug' }),
        listingObs('C', AT, { platform: 'ebay', marketplace: 'ebay.com', available: 20, title: 'Teapot' }),
        listingObs('D', AT, { title: 'never counted' }),
      ],
      NOW,
    );
    let { items, total } = await listAtRisk(db);
    // The sort key uses plan fields only (schema v4): the merge never rewrites indexed rows for stock.
    expect(items.map((i) => i.listing.sku)).toEqual(['A', 'B', 'D', 'C']);
    expect(items.map((i) => i.listing.available)).toEqual([50, 5, undefined, 20]); // unplanned rows are read whole
    expect(total).toBe(4);

    await savePlans(db, [
      skuPlan('amazon|amazon.com|A', { daysOfCover: 3, alerts: [{ code: 'stockout-within', severity: 'critical', params: {} }] }),
      skuPlan('amazon|amazon.com|B', { daysOfCover: 200, healthReasons: [{ code: 'overstock-90d', points: 20, params: {} }] }),
    ]);
    ({ items, total } = await listAtRisk(db));
    expect(items.map((i) => [i.listing.sku, i.plan?.daysOfCover])).toEqual([
      ['A', 3],
      ['B', 200],
      ['D', undefined],
      ['C', undefined],
    ]);
    expect((await listAtRisk(db, { risk: 'stockout' })).items.map((i) => i.listing.sku)).toEqual(['A']);
    // The tags the urgency level gives (the popup's opening list): the same rows and total as filtering the whole list.
    for (const risk of ['attention', 'critical'] as const) {
      const tagged = (await listAtRisk(db)).items.filter((i) => i.plan && riskTagsOf(urgencyOf(i.plan)).includes(risk)).map((i) => i.listing.sku);
      expect(tagged).toEqual(['A']);
      expect(await listAtRisk(db, { risk, limit: 1 })).toMatchObject({ total: tagged.length, items: [{ listing: { sku: 'A' } }] });
    }
    expect((await listAtRisk(db, { risk: 'overstock' })).items.map((i) => i.listing.sku)).toEqual(['B']);
    expect((await listAtRisk(db, { platform: 'ebay' })).items.map((i) => i.listing.sku)).toEqual(['C']);
    expect(await listAtRisk(db, { platform: 'amazon', marketplace: 'amazon.com', limit: 2 })).toMatchObject({ total: 3 });
    expect((await listAtRisk(db, { search: 'MUG' })).items.map((i) => i.listing.sku)).toEqual(['A', 'B']);
    expect((await listAtRisk(db, { search: 'c' })).items.map((i) => i.listing.sku)).toEqual(['D', 'C']);
    expect(await listAtRisk(db, { limit: 1 })).toMatchObject({ total: 4, items: [{ listing: { sku: 'A' } }] });
  });

  it('a pooled plan covers its listings unless a listing has its own; replaceAll drops plans not recomputed', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('A', AT, { available: 1 }), listingObs('A', AT, { platform: 'ebay', marketplace: 'ebay.com', available: 1 })], NOW);
    const keys = ['amazon|amazon.com|A', 'ebay|ebay.com|A'];
    await savePlans(db, [skuPlan('pool:own:main', { scope: 'pool', listingKeys: keys, daysOfCover: 9 }), skuPlan('ebay|ebay.com|A', { daysOfCover: 2 })]);
    const [amazon, ebay] = await getListingsWithPlans(db, keys);
    expect([amazon?.plan?.key, ebay?.plan?.key]).toEqual(['pool:own:main', 'ebay|ebay.com|A']);
    const result = await savePlans(db, [skuPlan('ebay|ebay.com|A', { daysOfCover: 4 })], { replaceAll: true });
    expect(result).toMatchObject({ saved: 1, deleted: 1 });
    expect((await db.listings.get(keys[0]!))?.planKey).toBeUndefined();
    expect((await getListingsWithPlans(db, keys)).map((r) => r?.plan?.daysOfCover)).toEqual([undefined, 4]);
    expect((await savePlans(db, [{ ...skuPlan('x'), daysOfCover: -1 }])).invalid).toHaveLength(1);
  });
});

describe('hasTag', () => {
  it('finds a whole tag in joined risk tags, never part of another (fast-check)', () => {
    expect(hasTag('stockout,critical', 'critical')).toBe(true);
    expect(hasTag('overstock', 'stock')).toBe(false);
    expect(hasTag('', 'stockout')).toBe(false);
    const tag = fc.stringMatching(/^[a-z-]{1,6}$/);
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 5 }), tag, (tags, wanted) => {
        expect(hasTag(tags.join(','), wanted)).toBe(tags.includes(wanted));
      }),
      { numRuns: 500, seed: 20_261_205 },
    );
  });
});

describe('savePlans', () => {
  it('re-plans of a few hundred listings in a large plans table show the plans a full scan would pick', async () => {
    const db = await freshStore();
    const keys = Array.from({ length: 900 }, (_, i) => `amazon|amazon.com|S${String(i).padStart(4, '0')}`);
    await mergeObservations(
      db,
      keys.map((k, i) => listingObs(k.split('|')[2]!, AT, { available: i })),
      NOW,
    );
    const pool = (i: number, members: string[], cover: number) => skuPlan(`pool:P${i}@fba:NA`, { scope: 'pool', listingKeys: members, daysOfCover: cover });
    await savePlans(db, [
      ...keys.map((k, i) => skuPlan(k, { daysOfCover: i % 50 })),
      ...Array.from({ length: 300 }, (_, i) => pool(i, [keys[2 * i]!, keys[2 * i + 1]!], 1)),
    ]);
    // 250 listings (> 200, < a third of 1,200 plans): new covers; 40 lose their listing plan and 20 pools shrink.
    const some = keys.slice(100, 350);
    await db.plans.bulkDelete(some.slice(0, 40));
    await savePlans(db, [
      ...some.slice(40).map((k, i) => skuPlan(k, { daysOfCover: 100 + i })),
      ...Array.from({ length: 20 }, (_, j) => pool(50 + j, [keys[100 + 2 * j]!], 7)),
    ]);
    const all = await db.plans.toArray();
    const rows = await getListingsWithPlans(db, keys);
    rows.forEach((row, i) => {
      const expected = pickPlan(all.filter((p) => p.listingKeys.includes(keys[i]!)));
      expect([row?.plan?.key, row?.listing.planKey, row?.plan?.daysOfCover]).toEqual([expected?.key, expected?.key, expected?.daysOfCover]);
    });
  });
});

describe('getProduct, planning input, adjustments', () => {
  it('returns a product with listings, pools, history, calibrations, returns and plans', async () => {
    const db = await freshStore();
    await mergeObservations(
      db,
      [
        listingObs('MUG', '2024-05-09T10:00:00Z', { available: 9, fulfillment: 'SELLER' }),
        listingObs('MUG', AT, { available: 7, fulfillment: 'SELLER' }),
        listingObs('MUG', AT, { platform: 'ebay', marketplace: 'ebay.com', available: 7 }),
        listingObs('MUG', AT, { marketplace: 'amazon.de', fulfillment: 'FBA', available: 30 }),
        orderObs('1', 'unshipped', AT, { sku: 'MUG' }),
      ],
      NOW,
    );
    const id = 'p:amazon|amazon.com|MUG';
    const cal = await addCalibration(db, { listingKey: 'ebay|ebay.com|MUG', onHand: 5, reason: 'shelf count', by: 'Ana' }, NOW);
    expect(cal).toMatchObject({ previous: 7, onHand: 5, poolId: 'own:main' });
    const ret = await recordReturn(db, { listingKey: 'ebay|ebay.com|MUG', units: 2 }, NOW);
    const detail = (await getProduct(db, id))!;
    expect(detail.listings.map((l) => l.key)).toEqual(['amazon|amazon.com|MUG', 'amazon|amazon.de|MUG', 'ebay|ebay.com|MUG']);
    expect(detail.pools.map((p) => [p.poolId, p.listingKeys.length, p.pool?.name])).toEqual([
      ['fba:EU', 1, 'FBA Europe'],
      ['own:main', 2, 'Own warehouse'],
    ]);
    expect(detail.observations[0]!.observedAt >= detail.observations.at(-1)!.observedAt).toBe(true);
    expect(detail.orders).toHaveLength(1);
    expect(detail.calibrations).toHaveLength(1);
    expect(detail.returns).toHaveLength(1);

    let input = await loadPlanningInput(db, [id]);
    expect(input.products[0]!.returns.map((r) => r.status)).toEqual(['held']);
    await resolveReturn(db, ret.id!, 'sellable', 'Ana', NOW);
    input = await loadPlanningInput(db, [id]);
    expect(input.products[0]).toMatchObject({ returns: [{ status: 'sellable' }], orders: [{ status: 'unshipped' }], calibrations: [{ onHand: 5 }] });
    expect(input.products[0]!.observations).toHaveLength(4);
    const all = await loadPlanningInput(db);
    expect(all.products[0]!.observations).toEqual(input.products[0]!.observations);

    const ebay = (await listingOf(db, 'ebay|ebay.com|MUG'))!;
    expect(effectiveOnHand(ebay, detail.calibrations)).toBe(5);
    await mergeObservations(
      db,
      [listingObs('MUG', '2024-05-10T13:00:00Z', { platform: 'ebay', marketplace: 'ebay.com', available: 6 })],
      new Date('2024-05-10T13:00:00Z'),
    );
    expect(effectiveOnHand((await listingOf(db, 'ebay|ebay.com|MUG'))!, detail.calibrations)).toBe(6);

    const moved = await assignPool(db, 'ebay|ebay.com|MUG', 'own:eu');
    expect(moved).toMatchObject({ poolId: 'own:eu', poolRule: 'manual' });
    await mergeObservations(
      db,
      [listingObs('MUG', '2024-05-10T14:00:00Z', { platform: 'ebay', marketplace: 'ebay.com', fulfillment: 'SELLER' })],
      new Date('2024-05-10T14:00:00Z'),
    );
    expect((await listingOf(db, 'ebay|ebay.com|MUG'))?.poolId).toBe('own:eu');
  });

  it('exports listings as CSV with quoting and no formula injection', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('=SUM', AT, { title: 'Mug, "blue"', price: { amountMinor: 1299, currency: 'USD' } })], NOW);
    const { csv, rowCount } = await exportListingsCsv(db);
    expect(rowCount).toBe(1);
    expect(csv.split('\r\n')[1]).toContain(`'=SUM`);
    expect(csv).toContain('"Mug, ""blue"""');
    expect(csv).toContain(',12.99,"USD",');
    // Text is quoted (numbers plain), and the SKU that starts a formula is defused.
    expect(csv.split('\r\n')[0]!.startsWith('"platform","marketplace","sku"')).toBe(true);
  });
});

describe('listAtRisk search', () => {
  it('finds a substring anywhere in the SKU or title, case-insensitively, and follows title changes', async () => {
    const db = await freshStore();
    await mergeObservations(
      db,
      [
        listingObs('SMUG-1', AT, { title: 'Plain cup', available: 3 }),
        listingObs('CUP-2', AT, { title: 'Big MUG', available: 1 }),
        listingObs('PLATE', AT, { title: 'Dinner plate', available: 2 }),
      ],
      NOW,
    );
    const skus = async (search: string) => (await listAtRisk(db, { search })).items.map((i) => i.listing.sku);
    expect(await skus('mug')).toEqual(['CUP-2', 'SMUG-1']);
    expect(await skus('UG-')).toEqual(['SMUG-1']);
    expect(await skus('ate')).toEqual(['PLATE']);
    expect(await skus('p')).toEqual(['CUP-2', 'PLATE', 'SMUG-1']);
    expect(await skus('nothing')).toEqual([]);
    await mergeObservations(db, [listingObs('PLATE', '2024-05-10T11:00:00Z', { title: 'Soup bowl' })], NOW);
    expect(await skus('dinner')).toEqual([]);
    expect(await skus('soup')).toEqual(['PLATE']);
  });

  it('matches a plain substring filter over every listing (fast-check)', async () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', 'B', ' ', '-', 'é');
    const text = fc.string({ unit: alphabet, minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ sku: text, title: fc.option(text, { nil: undefined }) }), { selector: (r) => r.sku, maxLength: 12 }),
        fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }),
        async (rows, search) => {
          const db = await freshStore();
          await mergeObservations(
            db,
            rows.map((r) => listingObs(r.sku, AT, r.title === undefined ? {} : { title: r.title })),
            NOW,
          );
          const needle = search.trim().toLowerCase();
          const expected = rows
            .filter((r) => needle === '' || r.sku.toLowerCase().includes(needle) || (r.title?.toLowerCase().includes(needle) ?? false))
            .map((r) => r.sku)
            .sort();
          const got = (await listAtRisk(db, { search })).items.map((i) => i.listing.sku).sort();
          expect(got).toEqual(expected);
          await dropStores();
        },
      ),
      { numRuns: 60 },
    );
  });
});

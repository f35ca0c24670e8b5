import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mergeObservations } from './merge';
import { readListings, readListingsOfProducts } from './listing-store';
import { readObservationsOf } from './observation-store';
import { indexRowOf, noPlanFields, sameIndexRow, type ListingRow } from './tables/listings';
import { entriesOf, NO_PLAN_SHOWN, searchChunkOf, searchEntryOf, shownChunkOf } from './tables/searchChunks';
import { OWN_PLAN } from './tables/shownChunks';
import { allListings, allSearchEntries, dropStores, freshStore, listingObs, skuPlan } from './test-helpers';
import { savePlans, shownPlanOf } from './plans';
import { getListingsWithPlans, listAtRisk } from './queries';
import { groupOf } from './groups';

afterEach(dropStores);
const NOW = new Date('2024-05-20T00:00:00.000Z');

describe('listings in chunks with an indexed projection (schema v4)', () => {
  it('a page read that only moves stock rewrites no indexed row or search entry; a new title does', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('A', '2024-05-10T10:00:00Z', { available: 5, title: 'Mug' })], NOW);
    const indexWrites = vi.spyOn(db.listings, 'bulkPut');
    const searchWrites = [vi.spyOn(db.searchChunks, 'bulkPut'), vi.spyOn(db.shownChunks, 'bulkPut')];
    await mergeObservations(db, [listingObs('A', '2024-05-11T10:00:00Z', { available: 4, price: { amountMinor: 999, currency: 'USD' } })], NOW);
    expect(indexWrites).not.toHaveBeenCalled();
    for (const writes of searchWrites) expect(writes).not.toHaveBeenCalled();
    expect((await readListings(db, ['amazon|amazon.com|A']))[0]).toMatchObject({ available: 4, title: 'Mug' });
    await mergeObservations(db, [listingObs('A', '2024-05-12T10:00:00Z', { title: 'Blue mug' })], NOW);
    expect(indexWrites).toHaveBeenCalledTimes(1);
    expect(await allSearchEntries(db)).toEqual([{ key: 'amazon|amazon.com|A', sku: 'a', title: 'Blue mug', urgency: 1e7 }]);
    expect(await db.listings.get('amazon|amazon.com|A')).toEqual(indexRowOf((await allListings(db))[0]!, noPlanFields()));
  });

  it('search and shown chunks store entries as columns and give them back unchanged', () => {
    const entries = [
      searchEntryOf({ key: 'b', sku: 'MUG-2' }, { urgency: 3, riskTypes: ['stockout', 'oversell'], planKey: 'b', planAnswer: 'answer-of-b' }),
      searchEntryOf({ key: 'a', sku: 'MUG-1', title: 'Blue Mug' }, { urgency: 40, planKey: 'pool:p@own:main' }),
      searchEntryOf({ key: 'c', sku: 'MUG-3' }, NO_PLAN_SHOWN),
    ];
    const shown = shownChunkOf(7, entries);
    expect(entriesOf(searchChunkOf(7, entries), shown)).toEqual([entries[1], entries[0], entries[2]]);
    // No keys in the shown chunk (its columns follow the search chunk's); a listing's own plan in one character.
    expect(shown).toEqual({
      group: 7,
      urgency: [40, 3, NO_PLAN_SHOWN.urgency],
      risks: ['', 'stockout,oversell', ''],
      plans: ['pool:p@own:main', OWN_PLAN, ''],
      // The answer of a listing's own plan only (a.planAnswer would be dropped: it shows a pool plan).
      answers: ['', 'answer-of-b', ''],
    });
    expect(searchEntryOf({ key: 'a', sku: 'MUG-1' }, { urgency: 40, planKey: 'pool:p@own:main', planAnswer: 'x' }).planAnswer).toBeUndefined();
    // Chunks written before answers were kept read as answers unknown.
    const { answers: _answers, ...older } = shown;
    expect(entriesOf(searchChunkOf(7, entries), older)[1]).toEqual({ ...entries[0], planAnswer: undefined });
    expect(entriesOf(undefined, undefined)).toEqual([]);
    // A shown chunk that does not follow the text's keys (none yet, or out of step) shows no plan for any of them.
    const unplanned = entries.map(({ key, sku, title }) => ({ key, sku, ...(title ? { title } : {}), urgency: NO_PLAN_SHOWN.urgency }));
    expect(entriesOf(searchChunkOf(7, entries), shownChunkOf(7, [entries[0]!]))).toEqual([unplanned[1], unplanned[0], unplanned[2]]);
    expect(entriesOf(searchChunkOf(7, entries), undefined)).toEqual([unplanned[1], unplanned[0], unplanned[2]]);
  });

  it('the indexed row keeps the key of the plan it shows across later writes, and the list reads that plan', async () => {
    const db = await freshStore();
    const key = 'amazon|amazon.com|A';
    await mergeObservations(db, [listingObs('A', '2024-05-10T10:00:00Z', { available: 5, title: 'Mug' })], NOW);
    await savePlans(db, [skuPlan(key, { daysOfCover: 4, alerts: [{ code: 'stockout-within', severity: 'critical', params: {} }] })]);
    const [entry] = await allSearchEntries(db);
    await mergeObservations(db, [listingObs('A', '2024-05-11T10:00:00Z', { title: 'Blue mug' })], NOW); // rewrites the indexed row
    expect((await db.listings.get(key))?.planKey).toBe(key);
    // The search entry takes the new title and keeps the plan's sort key and risk tags.
    expect(await allSearchEntries(db)).toEqual([{ ...entry, title: 'Blue mug' }]);
    const { items } = await listAtRisk(db, { search: 'blue', risk: 'stockout' });
    expect(items.map((i) => [i.listing.title, i.plan?.daysOfCover, 'plan' in i.listing])).toEqual([['Blue mug', 4, false]]);
    await savePlans(db, [skuPlan(key, { daysOfCover: 9 })]);
    expect((await listAtRisk(db)).items[0]?.plan?.daysOfCover).toBe(9);
    expect(await listAtRisk(db, { risk: 'stockout' })).toEqual({ items: [], total: 0 });
    // A plan key naming no stored plan shows the listing as not planned (its stock as read).
    await db.plans.clear();
    expect((await listAtRisk(db)).items.map((i) => [i.plan, i.listing.available])).toEqual([[undefined, 5]]);
  });

  it('sameIndexRow ignores hot fields and plan fields left in full rows; indexRowOf takes the plan fields given', () => {
    const row = { key: 'k', sku: 'A', title: 'Mug', available: 3, fieldObservedAt: { available: 'x' }, riskTypes: ['stockout'], urgency: 2 } as never;
    expect(sameIndexRow(row, { ...(row as object), available: 9, fieldObservedAt: {} } as never)).toBe(true);
    expect(sameIndexRow(row, { ...(row as object), title: 'Cup' } as never)).toBe(false);
    expect(sameIndexRow(row, { ...(row as object), riskTypes: [], urgency: 7 } as never)).toBe(true);
    expect(indexRowOf(row, { planKey: 'k' })).toEqual({ key: 'k', sku: 'A', title: 'Mug', planKey: 'k' });
  });

  it('a re-plan writes no listing chunk, and no indexed row unless a listing shows another plan; the list, the panels and a later merge show the new plan', async () => {
    const db = await freshStore();
    const keys = ['A', 'B', 'C'].map((s) => `amazon|amazon.com|${s}`);
    await mergeObservations(
      db,
      ['A', 'B', 'C'].map((s) => listingObs(s, '2024-05-10T10:00:00Z', { available: 5, title: `Mug ${s}` })),
      NOW,
    );
    await savePlans(db, [skuPlan(keys[0]!, { daysOfCover: 40 }), skuPlan(keys[1]!, { daysOfCover: 30 })]);
    const chunkWrites = [vi.spyOn(db.listingChunks, 'bulkPut'), vi.spyOn(db.listingChunks, 'put'), vi.spyOn(db.listingChunks, 'bulkAdd')];
    const indexWrites = vi.spyOn(db.listings, 'bulkPut');
    await savePlans(db, [skuPlan(keys[0]!, { daysOfCover: 2 })], { replaceFor: [keys[0]!] });
    for (const spy of [...chunkWrites, indexWrites]) expect(spy).not.toHaveBeenCalled(); // only A's cover moved
    await savePlans(db, [skuPlan(keys[0]!, { daysOfCover: 2 }), skuPlan(keys[2]!, { daysOfCover: 9 })], { replaceFor: keys });
    for (const spy of chunkWrites) expect(spy).not.toHaveBeenCalled();
    // B lost its plan and C got its first: their indexed rows name another plan.
    expect(indexWrites.mock.calls.flatMap(([rows]) => rows.map((r) => [r.key, r.planKey]))).toEqual([
      [keys[1], undefined],
      [keys[2], keys[2]],
    ]);
    const listed = (await listAtRisk(db)).items.map((i) => [i.listing.sku, i.plan?.daysOfCover, i.listing.planKey]);
    expect(listed.sort()).toEqual([
      ['A', 2, keys[0]],
      ['B', undefined, undefined],
      ['C', 9, keys[2]],
    ]);
    expect((await getListingsWithPlans(db, keys)).map((r) => [r?.plan?.daysOfCover, r?.listing.available])).toEqual([
      [2, undefined],
      [undefined, 5],
      [9, undefined],
    ]);
    const entryOfA = (await allSearchEntries(db)).find((e) => e.key === keys[0]);
    expect(entryOfA?.urgency).toBe(shownPlanOf((await db.plans.get(keys[0]!))!).urgency);
    // A merge that rewrites the indexed row (new title) carries the plan key over.
    await mergeObservations(db, [listingObs('A', '2024-05-11T10:00:00Z', { title: 'Blue mug' })], NOW);
    expect(await db.listings.get(keys[0]!)).toMatchObject({ title: 'Blue mug', planKey: keys[0] });
    expect((await getListingsWithPlans(db, [keys[0]!]))[0]?.plan?.daysOfCover).toBe(2);
    expect((await allListings(db)).some((r) => 'urgency' in r || 'planKey' in r || 'daysOfCover' in r)).toBe(false);
  });

  it('plan fields an older store left in a listing chunk are ignored: the indexed row is the truth', async () => {
    const db = await freshStore();
    const key = 'amazon|amazon.com|A';
    await mergeObservations(db, [listingObs('A', '2024-05-10T10:00:00Z', { available: 5, title: 'Mug' })], NOW);
    await savePlans(db, [skuPlan(key, { daysOfCover: 12 })]);
    const shown = shownPlanOf((await db.plans.get(key))!, (await allSearchEntries(db))[0]!.planAnswer);
    // As schema v4 stores wrote chunks before plan fields left them: a stale copy of an older plan.
    const chunk = (await db.listingChunks.get(groupOf(key)))!;
    const stale = { planKey: 'old-plan', daysOfCover: 1, riskTypes: ['stockout'], urgency: 1 };
    await db.listingChunks.put({ ...chunk, rows: chunk.rows.map((r) => ({ ...r, ...stale }) as ListingRow) });
    expect(Object.keys((await readListings(db, [key]))[0]!)).not.toContain('planKey');
    expect((await getListingsWithPlans(db, [key]))[0]).toMatchObject({ listing: { planKey: key }, plan: { daysOfCover: 12 } });
    await mergeObservations(db, [listingObs('A', '2024-05-11T10:00:00Z', { available: 3, title: 'Blue mug' })], NOW);
    expect(await db.listings.get(key)).toEqual(expect.objectContaining({ title: 'Blue mug', planKey: key }));
    expect(Object.keys((await db.listings.get(key))!)).not.toContain('urgency');
    expect(await allSearchEntries(db)).toEqual([searchEntryOf({ key, sku: 'A', title: 'Blue mug' }, shown)]);
    expect(Object.keys((await db.listingChunks.get(groupOf(key)))!.rows[0]!)).not.toContain('urgency');
  });

  it('reads listings of products and the history of listings, many groups or few', async () => {
    const db = await freshStore();
    const skus = Array.from({ length: 300 }, (_, i) => `SKU-${i}`);
    for (const day of ['2024-05-10', '2024-05-11']) {
      await mergeObservations(
        db,
        skus.map((s, i) => listingObs(s, `${day}T10:00:00Z`, { available: i })),
        NOW,
      );
    }
    const few = await readObservationsOf(db, ['amazon|amazon.com|SKU-7']);
    expect(few.map((o) => o.observedDate).sort()).toEqual(['2024-05-10', '2024-05-11']);
    const since = await readObservationsOf(db, ['amazon|amazon.com|SKU-7'], { since: '2024-05-11T00:00:00.000Z' });
    expect(since.map((o) => o.observedDate)).toEqual(['2024-05-11']);
    const many = await readObservationsOf(
      db,
      skus.map((s) => `amazon|amazon.com|${s}`),
    ); // most groups: one pass over all
    expect(many).toHaveLength(600);
    const listings = await readListingsOfProducts(db, ['p:amazon|amazon.com|SKU-7', 'p:amazon|amazon.com|SKU-8']);
    expect(listings.map((l) => [l.sku, l.available])).toEqual([
      ['SKU-7', 7],
      ['SKU-8', 8],
    ]);
  });
});

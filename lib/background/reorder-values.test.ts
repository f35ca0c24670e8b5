import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SkuPlan } from '../planning/types';
import { purchasingDataOf } from '../purchasing';
import { planWith } from '../purchasing/test-purchasing';
import { migrateSettings } from '../settings';
import { REORDER_VALUES_ROW_ID, savePlans, type StoreDb } from '../store';
import { freshStore } from '../store/test-helpers';
import { withPurchasingAnswers } from './purchase-panels';
import { loadPurchasing, updatePurchasing } from './purchase-store';
import { loadReorderValues, policyInputsHash, saveReorderValues } from './reorder-values';

const NOW = new Date('2026-03-02T12:00:00Z');
const PRODUCTS = ['MUG', 'LAMP', 'VASE', 'CUP', 'BOWL', 'JAR'];
const CLASSES = ['A', 'B', 'C', 'C', 'C', null] as const;
const policy = { ...purchasingDataOf(undefined).policy, cCashSharePct: 15 };
const unitCosts = PRODUCTS.map((sku, i) => ({ sku, supplierId: null, unitCostMinor: 200 + 75 * i, currency: 'USD' }));

/** One pool plan per product with a reorder of `quantities[i]` (0: none due), and its listing. */
function plansOf(quantities: readonly number[], available = 300): SkuPlan[] {
  return quantities.flatMap((quantity, i) => {
    const productId = PRODUCTS[i]!;
    const listing = `amazon|amazon.com|${productId}`;
    const pool = planWith({
      productId,
      sku: productId,
      abcClass: CLASSES[i]!,
      available,
      listingKeys: [listing],
      reorderQuantity: quantity,
      reorderDate: quantity > 0 ? '2026-03-10' : null,
    });
    return [pool, { ...pool, key: listing, scope: 'listing' as const, poolKey: pool.key }];
  });
}

/** A whole-store re-plan as replanProducts does it: answers, plans, then the stored lines. */
async function replanWhole(db: StoreDb, plans: readonly SkuPlan[]) {
  const answered = await withPurchasingAnswers(db, plans);
  await savePlans(db, answered.plans, { replaceAll: true });
  await saveReorderValues(db, answered.reorderValues, NOW);
}

async function replanSome(db: StoreDb, plans: readonly SkuPlan[], replaced: readonly SkuPlan[] = plans) {
  const listings = replaced.flatMap((p) => p.listingKeys);
  const answered = await withPurchasingAnswers(db, plans, listings);
  const saved = await savePlans(db, answered.plans, { replaceFor: listings });
  await saveReorderValues(db, answered.reorderValues, NOW, saved);
}

async function cachedPlans(db: StoreDb): Promise<Record<string, SkuPlan>> {
  return Object.fromEntries((await db.plans.toArray()).map((r) => [r.key, r.plan]));
}

async function storeWithCosts(): Promise<StoreDb> {
  const db = await freshStore('reorder-values');
  await updatePurchasing(db, NOW, (d) => ({ ...d, currency: 'USD', unitCosts, policy }));
  return db;
}

/** A store planned whole once, with the settings and purchasing data it was planned under and their inputs hash. */
async function wholeReplanned() {
  const db = await storeWithCosts();
  await replanWhole(db, plansOf([900, 400, 500, 300, 200, 100]));
  const settings = migrateSettings(undefined);
  const stored = await loadPurchasing(db);
  const inputs = policyInputsHash(settings, { currency: stored.currency, unitCosts: stored.unitCosts, policy: stored.policy });
  return { db, settings, stored, inputs };
}

afterEach(() => vi.restoreAllMocks());

describe('the stored reorder lines', () => {
  it('property: re-planning a few products against the stored lines caches what a whole re-plan would', async () => {
    const quantitiesArb = fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: PRODUCTS.length, maxLength: PRODUCTS.length });
    await fc.assert(
      fc.asyncProperty(quantitiesArb, quantitiesArb, fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1 }), async (before, after, changed) => {
        const db = await storeWithCosts();
        await replanWhole(db, plansOf(before));
        const next = before.map((q, i) => (changed.includes(i) ? after[i]! : q));
        const fresh = plansOf(next).filter((p) => changed.includes(PRODUCTS.indexOf(p.productId)));
        const readEvery = vi.spyOn(db.plans, 'toArray');
        await replanSome(db, fresh);
        // The stored lines stood for the other stocks: no plan was read but those the cap moved.
        expect(readEvery).not.toHaveBeenCalled();
        readEvery.mockRestore();
        const scratch = await storeWithCosts();
        await replanWhole(scratch, plansOf(next));
        expect(await cachedPlans(db)).toEqual(await cachedPlans(scratch));
        db.close();
        scratch.close();
      }),
      { numRuns: 25, seed: 20_261_203 },
    );
  });

  it('are trusted only while they describe the cached plans and the policy inputs they were made under', async () => {
    const { db, settings, stored, inputs } = await wholeReplanned();
    expect((await loadReorderValues(db, inputs))?.stocks.map((s) => s.stockKey)).toEqual(PRODUCTS.map((p) => `${p}@fba:NA`));
    // Other costs or settings: stale.
    expect(await loadReorderValues(db, policyInputsHash(settings, { currency: stored.currency, unitCosts: [], policy: stored.policy }))).toBeUndefined();
    // A plan deleted by anything but a re-plan (a clear, a restore): stale, and the next re-plan reads every plan again.
    await db.plans.delete('pool:JAR@fba:NA');
    expect(await loadReorderValues(db, inputs)).toBeUndefined();
    const readEvery = vi.spyOn(db.plans, 'toArray');
    await replanSome(db, plansOf([950]));
    expect(readEvery).toHaveBeenCalled();
    expect(await loadReorderValues(db, inputs)).toBeDefined();
    db.close();
  });

  it("record the number of cached plans from the count they were read with and the save's changes, without counting again", async () => {
    const { db, inputs } = await wholeReplanned();
    const [first] = plansOf([950]);
    // The first product re-planned with two new listing plans, its own listing plan gone: one plan more.
    const extra = ['amazon|amazon.com|EXTRA-1', 'amazon|amazon.com|EXTRA-2'];
    const more = [
      { ...first!, listingKeys: [...first!.listingKeys, ...extra] },
      ...extra.map((key) => ({ ...first!, key, scope: 'listing' as const, listingKeys: [key] })),
    ];
    const before = await db.plans.count();
    const count = vi.spyOn(db.plans, 'count');
    await replanSome(db, more, plansOf([950]));
    expect(count).toHaveBeenCalledTimes(1); // the read's check only
    count.mockRestore();
    const row = (await db.settings.get(REORDER_VALUES_ROW_ID))!.value as { planCount: number };
    expect(row.planCount).toBe(await db.plans.count());
    expect(row.planCount).toBe(before + 1);
    expect((await loadReorderValues(db, inputs))?.planCount).toBe(await db.plans.count());
    db.close();
  });

  it('a row in the older array form, from before its format, of another format, or with damaged text, is stale and rebuilt by the next re-plan', async () => {
    const { db, inputs } = await wholeReplanned();
    const row = (await db.settings.get(REORDER_VALUES_ROW_ID))!;
    const { stocksJson, format, ...rest } = row.value as { stocksJson: string; format: string; inputs: string; planCount: number };
    await db.settings.put({ ...row, value: { ...rest, format, stocks: JSON.parse(stocksJson) } });
    expect(await loadReorderValues(db, inputs)).toBeUndefined();
    await db.settings.put({ ...row, value: { ...rest, format, stocksJson: stocksJson.slice(0, -3) } });
    expect(await loadReorderValues(db, inputs)).toBeUndefined();
    // Written before the stocks were checked on write, or against another schema: not trusted unchecked.
    await db.settings.put({ ...row, value: { ...rest, stocksJson } });
    expect(await loadReorderValues(db, inputs)).toBeUndefined();
    await db.settings.put({ ...row, value: { ...rest, format: `${format}x`, stocksJson } });
    expect(await loadReorderValues(db, inputs)).toBeUndefined();
    await db.settings.put({ ...row, value: { ...rest, format, stocksJson } });
    expect((await loadReorderValues(db, inputs))?.stocks.length).toBe(PRODUCTS.length);
    await db.settings.put({ ...row, value: { ...rest, format, stocksJson: '{}' } });
    expect(await loadReorderValues(db, inputs)).toBeUndefined();
    await db.settings.put({ ...row, value: { ...rest, format, stocksJson: '[1]' } });
    expect(await loadReorderValues(db, inputs)).toBeUndefined();
    await replanSome(db, plansOf([950]));
    expect((await loadReorderValues(db, inputs))?.stocks.length).toBe(PRODUCTS.length);
    db.close();
  });

  it('stocks that fail their schema when saved (a bug) are not kept: the next re-plan rebuilds them from every plan', async () => {
    const { db, inputs } = await wholeReplanned();
    const loaded = (await loadReorderValues(db, inputs))!;
    // Handed back unchanged, the stocks read from the row are stored again (they were checked when it was written).
    await saveReorderValues(db, { inputs, stocks: loaded.stocks }, NOW);
    expect((await loadReorderValues(db, inputs))?.stocks).toEqual(loaded.stocks);
    // A stored stock given another answer is a new object, checked like a fresh line.
    const badAnswer = loaded.stocks.map((s, i) => (i === 1 ? { ...s, applied: { ...s.applied, quantity: 2.5 } } : s));
    await saveReorderValues(db, { inputs, stocks: badAnswer }, NOW);
    expect(await db.settings.get(REORDER_VALUES_ROW_ID)).toBeUndefined();
    const broken = loaded.stocks.map((s, i) => (i === 0 ? { ...s, quantity: 1.5 } : s));
    await saveReorderValues(db, { inputs, stocks: broken }, NOW);
    expect(await db.settings.get(REORDER_VALUES_ROW_ID)).toBeUndefined();
    await replanSome(db, plansOf([950]));
    expect((await loadReorderValues(db, inputs))?.stocks.map((s) => s.stockKey).sort()).toEqual(loaded.stocks.map((s) => s.stockKey).sort());
    db.close();
  });

  it('a small change elsewhere rewrites no other plan', async () => {
    const db = await storeWithCosts();
    await replanWhole(db, plansOf([900, 400, 500, 300, 200, 100]));
    const answered = await withPurchasingAnswers(db, plansOf([905]), ['amazon|amazon.com|MUG']);
    expect(answered.plans.map((p) => p.productId)).toEqual(['MUG', 'MUG']);
    db.close();
  });
});

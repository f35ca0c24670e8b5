import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../locale/dates';
import { planFromObservations } from '../planning';
import { skuPlanSchema, type SkuPlan } from '../planning/types';
import type { Observation } from '../records';
import { migrateSettings } from '../settings';
import {
  addCalibration,
  foldHistory,
  HISTORY_READINGS_DATE,
  loadPlanningInput,
  loadReplanInput,
  mergeObservations,
  readDemandCache,
  recordImportBatch,
  replanInputOf,
  type StoreDb,
} from '../store';
import { observationsByListing } from '../planning/stock-groups';
import { dropStores, freshStore, listingObs, orderObs } from '../store/test-helpers';
import { withPurchasingAnswers } from './purchase-panels';
import { createReplanner, observationsOfListings, plannerInputOf, REPLAN_STEPS, replanProducts } from './replan';

afterEach(dropStores);

const NOW = new Date('2026-06-30T18:00:00Z');
const MARKETS = [
  { platform: 'amazon', marketplace: 'amazon.com', fulfillment: 'FBA' },
  { platform: 'amazon', marketplace: 'amazon.de', fulfillment: 'FBA' },
  { platform: 'walmart', marketplace: 'walmart.com', fulfillment: 'WFS' },
  { platform: 'ebay', marketplace: 'ebay.com', fulfillment: 'SELLER' },
  { platform: 'amazon', marketplace: 'amazon.ca', fulfillment: 'FBA' },
  { platform: 'ebay', marketplace: 'ebay.co.uk', fulfillment: 'SELLER' },
] as const;

/** Readings of `skus` SKUs on up to four marketplaces, one or two a day for `days` days up to `end`, plus order lines. */
function history(skus: number, days: number, end: string, salt = 0): Observation[] {
  const out: Observation[] = [];
  for (let s = 0; s < skus; s++) {
    const sku = `SKU-${s}`;
    const markets = MARKETS.slice(0, 1 + (s % MARKETS.length));
    markets.forEach((m, mi) => {
      for (let d = days - 1; d >= 0; d--) {
        if ((s + d + mi) % 5 === 0) continue; // days nobody looked
        const date = addDays(end, -d);
        const hour = 8 + ((s * 3 + d + salt) % 10);
        out.push(
          listingObs(sku, `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`, {
            platform: m.platform,
            marketplace: m.marketplace,
            source: `${m.platform}/inventory`,
            fulfillment: m.fulfillment,
            available: Math.max(0, 200 - ((s * 7 + (days - d) * (1 + (s % 3)) + salt) % 220)),
            inbound: (s + d) % 4 === 0 ? 12 : 0,
            price: { amountMinor: 999 + s * 10, currency: 'USD' },
            ...((d + s) % 7 === 0 ? { unitsSold: [{ windowDays: 7, units: 3 + (s % 5) }] } : {}),
          }),
        );
      }
    });
    if (s % 2 === 0) {
      for (let d = 0; d < 10; d++) {
        const date = addDays(end, -d);
        out.push(orderObs(`O-${s}-${d}-${salt}`, d < 2 ? 'pending' : 'shipped', `${date}T20:00:00.000Z`, { sku, quantity: 1 + ((s + d) % 3) }));
      }
    }
  }
  return out;
}

/** The planner's result as replanProducts computed it before it read lean inputs: full rows via loadPlanningInput. */
async function referencePlans(db: StoreDb, productIds: readonly string[] | undefined, now: Date): Promise<SkuPlan[]> {
  const input = await loadPlanningInput(db, productIds);
  const { observations, ...options } = plannerInputOf(input.products.map(replanInputOf));
  const planned = planFromObservations(observations, migrateSettings(input.settings), now, options);
  // The re-plan's purchasing step (placed orders, transfers, the ABC policy) is the same for both: what is compared is the planner's input.
  const keys = new Set(planned.map((p) => p.key));
  const replanned = input.products.flatMap((p) => p.listings.map((l) => l.key));
  const answered = await withPurchasingAnswers(db, planned, productIds === undefined ? undefined : replanned);
  return answered.plans.filter((p) => keys.has(p.key)).map((p) => skuPlanSchema.parse(p));
}

async function storedPlans(db: StoreDb, keys?: readonly string[]): Promise<Record<string, SkuPlan>> {
  const rows = keys ? (await db.plans.bulkGet(keys as string[])).filter((r) => r !== undefined) : await db.plans.toArray();
  return Object.fromEntries(rows.map((r) => [r.key, r.plan]));
}

/** A store with history folded into listing records, recent readings in day chunks, orders and a correction. */
async function builtStore(): Promise<{ db: StoreDb; productIds: string[] }> {
  const db = await freshStore('replan-test');
  const early = new Date('2026-06-20T18:00:00Z');
  await mergeObservations(db, history(14, 90, '2026-06-20'), early);
  await foldHistory(db, early);
  const recent = await mergeObservations(
    db,
    history(14, 10, '2026-06-30', 1).filter((o) => o.observedDate > '2026-06-20'),
    NOW,
  );
  await addCalibration(db, { listingKey: 'amazon|amazon.com|SKU-4', onHand: 17, reason: 'count', by: 'seller' }, new Date('2026-06-25T12:00:00Z'));
  const productIds = [...new Set((await db.products.toArray()).map((p) => p.id))].sort();
  expect(recent.productIds.length).toBeGreaterThan(5);
  return { db, productIds };
}

describe('replanProducts', () => {
  it('plans some products exactly as the full-row loader does', async () => {
    const { db, productIds } = await builtStore();
    const some = productIds.filter((_, i) => i % 3 !== 1);
    some.push(some[0]!, 'no-such-product'); // a repeated id and an unknown one change nothing
    const expected = await referencePlans(db, some, NOW);
    expect(expected.length).toBeGreaterThan(10);
    expect(await replanProducts(db, some, NOW)).toBe(expected.length);
    expect(
      await storedPlans(
        db,
        expected.map((p) => p.key),
      ),
    ).toEqual(Object.fromEntries(expected.map((p) => [p.key, p])));
  });

  it('loads the same products and rows whether it asks product by product or reads the tables whole', async () => {
    const { db, productIds } = await builtStore();
    const half = productIds.filter((_, i) => i % 2 === 0).reverse();
    // Past 1,000 ids that are a third of the stored products or more, products and listings are read whole and filtered.
    const unknown = Array.from({ length: 1_000 }, (_, i) => `no-such-product-${i}`);
    const byId = await loadReplanInput(db, half, { deferDigests: true });
    expect(byId.products.length).toBe(half.length);
    expect(await loadReplanInput(db, [...unknown, ...half.slice(0, 2), ...unknown, ...half], { deferDigests: true })).toEqual(byId);
    expect(await loadReplanInput(db, undefined, { deferDigests: true })).toEqual(await loadReplanInput(db, productIds, { deferDigests: true }));
  });

  it("gives some listings' observations as the planner's whole input grouped by listing gives them", async () => {
    const { db, productIds } = await builtStore();
    const products = (await loadReplanInput(db, productIds)).products;
    const all = observationsByListing(plannerInputOf(products).observations);
    const keys = new Set([...all.keys()].filter((_, i) => i % 3 === 0));
    expect(keys.size).toBeGreaterThan(3);
    const some = await observationsOfListings(db, products, keys);
    expect([...some.keys()].sort()).toEqual([...keys].sort());
    for (const key of keys) expect(some.get(key)).toEqual(all.get(key));
    // From the re-plan's input, digests deferred: the same, their readings decoded in place.
    const deferred = (await loadReplanInput(db, productIds, { deferDigests: true })).products;
    expect(deferred.some((p) => p.digests?.some((d) => d.count > 0 && keys.has(d.key)))).toBe(true);
    expect(await observationsOfListings(db, deferred, keys)).toEqual(some);
  });

  it('reports each step once, in order, with its wall time (answering only when asked to)', async () => {
    const { db, productIds } = await builtStore();
    const steps: [string, number][] = [];
    await replanProducts(db, productIds, NOW, { onStep: (step, ms) => steps.push([step, ms]) });
    expect(steps.map(([step]) => step)).toEqual(REPLAN_STEPS.filter((s) => s !== 'answer'));
    for (const [, ms] of steps) expect(ms).toBeGreaterThanOrEqual(0);
    steps.length = 0;
    await replanProducts(db, productIds, NOW, { onStep: (step, ms) => steps.push([step, ms]), onPlans: async () => undefined });
    expect(steps.map(([step]) => step)).toEqual([...REPLAN_STEPS]);
  });

  it('plans every product, named one by one, exactly as a from-scratch re-plan of the whole store', async () => {
    const { db, productIds } = await builtStore();
    await replanProducts(db, undefined, NOW);
    const whole = await storedPlans(db);
    expect(Object.keys(whole).length).toBeGreaterThan(20);
    expect(Object.keys(whole).filter((k) => k.startsWith('pool:')).length).toBeGreaterThan(2);
    expect(whole).toEqual(Object.fromEntries((await referencePlans(db, undefined, NOW)).map((p) => [p.key, p])));
    await db.plans.clear();
    await replanProducts(db, productIds, NOW);
    expect(await storedPlans(db)).toEqual(whole);
  });

  it("the whole store's re-plan reads history digests, not history records, and the next day carries every series it can", async () => {
    const { db } = await builtStore();
    await replanProducts(db, undefined, NOW);
    const records = vi.spyOn(db.listingHistory, 'bulkGet');
    const scans = vi.spyOn(db.listingHistory, 'toArray');
    const cacheWrites = vi.spyOn(db.dailyDemand, 'bulkPut');
    const nextDay = new Date(NOW.getTime() + 86_400_000);
    await replanProducts(db, undefined, nextDay);
    // Every listing has its digest (the first re-plan wrote the missing ones): no record is read.
    expect(records.mock.calls.flatMap(([keys]) => keys)).toEqual([]);
    expect(scans).not.toHaveBeenCalled();
    // Nothing was read since: no series is rebuilt, so none is written.
    expect(cacheWrites.mock.calls.flatMap(([rows]) => rows)).toEqual([]);
    expect(await storedPlans(db)).toEqual(Object.fromEntries((await referencePlans(db, undefined, nextDay)).map((p) => [p.key, p])));
  });

  it('loads again, readings in, when a history is rewritten between loading and rebuilding its series', async () => {
    const { db, productIds } = await builtStore();
    const expected = await referencePlans(db, productIds, NOW);
    // The daily fold runs just as the re-plan asks for the readings of the series it rebuilds (all: nothing is cached yet).
    const bulkGet = db.dailyDemand.bulkGet.bind(db.dailyDemand);
    const loads = vi.spyOn(db.listingHistory, 'bulkGet');
    let folds = 0;
    let readingsReads = 0;
    const foldingGet = async (keys: [string, string][]) => {
      if (keys.some((k) => k[1] === HISTORY_READINGS_DATE)) readingsReads++;
      if (folds === 0 && readingsReads > 0) {
        folds++;
        await foldHistory(db, new Date('2026-07-03T12:00:00Z'));
        loads.mockClear();
      }
      return bulkGet(keys);
    };
    vi.spyOn(db.dailyDemand, 'bulkGet').mockImplementation(foldingGet as unknown as typeof bulkGet);
    expect(await replanProducts(db, productIds, NOW)).toBe(expected.length);
    expect(folds).toBe(1);
    // Once after the first load (the history had moved: refused), once in the second load's transaction.
    expect(readingsReads).toBe(2);
    // The second load read every digest's readings in its own transaction (no history record: the fold left each in step).
    expect(loads.mock.calls.flatMap(([keys]) => keys)).toEqual([]);
    expect(await storedPlans(db)).toEqual(Object.fromEntries(expected.map((p) => [p.key, p])));
  });

  it('stays exact after new readings, orders and corrections arrive', async () => {
    const { db, productIds } = await builtStore();
    await replanProducts(db, undefined, NOW);
    const later = new Date('2026-07-02T18:00:00Z');
    const merged = await mergeObservations(
      db,
      [
        ...history(6, 2, '2026-07-02', 2).filter((o) => o.observedDate > '2026-06-30'),
        orderObs('O-late', 'shipped', '2026-07-01T09:00:00.000Z', { sku: 'SKU-2', quantity: 4 }),
      ],
      later,
    );
    await addCalibration(db, { listingKey: 'amazon|amazon.com|SKU-2', onHand: 40, reason: 'count', by: 'seller' }, new Date('2026-07-01T12:00:00Z'));
    for (const ids of [merged.productIds, productIds]) {
      const expected = await referencePlans(db, ids, later);
      await replanProducts(db, ids, later);
      expect(
        await storedPlans(
          db,
          expected.map((p) => p.key),
        ),
      ).toEqual(Object.fromEntries(expected.map((p) => [p.key, p])));
    }
  });
});

describe('the re-plan queue', () => {
  it('answers once the plans are saved, and writes the demand cache and reorder lines before the next re-plan starts', async () => {
    const { db, productIds } = await builtStore();
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The work left for later waits on `held`: the answer must not wait on it, the next re-plan must.
    const replanner = createReplanner(db, () => NOW, {
      keepAwake: async (work) => {
        await held;
        await work;
        events.push('cache written');
      },
    });
    await replanner.replan(productIds);
    expect(await db.plans.count()).toBeGreaterThan(20);
    expect((await readDemandCache(db, [`amazon|amazon.com|SKU-0`])).size).toBe(0);
    const reads = vi.spyOn(db.products, 'bulkGet');
    reads.mockImplementation(function (this: unknown, ...args) {
      events.push('next re-plan reads');
      reads.mockRestore();
      return db.products.bulkGet(...args);
    });
    const next = replanner.replan(productIds.slice(0, 1));
    release();
    await next;
    expect(events).toEqual(['cache written', 'next re-plan reads']);
    await replanner.idle();
    expect(events).toEqual(['cache written', 'next re-plan reads', 'cache written']);
    expect((await readDemandCache(db, [`amazon|amazon.com|SKU-0`])).size).toBe(1);
  });
});

describe('answering before the save', () => {
  it('runs every coalesced caller’s answer on the unsaved plans, saves after them, and holds plan readers until saved', async () => {
    const { db, productIds } = await builtStore();
    const replanner = createReplanner(db, () => NOW);
    const events: string[] = [];
    let saving: Promise<void> | undefined;
    const answer = (name: string) => async () => {
      // The store has no plan yet: the answer sees the plans before they are saved.
      events.push(`${name} answers over ${await db.plans.count()} stored plans`);
      saving ??= replanner.plansSaved().then(() => void events.push('saved'));
    };
    const first = replanner.replan(productIds.slice(0, 2), answer('first'));
    const second = replanner.replan(productIds.slice(2), answer('second'));
    const failing = replanner.replan(undefined, () => Promise.reject(new Error('a page closed')));
    await Promise.all([first, second, failing]);
    await saving;
    expect(events).toEqual(['first answers over 0 stored plans', 'second answers over 0 stored plans', 'saved']);
    // One run served all three (the failed answer did not stop the save), and it planned the whole store.
    expect(await db.plans.count()).toBeGreaterThan(20);
    expect(events.filter((e) => e.includes('answers'))).toHaveLength(2);
  });

  it('a re-plan nobody answers from holds no reader', async () => {
    const { db, productIds } = await builtStore();
    const replanner = createReplanner(db, () => NOW);
    const run = replanner.replan(productIds);
    let released = false;
    await replanner.plansSaved().then(() => (released = true));
    expect(released).toBe(true);
    expect(await db.plans.count()).toBe(0);
    await run;
  });
});

describe('order-history imports in the re-plan', () => {
  it('a listing absent from an imported order history is planned on zero sales, not as sales unknown', async () => {
    const db = await freshStore('replan-import-spans');
    const at = NOW.toISOString();
    const report = (id: string, day: string) => orderObs(id, 'shipped', at, { sku: 'BUSY-1', orderDate: day, source: 'report:amazon/all-orders' });
    const rows: Observation[] = [listingObs('QUIET-1', at, { available: 30 }), report('o-1', '2026-04-01'), report('o-2', '2026-06-29')];
    await mergeObservations(db, rows, NOW);
    await replanProducts(db, undefined, NOW);
    expect((await storedPlans(db))['amazon|amazon.com|QUIET-1']!.alerts.map((a) => a.code)).toContain('sales-unknown');
    await recordImportBatch(db, 'imp-1', rows, NOW);
    await replanProducts(db, undefined, NOW);
    const plan = (await storedPlans(db))['amazon|amazon.com|QUIET-1']!;
    expect(plan.alerts.map((a) => a.code)).not.toContain('sales-unknown');
    expect(plan.alerts.find((a) => a.code === 'no-sale')?.params).toEqual({ days: 90 });
  });
});

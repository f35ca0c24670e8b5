/**
 * The demand cache never changes an answer: after any sequence of page reads, imports of
 * old-dated readings, order imports, stock counts, folds and compactions (with re-plans of the
 * touched products in between, as the background runs them), the plans re-planned with the
 * store's cached series and history digests (lib/store/history-digest.ts) equal the plans
 * rebuilt from every reading with the cache emptied (the re-plan then reads the history
 * records themselves), and the re-plan's readings are the full loader's.
 *
 * fast-check runs FUZZ_RUNS sequences (20 by default: each case is tens of re-plans on
 * fake-indexeddb; `FUZZ_RUNS=200 npx vitest run lib/background/demand-cache.property.test.ts`
 * for a longer search).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../locale/dates';
import type { Observation } from '../records';
import {
  addCalibration,
  compactObservations,
  foldHistory,
  loadPlanningInput,
  loadReplanInput,
  mergeObservations,
  PLANNER_UNREAD_FIELDS,
  type StoreDb,
} from '../store';
import { dropStores, expectDigestsInStep, freshStore, listingObs, orderObs, SEQUENCE_MARKETS } from '../store/test-helpers';
import { replanProducts } from './replan';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const TIMEOUT = Math.max(60_000, RUNS * 8_000);
const START = '2026-03-01';
const SKUS = ['A', 'B', 'C'] as const;
const MARKETS = SEQUENCE_MARKETS.slice(0, 2);

afterEach(dropStores);

type Step =
  | { kind: 'page'; days: number; rows: { sku: number; market: number; available: number; inbound: number; sold7: number | null; total: number | null }[] }
  | { kind: 'late'; daysBack: number; rows: { sku: number; market: number; available: number }[] }
  | { kind: 'orders'; lines: { sku: number; daysBack: number; quantity: number; status: 'shipped' | 'pending' | 'cancelled' }[] }
  | { kind: 'count'; sku: number; market: number; onHand: number }
  | { kind: 'fold' }
  | { kind: 'compact'; windowDays: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('page' as const),
      days: fc.integer({ min: 0, max: 9 }),
      // One row per listing, as a page shows it. Rows without "sold in the last 7 days" (stock
      // pages) let the cache carry a series forward by its new readings (reconstruct-extend.ts).
      rows: fc.uniqueArray(
        fc.record({
          sku: fc.nat(SKUS.length - 1),
          market: fc.nat(MARKETS.length - 1),
          available: fc.integer({ min: 0, max: 60 }),
          inbound: fc.constantFrom(0, 0, 24),
          sold7: fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: fc.integer({ min: 0, max: 20 }), weight: 1 }),
          total: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
        }),
        { minLength: 1, maxLength: 5, selector: (r) => `${r.sku}|${r.market}` },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('late' as const),
      daysBack: fc.integer({ min: 1, max: 40 }),
      rows: fc.array(fc.record({ sku: fc.nat(SKUS.length - 1), market: fc.nat(MARKETS.length - 1), available: fc.integer({ min: 0, max: 60 }) }), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('orders' as const),
      lines: fc.array(
        fc.record({
          sku: fc.nat(SKUS.length - 1),
          daysBack: fc.integer({ min: 0, max: 40 }),
          quantity: fc.integer({ min: 1, max: 4 }),
          status: fc.constantFrom('shipped' as const, 'pending' as const, 'cancelled' as const),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('count' as const),
      sku: fc.nat(SKUS.length - 1),
      market: fc.nat(MARKETS.length - 1),
      onHand: fc.integer({ min: 0, max: 80 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'fold' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const), windowDays: fc.integer({ min: 2, max: 20 }) }) },
);

/** Applies one step at `day` (days since START); returns the products it changed. */
async function apply(db: StoreDb, s: Step, day: number, serial: number): Promise<string[]> {
  const date = addDays(START, day);
  const at = new Date(`${date}T15:00:00.000Z`);
  if (s.kind === 'late') {
    // An import of older readings: days before the fold cutoff go straight to the history records.
    const then = addDays(date, -s.daysBack);
    const rows = s.rows.map((r, i) => listingObs(SKUS[r.sku]!, `${then}T0${i}:30:00.000Z`, { ...MARKETS[r.market]!, available: r.available }));
    return (await mergeObservations(db, rows, at)).productIds;
  }
  if (s.kind === 'page' || s.kind === 'orders') {
    const rows: Observation[] =
      s.kind === 'page'
        ? s.rows.map((r) =>
            listingObs(SKUS[r.sku]!, `${date}T${String(8 + (serial % 8)).padStart(2, '0')}:00:00.000Z`, {
              ...MARKETS[r.market]!,
              available: r.available,
              inbound: r.inbound,
              ...(r.sold7 !== null ? { unitsSold: [{ windowDays: 7, units: r.sold7 }] } : {}),
              ...(r.total !== null && r.market === 1 ? { cumulativeSold: r.total + day } : {}),
            }),
          )
        : s.lines.map((l, i) =>
            orderObs(`O-${serial}-${i}`, l.status, `${date}T09:00:00.000Z`, { sku: SKUS[l.sku]!, quantity: l.quantity, orderDate: addDays(date, -l.daysBack) }),
          );
    return (await mergeObservations(db, rows, at)).productIds;
  }
  if (s.kind === 'count') {
    const key = `${MARKETS[s.market]!.platform}|${MARKETS[s.market]!.marketplace}|${SKUS[s.sku]!}`;
    const listing = await db.listings.get(key);
    if (!listing) return [];
    await addCalibration(db, { listingKey: key, onHand: s.onHand, reason: 'count', by: 'test' }, at);
    return [listing.productId];
  }
  if (s.kind === 'fold') await foldHistory(db, at);
  else await compactObservations(db, at, { windowDays: s.windowDays });
  return [];
}

/** Every history record has its digest, written from its rows (so the cached re-plan reads digests, not records). */
async function expectEveryDigestInStep(db: StoreDb): Promise<void> {
  await expectDigestsInStep(
    db,
    (await db.listingHistory.toArray()).map((r) => r.key),
  );
}

/** The re-plan's readings (history digests and day chunks) as the full loader's, in the same order. */
async function expectReadingsAsStored(db: StoreDb, productIds: readonly string[]): Promise<void> {
  const seen = (rows: readonly { id: string; observedAt: string; record: object }[]) =>
    rows.map((o) => {
      const record: Record<string, unknown> = { ...o.record };
      for (const f of PLANNER_UNREAD_FIELDS) delete record[f];
      return [o.id, o.observedAt, record];
    });
  const lean = await loadReplanInput(db, productIds);
  const full = await loadPlanningInput(db, productIds);
  expect(lean.products.map((p) => seen(p.observations))).toEqual(full.products.map((p) => seen(p.observations)));
}

async function plansOf(db: StoreDb): Promise<Record<string, unknown>> {
  return Object.fromEntries((await db.plans.toArray()).map((r) => [r.key, { ...r.plan, computedAt: '' }]));
}

describe('demand cache', () => {
  it(
    'plans from cached demand equal plans rebuilt from every reading, after any sequence of writes',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 7 }), async (steps) => {
          const db = await freshStore('demand-cache-property');
          try {
            let day = 0;
            for (const [i, s] of steps.entries()) {
              if (s.kind === 'page') day += s.days;
              const touched = await apply(db, s, day, i);
              const now = new Date(`${addDays(START, day)}T18:00:00.000Z`);
              // As the background: a re-plan of what changed (compaction and folds re-plan nothing by themselves).
              if (touched.length > 0) await replanProducts(db, touched, now);
              const all = (await db.products.toArray()).map((p) => p.id);
              if (all.length === 0) continue;
              await expectEveryDigestInStep(db);
              await replanProducts(db, all, now);
              await expectReadingsAsStored(db, all);
              const cached = await plansOf(db);
              await db.dailyDemand.clear();
              await replanProducts(db, all, now);
              expect(cached).toEqual(await plansOf(db));
            }
          } finally {
            db.close();
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

/**
 * A page's panels answered from a re-plan's plans before they are saved (fresh-plans.ts) are the
 * panels the store gives once they are: after any sequence of page reads, order imports, stock
 * counts, pool moves, product links and unlinks, each followed by the re-plan the background
 * runs (some of them of the whole store), the panels built from the fresh plans during the re-plan equal
 * those read after its save, for every listing (re-planned or not), its pool's other channels, and
 * a listing never seen.
 *
 * fast-check runs FUZZ_RUNS sequences (15 by default: each is tens of re-plans on
 * fake-indexeddb; `FUZZ_RUNS=200 npx vitest run lib/background/fresh-plans.property.test.ts`).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../locale/dates';
import { listingKey, type Observation } from '../records';
import { addCalibration, assignPool, linkListing, mergeObservations, unlinkListing, type StoreDb } from '../store';
import { dropStores, freshStore, listingObs, orderObs, SEQUENCE_MARKETS } from '../store/test-helpers';
import type { PanelData } from '../messaging/protocol';
import { panelsOf } from './page-handlers';
import { replanProducts } from './replan';

const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const TIMEOUT = Math.max(60_000, RUNS * 8_000);
const START = '2026-03-01';
const SKUS = ['A', 'B', 'C'] as const;
const MARKETS = SEQUENCE_MARKETS;
const NEVER_SEEN = 'amazon|amazon.com|NEVER-SEEN';

afterEach(dropStores);

type Step =
  | { kind: 'page'; rows: { sku: number; market: number; available: number }[] }
  | { kind: 'orders'; lines: { sku: number; daysBack: number; quantity: number }[] }
  | { kind: 'count'; sku: number; market: number; onHand: number }
  | { kind: 'pool'; sku: number; market: number; pool: 'own:second' | null }
  | { kind: 'link'; sku: number; market: number; to: number }
  | { kind: 'unlink'; sku: number; market: number }
  | { kind: 'whole' };

const listingOf = { sku: fc.nat(SKUS.length - 1), market: fc.nat(MARKETS.length - 1) };
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('page' as const),
      rows: fc.uniqueArray(fc.record({ ...listingOf, available: fc.integer({ min: 0, max: 60 }) }), {
        minLength: 1,
        maxLength: 5,
        selector: (r) => `${r.sku}|${r.market}`,
      }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('orders' as const),
      lines: fc.array(fc.record({ sku: fc.nat(SKUS.length - 1), daysBack: fc.integer({ min: 0, max: 30 }), quantity: fc.integer({ min: 1, max: 4 }) }), {
        minLength: 1,
        maxLength: 6,
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('count' as const), ...listingOf, onHand: fc.integer({ min: 0, max: 80 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pool' as const), ...listingOf, pool: fc.constantFrom('own:second' as const, null) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('link' as const), ...listingOf, to: fc.nat(SKUS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlink' as const), ...listingOf }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'whole' as const }) },
);

/** The listing key of a SKU on a market. */
function keyOf(sku: number, market: number): string {
  const m = MARKETS[market]!;
  return listingKey({ platform: m.platform, marketplace: m.marketplace, sku: SKUS[sku]! });
}

/** Applies one step at `day`; returns the products to re-plan (undefined: the whole store), or [] when it changed nothing. */
async function apply(db: StoreDb, s: Step, day: number, serial: number): Promise<string[] | undefined> {
  const at = new Date(`${addDays(START, day)}T15:00:00.000Z`);
  const productOf = async (key: string) => (await db.listings.get(key))?.productId;
  if (s.kind === 'whole') return undefined;
  if (s.kind === 'page' || s.kind === 'orders') {
    const rows: Observation[] =
      s.kind === 'page'
        ? s.rows.map((r) => listingObs(SKUS[r.sku]!, at.toISOString(), { ...MARKETS[r.market]!, available: r.available }))
        : s.lines.map((l, i) =>
            orderObs(`O-${serial}-${i}`, 'shipped', at.toISOString(), { sku: SKUS[l.sku]!, quantity: l.quantity, orderDate: addDays(START, day - l.daysBack) }),
          );
    return (await mergeObservations(db, rows, at)).productIds;
  }
  const key = keyOf(s.sku, s.market);
  const before = await productOf(key);
  if (!before) return [];
  if (s.kind === 'count') await addCalibration(db, { listingKey: key, onHand: s.onHand, reason: 'count', by: 'seller' }, at);
  else if (s.kind === 'pool') await assignPool(db, key, MARKETS[s.market]!.fulfillment === 'SELLER' ? s.pool : null);
  else if (s.kind === 'link') {
    const to = (await productOf(keyOf(s.to, 0))) ?? (await productOf(keyOf(s.to, 1))) ?? (await productOf(keyOf(s.to, 2)));
    if (!to) return [];
    await linkListing(db, key, to, at);
  } else await unlinkListing(db, key, at);
  // As the options handlers do: the listing's product before and after.
  return [...new Set([before, (await productOf(key))!])];
}

/** Every listing key the sequence can make, and one never seen. */
const ALL_KEYS = [...SKUS.flatMap((_, sku) => MARKETS.map((__, market) => keyOf(sku, market))), NEVER_SEEN];

describe('panels from a re-plan before its save', () => {
  it(
    'equal the panels read once the plans are saved, for re-planned listings, the others, pool members and a listing never seen',
    async () => {
      const seen = { compared: 0, withCover: 0, withMembers: 0 };
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 10 }), async (steps) => {
          const db = await freshStore('fresh-plans');
          try {
            for (const [i, s] of steps.entries()) {
              const day = 20 + i;
              const products = await apply(db, s, day, i);
              if (products?.length === 0) continue;
              let before: PanelData[] | undefined;
              await replanProducts(db, products, new Date(`${addDays(START, day)}T16:00:00.000Z`), {
                onPlans: async (fresh) => void (before = await panelsOf(db, ALL_KEYS, false, fresh)),
              });
              if (!before) continue; // nothing to plan: nothing saved either
              expect(before).toEqual(await panelsOf(db, ALL_KEYS, false));
              seen.compared++;
              seen.withCover += before.filter((p) => p.daysOfCover !== null).length;
              seen.withMembers += before.filter((p) => p.poolMembers).length;
            }
          } finally {
            db.close();
          }
        }),
        { numRuns: RUNS },
      );
      // The sequences planned something worth comparing: days of cover, and pools shared by channels.
      expect(seen.compared).toBeGreaterThan(RUNS);
      expect(seen.withCover).toBeGreaterThan(0);
      expect(seen.withMembers).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});

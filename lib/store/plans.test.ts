import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SkuPlan } from '../planning/types';
import { planWith } from '../purchasing/test-purchasing';
import { mergeObservations } from './merge';
import { refreshListingPlans, savePlans } from './plans';
import { readListings } from './listing-store';
import { dropStores, freshStore, listingObs } from './test-helpers';
import type { StoreDb } from './db';

const AT = '2026-03-02T12:00:00.000Z';
const SKUS = ['A1', 'A2', 'B1', 'B2'];
const keyOf = (sku: string) => `amazon|amazon.com|${sku}`;

/** A pool plan of `product` covering `skus`, with `cover` days of cover. */
function poolPlan(product: string, skus: readonly string[], cover: number): SkuPlan {
  return planWith({ productId: product, sku: product, listingKeys: skus.map(keyOf), daysOfCover: cover });
}

/** What each listing row carries of its plan. */
async function shown(db: StoreDb) {
  const rows = await readListings(db, SKUS.map(keyOf));
  return rows.map((r) => [r?.key, r?.planKey ?? null, r?.daysOfCover ?? null, r?.urgency]);
}

afterEach(dropStores);

describe('savePlans', () => {
  it('property: a partial save leaves each listing showing what reading every plan back would show', async () => {
    const coverArb = fc.integer({ min: 1, max: 200 });
    const layoutArb = fc.subarray(SKUS, { minLength: 0 });
    await fc.assert(
      fc.asyncProperty(layoutArb, layoutArb, coverArb, coverArb, fc.boolean(), async (first, second, c1, c2, listingPlan) => {
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
        await refreshListingPlans(db, SKUS.map(keyOf));
        expect(saved).toEqual(await shown(db));
        db.close();
      }),
      { numRuns: 40, seed: 20_261_203 },
    );
  });
});

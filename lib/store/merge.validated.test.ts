/**
 * The import's fast path: rows the message dispatcher already parsed are merged without parsing
 * them again (mergeObservations' `validated`). It must store exactly what the ordinary path
 * stores and answer the same (counts, products to re-plan), for any batches of listing and order
 * readings, repeats and newer readings of the same order lines included.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { observationSchema, type Observation, type OrderObservation } from '../records';
import type { StoreDb } from './db';
import { mergeObservations } from './merge';
import { allListings, allObservations, dropStores, freshStore, listingObs, orderObs } from './test-helpers';
import { countOrderLines, readAllOrderLines } from './order-store';

afterEach(dropStores);

const NOW = new Date('2024-05-10T12:00:00.000Z');
const instant = fc.constantFrom('2024-05-01T08:00:00.000Z', '2024-05-03T09:30:00.000Z', '2024-05-09T18:00:00.000Z');

const reading: fc.Arbitrary<Observation> = fc.oneof(
  fc
    .record({ sku: fc.constantFrom('A', 'B'), at: instant, available: fc.integer({ min: 0, max: 5 }) })
    .map(({ sku, at, available }) => listingObs(sku, at, { available, source: 'report:amazon/fba-myi' })),
  fc
    .record({
      orderId: fc.constantFrom('o1', 'o2', 'o3'),
      sku: fc.constantFrom('A', 'B', 'C'),
      status: fc.constantFrom<OrderObservation['status']>('pending', 'shipped', 'cancelled'),
      at: instant,
      quantity: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ orderId, sku, status, at, quantity }) => orderObs(orderId, status, at, { sku, quantity, source: 'report:amazon/orders', orderDate: '2024-04-30' })),
);

async function snapshot(db: StoreDb) {
  return {
    orders: await readAllOrderLines(db),
    listings: (await allListings(db)).map(({ linkedAt: _l, ...r }) => r),
    products: (await db.products.toArray()).map((p) => p.id).sort(),
    observations: (await allObservations(db)).map((o) => o.id).sort(),
  };
}

describe('mergeObservations with rows the caller validated', () => {
  it('stores and answers exactly what merging the same rows unvalidated does', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(reading, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }), async (batches) => {
        const plain = await freshStore(`merge-plain-${run}`);
        const fast = await freshStore(`merge-validated-${run++}`);
        for (const batch of batches) {
          const viaDispatcher = batch.map((row) => observationSchema.parse(row));
          const a = await mergeObservations(plain, batch, NOW);
          const b = await mergeObservations(fast, viaDispatcher, NOW, { validated: true });
          expect(b).toEqual(a);
        }
        expect(await snapshot(fast)).toEqual(await snapshot(plain));
      }),
      { numRuns: 40 },
    );
  });

  it('still refuses readings dated in the future', async () => {
    const db = await freshStore('merge-validated-future');
    const result = await mergeObservations(db, [orderObs('o1', 'shipped', '2024-05-11T12:00:00.000Z')], NOW, { validated: true });
    expect(result.counts.rejected).toBe(1);
    expect(await countOrderLines(db)).toBe(0);
  });
});

describe('products to re-plan after orders', () => {
  it('an order of a listing known only through orders re-plans nothing; once the listing is read, its orders re-plan its product', async () => {
    const db = await freshStore('merge-order-only');
    const first = await mergeObservations(db, [orderObs('o1', 'shipped', '2024-05-09T10:00:00.000Z', { sku: 'NEW-1' })], NOW);
    expect(first.productIds).toEqual([]);
    expect(first.listingKeys).toEqual(['amazon|amazon.com|NEW-1']);
    await mergeObservations(db, [listingObs('NEW-1', '2024-05-09T11:00:00.000Z', { available: 3 })], NOW);
    const later = await mergeObservations(db, [orderObs('o2', 'shipped', '2024-05-09T12:00:00.000Z', { sku: 'NEW-1' })], NOW);
    expect(later.productIds).toEqual(['p:amazon|amazon.com|NEW-1']);
  });
});

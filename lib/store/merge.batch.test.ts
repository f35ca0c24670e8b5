/**
 * A page merged as one large batch must give the same store as the same readings merged in
 * small batches (new listings, links by SKU/ASIN across marketplaces, re-reads, new values).
 * A guard for any batch-size-dependent read or write path of the merge (whole-table reads,
 * chunked history): those only kick in on large batches, which the other tests do not merge.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListingObservation } from '../records';
import { mergeObservations } from './merge';
import { dropStores, freshStore, listingObs, allObservations, allListings, listingOf } from './test-helpers';
import type { StoreDb } from './db';

afterEach(dropStores);

const NOW = new Date('2024-05-10T12:00:00.000Z');
const N = 600;

function page(marketplace: 'amazon.com' | 'amazon.de', at: string, offset = 0): ListingObservation[] {
  return Array.from({ length: N }, (_, i) =>
    listingObs(`SKU-${String(i).padStart(4, '0')}`, at, {
      marketplace,
      available: (i * 7 + offset) % 50,
      title: `Item ${i}`,
      fulfillment: 'FBA',
      ...(i % 3 === 0 ? { asin: `B${String(i).padStart(9, '0')}` } : {}),
    }),
  );
}

async function snapshot(db: StoreDb) {
  const listings = (await allListings(db)).map(({ linkedAt: _l, ...r }) => r);
  return {
    listings,
    products: (await db.products.toArray()).map((p) => p.id).sort(),
    observations: (await allObservations(db)).map((o) => o.id).sort(),
    search: await db.searchChunks.toArray(),
    shown: await db.shownChunks.toArray(),
    pools: await db.stockPools.toArray(),
  };
}

async function mergeAll(db: StoreDb, readings: ListingObservation[], batch: number) {
  const counts = { new: 0, unchanged: 0, newListings: 0, linked: 0 };
  for (let i = 0; i < readings.length; i += batch) {
    const r = await mergeObservations(db, readings.slice(i, i + batch), NOW);
    counts.new += r.counts.new;
    counts.unchanged += r.counts.unchanged;
    counts.newListings += r.counts.newListings;
    counts.linked += r.counts.linked;
  }
  return counts;
}

describe('mergeObservations on large batches', () => {
  it('gives the same store as small batches: new listings, links by SKU/ASIN, re-reads, new values', async () => {
    const big = await freshStore('merge-big');
    const small = await freshStore('merge-small');
    const steps = [
      page('amazon.com', '2024-05-08T10:00:00Z'),
      page('amazon.de', '2024-05-08T11:00:00Z'), // same SKUs in another marketplace: linked to the .com products
      page('amazon.com', '2024-05-08T10:05:00Z'), // re-read: nothing new
      page('amazon.com', '2024-05-09T10:00:00Z', 3), // new day, new values
    ];
    for (const readings of steps) {
      const a = await mergeAll(big, readings, readings.length);
      const b = await mergeAll(small, readings, 100);
      expect(a).toEqual(b);
    }
    expect(await snapshot(big)).toEqual(await snapshot(small));
    const de = await listingOf(big, 'amazon|amazon.de|SKU-0003');
    expect(de?.productId).toBe('p:amazon|amazon.com|SKU-0003');
    expect(await big.products.count()).toBe(N);
    expect((await allObservations(big)).length).toBe(3 * N);
  });
});

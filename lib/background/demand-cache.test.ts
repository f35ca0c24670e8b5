import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSettings } from '../settings';
import { loadReplanInput, mergeObservations, readDemandCache, type StoreDb } from '../store';
import { dropStores, freshStore, listingObs } from '../store/test-helpers';
import { demandOfProducts, readingsDigest, saveRebuiltDemand } from './demand-cache';
import { plannerInputOf } from './replan';

afterEach(dropStores);

const US = 'amazon|amazon.com|MUG';
const EBAY = 'ebay|ebay.com|MUG';

/** What a re-plan of every product would take from the cache, and stores what it rebuilt. */
async function demandNow(db: StoreDb, now: Date) {
  const input = await loadReplanInput(
    db,
    (await db.products.toArray()).map((p) => p.id),
  );
  const { observations, ...extras } = plannerInputOf(input.products);
  const demand = await demandOfProducts(db, input.products, observations, extras, migrateSettings(input.settings), now);
  await saveRebuiltDemand(db, demand);
  return { reused: demand.reused, rebuilt: demand.rebuilt.map((r) => r.key).sort(), demandOf: demand.demandOf };
}

describe('demandOfProducts', () => {
  it('rebuilds only the listings whose readings changed; the other channel of the product keeps its series', async () => {
    const db = await freshStore();
    await mergeObservations(
      db,
      [
        listingObs('MUG', '2026-05-01T10:00:00Z', { available: 30 }),
        listingObs('MUG', '2026-05-03T10:00:00Z', { available: 24 }),
        listingObs('MUG', '2026-05-01T10:00:00Z', { platform: 'ebay', marketplace: 'ebay.com', source: 'ebay/active-listings', available: 9 }),
        listingObs('MUG', '2026-05-03T10:00:00Z', { platform: 'ebay', marketplace: 'ebay.com', source: 'ebay/active-listings', available: 7 }),
      ],
      new Date('2026-05-03T12:00:00Z'),
    );
    const now = new Date('2026-05-04T12:00:00Z');
    expect(await demandNow(db, now)).toMatchObject({ reused: 0, rebuilt: [US, EBAY] });
    expect([...(await readDemandCache(db, [US, EBAY])).keys()].sort()).toEqual([US, EBAY]);
    const again = await demandNow(db, now);
    expect(again).toMatchObject({ reused: 2, rebuilt: [] });
    expect([...again.demandOf[US]!.units]).toEqual([Number.NaN, 3, 3, Number.NaN]);

    // The seller reads the Amazon page the next day: only that listing is rebuilt.
    await mergeObservations(db, [listingObs('MUG', '2026-05-04T10:00:00Z', { available: 20 })], now);
    const after = await demandNow(db, now);
    expect(after).toMatchObject({ reused: 1, rebuilt: [US] });
    expect([...after.demandOf[US]!.units]).toEqual([Number.NaN, 3, 3, 4]);
    // A new day rebuilds every series (their last day moved), even without new readings.
    expect(await demandNow(db, new Date('2026-05-05T12:00:00Z'))).toMatchObject({ reused: 0, rebuilt: [US, EBAY] });
  });
});

describe('readingsDigest', () => {
  const a = { id: '0123456789abcdef0123456789ab', at: '2026-05-01T10:00:00.000Z' };
  const b = { id: 'fedcba9876543210fedcba987654', at: '2026-05-02T10:00:00.000Z' };
  it('depends on the set of readings, not their order', () => {
    expect(readingsDigest([a, b])).toBe(readingsDigest([b, a]));
  });
  it('changes with a reading added, removed, or moved in time, and with ids that are not stored hashes', () => {
    const base = readingsDigest([a, b]);
    expect(readingsDigest([a])).not.toBe(base);
    expect(readingsDigest([a, b, { ...a, id: 'not-a-hash' }])).not.toBe(base);
    expect(
      readingsDigest([
        { ...a, at: b.at },
        { ...b, at: a.at },
      ]),
    ).not.toBe(base);
    expect(readingsDigest([{ ...a, at: '2026-05-01T09:00:00.000Z' }, b])).not.toBe(base);
    expect(readingsDigest([{ id: 'x', at: a.at }])).not.toBe(readingsDigest([{ id: 'y', at: a.at }]));
  });
});

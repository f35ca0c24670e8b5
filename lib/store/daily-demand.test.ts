import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addCalibration } from './adjustments';
import { exportBackup, restoreBackup } from './backup';
import { compactObservations } from './compaction';
import { invalidateDemand, readDemandCache, writeDemandCache } from './daily-demand';
import { mergeObservations } from './merge';
import { foldHistory } from './observation-store';
import { DEMAND_SERIES_DATE, type DemandCacheRow, type StoredDemandCacheRow } from './tables/dailyDemand';
import type { ReadingFacts } from '../planning/plan-input';
import { dropStores, freshStore, listingObs } from './test-helpers';
import type { StoreDb } from './db';

afterEach(dropStores);

const NOW = new Date('2024-09-01T12:00:00.000Z');
const A = 'amazon|amazon.com|A';
const B = 'amazon|amazon.com|B';

function series(key: string, units: number[]): DemandCacheRow {
  return {
    key,
    date: DEMAND_SERIES_DATE,
    inputs: `fp-${key}`,
    startDay: 19_900,
    units: Float64Array.from(units),
    how: Uint8Array.from(units.map((u) => (u === u ? 2 : 0))),
  };
}

/** The facts a cache record keeps, with these on-hand readings (day, units, ...). */
function factsWithOnHand(onHand: number[]): ReadingFacts {
  return {
    key: A,
    stockDay: 20_003,
    platform: 'amazon',
    marketplace: 'amazon.com',
    sku: 'A',
    fulfillment: 'FBA',
    available: 4,
    inbound: 0,
    inboundAppeared: null,
    reserved: 0,
    unfulfillable: 0,
    priceMinor: null,
    currency: null,
    ageBuckets: [],
    startDay: null,
    ended: false,
    pendingUnits: 0,
    fba: { marketplaces: ['amazon.com'], onHand: Int32Array.from(onHand), shown: null, volume: null, size: null },
  };
}

const cachedKeys = async (db: StoreDb) => [...(await readDemandCache(db, [A, B])).keys()].sort();

describe('the demand cache', () => {
  it('stores one record per listing, typed arrays and unknown days intact, and drops exactly the keys asked', async () => {
    const db = await freshStore();
    await writeDemandCache(db, [series(A, [1, Number.NaN, 3]), series(B, [0])]);
    // A per-day row of the older shape is neither read as a cache nor dropped.
    await db.dailyDemand.put({ key: A, date: '2024-05-01', units: 2, how: 'exact' });
    const read = await readDemandCache(db, [A, B, 'amazon|amazon.com|C']);
    expect([...read.keys()].sort()).toEqual([A, B]);
    expect(read.get(A)!.units).toBeInstanceOf(Float64Array);
    expect([...read.get(A)!.units]).toEqual([1, Number.NaN, 3]);
    expect([...read.get(A)!.how]).toEqual([2, 0, 2]);
    expect(await invalidateDemand(db, [A, A])).toBe(1);
    expect(await cachedKeys(db)).toEqual([B]);
    expect(await db.dailyDemand.get([A, '2024-05-01'])).toMatchObject({ units: 2 });
  });

  it('stores whole-unit columns packed and reads every record back as written, packed or from before packing', async () => {
    const db = await freshStore();
    const whole = { ...series(A, [1, Number.NaN, 300]), facts: factsWithOnHand([20_000, 5, 20_003, 4]) };
    const fractional = { ...series(B, [0.5, 2]), facts: factsWithOnHand([20_003, 4, 20_000, 5]) };
    await writeDemandCache(db, [whole, fractional]);
    const stored = (key: string) => db.dailyDemand.get([key, DEMAND_SERIES_DATE]) as Promise<StoredDemandCacheRow>;
    // Two bytes a day (300 does not fit one); on-hand days running forward are packed too; a fraction, or days running back, are not.
    expect((await stored(A)).units).toBeInstanceOf(Uint16Array);
    expect((await stored(A)).facts?.fba.onHand).not.toBeInstanceOf(Int32Array);
    expect((await stored(B)).units).toBeInstanceOf(Float64Array);
    expect((await stored(B)).facts?.fba.onHand).toBeInstanceOf(Int32Array);
    const read = await readDemandCache(db, [A, B]);
    expect(read.get(A)).toEqual(whole);
    expect(read.get(B)).toEqual(fractional);
    // A record a version before packing wrote (plain arrays) is read as it is.
    const plain = { ...series(A, [4, 5]), facts: factsWithOnHand([20_001, 7]) };
    await db.dailyDemand.put(plain);
    expect((await readDemandCache(db, [A])).get(A)).toEqual(plain);
  });

  it("a stock count drops its listing's series only", async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('A', '2024-08-30T09:00:00Z', { available: 5 }), listingObs('B', '2024-08-30T09:00:00Z', { available: 7 })], NOW);
    await writeDemandCache(db, [series(A, [1]), series(B, [2])]);
    await addCalibration(db, { listingKey: A, onHand: 9, reason: 'count', by: 'test' }, NOW);
    expect(await cachedKeys(db)).toEqual([B]);
  });

  it('compaction drops the series of the listings whose readings it folded, in history records and in day chunks', async () => {
    const db = await freshStore();
    await mergeObservations(
      db,
      [
        listingObs('A', '2024-03-01T08:00:00Z', { available: 10 }),
        listingObs('A', '2024-03-01T18:00:00Z', { available: 8 }),
        listingObs('B', '2024-08-30T09:00:00Z', { available: 3 }), // inside the window
      ],
      NOW,
    );
    await writeDemandCache(db, [series(A, [1]), series(B, [2])]);
    await compactObservations(db, NOW, { windowDays: 30 }); // A's readings sit in a day chunk
    expect(await cachedKeys(db)).toEqual([B]);

    await mergeObservations(db, [listingObs('B', '2024-03-02T08:00:00Z', { available: 4 }), listingObs('B', '2024-03-02T09:00:00Z', { available: 3 })], NOW);
    await foldHistory(db, NOW); // B's old readings move to its history record: same readings, same series
    await writeDemandCache(db, [series(A, [1]), series(B, [2])]);
    await compactObservations(db, NOW, { windowDays: 30 });
    expect(await cachedKeys(db)).toEqual([A]);
  });

  it('backups leave the cache out (it is rebuilt) and keep older per-day rows; a restore starts without a cache', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('A', '2024-08-30T09:00:00Z', { available: 5 })], NOW);
    await writeDemandCache(db, [series(A, [1, 2])]);
    await db.dailyDemand.put({ key: A, date: '2024-05-01', units: 2, how: 'exact' });
    const text = await exportBackup(db, NOW);
    expect(JSON.parse(text.split('\n')[0]!).tables.dailyDemand.rows).toBe(1);
    const other = await freshStore();
    await writeDemandCache(other, [series(B, [4])]);
    await restoreBackup(other, text, NOW);
    expect(await cachedKeys(other)).toEqual([]);
    expect(await other.dailyDemand.toArray()).toEqual([{ key: A, date: '2024-05-01', units: 2, how: 'exact' }]);
  });
});

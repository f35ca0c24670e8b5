import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addCalibration } from './adjustments';
import { exportBackup, restoreBackup } from './backup';
import { compactObservations } from './compaction';
import { invalidateDemand, readDemandCache, writeDemandCache } from './daily-demand';
import { mergeObservations } from './merge';
import { foldHistory } from './observation-store';
import { DEMAND_SERIES_DATE, HISTORY_DIGEST_DATE, type DemandCacheRow, type HistoryDigestRow } from './tables/dailyDemand';
import { writeHistoryDigests } from './history-digest';
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

/** Gives these listings the (empty) history digests a re-plan writes for listings without history, which the cache rides in. */
async function withDigests(db: StoreDb, keys: readonly string[]): Promise<void> {
  await db.transaction('rw', db.dailyDemand, () =>
    writeHistoryDigests(
      db,
      keys.map((k) => [k, []] as const),
    ),
  );
}

/** A listing's digest record as stored. */
const digestRecord = (db: StoreDb, key: string) => db.dailyDemand.get([key, HISTORY_DIGEST_DATE]) as Promise<HistoryDigestRow>;

describe('the demand cache', () => {
  it("stores each listing's series in its digest record, typed arrays and unknown days intact, and drops exactly the keys asked", async () => {
    const db = await freshStore();
    const C = 'amazon|amazon.com|C';
    await withDigests(db, [A, B]);
    const digestOfB = await digestRecord(db, B);
    // C has no digest record: it gets no cache (the re-plan writes every listing's digest before it plans).
    await writeDemandCache(db, [series(A, [1, Number.NaN, 3]), series(B, [0]), series(C, [5])]);
    // A per-day row of the older shape is neither read as a cache nor dropped.
    await db.dailyDemand.put({ key: A, date: '2024-05-01', units: 2, how: 'exact' });
    const read = await readDemandCache(db, [A, B, C]);
    expect([...read.keys()].sort()).toEqual([A, B]);
    expect(await db.dailyDemand.where('key').equals(C).count()).toBe(0);
    // One record per listing: the series rides in the digest, which is otherwise as it was.
    expect(await db.dailyDemand.where('[key+date]').between([B, ''], [B, '\uffff']).primaryKeys()).toEqual([[B, HISTORY_DIGEST_DATE]]);
    const { demand, ...digest } = await digestRecord(db, B);
    expect(digest).toEqual(digestOfB);
    expect(demand?.inputs).toBe(`fp-${B}`);
    expect(read.get(A)!.units).toBeInstanceOf(Float64Array);
    expect([...read.get(A)!.units]).toEqual([1, Number.NaN, 3]);
    expect([...read.get(A)!.how]).toEqual([2, 0, 2]);
    expect(await invalidateDemand(db, [A, A])).toBe(1);
    expect(await cachedKeys(db)).toEqual([B]);
    expect(await db.dailyDemand.get([A, '2024-05-01'])).toMatchObject({ units: 2 });
    // Dropping the series keeps the digest.
    expect(await digestRecord(db, A)).toEqual({ ...digestOfB, key: A });
  });

  it('a digest written again keeps the series (the daily fold moves readings without changing them)', async () => {
    const db = await freshStore();
    await withDigests(db, [A]);
    await writeDemandCache(db, [series(A, [1, 2])]);
    await withDigests(db, [A, B]);
    expect(await cachedKeys(db)).toEqual([A]);
    expect([...(await readDemandCache(db, [A])).get(A)!.units]).toEqual([1, 2]);
  });

  it('stores whole-unit columns packed and reads every record back as written, packed or from before packing', async () => {
    const db = await freshStore();
    await withDigests(db, [A, B]);
    const whole = { ...series(A, [1, Number.NaN, 300]), facts: factsWithOnHand([20_000, 5, 20_003, 4]) };
    const fractional = { ...series(B, [0.5, 2]), facts: factsWithOnHand([20_003, 4, 20_000, 5]) };
    await writeDemandCache(db, [whole, fractional]);
    const stored = async (key: string) => (await digestRecord(db, key)).demand!;
    // Two bytes a day (300 does not fit one); on-hand days running forward are packed too; a fraction, or days running back, are not.
    expect((await stored(A)).units).toBeInstanceOf(Uint16Array);
    expect((await stored(A)).facts?.fba.onHand).not.toBeInstanceOf(Int32Array);
    expect((await stored(B)).units).toBeInstanceOf(Float64Array);
    expect((await stored(B)).facts?.fba.onHand).toBeInstanceOf(Int32Array);
    const read = await readDemandCache(db, [A, B]);
    expect(read.get(A)).toEqual(whole);
    expect(read.get(B)).toEqual(fractional);
    // A record a version before packing wrote (plain arrays) is read as it is.
    const { key: _key, date: _date, ...plain } = { ...series(A, [4, 5]), facts: factsWithOnHand([20_001, 7]) };
    await db.dailyDemand.put({ ...(await digestRecord(db, A)), demand: plain });
    expect((await readDemandCache(db, [A])).get(A)).toEqual({ ...plain, key: A, date: DEMAND_SERIES_DATE });
  });

  it("a stock count drops its listing's series only", async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('A', '2024-08-30T09:00:00Z', { available: 5 }), listingObs('B', '2024-08-30T09:00:00Z', { available: 7 })], NOW);
    await withDigests(db, [A, B]);
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
    await withDigests(db, [A, B]);
    await writeDemandCache(db, [series(A, [1]), series(B, [2])]);
    await compactObservations(db, NOW, { windowDays: 30 }); // A's readings sit in a day chunk
    expect(await cachedKeys(db)).toEqual([B]);

    await mergeObservations(db, [listingObs('B', '2024-03-02T08:00:00Z', { available: 4 }), listingObs('B', '2024-03-02T09:00:00Z', { available: 3 })], NOW);
    await writeDemandCache(db, [series(A, [1]), series(B, [2])]);
    await foldHistory(db, NOW); // B's old readings move to its history record: same readings, same series
    expect(await cachedKeys(db)).toEqual([A, B]);
    await compactObservations(db, NOW, { windowDays: 30 });
    expect(await cachedKeys(db)).toEqual([A]);
  });

  it('backups leave the cache out (it is rebuilt) and keep older per-day rows; a restore starts without a cache', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('A', '2024-08-30T09:00:00Z', { available: 5 })], NOW);
    await withDigests(db, [A]);
    await writeDemandCache(db, [series(A, [1, 2])]);
    await db.dailyDemand.put({ key: A, date: '2024-05-01', units: 2, how: 'exact' });
    const text = await exportBackup(db, NOW);
    expect(JSON.parse(text.split('\n')[0]!).tables.dailyDemand.rows).toBe(1);
    const other = await freshStore();
    await withDigests(other, [B]);
    await writeDemandCache(other, [series(B, [4])]);
    await restoreBackup(other, text, NOW);
    expect(await cachedKeys(other)).toEqual([]);
    expect(await other.dailyDemand.toArray()).toEqual([{ key: A, date: '2024-05-01', units: 2, how: 'exact' }]);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSettings } from '../settings';
import { dayNumber, isoDate } from '../planning/days';
import { historyWindowStart } from '../planning/reconstruct';
import { listingFactsOfGroups } from '../planning/stock-groups';
import { foldHistory, invalidateDemand, loadReplanInput, mergeObservations, readDemandCache, updateSettings, type StoreDb } from '../store';
import { defaultSettings } from '../settings/schema';
import { dropStores, freshStore, listingObs } from '../store/test-helpers';
import { demandOfProducts, saveRebuiltDemand } from './demand-cache';
import { observationsOfListings, plannerInputOf } from './replan';

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
  const demandOf = Object.fromEntries(Object.entries(demand.factsOf).map(([key, f]) => [key, f.series]));
  return { reused: demand.reused, rebuilt: demand.rebuilt.map((r) => r.key).sort(), demandOf };
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
    // A new day without new readings carries both series to it (one more unknown day), as rebuilding them gives them.
    const nextDay = new Date('2026-05-05T12:00:00Z');
    const carried = await demandNow(db, nextDay);
    expect(carried).toMatchObject({ reused: 2, rebuilt: [] });
    expect([...carried.demandOf[US]!.units]).toEqual([Number.NaN, 3, 3, 4, Number.NaN]);
    await invalidateDemand(db, [US, EBAY]);
    const rebuilt = await demandNow(db, nextDay);
    expect(rebuilt).toMatchObject({ reused: 0, rebuilt: [US, EBAY] });
    expect(rebuilt.demandOf).toEqual(carried.demandOf);
  });

  it('carries a history as long as the window until the window steps on, then rebuilds it', async () => {
    const db = await freshStore();
    await updateSettings(db, () => ({ ...defaultSettings(), historyDays: 28 }), new Date('2026-05-01T00:00:00Z'));
    await mergeObservations(
      db,
      [listingObs('MUG', '2026-03-01T10:00:00Z', { available: 130 }), listingObs('MUG', '2026-05-03T10:00:00Z', { available: 24 })],
      new Date('2026-05-03T12:00:00Z'),
    );
    const first = new Date('2026-05-04T12:00:00Z');
    expect(await demandNow(db, first)).toMatchObject({ reused: 0, rebuilt: [US] });
    // The window's start moves in 28-day steps: the first day after May 4th on which it moves.
    const start = historyWindowStart(dayNumber('2026-05-04'), 28);
    let day = dayNumber('2026-05-05');
    while (historyWindowStart(day, 28) === start) day++;
    // Until then the series is carried to each day, not rebuilt.
    expect(await demandNow(db, new Date(`${isoDate(day - 1)}T12:00:00Z`))).toMatchObject({ reused: 1, rebuilt: [] });
    const stepped = await demandNow(db, new Date(`${isoDate(day)}T12:00:00Z`));
    expect(stepped).toMatchObject({ reused: 0, rebuilt: [US] });
    expect(stepped.demandOf[US]!.startDay).toBe(historyWindowStart(day, 28));
  });

  it("keeps each listing's facts with its series: a re-plan reads the history of the listings that changed only", async () => {
    const db = await freshStore();
    const ebay = { platform: 'ebay', marketplace: 'ebay.com', source: 'ebay/active-listings' } as const;
    await mergeObservations(
      db,
      [
        listingObs('MUG', '2026-05-01T10:00:00Z', { available: 30, inbound: 12 }),
        listingObs('MUG', '2026-05-03T10:00:00Z', { available: 24, inbound: 12 }),
        listingObs('MUG', '2026-05-01T10:00:00Z', { ...ebay, available: 9, price: { amountMinor: 1299, currency: 'USD' } }),
        listingObs('MUG', '2026-05-03T10:00:00Z', { ...ebay, available: 7 }),
      ],
      new Date('2026-05-03T12:00:00Z'),
    );
    const now = new Date('2026-05-20T12:00:00Z');
    await foldHistory(db, now); // the readings move into the history records: the re-plan reads them from digests
    const cold = await deferredDemand(db, now);
    expect(cold.asked).toEqual([US, EBAY]);
    expect(await deferredDemand(db, now)).toMatchObject({ asked: [], reused: 2 });

    await mergeObservations(db, [listingObs('MUG', '2026-05-20T10:00:00Z', { available: 20, inbound: 0 })], now);
    // A new stock reading carries the series and facts forward: no history is decoded.
    const warm = await deferredDemand(db, now);
    expect(warm).toMatchObject({ asked: [], reused: 1, extended: 1 });
    // The cached facts are the facts rebuilt from every reading.
    await invalidateDemand(db, [US, EBAY]);
    const rebuilt = await deferredDemand(db, now);
    expect(rebuilt.asked).toEqual([US, EBAY]);
    expect(warm.factsOf).toEqual(rebuilt.factsOf);
    expect(warm.factsOf[EBAY]).toMatchObject({ available: 7, priceMinor: 1299 });
    expect(warm.factsOf[US]).toMatchObject({ available: 20, inbound: 0 });

    // A reading with "sold in the last N days" counts overlaps older days: that listing is rebuilt from its history.
    const later = new Date('2026-05-22T12:00:00Z');
    await mergeObservations(db, [listingObs('MUG', '2026-05-22T10:00:00Z', { available: 18, unitsSold: [{ windowDays: 7, units: 2 }] })], later);
    const windowed = await deferredDemand(db, later);
    expect(windowed).toMatchObject({ asked: [US], extended: 0 });
    await invalidateDemand(db, [US, EBAY]);
    expect((await deferredDemand(db, later)).factsOf).toEqual(windowed.factsOf);
  });
});

describe('rebuilding many listings', () => {
  it('decodes a batch of listings at a time, each once in key order, with the facts of one pass over them all', async () => {
    const db = await freshStore();
    const skus = Array.from({ length: 1_050 }, (_, i) => `SKU-${String(i).padStart(4, '0')}`);
    const ebay = { platform: 'ebay', marketplace: 'ebay.com', source: 'ebay/active-listings' } as const;
    await mergeObservations(
      db,
      skus.flatMap((sku, i) => [
        listingObs(sku, '2026-05-01T10:00:00Z', { available: 30 + (i % 7) }),
        listingObs(sku, '2026-05-03T10:00:00Z', { available: 24 + (i % 5) }),
        listingObs(sku, '2026-05-03T10:00:00Z', { ...ebay, available: 9 + (i % 3) }),
      ]),
      new Date('2026-05-03T12:00:00Z'),
    );
    const now = new Date('2026-05-04T12:00:00Z');
    const input = await loadReplanInput(
      db,
      (await db.products.toArray()).map((p) => p.id),
      { deferDigests: true },
    );
    const { observations, ...extras } = plannerInputOf(input.products);
    const settings = migrateSettings(input.settings);
    const batches: string[][] = [];
    const demand = await demandOfProducts(db, input.products, observations, extras, settings, now, (missed) => {
      batches.push([...missed]);
      return observationsOfListings(db, input.products, missed);
    });
    expect(batches.map((b) => b.length)).toEqual([1_000, 1_000, 100]);
    const asked = batches.flat();
    expect(asked).toEqual([...new Set(asked)].sort());
    const onePass = listingFactsOfGroups(await observationsOfListings(db, input.products, new Set(asked)), settings, now, { ...extras, demandOf: {} });
    expect(demand.factsOf).toEqual(Object.fromEntries(onePass.map((f) => [f.key, f])));
    expect(demand.rebuilt.map((r) => r.key)).toEqual(asked);
  });
});

/** demandOfProducts as the re-plan calls it (digests deferred), with the listings whose readings it asked for. */
async function deferredDemand(db: StoreDb, now: Date) {
  const input = await loadReplanInput(
    db,
    (await db.products.toArray()).map((p) => p.id),
    { deferDigests: true },
  );
  const { observations, ...extras } = plannerInputOf(input.products);
  const asked: string[] = [];
  const demand = await demandOfProducts(db, input.products, observations, extras, migrateSettings(input.settings), now, (missed) => {
    asked.push(...missed);
    return observationsOfListings(db, input.products, missed);
  });
  await saveRebuiltDemand(db, demand);
  return { asked: asked.sort(), reused: demand.reused, extended: demand.extended, factsOf: demand.factsOf };
}

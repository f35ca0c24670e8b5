import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListingObservation } from '../records';
import { exportBackup, restoreBackup } from './backup';
import { compactObservations } from './compaction';
import { historyDigestOf, PLANNER_UNREAD_FIELDS, readHistoryDigests, readingsOfDigest } from './history-digest';
import { mergeObservations } from './merge';
import { foldHistory } from './observation-store';
import { HistoryMovedError, loadPlanningInput, loadReplanInput, readingsOfListings } from './planning-input';
import { readingsSums } from './readings-digest';
import { HISTORY_DIGEST_DATE, HISTORY_READINGS_DATE } from './tables/dailyDemand';
import { observationIdOf, type ObservationRow } from './tables/observations';
import { dropStores, expectDigestsInStep, freshStore, listingObs } from './test-helpers';
import { StoreDb } from './db';

afterEach(dropStores);

const NOW = new Date('2024-09-01T12:00:00.000Z');
const A = 'amazon|amazon.com|A';
const B = 'amazon|amazon.com|B';

/** A reading showing every field, the unread ones included. */
function fullReading(sku: string, at: string, available: number): ListingObservation {
  return listingObs(sku, at, {
    available,
    inbound: 4,
    reserved: 1,
    price: { amountMinor: 1299, currency: 'USD' },
    unitsSold: [{ windowDays: 7, units: 3 }],
    status: 'active',
    title: 'A long title nobody plans with',
    asin: 'B000000001',
    fnsku: 'X000000001',
    parentSku: 'PARENT',
    variation: 'Blue',
    watchers: 3,
    platformDaysOfSupply: 12,
    recommendedAction: 'Restock',
    recommendedQuantity: 40,
  });
}

function row(o: ListingObservation, rowAt = o.observedAt): ObservationRow {
  return {
    id: observationIdOf(o),
    kind: 'listing',
    key: A,
    listingKey: A,
    source: o.source,
    observedAt: rowAt,
    observedDate: o.observedDate,
    lastSeenAt: rowAt,
    record: o,
  };
}

/** A record without the fields the planner does not read. */
function planned(record: ListingObservation): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  for (const f of PLANNER_UNREAD_FIELDS) delete out[f];
  return out;
}

describe('history digests', () => {
  it('give back every listing reading with the fields the planner reads, in the stored order', () => {
    const readings = [fullReading('A', '2024-08-01T08:00:00.000Z', 9), { ...fullReading('A', '2024-08-02T08:00:00.000Z', 7), account: 'default' }];
    const { digest, readings: record } = historyDigestOf(
      A,
      readings.map((o) => row(o)),
    );
    expect(digest.count).toBe(2);
    expect(record?.readings).not.toContain('nobody plans with');
    // The digest the re-plan reads holds no reading: they are in their own record.
    expect(JSON.stringify(digest)).not.toContain(observationIdOf(readings[0]!));
    const back = readingsOfDigest(record);
    expect(back.map((r) => [r.id, r.observedAt, r.listingKey])).toEqual(readings.map((o) => [observationIdOf(o), o.observedAt, A]));
    expect(back.map((r) => r.record)).toEqual(readings.map(planned));
    expect(historyDigestOf(A, []).readings).toBeUndefined();
    expect(readingsOfDigest(undefined)).toEqual([]);
  });

  it('stay in step with every write of a history record: old-dated merges, folds, compaction, restores', async () => {
    const db = await freshStore();
    const keys = [A, B];
    await mergeObservations(db, [fullReading('A', '2024-08-30T09:00:00Z', 5), fullReading('B', '2024-08-31T09:00:00Z', 6)], NOW);
    // Old-dated readings (an import) go straight to the history records.
    await mergeObservations(db, [fullReading('A', '2024-06-01T09:00:00Z', 20), fullReading('A', '2024-06-02T09:00:00Z', 18)], NOW);
    expect((await readHistoryDigests(db, [A])).get(A)?.count).toBe(2);
    await expectDigestsInStep(db, keys);
    const later = new Date('2024-09-05T12:00:00.000Z');
    await foldHistory(db, later);
    expect((await readHistoryDigests(db, [A, B])).get(B)?.count).toBe(1);
    await expectDigestsInStep(db, keys);
    await compactObservations(db, later, { windowDays: 30 });
    await expectDigestsInStep(db, keys);
    await compactObservations(db, later, { windowDays: 1 });
    await expectDigestsInStep(db, keys);

    const text = await exportBackup(db, later);
    expect(text).not.toContain(`"date":"${HISTORY_DIGEST_DATE}"`);
    expect(text).not.toContain(`"date":"${HISTORY_READINGS_DATE}"`);
    const other = await freshStore();
    await restoreBackup(other, text, later);
    await expectDigestsInStep(other, keys);
    expect((await readHistoryDigests(other, keys)).size).toBe(2);
  });

  it("a re-plan's input reads digests, writes those missing from the history records, and equals the full rows", async () => {
    const db = await freshStore();
    await mergeObservations(db, [fullReading('A', '2024-06-01T09:00:00Z', 20), fullReading('A', '2024-08-31T09:00:00Z', 5)], NOW);
    const productIds = (await db.products.toArray()).map((p) => p.id);
    await db.dailyDemand.clear(); // as a store whose history was written before digests
    const first = await loadReplanInput(db, productIds);
    expect((await readHistoryDigests(db, [A])).get(A)?.count).toBe(1);
    await expectDigestsInStep(db, [A]);
    const full = await loadPlanningInput(db, productIds);
    const again = await loadReplanInput(db, productIds);
    const seen = (rows: readonly { id: string; observedAt: string; record: unknown }[]) =>
      rows.map((o) => [o.id, o.observedAt, planned(o.record as ListingObservation)]);
    for (const input of [first, again]) {
      expect(input.products.map((p) => seen(p.observations))).toEqual(full.products.map((p) => seen(p.observations)));
      expect(input.products[0]!.observations).toHaveLength(2);
    }
  });

  it("hold the sums of their readings' stored ids and record times, so a re-plan adds the day chunks' readings without decoding them", () => {
    const at = '2024-08-01T08:00:00.000Z';
    const o = listingObs('A', at, { available: 9 });
    const p = listingObs('A', '2024-08-02T08:00:00.000Z', { available: 7 });
    // The row's time written another way than the record's: the record's counts, as in the re-plan's fingerprint.
    const { digest, readings } = historyDigestOf(A, [row(o, at.replace('.000Z', 'Z')), row(p)]);
    expect(digest.sums).toEqual(readingsSums([p, o].map((r) => ({ id: observationIdOf(r), at: r.observedAt }))));
    expect(readingsSums(readingsOfDigest(readings).map((r) => ({ id: r.id, at: r.record.observedAt })))).toEqual(digest.sums);
    expect(readings?.sums).toEqual(digest.sums);
  });

  it("deferred by the re-plan, their readings are left out and put back in the loader's order for the listings that need them", async () => {
    const db = await freshStore();
    const readings = [fullReading('A', '2024-06-01T09:00:00Z', 20), fullReading('A', '2024-08-31T09:00:00Z', 5), fullReading('A', '2024-07-01T09:00:00Z', 9)];
    await mergeObservations(db, [...readings, fullReading('B', '2024-06-02T09:00:00Z', 3), fullReading('B', '2024-08-31T10:00:00Z', 2)], NOW);
    const productIds = (await db.products.toArray()).map((p) => p.id);
    const whole = await loadReplanInput(db, productIds);
    const deferred = await loadReplanInput(db, productIds, { deferDigests: true });
    // Only the day chunk's readings (Aug 31) stay; each product keeps its listings' digests.
    expect(deferred.products.flatMap((p) => p.observations.map((o) => o.observedAt.slice(0, 10)))).toEqual(['2024-08-31', '2024-08-31']);
    expect(deferred.products.flatMap((p) => (p.digests ?? []).map((d) => [d.key, d.count]))).toEqual([
      [A, 2],
      [B, 1],
    ]);
    const back = await readingsOfListings(db, deferred.products, new Set([A]));
    const of = (key: string) => whole.products.flatMap((p) => p.observations.filter((o) => o.listingKey === key));
    expect([...back.keys()]).toEqual([A]);
    expect(back.get(A)).toEqual(of(A));
    expect(await readingsOfListings(db, deferred.products, new Set([A, B]))).toEqual(
      new Map([
        [A, of(A)],
        [B, of(B)],
      ]),
    );
    // The whole loader's readings are given as they are.
    expect(await readingsOfListings(db, whole.products, new Set([B]))).toEqual(new Map([[B, of(B)]]));
  });

  it('read for most of the store by the date index, the same digests as read one by one, only those asked for', async () => {
    const db = await freshStore();
    await mergeObservations(db, [fullReading('A', '2024-06-01T09:00:00Z', 20), fullReading('B', '2024-06-02T09:00:00Z', 3)], NOW);
    await foldHistory(db, NOW);
    const one = await readHistoryDigests(db, [A]);
    expect(one.get(A)?.count).toBe(1);
    expect(await readHistoryDigests(db, [A], { whole: true })).toEqual(one);
    expect(await readHistoryDigests(db, [A, B], { whole: true })).toEqual(await readHistoryDigests(db, [A, B]));
  });

  it('read for most of the store while memory holds most of them: answered from memory, the same digests as IndexedDB gives', async () => {
    const db = await freshStore();
    await mergeObservations(db, [fullReading('A', '2024-06-01T09:00:00Z', 20), fullReading('B', '2024-06-02T09:00:00Z', 3)], NOW);
    await foldHistory(db, NOW);
    // Instances of the store that start with nothing in memory.
    const opened = async () => {
      const other = new StoreDb(db.name);
      await other.open();
      return other;
    };
    const disk = await opened();
    const fromDisk = await readHistoryDigests(disk, [A, B], { whole: true });
    expect(disk.memory.digests.holds([[A, HISTORY_DIGEST_DATE]])).toBe(0);
    disk.close();
    const reader = await opened();
    await readHistoryDigests(reader, [A]);
    expect(
      reader.memory.digests.holds([
        [A, HISTORY_DIGEST_DATE],
        [B, HISTORY_DIGEST_DATE],
      ]),
    ).toBe(1);
    const { hits } = reader.memory.digests.stats();
    expect(await readHistoryDigests(reader, [A, B], { whole: true })).toEqual(fromDisk);
    // Half of them held: a request each, A from memory and B from IndexedDB (B is kept now: the index read keeps none).
    expect(reader.memory.digests.stats().hits).toBe(hits + 1);
    expect(reader.memory.digests.holds([[B, HISTORY_DIGEST_DATE]])).toBe(1);
    reader.close();
  });

  it('a readings record missing or out of step with its digest: the loader reads the history record and writes both again', async () => {
    const db = await freshStore();
    await mergeObservations(db, [fullReading('A', '2024-06-01T09:00:00Z', 20), fullReading('A', '2024-06-02T09:00:00Z', 18)], NOW);
    const productIds = (await db.products.toArray()).map((p) => p.id);
    const seen = async () =>
      (await loadReplanInput(db, productIds)).products.flatMap((p) => p.observations.map((o) => [o.id, o.observedAt, planned(o.record as ListingObservation)]));
    const expected = await seen();
    expect(expected).toHaveLength(2);
    const readings = await db.dailyDemand.get([A, HISTORY_READINGS_DATE]);
    expect(readings).toBeDefined();
    // Out of step: the readings of another history (as if written by a fold after the digest).
    const other = historyDigestOf(A, [row(fullReading('A', '2024-06-03T09:00:00Z', 7))]).readings!;
    for (const broken of [undefined, other]) {
      if (broken) await db.dailyDemand.put(broken);
      else await db.dailyDemand.delete([A, HISTORY_READINGS_DATE]);
      expect(await seen()).toEqual(expected);
      expect(await db.dailyDemand.get([A, HISTORY_READINGS_DATE])).toEqual(readings);
      await expectDigestsInStep(db, [A]);
    }
  });

  it('a re-plan loading the same products again takes their digests from memory (record-cache.ts), as IndexedDB holds them after every write', async () => {
    const db = await freshStore();
    await mergeObservations(db, [fullReading('A', '2024-06-01T09:00:00Z', 20), fullReading('B', '2024-08-31T09:00:00Z', 5)], NOW);
    const productIds = (await db.products.toArray()).map((p) => p.id);
    await loadReplanInput(db, productIds, { deferDigests: true });
    const { hits } = db.memory.digests.stats();
    const again = await loadReplanInput(db, productIds, { deferDigests: true });
    expect(db.memory.digests.stats().hits).toBe(hits + 2);
    expect(again.products.flatMap((p) => p.digests ?? []).map((d) => d.count)).toEqual([1, 0]);
    // A second instance of the store has nothing in memory: what it reads is IndexedDB's.
    const fromDisk = async () => {
      const other = new StoreDb(db.name);
      await other.open();
      const digests = await readHistoryDigests(other, [A, B]);
      other.close();
      return digests;
    };
    expect(await readHistoryDigests(db, [A, B])).toEqual(await fromDisk());
    await mergeObservations(db, [fullReading('A', '2024-06-03T09:00:00Z', 19)], NOW);
    await foldHistory(db, new Date('2024-09-05T12:00:00.000Z'));
    const after = await readHistoryDigests(db, [A, B]);
    expect([after.get(A)?.count, after.get(B)?.count]).toEqual([2, 1]);
    expect(after).toEqual(await fromDisk());
  });

  it('deferred, a history rewritten after loading is not read into the loaded input: readingsOfListings throws HistoryMovedError', async () => {
    const db = await freshStore();
    await mergeObservations(db, [fullReading('A', '2024-06-01T09:00:00Z', 20), fullReading('A', '2024-08-31T09:00:00Z', 5)], NOW);
    const productIds = (await db.products.toArray()).map((p) => p.id);
    const deferred = await loadReplanInput(db, productIds, { deferDigests: true });
    expect((await readingsOfListings(db, deferred.products, new Set([A]))).get(A)).toHaveLength(2);
    // The daily fold moves Aug 31 from the day chunk (loaded) into the history record: read now, it would be there twice.
    await foldHistory(db, new Date('2024-09-05T12:00:00.000Z'));
    const error = await readingsOfListings(db, deferred.products, new Set([A])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryMovedError);
    expect((error as HistoryMovedError).listingKeys).toEqual([A]);
    // A listing the fold did not touch is read as before; loaded again, the input holds together.
    const again = await loadReplanInput(db, productIds, { deferDigests: true });
    expect((await readingsOfListings(db, again.products, new Set([A]))).get(A)?.map((r) => r.observedAt.slice(0, 10))).toEqual(['2024-06-01', '2024-08-31']);
  });

  it('property: give back exactly the planned fields of any readings, whatever changes between them', () => {
    const price = fc.constantFrom(undefined, { amountMinor: 1299, currency: 'USD' }, { amountMinor: 999, currency: 'USD' });
    const readingArb = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      available: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
      inbound: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
      price,
      fulfillment: fc.constantFrom(undefined, 'FBA' as const, 'SELLER' as const),
      // The marketplace day is the UTC date, or the day before (a marketplace west of UTC).
      dayBefore: fc.boolean(),
      // The row's time written another way than the record's.
      shortTime: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(readingArb, { maxLength: 12 }), (specs) => {
        const rows = specs.map(({ day, available, inbound, price: p, fulfillment, dayBefore, shortTime }, i) => {
          const at = `2024-08-${String(day).padStart(2, '0')}T0${i % 10}:00:00.000Z`;
          const fields: Partial<ListingObservation> = { observedDate: dayBefore ? `2024-07-${String(day + 2).padStart(2, '0')}` : at.slice(0, 10) };
          if (available !== undefined) fields.available = available;
          if (inbound !== undefined) fields.inbound = inbound;
          if (p) fields.price = p;
          if (fulfillment) fields.fulfillment = fulfillment;
          const o = listingObs('A', at, fields);
          return row(o, shortTime ? at.replace('.000Z', 'Z') : at);
        });
        const back = readingsOfDigest(historyDigestOf(A, rows).readings);
        const byId = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        expect(back.map((r) => [r.id, r.observedAt])).toEqual(byId.map((r) => [r.id, r.observedAt]));
        expect(back.map((r) => r.record)).toEqual(byId.map((r) => planned(r.record as ListingObservation)));
      }),
      { numRuns: 300, seed: 20_261_204 },
    );
  });

  it('keep a field once while it does not change, and a marketplace day only where it is not the UTC date', () => {
    const readings = [0, 1, 2].map((i) =>
      listingObs('A', `2024-08-0${i + 1}T08:00:00.000Z`, { available: 9 - i, price: { amountMinor: 1299, currency: 'USD' } }),
    );
    const text = historyDigestOf(
      A,
      readings.map((o) => row(o)),
    ).readings!.readings;
    expect(text.match(/amountMinor/g)).toHaveLength(1);
    expect(text).not.toContain('observedDate');
    expect(text.match(/available/g)).toHaveLength(3);
  });

  it('a digest in an older encoding is read as missing and written again from the history record', async () => {
    const db = await freshStore();
    await mergeObservations(db, [fullReading('A', '2024-06-01T09:00:00Z', 20), fullReading('A', '2024-06-02T09:00:00Z', 18)], NOW);
    const productIds = (await db.products.toArray()).map((p) => p.id);
    const current = (await readHistoryDigests(db, [A])).get(A)!;
    // The first encoding: no format, each reading's fields whole.
    const { format: _format, ...older } = current;
    await db.dailyDemand.put({ ...older, readings: '[]' } as never);
    expect((await readHistoryDigests(db, [A])).has(A)).toBe(false);
    const input = await loadReplanInput(db, productIds);
    expect(input.products[0]!.observations.map((o) => (o.record as ListingObservation).available)).toEqual([20, 18]);
    expect((await readHistoryDigests(db, [A])).get(A)).toEqual(current);
    // Backups leave digests out in any encoding.
    await db.dailyDemand.put({ ...older, readings: '[]' } as never);
    expect(await exportBackup(db, NOW)).not.toContain(`"date":"${HISTORY_DIGEST_DATE}"`);
  });
});

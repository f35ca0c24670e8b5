import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mergeObservations } from './merge';
import { foldCutoff, foldHistory, readChunkObservationsOf, readObservationsOf } from './observation-store';
import { groupOf, groupsOf, STORE_GROUPS } from './groups';
import { groupOfChunkId } from './tables/observationChunks';
import { storageEstimate } from './storage';
import { allObservations, dropStores, freshStore, listingObs } from './test-helpers';

afterEach(dropStores);
const DAY = new Date('2024-05-10T12:00:00.000Z');
const WEEK_LATER = new Date('2024-05-17T12:00:00.000Z');

describe('day chunks and listing history records', () => {
  it('foldCutoff keeps today and the two days before in day chunks', () => {
    expect(foldCutoff(DAY)).toBe('2024-05-08');
    expect(foldCutoff(new Date('2024-03-01T00:30:00.000Z'))).toBe('2024-02-28');
  });

  it('a fold moves past days into history records without changing what any reader sees', async () => {
    const db = await freshStore();
    const skus = Array.from({ length: 40 }, (_, i) => `SKU-${i}`);
    for (const day of ['2024-05-08', '2024-05-09', '2024-05-10']) {
      await mergeObservations(
        db,
        skus.map((s, i) => listingObs(s, `${day}T10:00:00Z`, { available: i })),
        DAY,
      );
    }
    const before = await allObservations(db);
    const some = await readObservationsOf(db, ['amazon|amazon.com|SKU-3', 'amazon|amazon.com|SKU-7']);
    expect(await db.listingHistory.count()).toBe(0);

    expect(await foldHistory(db, WEEK_LATER)).toBe(120);
    expect(await db.observationChunks.count()).toBe(0);
    expect(await db.listingHistory.count()).toBe(40);
    expect(await allObservations(db)).toEqual(before);
    const sortById = (rows: { id: string }[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sortById(await readObservationsOf(db, ['amazon|amazon.com|SKU-3', 'amazon|amazon.com|SKU-7']))).toEqual(sortById(some));
    expect(await foldHistory(db, WEEK_LATER)).toBe(0);
    expect((await storageEstimate(db)).tables.observations.rows).toBe(120);
  });

  it("the re-plan reads only the day chunks of its listings' groups, even over most groups", async () => {
    const db = await freshStore();
    const skus = Array.from({ length: 400 }, (_, i) => `SKU-${i}`);
    for (const day of ['2024-05-09', '2024-05-10'])
      await mergeObservations(
        db,
        skus.map((s, i) => listingObs(s, `${day}T10:00:00Z`, { available: i })),
        DAY,
      );
    const keys = skus.map((s) => `amazon|amazon.com|${s}`);
    // Over half the groups, but not all: one listing of each group but the first few.
    const byGroup = new Map(keys.map((k) => [groupOf(k), k]));
    const planned = [...byGroup].filter(([g]) => g >= 8).map(([, k]) => k);
    expect(groupsOf(planned).length * 2).toBeGreaterThan(STORE_GROUPS);
    const reads = vi.spyOn(db.observationChunks, 'bulkGet');
    const rows = await readChunkObservationsOf(db, planned);
    expect(rows.map((r) => r.listingKey).sort()).toEqual([...planned, ...planned].sort());
    const asked = reads.mock.calls.flatMap(([ids]) => ids as string[]);
    expect(new Set(asked.map(groupOfChunkId))).toEqual(new Set(groupsOf(planned)));
  });

  it('a repeat of a folded reading is found in the history record: nothing added, lastSeenAt moves', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('A', '2024-05-09T10:00:00Z', { available: 5 })], DAY);
    await foldHistory(db, WEEK_LATER);
    const again = await mergeObservations(db, [listingObs('A', '2024-05-09T18:00:00Z', { available: 5 })], WEEK_LATER);
    expect(again.counts).toMatchObject({ new: 0, unchanged: 1 });
    const rows = await allObservations(db);
    expect(rows.map((r) => [r.observedAt, r.lastSeenAt])).toEqual([['2024-05-09T10:00:00.000Z', '2024-05-09T18:00:00.000Z']]);
    expect(await db.observationChunks.count()).toBe(0);
  });

  it("an old report goes straight to the history records; today's page to a day chunk", async () => {
    const db = await freshStore();
    await mergeObservations(
      db,
      [listingObs('A', '2024-04-20T10:00:00Z', { available: 9, source: 'report:amazon/fba-myi' }), listingObs('A', '2024-05-10T10:00:00Z', { available: 4 })],
      DAY,
    );
    expect((await db.listingHistory.toArray()).map((h) => h.rows.map((r) => r.observedDate))).toEqual([['2024-04-20']]);
    expect((await db.observationChunks.toArray()).map((c) => c.date)).toEqual(['2024-05-10']);
    const again = await mergeObservations(db, [listingObs('A', '2024-04-20T10:00:00Z', { available: 9, source: 'report:amazon/fba-myi' })], DAY);
    expect(again.counts).toMatchObject({ new: 0, unchanged: 1 });
  });
});

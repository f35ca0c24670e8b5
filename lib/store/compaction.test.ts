import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { compactObservations } from './compaction';
import { mergeObservations } from './merge';
import { chunkIdOfRow, loadObservationChunks, saveObservationChunks } from './observation-store';
import { observationIdOf } from './tables/observations';
import { orderKeyOf } from './tables/orders';
import { loadPlanningInput } from './planning-input';
import { storageEstimate } from './storage';
import { dropStores, freshStore, listingObs, orderObs, allObservations, allListings } from './test-helpers';
import { countOrderLines } from './order-store';

afterEach(dropStores);
const NOW = new Date('2024-09-01T12:00:00.000Z');

describe('compactObservations', () => {
  it("folds readings older than the window into one row per listing per day, keeping each field's last value", async () => {
    const db = await freshStore();
    await mergeObservations(
      db,
      [
        listingObs('A', '2024-03-01T08:00:00Z', { available: 10, source: 'amazon/manage-inventory' }),
        listingObs('A', '2024-03-01T18:00:00Z', { available: 8 }),
        listingObs('A', '2024-03-01T12:00:00Z', { unitsSold: [{ windowDays: 30, units: 40 }], source: 'amazon/restock' }),
        listingObs('A', '2024-03-02T09:00:00Z', { available: 7 }),
        listingObs('B', '2024-03-01T09:00:00Z', { available: 3 }),
        orderObs('111', 'shipped', '2024-03-01T09:00:00Z'),
        listingObs('A', '2024-08-30T09:00:00Z', { available: 2 }), // inside the window: untouched
      ],
      NOW,
    );
    // Stores written before order lines stopped keeping a copy of each reading (merge.ts) still
    // hold such copies: compaction drops them.
    const legacy = orderObs('110', 'shipped', '2024-03-01T10:00:00Z');
    const legacyRow = {
      id: observationIdOf(legacy),
      kind: 'order' as const,
      key: orderKeyOf(legacy),
      listingKey: 'amazon|amazon.com|MUG-1',
      source: legacy.source,
      observedAt: '2024-03-01T10:00:00.000Z',
      observedDate: '2024-03-01',
      lastSeenAt: '2024-03-01T10:00:00.000Z',
      record: legacy,
    };
    const chunkId = chunkIdOfRow(legacyRow);
    const chunks = await loadObservationChunks(db, [chunkId]);
    chunks.get(chunkId)!.rows.set(legacyRow.id, legacyRow);
    await saveObservationChunks(db, chunks, [chunkId]);
    const before = await allListings(db);
    const result = await compactObservations(db, NOW, { windowDays: 90 });
    expect(result).toMatchObject({ folded: 5, ordersDeleted: 1, summaries: 3 });
    const input = await loadPlanningInput(db);
    const a = input.products.find((p) => p.product.id === 'p:amazon|amazon.com|A')!;
    expect(a.observations.map((o) => [o.source, o.observedDate, (o.record as { available?: number }).available])).toEqual([
      ['summary:day', '2024-03-01', 8],
      ['summary:day', '2024-03-02', 7],
      ['amazon/manage-inventory', '2024-08-30', 2],
    ]);
    expect(a.observations[0]!.record).toMatchObject({ unitsSold: [{ windowDays: 30, units: 40 }] });
    expect(await countOrderLines(db)).toBe(1); // the order line's state stays
    expect(await allListings(db)).toEqual(before); // latest state untouched

    const again = await compactObservations(db, NOW, { windowDays: 90 });
    expect(again).toMatchObject({ folded: 0, summaries: 0 });
  });

  it("a late import of an old day is folded into that day's existing summary", async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('A', '2024-03-01T08:00:00Z', { available: 10 })], NOW);
    await compactObservations(db, NOW);
    await mergeObservations(db, [listingObs('A', '2024-03-01T20:00:00Z', { inbound: 5, source: 'report:amazon/fba-myi' })], NOW);
    await compactObservations(db, NOW);
    const rows = await allObservations(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.record).toMatchObject({ available: 10, inbound: 5 });
  });

  it('storageEstimate counts rows per table and sizes them', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('A', '2024-08-30T09:00:00Z', { available: 2, title: 'x'.repeat(100) })], NOW);
    const estimate = await storageEstimate(db);
    expect(estimate.tables.listings.rows).toBe(1);
    expect(estimate.tables.observations.approxBytes).toBeGreaterThan(100);
    expect(estimate.totalRows).toBe(3); // product, listing, observation (channel unknown: no pool yet)
  });
});

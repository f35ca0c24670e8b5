import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Observation } from '../../records';
import { mergeObservations } from '../merge';
import { readObservationsOf } from '../observation-store';
import { groupOf } from '../groups';
import { dropStores, freshStore, listingObs, orderObs } from '../test-helpers';
import { chunkRowsOf, observationChunkId, observationChunkOf } from './observationChunks';
import { observationIdOf, type ObservationRow } from './observations';

afterEach(dropStores);

const KEYS = ['amazon|amazon.com|A', 'amazon|amazon.com|B', 'ebay|ebay.com|C'];

/** A stored row of a record, with the row-level variations the store keeps. */
function rowOf(record: Observation, listingKey: string, variant: { orderKey: boolean; seenLater: boolean; rowTime: string }): ObservationRow {
  return {
    id: observationIdOf(record),
    kind: record.kind,
    key: variant.orderKey ? `${listingKey}|order-1` : listingKey,
    listingKey,
    source: record.source,
    observedAt: variant.rowTime,
    observedDate: record.observedDate,
    lastSeenAt: variant.seenLater ? '2024-05-01T23:00:00.000Z' : variant.rowTime,
    record,
  };
}

const rowArb = fc
  .record({
    listing: fc.constantFrom(...KEYS),
    minute: fc.integer({ min: 0, max: 59 }),
    available: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    price: fc.constantFrom(undefined, { amountMinor: 1299, currency: 'USD' }),
    order: fc.boolean(),
    orderKey: fc.boolean(),
    seenLater: fc.boolean(),
    // The row's time written another way than the record's (`...00Z`).
    shortTime: fc.boolean(),
    summary: fc.boolean(),
  })
  .map(({ listing, minute, available, price, order, orderKey, seenLater, shortTime, summary }) => {
    const at = `2024-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
    const sku = listing.split('|')[2]!;
    const record: Observation = order
      ? orderObs(`O-${minute}`, 'shipped', at, { sku, quantity: 1 + (minute % 3) })
      : listingObs(sku, at, { ...(available !== undefined ? { available } : {}), ...(price ? { price } : {}) });
    const row = rowOf(record, listing, { orderKey, seenLater, rowTime: shortTime ? at.replace('.000Z', 'Z') : at });
    return summary ? { ...row, source: 'summary:day', fieldObservedAt: { available: at } } : row;
  });

describe('day chunk texts', () => {
  it('property: a chunk gives back exactly its readings, in id order, all or those of some listings', () => {
    fc.assert(
      fc.property(fc.uniqueArray(rowArb, { selector: (r) => r.id, maxLength: 20 }), fc.subarray(KEYS), (rows, some) => {
        const chunk = structuredClone(observationChunkOf('2024-05-01|001', '2024-05-01', 1, rows));
        const byId = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        expect(chunkRowsOf(chunk)).toEqual(byId);
        expect(chunkRowsOf(chunk, (k) => some.includes(k))).toEqual(byId.filter((r) => some.includes(r.listingKey)));
      }),
      { numRuns: 300, seed: 20_261_204 },
    );
  });

  it('keep a listing, its channel and its day once, and each reading what changed', () => {
    const rows = [3, 2, 1].map((n, i) =>
      rowOf(listingObs('A', `2024-05-01T1${i}:00:00.000Z`, { available: n, fulfillment: 'FBA' }), KEYS[0]!, {
        orderKey: false,
        seenLater: false,
        rowTime: `2024-05-01T1${i}:00:00.000Z`,
      }),
    );
    const chunk = observationChunkOf('2024-05-01|001', '2024-05-01', 1, rows);
    expect(chunk.listingKeys).toEqual([KEYS[0]]);
    const text = chunk.texts![0]!;
    for (const once of ['FBA', '2024-05-01"', 'amazon.com', 'manage-inventory']) expect(text.split(once)).toHaveLength(2);
    expect(text.match(/available/g)).toHaveLength(3);
    expect(text).not.toContain(KEYS[0]);
  });

  it('chunks stored with readings as objects (before texts) are read as they are and re-encoded at their next write', async () => {
    const db = await freshStore();
    const now = new Date('2024-05-01T20:00:00.000Z');
    const first = listingObs('A', '2024-05-01T10:00:00.000Z', { available: 5 });
    await mergeObservations(db, [first], now);
    const id = observationChunkId('2024-05-01', groupOf(KEYS[0]!));
    const stored = chunkRowsOf((await db.observationChunks.get(id))!);
    await db.observationChunks.put({ id, date: '2024-05-01', group: groupOf(KEYS[0]!), rows: stored });
    expect(await readObservationsOf(db, [KEYS[0]!])).toEqual(stored);
    await mergeObservations(db, [listingObs('A', '2024-05-01T12:00:00.000Z', { available: 4 })], now);
    const after = (await db.observationChunks.get(id))!;
    expect(after.rows).toBeUndefined();
    expect(chunkRowsOf(after)).toHaveLength(2);
    expect(chunkRowsOf(after).find((r) => r.id === stored[0]!.id)).toEqual(stored[0]);
    expect(chunkRowsOf(after).find((r) => r.id !== stored[0]!.id)?.record).toMatchObject({ available: 4 });
  });
});

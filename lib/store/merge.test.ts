import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListingObservation, OrderObservation } from '../records';
import { openStore, type StoreDb } from './db';
import { mergeObservations, mergeTables } from './merge';
import { allListings, allObservations, listingOf } from './test-helpers';
import { readAllOrderLines } from './order-store';

let seq = 0;
const opened: StoreDb[] = [];
async function freshStore(): Promise<StoreDb> {
  const db = await openStore(`merge-test-${++seq}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const NOW = new Date('2024-05-10T12:00:00.000Z');

function listing(sku: string, at: string, fields: Partial<ListingObservation> = {}): ListingObservation {
  return {
    kind: 'listing',
    platform: 'amazon',
    marketplace: 'amazon.com',
    source: 'amazon/manage-inventory',
    observedAt: at,
    observedDate: at.slice(0, 10),
    sku,
    ...fields,
  };
}
function order(orderId: string, status: OrderObservation['status'], at: string): OrderObservation {
  return {
    kind: 'order',
    platform: 'amazon',
    marketplace: 'amazon.com',
    source: 'amazon/orders',
    observedAt: at,
    observedDate: at.slice(0, 10),
    orderId,
    sku: 'MUG-1',
    quantity: 2,
    status,
    orderDate: '2024-05-09',
  };
}

describe('mergeObservations', () => {
  it('stores a first reading: listing, product, pool, history row', async () => {
    const db = await freshStore();
    const result = await mergeObservations(db, [listing('MUG-1', '2024-05-10T10:00:00Z', { available: 12, fulfillment: 'FBA', title: 'Mug' })], NOW);
    expect(result.counts).toMatchObject({ received: 1, new: 1, unchanged: 0, stale: 0, newListings: 1 });
    const row = await listingOf(db, 'amazon|amazon.com|MUG-1');
    expect(row).toMatchObject({ available: 12, title: 'Mug', productId: 'p:amazon|amazon.com|MUG-1', linkRule: 'none', poolId: 'fba:NA' });
    expect(result.productIds).toEqual(['p:amazon|amazon.com|MUG-1']);
    expect(await db.stockPools.get('fba:NA')).toMatchObject({ channel: 'FBA', region: 'NA' });
    expect((await allObservations(db)).length).toBe(1);
  });

  it('is idempotent: the same page read again (now or minutes later) adds no row but refreshes lastSeenAt', async () => {
    const db = await freshStore();
    const page = [listing('A', '2024-05-10T10:00:00Z', { available: 5 }), listing('B', '2024-05-10T10:00:00Z', { available: 7 })];
    await mergeObservations(db, page, NOW);
    const again = await mergeObservations(db, page, NOW);
    expect(again.counts).toMatchObject({ new: 0, unchanged: 2 });
    expect(again.listingKeys).toEqual([]);
    const later = await mergeObservations(
      db,
      page.map((o) => ({ ...o, observedAt: '2024-05-10T10:05:00Z' })),
      NOW,
    );
    expect(later.counts).toMatchObject({ new: 0, unchanged: 2 });
    expect((await allObservations(db)).length).toBe(2);
    const rows = await allObservations(db);
    expect(rows.map((r) => r.lastSeenAt)).toEqual(['2024-05-10T10:05:00.000Z', '2024-05-10T10:05:00.000Z']);
    expect(rows.map((r) => r.observedAt)).toEqual(['2024-05-10T10:00:00.000Z', '2024-05-10T10:00:00.000Z']);
  });

  it('keeps the newest value per field: an older report never overwrites, but is recorded', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listing('A', '2024-05-10T10:00:00Z', { available: 5 })], NOW);
    const old = await mergeObservations(db, [{ ...listing('A', '2024-05-03T10:00:00Z', { available: 50, inbound: 8 }), source: 'report:amazon/fba-myi' }], NOW);
    expect(old.counts).toMatchObject({ new: 1, stale: 0 }); // inbound was news
    const row = await listingOf(db, 'amazon|amazon.com|A');
    expect(row).toMatchObject({ available: 5, inbound: 8 });
    const older = await mergeObservations(db, [listing('A', '2024-05-01T10:00:00Z', { available: 60 })], NOW);
    expect(older.counts).toMatchObject({ new: 1, stale: 1 });
    expect((await listingOf(db, 'amazon|amazon.com|A'))?.available).toBe(5);
    expect((await allObservations(db)).length).toBe(3);
  });

  it('order lines: the newest status wins, whatever the merge order', async () => {
    const db = await freshStore();
    await mergeObservations(db, [order('111', 'shipped', '2024-05-10T09:00:00Z')], NOW);
    const stale = await mergeObservations(db, [order('111', 'pending', '2024-05-09T09:00:00Z')], NOW);
    expect(stale.counts.stale).toBe(1);
    expect((await readAllOrderLines(db)).find((o) => o.key === 'amazon|amazon.com|111|MUG-1')?.status).toBe('shipped');
    await mergeObservations(db, [order('111', 'cancelled', '2024-05-10T11:00:00Z')], NOW);
    expect((await readAllOrderLines(db)).find((o) => o.key === 'amazon|amazon.com|111|MUG-1')?.status).toBe('cancelled');
  });

  it('with orderListingsByKey, order lines name their listings by key and no listing group is read for them', async () => {
    const db = await freshStore();
    const stored = await mergeObservations(db, [listing('MUG-1', '2024-05-10T08:00:00Z', { available: 4 })], NOW);
    const readGroups = vi.spyOn(db.listingChunks, 'bulkGet');
    const byKey = await mergeObservations(db, [order('111', 'shipped', '2024-05-10T09:00:00Z')], NOW, { orderListingsByKey: true });
    expect(readGroups).not.toHaveBeenCalled();
    expect(byKey).toMatchObject({ productIds: [], listingKeys: ['amazon|amazon.com|MUG-1'], counts: { new: 1 } });
    // Without it the order line's listing is loaded for its product, as page merges need.
    const loaded = await mergeObservations(db, [order('112', 'shipped', '2024-05-10T09:00:00Z')], NOW);
    expect(readGroups).toHaveBeenCalled();
    expect(loaded.productIds).toEqual(stored.productIds);
    expect((await readAllOrderLines(db)).map((o) => o.orderId)).toEqual(['111', '112']);
  });

  it('refuses invalid and future-dated records and stores the rest', async () => {
    const db = await freshStore();
    const result = await mergeObservations(
      db,
      [listing('A', '2024-05-10T10:00:00Z'), { kind: 'listing', sku: 'x' }, listing('B', '2024-05-11T10:00:00Z')],
      NOW,
    );
    expect(result.counts).toMatchObject({ new: 1, rejected: 2 });
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2]);
  });

  it('writes nothing when the transaction is cut off (service worker stopped mid-merge)', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listing('A', '2024-05-10T10:00:00Z', { available: 5 })], NOW);
    const tables = mergeTables(db);
    await expect(
      db.transaction('rw', tables, async () => {
        await mergeObservations(db, [listing('A', '2024-05-10T11:00:00Z', { available: 1 }), listing('B', '2024-05-10T11:00:00Z', { available: 2 })], NOW);
        throw new Error('worker stopped');
      }),
    ).rejects.toThrow('worker stopped');
    expect(await db.listings.count()).toBe(1);
    expect((await listingOf(db, 'amazon|amazon.com|A'))?.available).toBe(5);
    expect((await allObservations(db)).length).toBe(1);
  });

  it('tabs merging at once give the same state as one after the other', async () => {
    const a = await freshStore();
    const b = await freshStore();
    const tab1 = [listing('A', '2024-05-10T10:00:00Z', { available: 5 }), listing('B', '2024-05-10T09:00:00Z', { available: 9 })];
    const tab2 = [listing('A', '2024-05-10T09:30:00Z', { available: 6, inbound: 3 }), listing('B', '2024-05-10T10:30:00Z', { available: 8 })];
    await Promise.all([mergeObservations(a, tab1, NOW), mergeObservations(a, tab2, NOW)]);
    await mergeObservations(b, tab2, NOW);
    await mergeObservations(b, tab1, NOW);
    const strip = (rows: { linkedAt: string }[]) => rows.map(({ linkedAt: _, ...r }) => r);
    expect(strip(await allListings(a))).toEqual(strip(await allListings(b)));
    expect(strip(await a.listings.toArray())).toEqual(strip(await b.listings.toArray()));
    expect(await listingOf(a, 'amazon|amazon.com|A')).toMatchObject({ available: 5, inbound: 3 });
  });
});

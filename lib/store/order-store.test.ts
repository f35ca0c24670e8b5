/**
 * Order lines in day chunks (schema v5) indexed by month (v6), as columns (v7): the upgrade
 * from per-line records, restoring backups that list lines (older ones too), the readers that
 * find a line whose date moved, and the month index as merges and deletes change it.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from './backup';
import { StoreDb } from './db';
import { mergeObservations } from './merge';
import { countOrderLines, deleteOrderChunks, readAllOrderLines, readLatestOrderLinesOf, readOrderLinesOf } from './order-store';
import { declareSchema } from './schema';
import { encodeOrderChunk, orderChunkId, orderLinesOf, positionsOf, shiftDate, withOrderLines } from './tables/orderChunks';
import { applyOrderObservation, type OrderRow } from './tables/orders';
import { dropStores, freshStore, orderObs } from './test-helpers';

const NOW = new Date('2024-06-01T00:00:00.000Z');

/** `n` order lines over ten days, two marketplaces, two accounts and three SKUs. */
function lines(n: number): OrderRow[] {
  return Array.from({ length: n }, (_, i) => {
    const account = i % 5 === 0 ? 'amazon-b' : undefined;
    const obs = orderObs(`${100 + i}`, i % 7 === 0 ? 'cancelled' : 'shipped', '2024-05-20T10:00:00.000Z', {
      marketplace: i % 2 ? 'amazon.com' : 'amazon.de',
      sku: `SKU-${i % 3}`,
      orderDate: shiftDate('2024-05-01', Math.floor(i / 3) % 10),
      quantity: 1 + (i % 4),
      ...(account ? { account } : {}),
    });
    return applyOrderObservation(undefined, obs, obs.observedAt);
  }).sort((a, b) => (a.key < b.key ? -1 : 1));
}

afterEach(dropStores);

describe('order lines in day chunks', () => {
  it('a day chunk rewritten line by line holds what one written from its final lines holds, optional fields and all', () => {
    const [a, b, c] = lines(30).filter((l) => l.marketplace === 'amazon.com' && l.account === undefined);
    const id = orderChunkId(a!, a!.orderDate);
    const priced = { ...a!, itemPrice: { amountMinor: 1_250, currency: 'USD' }, fulfillment: 'FBA' as const };
    const first = encodeOrderChunk(id, a!.orderDate, [priced, b!]);
    expect(orderLinesOf(first)).toEqual([priced, b]);
    // The line loses its price and channel and changes status; a new line joins after the others.
    const changed = { ...a!, status: 'cancelled' as const, quantity: 0 };
    const positions = positionsOf(first);
    const second = withOrderLines(first, positions, id, a!.orderDate, [changed, c!]);
    expect(orderLinesOf(second)).toEqual([changed, b, c]);
    expect(second).toEqual(encodeOrderChunk(id, a!.orderDate, [changed, b!, c!]));
    expect(second.words).not.toContain('USD');
    expect(positions).toEqual(
      new Map([
        [a!.key, 0],
        [b!.key, 1],
        [c!.key, 2],
      ]),
    );
    // The chunk it started from is copied, not changed.
    expect(orderLinesOf(first)).toEqual([priced, b]);
  });

  it('the v4 -> v5 upgrade moves every per-line record into its day chunk and drops the old table', async () => {
    const name = `orders-upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    declareSchema(old, 4);
    await old.open();
    const rows = lines(300);
    await old.table('orders').bulkAdd(rows);
    old.close();
    const db = new StoreDb(name);
    await db.open();
    try {
      expect(db.tables.map((t) => t.name)).not.toContain('orders');
      expect(await readAllOrderLines(db)).toEqual(rows);
      // One chunk per marketplace day and account (10 days, 2 marketplaces, 2 accounts).
      expect(await db.orderChunks.count()).toBe(new Set(rows.map((r) => orderChunkId(r, r.orderDate))).size);
      expect(await db.orderChunks.count()).toBeGreaterThan(20);
      expect((await db.orderChunks.get('amazon|amazon.com|2024-05-06|@amazon-b'))?.date).toBe('2024-05-06');
      expect(await readOrderLinesOf(db, ['amazon|amazon.de|SKU-0'])).toEqual(rows.filter((r) => r.listingKey === 'amazon|amazon.de|SKU-0'));
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('restores a backup written before v5 (order lines as rows), and later readings find the restored lines', async () => {
    const source = await freshStore();
    const rows = lines(120);
    const readings = rows.map((r) =>
      orderObs(r.orderId, r.status, r.observedAt, {
        marketplace: r.marketplace,
        sku: r.sku,
        orderDate: r.orderDate,
        quantity: r.quantity,
        ...(r.account ? { account: r.account } : {}),
      }),
    );
    await mergeObservations(source, readings, NOW);
    // The file lists the lines in key order, as v4 wrote them: only the header's schema version differs.
    const text = (await exportBackup(source, NOW)).replace(/"schemaVersion":\d+/, '"schemaVersion":4');
    expect(text).toContain('"schemaVersion":4');
    const target = await freshStore();
    await restoreBackup(target, text, NOW);
    expect(await readAllOrderLines(target)).toEqual(await readAllOrderLines(source));
    expect(await countOrderLines(target)).toBe(120);
    // A reading dated a day later (another time zone) updates the restored line, not a second one.
    const first = rows[0]!;
    const later = orderObs(first.orderId, 'cancelled', '2024-05-21T10:00:00.000Z', {
      marketplace: first.marketplace,
      sku: first.sku,
      orderDate: shiftDate(first.orderDate, 1),
      ...(first.account ? { account: first.account } : {}),
    });
    await mergeObservations(target, [later], NOW);
    const after = await readAllOrderLines(target);
    expect(after).toHaveLength(120);
    expect(after.find((l) => l.key === first.key)).toMatchObject({ status: 'cancelled', orderDate: later.orderDate });
  });

  it("reads a listing's newest lines by order date, also when a line's date moved away from its chunk's", async () => {
    const db = await freshStore();
    const days = Array.from({ length: 12 }, (_, i) => shiftDate('2024-05-01', i));
    await mergeObservations(
      db,
      days.map((d, i) => orderObs(`o-${i}`, 'shipped', '2024-05-20T10:00:00.000Z', { orderDate: d })),
      NOW,
    );
    // The oldest line's date moves two days later: it stays in its first day's chunk.
    await mergeObservations(db, [orderObs('o-0', 'shipped', '2024-05-21T10:00:00.000Z', { orderDate: days[2]! })], NOW);
    expect((await db.orderChunks.get(`amazon|amazon.com|${days[0]}`))!.keys).toEqual(['amazon|amazon.com|o-0|MUG-1']);
    const newest = await readLatestOrderLinesOf(db, 'amazon|amazon.com|MUG-1', 3);
    expect(newest.map((l) => l.orderId)).toEqual(['o-11', 'o-10', 'o-9']);
    const all = await readLatestOrderLinesOf(db, 'amazon|amazon.com|MUG-1', 11);
    expect(all.map((l) => l.orderDate)).toEqual([...all.map((l) => l.orderDate)].sort().reverse());
    expect(all.map((l) => l.orderId)).toContain('o-0');
    expect(await readAllOrderLines(db, days[2])).toHaveLength(11);
  });

  it("finds a listing's newest line in the previous month's chunk when the line's date moved into the next month", async () => {
    const db = await freshStore();
    await mergeObservations(db, [orderObs('o-may', 'shipped', '2024-05-20T10:00:00.000Z', { orderDate: '2024-05-31' })], NOW);
    await mergeObservations(
      db,
      [
        orderObs('o-may', 'shipped', '2024-05-21T10:00:00.000Z', { orderDate: '2024-06-02' }),
        orderObs('o-june', 'shipped', '2024-05-21T10:00:00.000Z', { orderDate: '2024-06-01' }),
      ],
      NOW,
    );
    // The line stays in May's chunk: May's month lists the listing, as June's does.
    expect((await db.orderMonths.toArray()).map((m) => [m.month, m.part, m.listingKeys])).toEqual([
      ['amazon|amazon.com|2024-05', 0, ['amazon|amazon.com|MUG-1']],
      ['amazon|amazon.com|2024-06', 0, ['amazon|amazon.com|MUG-1']],
    ]);
    expect((await readLatestOrderLinesOf(db, 'amazon|amazon.com|MUG-1', 1)).map((l) => [l.orderId, l.orderDate])).toEqual([['o-may', '2024-06-02']]);
    expect((await readOrderLinesOf(db, ['amazon|amazon.com|MUG-1'], '2024-06-02')).map((l) => l.orderId)).toEqual(['o-may']);
  });

  it('adds a month part only for listings new to the month, and rewrites a month from the chunks left when some are deleted', async () => {
    const db = await freshStore();
    const obs = (id: string, sku: string, orderDate: string) => orderObs(id, 'shipped', '2024-05-20T10:00:00.000Z', { sku, orderDate });
    await mergeObservations(db, [obs('1', 'A', '2024-05-03'), obs('2', 'B', '2024-05-04')], NOW);
    await mergeObservations(db, [obs('3', 'A', '2024-05-20'), obs('4', 'C', '2024-05-21')], NOW);
    await mergeObservations(db, [obs('5', 'B', '2024-05-22')], NOW);
    expect((await db.orderMonths.toArray()).map((m) => [m.part, m.listingKeys])).toEqual([
      [0, ['amazon|amazon.com|A', 'amazon|amazon.com|B']],
      [1, ['amazon|amazon.com|C']],
    ]);
    await deleteOrderChunks(db, ['amazon|amazon.com|2024-05-04', 'amazon|amazon.com|2024-05-21']);
    expect((await db.orderMonths.toArray()).map((m) => [m.part, m.listingKeys])).toEqual([[0, ['amazon|amazon.com|A', 'amazon|amazon.com|B']]]);
    await deleteOrderChunks(db, ['amazon|amazon.com|2024-05-03', 'amazon|amazon.com|2024-05-20', 'amazon|amazon.com|2024-05-22']);
    expect(await db.orderMonths.count()).toBe(0);
  });
});

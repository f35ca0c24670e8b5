/**
 * The order lines stored in day chunks (order-store.ts) say exactly what the per-line model
 * says (tables/orders.ts applyOrderObservation, one line per order key), whatever the readings,
 * their order, how they are cut into merges, and with their order dates a day either side of
 * the true one (a page and a report in different time zones).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeObservations } from './merge';
import { deleteOrderChunks, orderChunkIds, putOrderLines, readAllOrderLines, readLatestOrderLinesOf, readOrderLinesOf } from './order-store';
import { orderLinesOf, shiftDate } from './tables/orderChunks';
import { orderMonthOf } from './tables/orderMonths';
import type { StoreDb } from './db';
import { applyOrderObservation, orderKeyOf, type OrderRow } from './tables/orders';
import { dropStores, freshStore, orderObs } from './test-helpers';
import type { OrderObservation } from '../records';

const NOW = new Date('2024-06-01T00:00:00.000Z');
const MARKETPLACES = ['amazon.com', 'amazon.de'] as const;
const ACCOUNTS = [undefined, 'amazon-b'] as const;
const STATUSES = ['pending', 'unshipped', 'shipped', 'cancelled'] as const;

/** One reading: which line (its true date comes with it), how far its date is off, what it says and when. */
const readingArb = fc.record({
  orderId: fc.constantFrom('111-1', '111-2', '222-3'),
  sku: fc.constantFrom('MUG', 'CUP'),
  marketplace: fc.constantFrom(...MARKETPLACES),
  account: fc.constantFrom(...ACCOUNTS),
  jitter: fc.integer({ min: -1, max: 1 }),
  status: fc.constantFrom(...STATUSES),
  quantity: fc.integer({ min: 1, max: 3 }),
  // Few distinct instants, so same-instant readings (the status rank decides) are common.
  hour: fc.integer({ min: 0, max: 3 }),
  source: fc.constantFrom('amazon/orders', 'report:amazon/all-orders'),
});
type Reading = typeof readingArb extends fc.Arbitrary<infer T> ? T : never;

/** The true order date of a line: the same for every reading of it, spread over a week. */
function trueDate(r: Pick<Reading, 'orderId' | 'sku' | 'marketplace'>): string {
  const spread = [...`${r.orderId}${r.sku}${r.marketplace}`].reduce((n, c) => n + c.charCodeAt(0), 0) % 7;
  return shiftDate('2024-05-10', spread);
}

function observationOf(r: Reading): OrderObservation {
  const at = `2024-05-20T0${r.hour}:00:00.000Z`;
  return orderObs(r.orderId, r.status, at, {
    sku: r.sku,
    marketplace: r.marketplace,
    ...(r.account ? { account: r.account } : {}),
    quantity: r.quantity,
    orderDate: shiftDate(trueDate(r), r.jitter),
    source: r.source,
  });
}

/** The per-line model: every reading applied in order to its line. */
function modelOf(readings: readonly OrderObservation[]): OrderRow[] {
  const lines = new Map<string, OrderRow>();
  for (const obs of readings) lines.set(orderKeyOf(obs), applyOrderObservation(lines.get(orderKeyOf(obs)), obs, obs.observedAt));
  return [...lines.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

afterEach(dropStores);

describe('order lines in day chunks (fast-check)', () => {
  it('hold exactly the lines the per-line model holds, however the readings come', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(readingArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), async (batches) => {
        const db = await freshStore('order-chunks');
        const sent: OrderObservation[] = [];
        for (const batch of batches) {
          const readings = batch.map(observationOf);
          const result = await mergeObservations(db, readings, NOW);
          expect(result.rejected).toEqual([]);
          sent.push(...readings);
        }
        const model = modelOf(sent);
        expect(await readAllOrderLines(db)).toEqual(model);
        // One listing's lines are found through the chunks' listing index.
        const key = model[0]!.listingKey;
        expect(await readOrderLinesOf(db, [key])).toEqual(model.filter((l) => l.listingKey === key));
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('store the same chunks whatever place a batch boundary falls in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(readingArb, { minLength: 2, maxLength: 14 }), fc.nat(), async (batch, cut) => {
        const readings = batch.map(observationOf);
        const at = 1 + (cut % (readings.length - 1));
        const whole = await freshStore('order-chunks-whole');
        const split = await freshStore('order-chunks-split');
        await mergeObservations(whole, readings, NOW);
        await mergeObservations(split, readings.slice(0, at), NOW);
        await mergeObservations(split, readings.slice(at), NOW);
        expect(await split.orderChunks.toArray()).toEqual(await whole.orderChunks.toArray());
        expect(await readAllOrderLines(split)).toEqual(modelOf(readings));
        whole.close();
        split.close();
      }),
      { numRuns: 40 },
    );
  });

  it("find any listings' lines through the month index after any merges, puts and deletes, the index listing exactly its months' listings", async () => {
    const stepArb = fc.oneof(
      fc.record({ kind: fc.constant('merge' as const), readings: fc.array(readingArb, { minLength: 1, maxLength: 8 }) }),
      fc.record({ kind: fc.constant('put' as const), readings: fc.array(readingArb, { minLength: 1, maxLength: 8 }) }),
      fc.record({ kind: fc.constant('delete' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
    );
    const keys = MARKETPLACES.flatMap((m) => ['MUG', 'CUP'].flatMap((sku) => ACCOUNTS.map((a) => `amazon|${m}|${sku}${a ? `|@${a}` : ''}`)));
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 8 }),
        fc.subarray(keys),
        fc.constantFrom('', '2024-05-29', '2024-06-01', '2024-06-03'),
        async (steps, some, since) => {
          const db = await freshStore('order-months');
          for (const step of steps) {
            if (step.kind === 'merge') {
              expect((await mergeObservations(db, step.readings.map(monthEndObservationOf), NOW)).rejected).toEqual([]);
            } else if (step.kind === 'put') {
              await putOrderLines(db, modelOf(step.readings.map(monthEndObservationOf)));
            } else {
              const ids = await orderChunkIds(db);
              if (ids.length)
                await deleteOrderChunks(
                  db,
                  step.picks.map((p) => ids[p % ids.length]!),
                );
            }
          }
          const all = await readAllOrderLines(db);
          for (const wanted of [...keys.map((k) => [k]), some, keys]) {
            const of = (l: OrderRow) => wanted.includes(l.listingKey);
            expect(await readOrderLinesOf(db, wanted)).toEqual(all.filter(of));
            expect(await readOrderLinesOf(db, wanted, since)).toEqual(all.filter((l) => of(l) && l.orderDate >= since));
          }
          for (const key of keys) {
            const newest = all
              .filter((l) => l.listingKey === key)
              .sort((a, b) => (a.orderDate !== b.orderDate ? (a.orderDate < b.orderDate ? 1 : -1) : a.key < b.key ? 1 : -1));
            for (const limit of [1, 3]) expect(await readLatestOrderLinesOf(db, key, limit)).toEqual(newest.slice(0, limit));
          }
          expect(await monthIndex(db)).toEqual(await monthsOfChunks(db));
          db.close();
        },
      ),
      { numRuns: 50, seed: 20_261_203 },
    );
  });
});

/** A reading whose line's true date is around the end of May (so its readings and chunks straddle two months). */
function monthEndObservationOf(r: Reading): OrderObservation {
  const obs = observationOf(r);
  const spread = [...`${r.orderId}${r.sku}${r.marketplace}`].reduce((n, c) => n + c.charCodeAt(0), 0) % 7;
  return { ...obs, orderDate: shiftDate('2024-05-28', spread + r.jitter) };
}

/** Each month's listings as the month index says (the union of its parts), sorted. */
async function monthIndex(db: StoreDb): Promise<Map<string, string[]>> {
  const months = new Map<string, string[]>();
  for (const p of await db.orderMonths.toArray()) {
    // A part adds listings no earlier part of its month has.
    expect(p.listingKeys.some((k) => months.get(p.month)?.includes(k))).toBe(false);
    months.set(p.month, [...(months.get(p.month) ?? []), ...p.listingKeys].sort());
  }
  return months;
}

/** Each month's listings as its day chunks' lines say, sorted. */
async function monthsOfChunks(db: StoreDb): Promise<Map<string, string[]>> {
  const months = new Map<string, Set<string>>();
  for (const c of await db.orderChunks.toArray()) {
    const month = orderMonthOf(c.id);
    for (const l of orderLinesOf(c)) (months.get(month) ?? months.set(month, new Set()).get(month)!).add(l.listingKey);
  }
  return new Map([...months].map(([m, set]) => [m, [...set].sort()]));
}

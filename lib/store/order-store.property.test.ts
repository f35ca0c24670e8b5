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
import { readAllOrderLines, readOrderLinesOf } from './order-store';
import { shiftDate } from './tables/orderChunks';
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
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { urgencyOf } from '../planning/urgency';
import { defaultSettings } from '../settings/schema';
import { netPlacedOrders } from './net-plans';
import type { PlacedOrder } from './placed-orders';
import { purchasePlan } from './purchase-plan';
import { physicalReorders, stockKeyOf } from './reorders';
import { planWith } from './test-purchasing';

const order = (fields: Partial<PlacedOrder> = {}): PlacedOrder => ({
  productId: 'MUG',
  poolId: 'fba:NA',
  sku: 'MUG',
  quantity: 300,
  placedOn: '2026-03-01',
  expectedArrival: '2026-04-20',
  ...fields,
});
const pool = planWith({ reorderQuantity: 500, reorderDate: '2026-03-05' });
const member = (n: number) => ({ ...pool, key: `amazon|amazon.com|MUG-${n}`, scope: 'listing' as const, poolKey: pool.key });

describe('netPlacedOrders', () => {
  it('takes the open units off the stock once and shows the same net answer on every listing of the pool', () => {
    const net = netPlacedOrders([member(1), pool, member(2)], [order()]);
    expect(net.map((p) => [p.reorderQuantity, p.onOrder])).toEqual([
      [200, 300],
      [200, 300],
      [200, 300],
    ]);
    expect(net[0]!.reorderDate).toBe('2026-03-05');
  });

  it('a covered reorder is no longer due: no reorder date, no reorder alert, and the urgency rule does not count it', () => {
    const due = planWith({
      reorderQuantity: 250,
      reorderDate: '2026-03-02',
      alerts: [{ code: 'reorder-now', severity: 'warning', params: { reorderDate: '2026-03-02', quantity: 250, daysLate: 0 } }],
      daysOfCover: 80,
    });
    expect(urgencyOf(due).level).toBe('warning');
    const [net] = netPlacedOrders([due], [order()]);
    expect(net).toMatchObject({ reorderQuantity: 0, reorderDate: null, reorderDaysLate: 0, onOrder: 300, alerts: [] });
    expect(urgencyOf(net!).level).not.toBe('warning');
    // Partly covered: still due, for what is left.
    const [part] = netPlacedOrders([{ ...due, reorderQuantity: 400 }], [order()]);
    expect(part).toMatchObject({ reorderQuantity: 100, reorderDate: '2026-03-02', alerts: [{ code: 'reorder-now', params: { quantity: 100 } }] });
  });

  it('counts units already inbound once (as inbound in the plan), and received orders not at all', () => {
    expect(netPlacedOrders([{ ...pool, inbound: 120 }], [order()])[0]).toMatchObject({ reorderQuantity: 320, onOrder: 180 });
    expect(netPlacedOrders([pool], [order({ receivedOn: '2026-03-02' })])[0]).toEqual(pool);
  });

  it('leaves other stocks and plans without orders as they are', () => {
    const lamp = planWith({ productId: 'LAMP', sku: 'LAMP' });
    expect(netPlacedOrders([lamp], [order()])).toEqual([lamp]);
    expect(netPlacedOrders([pool], [])).toEqual([pool]);
  });

  const planArb = fc.record({
    product: fc.constantFrom('MUG', 'LAMP'),
    pool: fc.constantFrom('fba:NA', 'own:main'),
    members: fc.integer({ min: 0, max: 3 }),
    quantity: fc.integer({ min: 1, max: 3000 }),
    inbound: fc.integer({ min: 0, max: 500 }),
  });
  const orderArb = fc.record({
    product: fc.constantFrom('MUG', 'LAMP'),
    pool: fc.constantFrom('fba:NA', 'own:main'),
    quantity: fc.integer({ min: 1, max: 2000 }),
    received: fc.boolean(),
  });

  it('property: placed orders remove their open units from later suggestions exactly once, however many channels show them', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(planArb, { selector: (r) => `${r.product}@${r.pool}`, maxLength: 4 }),
        fc.array(orderArb, { maxLength: 4 }),
        (rows, orders) => {
          const plans = rows.flatMap((r) => {
            const p = planWith({ productId: r.product, sku: r.product, poolId: r.pool, reorderQuantity: r.quantity, inbound: r.inbound, abcClass: null });
            return [p, ...Array.from({ length: r.members }, (_, i) => ({ ...p, key: `${p.key}|${i}`, scope: 'listing' as const, poolKey: p.key }))];
          });
          const placed = orders.map((o) =>
            order({ productId: o.product, sku: o.product, poolId: o.pool, quantity: o.quantity, ...(o.received ? { receivedOn: '2026-03-01' } : {}) }),
          );
          const net = netPlacedOrders(plans, placed);
          for (const r of rows) {
            const key = `${r.product}@${r.pool}`;
            const open = placed.filter((o) => stockKeyOf(o) === key && o.receivedOn === undefined).reduce((n, o) => n + o.quantity, 0);
            const openNotInbound = Math.max(0, open - r.inbound);
            for (const p of net.filter((q) => stockKeyOf(q) === key)) {
              expect(p.reorderQuantity).toBe(Math.max(0, r.quantity - openNotInbound));
              expect(p.onOrder).toBe(openNotInbound > 0 ? openNotInbound : undefined);
            }
          }
          // Netting the netted plans again with no order changes nothing; the plan takes each stock once (unranked: no ABC policy).
          expect(netPlacedOrders(net, [])).toEqual(net);
          const settings = defaultSettings();
          const plan = purchasePlan(net, settings, { today: '2026-03-02', weeks: 12, currency: 'USD' });
          expect(plan.groups.flatMap((g) => g.lines).length + plan.laterReorders + plan.coveredReorders).toBe(rows.length);
          expect(physicalReorders(net).length + plan.coveredReorders).toBe(rows.length);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placedOrderStatuses, stockKeyOf, subtractPlacedOrders, type PlacedOrder } from './index';
import { planWith } from './test-purchasing';

const order = (fields: Partial<PlacedOrder> = {}): PlacedOrder => ({
  productId: 'MUG',
  poolId: 'fba:NA',
  sku: 'MUG',
  quantity: 200,
  placedOn: '2026-02-01',
  expectedArrival: '2026-03-20',
  ...fields,
});

describe('placedOrderStatuses', () => {
  it('counts units not yet inbound as on order, late once the expected arrival has passed', () => {
    expect(placedOrderStatuses([order()], {}, '2026-03-02')).toEqual([{ order: order(), openUnits: 200, state: 'on-order' }]);
    expect(placedOrderStatuses([order()], { 'MUG@fba:NA': 0 }, '2026-03-21')[0]).toMatchObject({ openUnits: 200, state: 'late' });
    expect(placedOrderStatuses([order()], {}, '2026-03-20')[0]!.state).toBe('on-order');
  });
  it('credits inbound units to the order due first, then the next', () => {
    const first = order({ expectedArrival: '2026-03-01', poRef: 'PO-1' });
    const second = order({ expectedArrival: '2026-03-10', poRef: 'PO-2' });
    const statuses = placedOrderStatuses([second, first], { 'MUG@fba:NA': 300 }, '2026-03-15');
    expect(statuses.map((s) => [s.order.poRef, s.openUnits, s.state])).toEqual([
      ['PO-2', 100, 'late'],
      ['PO-1', 0, 'inbound'],
    ]);
  });
  it("never credits another stock's inbound", () => {
    expect(placedOrderStatuses([order()], { 'MUG@own:main': 500 }, '2026-03-02')[0]!.openUnits).toBe(200);
  });
});

describe('subtractPlacedOrders', () => {
  it('takes open units off later suggestions of the same stock, never below zero', () => {
    const statuses = placedOrderStatuses([order({ quantity: 150 }), order({ quantity: 100 })], {}, '2026-03-02');
    const { reorders, appliedUnits } = subtractPlacedOrders([planWith({ reorderQuantity: 200 })], statuses);
    expect(reorders[0]!.reorderQuantity).toBe(0);
    expect(appliedUnits).toEqual([150, 50]);
  });
  it('leaves earlier suggestions and other stocks alone, and does not change its input', () => {
    const plans = [planWith({ asOf: '2026-01-31' }), planWith({ productId: 'LAMP' })];
    const { reorders, appliedUnits } = subtractPlacedOrders(plans, placedOrderStatuses([order()], {}, '2026-03-02'));
    expect(reorders.map((p) => p.reorderQuantity)).toEqual([200, 200]);
    expect(appliedUnits).toEqual([0]);
    expect(plans[0]!.reorderQuantity).toBe(200);
  });
  it('takes nothing for units already inbound (the plans count them)', () => {
    const { reorders } = subtractPlacedOrders([planWith()], placedOrderStatuses([order()], { 'MUG@fba:NA': 200 }, '2026-03-02'));
    expect(reorders[0]!.reorderQuantity).toBe(200);
  });

  const stocks = ['MUG@fba:NA', 'MUG@own:main', 'LAMP@own:main'] as const;
  const world = fc.record({
    suggestions: fc.array(fc.record({ stock: fc.nat(2), quantity: fc.integer({ min: 1, max: 500 }), asOf: fc.integer({ min: 1, max: 28 }) }), { maxLength: 6 }),
    orders: fc.array(
      fc.record({
        stock: fc.nat(2),
        quantity: fc.integer({ min: 1, max: 400 }),
        placedOn: fc.integer({ min: 1, max: 28 }),
        arrival: fc.integer({ min: 1, max: 28 }),
      }),
      { maxLength: 6 },
    ),
    inbound: fc.array(fc.nat(600), { minLength: 3, maxLength: 3 }),
  });
  const feb = (d: number) => `2026-02-${String(d).padStart(2, '0')}`;
  const build = (w: typeof world extends fc.Arbitrary<infer T> ? T : never) => {
    const plans = w.suggestions.map((s, i) => {
      const [productId, poolId] = stocks[s.stock]!.split('@') as [string, string];
      return planWith({ key: `k${i}`, productId, poolId, reorderQuantity: s.quantity, asOf: feb(s.asOf) });
    });
    const orders = w.orders.map((o) => {
      const [productId, poolId] = stocks[o.stock]!.split('@') as [string, string];
      return order({ productId, poolId, quantity: o.quantity, placedOn: feb(o.placedOn), expectedArrival: feb(o.arrival) });
    });
    return { plans, orders, inbound: Object.fromEntries(stocks.map((s, i) => [s, w.inbound[i]!])) };
  };

  it('counts each placed unit exactly once: inbound (in the plans) or on order', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { orders, inbound } = build(w);
        const statuses = placedOrderStatuses(orders, inbound, '2026-02-15');
        for (const stock of stocks) {
          const mine = statuses.filter((s) => stockKeyOf(s.order) === stock);
          const placed = mine.reduce((n, s) => n + s.order.quantity, 0);
          const open = mine.reduce((n, s) => n + s.openUnits, 0);
          expect(placed - open).toBe(Math.min(placed, inbound[stock]!));
          for (const s of mine) expect(s.openUnits).toBeLessThanOrEqual(s.order.quantity);
        }
      }),
    );
  });

  it('removes each open unit from later suggestions at most once, and as much as it can', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { plans, orders, inbound } = build(w);
        const statuses = placedOrderStatuses(orders, inbound, '2026-02-15');
        const { reorders, appliedUnits } = subtractPlacedOrders(plans, statuses);
        statuses.forEach((s, i) => expect(appliedUnits[i]).toBeLessThanOrEqual(s.openUnits));
        reorders.forEach((r, i) => {
          expect(r.reorderQuantity).toBeGreaterThanOrEqual(0);
          expect(r.reorderQuantity).toBeLessThanOrEqual(plans[i]!.reorderQuantity);
        });
        const removed = plans.reduce((n, p, i) => n + p.reorderQuantity - reorders[i]!.reorderQuantity, 0);
        expect(removed).toBe(appliedUnits.reduce((a, b) => a + b, 0));
        // An order that still has open units left has emptied every later suggestion of its stock.
        statuses.forEach((s, i) => {
          if (appliedUnits[i]! < s.openUnits)
            for (const r of reorders) if (stockKeyOf(r) === stockKeyOf(s.order) && r.asOf >= s.order.placedOn) expect(r.reorderQuantity).toBe(0);
        });
      }),
    );
  });
});

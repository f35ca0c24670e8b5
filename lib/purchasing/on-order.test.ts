import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inboundByStockOf, onOrderByStock } from './on-order';
import type { PlacedOrder } from './placed-orders';
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
const member = (n: number) =>
  planWith({ key: `amazon|amazon.com|MUG-${n}`, scope: 'listing', poolKey: 'pool:MUG@fba:NA', sku: `MUG-${n}`, reorderQuantity: 500 });

describe('onOrderByStock', () => {
  it('takes the open units off the stock once, whatever the number of listings shown', () => {
    const plans = [planWith({ reorderQuantity: 500 }), member(1), member(2)];
    expect(onOrderByStock(plans, [order()], '2026-03-02').get('MUG@fba:NA')).toEqual({ openUnits: 300, reorderQuantity: 200 });
    // The page asks only about its listings: without the pool plan, one member stands for the stock.
    expect(onOrderByStock([member(1), member(2)], [order()], '2026-03-02').get('MUG@fba:NA')).toEqual({ openUnits: 300, reorderQuantity: 200 });
  });
  it('counts units already inbound once: as inbound in the plan, not on order', () => {
    const plans = [planWith({ reorderQuantity: 500, inbound: 300 })];
    expect(onOrderByStock(plans, [order()], '2026-03-02').size).toBe(0);
    expect(onOrderByStock([planWith({ reorderQuantity: 500, inbound: 100 })], [order()], '2026-03-02').get('MUG@fba:NA')).toEqual({
      openUnits: 200,
      reorderQuantity: 300,
    });
  });
  it('ignores orders of stocks not shown and never goes below zero', () => {
    expect(onOrderByStock([planWith()], [order({ poolId: 'own:main' })], '2026-03-02').size).toBe(0);
    expect(onOrderByStock([planWith({ reorderQuantity: 100 })], [order()], '2026-03-02').get('MUG@fba:NA')!.reorderQuantity).toBe(0);
  });
  it('property: the net reorder is the reorder less the open units, exactly once, however many listings repeat it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.array(fc.integer({ min: 1, max: 800 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 5 }),
        (q, quantities, members) => {
          const plans = [planWith({ reorderQuantity: q }), ...Array.from({ length: members }, (_, i) => ({ ...member(i), reorderQuantity: q }))];
          const open = quantities.reduce((a, b) => a + b, 0);
          const got = onOrderByStock(
            plans,
            quantities.map((quantity) => order({ quantity })),
            '2026-03-02',
          ).get('MUG@fba:NA');
          if (open === 0) expect(got).toBeUndefined();
          else expect(got).toEqual({ openUnits: open, reorderQuantity: Math.max(0, q - open) });
        },
      ),
    );
  });
});

describe('inboundByStockOf', () => {
  it("takes the pool plan's inbound", () => {
    expect(inboundByStockOf([{ ...member(1), inbound: 5 }, planWith({ inbound: 120 })])).toEqual({ 'MUG@fba:NA': 120 });
  });
});

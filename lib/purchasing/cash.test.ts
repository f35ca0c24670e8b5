import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings } from '../settings';
import { cashView, stressedQuantity, type CashPlacedOrder, type CashStock } from './cash';
import { purchasePlan } from './purchase-plan';
import { planWith } from './test-purchasing';

const BASE = { salesFactor: 1, extraLeadDays: 0 };
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const settings = defaultSettings();
settings.leadTimes.suppliers.acme = { productionDays: 20, transitDays: {}, moq: 300, casePack: 24 };
settings.leadTimes.skuSupplier.MUG = 'acme';
const unitCosts = [{ sku: 'MUG', supplierId: null, unitCostMinor: 250, currency: 'USD' }];
/** MUG: 300 on hand at 10 a day, a reorder of 600 due on 2026-03-10 (rounded to 600: 25 cases; not ranked, so no ABC policy). */
const linesOf = (reorderQuantity = 600) =>
  purchasePlan([planWith({ reorderQuantity, stockoutDate: '2026-12-01', abcClass: null })], settings, {
    today: '2026-03-02',
    weeks: 26,
    currency: 'USD',
    unitCosts,
  }).groups.flatMap((g) => g.lines);
const stock: CashStock = { stockKey: 'MUG@fba:NA', sku: 'MUG', onHand: 300, meanDaily: 10, reorderPoint: null, unitCost: usd(250) };
/** A placed order of MUG's stock, all of it still to arrive. */
const placedOrder = (quantity: number, placedOn: string, expectedArrival: string): CashPlacedOrder => ({
  stockKey: 'MUG@fba:NA',
  quantity,
  openUnits: quantity,
  placedOn,
  expectedArrival,
  unitCost: usd(250),
});
const input = (fields: Partial<Parameters<typeof cashView>[0]> = {}) => ({
  today: '2026-03-02',
  weeks: 26,
  currency: 'USD',
  lines: linesOf(),
  placed: [] as CashPlacedOrder[],
  stocks: [stock],
  ...fields,
});

describe('cashView', () => {
  it('pays planned orders in their order week and holds stock at cost week by week', () => {
    const view = cashView(input(), BASE);
    expect(view.weeks).toHaveLength(26);
    expect(view.weeks[0]).toEqual({ weekStart: '2026-03-02', plannedOut: 0, placedOut: 0, laterOut: 0, capitalHeld: (300 - 7 * 10) * 250 });
    expect(view.weeks[1]!.plannedOut).toBe(600 * 250);
    // The stock runs out before the order arrives (70 days' lead time at 10 a day from 300).
    expect(view.runsOut).toEqual(['MUG']);
    expect(view.weeks.some((w) => w.capitalHeld === 0)).toBe(true);
    expect(view.unpricedOrders).toBe(0);
  });
  it('counts placed orders when placed and their open units when they arrive; unknown costs and stock are counted, not zeroed', () => {
    const placed = placedOrder(400, '2026-03-03', '2026-03-20');
    // 300 + 800 placed + the 600 planned last 12 weeks at 10 a day.
    const view = cashView(input({ placed: [placed, { ...placed, unitCost: null }], weeks: 12 }), BASE);
    expect(view.weeks[0]!.placedOut).toBe(400 * 250);
    expect(view.unpricedOrders).toBe(1);
    expect(view.runsOut).toEqual([]);
    const unknown = cashView(input({ stocks: [{ ...stock, onHand: null }] }), BASE);
    expect(unknown.unknownStocks).toBe(1);
    expect(unknown.weeks.every((w) => w.capitalHeld === 0)).toBe(true);
  });
  it('stress: lower sales shrink planned orders, later arrivals can make a stock run out', () => {
    const stressed = cashView(input(), { salesFactor: 0.7, extraLeadDays: 0 });
    expect(stressed.weeks[1]!.plannedOut).toBe(stressedQuantity({ quantity: 600, moq: 300, casePack: 24 }, 0.7) * 250);
    const placed = placedOrder(400, '2026-03-03', '2026-03-20');
    expect(cashView(input({ placed: [placed] }), { salesFactor: 1, extraLeadDays: 30 }).runsOut).toEqual(['MUG']);
  });
  it('property: with only sales down, no week shows more cash out than the base', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom('2026-03-01', '2026-03-10', '2026-05-01'),
        (reorder, downPct, placedUnits, placedOn) => {
          const placed: CashPlacedOrder[] = placedUnits
            ? [{ stockKey: 'MUG@fba:NA', quantity: placedUnits, openUnits: placedUnits, placedOn, expectedArrival: '2026-04-01', unitCost: usd(250) }]
            : [];
          const args = input({ lines: linesOf(reorder), placed });
          const base = cashView(args, BASE);
          const stress = cashView(args, { salesFactor: 1 - downPct / 100, extraLeadDays: 0 });
          stress.weeks.forEach((w, i) => {
            expect(w.plannedOut + w.placedOut).toBeLessThanOrEqual(base.weeks[i]!.plannedOut + base.weeks[i]!.placedOut);
          });
        },
      ),
    );
  });
});

describe('stressedQuantity', () => {
  it('scales with sales, keeps the MOQ and whole cases, and never exceeds the line when sales are down', () => {
    expect(stressedQuantity({ quantity: 960, moq: 300, casePack: 24 }, 0.7)).toBe(672);
    expect(stressedQuantity({ quantity: 312, moq: 300, casePack: 24 }, 0.5)).toBe(312);
    expect(stressedQuantity({ quantity: 960, moq: 300, casePack: 24 }, 1)).toBe(960);
  });
});

describe('cash turns', () => {
  it('days of inventory and turnover per product and in total, the cycle, and the products held too long', () => {
    // MUG: 300 on hand at 10 a day, nothing arriving within 4 weeks: held 230, 160, 90, 20 at week ends (avg 125).
    const held = cashView(input({ lines: [], weeks: 4, terms: { supplierTermsDays: 30, payoutDelayDays: 14, holdDaysAbove: 20 } }), BASE);
    expect(held.products).toEqual([{ productId: 'MUG', sku: 'MUG', daysOfInventory: 12.5, turnover: 29.2 }]);
    expect(held.total).toEqual({ daysOfInventory: 12.5, turnover: 29.2, cashConversionDays: 12.5 + 14 - 30 });
    expect(held.holdsTooLong).toEqual(['MUG']); // 23 days at the first week's end
    const slow = cashView(input({ lines: [], weeks: 4, stocks: [{ ...stock, meanDaily: 0 }] }), BASE);
    expect(slow.products[0]).toMatchObject({ daysOfInventory: null, turnover: null });
    expect(slow.total.cashConversionDays).toBeNull();
    expect(slow.holdsTooLong).toEqual(['MUG']);
  });
  it('pays orders after the supplier terms', () => {
    const view = cashView(input({ terms: { supplierTermsDays: 14, payoutDelayDays: 14, holdDaysAbove: 180 } }), BASE);
    // The 600 planned on 2026-03-10 are paid on 2026-03-24.
    expect(view.weeks.map((w) => w.plannedOut).indexOf(600 * 250)).toBe(3);
  });
});

describe('later reorders (projected)', () => {
  const total = (weeks: readonly { laterOut: number }[]) => weeks.reduce((sum, w) => sum + w.laterOut, 0);
  // MUG orders 600 on 2026-03-10 (60 days by sea); its plan reorders when 700 are on hand and on order.
  const reordering: CashStock = { ...stock, reorderPoint: 700 };

  it('orders the same again when stock plus what is on order is at the reorder point and the last order has had its days of sales, so stock does not drain', () => {
    const view = cashView(input({ stocks: [reordering] }), BASE);
    // The 600 ordered on 2026-03-10 cover 60 days of sales: the next order comes once they have had
    // them and stock plus what is on order is at 700 or less (2026-05-09: the shelf emptied on
    // 2026-03-31 and the lost sales left the position at 600), then 60 days later again.
    const reorders = view.weeks.filter((w) => w.laterOut > 0);
    expect(reorders.map((w) => w.laterOut)).toEqual(reorders.map(() => 600 * 250));
    expect(reorders.map((w) => w.weekStart)).toEqual(['2026-05-04', '2026-07-06']);
    const arrived = view.weeks.findIndex((w) => w.weekStart === '2026-05-25');
    expect(view.weeks.slice(arrived).every((w) => w.capitalHeld > 0)).toBe(true);
    // Without a reorder point nothing is projected: only the planned order.
    expect(total(cashView(input(), BASE).weeks)).toBe(0);
  });

  it('repeats a placed order when no line is planned, and counts later reorders without a cost as left out', () => {
    const placed = placedOrder(600, '2026-03-02', '2026-04-01');
    const view = cashView(input({ lines: [], placed: [placed], stocks: [{ ...reordering, reorderPoint: 300 }] }), BASE);
    expect(total(view.weeks) % (600 * 250)).toBe(0);
    expect(total(view.weeks)).toBeGreaterThanOrEqual(2 * 600 * 250);
    const unpriced = cashView(input({ lines: [], placed: [{ ...placed, unitCost: null }], stocks: [{ ...reordering, reorderPoint: 300 }] }), BASE);
    expect(total(unpriced.weeks)).toBe(0);
    expect(unpriced.unpricedOrders).toBeGreaterThan(1);
  });

  it('under stress: sales down, later reorders come less often and smaller; lead times longer, later arrivals', () => {
    const base = cashView(input({ stocks: [reordering] }), BASE);
    const down = cashView(input({ stocks: [reordering] }), { salesFactor: 0.7, extraLeadDays: 0 });
    expect(total(down.weeks)).toBeLessThan(total(base.weeks));
    const late = cashView(input({ stocks: [reordering] }), { salesFactor: 1, extraLeadDays: 20 });
    // The order due 2026-05-09 comes 20 days later: the shelf is still empty in the week of 2026-05-11.
    const may11 = base.weeks.findIndex((w) => w.weekStart === '2026-05-11');
    expect(base.weeks[may11]!.capitalHeld).toBeGreaterThan(0);
    expect(late.weeks[may11]!.capitalHeld).toBe(0);
  });
});

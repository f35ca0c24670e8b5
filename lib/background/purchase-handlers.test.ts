import { describe, expect, it } from 'vitest';
import { dailyOrders, dispatcherOf, listingReading, SENDERS, TODAY, useTestBackground } from './test-background';
import { refusedWith } from '../messaging/test-refusals';
import { exportBackup, PURCHASING_ROW_ID, validateBackup } from '../store';
import { CASH_DEFAULTS, purchasingDataOf } from '../purchasing';

/** The policy a store without a purchasing document has: each test changes only what it is about. */
const DEFAULT_POLICY = purchasingDataOf(undefined).policy;
import { loadPurchasing } from './purchase-store';

const background = useTestBackground('purchasing');
const SELLER_URL = SENDERS.content.url;
const MUG = 'amazon|amazon.com|MUG-1';

/** MUG-1 sells 4 a day with 60 (or `available`) in FBA: a reorder is due now. */
async function seed(available = 60) {
  const handlers = await background.setup();
  await handlers['page/ingest'](
    { url: 'https://sellercentral.amazon.com/orders-v3', adapterId: 'amazon/orders', rows: dailyOrders('MUG-1', 4, 60), diagnostics: [] },
    { url: 'https://sellercentral.amazon.com/orders-v3' },
  );
  await handlers['page/ingest'](
    { url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows: [listingReading('MUG-1', TODAY, { available })], diagnostics: [] },
    { url: SELLER_URL },
  );
  // MUG-1 is the one product, so class A: a lot of a year's sales leaves its reorder as planned (these tests are about netting).
  await handlers['purchasing/costs-save'](
    {
      policy: { ...DEFAULT_POLICY, aLotDays: 365 },
      merge: false,
    },
    SENDERS.options,
  );
  return handlers;
}

type Handlers = Awaited<ReturnType<typeof seed>>;
const lineOf = async (handlers: Handlers) => (await handlers['purchasing/plan']({ weeks: 8 }, SENDERS.options)).groups.flatMap((g) => g.lines)[0];
const panelOf = async (handlers: Handlers) => (await handlers['panels/stored']({ url: SELLER_URL, keys: [MUG] }, SENDERS.content)).panels[0]!;

describe('purchase plan handlers', () => {
  it('lists the reorder with its title, and placed orders take their units off it and off the panel, once', async () => {
    const handlers = await seed();
    const line = (await lineOf(handlers))!;
    expect(line).toMatchObject({ sku: 'MUG-1', supplierId: null, onOrderUnits: 0, unitCostMinor: null, lineValueMinor: null });
    expect(line.quantity).toBeGreaterThan(100);
    expect((await handlers['purchasing/plan']({ weeks: 8 }, SENDERS.options)).titles).toEqual({ 'MUG-1': 'Title MUG-1' });
    const before = await panelOf(handlers);
    expect(before.onOrder).toBeUndefined();

    const placed = {
      productId: line.productId,
      poolId: line.poolId,
      sku: line.sku,
      supplierId: null,
      placedOn: TODAY,
      expectedArrival: line.arrivalBySea,
      shipMode: 'sea' as const,
    };
    const { order } = await handlers['purchasing/order-placed']({ ...placed, quantity: 100, poRef: 'PO-7' }, SENDERS.options);
    expect(order.id).toMatch(/^po-/);
    expect((await lineOf(handlers))!).toMatchObject({ onOrderUnits: 100, quantity: line.quantity - 100 });
    const after = await panelOf(handlers);
    expect(after).toMatchObject({ onOrder: 100, reorderQuantity: before.reorderQuantity! - 100 });
    const popup = (await handlers['skus/at-risk']({ risk: 'all', limit: 10 }, SENDERS.popup)).items[0]!;
    expect(popup).toMatchObject({ onOrder: 100, reorderQuantity: before.reorderQuantity! - 100 });

    // The whole reorder placed: no line left, counted as covered.
    await handlers['purchasing/order-placed']({ ...placed, quantity: line.quantity }, SENDERS.options);
    const view = await handlers['purchasing/plan']({ weeks: 8 }, SENDERS.options);
    expect(view.groups).toEqual([]);
    expect(view.coveredReorders).toBe(1);
    expect(view.placed.map((p) => [p.order.poRef, p.openUnits, p.state])).toEqual([
      ['PO-7', 100, 'on-order'],
      [undefined, line.quantity, 'on-order'],
    ]);
  });

  it("the panel's reorder follows the ABC policy the purchase plan lists: one quantity for the same stock", async () => {
    const handlers = await seed();
    const policy = { ...DEFAULT_POLICY, aLotDays: 10 };
    await handlers['purchasing/costs-save']({ policy, merge: false }, SENDERS.options);
    const line = (await lineOf(handlers))!;
    const panel = await panelOf(handlers);
    // Class A at 4 a day: a lean lot (10 days of sales, never below the shortfall to the reorder point) is less than the planner's reorder.
    expect(line.policyRule).toBe('lean');
    expect(line.quantity).toBeLessThan(line.suggestedQuantity);
    expect(panel.reorderQuantity).toBe(line.quantity);
    const popup = (await handlers['skus/at-risk']({ risk: 'all', limit: 10 }, SENDERS.popup)).items[0]!;
    expect(popup.reorderQuantity).toBe(line.quantity);
  });

  it('a reorder covered by a placed order is no longer due: not a warning, not in the badge count, and back when cancelled', async () => {
    const handlers = await seed(300); // 75 days of cover, lead time 70: a reorder due now, no stockout before it could arrive
    // The badge counts what `skus/at-risk` lists under 'attention' (the same store query).
    const badge = async () => (await handlers['skus/at-risk']({ risk: 'attention', limit: 10 }, SENDERS.popup)).total;
    expect((await panelOf(handlers)).urgency).toBe('warning');
    expect(await badge()).toBe(1);
    const line = (await lineOf(handlers))!;
    const { order } = await handlers['purchasing/order-placed'](
      {
        productId: line.productId,
        poolId: line.poolId,
        sku: line.sku,
        supplierId: null,
        placedOn: TODAY,
        expectedArrival: line.arrivalBySea,
        quantity: line.quantity,
        shipMode: 'sea',
      },
      SENDERS.options,
    );
    expect(await panelOf(handlers)).toMatchObject({ onOrder: line.quantity, reorderDate: null, reorderQuantity: null });
    expect((await panelOf(handlers)).urgency).not.toBe('warning');
    expect(await badge()).toBe(0);
    expect((await handlers['purchasing/plan']({ weeks: 8 }, SENDERS.options)).coveredReorders).toBe(1);
    await handlers['purchasing/order-cancel']({ id: order.id }, SENDERS.options);
    expect(await badge()).toBe(1);
  });

  it('an order marked received is no longer on order (its units are on hand)', async () => {
    const handlers = await seed();
    const line = (await lineOf(handlers))!;
    const base = { productId: line.productId, poolId: line.poolId, sku: line.sku, supplierId: null, placedOn: TODAY, quantity: 50, shipMode: 'sea' as const };
    const { order } = await handlers['purchasing/order-placed']({ ...base, expectedArrival: line.arrivalBySea }, SENDERS.options);
    expect((await panelOf(handlers)).onOrder).toBe(50);
    const edit = { type: 'purchasing/order-edit', payload: { id: order.id, changes: { receivedOn: TODAY } } };
    expect(await dispatcherOf(handlers)(edit, SENDERS.options)).toMatchObject({ ok: true });
    expect((await handlers['purchasing/plan']({ weeks: 8 }, SENDERS.options)).placed[0]).toMatchObject({ openUnits: 0, state: 'received' });
    expect((await panelOf(handlers)).onOrder).toBeUndefined();
  });

  it('edits and cancels placed orders; a late one is flagged', async () => {
    const handlers = await seed();
    const line = (await lineOf(handlers))!;
    const base = { productId: line.productId, poolId: line.poolId, sku: line.sku, supplierId: null, placedOn: TODAY, quantity: 50, shipMode: 'sea' as const };
    const { order } = await handlers['purchasing/order-placed']({ ...base, expectedArrival: '2026-11-19', shipMode: 'air' }, SENDERS.options);
    expect((await handlers['purchasing/plan']({ weeks: 8 }, SENDERS.options)).placed[0]!.state).toBe('late');
    // Through the dispatcher, as the options page sends it (the request schema applies).
    const edit = { type: 'purchasing/order-edit', payload: { id: order.id, changes: { quantity: 70, expectedArrival: '2026-12-30', poRef: 'PO-9' } } };
    expect(await dispatcherOf(handlers)(edit, SENDERS.options)).toMatchObject({ ok: true });
    expect((await handlers['purchasing/plan']({ weeks: 8 }, SENDERS.options)).placed[0]).toMatchObject({
      // Fields left out of the change (the mode) keep their value.
      order: { quantity: 70, poRef: 'PO-9', expectedArrival: '2026-12-30', shipMode: 'air' },
      openUnits: 70,
      state: 'on-order',
    });
    expect((await panelOf(handlers)).onOrder).toBe(70);
    await handlers['purchasing/order-cancel']({ id: order.id }, SENDERS.options);
    expect((await handlers['purchasing/plan']({ weeks: 8 }, SENDERS.options)).placed).toEqual([]);
    expect((await panelOf(handlers)).onOrder).toBeUndefined();
    // The order is gone (as when cancelled in another tab): editing or cancelling it again is refused.
    const missing = { code: 'order-missing', params: { id: order.id } };
    expect(await refusedWith(handlers['purchasing/order-cancel']({ id: order.id }, SENDERS.options))).toEqual(missing);
    expect(await refusedWith(handlers['purchasing/order-edit']({ id: order.id, changes: { quantity: 80 } }, SENDERS.options))).toEqual(missing);
  });

  it('prices lines with the costs set, merges an import, and keeps everything in a backup', async () => {
    const handlers = await seed();
    await handlers['purchasing/costs-save'](
      { unitCosts: [{ sku: 'MUG-1', supplierId: null, unitCostMinor: 250, currency: 'EUR' }], merge: false },
      SENDERS.options,
    );
    const costs = await handlers['purchasing/costs-save'](
      { unitCosts: [{ sku: 'PLATE', supplierId: null, unitCostMinor: 90, currency: 'USD' }], merge: true },
      SENDERS.options,
    );
    expect(costs.unitCosts.map((c) => c.sku)).toEqual(['MUG-1', 'PLATE']);
    const line = (await lineOf(handlers))!;
    expect(line).toMatchObject({ unitCostMinor: 250, currency: 'EUR', lineValueMinor: 250 * line.quantity });
    await handlers['purchasing/order-placed'](
      {
        productId: line.productId,
        poolId: line.poolId,
        sku: line.sku,
        supplierId: null,
        placedOn: TODAY,
        expectedArrival: line.arrivalBySea,
        quantity: 10,
        shipMode: 'sea',
      },
      SENDERS.options,
    );

    // The document is a row of the settings table: every backup carries it, and a backup
    // holding it passes the restore's validation.
    const raw: unknown = await exportBackup(background.db, new Date());
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
    const stored = await loadPurchasing(background.db);
    expect(stored.placedOrders).toHaveLength(1);
    expect(text).toContain(`"id":"${PURCHASING_ROW_ID}"`);
    expect(text).toContain(`"id":"${stored.placedOrders[0]!.id}"`);
    expect(() => validateBackup(text)).not.toThrow();
  });

  it('shows 26 weeks of cash: the line paid in its order week, placed orders when placed, and the stress never costing more', async () => {
    const handlers = await seed();
    await handlers['purchasing/costs-save'](
      { unitCosts: [{ sku: 'MUG-1', supplierId: null, unitCostMinor: 250, currency: 'USD' }], merge: false },
      SENDERS.options,
    );
    const line = (await lineOf(handlers))!;
    const { base, stress } = await handlers['purchasing/cash']({ salesDownPct: 30, extraLeadDays: 20, ...CASH_DEFAULTS }, SENDERS.options);
    expect(base.weeks).toHaveLength(26);
    expect(base.weeks[0]).toMatchObject({ weekStart: '2026-11-16', plannedOut: line.quantity * 250, placedOut: 0 });
    expect(base.weeks[0]!.capitalHeld).toBeGreaterThan(0);
    expect(stress.weeks[0]!.plannedOut).toBeLessThan(base.weeks[0]!.plannedOut);
    // 60 on hand at about 4 a day and 70 days' lead time: it runs out either way.
    expect(stress.runsOut).toEqual(['MUG-1']);
    // Days of inventory per product and in total, and the cycle: days of inventory + 14 days' payout - 0 days' terms.
    expect(base.products).toMatchObject([
      { productId: line.productId, sku: 'MUG-1', daysOfInventory: base.total.daysOfInventory, turnover: base.total.turnover },
    ]);
    expect(base.total.daysOfInventory).toBeGreaterThan(0);
    expect(base.total.cashConversionDays).toBeCloseTo(base.total.daysOfInventory! + 14, 5);
    const later = (await handlers['purchasing/cash']({ salesDownPct: 30, extraLeadDays: 0, ...CASH_DEFAULTS, supplierTermsDays: 30 }, SENDERS.options)).base;
    expect(later.weeks[0]!.plannedOut).toBe(0);
    expect(later.weeks[4]!.plannedOut).toBe(line.quantity * 250);
    expect(later.total.cashConversionDays).toBeCloseTo(base.total.daysOfInventory! + 14 - 30, 5);
    await handlers['purchasing/order-placed'](
      {
        productId: line.productId,
        poolId: line.poolId,
        sku: line.sku,
        supplierId: null,
        placedOn: TODAY,
        expectedArrival: line.arrivalBySea,
        quantity: line.quantity,
        shipMode: 'sea',
        unitCost: { amountMinor: 250, currency: 'USD' },
      },
      SENDERS.options,
    );
    const after = (await handlers['purchasing/cash']({ salesDownPct: 30, extraLeadDays: 0, ...CASH_DEFAULTS }, SENDERS.options)).base;
    expect(after.weeks[0]).toMatchObject({ plannedOut: 0, placedOut: line.quantity * 250 });
  });

  it('refuses invalid orders and content scripts', async () => {
    const dispatch = dispatcherOf(await background.setup());
    const bad = { productId: 'p', poolId: 'fba:NA', sku: 'X', supplierId: null, quantity: 0, placedOn: TODAY, expectedArrival: '2026-13-01' };
    expect((await dispatch({ type: 'purchasing/order-placed', payload: bad }, SENDERS.options)).ok).toBe(false);
    expect(await dispatch({ type: 'purchasing/plan', payload: {} }, SENDERS.content)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/accepted only from/),
    });
  });
});

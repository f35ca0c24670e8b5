import { describe, expect, it } from 'vitest';
import { dispatcherOf, NOW, TODAY, dailyOrders, listingReading, useTestBackground } from './test-background';
import { refusalMessage } from '../messaging/refusals';
import { refusedWith } from '../messaging/test-refusals';
import { addDays } from '../locale/dates';
import type { Observation } from '../records';
import { mergedRows } from '../export';
import { productNameOf } from './product-order';
import { loadOrderImportSpans } from '../store';
import { createReplanner } from './replan';

const SELLER_URL = 'https://sellercentral.amazon.com/myinventory/inventory';

const background = useTestBackground('options');
const setup = () => background.setup();

const listing = (sku: string, fields: Partial<Extract<Observation, { kind: 'listing' }>> = {}, date = TODAY) => listingReading(sku, date, fields);
const orders = dailyOrders;

async function seed(handlers: Awaited<ReturnType<typeof setup>>) {
  await handlers['page/ingest'](
    {
      url: 'https://sellercentral.amazon.com/orders-v3',
      adapterId: 'amazon/orders',
      rows: [...orders('MUG-1', 4, 60), ...orders('PLATE-2', 1, 60)],
      diagnostics: [],
    },
    { url: 'https://sellercentral.amazon.com/orders-v3' },
  );
  await handlers['page/ingest'](
    {
      url: SELLER_URL,
      adapterId: 'amazon/manage-inventory',
      rows: [listing('MUG-1', { available: 200, asin: 'B0MUG00001' }), listing('PLATE-2', { available: 30 })],
      diagnostics: [],
    },
    { url: SELLER_URL },
  );
}

describe('product/chart', () => {
  it('returns the reconstructed history, the forecast per day with cumulative quantiles, and the plan stock', async () => {
    const handlers = await setup();
    await seed(handlers);
    const chart = await handlers['product/chart']({ listingKey: 'amazon|amazon.com|MUG-1', historyDays: 30, horizonDays: 14 }, { url: SELLER_URL });
    expect(chart.scope).toBe('listing');
    expect(chart.asOf).toBe(TODAY);
    expect(chart.history).toHaveLength(30);
    expect(chart.history.at(-1)!.date).toBe(TODAY);
    expect(chart.history.slice(0, -1).every((d) => d.how === 'exact' && d.units === 4)).toBe(true);
    expect(chart.forecast).toHaveLength(14);
    expect(chart.forecast[0]!.date).toBe(addDays(TODAY, 1));
    expect(chart.forecast[0]!.mean).toBeGreaterThan(2);
    expect(chart.forecast[0]!.mean).toBeLessThan(6);
    for (let i = 1; i < chart.forecast.length; i++) {
      expect(chart.forecast[i]!.p50Cum).toBeGreaterThanOrEqual(chart.forecast[i - 1]!.p50Cum);
      expect(chart.forecast[i]!.p90Cum).toBeGreaterThanOrEqual(chart.forecast[i]!.p50Cum);
    }
    expect(chart.available).toBe(200);
    expect(chart.reorderPoint).toBeGreaterThan(0);
  });

  it('charts a product by id, and marks out-of-stock days as censored gaps', async () => {
    const handlers = await setup();
    // Stock read each day: 10 for 10 days, then 0 (out of stock) for the last 5.
    const readings = Array.from({ length: 15 }, (_, i) => listing('GAP-1', { available: i < 10 ? 10 - i : 0 }, addDays(TODAY, i - 14)));
    for (const r of readings)
      await handlers['page/ingest']({ url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows: [r], diagnostics: [] }, { url: SELLER_URL });
    const chart = await handlers['product/chart']({ productId: 'p:amazon|amazon.com|GAP-1', historyDays: 90, horizonDays: 7 }, {});
    expect(chart.scope).toBe('product');
    expect(chart.history.some((d) => d.units === null && d.how === 'censored')).toBe(true);
    expect(chart.history.some((d) => d.units !== null && d.units > 0)).toBe(true);
  });

  it('refuses requests naming neither or both, and unknown listings', async () => {
    const dispatch = dispatcherOf(await setup());
    expect(await dispatch({ type: 'product/chart', payload: {} }, { url: SELLER_URL })).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'product/chart', payload: { listingKey: 'a', productId: 'b' } }, { url: SELLER_URL })).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'product/chart', payload: { listingKey: 'amazon|amazon.com|NOPE' } }, { url: SELLER_URL })).toEqual({
      ok: false,
      error: 'No listing amazon|amazon.com|NOPE',
    });
  });
});

const OPTIONS_PAGE = { url: 'chrome-extension://bjljbmdnahhiinnjhfdpielpalkjldff/options.html' };

const BOWL_KEYS = ['amazon|amazon.com|BOWL-3', 'ebay|ebay.com|BOWL-3', 'walmart|walmart.com|BOWL-3'];

/** One own-warehouse stock listed on three channels (40, 30 and 20 listed), selling 3 a day on Amazon. */
async function seedSharedBowl(handlers: Awaited<ReturnType<typeof setup>>) {
  const own = (
    platform: 'amazon' | 'ebay' | 'walmart',
    marketplace: string,
    available: number,
    extra: Partial<Extract<Observation, { kind: 'listing' }>> = {},
  ): Observation => ({ ...listing('BOWL-3', { available, fulfillment: 'SELLER', ...extra }), platform, marketplace, source: `${platform}/listings` });
  const sales = orders('BOWL-3', 3, 60).map((o) => ({ ...o, fulfillment: 'SELLER' as const }));
  const rows = [
    ...sales,
    own('amazon', 'amazon.com', 40, { inbound: 30, reserved: 2 }),
    own('ebay', 'ebay.com', 30, { reserved: 3 }),
    own('walmart', 'walmart.com', 20),
  ];
  await handlers['import/commit']({ importId: 'bowl', batchIndex: 0, rows, last: true }, OPTIONS_PAGE);
}

describe('options messages', () => {
  it('lists products with their listings and the rule that linked them; links and unlinks by hand', async () => {
    const handlers = await setup();
    await seed(handlers);
    const ebay = {
      ...listing('MUG-1', { available: 12, fulfillment: 'SELLER' }),
      platform: 'ebay' as const,
      marketplace: 'ebay.com',
      source: 'ebay/active-listings',
    };
    await handlers['page/ingest'](
      { url: 'https://www.ebay.com/sh/lst/active', adapterId: 'ebay/active-listings', rows: [ebay], diagnostics: [] },
      { url: 'https://www.ebay.com/sh/lst/active' },
    );
    let { products, total } = await handlers['products/list']({ offset: 0, limit: 50, sort: 'urgency' }, OPTIONS_PAGE);
    expect(total).toBe(2);
    const mug = products.find((p) => p.listings.some((l) => l.sku === 'MUG-1'))!;
    expect(mug.listings.map((l) => [l.key, l.linkRule])).toEqual([
      ['amazon|amazon.com|MUG-1', 'none'],
      ['ebay|ebay.com|MUG-1', 'sku'],
    ]);
    expect(mug.healthScore).not.toBeNull();
    const byName = await handlers['products/list']({ offset: 0, limit: 50, sort: 'name' }, OPTIONS_PAGE);
    expect(byName.products.map(productNameOf)).toEqual(products.map(productNameOf).sort((x, y) => x.localeCompare(y)));
    expect(products.every((p) => p.urgency !== 'unknown')).toBe(true);
    expect((await handlers['products/list']({ search: 'plate', offset: 0, limit: 50, sort: 'urgency' }, OPTIONS_PAGE)).total).toBe(1);

    await handlers['products/unlink']({ listingKey: 'ebay|ebay.com|MUG-1' }, OPTIONS_PAGE);
    ({ products, total } = await handlers['products/list']({ offset: 0, limit: 50, sort: 'urgency' }, OPTIONS_PAGE));
    expect(total).toBe(3);
    const alone = products.find((p) => p.listings.some((l) => l.key === 'ebay|ebay.com|MUG-1'))!;
    expect(alone.listings).toHaveLength(1);
    expect(alone.listings[0]!.linkRule).toBe('manual');

    await handlers['products/link']({ listingKey: 'ebay|ebay.com|MUG-1', productId: mug.id }, OPTIONS_PAGE);
    ({ products, total } = await handlers['products/list']({ offset: 0, limit: 50, sort: 'urgency' }, OPTIONS_PAGE));
    expect(total).toBe(2);
    expect(products.find((p) => p.id === mug.id)!.listings.map((l) => l.linkRule)).toEqual(['none', 'manual']);
  });

  it('moving a listing out of a shared stock and back leaves the plans a whole re-plan would make', async () => {
    const handlers = await setup();
    await seedSharedBowl(handlers);
    const db = background.db;
    const storedPlans = async () => (await db.plans.orderBy('key').toArray()).map((p) => [p.key, p.listingKeys, p.daysOfCover, p.plan.reorderQuantity]);
    const wholeReplanGives = async () => {
      const partial = await storedPlans();
      await createReplanner(db, () => NOW).replan(undefined);
      expect(partial).toEqual(await storedPlans());
      return partial;
    };
    const pooled = (await wholeReplanGives()).filter(([key]) => String(key).startsWith('pool:'));
    expect(pooled.map(([, keys]) => keys)).toEqual([BOWL_KEYS]);
    await handlers['products/unlink']({ listingKey: BOWL_KEYS[1]! }, OPTIONS_PAGE);
    // The eBay listing has a product of its own: no pool plan still counts it with the others.
    const apart = await wholeReplanGives();
    expect(apart.filter(([, keys]) => (keys as string[]).includes(BOWL_KEYS[1]!)).map(([key]) => key)).toEqual([BOWL_KEYS[1]]);
    const bowl = (await db.listings.get(BOWL_KEYS[0]!))!.productId;
    await handlers['products/link']({ listingKey: BOWL_KEYS[1]!, productId: bowl }, OPTIONS_PAGE);
    expect((await wholeReplanGives()).filter(([key]) => String(key).startsWith('pool:')).map(([, keys]) => keys)).toEqual([BOWL_KEYS]);
  });

  it('records a stock calibration with who, when and why, and it changes the plan', async () => {
    const handlers = await setup();
    await seed(handlers);
    const key = 'amazon|amazon.com|PLATE-2';
    const before = await handlers['product/chart']({ listingKey: key, historyDays: 30, horizonDays: 7 }, {});
    await handlers['products/calibrate']({ listingKey: key, onHand: 5, reason: 'Shelf count', by: 'Ana' }, OPTIONS_PAGE);
    const detail = await handlers['products/detail']({ productId: 'p:amazon|amazon.com|PLATE-2' }, OPTIONS_PAGE);
    expect(detail.calibrations).toEqual([
      { id: expect.any(Number), listingKey: key, onHand: 5, previous: 30, reason: 'Shelf count', by: 'Ana', at: NOW.toISOString() },
    ]);
    expect(before.available).toBe(30);
  });

  it('refuses a count or a return for a listing no longer stored, and resolving a return no longer stored', async () => {
    const handlers = await setup();
    await seed(handlers);
    const gone = 'amazon|amazon.com|GONE-1';
    const listing = { code: 'listing-missing', params: { platform: 'amazon', marketplace: 'amazon.com', sku: 'GONE-1' } };
    expect(await refusedWith(handlers['products/calibrate']({ listingKey: gone, onHand: 5, reason: 'Shelf count', by: 'Ana' }, OPTIONS_PAGE))).toEqual(listing);
    expect(await refusedWith(handlers['returns/record']({ listingKey: gone, units: 2 }, OPTIONS_PAGE))).toEqual(listing);
    expect(await refusedWith(handlers['returns/resolve']({ id: 999, status: 'sellable', by: 'Ana' }, OPTIONS_PAGE))).toEqual({
      code: 'return-missing',
      params: { id: 999 },
    });
  });

  it('records returns awaiting inspection and resolves them', async () => {
    const handlers = await setup();
    await seed(handlers);
    const key = 'amazon|amazon.com|MUG-1';
    await handlers['returns/record']({ listingKey: key, units: 2, orderId: '111-1', reason: 'Box dented' }, OPTIONS_PAGE);
    let detail = await handlers['products/detail']({ productId: 'p:amazon|amazon.com|MUG-1' }, OPTIONS_PAGE);
    expect(detail.returns).toMatchObject([{ listingKey: key, units: 2, status: 'held', orderId: '111-1', reason: 'Box dented' }]);
    await handlers['returns/resolve']({ id: detail.returns[0]!.id, status: 'disposed', by: 'Ana' }, OPTIONS_PAGE);
    detail = await handlers['products/detail']({ productId: 'p:amazon|amazon.com|MUG-1' }, OPTIONS_PAGE);
    expect(detail.returns[0]).toMatchObject({ status: 'disposed', resolvedBy: 'Ana', resolvedAt: NOW.toISOString() });
  });

  it('commits an import in batches, re-planning once at the last batch', async () => {
    const replanned: (readonly string[] | undefined)[] = [];
    const handlers = await background.setup(async (ids) => {
      replanned.push(ids);
    });
    // A first import is the whole catalogue: the whole store is re-planned (and the catalogue fit refitted).
    await handlers['import/commit'](
      { importId: 'imp-0', batchIndex: 0, rows: ['B', 'C', 'D', 'E'].map((sku) => listing(sku, { available: 5 })), last: true },
      OPTIONS_PAGE,
    );
    expect(replanned).toEqual([undefined]);
    replanned.length = 0;
    const rows = [...orders('A', 1, 10), listing('A', { available: 9, source: 'report:amazon/fba-myi' })];
    const first = await handlers['import/commit']({ importId: 'imp-1', batchIndex: 0, rows: rows.slice(0, 5), last: false }, OPTIONS_PAGE);
    expect(first).toMatchObject({ received: 5, rejected: 0, replanned: false });
    expect(replanned).toEqual([]);
    const second = await handlers['import/commit']({ importId: 'imp-1', batchIndex: 1, rows: rows.slice(5), last: true }, OPTIONS_PAGE);
    expect(second).toMatchObject({ received: 6, newListings: 1, replanned: true });
    expect(replanned).toEqual([['p:amazon|amazon.com|A']]);
    expect(await background.db.listings.count()).toBe(5);
    // Order lines alone (no report, so no covered days): their listing's product, resolved at the end.
    replanned.length = 0;
    await handlers['import/commit']({ importId: 'imp-3', batchIndex: 0, rows: orders('B', 2, 3), last: false }, OPTIONS_PAGE);
    await handlers['import/commit']({ importId: 'imp-3', batchIndex: 1, rows: orders('B', 1, 5), last: true }, OPTIONS_PAGE);
    expect(replanned).toEqual([['p:amazon|amazon.com|B']]);
    // The worker slept between batches (import unknown at a later batch): everything is re-planned.
    await handlers['import/commit']({ importId: 'imp-2', batchIndex: 3, rows: rows.slice(0, 1), last: true }, OPTIONS_PAGE);
    expect(replanned.at(-1)).toBeUndefined();
  });

  it('stores the days an order-history import covered per marketplace, and re-plans every listing there', async () => {
    const replanned: (readonly string[] | undefined)[] = [];
    const handlers = await background.setup(async (ids) => {
      replanned.push(ids);
    });
    await handlers['import/commit'](
      { importId: 'imp-0', batchIndex: 0, rows: ['B', 'C', 'D', 'E'].map((sku) => listing(sku, { available: 5 })), last: true },
      OPTIONS_PAGE,
    );
    replanned.length = 0;
    // All Orders lines of one SKU: the other four sold nothing on these days, so they are re-planned too.
    const rows = orders('A', 1, 10).map((o) => ({ ...o, source: 'report:amazon/all-orders' }));
    await handlers['import/commit']({ importId: 'imp-1', batchIndex: 0, rows: rows.slice(0, 4), last: false }, OPTIONS_PAGE);
    await handlers['import/commit']({ importId: 'imp-1', batchIndex: 1, rows: rows.slice(4), last: true }, OPTIONS_PAGE);
    expect(replanned).toEqual([undefined]);
    expect(await loadOrderImportSpans(background.db)).toEqual([
      { importId: 'imp-1', platform: 'amazon', marketplace: 'amazon.com', from: addDays(TODAY, -10), to: addDays(TODAY, -1) },
    ]);
  });

  it('refuses options messages from seller pages (content scripts)', async () => {
    const handlers = await setup();
    await seed(handlers);
    const dispatch = dispatcherOf(handlers);
    const refused = { ok: false, error: expect.stringMatching(/accepted only from the extension's own pages, not from content scripts on seller pages/) };
    expect(await dispatch({ type: 'data/delete-all', payload: { confirm: 'delete-all' } }, { url: SELLER_URL })).toEqual({
      ok: false,
      error: 'data/delete-all is accepted only from the options page, not from content scripts on seller pages',
    });
    expect(await dispatch({ type: 'backup/begin', payload: {} }, { url: SELLER_URL })).toEqual(refused);
    expect(await dispatch({ type: 'import/commit', payload: { importId: 'x', batchIndex: 0, rows: [], last: true } }, { url: SELLER_URL })).toEqual(refused);
    // Nothing was deleted.
    expect((await handlers['products/list']({ offset: 0, limit: 50, sort: 'urgency' }, OPTIONS_PAGE)).total).toBe(2);
  });

  it('lists the SKUs stored under each ASIN of one marketplace (for reports without a SKU column)', async () => {
    const handlers = await setup();
    await seed(handlers);
    const { pairs } = await handlers['listings/sku-by-asin']({ marketplace: 'amazon.com' }, OPTIONS_PAGE);
    expect(pairs.length).toBeGreaterThan(0);
    for (const { asin, sku } of pairs) {
      expect(asin).toMatch(/^[A-Z0-9]{10}$/);
      expect(sku).toEqual(expect.any(String));
    }
    expect((await handlers['listings/sku-by-asin']({ marketplace: 'amazon.de' }, OPTIONS_PAGE)).pairs).toEqual([]);
  });

  it('answers the merged report with stock per pool, plans and listings', async () => {
    const handlers = await setup();
    await seed(handlers);
    const report = await handlers['export/merged']({}, OPTIONS_PAGE);
    expect(report.products.map((p) => p.id)).toEqual(['p:amazon|amazon.com|MUG-1', 'p:amazon|amazon.com|PLATE-2']);
    const mug = report.products[0]!;
    expect(mug.pools).toEqual([
      {
        poolId: 'fba:NA',
        planKey: 'amazon|amazon.com|MUG-1',
        listingKeys: ['amazon|amazon.com|MUG-1'],
        stock: 200,
        stockSource: 'reading',
        stockHint: null,
        inbound: 0,
        reserved: null,
        heldReturns: 0,
        plan: expect.objectContaining({ meanDaily: expect.any(Number), abcClass: expect.any(String), safetyStock: expect.any(Number) }),
      },
    ]);
    expect(mug.listings[0]).toMatchObject({ sku: 'MUG-1', available: 200, poolId: 'fba:NA', listed: null, channel: null });
    expect(mug.listings[0]!.plan!.meanDaily).toBeGreaterThan(2);
    // Nothing inbound: no arrival and no second stockout date.
    expect(mug.listings[0]!.plan).toMatchObject({ inboundArrivalDate: null, stockoutDateWithInbound: null });
  });

  it('counts an own-warehouse stock shared by three listings once: product stock, inbound and the one reorder', async () => {
    const handlers = await setup();
    await seedSharedBowl(handlers);
    const report = await handlers['export/merged']({}, OPTIONS_PAGE);
    const bowl = report.products.find((p) => p.listings.some((l) => l.sku === 'BOWL-3'))!;
    expect(bowl.listings).toHaveLength(3);
    expect(bowl.pools).toHaveLength(1);
    const pool = bowl.pools[0]!;
    expect(pool).toMatchObject({
      poolId: 'own:main',
      planKey: `pool:${bowl.id}@own:main`,
      stock: 40,
      stockSource: 'listed',
      stockHint: 'count',
      inbound: 30,
      reserved: 5,
      heldReturns: 0,
    });
    expect(pool.listingKeys).toEqual(BOWL_KEYS);
    expect(pool.plan!.reorderDate).not.toBeNull();
    expect(pool.plan!.reorderQuantity).toBeGreaterThan(0);
    expect(pool.plan!.lifecycleStage).toEqual(expect.any(String));
    expect(pool.plan!.safetyStock).toBeGreaterThan(0);
    // The 30 inbound are dated, and every listing and the product row show when they arrive.
    expect(pool.plan!.inboundArrivalDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Each listing shows the pool's answer and its own channel line (what to list there vs what it lists).
    for (const l of bowl.listings) {
      expect(l).toMatchObject({ poolId: 'own:main', available: 40, inbound: 30 });
      expect(l.plan!.reorderQuantity).toBe(pool.plan!.reorderQuantity);
      expect(l.channel).toMatchObject({ listed: l.listed, suggested: expect.any(Number) });
    }
    expect(bowl.listings.map((l) => l.listed)).toEqual([40, 30, 20]);
    const sharesOfPool = bowl.listings.reduce((s, l) => s + l.channel!.suggested + l.channel!.buffer, 0);
    expect(sharesOfPool).toBeLessThanOrEqual(40);

    const rows = mergedRows(report, 'en');
    const product = rows.find((r) => r.level === 'Product' && r.productId === bowl.id)!;
    expect(product.available).toBe(40); // not 90 (the listed quantities) nor 120 (the pool three times)
    expect(product.inbound).toBe(30);
    expect(product.reserved).toBe(5);
    expect(product.reorderQuantity).toBe(pool.plan!.reorderQuantity); // once, not once per listing
    expect(product.inboundArrivalDate).toBe(pool.plan!.inboundArrivalDate);
    expect(product.stockSource).toBe(`Estimated from listings (next: enter a stock count in the product's details)`);
    const listingRows = rows.filter((r) => r.level === 'Listing' && r.productId === bowl.id);
    expect(listingRows.map((r) => r.listedNow)).toEqual([40, 30, 20]);
    expect(listingRows.every((r) => typeof r.suggestedListed === 'number')).toBe(true);
  });

  it('shows the product view: each pool once with on-hand, source, inbound, reserved, returns held and the plan', async () => {
    const handlers = await setup();
    await seedSharedBowl(handlers);
    await handlers['returns/record']({ listingKey: BOWL_KEYS[1]!, units: 2 }, OPTIONS_PAGE);
    const id = (await handlers['products/list']({ search: 'BOWL-3', offset: 0, limit: 50, sort: 'urgency' }, OPTIONS_PAGE)).products[0]!.id;
    const detail = await handlers['products/detail']({ productId: id }, OPTIONS_PAGE);
    expect(detail.product).toMatchObject({ planned: true, available: 40, inbound: 30, pools: [{ poolId: 'own:main', stock: 40 }] });
    expect(detail.position.pools).toHaveLength(1);
    expect(detail.position.pools[0]).toMatchObject({ poolId: 'own:main', stock: 40, stockSource: 'listed', inbound: 30, reserved: 5, heldReturns: 2 });
    expect(detail.position.listings.map((l) => [l.key, l.listed])).toEqual(BOWL_KEYS.map((k, i) => [k, [40, 30, 20][i]]));
    await handlers['products/calibrate']({ listingKey: BOWL_KEYS[0]!, onHand: 35, reason: 'Shelf count', by: 'Ana' }, OPTIONS_PAGE);
    const counted = await handlers['products/detail']({ productId: id }, OPTIONS_PAGE);
    expect(counted.position.pools[0]).toMatchObject({ stock: 35, stockSource: 'count', stockHint: null });
    expect(counted.product.available).toBe(35);
  });

  it('shows health as not enough data (null, never 100) until sales are known', async () => {
    const handlers = await setup();
    await handlers['import/commit']({ importId: 'quiet', batchIndex: 0, rows: [listing('QUIET-1', { available: 10 })], last: true }, OPTIONS_PAGE);
    const { products } = await handlers['products/list']({ search: 'QUIET-1', offset: 0, limit: 50, sort: 'urgency' }, OPTIONS_PAGE);
    expect(products[0]).toMatchObject({ planned: true, healthScore: null });
    const report = await handlers['export/merged']({}, OPTIONS_PAGE);
    expect(report.products[0]!.pools[0]!.plan!.healthScore).toBeNull();
    expect(mergedRows(report, 'en')[0]!.healthScore).toBe('Not enough data');
    expect(mergedRows(report, 'zh-CN')[0]!.healthScore).toBe('数据不足');
  });

  it('counts what is stored and deletes all (backup and restore: backup-handlers.test.ts)', async () => {
    const handlers = await setup();
    await seed(handlers);
    const storage = await handlers['data/storage']({}, OPTIONS_PAGE);
    expect(storage.tables.listings!.rows).toBe(2);
    expect(storage.approxBytes).toBeGreaterThan(0);
    // A page read with a problem: the popup lists it (naming the page) until all data is deleted.
    const problem = { level: 'warning' as const, code: 'missing-column', message: 'No title column' };
    await handlers['page/ingest'](
      { url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows: [listingReading('READ-1', TODAY, { available: 3 })], diagnostics: [problem] },
      { url: SELLER_URL },
    );
    const before = (await handlers['diagnostics/recent']({}, {})).pages;
    expect(before.find((p) => p.adapterId === 'amazon/manage-inventory')).toMatchObject({ url: SELLER_URL, diagnostics: expect.arrayContaining([problem]) });
    await handlers['data/delete-all']({ confirm: 'delete-all' }, OPTIONS_PAGE);
    expect((await handlers['data/storage']({}, OPTIONS_PAGE)).totalRows).toBe(0);
    expect((await handlers['diagnostics/recent']({}, {})).pages).toEqual([]);
  });
});

describe('own warehouses', () => {
  it('creates, lists, renames and deletes warehouses; own:main is renamed but never deleted', async () => {
    const handlers = await setup();
    await seedSharedBowl(handlers);
    const east = await handlers['warehouses/create']({ name: ' East coast ' }, OPTIONS_PAGE);
    expect(east).toEqual({ id: 'own:east-coast', name: 'East coast', listings: 0, isDefault: false });
    await handlers['warehouses/rename']({ id: 'own:main', name: 'Shenzhen' }, OPTIONS_PAGE);
    expect((await handlers['warehouses/list']({}, OPTIONS_PAGE)).warehouses).toEqual([
      { id: 'own:main', name: 'Shenzhen', listings: 3, isDefault: true },
      { id: 'own:east-coast', name: 'East coast', listings: 0, isDefault: false },
    ]);
    expect(await refusedWith(handlers['warehouses/create']({ name: 'east coast' }, OPTIONS_PAGE))).toEqual({
      code: 'warehouse-name-taken',
      params: { name: 'East coast' },
    });
    expect(await refusedWith(handlers['warehouses/delete']({ id: 'own:main' }, OPTIONS_PAGE))).toEqual({ code: 'warehouse-default-kept', params: {} });
    await handlers['listings/assign-pool']({ listingKey: BOWL_KEYS[1]!, poolId: east.id }, OPTIONS_PAGE);
    expect(await refusedWith(handlers['warehouses/delete']({ id: east.id }, OPTIONS_PAGE))).toEqual({
      code: 'warehouse-in-use',
      params: { name: 'East coast', listings: 1 },
    });
    await handlers['listings/assign-pool']({ listingKey: BOWL_KEYS[1]!, poolId: null }, OPTIONS_PAGE);
    await handlers['warehouses/delete']({ id: east.id }, OPTIONS_PAGE);
    expect((await handlers['warehouses/list']({}, OPTIONS_PAGE)).warehouses.map((w) => w.id)).toEqual(['own:main']);
  });

  it('validates names and ids through the dispatcher with clear words', async () => {
    const dispatch = dispatcherOf(await setup());
    expect(await dispatch({ type: 'warehouses/create', payload: { name: '  ' } }, OPTIONS_PAGE)).toEqual({
      ok: false,
      error: 'Invalid warehouses/create request: A warehouse needs a name',
    });
    expect(await dispatch({ type: 'warehouses/create', payload: { name: 'x'.repeat(201) } }, OPTIONS_PAGE)).toEqual({
      ok: false,
      error: 'Invalid warehouses/create request: A warehouse name can be at most 200 characters',
    });
    expect(await dispatch({ type: 'listings/assign-pool', payload: { listingKey: 'a|b|c', poolId: 'fba:NA' } }, OPTIONS_PAGE)).toEqual({
      ok: false,
      error: 'Invalid listings/assign-pool request: Not one of your warehouses',
    });
    expect(await dispatch({ type: 'warehouses/rename', payload: { id: 'own:nope', name: 'X' } }, OPTIONS_PAGE)).toEqual({
      ok: false,
      // The store's refusal crosses the channel as its code and params (the options page translates it).
      error: refusalMessage('warehouse-missing', { id: 'own:nope' }),
    });
  });

  it('refuses warehouse messages from seller pages (content scripts)', async () => {
    const handlers = await setup();
    const dispatch = dispatcherOf(handlers);
    const refused = { ok: false, error: expect.stringMatching(/accepted only from the extension's own pages/) };
    expect(await dispatch({ type: 'warehouses/list', payload: {} }, { url: SELLER_URL })).toEqual(refused);
    expect(await dispatch({ type: 'warehouses/create', payload: { name: 'East' } }, { url: SELLER_URL })).toEqual(refused);
    expect(await dispatch({ type: 'warehouses/rename', payload: { id: 'own:main', name: 'East' } }, { url: SELLER_URL })).toEqual(refused);
    expect(await dispatch({ type: 'warehouses/delete', payload: { id: 'own:east' } }, { url: SELLER_URL })).toEqual(refused);
    expect(await dispatch({ type: 'listings/assign-pool', payload: { listingKey: BOWL_KEYS[0]!, poolId: null } }, { url: SELLER_URL })).toEqual(refused);
    expect((await handlers['warehouses/list']({}, OPTIONS_PAGE)).warehouses.map((w) => w.id)).toEqual(['own:main']);
  });

  it('refuses to put an FBA listing in an own warehouse (its stock is at Amazon), re-planning nothing', async () => {
    const replanned: (readonly string[] | undefined)[] = [];
    const handlers = await background.setup(async (ids) => {
      replanned.push(ids);
    });
    await handlers['page/ingest'](
      { url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows: [listing('MUG-1', { available: 200 })], diagnostics: [] },
      { url: SELLER_URL },
    );
    const east = await handlers['warehouses/create']({ name: 'East' }, OPTIONS_PAGE);
    replanned.length = 0;
    expect(await refusedWith(handlers['listings/assign-pool']({ listingKey: 'amazon|amazon.com|MUG-1', poolId: east.id }, OPTIONS_PAGE))).toEqual({
      code: 'stock-at-amazon',
      params: { sku: 'MUG-1', marketplace: 'amazon.com' },
    });
    expect(replanned).toEqual([]);
    expect((await handlers['products/list']({ offset: 0, limit: 50, sort: 'urgency' }, OPTIONS_PAGE)).products[0]!.listings[0]!.poolId).toBe('fba:NA');
  });

  it("re-plans the listing's product after moving it (and after moving it back)", async () => {
    const replanned: (readonly string[] | undefined)[] = [];
    const handlers = await background.setup(async (ids) => {
      replanned.push(ids);
    });
    await seedSharedBowl(handlers);
    const east = await handlers['warehouses/create']({ name: 'East' }, OPTIONS_PAGE);
    replanned.length = 0;
    expect(await handlers['listings/assign-pool']({ listingKey: BOWL_KEYS[1]!, poolId: east.id }, OPTIONS_PAGE)).toEqual({ ok: true, poolId: 'own:east' });
    expect(await handlers['listings/assign-pool']({ listingKey: BOWL_KEYS[1]!, poolId: null }, OPTIONS_PAGE)).toEqual({ ok: true, poolId: 'own:main' });
    expect(replanned).toEqual([['p:amazon|amazon.com|BOWL-3'], ['p:amazon|amazon.com|BOWL-3']]);
  });

  it('two listings of one product in two named warehouses are two stocks, each planned once with its own pool id', async () => {
    const handlers = await background.setup();
    await seedSharedBowl(handlers);
    const id = (await handlers['products/list']({ search: 'BOWL-3', offset: 0, limit: 50, sort: 'urgency' }, OPTIONS_PAGE)).products[0]!.id;
    const east = await handlers['warehouses/create']({ name: 'East' }, OPTIONS_PAGE);
    const west = await handlers['warehouses/create']({ name: 'West' }, OPTIONS_PAGE);
    await handlers['listings/assign-pool']({ listingKey: BOWL_KEYS[0]!, poolId: east.id }, OPTIONS_PAGE);
    await handlers['listings/assign-pool']({ listingKey: BOWL_KEYS[1]!, poolId: west.id }, OPTIONS_PAGE);
    await handlers['listings/assign-pool']({ listingKey: BOWL_KEYS[2]!, poolId: west.id }, OPTIONS_PAGE);

    const detail = await handlers['products/detail']({ productId: id }, OPTIONS_PAGE);
    // The list's one line names each stock with its units, as the position counts them.
    expect(detail.product.pools).toEqual([
      { poolId: 'own:east', stock: 40 },
      { poolId: 'own:west', stock: 30 },
    ]);
    expect(detail.position.pools.map((p) => [p.poolId, p.listingKeys])).toEqual([
      ['own:east', [BOWL_KEYS[0]]],
      ['own:west', [BOWL_KEYS[1], BOWL_KEYS[2]]],
    ]);
    // Each stock has its one plan: the lone Amazon listing's own plan, the eBay + Walmart pool plan.
    expect(detail.position.pools.map((p) => p.planKey)).toEqual([BOWL_KEYS[0], `pool:${id}@own:west`]);
    expect(detail.position.pools.every((p) => p.plan !== null)).toBe(true);
    expect(detail.position.pools.map((p) => p.stock)).toEqual([40, 30]);
    expect(detail.position.listings.map((l) => l.poolId)).toEqual(['own:east', 'own:west', 'own:west']);
    // The emptied own:main pool's plan went with the product's re-plan (no stale stock left behind).
    expect(await background.db.plans.get(`pool:${id}@own:main`)).toBeUndefined();
    expect(
      (await background.db.plans.toArray())
        .filter((p) => p.listingKeys.some((k) => BOWL_KEYS.includes(k)))
        .map((p) => p.key)
        .sort(),
    ).toEqual([...BOWL_KEYS, `pool:${id}@own:west`].sort());
    for (const pool of detail.position.pools) expect((await background.db.plans.get(pool.planKey!))?.plan.poolId).toBe(pool.poolId);
    // The listings' own plans (what each shows) point to exactly these two stocks.
    const shown = await background.db.plans.bulkGet(BOWL_KEYS);
    expect(shown.map((p) => [p!.plan.poolId, p!.plan.poolKey ?? p!.key])).toEqual([
      ['own:east', BOWL_KEYS[0]],
      ['own:west', `pool:${id}@own:west`],
      ['own:west', `pool:${id}@own:west`],
    ]);

    // The seller's count is per warehouse: counting East changes East's stock only.
    await handlers['products/calibrate']({ listingKey: BOWL_KEYS[0]!, onHand: 12, reason: 'Shelf count', by: 'Ana' }, OPTIONS_PAGE);
    const counted = await handlers['products/detail']({ productId: id }, OPTIONS_PAGE);
    expect(counted.position.pools.map((p) => [p.poolId, p.stock, p.stockSource])).toEqual([
      ['own:east', 12, 'count'],
      ['own:west', 30, 'listed'],
    ]);
    expect((await handlers['warehouses/list']({}, OPTIONS_PAGE)).warehouses.map((w) => [w.id, w.listings])).toEqual([
      ['own:main', 0],
      ['own:east', 1],
      ['own:west', 2],
    ]);
  });
});

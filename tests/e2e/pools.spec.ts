/**
 * One answer per physical stock, end to end in Chromium with the built extension:
 * (1) a lamp sold from the seller's own warehouse on Amazon (merchant-fulfilled), eBay and
 *     Walmart (seller-fulfilled), with orders on each;
 * (2) a mug in FBA Europe sold on amazon.de, .fr, .it and .es.
 * Every member's panel, the popup's list, the product view, the chart and the merged export
 * show the pool's stock counted once and its one reorder; the own-warehouse channels each get
 * their suggested quantity; a seller count and a released return change the stock shown; an
 * All Listings import marks no FBA SKU out of stock.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { buildAmazonFbaInventoryHtml } from '../fixtures/builders/amazon-fba-inventory';
import { buildAmazonManageInventoryHtml } from '../fixtures/builders/amazon-manage-inventory';
import { buildEbayActiveListingsHtml } from '../fixtures/builders/ebay';
import type { DemoListing } from '../fixtures/builders/types';
import { buildWalmartManageItemsHtml } from '../fixtures/builders/walmart';
import { parseReport } from '../../lib/reports';
import { EXTENSION_ID, expect, expectPanelsAnswered, sendToExtension, sharedBrowserTest as test } from './extension';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const base = { status: 'active', reserved: 0, unfulfillable: 0, inbound: 0 } as const;

const LAMP = { sku: 'POOL-LAMP', title: 'LED Desk Lamp, Dimmable', currency: 'USD' };
const OWN_PAGES = [
  {
    url: 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all',
    html: buildAmazonManageInventoryHtml([{ ...base, ...LAMP, asin: 'B0POOL0001', fulfillment: 'SELLER', available: 60, priceMinor: 3499 }]),
  },
  {
    url: 'https://www.ebay.com/sh/lst/active',
    html: buildEbayActiveListingsHtml([{ ...base, ...LAMP, itemId: '396000000777', fulfillment: 'SELLER', available: 30, priceMinor: 3299 }]),
  },
  {
    url: 'https://seller.walmart.com/items-and-inventory/manage-items',
    html: buildWalmartManageItemsHtml([{ ...base, ...LAMP, itemId: '5100777', fulfillment: 'SELLER', available: 20, priceMinor: 3399 }]),
  },
];
const OWN_CHANNELS = [
  { platform: 'amazon', marketplace: 'amazon.com', perDay: 2 },
  { platform: 'ebay', marketplace: 'ebay.com', perDay: 1 },
  { platform: 'walmart', marketplace: 'walmart.com', perDay: 1 },
] as const;

const MUG = (t30: number): DemoListing => ({
  ...base,
  sku: 'POOL-MUG-EU',
  asin: 'B0POOL0002',
  title: 'Ceramic Mug 350 ml',
  currency: 'EUR',
  fulfillment: 'FBA',
  available: 900,
  priceMinor: 1299,
  unitsSold7: Math.round(t30 / 4),
  unitsSold30: t30,
  unitsSold90: t30 * 3,
});
const EU_PAGES = [
  { market: 'amazon.de', lang: 'de' as const, t30: 150 },
  { market: 'amazon.fr', lang: 'en' as const, t30: 90 },
  { market: 'amazon.it', lang: 'en' as const, t30: 60 },
  { market: 'amazon.es', lang: 'en' as const, t30: 60 },
].map((m) => ({
  ...m,
  url: `https://sellercentral.${m.market}/inventoryplanning/manageinventoryhealth`,
  html: buildAmazonFbaInventoryHtml([MUG(m.t30)], { lang: m.lang, market: m.market }),
}));

/** 60 days of shipped orders per own-warehouse channel, imported as the options page imports order history. */
async function importLampOrders(page: Page) {
  const now = Date.now();
  const rows = OWN_CHANNELS.flatMap((c) =>
    Array.from({ length: 60 }, (_, i) => ({
      kind: 'order',
      platform: c.platform,
      marketplace: c.marketplace,
      source: 'report:test/orders',
      observedAt: iso(now - 60_000),
      observedDate: iso(now).slice(0, 10),
      orderId: `${c.platform}-${i}`,
      sku: LAMP.sku,
      quantity: c.perDay,
      status: 'shipped',
      orderDate: iso(now - (i + 1) * DAY).slice(0, 10),
    })),
  );
  await sendToExtension(page, 'import/commit', { importId: 'lamp-orders', batchIndex: 0, rows: rows as never, last: true });
}

/** What each panel on the page shows, by SKU, once every panel has its answer. */
async function panelsOf(page: Page): Promise<{ sku: string; stock: string; reorder: string; channel: string; cover: string }[]> {
  await expectPanelsAnswered(page);
  return page.locator('stock-copilot-panel').evaluateAll((hosts) =>
    hosts.map((h) => {
      const text = (id: string) => h.shadowRoot!.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
      return {
        sku: (h as HTMLElement).dataset.sku ?? '',
        stock: text('stock'),
        reorder: text('reorder'),
        channel: text('channel'),
        cover: text('days-of-cover'),
      };
    }),
  );
}

test('own warehouse on three channels: one stock, one reorder, a suggested quantity per channel; a count and a released return move the stock', async ({
  context,
  serve,
}) => {
  await serve(OWN_PAGES);
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await importLampOrders(ext);
  const tab = await context.newPage();
  for (const { url } of OWN_PAGES) {
    await tab.goto(url);
    await panelsOf(tab);
  }

  // The popup's list: every channel shows the pool's stock (estimated from the largest listed quantity) and the same reorder.
  const listed = async () => (await sendToExtension(ext, 'skus/at-risk', { risk: 'all', search: LAMP.sku, limit: 50 })).items;
  let items = await listed();
  expect(items).toHaveLength(3);
  expect(new Set(items.map((i) => i.pool?.key)).size).toBe(1);
  expect(items[0]!.pool!.poolId).toBe('own:main');
  expect(items.every((i) => i.available === 60 && i.stockSource === 'listed')).toBe(true);
  const reorder = items[0]!.reorderQuantity;
  expect(reorder).toBeGreaterThan(0);
  expect(items.every((i) => i.reorderQuantity === reorder && i.reorderDate === items[0]!.reorderDate)).toBe(true);
  // Suggested quantities split the 60 units (no buffers set) by sales velocity: they add up to the pool.
  const suggested = items.map((i) => i.channel!.suggested);
  expect(suggested.reduce((a, b) => a + b, 0)).toBe(60);
  expect(items.find((i) => i.platform === 'amazon')!.channel!.suggested).toBeGreaterThan(items.find((i) => i.platform === 'walmart')!.channel!.suggested);

  // Each member's panel on its own page says the same.
  const reorders = new Set<string>();
  for (const { url } of OWN_PAGES) {
    await tab.goto(url);
    const [panel] = await panelsOf(tab);
    expect(panel!.stock).toBe('≈60 in stock (estimated)');
    reorders.add(panel!.reorder);
    if (!url.includes('amazon')) expect(panel!.channel).toMatch(/^List \d+ here — now \d+$/);
    // Details name the two other channels of the stock, each with what it lists and its own answer.
    const host = tab.locator('stock-copilot-panel').first();
    await host.locator('[data-testid="toggle"]').click();
    const others = await host.locator('[data-testid="pool-members"] li').allTextContents();
    const own = url.includes('amazon') ? 'amazon.com' : url.includes('ebay') ? 'ebay.com' : 'walmart.com';
    const expected = OWN_CHANNELS.filter((c) => c.marketplace !== own).map((c) => c.marketplace);
    expect(others.map((line) => expected.find((m) => line.includes(` ${m} · ${LAMP.sku}: `)))).toEqual(expected);
    expect(others.every((line) => /: lists \d+(, list \d+ there|, as suggested)$/.test(line))).toBe(true);
  }
  expect(reorders.size).toBe(1);
  expect([...reorders][0]).toMatch(/^Reorder [\d,]+ /);

  // The product view and the export: one pool, its stock once, its reorder once.
  const productId = (await sendToExtension(ext, 'products/list', { search: LAMP.sku })).products.find((p) => p.listings.some((l) => l.sku === LAMP.sku))!.id;
  const detail = await sendToExtension(ext, 'products/detail', { productId });
  expect(detail.position.pools.map((p) => [p.poolId, p.stock, p.stockSource])).toEqual([['own:main', 60, 'listed']]);
  expect(detail.position.pools[0]!.plan!.reorderQuantity).toBe(reorder);
  const chart = await sendToExtension(ext, 'product/chart', { productId, historyDays: 60, horizonDays: 30 });
  expect(chart.available).toBe(60);
  expect(chart.reorderQuantity).toBe(reorder);
  const report = await sendToExtension(ext, 'export/merged', {});
  const product = report.products.find((p) => p.id === productId)!;
  expect(product.pools).toHaveLength(1);
  expect(product.pools[0]!.stock).toBe(60);

  // The seller counts 200 on the shelf: the stock is the count, for every channel.
  const amazonKey = `amazon|amazon.com|${LAMP.sku}`;
  await sendToExtension(ext, 'products/calibrate', { listingKey: amazonKey, onHand: 200, reason: 'Shelf count', by: 'Ana' });
  await expect
    .poll(async () => (await listed()).map((i) => [i.available, i.stockSource]))
    .toEqual([
      [200, 'count'],
      [200, 'count'],
      [200, 'count'],
    ]);
  // Two units come back: held apart first, then released to stock.
  await sendToExtension(ext, 'returns/record', { listingKey: amazonKey, units: 2, reason: 'Unopened' });
  await expect
    .poll(async () => (await listed()).map((i) => [i.available, i.heldReturns]))
    .toEqual([
      [200, 2],
      [200, 2],
      [200, 2],
    ]);
  const held = (await sendToExtension(ext, 'products/detail', { productId })).returns.find((r) => r.status === 'held')!;
  await sendToExtension(ext, 'returns/resolve', { id: held.id!, status: 'sellable', by: 'Ana' });
  await expect
    .poll(async () => (await listed()).map((i) => [i.available, i.heldReturns]))
    .toEqual([
      [202, 0],
      [202, 0],
      [202, 0],
    ]);
  items = await listed();
  expect(items.map((i) => i.channel!.suggested).reduce((a, b) => a + b, 0)).toBe(202);
  await tab.goto(OWN_PAGES[0]!.url);
  expect((await panelsOf(tab))[0]!.stock).toBe('202 in stock');
});

test('FBA Europe on four marketplaces: the pool is counted once, with one reorder', async ({ context, serve }) => {
  await serve(EU_PAGES);
  const tab = await context.newPage();
  for (const { url } of EU_PAGES) {
    await tab.goto(url);
    await panelsOf(tab);
  }
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const items = (await sendToExtension(ext, 'skus/at-risk', { risk: 'all', search: 'POOL-MUG-EU', limit: 50 })).items;
  expect(items.map((i) => i.marketplace).sort()).toEqual(['amazon.de', 'amazon.es', 'amazon.fr', 'amazon.it']);
  expect(new Set(items.map((i) => i.pool?.poolId))).toEqual(new Set(['fba:EU']));
  expect(items.every((i) => i.available === 900 && i.stockSource === 'reading')).toBe(true);
  expect(new Set(items.map((i) => `${i.reorderDate}|${i.reorderQuantity}|${i.daysOfCover}`)).size).toBe(1);
  // Each channel still has its own sales rate.
  expect(items.find((i) => i.marketplace === 'amazon.de')!.dailyDemand!).toBeGreaterThan(items.find((i) => i.marketplace === 'amazon.es')!.dailyDemand!);

  const report = await sendToExtension(ext, 'export/merged', {});
  const product = report.products.find((p) => p.listings.some((l) => l.sku === 'POOL-MUG-EU'))!;
  expect(product.listings).toHaveLength(4);
  expect(product.pools.map((p) => [p.poolId, p.stock])).toEqual([['fba:EU', 900]]);
  const chart = await sendToExtension(ext, 'product/chart', { productId: product.id, historyDays: 60, horizonDays: 30 });
  expect(chart.available).toBe(900);
  const covers = new Set<string>();
  for (const { url } of EU_PAGES) {
    await tab.goto(url);
    const [panel] = await panelsOf(tab);
    covers.add(`${panel!.cover}|${panel!.reorder}`);
  }
  expect(covers.size).toBe(1);
});

test('an All Listings import marks no FBA SKU out of stock: its stock is unknown until a page shows it', async ({ context }) => {
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const text = readFileSync('tests/fixtures/reports/amazon/all-listings.us.tsv', 'utf8');
  const { rows } = parseReport(text, { marketplace: 'amazon.com', now: new Date() });
  await sendToExtension(ext, 'import/commit', { importId: 'all-listings', batchIndex: 0, rows: rows as never, last: true });
  const items = (await sendToExtension(ext, 'skus/at-risk', { risk: 'all', limit: 100 })).items;
  const towel = items.find((i) => i.sku === 'BAM-TOWEL-GRY-2PK')!;
  expect(towel).toMatchObject({ available: null, stockSource: 'unknown', stockHint: 'open:amazon/fba-inventory', urgency: 'unknown', healthScore: null });
  const candle = items.find((i) => i.sku === 'MFN-ONLY-CANDLE')!;
  expect(candle.available).toBe(36);
  // Nothing imported is shown as critical for lack of stock it never had a reading of.
  expect(items.filter((i) => i.available === null).every((i) => i.urgency === 'unknown')).toBe(true);
  expect((await sendToExtension(ext, 'skus/at-risk', { limit: 100 })).items.map((i) => i.sku)).not.toContain('BAM-TOWEL-GRY-2PK');
});

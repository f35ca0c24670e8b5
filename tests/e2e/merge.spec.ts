/**
 * One model of the seller's stock across marketplaces: the same products read from Amazon,
 * Walmart and eBay pages are merged into one product each, with the stock of every pool, and
 * nothing is lost when the browser stops the service worker between (or during) readings.
 */
import type { CDPSession, Page } from '@playwright/test';
import { buildAmazonManageInventoryHtml } from '../fixtures/builders/amazon-manage-inventory';
import { buildEbayActiveListingsHtml } from '../fixtures/builders/ebay';
import type { DemoListing } from '../fixtures/builders/types';
import { buildWalmartManageItemsHtml } from '../fixtures/builders/walmart';
import { EXTENSION_ID, expect, expectPanelsAnswered, sendToExtension, test } from './extension';

const base = { status: 'active', currency: 'USD', reserved: 0, unfulfillable: 0, inbound: 0 } as const;
const LAMP = { sku: 'MERGE-LAMP', gtin: '00840000012345', title: 'LED Desk Lamp, Dimmable' };
const MUG = { sku: 'MERGE-MUG', gtin: '00840000067890', title: 'Ceramic Mug 12 oz' };

const amazon: DemoListing[] = [
  { ...base, ...LAMP, asin: 'B0MERGE001', fulfillment: 'FBA', available: 120, inbound: 30, priceMinor: 3499 },
  { ...base, ...MUG, asin: 'B0MERGE002', fulfillment: 'SELLER', available: 40, priceMinor: 1299 },
];
const walmart: DemoListing[] = [
  { ...base, ...LAMP, itemId: '5100001', fulfillment: 'WFS', available: 25, priceMinor: 3399 },
  { ...base, ...MUG, itemId: '5100002', fulfillment: 'SELLER', available: 40, priceMinor: 1299 },
];
const ebay: DemoListing[] = [
  { ...base, ...MUG, itemId: '396000000123', fulfillment: 'SELLER', available: 35, priceMinor: 1199, cumulativeSold: 210, watchers: 3 },
];

const PAGES = [
  {
    url: 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all',
    html: buildAmazonManageInventoryHtml(amazon),
    skus: ['MERGE-LAMP', 'MERGE-MUG'],
  },
  { url: 'https://seller.walmart.com/items-and-inventory/manage-items', html: buildWalmartManageItemsHtml(walmart), skus: ['MERGE-LAMP', 'MERGE-MUG'] },
  { url: 'https://www.ebay.com/sh/lst/active', html: buildEbayActiveListingsHtml(ebay), skus: ['MERGE-MUG'] },
];

/** What the browser does to an idle extension: stop its service worker. */
async function stopServiceWorker(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await workerActivated(cdp);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * Resolves once the extension's worker is installed and activated. The browser stops only an
 * activated worker when idle; one stopped while still installing (a fresh profile's first
 * seconds) fails to register and leaves the extension without a background until it is reloaded
 * (seen here: "ServiceWorker failed to install", then "Receiving end does not exist" for good).
 */
async function workerActivated(cdp: CDPSession): Promise<void> {
  const activated = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${EXTENSION_ID}/`) && v.status === 'activated')) resolve();
    });
  });
  // Enabling the domain reports every current version, so an activated worker resolves at once.
  await cdp.send('ServiceWorker.enable');
  await activated;
}

test('the same products on three marketplaces merge into one product each, with every pool, across worker restarts', async ({ context, serve }) => {
  await serve(PAGES.map(({ url, html }) => ({ url, html })));
  const tab = await context.newPage();
  for (const { url, skus } of PAGES) {
    await tab.goto(url);
    await expect.poll(() => tab.locator('stock-copilot-panel').evaluateAll((hosts) => hosts.map((h) => (h as HTMLElement).dataset.sku))).toEqual(skus);
    // Panels mount (pending, or updating with the reading) before the background answers: wait for the answers, i.e. the merge is stored.
    await expectPanelsAnswered(tab);
    // Stopped after every reading: the next page's message must wake it and find everything stored.
    await stopServiceWorker(tab);
  }

  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const report = await sendToExtension(ext, 'export/merged', {});
  const productOf = (sku: string) => report.products.find((p) => p.listings.some((l) => l.sku === sku));

  // Linked by the seller SKU they share (Manage All Inventory shows no GTIN, so pages link by SKU; reports add GTIN links).
  const lamp = productOf('MERGE-LAMP')!;
  expect(lamp.listings.map((l) => `${l.platform}:${l.sku}`).sort()).toEqual(['amazon:MERGE-LAMP', 'walmart:MERGE-LAMP']);
  expect(Object.fromEntries(lamp.pools.map((p) => [p.poolId, p.stock]))).toEqual({ 'fba:NA': 120, 'wfs:walmart.com': 25 });

  const mug = productOf('MERGE-MUG')!;
  expect(mug.listings.map((l) => l.platform).sort()).toEqual(['amazon', 'ebay', 'walmart']);
  // Seller-fulfilled listings everywhere draw from one own-warehouse pool, counted once (not 40 + 40 + 35).
  expect(mug.pools.map((p) => p.poolId)).toEqual(['own:main']);
  expect(mug.pools[0]!.stock).toBeLessThanOrEqual(40);
  expect(report.products.filter((p) => p.listings.some((l) => l.sku.startsWith('MERGE')))).toHaveLength(2);

  // After another stop, the popup still lists every listing of both products.
  await stopServiceWorker(ext);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  const listed = await sendToExtension(popup, 'skus/at-risk', { risk: 'all', limit: 100 });
  expect(listed.items.map((i) => `${i.platform}:${i.sku}`).sort()).toEqual([
    'amazon:MERGE-LAMP',
    'amazon:MERGE-MUG',
    'ebay:MERGE-MUG',
    'walmart:MERGE-LAMP',
    'walmart:MERGE-MUG',
  ]);
  await popup.getByTestId('filter-risk').selectOption('all');
  await expect(popup.getByTestId('at-risk-row')).toHaveCount(5);
});

test('a merge interrupted by the worker stopping leaves nothing half-written, and reading again completes it', async ({ context, serve }) => {
  const many: DemoListing[] = Array.from({ length: 400 }, (_, i) => ({
    ...base,
    sku: `BULK-${String(i).padStart(3, '0')}`,
    title: `Bulk item ${i}`,
    asin: `B0BULK${String(i).padStart(4, '0')}`,
    fulfillment: 'FBA',
    available: 10 + i,
    priceMinor: 999,
  }));
  const url = 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&pageSize=500';
  await serve([{ url, html: buildAmazonManageInventoryHtml(many) }]);
  const tab = await context.newPage();
  // Installed first (a fresh profile's worker may still be installing), so the stop below comes while the reading is merged.
  const cdp = await context.newCDPSession(tab);
  await workerActivated(cdp);
  await cdp.detach();
  // Stop the worker while the page's first reading is being merged.
  const reading = tab.goto(url);
  await stopServiceWorker(tab);
  await reading;
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  const countStored = async () => (await sendToExtension(ext, 'skus/at-risk', { risk: 'all', search: 'BULK-', limit: 1000 })).items.length;
  // Whatever was stored is whole: every stored listing has its stock.
  const partial = await sendToExtension(ext, 'skus/at-risk', { risk: 'all', search: 'BULK-', limit: 1000 });
  expect(partial.items.every((i) => i.available !== null)).toBe(true);
  // A reload of the page (what the seller does when panels are missing) completes the store.
  await tab.reload();
  await expect.poll(countStored).toBe(400);
  const stored = await sendToExtension(ext, 'skus/at-risk', { risk: 'all', search: 'BULK-1', limit: 1000 });
  expect(stored.items.find((i) => i.sku === 'BULK-123')?.available).toBe(133);
});

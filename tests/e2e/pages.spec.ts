/**
 * Every page type, opened at its real URL in Chromium with the built extension: the rows the
 * content script reads and the panels it shows must be exactly what the adapter reads from the
 * same fixture in Node. Then a client-side change on each platform's page is re-read.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { marketplaceForUrl } from '../../lib/locale/markets';
import { ADAPTERS, adapterForUrl } from '../../lib/platforms';
import { PAGES as FIXTURE_PAGES } from '../../lib/platforms/testing/pages';
import { EXTENSION_ID, expect, sendToExtension, sharedBrowserTest, test } from './extension';

/** One fixture per page type and UI variant, at the URL where the real page lives. */
const PAGES: { file: string; url: string }[] = [
  { file: 'tests/fixtures/amazon/manage-inventory.en.html', url: 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25' },
  { file: 'tests/fixtures/amazon/manage-inventory.zh.html', url: 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25' },
  { file: 'tests/fixtures/amazon/manage-inventory.de.html', url: 'https://sellercentral.amazon.de/myinventory/inventory?fulfilledBy=all' },
  { file: 'tests/fixtures/amazon/manage-inventory.ja.html', url: 'https://sellercentral.amazon.co.jp/myinventory/inventory?fulfilledBy=all' },
  { file: 'tests/fixtures/amazon/fba-inventory.en.html', url: 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth' },
  { file: 'tests/fixtures/amazon/fba-inventory.de.html', url: 'https://sellercentral.amazon.de/inventoryplanning/manageinventoryhealth' },
  { file: 'tests/fixtures/amazon/fba-inventory-fees.en.html', url: 'https://sellercentral.amazon.com/manage/fba-inventory' },
  { file: 'tests/fixtures/amazon/restock.en.html', url: 'https://sellercentral.amazon.com/restockinventory/recommendations' },
  { file: 'tests/fixtures/amazon/restock.ja.html', url: 'https://sellercentral.amazon.co.jp/restockinventory/recommendations' },
  { file: 'tests/fixtures/amazon/restock.fr.html', url: 'https://sellercentral.amazon.fr/restockinventory/recommendations?ref=xx_restock_dnav_xx' },
  { file: 'tests/fixtures/amazon/inventory-age.en.html', url: 'https://sellercentral.amazon.com/inventoryplanning/inventory-age' },
  { file: 'tests/fixtures/amazon/inventory-age.de.html', url: 'https://sellercentral.amazon.de/inventoryplanning/inventory-age' },
  { file: 'tests/fixtures/amazon/inventory-age.zh.html', url: 'https://sellercentral.amazon.com/inventoryplanning/inventory-age?ref=xx_invage_dnav_xx' },
  { file: 'tests/fixtures/amazon/inventory-age.ja.html', url: 'https://sellercentral.amazon.co.jp/inventoryplanning/inventory-age' },
  { file: 'tests/fixtures/amazon/orders.en.html', url: 'https://sellercentral.amazon.com/orders-v3/mfn/unshipped?page=1' },
  { file: 'tests/fixtures/amazon/orders.de.html', url: 'https://sellercentral.amazon.de/orders-v3/mfn/unshipped?page=1' },
  { file: 'tests/fixtures/amazon/orders.ja.html', url: 'https://sellercentral.amazon.co.jp/orders-v3?page=1' },
  { file: 'tests/fixtures/walmart/manage-items.en.html', url: 'https://seller.walmart.com/items-and-inventory/manage-items?searchType=ALL_ITEMS' },
  { file: 'tests/fixtures/walmart/manage-items.es.html', url: 'https://seller.walmart.com.mx/items-and-inventory/manage-items?searchType=ALL_ITEMS' },
  // Rows rendered by the page's script 400 ms after load.
  {
    file: 'tests/fixtures/walmart/manage-items.late.en.html',
    url: 'https://seller.walmart.com/items-and-inventory/manage-items?searchType=ALL_ITEMS&searchQuery=',
  },
  { file: 'tests/fixtures/walmart/wfs-inventory.en.html', url: 'https://seller.walmart.com/wfsLite/manage-inventory' },
  { file: 'tests/fixtures/walmart/wfs-inventory.es.html', url: 'https://seller.walmart.com.mx/wfsLite/manage-inventory' },
  { file: 'tests/fixtures/walmart/wfs-inventory.health.en.html', url: 'https://seller.walmart.com/wfs/inventory' },
  { file: 'tests/fixtures/walmart/orders.en.html', url: 'https://seller.walmart.com/order-management/details?orderGroups=Unshipped' },
  { file: 'tests/fixtures/walmart/orders.es.html', url: 'https://seller.walmart.com.mx/order-management/details' },
  // Rows rendered by the page's script 400 ms after load.
  { file: 'tests/fixtures/walmart/orders.item-sku.en.html', url: 'https://seller.walmart.com/order-management/details?orderGroups=All' },
  {
    file: 'tests/fixtures/amazon/business-reports.en.html',
    url: 'https://sellercentral.amazon.com/business-reports/ref=xx_sitemetric_dnav_xx#/report?id=102%3ADetailSalesTrafficByChildItem&fromDate=2026-11-01&toDate=2026-11-30',
  },
  {
    file: 'tests/fixtures/amazon/business-reports.de.html',
    url: 'https://sellercentral.amazon.de/business-reports#/report?id=102%3ADetailSalesTrafficByChildItem&fromDate=2026-11-01&toDate=2026-11-30',
  },
  {
    file: 'tests/fixtures/amazon/business-reports.legacy.en.html',
    url: 'https://sellercentral.amazon.com/gp/site-metrics/report.html#&cols=/c0/c1/c2&reportID=102:DetailSalesTrafficByChildItem',
  },
  { file: 'tests/fixtures/ebay/active-listings.en.html', url: 'https://www.ebay.com/sh/lst/active?offset=0&limit=200' },
  { file: 'tests/fixtures/ebay/active-listings.de.html', url: 'https://www.ebay.de/sh/lst/active' },
  { file: 'tests/fixtures/ebay/active-listings.treegrid.en.html', url: 'https://www.ebay.com/sh/lst/active?offset=0&limit=50' },
  { file: 'tests/fixtures/ebay/orders.en.html', url: 'https://www.ebay.com/sh/ord/?filter=status:AWAITING_SHIPMENT' },
  { file: 'tests/fixtures/ebay/orders.de.html', url: 'https://www.ebay.de/sh/ord/' },
  { file: 'tests/fixtures/ebay/orders.fr.html', url: 'https://www.ebay.fr/sh/ord/' },
  // Shipments, not rows: no panels; the shipments are stored for the options page's inbound arrivals.
  { file: 'tests/fixtures/amazon/shipments.en.html', url: 'https://sellercentral.amazon.com/gp/ssof/shipping-queue.html' },
  { file: 'tests/fixtures/amazon/shipments.de.html', url: 'https://sellercentral.amazon.de/fba/sendtoamazon/shipments' },
  { file: 'tests/fixtures/amazon/shipments.grid.en.html', url: 'https://sellercentral.amazon.com/fba/sendtoamazon/shipments' },
  // One shipment's contents: stored as that shipment with its SKUs (they tie the SKUs' inbound to it); each SKU row shows its listing's panel.
  { file: 'tests/fixtures/amazon/shipment-contents.en.html', url: 'https://sellercentral.amazon.com/fba/inbound-shipment/summary/FBA17XYZ12AB/contents' },
  { file: 'tests/fixtures/amazon/shipment-contents.zh.html', url: 'https://sellercentral.amazon.com/fba/inbound-shipment/summary/FBA17XYZ90JK/contents' },
  { file: 'tests/fixtures/amazon/shipment-contents.de.html', url: 'https://sellercentral.amazon.de/fba/inbound-shipment/summary/FBA18DEMUG01/contents' },
];

/** What the adapter reads from the fixture in Node: the reference for what the browser must show. */
function readInNode(file: string, url: string) {
  const window = new Window({ url });
  window.document.write(readFileSync(file, 'utf8'));
  const adapter = adapterForUrl(new URL(url))!;
  const read = adapter.parse(window.document as unknown as Document, { url: new URL(url), market: marketplaceForUrl(url)!, now: new Date() });
  window.close();
  return { adapter, read };
}

test('every fixture of every page type (lib/platforms/testing/pages.ts) is opened here', () => {
  const opened = new Set(PAGES.map((p) => p.file.replace(/^tests\/fixtures\/|\.html$/g, '')));
  expect(Object.values(FIXTURE_PAGES).flatMap((p) => p.fixtures.filter((f) => !opened.has(f)))).toEqual([]);
});

test('every registered page type has a fixture opened here at a URL it matches', () => {
  const covered = new Set(PAGES.map((p) => adapterForUrl(new URL(p.url))?.id));
  expect([...covered].sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
});

for (const { file, url } of PAGES) {
  // One browser for all fixtures, its store emptied before each (sharedBrowserTest): each test sees only its own page's rows.
  sharedBrowserTest(
    `${file.replace('tests/fixtures/', '')} at ${new URL(url).host}${new URL(url).pathname}: rows read, panels shown`,
    async ({ context, serve }) => {
      const { adapter, read } = readInNode(file, url);
      const shipmentIds = (read.shipments ?? []).map((s) => s.shipmentId).sort();
      expect(read.rows.length + shipmentIds.length, 'the fixture must have rows or shipments').toBeGreaterThan(0);
      expect(read.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
      const startedAt = new Date().toISOString();
      await serve([{ url, file }]);
      const page = await context.newPage();
      await page.goto(url);
      // The reader ran and reported to the page (every page type shows the summary bar).
      await expect(page.locator('stock-copilot-summary')).toBeAttached();
      const expectedSkus = read.anchors.map((a) => a.sku);
      await expect
        .poll(() => page.locator('stock-copilot-panel').evaluateAll((hosts) => hosts.map((h) => (h as HTMLElement).dataset.sku)))
        .toEqual(expectedSkus);
      // The background stored what was read: listings appear in the at-risk list, order lines in the product history.
      const ext = await context.newPage();
      await ext.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
      const market = marketplaceForUrl(url)!;
      const listingSkus = new Set(read.rows.filter((r) => r.kind === 'listing').map((r) => r.sku));
      if (shipmentIds.length > 0) {
        await expect
          .poll(async () =>
            (await sendToExtension(ext, 'inbound/list', {})).shipments
              .filter((s) => s.marketplace === market.id)
              .map((s) => s.shipmentId)
              .sort(),
          )
          .toEqual(shipmentIds);
      } else if (listingSkus.size > 0) {
        await expect
          .poll(async () =>
            (await sendToExtension(ext, 'skus/at-risk', { risk: 'all', marketplace: market.id, platform: market.platform, limit: 5000 })).items
              .map((i) => i.sku)
              .sort(),
          )
          .toEqual([...listingSkus].sort());
      } else {
        // Diagnostics are kept per page type: this page's entry is the one read since the test began.
        const diagnostics = await sendToExtension(ext, 'diagnostics/recent', {});
        const entry = diagnostics.pages.find((p) => p.adapterId === adapter.id);
        expect(entry?.url).toBe(url);
        expect(entry!.readAt >= startedAt).toBe(true);
      }
    },
  );
}

/** Changes one row's available quantity the way each platform's app re-renders it. */
const CHANGES: { name: string; file: string; url: string; change: string }[] = [
  {
    name: 'Amazon grid',
    file: 'tests/fixtures/amazon/fba-inventory.en.html',
    url: 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth',
    change: 'kat-table',
  },
  {
    name: 'Walmart items',
    file: 'tests/fixtures/walmart/manage-items.en.html',
    url: 'https://seller.walmart.com/items-and-inventory/manage-items',
    change: 'walmart',
  },
  { name: 'eBay listings', file: 'tests/fixtures/ebay/active-listings.en.html', url: 'https://www.ebay.com/sh/lst/active', change: 'ebay' },
];

for (const { name, file, url, change } of CHANGES) {
  test(`${name}: a client-side change of a quantity is read again and stored`, async ({ context, serve }) => {
    const { read } = readInNode(file, url);
    const first = read.rows.find((r) => r.kind === 'listing' && r.available !== undefined && r.available > 0 && r.available !== 4321)!;
    expect(first).toBeDefined();
    await serve([{ url, file }]);
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator('stock-copilot-panel').first()).toBeAttached();
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    const market = marketplaceForUrl(url)!;
    const availableOf = async () =>
      (await sendToExtension(ext, 'skus/at-risk', { risk: 'all', search: first.sku, limit: 50 })).items.find(
        (i) => i.sku === first.sku && i.marketplace === market.id,
      )?.available;
    await expect.poll(availableOf).toBe(first.kind === 'listing' ? first.available : undefined);

    // The app replaces the cell's text without a page load (as after an inline edit or a refresh of the grid).
    await page.evaluate(
      ([sku, how]) => {
        const cellOf = (row: Element, header: RegExp, cellSelector: string, headerSelector: string) => {
          const headers = [...document.querySelectorAll(headerSelector)];
          const index = headers.findIndex((h) => header.test(h.textContent ?? ''));
          return row.querySelectorAll(cellSelector)[index];
        };
        if (how === 'ebay') {
          const row = [...document.querySelectorAll('tr.grid-row')].find((r) => r.querySelector('.shui-dt-column__listingSKU')?.textContent?.trim() === sku)!;
          row.querySelector('.shui-dt-column__availableQuantity')!.textContent = '4321';
        } else if (how === 'walmart') {
          const row = [...document.querySelectorAll('[data-automation-id="item-row"]')].find(
            (r) => r.querySelector('[data-automation-id="sku"]')?.textContent?.trim() === sku,
          )!;
          row.querySelector('[data-automation-id="inventory"]')!.textContent = '4321';
        } else {
          const row = [...document.querySelectorAll('kat-table-body kat-table-row')].find((r) => (r.textContent ?? '').includes(sku))!;
          const cell = cellOf(row, /^\s*Available\s*$/i, ':scope > kat-table-cell', 'kat-table-head kat-table-cell');
          cell!.textContent = '4321';
        }
      },
      [first.sku, change] as const,
    );
    await expect.poll(availableOf).toBe(4321);
  });
}

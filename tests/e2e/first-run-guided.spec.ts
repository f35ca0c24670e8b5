/**
 * The guided start, as a new seller meets it: a fresh profile opens the options page at the
 * guided start on install; the seller picks marketplaces and channels, sets lead times from
 * the air preset, imports the demo seller's order history (files written from the same seeded
 * catalogue `npm run demo` uses) and finishes; then every listing on the demo's inventory pages
 * shows days of cover instead of "No sales yet". Once in English, once in Chinese (a browser
 * whose language is Chinese).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t, type Language } from '../../lib/i18n';
import { addDays } from '../../lib/locale/dates';
import { marketplaceForUrl } from '../../lib/locale/markets';
import { adapterForUrl } from '../../lib/platforms/index';
import { findChromium, extensionArgs } from '../../scripts/lib/chromium.mjs';
import { buildDemoCatalog, demoToday, HISTORY_DAYS, type CatalogListing, type DemoProduct } from '../../scripts/demo/catalog';
import { catalogOrders, demoPages } from '../../scripts/demo/pages';
import { EXTENSION_ID, EXTENSION_PATH, expect, sendToExtension, test as english } from './extension';
import { allOrdersTsv } from '../fixtures/builders/amazon-all-orders';

const TODAY = demoToday();
const CATALOG = buildDemoCatalog(TODAY);

// ---- the demo seller's order-history downloads --------------------------------------------

/** Listings of a marketplace by SKU (titles, item numbers, fulfilment). */
function listingsOf(marketplace: CatalogListing['marketplace']): Map<string, { product: DemoProduct; listing: CatalogListing }> {
  return new Map(
    CATALOG.flatMap((product) => product.listings.filter((l) => l.marketplace === marketplace).map((listing) => [listing.sku, { product, listing }])),
  );
}

const money = (minor: number) => (minor / 100).toFixed(2);
const csv = (cells: readonly string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');

/** Amazon All Orders (tab-separated), one file per Seller Central account: its rows name their marketplace. */
function amazonAllOrders(marketplaces: CatalogListing['marketplace'][]): string {
  const lines = marketplaces.flatMap((marketplace) => {
    const bySku = listingsOf(marketplace);
    const channel = `Amazon.${marketplace.slice('amazon.'.length)}`;
    return catalogOrders(CATALOG, marketplace, TODAY, HISTORY_DAYS).flatMap((order) =>
      order.lines.map((line) => {
        const { product, listing } = bySku.get(line.sku)!;
        const status = order.status === 'shipped' ? 'Shipped' : 'Pending';
        const fulfilment = listing.fulfillment === 'FBA' ? 'Amazon' : 'Merchant';
        const price = money(line.itemPriceMinor * line.quantity);
        return {
          'amazon-order-id': order.orderId,
          'purchase-date': `${order.orderDate}T12:00:00+00:00`,
          'order-status': status,
          'fulfillment-channel': fulfilment,
          'sales-channel': channel,
          'product-name': product.title,
          sku: line.sku,
          asin: product.asin ?? '',
          'item-status': status === 'Shipped' ? 'Shipped' : 'Unshipped',
          quantity: String(line.quantity),
          currency: order.currency,
          'item-price': price,
        };
      }),
    );
  });
  return allOrdersTsv(lines);
}

/** Walmart Seller Center orders download (CSV). */
function walmartOrders(): string {
  const header = ['PO#', 'Order#', 'Order Date', 'Line#', 'Status', 'Item Description', 'Qty', 'SKU', 'Item Cost', 'Fulfillment Entity'];
  const bySku = listingsOf('walmart.com');
  const rows = catalogOrders(CATALOG, 'walmart.com', TODAY, HISTORY_DAYS).flatMap((order, i) =>
    order.lines.map((line) => {
      const { listing } = bySku.get(line.sku)!;
      const po = String(108800000000000 + i);
      const status = order.status === 'shipped' ? 'Delivered' : 'Acknowledged';
      const entity = listing.fulfillment === 'WFS' ? 'WFSFulfilled' : 'Seller Fulfilled';
      return csv([
        po,
        order.orderId,
        order.orderDate,
        '1',
        status,
        line.title ?? '',
        String(line.quantity),
        line.sku,
        money(line.itemPriceMinor * line.quantity),
        entity,
      ]);
    }),
  );
  return `${[csv(header), ...rows].join('\n')}\n`;
}

/** eBay's date format in downloads: "Jun-28-26". */
function ebayDate(iso: string): string {
  const month = new Date(`${iso}T00:00:00Z`).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${month}-${iso.slice(8, 10)}-${iso.slice(2, 4)}`;
}

/** eBay Seller Hub orders download (CSV with its leading empty record and footer lines). */
function ebayOrders(): string {
  const header = [
    'Sales Record Number',
    'Order Number',
    'Item Number',
    'Item Title',
    'Custom Label',
    'Quantity',
    'Sold For',
    'Sale Date',
    'Paid On Date',
    'Shipped On Date',
  ];
  const rows = catalogOrders(CATALOG, 'ebay.com', TODAY, HISTORY_DAYS).flatMap((order, i) =>
    order.lines.map((line) => {
      const day = ebayDate(order.orderDate);
      const shipped = order.status === 'shipped' ? ebayDate(addDays(order.orderDate, 1)) : '';
      return csv([
        String(1000 + i),
        order.orderId,
        line.itemId ?? '',
        line.title ?? '',
        line.sku,
        String(line.quantity),
        `$${money(line.itemPriceMinor)}`,
        day,
        day,
        shipped,
      ]);
    }),
  );
  const from = ebayDate(addDays(TODAY, -HISTORY_DAYS));
  return `""\n${[csv(header), ...rows].join('\n')}\n""\n,"${rows.length} record(s) downloaded, from ${from} to ${ebayDate(TODAY)}"\nSeller ID : demo_seller\n`;
}

/** The files, written where a seller's downloads would be. */
function writeOrderHistory(): { amazon: string[]; walmart: string; ebay: string } {
  const dir = mkdtempSync(join(tmpdir(), 'stock-copilot-orders-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  return {
    amazon: [write('All Orders amazon.com.txt', amazonAllOrders(['amazon.com'])), write('All Orders Europe.txt', amazonAllOrders(['amazon.de', 'amazon.fr']))],
    walmart: write('walmart-orders.csv', walmartOrders()),
    ebay: write('ebay-orders.csv', ebayOrders()),
  };
}

// ---- the guided start -----------------------------------------------------------------------

/** The options tab the install opened (it may have opened before the test looked). */
async function firstRunTab(context: BrowserContext): Promise<Page> {
  const url = `chrome-extension://${EXTENSION_ID}/options.html#first-run`;
  await expect.poll(() => context.pages().some((p) => p.url() === url), { timeout: 20_000 }).toBe(true);
  return context.pages().find((p) => p.url() === url)!;
}

/** Imports files through the import the guided start shows, checking the preview before storing. */
async function importFiles(options: Page, files: string[], marketplace?: string) {
  const guide = options.getByTestId('first-run');
  if (marketplace) await guide.locator('#import-marketplace').selectOption(marketplace);
  await guide.locator('#import-files').setInputFiles(files);
  const preview = guide.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  for (const count of await preview.getByTestId('count-order').allTextContents()) expect(Number(count.replace(/\D/g, ''))).toBeGreaterThan(0);
  await preview.locator('button.primary').click();
  await expect(guide.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
}

/** The demo seller's pages except its orders pages (the order history comes from the files). */
const DEMO_PAGES = demoPages(CATALOG, TODAY).filter((p) => adapterForUrl(new URL(p.url))?.id.endsWith('/orders') === false);
/** The pages that list every listing of a marketplace (stock, no sales figures): the panels checked at the end. */
const STOCK_PAGES = DEMO_PAGES.filter((p) =>
  ['amazon/manage-inventory', 'walmart/manage-items', 'ebay/active-listings'].includes(adapterForUrl(new URL(p.url))!.id),
);
/** The demo page a link leads to (links name a page's path; the demo's URLs add the query the seller's view has). */
const demoPageAt = (href: string) => DEMO_PAGES.find((p) => `${new URL(p.url).origin}${new URL(p.url).pathname}` === href);

async function walkGuidedStart(context: BrowserContext, language: Language) {
  const text = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(language, key, params);
  const options = await firstRunTab(context);
  const guide = options.getByTestId('first-run');
  await expect(guide.getByRole('heading', { name: text('onboarding.heading') })).toBeVisible();

  // 1. Where the seller sells: nothing chosen is refused, then the demo seller's marketplaces and channels.
  await guide.getByRole('button', { name: text('onboarding.next') }).click();
  await expect(guide.getByRole('alert')).toHaveText(text('onboarding.channels.needOne'));
  for (const market of ['amazon.com', 'amazon.de', 'amazon.fr', 'walmart.com', 'ebay.com'])
    await guide.getByRole('checkbox', { name: market, exact: true }).check();
  for (const d of ['FBA', 'WFS', 'SELLER'] as const) await guide.getByRole('checkbox', { name: text(`options.destination.${d}`) }).check();
  await guide.getByRole('button', { name: text('onboarding.next') }).click();
  await expect(guide).toHaveAttribute('data-step', 'leadTimes');

  // 2. Lead times: the air preset fills the transit days, the seller edits one, and it is saved as a setting.
  await guide.getByRole('radio', { name: text('onboarding.leadTimes.preset.air') }).check();
  const fbaTransit = guide.locator('#first-run-transit-FBA');
  await expect(fbaTransit).toHaveValue('10');
  await fbaTransit.fill('14');
  await guide.locator('#first-run-production').fill('25');
  await guide.getByRole('button', { name: text('onboarding.leadTimes.save') }).click();
  await expect(guide).toHaveAttribute('data-step', 'history');
  const { settings } = await sendToExtension(options, 'settings/get', {});
  expect(settings.leadTimes).toMatchObject({ defaultProductionDays: 25, transitDaysByDestination: { FBA: 14, WFS: 10, SELLER: 10 } });
  // The Settings section shows what the guide saved.
  await expect(options.locator('[id="leadTimes.transitDaysByDestination.FBA"]')).toHaveValue('14');

  // 3. Sales history: the download steps of each platform, then the import (preview, confirm), one marketplace at a time.
  for (const platform of ['amazon', 'walmart', 'ebay']) await expect(guide.getByTestId(`first-run-guide-${platform}`).locator('li').first()).toBeVisible();
  await expect(guide.getByTestId('first-run-guide-amazon')).toContainText(text('onboarding.history.amazon.2'));
  // The Import section points to the guide while it shows the import: one file input on the page.
  await expect(options.locator('#import-files')).toHaveCount(1);
  const files = writeOrderHistory();
  await importFiles(options, files.amazon);
  await importFiles(options, [files.walmart], 'walmart.com');
  await importFiles(options, [files.ebay], 'ebay.com');
  await guide.getByRole('button', { name: text('onboarding.next') }).click();

  // 4. The pages to open once, on the seller's own marketplaces; then the guide is done and gone.
  await expect(guide).toHaveAttribute('data-step', 'pages');
  const links = guide.getByTestId('first-run-pages').getByRole('link');
  await expect(links.filter({ hasText: 'amazon.de' }).first()).toHaveAttribute(
    'href',
    'https://sellercentral.amazon.de/inventoryplanning/manageinventoryhealth',
  );
  await expect(links.filter({ hasText: 'walmart.com' }).first()).toHaveAttribute('href', 'https://seller.walmart.com/wfsLite/manage-inventory');
  // Open each page the demo seller has (the seller's own FBA Inventory, Restock, WFS Inventory, listings).
  let opened = 0;
  for (const link of await links.all()) {
    if (!demoPageAt((await link.getAttribute('href'))!)) continue;
    const tab = context.waitForEvent('page');
    await link.click();
    await expect((await tab).locator('stock-copilot-panel').first()).toBeAttached({ timeout: 30_000 });
    opened++;
  }
  expect(opened).toBeGreaterThanOrEqual(6);
  await guide.getByRole('button', { name: text('onboarding.finish') }).click();
  await expect(guide).toHaveCount(0);
  expect((await sendToExtension(options, 'onboarding/get', {})).state.status).toBe('finished');
  return options;
}

/**
 * What the panels of the demo's never-sold listings (the dead products) say instead of days of
 * cover: how long they have sold nothing ("No sales in 90 days"), never "No sales yet" or "Not
 * enough data". FBA / WFS stock: the FBA Inventory page's zero sales make the sales known. Own
 * warehouse stock: the imported order history lists every order of its marketplace, so a SKU
 * absent from it sold nothing on its days (lib/import/order-spans.ts, reconstruct.ts
 * listingOrderCoverage).
 */
function neverSoldCount(market: string): number {
  return CATALOG.flatMap((p) => p.listings).filter((l) => l.marketplace === market && l.dailySales.every((u) => u === 0)).length;
}

/** "No sales in {days} days" in `language`, any number of days. */
function noSalesFor(language: Language): RegExp {
  const escaped = t(language, 'panel.noSalesFor', { days: 'DAYS' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('DAYS', '[\\d,]+')}$`);
}

/** Every listing on the demo's inventory pages that ever sold shows days of cover (or that it is sold out). */
async function expectCoverOnEveryListing(context: BrowserContext, language: Language) {
  const cover = new RegExp(`^(${t(language, 'panel.daysOfCover')}: \\d.*|${t(language, 'panel.outOfStock')})$`);
  const page = await context.newPage();
  for (const demo of STOCK_PAGES) {
    await page.goto(demo.url);
    const market = marketplaceForUrl(demo.url)!.id;
    const listings = CATALOG.reduce((n, product) => n + product.listings.filter((l) => l.marketplace === market).length, 0);
    const texts = () => page.locator('stock-copilot-panel [data-testid="days-of-cover"]').allTextContents();
    const quiet = noSalesFor(language);
    const noCover = Array.from({ length: neverSoldCount(market) }, () => true);
    // Panels show the stored plan at once, then the page's own reading re-planned.
    await expect.poll(async () => (await texts()).length, { message: demo.url, timeout: 30_000 }).toBe(listings);
    await expect
      .poll(async () => (await texts()).filter((s) => !cover.test(s)).map((s) => quiet.test(s) || s), { message: demo.url, timeout: 60_000 })
      .toEqual(noCover);
  }
}

english(
  'a fresh profile goes through the guided start with the demo order history; every demo listing that ever sold then shows days of cover',
  async ({ context, serve }) => {
    english.setTimeout(240_000);
    await serve(DEMO_PAGES.map((p) => ({ url: p.url, html: p.html })));
    await walkGuidedStart(context, 'en');
    await expectCoverOnEveryListing(context, 'en');
  },
);

english('the guided start is skippable and resumable: a closed page, a skip and a resume keep the step the seller reached', async ({ context }) => {
  const text = (key: Parameters<typeof t>[1]) => t('en', key);
  let options = await firstRunTab(context);
  let guide = options.getByTestId('first-run');
  await guide.getByRole('checkbox', { name: 'amazon.com', exact: true }).check();
  // The shared European seller host is offered as the site it is, not as a storefront called "amazon.eu".
  await expect(guide.getByRole('checkbox', { name: text('onboarding.channels.europeHost') })).toHaveCount(1);
  await expect(guide.getByRole('checkbox', { name: 'amazon.eu' })).toHaveCount(0);
  await guide.getByRole('checkbox', { name: text('options.destination.FBA') }).check();
  await guide.getByRole('button', { name: text('onboarding.next') }).click();
  await expect(guide).toHaveAttribute('data-step', 'leadTimes');
  // The page closed mid-way: opened again, it is at the same step.
  await options.close();
  options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html#first-run`);
  guide = options.getByTestId('first-run');
  await expect(guide).toHaveAttribute('data-step', 'leadTimes');
  // Skipped: only the offer to resume is left, after a reload too; resumed: the same step.
  await guide.getByRole('button', { name: text('onboarding.skip') }).click();
  await expect(guide).toHaveCount(0);
  await options.reload();
  const skipped = options.getByTestId('first-run-skipped');
  await expect(skipped).toBeVisible();
  await skipped.getByRole('button', { name: text('onboarding.resume') }).click();
  await expect(options.getByTestId('first-run')).toHaveAttribute('data-step', 'leadTimes');
  expect((await sendToExtension(options, 'onboarding/get', {})).state.status).not.toBe('skipped');
});

/** The same extension in a browser whose language is Chinese (the UI follows it: language setting 'auto'). */
const chinese = english.extend({
  context: async ({}, use) => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` or set CHROMIUM_PATH.');
    const context = await chromium.launchPersistentContext('', {
      executablePath,
      headless: true,
      locale: 'zh-CN',
      args: [...extensionArgs(EXTENSION_PATH), '--lang=zh-CN'],
    });
    await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
    await use(context);
    await context.close();
  },
});

chinese('the guided start in Chinese, with the same outcome', async ({ context, serve }) => {
  chinese.setTimeout(240_000);
  await serve(DEMO_PAGES.map((p) => ({ url: p.url, html: p.html })));
  const options = await walkGuidedStart(context, 'zh-CN');
  await expect(options.locator('h1')).toHaveText(t('zh-CN', 'options.title'));
  await expectCoverOnEveryListing(context, 'zh-CN');
});

/**
 * `npm run demo`: the extension on the bundled demo seller pages, no seller account needed.
 * Builds nothing itself (npm run demo builds first); starts Chromium with .output/chrome-mv3,
 * serves the demo pages at their real seller URLs by request interception (no network), and
 * visits them. With a display it stays open; with --headless (or no display) it saves
 * screenshots to demo-output/ (or DEMO_OUT_DIR): the seller page, popup, options, purchase plan
 * and cash view, then one of every page type (page-<platform>-<page>.png, 1366 px wide), prints
 * what the extension read and computed, and last pictures each step of the guided start.
 * WXT_OUT_DIR: the build to load (default .output); DEMO_LANG: the browser's language (en-US, zh-CN).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { languageFromTag, t } from '../lib/i18n';
import { marketplaceForUrl } from '../lib/locale/markets';
import type { AtRiskItem } from '../lib/messaging/protocol';
import { ONBOARDING_STEPS } from '../lib/onboarding/state';
import { ADAPTERS, adapterForUrl } from '../lib/platforms';
import { wholeDaysOfCover } from '../lib/planning/cover';
import { extensionArgs, findChromium } from './lib/chromium.mjs';
import { buildDemoCatalog, demoToday } from './demo/catalog';
import { demoPages, type DemoPage } from './demo/pages';

const EXTENSION_ID = 'bjljbmdnahhiinnjhfdpielpalkjldff';
const extensionPath = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
const outDir = resolve(process.env.DEMO_OUT_DIR ?? 'demo-output');
/** The screenshots a headless run saves, in outDir. */
const SCREENSHOTS = ['seller-page.png', 'popup.png', 'options.png', 'purchase-plan.png', 'cash.png'] as const;
/** The width of the page-type screenshots: the narrowest common laptop screen, where panels have least room. */
const PAGE_SHOT_SIZE = { width: 1366, height: 768 };
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';
const headless = process.argv.includes('--headless') || !hasDisplay;

const today = demoToday();
const catalog = buildDemoCatalog(today);
const pages = demoPages(catalog, today);

/**
 * One demo page per registered page type (lib/platforms ADAPTERS, the one list of page types),
 * its gallery page or else the first the demo serves, and the screenshot named after its id: a page type without a demo
 * page stops the demo, so a new one cannot be left out of the gallery.
 * @example pageTypeShots()[0] // { file: 'page-amazon-manage-inventory.png', page: { label: 'Amazon Manage All Inventory', ... } }
 */
function pageTypeShots(): { file: string; page: DemoPage }[] {
  return ADAPTERS.map((adapter) => {
    const ofType = pages.filter((p) => adapterForUrl(new URL(p.url))?.id === adapter.id);
    const page = ofType.find((p) => p.gallery) ?? ofType[0];
    if (!page) throw new Error(`No demo page for the page type ${adapter.id}: add one to scripts/demo/pages.ts`);
    return { file: `page-${adapter.id.replace('/', '-')}.png`, page };
  });
}

async function serve(context: BrowserContext) {
  // Nothing leaves the machine: every request not answered by a demo page is refused.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  for (const page of pages) {
    const url = new URL(page.url);
    await context.route(
      // The query too: one page type's views (all orders, unshipped) share a path.
      (candidate) => candidate.origin === url.origin && candidate.pathname === url.pathname && candidate.search === url.search,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page.html }),
    );
  }
}

/** Waits until the page's row panels are drawn (or, on a page without SKU rows, its summary bar). */
async function waitForPage(tab: Page, page: DemoPage) {
  if (page.rowPanels !== false) return waitForPanels(tab);
  // A page of shipments says what they hold instead of counting SKUs.
  await tab
    .locator('stock-copilot-summary')
    .getByTestId(/^summary-(rows|shipments)$/)
    .waitFor({ timeout: 30_000 });
}

async function waitForPanels(page: Page) {
  await page.waitForFunction(
    () => {
      const hosts = [...document.querySelectorAll('stock-copilot-panel')];
      return hosts.length > 0 && hosts.every((h) => !h.shadowRoot?.querySelector('[data-testid="pending"]'));
    },
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * Waits until the panels in view show the planner's answer to this visit's reading, not the
 * stored one marked "updating…" (a page of 90 days of orders takes a while on a busy machine).
 */
async function waitForSettledPanels(tab: Page, page: DemoPage) {
  if (page.rowPanels === false) return waitForPage(tab, page);
  await tab.waitForFunction(
    () => {
      const inView = [...document.querySelectorAll('stock-copilot-panel')].filter((h) => h.getBoundingClientRect().top < window.innerHeight);
      return inView.length > 0 && inView.every((h) => !h.shadowRoot?.querySelector('[data-testid="pending"], [data-testid="updating"]'));
    },
    undefined,
    { timeout: 180_000 },
  );
}

/** Sends one message to the background from an extension page (as the options page does). */
async function sendMessage(page: Page, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(message),
    { type, payload },
  );
}

/**
 * The demo seller's unit costs (the catalogue's cost of each product, for every listing SKU),
 * so the purchase plan prices its orders and the cash view has money to show.
 */
async function saveDemoCosts(page: Page) {
  const unitCosts = catalog.flatMap((product) =>
    [...new Set(product.listings.map((l) => l.sku))].map((sku) => ({ sku, supplierId: null, unitCostMinor: product.costMinor, currency: 'USD' })),
  );
  await sendMessage(page, 'purchasing/costs-save', { unitCosts, merge: true });
}

/**
 * Every page type with its panels, at 1366 px in the browser's language, read again now that
 * every page has been read once (so each panel shows what all the pages together say).
 */
async function savePageTypeScreenshots(context: BrowserContext): Promise<string[]> {
  const shot = await context.newPage();
  await shot.setViewportSize(PAGE_SHOT_SIZE);
  const files: string[] = [];
  for (const { file, page } of pageTypeShots()) {
    await shot.goto(page.url);
    await waitForSettledPanels(shot, page).catch(() => console.warn(`[demo] ${file}: the panels in view were still updating`));
    await shot.screenshot({ path: resolve(outDir, file) });
    files.push(file);
  }
  await shot.close();
  return files;
}

/**
 * One options section as a picture: from its heading down at most `maxHeight` pixels, after
 * `ready` shows (its data drawn).
 */
async function sectionScreenshot(options: Page, id: string, ready: string, file: string, maxHeight: number) {
  await options.locator(ready).first().waitFor({ timeout: 30_000 });
  const box = await options.locator(`section#${id}`).boundingBox();
  if (!box) throw new Error(`No section #${id}`);
  const scroll = await options.evaluate(() => window.scrollY);
  await options.screenshot({
    path: resolve(outDir, file),
    fullPage: true,
    clip: { x: 0, y: box.y + scroll, width: options.viewportSize()!.width, height: Math.min(box.height, maxHeight) },
  });
}

function printTable(items: AtRiskItem[]) {
  const rows = items.map((i) => [
    i.sku,
    i.marketplace,
    String(i.available ?? '—'),
    i.daysOfCover === null ? '—' : String(wholeDaysOfCover(i.daysOfCover)),
    i.stockoutDate ?? '—',
    // Worded as the views word it: never a past date as a deadline.
    i.reorderDate
      ? `${i.reorderQuantity} ${i.reorderDaysLate > 0 ? `overdue since ${i.reorderDate} (${i.reorderDaysLate} days)` : `by ${i.reorderDate}`}`
      : '—',
    String(i.healthScore ?? 'n/a'),
    i.lifecycleStage ?? '—',
    i.clearance?.action ?? '',
    i.urgency,
    i.pool ? i.pool.poolId : '',
    i.channel ? `${i.channel.suggested} (now ${i.channel.listed ?? '?'})` : '',
  ]);
  const header = ['SKU', 'market', 'avail', 'cover d', 'stockout', 'reorder', 'health', 'stage', 'clearance', 'urgency', 'shared pool', 'list here'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

/**
 * Whether the answers agree with each other: a listing told both to reorder and to mark down
 * is a contradiction (must be 0), and every listing of a shared pool must show the pool's one
 * reorder.
 */
function printCoherence(items: AtRiskItem[]) {
  const contradictory = items.filter(
    (i) => i.reorderDate !== null && i.clearance !== null && ((i.clearance.discountPercent ?? 0) > 0 || i.clearance.action === 'exit'),
  );
  const pools = new Map<string, AtRiskItem[]>();
  for (const i of items) if (i.pool) (pools.get(i.pool.key) ?? pools.set(i.pool.key, []).get(i.pool.key)!).push(i);
  const reordering = [...pools.values()].filter((members) => members.some((m) => m.reorderDate !== null));
  const shownOnAll = reordering.filter((members) =>
    members.every((m) => m.reorderDate === members[0]!.reorderDate && m.reorderQuantity === members[0]!.reorderQuantity),
  );
  console.log(
    `\n[demo] Listings with contradictory advice (a reorder and a markdown on the same stock): ${contradictory.length}${contradictory.length ? ` (${contradictory.map((i) => i.key).join(', ')})` : ''}`,
  );
  console.log(
    `[demo] Shared pools: ${pools.size}; with a reorder: ${reordering.length}, shown the same on every member listing: ${shownOnAll.length} of ${reordering.length}`,
  );
  const unknown = items.filter((i) => i.available === null).length;
  console.log(
    `[demo] Listings whose stock is unknown (shown as unknown, not 0): ${unknown}; health not enough data: ${items.filter((i) => i.healthScore === null).length}`,
  );
}

/** The headless run's pictures: the showcase page, popup, options, purchase plan, cash, then every page type. Returns the page types' files. */
async function saveScreenshots(context: BrowserContext, tab: Page, popup: Page): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  await tab.bringToFront();
  await tab.screenshot({ path: resolve(outDir, 'seller-page.png') });
  await popup.screenshot({ path: resolve(outDir, 'popup.png') });
  const options = await context.newPage();
  await options.setViewportSize({ width: 1100, height: 800 });
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await options.screenshot({ path: resolve(outDir, 'options.png') });
  await sectionScreenshot(options, 'purchase-plan', '[data-testid="purchase-group"], [data-testid="purchase-empty"]', 'purchase-plan.png', 1400);
  await sectionScreenshot(options, 'cash', '[data-testid="cash-chart"]', 'cash.png', 1100);
  return savePageTypeScreenshots(context);
}

/** The guided start's pictures, one per step (the seller's own marketplaces chosen in the first). */
const FIRST_RUN_SHOTS = ONBOARDING_STEPS.map((step, i) => `first-run-${i + 1}-${step}.png`);

/**
 * The guided start as a seller meets it on a first run (the options tab the install opened), a
 * picture of each step: where you sell (the demo seller's marketplaces and fulfilment channels
 * chosen), lead times, how to bring the sales history, the pages to open once. Taken after
 * at-risk.json is written: choosing the marketplaces saves them as settings.
 */
async function saveFirstRunScreenshots(context: BrowserContext): Promise<void> {
  const language = languageFromTag(process.env.DEMO_LANG ?? 'en-US');
  const options = await context.newPage();
  await options.setViewportSize({ width: 1100, height: 800 });
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html#first-run`);
  const guide = options.getByTestId('first-run');
  for (const [i, step] of ONBOARDING_STEPS.entries()) {
    await guide
      .getByRole('navigation')
      .getByRole('button', { name: t(language, `onboarding.step.${step}`) })
      .click();
    await options.locator(`[data-testid="first-run"][data-step="${step}"]`).waitFor();
    if (step === 'channels') {
      for (const market of new Set(pages.map((p) => marketplaceForUrl(p.url)?.id)))
        if (market) await guide.getByRole('checkbox', { name: market, exact: true }).check();
      for (const d of ['FBA', 'WFS', 'SELLER'] as const) await guide.getByRole('checkbox', { name: t(language, `options.destination.${d}`) }).check();
    }
    await guide.screenshot({ path: resolve(outDir, FIRST_RUN_SHOTS[i]!) });
    // The choice is saved (the pages to open once are the chosen marketplaces').
    if (step === 'channels') await guide.getByRole('button', { name: t(language, 'onboarding.next') }).click();
  }
  await options.close();
}

/** What the extension read and computed: at-risk.json, the readers' diagnostics, the table and its coherence. */
async function printReadings(popup: Page) {
  const reply = (await sendMessage(popup, 'skus/at-risk', { risk: 'all', limit: 200 })) as { ok: boolean; data: { items: AtRiskItem[]; total: number } };
  writeFileSync(resolve(outDir, 'at-risk.json'), JSON.stringify(reply.data, null, 2));
  const diagnostics = (await sendMessage(popup, 'diagnostics/recent', {})) as {
    ok: boolean;
    data: { pages: { adapterId: string; diagnostics: { message: string }[] }[] };
  };
  console.log('\n[demo] Reader diagnostics per page type:');
  for (const page of diagnostics.data.pages) {
    console.log(`  ${page.adapterId.padEnd(26)} ${page.diagnostics.length === 0 ? 'none' : `${page.diagnostics.length}: ${page.diagnostics[0]!.message}`}`);
  }
  console.log(`\n[demo] The extension read ${reply.data.total} listings. Most urgent first:\n`);
  printTable(reply.data.items);
  printCoherence(reply.data.items);
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs`.');
  console.log(`[demo] Chromium: ${executablePath}; ${headless ? 'headless, screenshots to demo-output/' : 'window stays open: close it to finish'}`);
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless,
    args: extensionArgs(extensionPath),
    viewport: { width: 1440, height: 900 },
    locale: process.env.DEMO_LANG ?? 'en-US',
  });
  await serve(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  if (new URL(worker.url()).host !== EXTENSION_ID) throw new Error(`Unexpected extension id ${worker.url()}`);

  const tab = context.pages()[0] ?? (await context.newPage());
  pageTypeShots(); // every page type has a demo page, before anything is read
  for (const page of pages.filter((p) => !p.showcase)) {
    console.log(`[demo] Reading ${page.label}: ${page.url}`);
    await tab.goto(page.url);
    await waitForPage(tab, page).catch(() => console.warn(`[demo] No panels on ${page.label}`));
  }
  const showcase = pages.find((p) => p.showcase)!;
  console.log(`[demo] Opening ${showcase.label}: ${showcase.url}`);
  await tab.goto(showcase.url);
  await waitForPanels(tab);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 600, height: 600 });
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await popup.getByTestId('at-risk-row').first().waitFor();
  await saveDemoCosts(popup);
  // The showcase page's re-plan may still be writing: the popup then shows the rows from before it,
  // marked "updating", and asks again until it ends. The pictures show the settled answer.
  await popup
    .getByTestId('at-risk-updating')
    .waitFor({ state: 'detached', timeout: 120_000 })
    .catch(() => console.warn('[demo] The popup still says "updating" after two minutes'));

  if (headless) {
    const pageShots = await saveScreenshots(context, tab, popup);
    await printReadings(popup);
    await saveFirstRunScreenshots(context);
    console.log(`\n[demo] Screenshots: ${[...SCREENSHOTS, ...FIRST_RUN_SHOTS, ...pageShots].map((f) => resolve(outDir, f)).join(', ')}`);
    await context.close();
  } else {
    await tab.bringToFront();
    console.log('[demo] Click around: the popup is the toolbar icon (or the second tab). Close the browser to finish.');
    await new Promise<void>((done) => context.on('close', () => done()));
  }
}

main().catch((error: unknown) => {
  console.error('[demo] failed:', error);
  process.exit(1);
});

/**
 * Firefox smoke test: the built Firefox add-on (MV2, `wxt build -b firefox`) installed as a
 * temporary add-on in Debian's firefox-esr over WebDriver BiDi (`webExtension.install` through
 * puppeteer-core; no signing, no network), one fixture seller page served at its real URL, its
 * panels found. Then, from the add-on's own popup page, what the background did in Firefox: the
 * listings stored, the toolbar badge set through the API Firefox has, the daily alarm created.
 *
 * Firefox drops alarms on every restart and temporary add-ons live for one run, so the alarm
 * seen here is the one the background created at start (lib/background/setup.ts setupAlarms).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLOR, badgeText } from '../../lib/background/badge';
import { DAILY_REPLAN_ALARM } from '../../lib/background/setup';
import { marketplaceForUrl } from '../../lib/locale/markets';
import type { RequestOf, ResponseOf } from '../../lib/messaging/protocol';
import { adapterForUrl } from '../../lib/platforms';
import { findFirefox } from '../../scripts/lib/firefox.mjs';

const ADDON_PATH = resolve(process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv2');
/** The add-on's id, as the build declares it (wxt.config.ts browser_specific_settings). */
const ADDON_ID: string = JSON.parse(readFileSync(resolve(ADDON_PATH, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
/** Pinned through a Firefox pref, so the add-on's pages have a known moz-extension:// origin. */
const ADDON_UUID = '5b7cf0a2-6a3e-4d3c-9a1e-3f1f6c1f0b11';
const POPUP_URL = `moz-extension://${ADDON_UUID}/popup.html`;

const SELLER_PAGE = {
  file: 'tests/fixtures/amazon/manage-inventory.en.html',
  url: 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25',
};

/** The WebExtension API as the popup page sees it (only what this test calls). */
interface AddonApi {
  alarms: { get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined> };
  action?: unknown;
  browserAction: { getBadgeText(details: object): Promise<string>; getBadgeBackgroundColor(details: object): Promise<number[]> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> };
}

/** What the adapter reads from the fixture in Node: the panels the browser must show, the listings the background must store. */
function readInNode(): { panelSkus: string[]; listingSkus: string[] } {
  const window = new Window({ url: SELLER_PAGE.url });
  window.document.write(readFileSync(SELLER_PAGE.file, 'utf8'));
  const url = new URL(SELLER_PAGE.url);
  const read = adapterForUrl(url)!.parse(window.document as unknown as Document, { url, market: marketplaceForUrl(url)!, now: new Date() });
  window.close();
  return { panelSkus: read.anchors.map((a) => a.sku), listingSkus: [...new Set(read.rows.filter((r) => r.kind === 'listing').map((r) => r.sku))].sort() };
}

/** '#cf222e' → [207, 34, 46, 255], as browserAction.getBadgeBackgroundColor answers. */
function rgba(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);
}

/**
 * Opens one of the add-on's pages in `page`. Puppeteer's goto never sees the load event when the
 * tab moves into the add-on's process ("Frame detached"), so the document itself is waited for.
 */
async function openAddonPage(page: Page, url: string): Promise<void> {
  page.goto(url).catch(() => undefined);
  await expect.poll(() => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''), { timeout: 20_000 }).toBe(`${url} complete`);
}

/** Sends a protocol message from the popup page, exactly as the popup does, and returns the reply's data. */
async function send<K extends 'skus/at-risk'>(page: Page, type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = await page.evaluate(
    (t, p) => (globalThis as unknown as { browser: AddonApi }).browser.runtime.sendMessage({ type: t, payload: p }),
    type,
    payload as never,
  );
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error}`);
  return reply.data as ResponseOf<K>;
}

let firefox: Browser;

beforeAll(async () => {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox: run `node scripts/ensure-firefox.mjs` or set FIREFOX_PATH.');
  firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Lets WebDriver BiDi navigate a tab to the add-on's moz-extension:// pages (refused otherwise).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }) },
  });
  // A temporary add-on, as about:debugging loads one: unsigned is fine, gone when Firefox closes.
  expect(await firefox.installExtension(ADDON_PATH)).toBe(ADDON_ID);
});

afterAll(async () => {
  await firefox?.close();
});

describe('the Firefox build in firefox-esr', () => {
  it('shows a panel for every row of a seller page, and the background stores the rows', async () => {
    const page = await firefox.newPage();
    await page.setRequestInterception(true);
    const body = readFileSync(SELLER_PAGE.file, 'utf8');
    const served = new URL(SELLER_PAGE.url);
    page.on('request', (request) => {
      const url = new URL(request.url());
      // The fixture at its real URL; anything else (product images) is refused: no network.
      if (url.origin === served.origin && url.pathname === served.pathname)
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
      // A request Firefox no longer holds cannot be refused (an unhandled rejection otherwise): nothing to do.
      else request.abort().catch(() => undefined);
    });
    await page.goto(SELLER_PAGE.url);
    await page.waitForSelector('stock-copilot-summary');
    const { panelSkus: skus, listingSkus } = readInNode();
    expect(skus.length).toBeGreaterThan(0);
    await expect.poll(() => page.$$eval('stock-copilot-panel', (hosts) => hosts.map((h) => (h as HTMLElement).dataset.sku)), { timeout: 20_000 }).toEqual(skus);
    // Panels rendered their content, not just their hosts.
    const rendered = await page.$$eval('stock-copilot-panel', (hosts) => hosts.filter((h) => (h.shadowRoot?.textContent ?? '').trim() !== '').length);
    expect(rendered).toBe(skus.length);
    // Details draws its charts with the chart module the content script imports from the add-on's URL (entrypoints/panel-chart.ts).
    await page.$eval('stock-copilot-panel', (host) => host.shadowRoot!.querySelector<HTMLElement>('[data-testid="toggle"]')!.click());
    const chart = () =>
      page.$eval('stock-copilot-panel', (host) => {
        const box = host.shadowRoot!.querySelector('[data-testid="chart"]');
        return box?.querySelector('canvas[data-chart="demand"]') ? 'drawn' : (box?.textContent ?? 'no chart box');
      });
    await expect.poll(chart, { timeout: 20_000 }).toBe('drawn');

    const popup = await firefox.newPage();
    await openAddonPage(popup, POPUP_URL);
    const market = marketplaceForUrl(SELLER_PAGE.url)!;
    await expect
      .poll(
        async () =>
          (await send(popup, 'skus/at-risk', { risk: 'all', marketplace: market.id, platform: market.platform, limit: 5000 })).items.map((i) => i.sku).sort(),
        {
          timeout: 20_000,
        },
      )
      .toEqual(listingSkus);
  });

  it('sets the toolbar badge through browserAction (an MV2 build has no action API)', async () => {
    const popup = await firefox.newPage();
    await openAddonPage(popup, POPUP_URL);
    expect(await popup.evaluate(() => typeof (globalThis as unknown as { browser: AddonApi }).browser.action)).toBe('undefined');
    const badge = () =>
      popup.evaluate(async () => {
        const { browserAction } = (globalThis as unknown as { browser: AddonApi }).browser;
        return { color: await browserAction.getBadgeBackgroundColor({}), text: await browserAction.getBadgeText({}) };
      });
    const { total } = await send(popup, 'skus/at-risk', { risk: 'attention', limit: 1 });
    // Firefox's default badge colour is a different red: only the background's own write gives BADGE_COLOR.
    await expect.poll(badge, { timeout: 20_000 }).toEqual({ color: rgba(BADGE_COLOR), text: badgeText(total) });
  });

  it('has the daily alarm, created by the background at start', async () => {
    const popup = await firefox.newPage();
    await openAddonPage(popup, POPUP_URL);
    const alarm = () => popup.evaluate((name) => (globalThis as unknown as { browser: AddonApi }).browser.alarms.get(name), DAILY_REPLAN_ALARM);
    await expect.poll(alarm, { timeout: 20_000 }).toMatchObject({ name: DAILY_REPLAN_ALARM, periodInMinutes: 24 * 60 });
  });
});

/**
 * Playwright fixtures: a Chromium with the real production build loaded, seller pages served
 * from fixture files at their real URLs (no network, no seller account), and the extension id.
 */
import { test as base, chromium, type BrowserContext, type Page, type Route, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extensionArgs, findChromium } from '../../scripts/lib/chromium.mjs';
import { sendWaking } from '../../lib/messaging/rpc';

export const EXTENSION_PATH = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
/** Pinned by the manifest key in wxt.config.ts. */
export const EXTENSION_ID = 'bjljbmdnahhiinnjhfdpielpalkjldff';

export interface SellerPage {
  /** Real seller URL to open. */
  url: string;
  /** Fixture file (path from the repo root) or HTML text to serve for it. */
  file?: string;
  html?: string;
}

type Fixtures = { context: BrowserContext; extensionId: string; serviceWorker: Worker; serve: (pages: SellerPage[]) => Promise<void> };

/** A fresh profile with the built extension; anything not served by a test is refused, so tests never touch the network. */
async function launchWithExtension(): Promise<BrowserContext> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` or set CHROMIUM_PATH.');
  const context = await chromium.launchPersistentContext('', { executablePath, headless: true, args: extensionArgs(EXTENSION_PATH) });
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  return context;
}

/** Serves `page` in `context` until the returned function is called. */
async function servePage(context: BrowserContext, page: SellerPage): Promise<() => Promise<void>> {
  const body = page.html ?? readFileSync(resolve(page.file!), 'utf8');
  const url = new URL(page.url);
  const matches = (candidate: URL) => candidate.origin === url.origin && candidate.pathname === url.pathname;
  const handler = (route: Route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  // A later route wins over an earlier one for the same URL (Playwright tries them newest first).
  await context.route(matches, handler);
  return () => context.unroute(matches, handler);
}

export const test = base.extend<Fixtures>({
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  serve: async ({ context }, use) => {
    await use(async (pages) => {
      for (const page of pages) await servePage(context, page);
    });
  },
});

/**
 * One browser for every test of a worker, for the many tests that each open a page or two and
 * then forget them: launching a profile with the extension costs about two seconds a test, which
 * CI's 20 minutes cannot pay for every fixture. Each test gets the same fixtures as `test`, on
 * the worker's browser with its store emptied (settings too, as "delete all data" does); the
 * pages it opened and the pages it served are gone after it. Not for tests of a fresh profile
 * (the guided start on install), of the service worker stopping, or of what the browser keeps.
 */
export const sharedBrowserTest = base.extend<Omit<Fixtures, 'serviceWorker' | 'extensionId'>, { sharedContext: BrowserContext }>({
  sharedContext: [
    async ({}, use) => {
      const context = await launchWithExtension();
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ sharedContext }, use) => {
    await emptyStore(sharedContext);
    const before = new Set(sharedContext.pages());
    await use(sharedContext);
    for (const page of sharedContext.pages()) if (!before.has(page)) await page.close();
  },
  serve: async ({ context }, use) => {
    const served: (() => Promise<void>)[] = [];
    await use(async (pages) => {
      for (const page of pages) served.push(await servePage(context, page));
    });
    for (const stop of served) await stop();
  },
});

/** Deletes every stored row (as the options page's "delete all data" does), from an options page of `context`. */
export async function emptyStore(context: BrowserContext): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await sendToExtension(options, 'data/delete-all', { confirm: 'delete-all' });
  await options.close();
}

export const expect = test.expect;

/**
 * Waits until every panel on the page has the background's fresh answer, i.e. the page's reading
 * is merged and stored: no panel still waits ("pending") or shows a stored plan or its own reading
 * while the re-plan runs ("updating"). Waiting only for "pending" lets a test stop the worker in
 * the middle of the merge, since a never-seen row shows its reading, marked updating, at once.
 */
export async function expectPanelsAnswered(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page
        .locator('stock-copilot-panel')
        .evaluateAll(
          (hosts) => hosts.length > 0 && hosts.every((h) => h.shadowRoot && !h.shadowRoot.querySelector('[data-testid="pending"], [data-testid="updating"]')),
        ),
    )
    .toBe(true);
}

/**
 * Sends a protocol message from an extension page (popup/options) and returns the typed reply,
 * exactly as the extension's own UI would.
 */
export async function sendToExtension<K extends import('../../lib/messaging/protocol').MessageType>(
  page: import('@playwright/test').Page,
  type: K,
  payload: import('../../lib/messaging/protocol').RequestOf<K>,
): Promise<import('../../lib/messaging/protocol').ResponseOf<K>> {
  type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> } } };
  // As the UI's client does (lib/messaging/rpc.ts sendWaking): a message that found the worker
  // stopping is sent again.
  const reply = (await sendWaking(
    (message) => page.evaluate((m) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage(m), message),
    { type, payload },
    (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  )) as { ok: boolean; data?: unknown; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error}`);
  return reply.data as import('../../lib/messaging/protocol').ResponseOf<K>;
}

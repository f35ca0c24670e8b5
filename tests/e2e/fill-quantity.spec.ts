/**
 * "Fill in N" on Manage All Inventory, with the real built extension in Chromium: the panel's
 * button types the suggested quantity into the merchant-fulfilled row's Available field the way
 * typing would, the page's React state takes it, and nothing is saved.
 *
 * The suggestion comes from the planner, from what the pages show: FILL-MUG is listed on eBay
 * (seller-fulfilled, 80) and on Amazon (merchant-fulfilled, 50), so both channels draw from the
 * own-warehouse pool and the pool's allocation gives Amazon a quantity other than its 50.
 *
 * Two variants of the same page: the fixture's plain-JS reproduction of a React controlled
 * input (script#react-like-input), and the field rendered by react-dom 19 itself (the fixture's
 * .app.ts, bundled here with Vite and served beside the page).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { buildEbayActiveListingsHtml } from '../fixtures/builders/ebay';
import { expect, test } from './extension';

const FIXTURE = 'tests/fixtures/pages/amazon-manage-inventory-react-input.html';
const REACT_APP = 'tests/fixtures/pages/amazon-manage-inventory-react-input.app.ts';
const AMAZON_URL = 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25';
const EBAY_URL = 'https://www.ebay.com/sh/lst/active';
const REACT_SCRIPT_URL = 'https://sellercentral.amazon.com/__fixtures__/react-quantity-input.js';
const SKU = 'FILL-MUG';
const AMAZON_LISTED = 50;

const EBAY_HTML = buildEbayActiveListingsHtml([
  {
    sku: SKU,
    title: 'Ceramic Mug 12 oz, Matte Black',
    itemId: '396000000555',
    status: 'active',
    fulfillment: 'SELLER',
    available: 80,
    priceMinor: 1199,
    currency: 'USD',
  },
]);

/** The fixture with its plain-JS controlled input swapped for the real-React bundle. */
function realReactHtml(): string {
  const html = readFileSync(resolve(FIXTURE), 'utf8');
  const swapped = html.replace(/<script id="react-like-input">[\s\S]*?<\/script>/, `<script src="${REACT_SCRIPT_URL}"></script>`);
  if (swapped === html) throw new Error('the fixture has no script#react-like-input to replace');
  return swapped;
}

let reactBundle: string | undefined;
/** react-dom 19 (production build) and the fixture's field, as one script for the page. */
async function bundleReactApp(): Promise<string> {
  if (reactBundle) return reactBundle;
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: process.cwd(),
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: true, lib: { entry: resolve(REACT_APP), formats: ['iife'], name: 'FixtureReactInput' } },
  });
  const result = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
  reactBundle = result.output[0]!.code!;
  return reactBundle;
}

async function serveReactScript(context: BrowserContext): Promise<void> {
  const body = await bundleReactApp();
  await context.route(
    (url) => url.href === REACT_SCRIPT_URL,
    (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }),
  );
}

/** Everything the page and the panel show about FILL-MUG, for assertions and failure messages. */
async function snapshot(page: Page) {
  return page.evaluate((sku) => {
    const host = document.querySelector<HTMLElement>(`stock-copilot-panel[data-sku="${sku}"]`);
    const shadow = host?.shadowRoot;
    const state = document.querySelector<HTMLElement>('[data-testid="fixture-state"]')!;
    const input = document.querySelector<HTMLInputElement>(`[data-sku="${sku}"] input[aria-label="available"]`);
    return {
      panel: shadow
        ? [...shadow.querySelectorAll('[data-testid]')]
            .map((e) => `${e.getAttribute('data-testid')}: ${e.textContent}`)
            .filter((t) => !t.startsWith('details:'))
            .join(' | ')
        : '(no panel)',
      fill: shadow?.querySelector('[data-testid="fill-quantity"]')?.textContent ?? null,
      inputValue: input?.value ?? null,
      stateQuantity: state.dataset.stateQuantity,
      onChangeCount: state.dataset.onchangeCount,
      status: state.textContent,
      saved: document.documentElement.dataset.saved ?? null,
      submitted: document.documentElement.dataset.submitted ?? null,
    };
  }, SKU);
}

for (const variant of ['react-like plain JS', 'real react-dom 19'] as const) {
  test(`${variant}: "Fill in" types the suggestion into the MFN Available field, React state takes it, nothing is saved`, async ({ context, serve }) => {
    const real = variant === 'real react-dom 19';
    if (real) await serveReactScript(context);
    await serve([{ url: EBAY_URL, html: EBAY_HTML }, real ? { url: AMAZON_URL, html: realReactHtml() } : { url: AMAZON_URL, file: FIXTURE }]);
    const tab = await context.newPage();

    // The other channel first: its listing joins the own-warehouse pool.
    await tab.goto(EBAY_URL);
    await expect.poll(() => tab.locator('stock-copilot-panel').evaluateAll((hosts) => hosts.map((h) => (h as HTMLElement).dataset.sku))).toEqual([SKU]);

    await tab.goto(AMAZON_URL);
    if (real) await expect(tab.locator('html[data-react-mounted="true"]')).toBeAttached();
    await expect
      .poll(() => tab.locator('stock-copilot-panel').evaluateAll((hosts) => hosts.map((h) => (h as HTMLElement).dataset.sku)))
      .toEqual([SKU, 'FILL-LAMP']);

    // The planner's suggestion for the Amazon listing: a button on the MFN row only (the FBA row has no field).
    const fill = tab.locator(`stock-copilot-panel[data-sku="${SKU}"]`).getByTestId('fill-quantity');
    await expect
      .poll(async () => (await snapshot(tab)).fill, { message: 'the FILL-MUG panel should offer "Fill in N"', timeout: 15_000 })
      .toMatch(/^Fill in \d+$/);
    await expect(tab.locator('stock-copilot-panel[data-sku="FILL-LAMP"]').getByTestId('fill-quantity')).toHaveCount(0);
    const before = await snapshot(tab);
    test.info().annotations.push({ type: 'panel before', description: before.panel });
    const suggested = Number(/(\d+)$/.exec(before.fill!)![1]);
    expect(suggested).not.toBe(AMAZON_LISTED);
    expect(before).toMatchObject({ inputValue: String(AMAZON_LISTED), stateQuantity: String(AMAZON_LISTED), onChangeCount: '0', saved: null, submitted: null });

    // Click, and read the panel's answer in the same task: the page's re-render after the edit
    // (value attribute, status text) makes the content script read the page again, and the
    // reader takes the field's live, unsaved value as Amazon's listed quantity, so the panel is
    // then re-rendered without the channel line and without this answer.
    const answer = await fill.evaluate((button) => {
      (button as HTMLButtonElement).click();
      return button.textContent;
    });
    expect(answer).toBe(`Filled in ${suggested}: review and save on the page`);

    const after = await snapshot(tab);
    test.info().annotations.push({ type: 'after fill', description: JSON.stringify(after) });
    // The field shows the number, the page's React state received it through one onChange ...
    expect(after.inputValue).toBe(String(suggested));
    expect(after.stateQuantity).toBe(String(suggested));
    expect(after.onChangeCount).toBe('1');
    expect(after.status).toBe(`1 unsaved change (FILL-MUG: ${suggested})`);
    // ... and nothing was saved or submitted: the seller reviews and saves.
    expect(after.saved).toBeNull();
    expect(after.submitted).toBeNull();
    await expect(tab.getByTestId('fixture-save')).toBeEnabled();

    // A React re-render keeps the number (a swallowed edit would be reset to 50 here).
    await tab.waitForTimeout(500);
    const settled = await snapshot(tab);
    test.info().annotations.push({ type: 'settled', description: JSON.stringify(settled) });
    expect(settled).toMatchObject({ inputValue: String(suggested), stateQuantity: String(suggested), onChangeCount: '1', saved: null, submitted: null });
  });
}

test("the fixture's plain-JS controlled input swallows a plain `input.value = x` like React does (why the native setter is used)", async ({
  context,
  serve,
}) => {
  await serve([{ url: AMAZON_URL, file: FIXTURE }]);
  const tab = await context.newPage();
  await tab.goto(AMAZON_URL);
  const result = await tab.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-sku="FILL-MUG"] input[aria-label="available"]')!;
    input.value = '12';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return document.querySelector<HTMLElement>('[data-testid="fixture-state"]')!.dataset.stateQuantity;
  });
  expect(result).toBe(String(AMAZON_LISTED));
});

/**
 * Panels at once (issue 14): a row's panel shows something in the same task as the read (its
 * own reading for a listing never seen, marked "updating"), the last stored plan (still marked)
 * as soon as the store answers, and the fresh plan when the re-plan is done.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { EXTENSION_ID, expect, sendToExtension, test } from './extension';

const URL_EN = 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25';
const FIXTURE_EN = 'tests/fixtures/amazon/manage-inventory.en.html';
const SKU = 'KTCH-BAMB-BRD';
const DAY = 86_400_000;

/**
 * Records, in the page's main world, every state each panel shows: the cover text and whether
 * it is marked as updating. A panel host's first state is read when the host appears (the
 * content script renders it in the same task), later ones on each change of its shadow root.
 */
function recordPanelStates(): void {
  const states: Record<string, string[]> = {};
  (globalThis as unknown as { __panelStates: typeof states }).__panelStates = states;
  const record = (host: Element) => {
    const root = host.shadowRoot;
    const sku = (host as HTMLElement).dataset.sku;
    if (!root || !sku) return;
    const cover = root.querySelector('[data-testid="days-of-cover"]')?.textContent ?? root.querySelector('[data-testid="pending"]')?.textContent ?? '';
    const state = `${cover}|${root.querySelector('[data-testid="updating"]') ? 'updating' : ''}`;
    const list = (states[sku] ??= []);
    if (list.at(-1) !== state) list.push(state);
  };
  const watched = new WeakSet<Element>();
  new MutationObserver(() => {
    for (const host of document.querySelectorAll('stock-copilot-panel')) {
      record(host);
      if (watched.has(host) || !host.shadowRoot) continue;
      watched.add(host);
      new MutationObserver(() => record(host)).observe(host.shadowRoot, { childList: true, subtree: true, characterData: true, attributes: true });
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-sku', 'data-signature'] });
}
const RECORD_PANEL_STATES = `var __name = (f) => f; (${String(recordPanelStates)})();`;

const statesOf = (page: Page, sku: string) =>
  page.evaluate((s) => (globalThis as unknown as { __panelStates: Record<string, string[]> }).__panelStates[s] ?? [], sku);

/** 60 days of shipped orders for one SKU, so its plan has days of cover. */
async function seedOrders(page: Page, sku: string) {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows = Array.from({ length: 60 }, (_, d) => ({
    kind: 'order' as const,
    platform: 'amazon' as const,
    marketplace: 'amazon.com',
    source: 'test/orders',
    observedAt: iso(now - 60_000),
    observedDate: iso(now).slice(0, 10),
    orderId: `111-0-${d}`,
    sku,
    quantity: 3,
    status: 'shipped' as const,
    orderDate: iso(now - (d + 1) * DAY).slice(0, 10),
  }));
  await sendToExtension(page, 'import/commit', { importId: `orders-${now}`, batchIndex: 0, rows, last: true });
}

test('a never-seen row shows its reading at once, a known one its stored plan, both marked updating until the fresh plan', async ({ context, serve }) => {
  const fixture = readFileSync(FIXTURE_EN, 'utf8');
  await serve([{ url: URL_EN, html: fixture }]);
  await context.addInitScript({ content: RECORD_PANEL_STATES });
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await seedOrders(ext, SKU);

  // First visit: the listing was never read. Its first panel is its own reading, marked as updating.
  const first = await context.newPage();
  await first.goto(URL_EN);
  const panel = first.locator(`[data-sku="${SKU}"] stock-copilot-panel`);
  await expect(panel.getByTestId('days-of-cover')).toHaveText(/^Days of cover: [\d,]+ d$/);
  await expect(panel.getByTestId('updating')).toHaveCount(0);
  const firstStates = await statesOf(first, SKU);
  expect(firstStates[0]).toBe('585 in stock|updating');
  expect(firstStates.at(-1)).toMatch(/^Days of cover: [\d,]+ d\|$/);
  await first.close();

  // Second visit, a day's sales later: the stored plan shows (marked) before the fresh one.
  await serve([{ url: URL_EN, html: fixture.replace('<span>585</span>', '<span>570</span>') }]);
  const second = await context.newPage();
  await second.goto(URL_EN);
  const again = second.locator(`[data-sku="${SKU}"] stock-copilot-panel`);
  await expect(again.getByTestId('updating')).toHaveCount(0);
  await expect(again.getByTestId('days-of-cover')).toHaveText(/^Days of cover: [\d,]+ d$/);
  const secondStates = await statesOf(second, SKU);
  // Its reading in the first frame, then the stored plan, then the fresh plan.
  expect(secondStates[0]).toBe('570 in stock|updating');
  expect(secondStates.some((s) => /^Days of cover: [\d,]+ d\|updating$/.test(s))).toBe(true);
  expect(secondStates.at(-1)).toMatch(/^Days of cover: [\d,]+ d\|$/);
});

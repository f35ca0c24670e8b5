import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_ID, expect, sharedBrowserTest as test } from './extension';
import { smallTargets } from './targets';
import { isoDateInZone } from '../../lib/locale/dates';

const POPUP = `chrome-extension://${EXTENSION_ID}/popup.html`;
const DAY = 86_400_000;

/** Sends one protocol message from an extension page and returns the reply's data. */
async function send(page: Page, type: string, payload: unknown): Promise<any> {
  const reply = await page.evaluate(([t, p]) => (globalThis as any).chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error}`);
  return reply.data;
}

function iso(ms: number) {
  return new Date(ms).toISOString();
}

/** The day a reader dates a reading made at `ms`: the marketplace's (US Pacific, the earliest of the seeded ones), not UTC's. */
function marketDay(ms: number) {
  return isoDateInZone(new Date(ms), 'America/Los_Angeles');
}

/** Listings and 60 days of orders, imported through the extension's own import message. */
async function seed(
  page: Page,
  listings: { platform: string; marketplace: string; sku: string; title: string; available: number; perDay: number; inbound?: number }[],
) {
  const now = Date.now();
  const rows: unknown[] = [];
  for (const l of listings) {
    rows.push({
      kind: 'listing',
      platform: l.platform,
      marketplace: l.marketplace,
      source: 'test/seed',
      observedAt: iso(now - 60_000),
      observedDate: marketDay(now),
      sku: l.sku,
      title: l.title,
      available: l.available,
      ...(l.inbound ? { inbound: l.inbound } : {}),
      fulfillment: 'SELLER',
    });
    for (let d = 1; d <= 60 && l.perDay > 0; d++) {
      rows.push({
        kind: 'order',
        platform: l.platform,
        marketplace: l.marketplace,
        source: 'test/seed',
        observedAt: iso(now - 60_000),
        observedDate: marketDay(now),
        orderId: `${l.sku}-${l.marketplace}-${d}`,
        sku: l.sku,
        quantity: l.perDay,
        status: 'shipped',
        orderDate: iso(now - d * DAY).slice(0, 10),
      });
    }
  }
  await send(page, 'import/commit', { importId: `seed-${now}`, batchIndex: 0, rows, last: true });
}

/** A listing reading of a CATALOG entry as the import stores it, read now. */
function catalogReading(sku: string) {
  const l = CATALOG.find((c) => c.sku === sku)!;
  const now = Date.now();
  return {
    kind: 'listing',
    platform: l.platform,
    marketplace: l.marketplace,
    source: 'test/seed',
    observedAt: iso(now),
    observedDate: marketDay(now),
    sku: l.sku,
    title: l.title,
    available: l.available,
    fulfillment: 'SELLER',
  };
}

async function openPopup(context: BrowserContext) {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 600, height: 640 });
  await popup.goto(POPUP);
  return popup;
}

const CATALOG = [
  { platform: 'amazon', marketplace: 'amazon.com', sku: 'SLOW-MUG', title: 'Ceramic mug', available: 500, perDay: 1 },
  { platform: 'amazon', marketplace: 'amazon.com', sku: 'FAST-LEASH', title: 'Dog leash', available: 30, perDay: 10, inbound: 200 },
  { platform: 'amazon', marketplace: 'amazon.de', sku: 'DE-BOTTLE', title: 'Trinkflasche', available: 60, perDay: 3 },
  { platform: 'walmart', marketplace: 'walmart.com', sku: 'WM-TEAPOT', title: 'Teapot 紫砂', available: 0, perDay: 2 },
];

/** The row cells whose text is taller than their fixed-height row (it would run over the next row), as "SKU: text". */
function overrunCells(popup: Page): Promise<string[]> {
  return popup
    .getByTestId('at-risk-row')
    .evaluateAll((rows) =>
      rows.flatMap((row) =>
        [...row.querySelectorAll('a > span')]
          .filter((cell) => cell.scrollHeight > row.clientHeight + 1)
          .map((cell) => `${row.getAttribute('data-sku')}: ${cell.textContent}`),
      ),
    );
}

/** The rows whose marketplace is cut (wider than its cell: "amazon.com" and "amazon.de" both read "amazon…"), as "SKU: marketplace". */
function cutMarketplaces(popup: Page): Promise<string[]> {
  return popup.getByTestId('at-risk-row').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const cell = row.querySelector('.market');
      return cell && cell.scrollWidth > cell.clientWidth + 1 ? [`${row.getAttribute('data-sku')}: ${cell.textContent}`] : [];
    }),
  );
}

test('a new user sees what to do first, and the popup passes an axe check', async ({ context }) => {
  const popup = await openPopup(context);
  await expect(popup.getByTestId('empty-state')).toBeVisible();
  await expect(popup.getByTestId('empty-state')).toContainText('Manage All Inventory');
  const results = await new AxeBuilder({ page: popup }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await smallTargets(popup)).toEqual([]);
});

test('lists the most urgent first; filters, search and a click that opens the seller page', async ({ context, serve }) => {
  const popup = await openPopup(context);
  await seed(popup, CATALOG);
  await popup.reload();
  const rows = popup.getByTestId('at-risk-row');
  await expect(rows).toHaveCount(4);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Needs attention');
  // Critical first (out of stock, then by days of cover), then the overstocked mug (excess).
  await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')))).toEqual(['WM-TEAPOT', 'FAST-LEASH', 'DE-BOTTLE', 'SLOW-MUG']);
  await expect(rows.first()).toHaveAttribute('data-urgency', 'critical');
  await expect(rows.nth(1).getByTestId('days-of-cover')).toHaveText(/^[0-9] d$/);
  // The leash runs out before its 200 inbound arrive: both dates; the mug has nothing inbound: one.
  await expect(rows.nth(1).getByTestId('stockout')).toHaveText(/^\d{1,2}\/\d{1,2}\/\d{4} · \d{1,2}\/\d{1,2}\/\d{4} with inbound$/);
  await expect(rows.nth(3).getByTestId('stockout')).toHaveText(/^\d{1,2}\/\d{1,2}\/\d{4}$/);

  const results = await new AxeBuilder({ page: popup }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // Rows, filters and links are 24 x 24 px targets (WCAG 2.5.8; inline links in running text are exempt).
  expect(await smallTargets(popup)).toEqual([]);
  // The overdue reorders (teapot, leash) fit their fixed-height rows instead of running over the next.
  await expect(rows.first().locator('.reorder')).toContainText('overdue since');
  expect(await overrunCells(popup)).toEqual([]);
  // Each marketplace is whole (it wraps before its domain where the column is narrow).
  expect(await cutMarketplaces(popup)).toEqual([]);
  await expect(popup.locator('[data-sku="WM-TEAPOT"] .market')).toHaveText('walmart.com');

  await popup.getByTestId('filter-platform').selectOption('amazon');
  await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')))).toEqual(['FAST-LEASH', 'DE-BOTTLE', 'SLOW-MUG']);
  await popup.getByTestId('filter-marketplace').selectOption('amazon.de');
  await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')))).toEqual(['DE-BOTTLE']);
  await popup.getByTestId('filter-platform').selectOption('');
  await popup.getByTestId('filter-risk').selectOption('overstock');
  await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')))).toEqual(['SLOW-MUG']);
  await popup.getByTestId('filter-risk').selectOption('all');
  await popup.getByLabel('Search SKU or title').fill('leash');
  await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')))).toEqual(['FAST-LEASH']);
  await popup.getByLabel('Search SKU or title').fill('紫砂');
  await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')))).toEqual(['WM-TEAPOT']);
  await popup.getByLabel('Search SKU or title').fill('');

  const target = 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&searchField=all&searchTerm=FAST-LEASH';
  await serve([{ url: target, html: '<!doctype html><title>Manage All Inventory</title><p>seller page</p>' }]);
  const opened = context.waitForEvent('page');
  await popup.locator('[data-sku="FAST-LEASH"] a').click();
  const tab = await opened;
  await expect.poll(() => tab.url()).toBe(target);
});

test("a page's reading problems: listed under a summary that is a 24 x 24 px target, and the open list passes an axe check", async ({ context, serve }) => {
  // The fixture's header has no account switcher: its reading is filed under the default
  // account, with a warning that says so (and whatever else the reader reports).
  const url = 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all';
  await serve([{ url, file: 'tests/fixtures/amazon/manage-inventory.en.html' }]);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('stock-copilot-summary').getByTestId('summary-updated')).toBeVisible();
  const popup = await openPopup(context);
  const problems = popup.getByTestId('diagnostics');
  await expect(problems).toBeVisible();
  await expect(problems.locator('summary')).toHaveText(/^Reading problems \(\d+\)$/);
  expect(await smallTargets(popup)).toEqual([]);
  await problems.locator('summary').click();
  await expect(problems.locator('li').first()).toBeVisible();
  const results = await new AxeBuilder({ page: popup }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('shows Chinese when the language setting is Chinese', async ({ context }) => {
  const popup = await openPopup(context);
  await seed(popup, CATALOG.slice(0, 2));
  // Only the options page may save settings (lib/messaging/senders.ts).
  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const { settings } = await send(options, 'settings/get', {});
  await send(options, 'settings/save', { settings: { ...settings, language: 'zh-CN' } });
  await options.close();
  await popup.reload();
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('需要处理的 SKU');
  await expect(popup.getByLabel('平台')).toBeVisible();
  await expect(popup.getByTestId('at-risk-row').first().getByTestId('days-of-cover')).toHaveText(/天$/);
  expect(await overrunCells(popup)).toEqual([]);
  const results = await new AxeBuilder({ page: popup }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('a long list loads its first rows, and the rest when the seller scrolls to them', async ({ context }) => {
  const popup = await openPopup(context);
  await seed(
    popup,
    Array.from({ length: 150 }, (_, i) => ({
      platform: 'amazon',
      marketplace: 'amazon.com',
      sku: `LONG-${String(i).padStart(3, '0')}`,
      title: `Long ${i}`,
      available: 10 + i,
      perDay: 0,
    })),
  );
  await popup.reload();
  // Nothing is known about their sales: they need no attention yet, so the default list is empty; "All SKUs" shows them.
  await expect(popup.getByTestId('at-risk-count')).toHaveText('0 of 0');
  await popup.getByTestId('filter-risk').selectOption('all');
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('All SKUs');
  await expect(popup.getByTestId('at-risk-count')).toHaveText('60 of 150');
  const scroller = popup.getByTestId('at-risk-scroll');
  await expect(popup.getByTestId('at-risk-row').first()).toBeVisible();
  await expect
    .poll(async () => {
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      return popup.getByTestId('at-risk-count').textContent();
    })
    .toBe('150 of 150');
  // The list is virtualised and grew under the scroll position when the rest arrived: scroll to the new end
  // (again, until it is drawn) rather than expect the last row to be there from the scroll that asked for it.
  const lastRow = popup.locator('[data-testid="at-risk-row"][data-sku="LONG-149"]');
  await expect
    .poll(async () => {
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      return lastRow.count();
    })
    .toBe(1);
});

test('the opening rows come from the background’s memory: said to be updating while a change is stored, then the changed ones', async ({ context }) => {
  const popup = await openPopup(context);
  await seed(popup, CATALOG);
  await popup.reload();
  const rows = popup.getByTestId('at-risk-row');
  await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')))).toEqual(['WM-TEAPOT', 'FAST-LEASH', 'DE-BOTTLE', 'SLOW-MUG']);
  await expect(popup.getByTestId('at-risk-updating')).toHaveCount(0);
  const opening = { risk: 'attention', limit: 60 };
  const before = await send(popup, 'skus/at-risk', opening);
  // The mug sells out: while that is stored and re-planned, the opening rows are the ones from before, marked as such.
  // Both messages leave in one turn of the popup's script, so the opening request reaches the
  // worker while the import's write runs (two separate evaluations let a busy machine finish the
  // write in between, and the reply was then the new one, rightly not marked updating).
  const { sellOut, during } = await popup.evaluate(
    async ([importPayload, atRiskPayload]) => {
      const runtime = (globalThis as any).chrome.runtime;
      const write = runtime.sendMessage({ type: 'import/commit', payload: importPayload });
      const read = await runtime.sendMessage({ type: 'skus/at-risk', payload: atRiskPayload });
      return { sellOut: await write, during: read };
    },
    [{ importId: 'sell-out', batchIndex: 0, last: true, rows: [{ ...catalogReading('SLOW-MUG'), available: 0 }] }, opening] as const,
  );
  expect(during).toMatchObject({ ok: true });
  expect(during.data).toEqual({ ...before, updating: true });
  expect(sellOut as { ok: boolean }).toMatchObject({ ok: true });
  await expect.poll(async () => (await send(popup, 'skus/at-risk', opening)).updating).toBeUndefined();
  await popup.reload();
  await expect(rows.first()).toBeVisible();
  await expect(popup.getByTestId('at-risk-updating')).toHaveCount(0);
  await expect(popup.locator('[data-testid="at-risk-row"][data-sku="SLOW-MUG"]')).toHaveAttribute('data-urgency', 'critical');
});

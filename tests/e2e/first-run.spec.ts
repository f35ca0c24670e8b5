import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_ID, expect, test } from './extension';

/**
 * The options tab the click opened at its import section. Found by its address, not as the next
 * tab to open: the guided start's tab (options.html#first-run, opened at install) can open late
 * on a loaded machine and be that next tab (CI, 2026-12-06).
 */
async function importTab(context: BrowserContext): Promise<Page> {
  const url = `chrome-extension://${EXTENSION_ID}/options.html#import`;
  await expect.poll(() => context.pages().some((p) => p.url() === url)).toBe(true);
  return context.pages().find((p) => p.url() === url)!;
}

const URL_EN = 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25';

test('a page whose SKUs have no sales data offers the order-history import, which opens the options page there', async ({ context, serve }) => {
  await serve([{ url: URL_EN, file: 'tests/fixtures/amazon/manage-inventory.en.html' }]);
  const page = await context.newPage();
  await page.goto(URL_EN);
  const bar = page.locator('stock-copilot-summary');
  // Manage All Inventory shows stock but no sales: every SKU waits for a sales history.
  await expect(bar.getByTestId('summary-no-sales')).toContainText(/^\d+ SKUs here have no sales data yet/);
  await bar.getByTestId('summary-import').click();
  const options = await importTab(context);
  await expect(options.locator('#import-heading')).toBeVisible();
});

test('a panel whose sales are unknown says so, links to the page that shows them and offers the import', async ({ context, serve }) => {
  await serve([{ url: URL_EN, file: 'tests/fixtures/amazon/manage-inventory.en.html' }]);
  const page = await context.newPage();
  await page.goto(URL_EN);
  // An FBA listing: its sales are on FBA Inventory of its own marketplace.
  const panel = page
    .locator('stock-copilot-panel')
    .filter({ has: page.getByTestId('sales-open-page') })
    .first();
  await expect(panel.getByTestId('days-of-cover')).toHaveText('Sales unknown');
  await expect(panel.getByTestId('sales-open-page')).toHaveAttribute('href', 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth');
  // No health score for it (its details say what is missing), never "healthy".
  await expect(panel.getByTestId('health')).toHaveText(/^Not enough data: /);
  await panel.getByTestId('sales-import').click();
  await importTab(context);
});

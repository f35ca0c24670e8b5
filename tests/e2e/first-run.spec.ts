import { EXTENSION_ID, expect, test } from './extension';

const URL_EN = 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25';

test('a page whose SKUs have no sales data offers the order-history import, which opens the options page there', async ({ context, serve }) => {
  await serve([{ url: URL_EN, file: 'tests/fixtures/amazon/manage-inventory.en.html' }]);
  const page = await context.newPage();
  await page.goto(URL_EN);
  const bar = page.locator('stock-copilot-summary');
  // Manage All Inventory shows stock but no sales: every SKU waits for a sales history.
  await expect(bar.getByTestId('summary-no-sales')).toContainText(/^\d+ SKUs here have no sales data yet/);
  const opened = context.waitForEvent('page');
  await bar.getByTestId('summary-import').click();
  const options = await opened;
  await expect.poll(() => options.url()).toBe(`chrome-extension://${EXTENSION_ID}/options.html#import`);
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
  const opened = context.waitForEvent('page');
  await panel.getByTestId('sales-import').click();
  const options = await opened;
  await expect.poll(() => options.url()).toBe(`chrome-extension://${EXTENSION_ID}/options.html#import`);
});

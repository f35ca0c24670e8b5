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

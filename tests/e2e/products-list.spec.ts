/**
 * The options page's product list at scale: thousands of products are a virtualised list loaded
 * a page at a time (only the products in view are in the DOM), searchable, most urgent first.
 */
import { EXTENSION_ID, expect, sendToExtension, sharedBrowserTest as test } from './extension';
import { isoDateInZone } from '../../lib/locale/dates';

const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/options.html`;
const PRODUCTS = 1_000;

test.describe.configure({ timeout: 180_000 });

test('thousands of products: only those in view are drawn, the rest load as the list scrolls, search finds one', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  const now = new Date();
  const rows = Array.from({ length: PRODUCTS }, (_, i) => ({
    kind: 'listing' as const,
    platform: 'amazon' as const,
    marketplace: 'amazon.com',
    source: 'test/seed',
    observedAt: new Date(now.getTime() - 60_000).toISOString(),
    // The marketplace's day, as a reader dates it (a UTC date is tomorrow there in the evening).
    observedDate: isoDateInZone(now, 'America/Los_Angeles'),
    sku: `BULK-${String(i).padStart(4, '0')}`,
    title: `Bulk product ${i}`,
    available: 10 + (i % 50),
    fulfillment: 'SELLER' as const,
  }));
  for (let start = 0; start < rows.length; start += 1_000)
    await sendToExtension(page, 'import/commit', {
      importId: `bulk-${now.getTime()}`,
      batchIndex: start / 1_000,
      rows: rows.slice(start, start + 1_000),
      last: start + 1_000 >= rows.length,
    });
  await page.reload();

  const count = page.getByTestId('products-count');
  // The import re-plans every product first (tens of seconds for 1,000 on a loaded machine).
  await expect(count).toHaveText('200 of 1,000 products', { timeout: 90_000 });
  const scroller = page.getByTestId('products-scroll');
  await expect(page.getByTestId('product').first()).toBeVisible();
  // Virtualised: a window's worth of products in the DOM, not 200 (nor 1,000).
  expect(await page.getByTestId('product').count()).toBeLessThan(40);

  await expect
    .poll(
      async () => {
        await scroller.evaluate((el) => {
          el.scrollTop = el.scrollHeight;
        });
        return count.textContent();
      },
      { timeout: 60_000 },
    )
    .toBe('1,000 of 1,000 products');
  // The last page may have arrived after the last scroll (the list then grew below the view):
  // scroll to the end again until the last product is drawn.
  await expect
    .poll(async () => {
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      return page.locator('[data-testid="product"][aria-posinset="1000"]').count();
    })
    .toBe(1);
  expect(await page.getByTestId('product').count()).toBeLessThan(40);

  await page.locator('#products-search').fill('BULK-0734');
  await expect(count).toHaveText('1 of 1 products');
  await expect(page.getByTestId('product')).toHaveText(/BULK-0734|Bulk product 734/);
});

/**
 * "Show me the column" in Chromium with the built extension: an eBay Active listings page whose
 * title header and title class the reader does not know
 * (tests/fixtures/teaching/ebay-active-listings.headline.html) is read without titles, with a
 * warning that offers the seller to show the column; the seller clicks the column on the page and
 * saves; the titles are read; after a reload they are read again from the stored column; the
 * options page lists the taught column and removes it.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { marketplaceForUrl } from '../../lib/locale/markets';
import { adapterForUrl } from '../../lib/platforms';
import { EXTENSION_ID, expect, sharedBrowserTest as test } from './extension';

const FILE = 'tests/fixtures/teaching/ebay-active-listings.headline.html';
const URL_ = 'https://www.ebay.com/sh/lst/active?offset=0&limit=200';

/** The SKUs the reader finds in Node once the title column is taught: what the browser must show. */
function expectedSkus(): string[] {
  const window = new Window({ url: URL_ });
  window.document.write(readFileSync(FILE, 'utf8'));
  const url = new URL(URL_);
  const read = adapterForUrl(url)!.parse(window.document as unknown as Document, {
    url,
    market: marketplaceForUrl(url)!,
    now: new Date(),
    taughtColumns: [{ field: 'title', header: 'Listing headline' }],
  });
  window.close();
  return read.anchors.map((a) => a.sku);
}

test('a seller teaches an unknown title header; the page is read, also after a reload; options list and remove it', async ({ context, serve }) => {
  const skus = expectedSkus();
  expect(skus.length).toBeGreaterThan(20);
  await serve([{ url: URL_, file: FILE }]);
  const page = await context.newPage();
  await page.goto(URL_);
  const panels = () => page.locator('stock-copilot-panel').evaluateAll((hosts) => hosts.map((h) => (h as HTMLElement).dataset.sku));

  // Read without titles: the bar names the missing column and offers to show it.
  await expect(page.getByTestId('summary-diagnostics')).toContainText('No "Title (product name)" column found; the rows were read without it');
  await expect.poll(panels).toEqual(skus);
  await page.getByTestId('teach-open').click();
  await expect(page.getByTestId('teach-column')).toBeFocused();
  await expect(page.getByTestId('teach-field')).toHaveValue('title');

  // A click on a cell of the column picks it (and does not follow the title link).
  await page.locator('tr.grid-row td.shui-dt-column__listingTitle a').first().click();
  expect(page.url()).toBe(URL_);
  await expect(page.getByTestId('teach-column')).toHaveValue('3');
  await page.getByTestId('teach-save').click();
  await expect(page.getByTestId('summary-notice')).toContainText('"Listing headline" is read as Title (product name)');
  await expect.poll(panels).toEqual(skus);
  await expect(page.getByTestId('teach-open')).toHaveCount(0);
  await expect(page.getByTestId('summary-diagnostics')).toHaveCount(0);

  // From now on the page is read with the taught column.
  await page.reload();
  await expect.poll(panels).toEqual(skus);
  await expect(page.getByTestId('summary-rows')).toContainText('SKUs on this page');
  await expect(page.getByTestId('teach-open')).toHaveCount(0);

  // The options page lists it; removing it brings the offer back on the next visit.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html#taught-columns`);
  const row = options.getByTestId('taught-column');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Listing headline');
  await expect(row).toContainText('Title (product name)');
  await expect(row).toContainText('ebay.com');
  await row.getByRole('button', { name: /Remove "Listing headline"/ }).click();
  await expect(options.getByTestId('taught-columns-empty')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('teach-open')).toBeVisible();
});

test('keyboard only: Tab to "Show me the column", choose the column in the list, save', async ({ context, serve }) => {
  await serve([{ url: URL_, file: FILE }]);
  const page = await context.newPage();
  await page.goto(URL_);
  const open = page.getByTestId('teach-open');
  await expect(open).toBeVisible();
  await open.focus();
  await page.keyboard.press('Enter');
  const column = page.getByTestId('teach-column');
  await expect(column).toBeFocused();
  await column.selectOption({ label: 'Listing headline' });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('teach-field')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('teach-save')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('summary-notice')).toContainText('"Listing headline" is read as Title (product name)');
  await expect(page.getByTestId('teach-open')).toHaveCount(0);
  await expect.poll(() => page.locator('stock-copilot-panel').count()).toBeGreaterThan(20);
});

import { readFileSync } from 'node:fs';
import { buildAmazonManageInventoryHtml } from '../fixtures/builders/amazon-manage-inventory';
import type { DemoListing } from '../fixtures/builders/types';
import { EXTENSION_ID, expect, sharedBrowserTest as test } from './extension';

const URL_EN = 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25';
const FIXTURE_EN = 'tests/fixtures/amazon/manage-inventory.en.html';

/** SKUs of the product rows in a fixture, in page order. */
function fixtureSkus(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/role="row" data-sku="([^"]+)"/g)].map((m) => m[1]!);
}

test('every row of Manage All Inventory gets exactly one panel, showing that row', async ({ context, serve }) => {
  await serve([{ url: URL_EN, file: FIXTURE_EN }]);
  const page = await context.newPage();
  await page.goto(URL_EN);
  const panels = page.locator('[data-sku] stock-copilot-panel');
  await expect(panels.first()).toBeVisible();
  await expect
    .poll(async () =>
      page.evaluate(() => {
        const rows = [...document.querySelectorAll('[class^="JanusTable-module__tableContentRow--"][data-sku]')];
        return rows.filter(
          (row) =>
            row.querySelectorAll('stock-copilot-panel').length === 1 &&
            (row.querySelector('stock-copilot-panel') as HTMLElement).dataset.sku === row.getAttribute('data-sku'),
        ).length;
      }),
    )
    .toBeGreaterThanOrEqual(fixtureSkus(FIXTURE_EN).length - 2);
  // No row has two panels, and no panel lives outside a row.
  expect(await page.locator('stock-copilot-panel').count()).toBe(await panels.count());
  // The summary bar counts what was read.
  await expect(page.locator('stock-copilot-summary').getByTestId('summary-rows')).toContainText('SKUs on this page');
});

test('panels follow the rows when the grid re-renders without a page load', async ({ context, serve }) => {
  await serve([{ url: URL_EN, file: FIXTURE_EN }]);
  const page = await context.newPage();
  await page.goto(URL_EN);
  await expect(page.locator('[data-sku] stock-copilot-panel').first()).toBeVisible();

  // What React does on sort and on "next page": reorder row elements, and reuse them for other SKUs.
  await page.evaluate(() => {
    const group = document.querySelector('[role="rowgroup"]')!;
    const rows = [...group.querySelectorAll(':scope > [data-sku]')];
    rows.reverse().forEach((row) => group.append(row));
    for (const row of rows.slice(0, 5)) {
      const sku = `${row.getAttribute('data-sku')}-P2`;
      for (const panel of row.querySelectorAll('[class^="JanusSplitBox-module__panel--"]')) {
        if (panel.textContent === row.getAttribute('data-sku')) panel.textContent = sku;
      }
      row.querySelector('[id]')?.setAttribute('id', sku);
      row.setAttribute('data-sku', sku);
    }
  });

  await expect
    .poll(() =>
      page.evaluate(() => {
        const rows = [...document.querySelectorAll('[role="rowgroup"] > [data-sku]')];
        const wrong = rows.filter((row) => {
          const hosts = row.querySelectorAll('stock-copilot-panel');
          return hosts.length > 1 || (hosts.length === 1 && (hosts[0] as HTMLElement).dataset.sku !== row.getAttribute('data-sku'));
        });
        const renamed = rows.filter(
          (row) =>
            row.getAttribute('data-sku')!.endsWith('-P2') &&
            (row.querySelector('stock-copilot-panel') as HTMLElement | null)?.dataset.sku === row.getAttribute('data-sku'),
        );
        return { wrong: wrong.length, renamed: renamed.length };
      }),
    )
    .toEqual({ wrong: 0, renamed: 5 });
});

test('the options page exports what was read as UTF-8 CSV with a BOM, Chinese titles intact', async ({ context, serve }) => {
  const rows: DemoListing[] = [
    {
      sku: 'ZH-TEAPOT-01',
      asin: 'B0CHTEA001',
      title: '紫砂茶壶 手工 宜兴 200ml',
      status: 'active',
      fulfillment: 'FBA',
      available: 37,
      inbound: 10,
      reserved: 2,
      unfulfillable: 0,
      priceMinor: 3999,
      currency: 'USD',
    },
    {
      sku: 'MUG-"QUOTED",1',
      asin: 'B0CHMUG002',
      title: 'Mug, large "12 oz"',
      status: 'active',
      fulfillment: 'SELLER',
      available: 5,
      priceMinor: 1299,
      currency: 'USD',
    },
  ];
  await serve([{ url: URL_EN, html: buildAmazonManageInventoryHtml(rows) }]);
  const page = await context.newPage();
  await page.goto(URL_EN);
  await expect(page.locator('[data-sku] stock-copilot-panel')).toHaveCount(2);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export listings as CSV' }).click();
  const file = await (await download).path();
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.trim().split(/\r\n/);
  expect(lines).toHaveLength(3);
  expect(text).toContain('紫砂茶壶 手工 宜兴 200ml');
  expect(text).toContain('"MUG-""QUOTED"",1"');
  const header = lines[0]!.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
  const teapot = lines.find((l) => l.includes('ZH-TEAPOT-01'))!.split(',');
  expect(teapot[header.indexOf('available')]).toBe('37');
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { EXTENSION_ID, expect, sendToExtension, sharedBrowserTest as test } from './extension';
import { smallTargets } from './targets';

const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/options.html`;
const MYI = 'tests/fixtures/reports/amazon/fba-myi.us.tsv';

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const event = page.waitForEvent('download');
  await click();
  return readFileSync(await (await event).path());
}

async function importMyi(page: Page) {
  await page.locator('#import-files').setInputFiles(MYI);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  return preview;
}

test('settings persist, validation shows next to the field, and the language switch turns the page Chinese', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  const cover = page.getByLabel('Target cover (days)');
  await expect(cover).toHaveValue('60');
  await cover.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#targetCoverDays-error')).toHaveText('Must be at least 1.');
  await cover.fill('45');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved. Plans were recalculated.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Target cover (days)')).toHaveValue('45');

  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 2, name: '设置' })).toBeVisible();
  await expect(page.getByLabel('目标可售天数')).toHaveValue('45');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: '导入报告' })).toBeVisible();
});

test('the markdown ladder takes as many steps as the seller types, in any order; a word is refused next to the field', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  const ladder = page.locator('#clearance\\.ladderPct');
  await expect(ladder).toHaveValue('10, 20, 30, 100');
  await ladder.fill('15, half');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#clearance\\.ladderPct-error')).toBeVisible();
  await ladder.fill('40, 5，15, 100, 25');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved. Plans were recalculated.')).toBeVisible();
  expect((await sendToExtension(page, 'settings/get', {})).settings.clearance.ladderPct).toEqual([5, 15, 25, 40, 100]);
  await page.reload();
  await expect(page.locator('#clearance\\.ladderPct')).toHaveValue('5, 15, 25, 40, 100');
});

test('a report import previews counts and error lines, stores nothing until confirmed, then shows in products, charts and every export', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  const preview = await importMyi(page);
  const counts = preview.getByTestId('import-counts').locator('tr[data-report="amazon/fba-myi"]');
  await expect(counts.getByTestId('count-listing')).toHaveText('5');
  await expect(counts.getByTestId('count-errors')).toHaveText('1');
  await expect(preview.getByTestId('import-problems').locator('tr[data-line="6"]').first()).toBeVisible();
  // Nothing stored yet.
  await expect(page.getByText('No products yet: open your seller pages or import a report.')).toBeVisible();

  await preview.getByRole('button', { name: 'Store 5 rows' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Stored 5 rows (5 new listings');
  const towel = page.locator('[data-product-id="p:amazon|amazon.com|BAM-TOWEL-GRY-2PK"]');
  await expect(towel).toBeVisible();
  // One line per product until opened: its urgency word, name, cover and each stock by name with its units.
  await expect(towel.getByTestId('product-meta')).toContainText('Amazon FBA · North America: 120');
  await expect(towel.getByTestId('product-urgency')).not.toBeEmpty();
  expect((await towel.boundingBox())!.height).toBeLessThan(50);
  await expect(towel.getByTestId('link-rule')).toHaveCount(0);

  await towel.getByRole('button', { name: /Details of/ }).click();
  await expect(towel.getByTestId('link-rule')).toHaveText('Own product (nothing matched)');
  await expect(towel.getByTestId('chart-stock')).toBeVisible();
  await expect.poll(() => towel.getByTestId('chart-stock').evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);
  await expect(towel.getByTestId('chart-stock')).toHaveAttribute('aria-label', /in stock; reorder point/);

  const csv = (await download(page, () => page.getByRole('button', { name: 'Download CSV' }).click())).toString('utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  // Every text cell quoted (no spreadsheet in any locale evaluates a title), numbers plain.
  expect(lines[0]).toMatch(/^"Level","Product ID","Name","Platform","Marketplace","SKU","Stock per pool",/);
  expect(lines.filter((l) => l.startsWith('"Product",'))).toHaveLength(5);
  expect(lines.filter((l) => l.startsWith('"Listing",'))).toHaveLength(5);
  expect(csv).toContain('BAM-TOWEL-GRY-2PK');

  const xlsx = unzipSync(new Uint8Array(await download(page, () => page.getByRole('button', { name: 'Download Excel (XLSX)' }).click())));
  expect(Object.keys(xlsx)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']));
  expect([...strFromU8(xlsx['xl/workbook.xml']!).matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1])).toEqual(['Products', 'Listings']);
  // Each sheet: its own bold header row (frozen, with an autofilter) and one row per product or listing.
  for (const sheet of [strFromU8(xlsx['xl/worksheets/sheet1.xml']!), strFromU8(xlsx['xl/worksheets/sheet2.xml']!)]) {
    expect(sheet.match(/<row /g)).toHaveLength(6);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toMatch(/<autoFilter ref="A1:[A-Z]+6"\/>/);
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Product ID</t></is></c>');
    expect(sheet).toContain('BAM-TOWEL-GRY-2PK');
    expect(sheet).not.toContain('<f>');
    // The inbound's expected arrival is a date cell (a serial number in the date style), not text.
    expect(sheet).toMatch(/<c r="[A-Z]+\d+" s="2"><v>\d{5}<\/v><\/c>/);
  }

  const json = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Download JSON' }).click())).toString('utf8'));
  expect(json.rows).toHaveLength(10);
  expect(json.rows.find((r: { sku: string; level: string }) => r.sku === 'BAM-TOWEL-GRY-2PK' && r.level === 'Listing').available).toBe(120);

  // The product line in Chinese: the same stock by its Chinese name.
  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
  await expect(towel.getByTestId('product-meta')).toContainText('亚马逊 FBA · 北美：120');
});

test('backup, delete all, restore round trip; a foreign file is refused and data is untouched', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  await (await importMyi(page)).getByRole('button', { name: 'Store 5 rows' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const listingsRow = page.getByTestId('storage').locator('tr[data-table="listings"] td').first();
  await expect(listingsRow).toHaveText('5');

  const backup = await download(page, () => page.getByRole('button', { name: 'Download backup' }).click());
  expect(JSON.parse(backup.toString('utf8').split('\n')[0]!).format).toBe('stock-copilot-backup');

  await page.getByRole('button', { name: 'Delete all data' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByTestId('storage-total-rows')).toHaveText('0');
  await expect(page.getByText('No products yet: open your seller pages or import a report.')).toBeVisible();

  await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await expect(page.getByTestId('restore-result')).toContainText('Restored');
  await expect(listingsRow).toHaveText('5');
  await expect(page.locator('[data-product-id="p:amazon|amazon.com|BAM-TOWEL-GRY-2PK"]')).toBeVisible();

  await page
    .getByLabel('Restore from a backup file')
    .setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"some":"other app"}') });
  await expect(page.getByTestId('restore-result')).toHaveText('Not restored, your data is unchanged: this file is not a Stock Copilot backup.');
  await expect(listingsRow).toHaveText('5');
});

test('the options page passes an automated accessibility check, with a product open, and its controls are 24 x 24 px targets', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  await (await importMyi(page)).getByRole('button', { name: 'Store 5 rows' }).click();
  await page
    .getByTestId('product')
    .first()
    .getByRole('button', { name: /Details of/ })
    .click();
  await expect(page.getByTestId('product-detail').getByTestId('chart-demand')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
  // Every button, field, checkbox and link outside running text (WCAG 2.5.8 exempts those) is a 24 x 24 px target.
  expect(await smallTargets(page)).toEqual([]);
});

test('a warehouse made in the options page takes a listing from the product view, which then shows two pools', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  // One product sold from the seller's own stock on Amazon (FBM) and eBay: one pool, own:main.
  const at = new Date().toISOString();
  const own = (platform: 'amazon' | 'ebay', marketplace: string, available: number) => ({
    kind: 'listing' as const,
    platform,
    marketplace,
    source: `${platform}/listings`,
    observedAt: at,
    observedDate: at.slice(0, 10),
    sku: 'BOWL-3',
    title: 'Stoneware bowl',
    available,
    fulfillment: 'SELLER' as const,
  });
  await sendToExtension(page, 'import/commit', {
    importId: 'bowl',
    batchIndex: 0,
    rows: [own('amazon', 'amazon.com', 40), own('ebay', 'ebay.com', 30)],
    last: true,
  });
  await page.reload();

  const warehouses = page.getByTestId('warehouses');
  await expect(warehouses.locator('tr[data-warehouse-id="own:main"] [data-testid="warehouse-listings"]')).toHaveText('2');
  await page.getByLabel('New warehouse name').fill('East');
  await page.getByRole('button', { name: 'Create warehouse' }).click();
  await expect(warehouses.locator('tr[data-warehouse-id="own:east"] [data-testid="warehouse-name"]')).toHaveText('East');
  // A second warehouse with the same name is refused next to the field.
  await page.getByLabel('New warehouse name').fill('east');
  await expect(page.locator('#warehouse-new-name-error')).toHaveText('There is already a warehouse named East.');
  await page.getByLabel('New warehouse name').fill('');

  const bowl = page.locator('[data-product-id="p:amazon|amazon.com|BOWL-3"]');
  await bowl.getByRole('button', { name: /Details of/ }).click();
  const detail = bowl.getByTestId('product-detail');
  await expect(detail.getByTestId('pool')).toHaveCount(1);
  await detail.getByLabel('Warehouse of BOWL-3 on ebay.com').selectOption({ label: 'East' });
  await detail.getByRole('button', { name: 'Move BOWL-3 on ebay.com' }).click();

  await expect(detail.getByTestId('pool')).toHaveCount(2);
  await expect(detail.locator('[data-testid="pool"][data-pool-id="own:east"] tr[data-key="ebay|ebay.com|BOWL-3"]')).toBeVisible();
  await expect(detail.locator('[data-testid="pool"][data-pool-id="own:main"] tr[data-key="amazon|amazon.com|BOWL-3"]')).toBeVisible();
  // Its one line names both stocks now.
  await expect(bowl.getByTestId('product-pool')).toHaveText(['Own warehouse · east: 30', 'Own warehouse · main warehouse: 40']);
  await expect(warehouses.locator('tr[data-warehouse-id="own:east"] [data-testid="warehouse-listings"]')).toHaveText('1');
  // East is in use now: it cannot be deleted until its listing moves.
  await expect(warehouses.locator('tr[data-warehouse-id="own:east"]')).toContainText('Move its listings elsewhere to delete it');
  const results = await new AxeBuilder({ page }).include('#warehouses').include('[data-product-id="p:amazon|amazon.com|BOWL-3"]').analyze();
  expect(results.violations.map((v) => `${v.impact} ${v.id}`)).toEqual([]);
});

/**
 * Backup and restore of a large store in Chromium, through the options page: the backup is
 * written in many parts into a download, everything is deleted, the file is restored (checked
 * whole, then written), and a second backup has the same rows and checksum in every table.
 * A damaged file is refused with the data untouched, in English and in Chinese.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { EXTENSION_ID, expect, sendToExtension, sharedBrowserTest as test } from './extension';

const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/options.html`;
const SKUS = 300;
// 13,500 readings, about 8 MB: two or more `backup/next` parts, the case the test is for (80 days took ~50 s of the CI run).
const DAYS = 45;
const BATCH = 5_000;

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const event = page.waitForEvent('download');
  await click();
  return readFileSync(await (await event).path());
}

/** Rows and checksum per table, from a backup's header line. */
function tablesOf(backup: Buffer): Record<string, { rows: number; checksum: string }> {
  const text = backup.toString('utf8');
  const header = JSON.parse(text.slice(0, text.indexOf('\n')));
  expect(header).toMatchObject({ format: 'stock-copilot-backup', version: 2 });
  return header.tables;
}

/** SKUS listings with DAYS days of readings each, imported in batches as the options page does. */
async function seed(page: Page): Promise<void> {
  const today = new Date();
  const rows = [];
  for (let d = 1; d <= DAYS; d++) {
    const at = new Date(today.getTime() - d * 86_400_000).toISOString();
    for (let i = 0; i < SKUS; i++) {
      rows.push({
        kind: 'listing' as const,
        platform: 'amazon' as const,
        marketplace: 'amazon.com',
        source: 'amazon/manage-inventory',
        observedAt: at,
        observedDate: at.slice(0, 10),
        sku: `BIG-${String(i).padStart(4, '0')}`,
        title: `Generated item ${i} «${d % 7}»`,
        fulfillment: 'FBA' as const,
        available: (i * 7 + d * 3) % 400,
      });
    }
  }
  for (let b = 0; b * BATCH < rows.length; b++) {
    const batch = rows.slice(b * BATCH, (b + 1) * BATCH);
    await sendToExtension(page, 'import/commit', { importId: 'e2e-big', batchIndex: b, rows: batch, last: (b + 1) * BATCH >= rows.length });
  }
}

test('a large store: backup in parts, delete all, restore; every table has the same rows and checksum', async ({ context }) => {
  test.setTimeout(900_000); // a shared two-core machine can be slow: the figures are in `npm run bench -- backup`
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  await seed(page);
  await page.reload();

  const first = await download(page, () => page.getByRole('button', { name: 'Download backup' }).click());
  const before = tablesOf(first);
  expect(before.observations!.rows).toBe(SKUS * DAYS);
  expect(before.listings!.rows).toBe(SKUS);
  // Larger than one `backup/next` part (BACKUP_MESSAGE_BYTES / 2): it came in several.
  expect(first.length).toBeGreaterThan(4 * 1024 * 1024);
  await expect(page.getByTestId('backup-result')).toContainText(
    `Backup of ${Object.values(before)
      .reduce((n, t) => n + t.rows, 0)
      .toLocaleString('en')} rows`,
  );

  await page.getByRole('button', { name: 'Delete all data' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByTestId('storage-total-rows')).toHaveText('0', { timeout: 120_000 });

  await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'backup.ndjson', mimeType: 'application/x-ndjson', buffer: first });
  await expect(page.getByTestId('restore-result')).toContainText('Restored', { timeout: 300_000 });
  await expect(page.getByTestId('restore-interrupted')).toHaveCount(0);

  const second = await download(page, () => page.getByRole('button', { name: 'Download backup' }).click());
  expect(tablesOf(second)).toEqual(before);
});

test('a damaged backup is refused before anything changes, in English and Chinese', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  await sendToExtension(page, 'import/commit', {
    importId: 'e2e-small',
    batchIndex: 0,
    rows: [
      {
        kind: 'listing',
        platform: 'amazon',
        marketplace: 'amazon.com',
        source: 'amazon/manage-inventory',
        observedAt: new Date(Date.now() - 86_400_000).toISOString(),
        observedDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        sku: 'MUG-1',
        fulfillment: 'FBA',
        available: 5,
      },
    ],
    last: true,
  });
  await page.reload();
  const backup = await download(page, () => page.getByRole('button', { name: 'Download backup' }).click());
  const cut = backup.subarray(0, backup.lastIndexOf('\n', backup.length - 2) + 1); // the last line gone
  const total = page.getByTestId('storage-total-rows');
  const rowsBefore = await total.textContent();

  await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'cut.ndjson', mimeType: 'application/x-ndjson', buffer: cut });
  await expect(page.getByTestId('restore-result')).toHaveText(
    /^Not restored, your data is unchanged: this backup is incomplete: the file was cut off\. \(.+ rows\)$/,
  );
  await expect(total).toHaveText(rowsBefore!);

  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN'); // saves the settings (a row more)
  await expect(page.getByLabel('从备份文件恢复')).toBeVisible();
  const stored = async () => (await sendToExtension(page, 'data/storage', {})).totalRows;
  const rowsInChinese = await stored();
  await page.getByLabel('从备份文件恢复').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"some":"other app"}') });
  await expect(page.getByTestId('restore-result')).toHaveText('未恢复，现有数据保持不变：此文件不是库存助手备份。');
  expect(await stored()).toBe(rowsInChinese);
});

import { EXTENSION_ID, expect, sendToExtension, sharedBrowserTest as test } from './extension';

const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/options.html`;
const FEE_PREVIEW = 'tests/fixtures/reports/amazon/fee-preview.us.tsv';

test("a Fee Preview import lists where it differs from the seller's size entries, keeps them, and fills the SKUs without one", async ({ context }) => {
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  const { settings } = await sendToExtension(page, 'settings/get', {});
  settings.fbaFees.sizeBySku['BAM-TOWEL-GRY-2PK'] = { tier: 'small-standard', shippingWeightOz: 33.6 };
  await sendToExtension(page, 'settings/save', { settings });
  await page.reload();

  await page.locator('#import-files').setInputFiles(FEE_PREVIEW);
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-counts').locator('tr[data-report="amazon/fee-preview"]').getByTestId('count-listing')).toHaveText('7');
  for (const line of ['7', '8', '9']) await expect(preview.getByTestId('import-problems').locator(`tr[data-line="${line}"]`)).toBeVisible();
  const differences = preview.getByTestId('import-fee-facts');
  await expect(differences.getByRole('heading', { name: 'Your size and volume entries are kept' })).toBeVisible();
  const tier = differences.locator('tr[data-sku="BAM-TOWEL-GRY-2PK"][data-fact="sizeTier"]');
  await expect(tier).toContainText('Small standard');
  await expect(tier).toContainText('Large standard');
  await expect(differences.locator('tr[data-sku="BAM-TOWEL-GRY-2PK"][data-fact="shippingWeightOz"]')).toContainText('64.46');
  await expect(differences.locator('tbody tr')).toHaveCount(2); // SKUs without an entry are not listed

  await preview.getByRole('button', { name: 'Store 7 rows' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Stored 7 rows');
  const after = await sendToExtension(page, 'settings/get', {});
  expect(after.settings.fbaFees.sizeBySku['BAM-TOWEL-GRY-2PK']).toEqual({ tier: 'small-standard', shippingWeightOz: 33.6 });
  expect(Object.keys(after.settings.fbaFees.sizeBySku)).toEqual(['BAM-TOWEL-GRY-2PK']); // the report filled no entry: the plans read it from the store
});

test("the SKU editor shows each size and volume a report read, with its source and day; the seller's entry wins and clearing it goes back to the report's", async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  const { settings } = await sendToExtension(page, 'settings/get', {});
  settings.fbaFees.sizeBySku['BAM-TOWEL-GRY-2PK'] = { tier: 'small-standard', shippingWeightOz: 33.6 };
  await sendToExtension(page, 'settings/save', { settings });
  await page.reload();
  await page.locator('#import-files').setInputFiles(FEE_PREVIEW);
  await page.getByTestId('import-preview').getByRole('button', { name: 'Store 7 rows' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Stored 7 rows');
  await page.reload();

  // The seller's row: the entry is kept, the report's figure named under it; the empty volume field shows the report's.
  await expect(page.locator('#skuFacts\\.0\\.sku')).toHaveValue('BAM-TOWEL-GRY-2PK');
  await expect(page.locator('#skuFacts\\.0\\.tier')).toHaveValue('small-standard');
  await expect(page.locator('[id="skuFacts.0.tier-hint"]')).toHaveText(/^Fee Preview, .+: Large standard\. Your entry is used; clear it to use this\.$/);
  await expect(page.locator('[id="skuFacts.0.weight-hint"]')).toContainText('64.46 oz. Your entry is used');
  await expect(page.locator('#skuFacts\\.0\\.volume')).toHaveValue('');
  await expect(page.locator('#skuFacts\\.0\\.volume')).toHaveAttribute('placeholder', '0.3241');
  await expect(page.locator('[id="skuFacts.0.volume-hint"]')).toHaveText(/^Fee Preview, .+: 0\.3241 cubic feet\. Used while this field is empty\.$/);

  // SKUs with no row of the seller's are listed with what was read; "Enter your own" opens a row for one.
  const read = page.getByTestId('read-sku-facts');
  await expect(read.locator('tr[data-sku="BAM-TOWEL-GRY-2PK"]')).toHaveCount(0);
  const phone = read.locator('tr[data-sku="PHONE-CASE-BLK"]');
  await expect(phone).toContainText('Fee Preview');
  await phone.getByRole('button', { name: 'Enter your own' }).click();
  await expect(page.locator('#skuFacts\\.1\\.sku')).toHaveValue('PHONE-CASE-BLK');
  await expect(page.locator('[id="skuFacts.1.tier-hint"]')).toContainText('Used while this field is empty.');
  await expect(read.locator('tr[data-sku="PHONE-CASE-BLK"]')).toHaveCount(0);

  // Clearing the entry: the report's figures are used again, and the editor says so.
  await page.locator('#skuFacts\\.0\\.tier').selectOption('');
  await page.locator('#skuFacts\\.0\\.weight').fill('');
  await expect(page.locator('[id="skuFacts.0.tier-hint"]')).toContainText('Large standard. Used while this field is empty.');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved. Plans were recalculated.')).toBeVisible();
  expect((await sendToExtension(page, 'settings/get', {})).settings.fbaFees.sizeBySku).toEqual({});

  // The same notes in Chinese.
  const saved = (await sendToExtension(page, 'settings/get', {})).settings;
  await sendToExtension(page, 'settings/save', { settings: { ...saved, language: 'zh-CN' } });
  await page.reload();
  // No entry is left, so the SKU is listed with what was read; entering values of one's own shows the note under each field.
  const readZh = page.getByTestId('read-sku-facts');
  await expect(readZh.locator('caption')).toHaveText('从报告和页面读取的其他 SKU 数值（您未填写时使用）');
  const towel = readZh.locator('tr[data-sku="BAM-TOWEL-GRY-2PK"]');
  await expect(towel).toContainText('大号标准尺寸');
  await expect(towel).toContainText('费用预览');
  await towel.getByRole('button', { name: '自行填写' }).click();
  await expect(page.locator('[id="skuFacts.0.tier-hint"]')).toHaveText(/^费用预览，.+：大号标准尺寸。此栏为空时使用此数值。$/);
});

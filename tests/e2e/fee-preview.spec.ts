import { EXTENSION_ID, expect, sendToExtension, test } from './extension';

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

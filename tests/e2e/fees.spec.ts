/**
 * The fee-aware FBA plan end to end (issue 15): the seller's size tier and unit volume entered
 * on the options page, months of FBA stock from the inventory planning report, then FBA
 * Inventory showing historical days of supply under 28: the row's panel tells the seller to
 * send, with the low-inventory fee at risk as money.
 */
import { EXTENSION_ID, expect, sharedBrowserTest as test } from './extension';

const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/options.html`;
const FBA_URL = 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth';
const FIXTURE = 'tests/fixtures/amazon/fba-inventory-fees.en.html';
const SKU = 'FEES-LEAN-1';

/** Days of inventory planning reports the seller imports. */
const DAYS = 45;

/**
 * One inventory planning report a day for the last DAYS days (Amazon's report is a snapshot: one
 * line per SKU): the SKU ran lean (80 to 210 units, 10 sold a day), the history the historical
 * days of supply come from.
 */
function planningReports(today: Date): { name: string; mimeType: string; buffer: Buffer }[] {
  const header = [
    'snapshot-date',
    'sku',
    'fnsku',
    'asin',
    'product-name',
    'condition',
    'available',
    'currency',
    'units-shipped-t7',
    'units-shipped-t30',
    'units-shipped-t90',
  ];
  return Array.from({ length: DAYS }, (_, k) => {
    const date = new Date(today.getTime() - (DAYS - k) * 86_400_000).toISOString().slice(0, 10);
    const line = [date, SKU, 'X0FEES0001', 'B0FEES0001', 'Stackable Pantry Bins, 4-Pack', 'New', 210 - (k % 14) * 10, 'USD', 70, 300, 900];
    return { name: `inventory-planning-${date}.tsv`, mimeType: 'text/tab-separated-values', buffer: Buffer.from(`${header.join('\t')}\n${line.join('\t')}\n`) };
  });
}

test('FBA Inventory under the low-inventory floor: the panel says to send, with the fee at risk in dollars', async ({ context, serve }) => {
  const options = await context.newPage();
  await options.goto(OPTIONS_URL);
  // The seller's per-SKU facts: the fee's size tier and the unit volume (no page shows them here).
  await options.getByRole('button', { name: 'Add SKU' }).click();
  await options.locator('#skuFacts\\.0\\.sku').fill(SKU);
  await options.locator('#skuFacts\\.0\\.tier').selectOption('small-standard');
  await options.locator('#skuFacts\\.0\\.weight').fill('8');
  await options.locator('#skuFacts\\.0\\.volume').fill('0.05');
  // Money in dollars with its symbol, the default beside it.
  await expect(options.getByLabel('January to September ($)')).toHaveValue('0.78');
  await expect(options.locator('#fbaFees\\.lowInventoryMarginDays-hint')).toHaveText('Default: 7');
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByText('Settings saved. Plans were recalculated.')).toBeVisible();

  await options.locator('#import-files').setInputFiles(planningReports(new Date()));
  const preview = options.getByTestId('import-preview');
  await preview.getByRole('button', { name: `Store ${DAYS} rows` }).click();
  await expect(options.getByTestId('import-done')).toContainText(`Stored ${DAYS} rows`);

  await serve([{ url: FBA_URL, file: FIXTURE }]);
  const page = await context.newPage();
  await page.goto(FBA_URL);
  const panel = page.locator(`stock-copilot-panel[data-sku="${SKU}"]`);
  await expect(panel.getByTestId('days-of-cover')).toBeVisible();
  await panel.getByTestId('toggle').click();
  await expect(panel.locator('[data-testid="alerts"] li[data-code="fba-floor-send"]')).toHaveText(
    /^Send [\d,]+ by .+ to stay above the low-inventory floor \(~\$[\d,]+ at risk\)$/,
  );
  // A SKU with no sales in 90 days ("–" on the page): no low-inventory action.
  const slow = page.locator('stock-copilot-panel[data-sku="FEES-SLOW-2"]');
  await expect(slow.getByTestId('toggle')).toBeVisible();
  await expect(slow.locator('li[data-code="fba-floor-send"]')).toHaveCount(0);
});

test('the options page edits the low-inventory rates, a capacity limit with AWD use and the WFS rates in dollars, and keeps them', async ({ context }) => {
  const options = await context.newPage();
  await options.goto(OPTIONS_URL);
  const smallFirstBand = options.locator('#fbaFees\\.lowInventoryPerUnit\\.0\\.perUnitMinor\\.0');
  await expect(smallFirstBand).toHaveValue('0.89');
  await expect(options.locator('#fbaFees\\.lowInventoryPerUnit\\.0\\.perUnitMinor\\.0-hint')).toHaveText('Default: $0.89');
  await smallFirstBand.fill('0.95');
  await options.getByRole('button', { name: 'Add capacity limit' }).click();
  await options.locator('#fbaFees\\.capacityCubicFeetByMarketplace\\.amazon\\.com').fill('1200');
  // The seller uses AWD there: its days to FBA start at the default and are editable.
  await options.locator('#fbaFees\\.awdByMarketplace\\.amazon\\.com\\.enabled').check();
  await expect(options.locator('#fbaFees\\.awdByMarketplace\\.amazon\\.com\\.legDays')).toHaveValue('20');
  await options.locator('#fbaFees\\.awdByMarketplace\\.amazon\\.com\\.legDays').fill('25');
  await expect(options.locator('#storageFees\\.wfsPerCubicFoot\\.storage')).toHaveValue('0.75');
  await options.locator('#storageFees\\.wfsPerCubicFoot\\.longTerm').fill('8');
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByText('Settings saved. Plans were recalculated.')).toBeVisible();

  await options.reload();
  await expect(options.locator('#fbaFees\\.lowInventoryPerUnit\\.0\\.perUnitMinor\\.0')).toHaveValue('0.95');
  await expect(options.locator('#fbaFees\\.lowInventoryPerUnit\\.0\\.perUnitMinor\\.1')).toHaveValue('0.63');
  await expect(options.locator('#fbaFees\\.capacityCubicFeetByMarketplace\\.amazon\\.com')).toHaveValue('1200');
  await expect(options.locator('#fbaFees\\.awdByMarketplace\\.amazon\\.com\\.enabled')).toBeChecked();
  await expect(options.locator('#fbaFees\\.awdByMarketplace\\.amazon\\.com\\.legDays')).toHaveValue('25');
  await expect(options.locator('#storageFees\\.wfsPerCubicFoot\\.longTerm')).toHaveValue('8');
});

test('a shipment over the FBA capacity limit: Details prices holding the rest in AWD, where the seller uses it', async ({ context, serve }) => {
  const options = await context.newPage();
  await options.goto(OPTIONS_URL);
  await options.getByRole('button', { name: 'Add SKU' }).click();
  await options.locator('#skuFacts\\.0\\.sku').fill(SKU);
  await options.locator('#skuFacts\\.0\\.tier').selectOption('small-standard');
  await options.locator('#skuFacts\\.0\\.weight').fill('8');
  await options.locator('#skuFacts\\.0\\.volume').fill('0.05');
  // 12 cubic feet hold 240 units of 0.05: far less than the planned shipment.
  await options.getByRole('button', { name: 'Add capacity limit' }).click();
  await options.locator('#fbaFees\\.capacityCubicFeetByMarketplace\\.amazon\\.com').fill('12');
  await options.locator('#fbaFees\\.awdByMarketplace\\.amazon\\.com\\.enabled').check();
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByText('Settings saved. Plans were recalculated.')).toBeVisible();

  await serve([{ url: FBA_URL, file: FIXTURE }]);
  const page = await context.newPage();
  await page.goto(FBA_URL);
  const panel = page.locator(`stock-copilot-panel[data-sku="${SKU}"]`);
  await expect(panel.getByTestId('days-of-cover')).toBeVisible();
  await panel.getByTestId('toggle').click();
  await expect(panel.locator('[data-testid="alerts"] li[data-code="fba-capacity-hold-awd"]')).toHaveText(
    /^FBA capacity \(12 cu ft\) takes only [\d,]+ on .+: hold the other [\d,]+ in your own warehouse \(no Amazon fee\) or in AWD \(~\$[\d,]+: storage for up to [\d,]+ days until FBA has room, [\d,]+ boxes of 1 in and out, transport; AWD to FBA takes 20 days\)$/,
  );
});

import { readFileSync } from 'node:fs';
import { formatDate } from '../../lib/i18n/format';
import { EXTENSION_ID, expect, sharedBrowserTest as test } from './extension';

const URL = 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth';
const FIXTURE = 'tests/fixtures/amazon/fba-inventory.en.html';

test('FBA Inventory: a row with units inbound shows the stockout on sellable stock and the one counting the inbound', async ({ context, serve }) => {
  await serve([{ url: URL, file: FIXTURE }]);
  const page = await context.newPage();
  await page.goto(URL);
  // KTCH-MEAL-PRP: 281 available, 279 inbound, 148 sold in 30 days.
  const withInbound = page.locator('stock-copilot-panel[data-sku="KTCH-MEAL-PRP"]');
  await expect(withInbound.getByTestId('stockout')).toHaveText(/^Runs out \d{1,2}\/\d{1,2}\/\d{4} · \d{1,2}\/\d{1,2}\/\d{4} with the 279 inbound$/);
  const [onHand, counting] = (await withInbound.getByTestId('stockout').textContent())!.match(/\d{1,2}\/\d{1,2}\/\d{4}/g)!.map((d) => Date.parse(d));
  // 279 more units at about 5 a day: weeks later, not days.
  expect((counting! - onHand!) / 86_400_000).toBeGreaterThan(30);
  // KTCH-BAMB-BRD has nothing inbound: one date.
  await expect(page.locator('stock-copilot-panel[data-sku="KTCH-BAMB-BRD"]').getByTestId('stockout')).toHaveText(/^Runs out \d{1,2}\/\d{1,2}\/\d{4}$/);
});

test('the expected arrival the seller enters in the options page is what the panel counts', async ({ context, serve }) => {
  await serve([{ url: URL, file: FIXTURE }]);
  const page = await context.newPage();
  await page.goto(URL);
  const withInbound = page.locator('stock-copilot-panel[data-sku="KTCH-MEAL-PRP"]');
  await expect(withInbound.getByTestId('stockout')).toHaveText(/with the 279 inbound$/);
  const dates = async () => (await withInbound.getByTestId('stockout').textContent())!.match(/\d{1,2}\/\d{1,2}\/\d{4}/g)!.map((d) => Date.parse(d));
  const [onHand] = await dates();

  // Expected 60 days after the stock on hand runs out: the shelf is empty in between, and the
  // inbound sells from its arrival, so the second date is after the arrival.
  const arrival = new Date(onHand! + 60 * 86_400_000).toISOString().slice(0, 10);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html#inbound`);
  const row = options.getByTestId('inbound-row').filter({ hasText: 'KTCH-MEAL-PRP' });
  await expect(row).toContainText('(estimated)');
  await row.getByLabel(/Expected arrival of the 279 inbound units of KTCH-MEAL-PRP/).fill(arrival);
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByTestId('inbound-planned')).toHaveText(formatDate('en', arrival));

  await page.reload();
  await expect.poll(async () => (await dates())[1]! >= Date.parse(arrival)).toBe(true);
});

test('a shipment read from the Shipments page, tied to a SKU in the options page, dates its inbound in the panel', async ({ context, serve }) => {
  // The fixture's in-transit shipment, its delivery window moved to 10-14 days from today.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
  const shown = (d: Date) => d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const eta = day(14).toISOString().slice(0, 10);
  const shipmentsUrl = 'https://sellercentral.amazon.com/gp/ssof/shipping-queue.html';
  const shipmentsHtml = readFileSync('tests/fixtures/amazon/shipments.en.html', 'utf8').replace(
    'Dec 18, 2026 - Dec 22, 2026',
    `${shown(day(10))} - ${shown(day(14))}`,
  );
  await serve([
    { url: URL, file: FIXTURE },
    { url: shipmentsUrl, html: shipmentsHtml },
  ]);
  const page = await context.newPage();
  await page.goto(URL);
  const withInbound = page.locator('stock-copilot-panel[data-sku="KTCH-MEAL-PRP"]');
  await expect(withInbound.getByTestId('stockout')).toHaveText(/with the 279 inbound$/);
  await page.goto(shipmentsUrl);
  // A page of shipments has no SKU rows: the bar says what they hold (five read, one closed; 442 + 300 + 340 + 96 units to arrive).
  const bar = page.locator('stock-copilot-summary');
  await expect(bar.getByTestId('summary-shipments')).toHaveText('5 shipments read, 4 open');
  await expect(bar.getByTestId('summary-inbound')).toHaveText('1,178 units inbound');
  await expect(bar.getByTestId('summary-rows')).toHaveCount(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html#inbound`);
  await expect(options.getByTestId('shipment-row').filter({ hasText: 'FBA17XYZ12AB' })).toContainText('In transit');
  const row = options.getByTestId('inbound-row').filter({ hasText: 'KTCH-MEAL-PRP' });
  await row.getByLabel(/Shipment holding the 279 inbound units of KTCH-MEAL-PRP/).selectOption('FBA17XYZ12AB');
  await expect(row.getByTestId('inbound-planned')).toHaveText(formatDate('en', eta));

  await page.goto(URL);
  await withInbound.getByTestId('toggle').click();
  await expect(withInbound.getByTestId('facts')).toContainText(`279 inbound, expected ${formatDate('en', eta)}`);
});

test('a shipment’s contents page ties its SKUs by itself: units split across two shipments are listed with their own dates', async ({ context, serve }) => {
  // KTCH-MEAL-PRP: 279 inbound, 179 in FBA17XYZ12AB (the English contents page) and 100 in
  // FBA17XYZ90JK (the Chinese one); their dates moved to 14 and 40 days from today.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
  const shown = (d: Date) => d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const [soon, late] = [day(14).toISOString().slice(0, 10), day(40).toISOString().slice(0, 10)];
  const contentsUrl = (id: string) => `https://sellercentral.amazon.com/fba/inbound-shipment/summary/${id}/contents`;
  await serve([
    { url: URL, file: FIXTURE },
    {
      url: contentsUrl('FBA17XYZ12AB'),
      html: readFileSync('tests/fixtures/amazon/shipment-contents.en.html', 'utf8').replace(
        'Dec 18, 2026 - Dec 22, 2026',
        `${shown(day(10))} - ${shown(day(14))}`,
      ),
    },
    {
      url: contentsUrl('FBA17XYZ90JK'),
      html: readFileSync('tests/fixtures/amazon/shipment-contents.zh.html', 'utf8').replace('2027/01/04', late.replace(/-/g, '/')),
    },
  ]);
  const page = await context.newPage();
  await page.goto(URL);
  await expect(page.locator('stock-copilot-panel[data-sku="KTCH-MEAL-PRP"]').getByTestId('stockout')).toHaveText(/with the 279 inbound$/);
  await page.goto(contentsUrl('FBA17XYZ12AB'));
  // Each SKU row shows its listing's panel, counted by the summary bar; the 279 stay inbound, not on hand.
  const bar = page.locator('stock-copilot-summary');
  await expect(bar.getByTestId('summary-rows')).toHaveText('3 SKUs on this page');
  await expect(page.locator('stock-copilot-panel')).toHaveCount(3);
  const meal = page.locator('stock-copilot-panel[data-sku="KTCH-MEAL-PRP"]');
  await expect(meal.getByTestId('stockout')).toHaveText(/with the 279 inbound$/);
  await expect(page.locator('stock-copilot-panel').getByTestId('pending')).toHaveCount(0);
  await page.goto(contentsUrl('FBA17XYZ90JK'));
  await expect(page.locator('stock-copilot-summary')).toBeAttached();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html#inbound`);
  const row = options.getByTestId('inbound-row').filter({ hasText: 'KTCH-MEAL-PRP' });
  await expect(row.getByTestId('inbound-arrival')).toHaveText([
    `179 units · ${formatDate('en', soon)} · FBA17XYZ12AB (from the shipment's contents)`,
    `100 units · ${formatDate('en', late)} · FBA17XYZ90JK (from the shipment's contents)`,
  ]);
  // The plan counts the first shipment's day, not a guess.
  await expect(row.getByTestId('inbound-planned')).toHaveText(formatDate('en', soon));
});

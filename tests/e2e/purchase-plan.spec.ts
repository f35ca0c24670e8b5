/**
 * The purchase plan end to end in Chromium with the built extension: two FBA products with 60
 * days of orders and a reorder due, one from a supplier with an MOQ and case pack. The seller
 * opens the plan from the popup's link, marks both lines ordered (date, PO reference), exports
 * the supplier's purchase order as XLSX (read back and checked), and every view's panel data
 * then shows the units on order and no reorder for them; the cash view shows the chart, the
 * days of inventory and the cash conversion cycle; an order marked received is no longer on order.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { defaultSettings } from '../../lib/settings';
import { EXTENSION_ID, expect, sendToExtension, sharedBrowserTest as test } from './extension';

const DAY = 86_400_000;
const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/options.html`;
const PRODUCTS = [
  { sku: 'PO-MUG', title: 'Ceramic mug 350 ml', perDay: 6, available: 40 },
  { sku: 'PO-LAMP', title: 'LED desk lamp', perDay: 3, available: 25 },
];

/** The products as a seller's import: today's FBA stock and 60 days of shipped orders each. */
async function seed(page: Page) {
  const now = Date.now();
  const at = new Date(now - 60_000).toISOString();
  const rows = PRODUCTS.flatMap((p) => [
    {
      kind: 'listing',
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: 'report:test/inventory',
      observedAt: at,
      observedDate: at.slice(0, 10),
      sku: p.sku,
      title: p.title,
      available: p.available,
      fulfillment: 'FBA',
    },
    // The mug also sells on amazon.ca from the same North American FBA stock: a member listing of the pool.
    ...(p.sku === 'PO-MUG'
      ? [
          {
            kind: 'listing',
            platform: 'amazon',
            marketplace: 'amazon.ca',
            source: 'report:test/inventory',
            observedAt: at,
            observedDate: at.slice(0, 10),
            sku: p.sku,
            title: p.title,
            available: p.available,
            fulfillment: 'FBA',
          },
        ]
      : []),
    ...Array.from({ length: 60 }, (_, i) => ({
      kind: 'order',
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: 'report:test/orders',
      observedAt: at,
      observedDate: at.slice(0, 10),
      orderId: `${p.sku}-${i}`,
      sku: p.sku,
      quantity: p.perDay,
      status: 'shipped',
      orderDate: new Date(now - (i + 1) * DAY).toISOString().slice(0, 10),
    })),
  ]);
  const settings = defaultSettings();
  settings.leadTimes.suppliers.Acme = { productionDays: 20, transitDays: {}, moq: 300, casePack: 24 };
  settings.leadTimes.skuSupplier['PO-MUG'] = 'Acme';
  await sendToExtension(page, 'settings/save', { settings });
  await sendToExtension(page, 'import/commit', { importId: 'purchase-plan', batchIndex: 0, rows: rows as never, last: true });
  await sendToExtension(page, 'purchasing/costs-save', { unitCosts: [{ sku: 'PO-MUG', supplierId: 'Acme', unitCostMinor: 250, currency: 'USD' }] });
}

test('mark two lines ordered, export the supplier PO as XLSX, and see the units on order', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(OPTIONS_URL);
  await seed(page);
  const listed = async () => (await sendToExtension(page, 'skus/at-risk', { risk: 'all', search: 'PO-', limit: 10 })).items;
  const before = new Map((await listed()).map((i) => [i.sku, i]));
  expect(before.get('PO-MUG')!.reorderQuantity).toBeGreaterThan(0);
  expect(before.get('PO-MUG')!.onOrder).toBeUndefined();

  // The popup links to the plan.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await expect(popup.getByRole('link', { name: 'Purchase plan' })).toHaveAttribute('href', '/options.html#purchase-plan');
  await popup.close();

  // The page was opened before the data was there: open the plan afresh.
  await page.goto(`${OPTIONS_URL}#purchase-plan`);
  await page.reload();
  const plan = page.getByTestId('purchase-plan');
  const acme = plan.locator('[data-testid="purchase-group"][data-supplier="Acme"]');
  const mugLine = acme.locator('[data-testid="purchase-line"][data-sku="PO-MUG"]');
  // At least the MOQ, in whole cases of 24.
  const mugQuantity = Number((await mugLine.getByTestId('purchase-quantity').textContent())!.replace(/,/g, ''));
  expect(mugQuantity).toBeGreaterThanOrEqual(300);
  expect(mugQuantity % 24).toBe(0);
  await expect(mugLine).toContainText('A: lean, reorder often');

  // Export the supplier's purchase order as XLSX and read it back.
  const download = page.waitForEvent('download');
  await acme.getByRole('button', { name: 'Purchase order Acme (XLSX)' }).click();
  const file = await (await download).path();
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  expect(sheet).toContain('PO-MUG');
  expect(sheet).toContain('Ceramic mug 350 ml');
  // The line and its purchase order rows name the stock the units replenish, as the products page does.
  const stock = (await mugLine.getByTestId('purchase-stock').textContent())!;
  expect(stock).toMatch(/^(Amazon FBA|Walmart WFS|Own warehouse) · /);
  expect(sheet).toContain(stock);
  // One row per shipping mode (the plan may split the order between air and sea): they add up to the line.
  // Number cells, with or without a style (money columns are currency cells).
  const column = (letter: string) => [...sheet.matchAll(new RegExp(`<c r="${letter}\\d+"(?: s="\\d+")?><v>([\\d.]+)</v>`, 'g'))].map((m) => Number(m[1]));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  // Columns: SKU, title, the stock the units replenish, quantity, cases, unit cost, total.
  expect(sum(column('D'))).toBe(mugQuantity);
  expect(sum(column('E'))).toBe(mugQuantity / 24);
  expect(column('E').every(Number.isInteger)).toBe(true);
  expect(column('F').length).toBeGreaterThan(0);
  expect(column('F').every((cost) => cost === 2.5)).toBe(true);
  expect(sum(column('G'))).toBe(mugQuantity * 2.5);
  expect(sheet).not.toContain('PO-LAMP');

  // Mark both lines ordered.
  await mugLine.getByRole('button', { name: 'Mark PO-MUG ordered' }).click();
  await page.getByLabel('PO reference (optional)').fill('PO-2026-001');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('[data-testid="placed-order"][data-sku="PO-MUG"]')).toContainText('PO-2026-001');
  const lampLine = plan.locator('[data-testid="purchase-line"][data-sku="PO-LAMP"]');
  const lampQuantity = Number((await lampLine.getByTestId('purchase-quantity').textContent())!.replace(/,/g, ''));
  await lampLine.getByRole('button', { name: 'Mark PO-LAMP ordered' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('placed-order')).toHaveCount(2);
  await expect(page.locator('[data-testid="placed-order"] [data-testid="placed-state"]')).toHaveText(['On order', 'On order']);
  await expect(plan.getByTestId('purchase-line')).toHaveCount(0);

  // The listings' panel data (re-planned with the orders netted): units on order, and the reorder
  // net of them; a reorder they cover entirely is no longer due (no reorder shown).
  const after = new Map((await listed()).map((i) => [i.sku, i]));
  const net = (sku: string, ordered: number) => {
    const left = before.get(sku)!.reorderQuantity! - ordered;
    return left > 0 ? left : null;
  };
  expect(after.get('PO-MUG')).toMatchObject({ onOrder: mugQuantity, reorderQuantity: net('PO-MUG', mugQuantity) });
  expect(after.get('PO-LAMP')).toMatchObject({ onOrder: lampQuantity, reorderQuantity: net('PO-LAMP', lampQuantity) });
  // Both channels of the shared FBA stock show the units on order once (not once per channel).
  const mugPanels = (await listed()).filter((i) => i.sku === 'PO-MUG');
  expect(mugPanels.map((i) => [i.marketplace, i.pool?.poolId, i.onOrder])).toEqual(
    expect.arrayContaining([
      ['amazon.com', 'fba:NA', mugQuantity],
      ['amazon.ca', 'fba:NA', mugQuantity],
    ]),
  );

  // The cash view: 26 weeks, the placed mug order paid this week, and the chart drawn.
  const cash = page.getByTestId('cash');
  await expect(cash.getByTestId('cash-week')).toHaveCount(26);
  await expect(cash.getByTestId('cash-week').first().locator('td').nth(1)).toHaveText(`$${(mugQuantity * 2.5).toLocaleString('en-US')}.00`);
  await expect(cash.getByTestId('cash-chart')).toHaveAttribute('aria-label', /^Cash chart: /);
  expect(await cash.getByTestId('cash-chart').evaluate((c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(0);
  // Days of inventory and turnover of the priced product, and the cash conversion cycle (payout 14 days by default).
  await expect(cash.getByTestId('cash-cycle')).toContainText(/^Cash conversion cycle: [\d.,]+ days/);
  await expect(cash.getByTestId('cash-product')).toHaveCount(1);
  await expect(cash.getByTestId('cash-product').locator('th')).toHaveText('PO-MUG');

  // The mug arrives: marked received, it is no longer on order anywhere.
  await page.getByRole('button', { name: 'Mark order of PO-MUG received' }).click();
  await expect(page.locator('[data-testid="placed-order"][data-sku="PO-MUG"] [data-testid="placed-state"]')).toHaveText('Received');
  await expect.poll(async () => (await listed()).find((i) => i.sku === 'PO-MUG')!.onOrder).toBeUndefined();

  // Cancelling one puts its reorder back.
  await page.getByRole('button', { name: 'Cancel order of PO-LAMP' }).click();
  await expect(page.getByTestId('placed-order')).toHaveCount(1);
  await expect(plan.locator('[data-testid="purchase-line"][data-sku="PO-LAMP"]')).toHaveCount(1);
});

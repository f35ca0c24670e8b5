/**
 * Two seller accounts on amazon.com in one browser profile, both selling a `MUG-1` (different
 * goods): read in turn, they stay apart in the row panels, the popup, the exports and the plans,
 * and the popup's account filter shows each. The pages are the Manage All Inventory fixture
 * with the Seller Central header's account switcher (tests/fixtures/accounts/amazon-account-switcher.html).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { buildAmazonManageInventoryHtml } from '../fixtures/builders/amazon-manage-inventory';
import type { DemoListing } from '../fixtures/builders/types';
import { EXTENSION_ID, expect, expectPanelsAnswered, sendToExtension, test } from './extension';

const URL = 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all';
const base = { status: 'active', currency: 'USD', reserved: 0, unfulfillable: 0, inbound: 0, fulfillment: 'FBA' } as const;

/** The Seller Central header's account switcher, as the fixture note describes it. */
function header(merchantId: string, name: string): string {
  return `<div id="sc-navbar-container"><div class="dropdown-account-switcher" data-merchant-id="${merchantId}">
<button class="dropdown-account-switcher-header"><div class="dropdown-account-switcher-header-label">
<span class="dropdown-account-switcher-header-label-global">${name}</span><span>|</span><span>United States</span></div></button></div></div>`;
}

function page(merchantId: string, name: string, listings: DemoListing[]): string {
  return buildAmazonManageInventoryHtml(listings).replace(/<body([^>]*)>/, (_m, attrs: string) => `<body${attrs}>${header(merchantId, name)}`);
}

const ACCOUNT_A = page('A1NORTHWIND0001', 'Northwind Home', [
  { ...base, sku: 'MUG-1', asin: 'B0ACCTA001', title: 'Blue stoneware mug', available: 380, priceMinor: 1499 },
  { ...base, sku: 'A-ONLY', asin: 'B0ACCTA002', title: 'Northwind teapot', available: 40, priceMinor: 2999 },
]);
const ACCOUNT_B = page('A2CONTOSO00002', 'Contoso Kitchen', [
  { ...base, sku: 'MUG-1', asin: 'B0ACCTB001', title: 'Red enamel camping mug', available: 12, priceMinor: 999 },
]);
const B_ID = 'amazon-a2contoso00002';

/** Opens the page and waits until every panel has the background's answer (the reading is stored). */
async function read(tab: Page, skus: string[]) {
  await tab.goto(URL);
  await expect.poll(() => tab.locator('stock-copilot-panel').evaluateAll((hosts) => hosts.map((h) => (h as HTMLElement).dataset.sku).sort())).toEqual(skus);
  await expectPanelsAnswered(tab);
}

/** The text of the panel of a SKU on the page (its shadow root). */
function panelText(tab: Page, sku: string): Promise<string> {
  return tab.locator(`stock-copilot-panel[data-sku="${sku}"]`).evaluate((host) => host.shadowRoot?.textContent ?? '');
}

/**
 * Serves the inventory page of whichever account `signedIn()` names at the same URL, as Seller
 * Central does after the seller switches account in the page's own switcher.
 */
function serveSignedIn(context: BrowserContext, signedIn: () => string) {
  return context.route(
    (u) => u.hostname === 'sellercentral.amazon.com' && u.pathname === '/myinventory/inventory',
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: signedIn() }),
  );
}

test('two accounts with the same SKU on amazon.com stay apart in panels, popup, exports and plans', async ({ context }) => {
  // Five page reads, a popup and the options page: past the default minute on a loaded shared two-core machine.
  test.setTimeout(120_000);
  let current = ACCOUNT_A;
  await serveSignedIn(context, () => current);
  const tab = await context.newPage();
  await read(tab, ['A-ONLY', 'MUG-1']);
  const panelA = await panelText(tab, 'MUG-1');
  current = ACCOUNT_B;
  await read(tab, ['MUG-1']);
  const panelB = await panelText(tab, 'MUG-1');
  // Panels: each account's MUG-1 shows its own stock.
  expect(panelA).toMatch(/\b380\b/);
  expect(panelB).toMatch(/\b12\b/);
  expect(panelB).not.toMatch(/\b380\b/);

  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const { accounts } = await sendToExtension(ext, 'accounts/list', {});
  expect(accounts.map((a) => [a.id, a.name])).toEqual([
    ['default', 'Northwind Home'],
    [B_ID, 'Contoso Kitchen'],
  ]);

  // Plans: one plan per account's MUG-1, each on its own stock.
  const listed = async (account?: string) =>
    (await sendToExtension(ext, 'skus/at-risk', { risk: 'all', limit: 50, ...(account ? { account } : {}) })).items
      .map((i) => `${i.sku}:${i.account ?? 'default'}:${i.available}`)
      .sort();
  expect(await listed()).toEqual(['A-ONLY:default:40', `MUG-1:${B_ID}:12`, 'MUG-1:default:380']);
  expect(await listed('default')).toEqual(['A-ONLY:default:40', 'MUG-1:default:380']);
  expect(await listed(B_ID)).toEqual([`MUG-1:${B_ID}:12`]);

  // Exports: the listings CSV has an account column and exports one account on request; the
  // merged report has two MUG-1 products, each with its own FBA pool's stock.
  const csvB = await sendToExtension(ext, 'export/listings-csv', { account: B_ID });
  expect(csvB.rowCount).toBe(1);
  expect(csvB.csv).toContain('Red enamel camping mug');
  expect(csvB.csv).not.toContain('Blue stoneware mug');
  const merged = await sendToExtension(ext, 'export/merged', {});
  const mugs = merged.products.filter((p) => p.listings.some((l) => l.sku === 'MUG-1'));
  expect(mugs).toHaveLength(2);
  expect(mugs.map((p) => p.pools.map((pool) => `${pool.poolId}=${pool.stock}`).join()).sort()).toEqual([`fba:NA/${B_ID}=12`, 'fba:NA=380']);

  // Popup: every account, then each one through the account filter.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await popup.getByTestId('filter-risk').selectOption('all');
  const rows = popup.getByTestId('at-risk-row');
  const titles = () => rows.evaluateAll((els) => els.map((e) => e.querySelector('.title')?.textContent ?? '').sort());
  await expect.poll(titles).toEqual(['Blue stoneware mug', 'Northwind teapot', 'Red enamel camping mug']);
  // Every account listed: each row says whose it is.
  const owners = () =>
    rows.evaluateAll((els) => els.map((e) => `${e.querySelector('.title')?.textContent}=${e.querySelector('.account')?.textContent}`).sort());
  await expect.poll(owners).toEqual(['Blue stoneware mug=Northwind Home', 'Northwind teapot=Northwind Home', 'Red enamel camping mug=Contoso Kitchen']);
  await popup.getByTestId('filter-account').selectOption(B_ID);
  await expect.poll(titles).toEqual(['Red enamel camping mug']);
  await expect(popup.getByTestId('row-account')).toHaveCount(0);
  await popup.getByTestId('filter-account').selectOption('default');
  await expect.poll(titles).toEqual(['Blue stoneware mug', 'Northwind teapot']);
  await popup.getByTestId('filter-account').selectOption('');
  await expect.poll(titles).toHaveLength(3);

  // Options: the accounts section lists both, each with its own settings form; the export offers one account or all.
  await ext.reload();
  await expect(ext.getByTestId('account')).toHaveCount(2);
  await expect(ext.locator(`[data-testid="account"][data-account="${B_ID}"] legend`)).toContainText('Contoso Kitchen');
  await expect(ext.getByTestId('export-account').locator('option')).toHaveCount(3);

  // Back on account A's page: its panels are A's again (the stored answer of A's MUG-1).
  current = ACCOUNT_A;
  await read(tab, ['A-ONLY', 'MUG-1']);
  expect(await panelText(tab, 'MUG-1')).toContain('380');
});

test("an options-page import goes to the account chosen, suggested from the platform's last seen account; a file naming its marketplace asks for none", async ({
  context,
}) => {
  let current = ACCOUNT_A;
  await serveSignedIn(context, () => current);
  const tab = await context.newPage();
  await read(tab, ['A-ONLY', 'MUG-1']);
  current = ACCOUNT_B;
  await read(tab, ['MUG-1']);
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  // B was seen last on Amazon: the import suggests it.
  // An All Orders file names its marketplace (no marketplace to choose); an inventory report
  // does not. The files go to the account chosen: B's listings grow by the report's five.
  await expect(ext.getByTestId('import-account')).toHaveValue(B_ID);
  await ext.locator('#import-files').setInputFiles('tests/fixtures/reports/amazon/orders.us.tsv');
  await expect(ext.getByTestId('import-marketplaces')).toContainText('amazon.com');
  await expect(ext.locator('#import-marketplace')).toHaveCount(0);
  await ext.getByTestId('import-preview').getByRole('button', { name: 'Cancel' }).click();
  await ext.locator('#import-files').setInputFiles('tests/fixtures/reports/amazon/fba-myi.us.tsv');
  await expect(ext.locator('#import-marketplace')).toBeVisible();
  await ext.getByTestId('import-preview').locator('button.primary').click();
  await expect(ext.getByTestId('import-done')).toBeVisible();
  expect((await sendToExtension(ext, 'export/listings-csv', { account: B_ID })).rowCount).toBe(6);
  expect((await sendToExtension(ext, 'export/listings-csv', { account: 'default' })).rowCount).toBe(2);
});

test('one seller read under two account ids is merged in the options page after a confirm step that says what moves', async ({ context }) => {
  test.setTimeout(120_000);
  // The same seller's second login: its own merchant id, the same mug (same ASIN) and one more listing.
  const secondId = 'amazon-a3northwind003';
  const second = page('A3NORTHWIND003', 'Northwind Home EU login', [
    { ...base, sku: 'MUG-1', asin: 'B0ACCTA001', title: 'Blue stoneware mug', available: 377, priceMinor: 1499 },
    { ...base, sku: 'NEW-1', asin: 'B0ACCTA003', title: 'Northwind saucer', available: 5, priceMinor: 599 },
  ]);
  let current = ACCOUNT_A;
  await serveSignedIn(context, () => current);
  const tab = await context.newPage();
  await read(tab, ['A-ONLY', 'MUG-1']);
  current = second;
  await read(tab, ['MUG-1', 'NEW-1']);

  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const merge = ext.getByTestId('account-merge');
  await merge.locator('#account-merge-from').selectOption(secondId);
  await merge.locator('#account-merge-into').selectOption('default');
  await merge.getByRole('button', { name: 'Check what moves' }).click();
  const confirm = ext.getByTestId('account-merge-confirm');
  await expect(confirm).toContainText('moves 2 listings (1 of them also in "Northwind Home": combined)');
  // Nothing moved before the confirmation.
  expect((await sendToExtension(ext, 'accounts/list', {})).accounts).toHaveLength(2);
  await confirm.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(merge.getByRole('status')).toContainText('"Northwind Home EU login" is merged into "Northwind Home"');

  expect((await sendToExtension(ext, 'accounts/list', {})).accounts.map((a) => a.id)).toEqual(['default']);
  const listed = (await sendToExtension(ext, 'skus/at-risk', { risk: 'all', limit: 50 })).items
    .map((i) => `${i.sku}:${i.account ?? 'default'}:${i.available}`)
    .sort();
  // MUG-1 is one listing holding its newest reading (the second login's, read last).
  expect(listed).toEqual(['A-ONLY:default:40', 'MUG-1:default:377', 'NEW-1:default:5']);
  // The second login's page now reads into the merged account.
  await read(tab, ['MUG-1', 'NEW-1']);
  expect((await sendToExtension(ext, 'accounts/list', {})).accounts.map((a) => a.id)).toEqual(['default']);
});

test("a seller account's own FBA capacity limit and fee amounts are saved from its settings form; the other account keeps the global ones", async ({
  context,
}) => {
  // Two page reads, two saves that re-plan and a reload: past the default minute on a loaded shared two-core machine.
  test.setTimeout(120_000);
  let current = ACCOUNT_A;
  await serveSignedIn(context, () => current);
  const tab = await context.newPage();
  await read(tab, ['A-ONLY', 'MUG-1']);
  current = ACCOUNT_B;
  await read(tab, ['MUG-1']);

  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${EXTENSION_ID}/options.html#accounts`);
  const formB = ext.locator(`[data-testid="account"][data-account="${B_ID}"]`);
  const field = (name: string) => formB.locator(`[id="account-${B_ID}-${name}"]`);
  // A line that does not read is named and nothing is saved.
  await field('capacity').fill('walmart.com = 800');
  await field('lowInventory.0').fill('1.78 / 1.26');
  await formB.getByRole('button', { name: 'Save for this account' }).click();
  await expect(formB).toContainText('"walmart.com" is not an Amazon marketplace');
  await expect(formB).toContainText('Small standard, any weight (USD; historical days of supply 0–14 / 14–21 / 21–28): enter 3 amounts');
  await field('capacity').fill('amazon.com = 800');
  await field('storage.octDec').fill('0');
  await field('agedSurcharges').fill('365 = 0');
  // Its own low-inventory rates (one row) and WFS storage rate; the rest inherits the global or published amounts, shown beside each field.
  await field('lowInventory.0').fill('1.78 / 1.26 / 0.64');
  await field('wfs.storage').fill('1.5');
  await expect(field('wfs.longTerm')).toHaveAttribute('placeholder', '7.50');
  await formB.getByRole('button', { name: 'Save for this account' }).click();
  await expect(formB.getByRole('status')).toContainText('Saved; plans are updated.');

  const { accounts } = await sendToExtension(ext, 'accounts/list', {});
  expect(Object.fromEntries(accounts.map((a) => [a.id, a.overrides]))).toEqual({
    default: {},
    [B_ID]: {
      storageFees: { monthlyPerCubicFootOctDec: 0, agedSurcharges: [{ minDays: 365, perCubicFootMonthly: 0 }], wfsPerCubicFoot: { storage: 150 } },
      fbaFees: {
        capacityCubicFeetByMarketplace: { 'amazon.com': 800 },
        lowInventoryPerUnit: [{ tier: 'small-standard', overWeightOz: 0, upToWeightOz: null, perUnitMinor: [178, 126, 64] }],
      },
    },
  });
  // Shown again as typed after a reload; the default account's form still inherits every fee.
  await ext.reload();
  await expect(field('capacity')).toHaveValue('amazon.com = 800');
  await expect(field('storage.octDec')).toHaveValue('0.00');
  await expect(field('lowInventory.0')).toHaveValue('1.78 / 1.26 / 0.64');
  await expect(field('wfs.storage')).toHaveValue('1.50');
  await expect(ext.locator('[id="account-default-capacity"]')).toHaveValue('');
  await expect(ext.locator('[id="account-default-lowInventory.0"]')).toHaveValue('');
});

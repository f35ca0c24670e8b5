/**
 * Both languages everywhere (issue 13): with the language set to Simplified Chinese, every screen
 * the seller sees is rendered by the real built extension — each step of the guided start, the
 * options page's sections (an import with problem lines, a product opened, a refused restore), the
 * popup, a seller page's row panels, their Details and the summary bar — and every text the seller
 * can read there (visible text, labels, tooltips, placeholders; inside the extension's shadow roots
 * on the seller page) is searched for ASCII words. A word is allowed only when it is the seller's
 * own data (SKUs, titles, marketplace ids, file names), a number, a brand or a unit (ALLOWED).
 * Anything else is an English string that skipped the message catalogue.
 */
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../../lib/i18n';
import type { Observation } from '../../lib/records';
import { EXTENSION_ID, expect, expectPanelsAnswered, sendToExtension, test } from './extension';

test.describe.configure({ timeout: 120_000 });

const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/options.html`;
const POPUP_URL = `chrome-extension://${EXTENSION_ID}/popup.html`;
const SELLER_PAGE = { url: 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all', file: 'tests/fixtures/amazon/manage-inventory.en.html' };
const MYI = 'tests/fixtures/reports/amazon/fba-myi.us.tsv';
const DAY = 86_400_000;

/**
 * Words a Chinese screen may show in Latin letters: brands and the marketplaces' own names for
 * their programmes and reports, identifiers and file formats, currency codes and units.
 */
const ALLOWED = new Set(
  [
    ...['Amazon', 'Walmart', 'eBay', 'Seller', 'Central', 'Center', 'Hub', 'Chrome', 'Firefox', 'Excel'],
    ...['FBA', 'FBM', 'WFS', 'SKU', 'SKUs', 'ASIN', 'FNSKU', 'GTIN', 'UPC', 'EAN', 'ABC', 'MOQ', 'EOQ', 'PO', 'HDoS', 'ID', 'URL'],
    ...['CSV', 'TSV', 'XLSX', 'JSON', 'TXT', 'txt', 'csv', 'tsv', 'xlsx', 'json'],
    ...['USD', 'US', 'EUR', 'GBP', 'JPY', 'CAD', 'MXN', 'CNY', 'KB', 'MB', 'GB', 'ft', 'cu', 'kg', 'lb', 'oz', 'cm', 'mm'],
  ].map((w) => w.toLowerCase()),
);

/** The seller's own data shown as it is: SKUs and marketplace ids (letters joined by digits, dashes, dots). */
const OWN_DATA = [/^[A-Z0-9]+(?:[-_.][A-Z0-9]+)+$/, /^[A-Z]+\d[A-Z0-9]*$/, /^(?:amazon|walmart|ebay)(?:\.[a-z]{2,3})+$/i, /^B0[A-Z0-9]{8}$/];

/** Every text a seller can read on the page: visible text nodes and labels, through open shadow roots (ours on seller pages). */
async function readableTexts(page: Page, onlyShadowHosts?: string): Promise<string[]> {
  return page.evaluate((hosts) => {
    const out: string[] = [];
    const visible = (el: Element) => (el as HTMLElement).checkVisibility?.({ visibilityProperty: true, opacityProperty: false }) ?? true;
    const walk = (root: Element | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (['STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName) || !visible(el)) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = el.getAttribute(name);
          if (value) out.push(value);
        }
        if (el instanceof HTMLInputElement && ['button', 'submit'].includes(el.type) && el.value) out.push(el.value);
        if (el instanceof HTMLOptionElement) out.push(el.text);
        // Text nodes apart only by a <wbr> (a place to wrap, as in a marketplace id) read as one text.
        let text = '';
        const flush = () => {
          if (text.trim()) out.push(text.trim());
          text = '';
        };
        for (const node of el.childNodes)
          if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
          else if (node.nodeName !== 'WBR') flush();
        flush();
      }
    };
    if (hosts) for (const host of document.querySelectorAll(hosts)) walk(host.shadowRoot!);
    else walk(document.body);
    return out;
  }, onlyShadowHosts ?? null);
}

/**
 * The ASCII words of `texts` that are neither allowed nor the seller's own data, each with the
 * text it is in. The seller's own strings (SKUs, titles, file names) and quoted text (a file's
 * own cell values and column headers, as messages-import.ts quotes them) are taken out first.
 * @example englishWords(['库存 12 件', 'Reorder soon'], []) // ['Reorder ← Reorder soon', 'soon ← Reorder soon']
 */
function englishWords(texts: readonly string[], own: readonly string[]): string[] {
  const found = new Set<string>();
  const longestFirst = [...own].filter((o) => o.length > 1).sort((a, b) => b.length - a.length);
  for (const original of texts) {
    let text = original;
    for (const o of longestFirst) if (text.includes(o)) text = text.split(o).join(' ');
    text = text.replace(/"[^"]*"|“[^”]*”/g, ' ');
    for (const token of text.split(/[\s,;:()（）【】[\]{}"“”'‘’「」、，。：；！？!?·•…/|=<>+*—–]+/)) {
      const word = token.replace(/^[-.#$¥€£%]+|[-.%]+$/g, '');
      if (!/[A-Za-z]{2}/.test(word) || ALLOWED.has(word.toLowerCase()) || OWN_DATA.some((re) => re.test(word))) continue;
      // Words joined to Chinese or numbers ("3件", "US$12.50"): judge the Latin part.
      const latin = word.match(/[A-Za-z]+(?:'[a-z]+)?/g) ?? [];
      if (latin.every((w) => w.length < 2 || ALLOWED.has(w.toLowerCase()))) continue;
      found.add(`${word}  ←  ${original.slice(0, 120)}`);
    }
  }
  return [...found].sort();
}

test('every screen in Simplified Chinese shows no English words outside SKUs, numbers, brands and units', async ({ context, serve }) => {
  const zh = (key: Parameters<typeof t>[1]) => t('zh-CN', key);
  // The seller's own data (SKUs, titles, file names), gathered as the screens are read; the texts are judged at the end.
  const own = new Set<string>([MYI.split('/').pop()!, ...fileCells(MYI)]);
  const screens: { screen: string; texts: string[] }[] = [];
  const check = async (screen: string, page: Page, shadowHosts?: string) => {
    screens.push({ screen, texts: await readableTexts(page, shadowHosts) });
  };

  // The guided start opens on install; the language is set to Chinese before anything is read.
  const options = await context.newPage();
  await options.goto(OPTIONS_URL);
  const { settings } = await sendToExtension(options, 'settings/get', {});
  await sendToExtension(options, 'settings/save', { settings: { ...settings, language: 'zh-CN' } });
  await seed(options, own);
  await options.goto(`${OPTIONS_URL}#first-run`);
  await options.reload();
  const guide = options.getByTestId('first-run');
  await expect(guide.getByRole('heading', { name: zh('onboarding.heading') })).toBeVisible();

  // Each step of the guided start.
  await check('guided start 1', options);
  await guide.getByRole('button', { name: zh('onboarding.next') }).click();
  await check('guided start 1 (refused)', options);
  await guide.getByRole('checkbox', { name: 'amazon.com', exact: true }).check();
  await guide.getByRole('checkbox', { name: zh('options.destination.FBA') }).check();
  await guide.getByRole('button', { name: zh('onboarding.next') }).click();
  await expect(guide).toHaveAttribute('data-step', 'leadTimes');
  await check('guided start 2', options);
  await guide.getByRole('button', { name: zh('onboarding.leadTimes.save') }).click();
  await expect(guide).toHaveAttribute('data-step', 'history');
  await check('guided start 3', options);
  // An import with a problem line, in the guide: its preview and problems.
  await guide.locator('#import-files').setInputFiles(MYI);
  await expect(guide.getByTestId('import-preview')).toBeVisible();
  await check('import preview', options);
  await guide.getByRole('button', { name: zh('onboarding.next') }).click();
  await check('guided start 4', options);
  await guide.getByRole('button', { name: zh('onboarding.finish') }).click();
  await expect(guide).toHaveCount(0);

  // The options page, every section; a product opened; a refused restore.
  await options.reload();
  await expect(options.getByTestId('product').first()).toBeVisible();
  await options.getByTestId('product').first().getByRole('button').first().click();
  await expect(options.getByTestId('product-detail')).toBeVisible();
  await options.locator('input[type="file"]').last().setInputFiles(notABackup());
  await expect(options.getByTestId('restore-result')).toBeVisible();
  await check('options', options);
  // The exports' header rows (the CSV files a seller opens in a spreadsheet).
  for (const button of [zh('options.export.mergedCsv'), zh('options.export.csv')]) {
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: button, exact: true }).click();
    const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
    screens.push({ screen: `CSV header (${button})`, texts: csv.split(/\r?\n/)[0]!.split(',') });
  }

  // The popup, every SKU listed, with the reading problems of the seller page read below.
  await serve([SELLER_PAGE]);
  const seller = await context.newPage();
  await seller.setViewportSize({ width: 1366, height: 900 });
  await seller.goto(SELLER_PAGE.url);
  await expect(seller.locator('stock-copilot-summary').getByTestId('summary-updated')).toBeVisible();
  await expectPanelsAnswered(seller);
  for (const sku of await seller.locator('stock-copilot-panel').evaluateAll((hosts) => hosts.map((h) => (h as HTMLElement).dataset.sku ?? ''))) own.add(sku);
  await check('seller page (panels, summary bar)', seller, 'stock-copilot-panel, stock-copilot-summary');
  await seller.locator('stock-copilot-panel').first().getByTestId('toggle').click();
  await expect(seller.locator('stock-copilot-panel').first().getByTestId('details')).toBeVisible();
  await check('seller page (Details)', seller, 'stock-copilot-panel');

  const popup = await context.newPage();
  await popup.goto(POPUP_URL);
  await popup.getByTestId('filter-risk').selectOption('all');
  await expect(popup.getByTestId('at-risk-row').first()).toBeVisible();
  await check('popup', popup);

  // Every listing stored (the seeded ones, the report's and the seller page's): their SKUs and titles are the seller's own.
  const { items } = await sendToExtension(popup, 'skus/at-risk', { risk: 'all', limit: 20_000 });
  for (const item of items) {
    own.add(item.sku);
    if (item.title) own.add(item.title);
  }
  const problems = screens.flatMap(({ screen, texts }) => englishWords(texts, [...own]).map((word) => `${screen}: ${word}`));
  expect(problems, 'English words on Chinese screens').toEqual([]);
});

/** Listings with Chinese titles and 60 days of orders (so panels carry actions), and their SKUs and titles as the seller's own data. */
async function seed(page: Page, own: Set<string>): Promise<void> {
  const now = Date.now();
  const at = new Date(now - 60_000).toISOString();
  const rows: Observation[] = [];
  const listings = [
    { sku: 'TEA-CUP-01', title: '紫砂茶杯', available: 12, perDay: 3 },
    { sku: 'TEA-POT-02', title: '陶瓷茶壶', available: 400, perDay: 1 },
    { sku: 'MAT-03', title: '竹制餐垫', available: 0, perDay: 2 },
  ];
  for (const l of listings) {
    own.add(l.sku).add(l.title);
    rows.push({
      kind: 'listing',
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: 'test/seed',
      observedAt: at,
      observedDate: at.slice(0, 10),
      sku: l.sku,
      title: l.title,
      available: l.available,
      fulfillment: 'FBA',
    });
    for (let d = 1; d <= 60; d++)
      rows.push({
        kind: 'order',
        platform: 'amazon',
        marketplace: 'amazon.com',
        source: 'test/seed',
        observedAt: at,
        observedDate: at.slice(0, 10),
        orderId: `${l.sku}-${d}`,
        sku: l.sku,
        quantity: l.perDay,
        status: 'shipped',
        orderDate: new Date(now - d * DAY).toISOString().slice(0, 10),
      });
  }
  await sendToExtension(page, 'import/commit', { importId: `language-${now}`, batchIndex: 0, rows, last: true });
}

/** The cells of a tab-separated report (its rows are the seller's own data: titles, SKUs, values). */
function fileCells(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .flatMap((line) => line.split('\t'))
    .map((cell) => cell.trim())
    .filter((cell) => cell.length > 1);
}

/** A file that is not a backup (the restore refuses it, and says why). */
function notABackup(): string {
  const path = join(tmpdir(), `not-a-backup-${process.pid}.json`);
  writeFileSync(path, '{"hello": 1}\n');
  return path;
}

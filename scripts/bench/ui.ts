/**
 * UI benchmarks: row panels mounted after a page read (happy-dom), each content script's
 * gzipped size (built extension), and the popup's first render with 10,000 SKUs stored
 * (Chromium with the built extension via Playwright). The last two need a build in
 * UI_BENCH_OUT (default .output-popup: `WXT_OUT_DIR=.output-popup npx wxt build`) and skip
 * with a note when it is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { Window } from 'happy-dom';
import { marketplaceById } from '../../lib/locale/markets';
import type { PanelData } from '../../lib/messaging/protocol';
import { adapter } from '../../lib/platforms/amazon/manage-inventory';
import { syncRowPanels } from '../../lib/content/row-panels';
import { buildAmazonManageInventoryHtml } from '../../tests/fixtures/builders/amazon-manage-inventory';
import type { DemoListing } from '../../tests/fixtures/builders/types';
import type { BenchSuite, BenchTable } from './types';

const OUT = resolve(process.env.UI_BENCH_OUT ?? '.output-popup', 'chrome-mv3');
const ROWS = 250;
const POPUP_SKUS = 10_000;

function listings(n: number): DemoListing[] {
  return Array.from({ length: n }, (_, i) => ({
    sku: `BENCH-${String(i).padStart(5, '0')}`, asin: `B0${String(i).padStart(8, '0')}`, title: `Bench item ${i}`, status: 'active', fulfillment: i % 3 ? 'FBA' : 'SELLER',
    available: (i * 37) % 400, inbound: i % 7, reserved: i % 3, unfulfillable: 0, priceMinor: 1999, currency: 'USD',
  }));
}

function panel(sku: string, i: number): PanelData {
  return {
    sku, key: `amazon|amazon.com|${sku}`, available: 10 + i, daysOfCover: (i * 7) % 90, stockoutDate: '2026-12-01', reorderDate: '2026-11-25', reorderQuantity: 100,
    healthScore: 60, reasons: [{ code: 'stockout-soon', points: 25, params: { daysOfCover: 5, withinDays: 15 } }], alerts: [], clearance: null, oversell: null, lifecycleStage: 'maturity', dailyDemand: 3,
  };
}

async function panelsBench(): Promise<BenchTable> {
  const window = new Window({ url: 'https://sellercentral.amazon.com/myinventory/inventory' });
  const document = window.document as unknown as Document;
  document.write(buildAmazonManageInventoryHtml(listings(ROWS)));
  const market = marketplaceById('amazon.com')!;
  const runs: number[][] = [];
  for (let run = 0; run < 5; run++) {
    for (const host of document.querySelectorAll('stock-copilot-panel')) host.remove();
    const read = adapter.parse(document, { url: new URL('https://sellercentral.amazon.com/myinventory/inventory'), market, now: new Date() });
    const panels = new Map(read.anchors.map((a, i) => [a.sku, panel(a.sku, i)]));
    const t0 = performance.now();
    const pending = syncRowPanels(document, read.anchors, new Map(), 'en');
    const t1 = performance.now();
    const answered = syncRowPanels(document, read.anchors, panels, 'en');
    const t2 = performance.now();
    if (pending.created !== read.anchors.length || answered.rendered !== read.anchors.length) throw new Error('panels not mounted');
    runs.push([t1 - t0, t2 - t1, read.anchors.length]);
  }
  const median = (i: number) => runs.map((r) => r[i]!).sort((a, b) => a - b)[2]!;
  await window.happyDOM.close();
  return {
    title: `Row panels for ${ROWS} rows`, environment: 'happy-dom in Node (no layout)', columns: ['step', 'median ms (5 runs)'],
    rows: [['mount pending panels right after the read', median(0).toFixed(1)], ['render answered panels (full PanelData)', median(1).toFixed(1)], ['total', (median(0) + median(1)).toFixed(1)]],
    notes: ['Target: panels mounted within 100 ms of the rows being read.'],
  };
}

function sizesBench(): BenchTable {
  const dir = join(OUT, 'content-scripts');
  if (!existsSync(dir)) return { title: 'Content script size', environment: 'built extension', columns: ['file', 'KB', 'KB gzipped'], rows: [], notes: [`Skipped: no build in ${OUT}. Run WXT_OUT_DIR=.output-popup npx wxt build.`] };
  const rows = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => {
    const bytes = readFileSync(join(dir, f));
    return [f, (bytes.length / 1024).toFixed(1), (gzipSync(bytes).length / 1024).toFixed(1)];
  });
  return { title: 'Content script size', environment: `built extension (${OUT})`, columns: ['file', 'KB', 'KB gzipped'], rows, notes: ['Target: each content script under 150 KB gzipped. chart.js is inlined (WXT content scripts are one IIFE) but only registered parts are bundled.'] };
}

async function popupBench(): Promise<BenchTable> {
  const title = `Popup first render with ${POPUP_SKUS.toLocaleString('en')} SKUs`;
  if (!existsSync(join(OUT, 'manifest.json'))) return { title, environment: 'Chromium', columns: ['step', 'ms'], rows: [], notes: [`Skipped: no build in ${OUT}.`] };
  const { chromium } = await import('@playwright/test');
  const { extensionArgs, findChromium } = await import('../lib/chromium.mjs');
  const executablePath = findChromium();
  if (!executablePath) return { title, environment: 'Chromium', columns: ['step', 'ms'], rows: [], notes: ['Skipped: no Chromium.'] };
  const context = await chromium.launchPersistentContext('', { executablePath, headless: true, args: extensionArgs(OUT) });
  try {
    await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const popupUrl = `chrome-extension://${new URL(worker.url()).host}/popup.html`;
    const seeder = await context.newPage();
    await seeder.goto(popupUrl);
    const t0 = performance.now();
    const now = new Date().toISOString();
    for (let batch = 0; batch * 5000 < POPUP_SKUS; batch++) {
      const rows = Array.from({ length: Math.min(5000, POPUP_SKUS - batch * 5000) }, (_, j) => {
        const i = batch * 5000 + j;
        const [platform, marketplace] = [['amazon', 'amazon.com'], ['amazon', 'amazon.de'], ['walmart', 'walmart.com'], ['ebay', 'ebay.com']][i % 4]!;
        return { kind: 'listing', platform, marketplace, source: 'bench', observedAt: now, observedDate: now.slice(0, 10), sku: `SKU-${String(i).padStart(5, '0')}`, title: `Item ${i}`, available: (i * 37) % 400, fulfillment: 'SELLER' };
      });
      const reply = await seeder.evaluate((payload) => (globalThis as any).chrome.runtime.sendMessage({ type: 'import/commit', payload }), { importId: 'bench', batchIndex: batch, rows, last: (batch + 1) * 5000 >= POPUP_SKUS });
      if (!(reply as { ok: boolean }).ok) throw new Error(JSON.stringify(reply));
    }
    const seeded = performance.now() - t0;
    await seeder.close();
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(popupUrl);
      await page.getByTestId('at-risk-row').first().waitFor();
      times.push(performance.now() - start);
      await page.close();
    }
    times.sort((a, b) => a - b);
    return {
      title, environment: 'Chromium (Debian) headless, built extension, Playwright', columns: ['step', 'ms'],
      rows: [['seed 10,000 listings via import/commit (incl. re-plan)', seeded.toFixed(0)], ['popup open to first row visible (median of 3)', times[1]!.toFixed(0)], ['worst of 3', times[2]!.toFixed(0)]],
      notes: ['Target: first render under 300 ms. Measured from page.goto to the first virtualised row attached.'],
    };
  } finally {
    await context.close();
  }
}

const suite: BenchSuite = async () => [await panelsBench(), sizesBench(), await popupBench()];
export default suite;

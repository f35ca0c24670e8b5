/**
 * UI benchmarks: row panels mounted after a page read (happy-dom, and real Chromium with
 * lib/content bundled by esbuild into the seller page), each content script's gzipped size
 * (built extension), and the popup's first render with 10,000 SKUs stored (ui-popup.ts). The
 * last two need a build in UI_BENCH_OUT (default
 * .output, or WXT_OUT_DIR: `npm run build`) and skip with a note when it is
 * missing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { panelData } from '../../lib/messaging/test-panel';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { marketplaceById } from '../../lib/locale/markets';
import type { PanelData } from '../../lib/messaging/protocol';
import { adapter } from '../../lib/platforms/amazon/manage-inventory';
import { syncRowPanels } from '../../lib/content/row-panels';
import { PANEL_CHART_FILE } from '../../lib/content/panel-chart-module';
import { buildAmazonManageInventoryHtml } from '../../tests/fixtures/builders/amazon-manage-inventory';
import type { DemoListing } from '../../tests/fixtures/builders/types';
import type { BenchSuite, BenchTable } from './types';
import { popupBench } from './ui-popup';

const here = dirname(fileURLToPath(import.meta.url));
const SELLER_URL = 'https://sellercentral.amazon.com/myinventory/inventory';
// The build the rest of the project uses (npm run build, or WXT_OUT_DIR when set), so the bench measures the current code.
const OUT = resolve(process.env.UI_BENCH_OUT ?? process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
const ROWS = 250;
/** Issue 14: what every seller page loads, gzipped: "100 KB" read the strict way, as 100,000 bytes (not 100 KiB). */
const CONTENT_SCRIPT_BUDGET_BYTES = 100_000;

function listings(n: number): DemoListing[] {
  return Array.from({ length: n }, (_, i) => ({
    sku: `BENCH-${String(i).padStart(5, '0')}`,
    asin: `B0${String(i).padStart(8, '0')}`,
    title: `Bench item ${i}`,
    status: 'active',
    fulfillment: i % 3 ? 'FBA' : 'SELLER',
    available: (i * 37) % 400,
    inbound: i % 7,
    reserved: i % 3,
    unfulfillable: 0,
    priceMinor: 1999,
    currency: 'USD',
  }));
}

function panel(sku: string, i: number): PanelData {
  return panelData({
    sku,
    urgency: 'warning',
    available: 10 + i,
    daysOfCover: (i * 7) % 90,
    stockoutDate: '2026-12-01',
    reorderDate: '2026-11-25',
    reorderQuantity: 100,
    healthScore: 60,
    reasons: [{ code: 'stockout-soon', points: 25, params: { daysOfCover: 5, withinDays: 15 } }],
    lifecycleStage: 'maturity',
    dailyDemand: 3,
  });
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
    title: `Row panels for ${ROWS} rows`,
    environment: 'happy-dom in Node (no layout)',
    columns: ['step', 'median ms (5 runs)'],
    rows: [
      ['mount pending panels right after the read', median(0).toFixed(1)],
      ['render answered panels (full PanelData)', median(1).toFixed(1)],
      ['total', (median(0) + median(1)).toFixed(1)],
    ],
    notes: ['Target: panels mounted within 100 ms of the rows being read.'],
  };
}

/**
 * The content script's reader + panels, bundled for the browser: globalThis.panelBench() starts
 * the page reader on the current page with the debug marks on and an instant fake background
 * (answers with PanelData for every row), and resolves with the timings (ms) between marks.
 */
async function panelBundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { startPageReader } from '../../lib/content/page-reader';
        import { MARKS } from '../../lib/content/read-marks';
        import { adapter } from '../../lib/platforms/amazon/manage-inventory';
        import { marketplaceById } from '../../lib/locale/markets';
        // panel() below calls panelData: the bundle needs it under that name.
        import { panelData } from '../../lib/messaging/test-panel';
        const panel = ${panel.toString()};
        (globalThis as any).panelBench = async () => {
          const at = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
          const market = marketplaceById('amazon.com')!;
          const t0 = performance.now();
          adapter.parse(document, { url: new URL(location.href), market, now: new Date() });
          const parse = performance.now() - t0;
          const reader = startPageReader({
            root: document, adapter, market, url: () => new URL(location.href), language: 'en', marks: true,
            ingest: async (request) => ({ panels: request.rows.flatMap((r, i) => (r.kind === 'listing' ? [panel(r.sku, i)] : [])) }),
          });
          await reader.readNow();
          const done = performance.now();
          // Style and layout of every panel (what the next frame needs), forced now.
          document.body.getBoundingClientRect();
          const laidOut = performance.now();
          reader.stop();
          return {
            rows: document.querySelectorAll('[role="rowgroup"] > [data-sku]').length,
            mounted: at(MARKS.mounted) - at(MARKS.read),
            rendered: at(MARKS.rendered) - at(MARKS.answered),
            total: at(MARKS.rendered) - at(MARKS.read) - (at(MARKS.answered) - at(MARKS.mounted)),
            layout: laidOut - done,
            parse,
          };
        };`,
      resolveDir: here,
      sourcefile: 'ui-panels-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0]!.text;
}

async function panelsChromiumBench(): Promise<BenchTable> {
  const title = `Row panels for ${ROWS} rows`;
  const { chromium } = await import('@playwright/test');
  const { findChromium } = await import('../lib/chromium.mjs');
  const executablePath = findChromium();
  if (!executablePath) return { title, environment: 'Chromium', columns: ['step', 'median ms'], rows: [], notes: ['Skipped: no Chromium.'] };
  const script = await panelBundle();
  const html = buildAmazonManageInventoryHtml(listings(ROWS));
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const runs: { rows: number; mounted: number; rendered: number; total: number; layout: number; parse: number }[] = [];
    for (let run = 0; run < 7; run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.route(/^https?:\/\//, (route) =>
        route.request().url().startsWith(SELLER_URL) ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.abort('blockedbyclient'),
      );
      await page.goto(SELLER_URL, { waitUntil: 'load' });
      await page.addScriptTag({ content: script });
      runs.push(await page.evaluate(() => (globalThis as unknown as { panelBench: () => Promise<(typeof runs)[number]> }).panelBench()));
      await page.close();
    }
    if (runs.some((r) => r.rows !== ROWS)) throw new Error(`expected ${ROWS} rows, read ${runs.map((r) => r.rows).join(',')}`);
    const median = (pick: (r: (typeof runs)[number]) => number) =>
      runs
        .map(pick)
        .sort((a, b) => a - b)
        [runs.length >> 1]!.toFixed(1);
    return {
      title,
      environment: `headless Chromium ${browser.version()}, lib/content bundled by esbuild into the served seller page, instant fake background`,
      columns: ['step (from the reader having the rows)', `median ms (${runs.length} page loads)`],
      rows: [
        ['mount pending panels', median((r) => r.mounted)],
        ['render answered panels (full PanelData; re-read only if the page changed meanwhile)', median((r) => r.rendered)],
        ['total JS (pending + answered, background time excluded)', median((r) => r.total)],
        ['then style + layout of the page with its panels (forced)', median((r) => r.layout)],
        ['for reference: one page read (adapter.parse, 250 rows; lib/platforms)', median((r) => r.parse)],
      ],
      notes: [
        "Target (applies here, in Chromium): panels mounted within 100 ms of the rows being read. Timed by the page reader's debug performance marks (lib/content/read-marks.ts).",
      ],
    };
  } finally {
    await browser.close();
  }
}

/** Gzipped size in bytes of a built file. */
function gzippedBytes(path: string): number {
  return gzipSync(readFileSync(path)).length;
}

function sizesBench(): BenchTable {
  const dir = join(OUT, 'content-scripts');
  if (!existsSync(dir))
    return {
      title: 'Content script size',
      environment: 'built extension',
      columns: ['file', 'bytes', 'bytes gzipped'],
      rows: [],
      notes: [`Skipped: no build in ${OUT}. Run npm run build first.`],
    };
  const scripts = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ label: f, path: join(dir, f) }));
  const chart = join(OUT, PANEL_CHART_FILE);
  const lazy = existsSync(chart) ? [{ label: `${PANEL_CHART_FILE.slice(1)} (imported when a panel's Details first opens)`, path: chart }] : [];
  const bytes = (n: number) => n.toLocaleString('en-US');
  const rows = [...scripts, ...lazy].map(({ label, path }) => [label, bytes(statSync(path).size), bytes(gzippedBytes(path))]);
  const largest = Math.max(...scripts.map(({ path }) => gzippedBytes(path)));
  return {
    title: 'Content script size',
    environment: `built extension (${OUT})`,
    columns: ['file', 'bytes', 'bytes gzipped'],
    rows,
    notes: [
      `${largest < CONTENT_SCRIPT_BUDGET_BYTES ? 'MET   ' : 'MISSED'} each content script under ${bytes(CONTENT_SCRIPT_BUDGET_BYTES)} bytes gzipped (chart.js and lib/charts are a separate module, entrypoints/panel-chart.ts; zod's JSON Schema generator is left out, scripts/build/zod-without-json-schema.ts)`,
    ],
  };
}

const only = process.env.UI_BENCH_ONLY;
const suite: BenchSuite = async () => [
  ...(!only || only.includes('happy') ? [await panelsBench()] : []),
  ...(!only || only.includes('chromium') ? [await panelsChromiumBench()] : []),
  ...(!only || only.includes('size') ? [sizesBench()] : []),
  ...(!only || only.includes('popup') ? [await popupBench(OUT)] : []),
];
export default suite;

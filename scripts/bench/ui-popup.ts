/**
 * The popup's first render with 10,000 SKUs stored (part of `npm run bench -- ui`): the built
 * extension in headless Chromium, seeded through its own import messages, the popup opened in
 * a tab and timed from navigation start to its first row in the DOM. Timed twice: through
 * Playwright (which also times the background's answers and the popup with the options page
 * open), and with no debugger attached to the popup (shared/cdp-pipe.ts), as a seller opens it;
 * the target is judged on the second.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BrowserContext } from '@playwright/test';
import { FIRST_ROWS_MARK } from '../../components/popup/first-paint';
import { launchPipeBrowser, type PipeBrowser } from './shared/cdp-pipe';
import { median } from './shared/median';
import type { BenchTable } from './types';

const POPUP_SKUS = 10_000;
const BATCH = 5_000;
/** Openings timed without a debugger (the first one is cold). */
const BARE_OPENINGS = 7;

/** One `import/commit` payload per batch of the bench catalogue: many rows need attention (the popup opens on that filter). */
function seedPayloads(now: string) {
  const markets = [
    ['amazon', 'amazon.com'],
    ['amazon', 'amazon.de'],
    ['walmart', 'walmart.com'],
    ['ebay', 'ebay.com'],
  ] as const;
  return Array.from({ length: Math.ceil(POPUP_SKUS / BATCH) }, (_, batch) => ({
    importId: 'bench',
    batchIndex: batch,
    last: (batch + 1) * BATCH >= POPUP_SKUS,
    rows: Array.from({ length: Math.min(BATCH, POPUP_SKUS - batch * BATCH) }, (_, j) => {
      const i = batch * BATCH + j;
      const [platform, marketplace] = markets[i % 4]!;
      return {
        kind: 'listing',
        platform,
        marketplace,
        source: 'bench',
        observedAt: now,
        observedDate: now.slice(0, 10),
        sku: `SKU-${String(i).padStart(5, '0')}`,
        title: `Item ${i}`,
        available: (i * 37) % 400,
        // Sales, so that many rows need attention: rows with no sales never show there (without them the first row never came).
        unitsSold: [{ windowDays: 30, units: 30 + (i % 90) }],
        fulfillment: 'SELLER',
      };
    }),
  }));
}

/** The seed re-plans, and the daily re-plan alarm fires a minute after install: wait until the first-page request answers quickly three times running, past it. */
async function waitForIdleWorker(launched: number, firstPageMs: () => Promise<number>): Promise<number> {
  const idleFrom = performance.now();
  for (let quick = 0; quick < 3 && performance.now() - idleFrom < 180_000;) {
    quick = performance.now() - launched > 75_000 && (await firstPageMs()) < 80 ? quick + 1 : 0;
    if (!quick) await new Promise((r) => setTimeout(r, 1000));
  }
  return performance.now() - idleFrom;
}

export async function popupBench(out: string): Promise<BenchTable> {
  const title = `Popup first render with ${POPUP_SKUS.toLocaleString('en')} SKUs`;
  const skipped = (note: string): BenchTable => ({ title, environment: 'Chromium', columns: ['step', 'ms'], rows: [], notes: [note] });
  if (!existsSync(join(out, 'manifest.json'))) return skipped(`Skipped: no build in ${out}.`);
  const { extensionArgs, findChromium } = await import('../lib/chromium.mjs');
  const executablePath = findChromium();
  if (!executablePath) return skipped('Skipped: no Chromium.');
  const attached = await popupThroughPlaywright(out, executablePath, extensionArgs(out));
  const bare = await popupWithoutDebugger(executablePath, extensionArgs(out));
  const bareMedian = bare.firstRows.length > 0 ? median(bare.firstRows) : Infinity;
  return {
    title,
    environment: `headless Chromium (Debian), built extension (${out})`,
    columns: ['step', 'ms'],
    rows: [
      ...attached.rows,
      [
        `no debugger attached: navigation start to first row (median, worst of ${bare.firstRows.length}; a fresh browser, seeded alike)`,
        bare.firstRows.length > 0 ? `${bareMedian.toFixed(0)}, ${Math.max(...bare.firstRows).toFixed(0)}` : 'none drawn',
      ],
    ],
    notes: [
      `${bareMedian < 100 ? 'MET   ' : 'MISSED'} first row under 100 ms with 10,000 SKUs (median, navigation start to the first rows, page clock, no debugger attached as for a seller; with Playwright attached: median ${attached.median.toFixed(0)} ms)`,
      `${bare.missing} of ${BARE_OPENINGS} openings without a debugger drew no first rows (the app's list drew them instead, or nothing)`,
      `1-minute load average while measuring: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (timings are inflated when other jobs share the cores)`,
      'Playwright holds every new page at its start until its agent is set up (worlds, init scripts, bindings): tens of ms before the HTML is parsed in a 2026-12-06 trace. The row without a debugger reads the page\'s own "first rows" mark (components/popup/first-paint.ts) after it drew.',
      'The first-run options tab is closed before timing (runs before 2026-12-04 had it open, sharing the popup renderer).',
    ],
  };
}

/** The popup timed through Playwright, with the background's answer times and the options page open beside it. */
async function popupThroughPlaywright(out: string, executablePath: string, args: string[]): Promise<{ rows: string[][]; median: number }> {
  const { chromium } = await import('@playwright/test');
  const context = await chromium.launchPersistentContext('', { executablePath, headless: true, args });
  const launched = performance.now();
  try {
    await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const popupUrl = `chrome-extension://${new URL(worker.url()).host}/popup.html`;
    const seeder = await context.newPage();
    await seeder.goto(popupUrl);
    const t0 = performance.now();
    for (const payload of seedPayloads(new Date().toISOString())) {
      const reply = await seeder.evaluate((p) => (globalThis as any).chrome.runtime.sendMessage({ type: 'import/commit', payload: p }), payload);
      if (!(reply as { ok: boolean }).ok) throw new Error(JSON.stringify(reply));
    }
    const seeded = performance.now() - t0;
    const send = (type: string, payload: unknown) =>
      seeder.evaluate(
        async ([type, payload]) => {
          const t = performance.now();
          const reply = await (globalThis as any).chrome.runtime.sendMessage({ type, payload });
          return { ms: performance.now() - t, bytes: JSON.stringify(reply).length };
        },
        [type, payload] as const,
      );
    const waited = await waitForIdleWorker(launched, async () => (await send('skus/at-risk', { risk: 'all', limit: 60 })).ms);
    const handlerRows = await answerTimes(send);
    await seeder.close();
    // The guided start opened at install (lib/background/onboarding-setup.ts) shares the popup's
    // renderer: left open, its restyles delayed the popup's files (2026-12-04 trace). A seller
    // opening the popup over 10,000 SKUs is past the first run, so it is closed before timing.
    for (const open of context.pages()) if (open.url().includes('/options.html')) await open.close();
    const times = await timeOpenings(context, popupUrl);
    // A seller may keep the options page open (the purchase plan, settings) while using the
    // popup: it shares the popup's renderer, so its size is timed too.
    const options = await context.newPage();
    await options.goto(popupUrl.replace('popup.html', 'options.html'));
    await options.getByTestId('purchase-plan').waitFor();
    await options
      .getByTestId('purchase-group')
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(() => undefined);
    const optionsElements = await options.evaluate(() => document.querySelectorAll('*').length);
    const withOptions = await timeOpenings(context, popupUrl);
    await options.close();
    const firstRows = times.map((r) => r.firstRow);
    return {
      median: median(firstRows),
      rows: [
        ['seed 10,000 listings via import/commit (incl. re-plan)', seeded.toFixed(0)],
        ['then waited for an idle worker (past the 1-min re-plan alarm)', waited.toFixed(0)],
        ...handlerRows,
        [`Playwright attached: popup navigation start to first row in the DOM (median of ${times.length})`, median(firstRows).toFixed(0)],
        ['worst of those', Math.max(...firstRows).toFixed(0)],
        ['same, Playwright wall clock (goto to row found; median)', median(times.map((r) => r.wall)).toFixed(0)],
        [
          `first row with the options page open beside it (${optionsElements.toLocaleString('en')} elements; median, worst)`,
          `${median(withOptions.map((r) => r.firstRow)).toFixed(0)}, ${Math.max(...withOptions.map((r) => r.firstRow)).toFixed(0)}`,
        ],
        [
          'first rows marked "updating" (a write was under way; the popup asks again each second)',
          `${times.filter((r) => r.updating).length} of ${times.length}`,
        ],
      ],
    };
  } finally {
    await context.close();
  }
}

type Send = (type: string, payload: unknown) => Promise<{ ms: number; bytes: number }>;

/** The background's own answer times (round trip from an extension page, median of 5; 3 for the whole list). */
async function answerTimes(send: Send): Promise<string[][]> {
  const rows: string[][] = [];
  for (const [label, type, payload] of [
    ['skus/at-risk, first 60 rows', 'skus/at-risk', { risk: 'all', limit: 60 }],
    ["skus/at-risk, the popup's opening request (first screen in memory)", 'skus/at-risk', { risk: 'attention', limit: 60 }],
    ['popup/facets (reads every listing key)', 'popup/facets', {}],
    ['settings/get', 'settings/get', {}],
    ['skus/at-risk, whole list (on scroll only now)', 'skus/at-risk', { risk: 'all', limit: 20_000 }],
  ] as const) {
    const samples: { ms: number; bytes: number }[] = [];
    for (let i = 0; i < (type === 'skus/at-risk' && payload.limit > 60 ? 3 : 5); i++) samples.push(await send(type, payload));
    samples.sort((a, b) => a.ms - b.ms);
    const mid = samples[samples.length >> 1]!;
    rows.push([`background answer: ${label}`, `${mid.ms.toFixed(0)} (${(mid.bytes / 1024).toFixed(0)} KB)`]);
  }
  return rows;
}

/** Five openings through Playwright: navigation start to the first row in the DOM (page clock, a MutationObserver), and the wall clock. */
async function timeOpenings(context: BrowserContext, popupUrl: string) {
  const times: { firstRow: number; wall: number; updating: boolean }[] = [];
  for (let run = 0; run < 5; run++) {
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-testid="at-risk-row"]')) return;
        (globalThis as any).__firstRow = performance.now();
        // Rows from the background's first screen, kept from before a write still under way (lib/background/first-screen.ts).
        (globalThis as any).__firstRowUpdating = document.querySelector('[data-testid="at-risk-updating"]') !== null;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const start = performance.now();
    await page.goto(popupUrl);
    await page.getByTestId('at-risk-row').first().waitFor();
    const wall = performance.now() - start;
    const [firstRow, updating] = await page.evaluate(() => {
      const marks = globalThis as unknown as { __firstRow: number; __firstRowUpdating: boolean };
      return [marks.__firstRow, marks.__firstRowUpdating] as const;
    });
    times.push({ firstRow, wall, updating });
    await page.close();
  }
  return times;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * Polls `probe` every 100 ms until it gives a value (or `ms` pass: undefined). A probe that
 * throws counts as no value yet: an evaluation in a tab still navigating loses its context.
 */
async function poll<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const until = performance.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined || performance.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The popup opened with no debugger attached: a fresh browser on the pipe, seeded and waited on
 * as above, then each opening left alone until it drew and only then asked for its first-rows mark.
 */
async function popupWithoutDebugger(executablePath: string, args: string[]): Promise<{ firstRows: number[]; missing: number }> {
  const browser = launchPipeBrowser(executablePath, args);
  const launched = performance.now();
  try {
    const targets = async () => (await browser.send<{ targetInfos: TargetInfo[] }>('Target.getTargets')).targetInfos;
    const worker = await poll(async () => (await targets()).find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://')), 30_000);
    if (!worker) throw new Error('the extension service worker did not start');
    const popupUrl = `chrome-extension://${new URL(worker.url).host}/popup.html`;
    const seeder = await openLoaded(browser, popupUrl);
    for (const payload of seedPayloads(new Date().toISOString())) {
      const ok = await browser.evaluate<boolean>(seeder, `chrome.runtime.sendMessage(${JSON.stringify({ type: 'import/commit', payload })}).then((r) => r.ok)`);
      if (!ok) throw new Error('import/commit refused the bench rows');
    }
    const firstPage = JSON.stringify({ type: 'skus/at-risk', payload: { risk: 'all', limit: 60 } });
    await waitForIdleWorker(launched, () =>
      browser.evaluate<number>(
        seeder,
        `(async () => { const t = performance.now(); await chrome.runtime.sendMessage(${firstPage}); return performance.now() - t; })()`,
      ),
    );
    // The seeder and the guided start's options tab go; the launch's blank tab stays (the browser lives on).
    for (const t of await targets())
      if (t.type === 'page' && t.url.startsWith('chrome-extension://')) await browser.send('Target.closeTarget', { targetId: t.targetId });
    const firstRows: number[] = [];
    let missing = 0;
    const markOf = `(performance.getEntriesByName(${JSON.stringify(FIRST_ROWS_MARK)}, 'mark')[0] || {}).startTime`;
    for (let run = 0; run < BARE_OPENINGS; run++) {
      const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url: popupUrl });
      // Left alone while it loads: attaching earlier is what this row avoids.
      await new Promise((r) => setTimeout(r, 1500));
      const mark = await poll(() => browser.evaluate<number | undefined>(targetId, markOf), 3_000);
      if (mark === undefined) missing++;
      else firstRows.push(mark);
      await browser.send('Target.closeTarget', { targetId });
      await new Promise((r) => setTimeout(r, 300));
    }
    return { firstRows, missing };
  } finally {
    await browser.close();
  }
}

/** A new tab at `url`, once its document has loaded (an evaluation earlier could run in the tab's first blank document). */
async function openLoaded(browser: PipeBrowser, url: string): Promise<string> {
  const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url });
  const loaded = await poll(
    async () =>
      (await browser.evaluate<boolean>(targetId, `location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`)) ? true : undefined,
    30_000,
  );
  if (!loaded) throw new Error(`${url} did not load`);
  return targetId;
}

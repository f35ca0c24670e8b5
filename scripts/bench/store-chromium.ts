/**
 * The store benchmark (store.ts's runStoreScenario) in headless Chromium, whose IndexedDB
 * (LevelDB, C++) is what the extension really runs on; store.ts measures fake-indexeddb in Node.
 *
 * The scenario and lib/store are bundled with esbuild into one script, served with an empty
 * page from a fake https origin through Playwright's request routing (IndexedDB needs a real
 * origin), and run there. The browser's profile is a temporary directory Playwright deletes on
 * close, and the scenario deletes its database. Chromium: env CHROMIUM_PATH, else
 * /usr/bin/chromium. Sizes: env STORE_BENCH_SKUS / STORE_BENCH_OBSERVATIONS /
 * STORE_BENCH_CHROMIUM_SEED_MS; STORE_BENCH_POOLED=1 for the store whose Walmart and eBay listings share a pool.
 *
 * Profiling: with STORE_BENCH_CHROMIUM_PROFILE=<dir>, each measured phase of the scenario
 * (store.ts's phase()) is recorded with the DevTools CPU profiler into <dir>/<phase>.cpuprofile,
 * and the IndexedDB requests it made are counted by method; a summary (self time by function,
 * request counts) is printed to stderr.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { bundleForBrowser, launchBenchChromium, openBenchPage } from './shared/chromium-page';
import type { StoreScenarioOptions, StoreScenarioResult } from './store';
import { storeBenchPart, storeBenchPooled } from './store-parts';
import type { BenchSuite } from './types';

const here = dirname(fileURLToPath(import.meta.url));

/** One browser script exposing runStoreScenario as globalThis.storeBench. */
function bundle(): Promise<string> {
  return bundleForBrowser(
    "import { runStoreScenario, runUpgradeScenario } from './store'; (globalThis as any).storeBench = runStoreScenario; (globalThis as any).upgradeBench = runUpgradeScenario;",
    here,
    'store-chromium-entry.ts',
  );
}

/** Wraps IndexedDB request methods in the page to count them (profiling runs only). */
function countIndexedDbRequests(): void {
  const counts: Record<string, number> = {};
  (globalThis as unknown as { __idbCounts: Record<string, number> }).__idbCounts = counts;
  const wrap = (proto: object, prefix: string, names: string[]) => {
    for (const name of names) {
      const original = (proto as Record<string, unknown>)[name] as ((...a: unknown[]) => unknown) | undefined;
      if (typeof original !== 'function') continue;
      (proto as Record<string, unknown>)[name] = function (this: { name?: string; objectStore?: { name: string } }, ...args: unknown[]) {
        // Which store (and index) too: a re-plan's requests split by table say where its time goes.
        const where = this.objectStore ? `${this.objectStore.name}/${this.name}` : (this.name ?? '');
        const key = `${prefix}.${name}${where ? `:${where}` : ''}`;
        counts[key] = (counts[key] ?? 0) + 1;
        return original.apply(this, args);
      };
    }
  };
  const methods = ['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'];
  wrap(IDBObjectStore.prototype, 'store', [...methods, 'put', 'add', 'delete', 'clear']);
  wrap(IDBIndex.prototype, 'index', methods);
  wrap(IDBCursor.prototype, 'cursor', ['continue', 'advance', 'continuePrimaryKey', 'update', 'delete']);
  wrap(IDBDatabase.prototype, 'db', ['transaction']);
}
/** As a string: functions passed to the page must not reference the bundler's helpers (tsx adds __name). */
const COUNT_INDEXED_DB_REQUESTS = `var __name = (f) => f; (${String(countIndexedDbRequests)})();`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function (ms), largest first. */
function selfTimes(profile: CpuProfile, bundleLines: string[]): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const where = f.url.endsWith('/bench.js') ? `bench.js:${f.lineNumber + 1} ${(bundleLines[f.lineNumber] ?? '').trim().slice(0, 60)}` : f.url;
    const name = `${f.functionName || '(anonymous)'} ${where}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]);
}

async function profilePhases(page: Page, cdp: CDPSession, dir: string, script: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const lines = script.split('\n');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.exposeFunction('__storeBenchPhase', async (name: string, edge: string) => {
    if (edge === 'start') {
      await page.evaluate(() => {
        const c = (globalThis as unknown as { __idbCounts: Record<string, number> }).__idbCounts;
        for (const k of Object.keys(c)) delete c[k];
      });
      await cdp.send('Profiler.start');
      return;
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const counts = await page.evaluate(() => ({ ...(globalThis as unknown as { __idbCounts: Record<string, number> }).__idbCounts }));
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    const top = selfTimes(profile, lines).slice(0, 25);
    const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
    process.stderr.write(`\n[profile] ${name}: ${total.toFixed(0)} ms sampled; IndexedDB requests ${JSON.stringify(counts)}\n`);
    for (const [fn, ms] of top) process.stderr.write(`  ${ms.toFixed(1).padStart(8)} ms  ${fn}\n`);
  });
}

const suite: BenchSuite = async () => {
  const options: StoreScenarioOptions = {
    skus: Number(process.env.STORE_BENCH_SKUS ?? 10_000),
    targetObservations: Number(process.env.STORE_BENCH_OBSERVATIONS ?? 1_000_000),
    seedBudgetMs: Number(process.env.STORE_BENCH_CHROMIUM_SEED_MS ?? 150_000),
    only: storeBenchPart(process.env.STORE_BENCH_ONLY),
    pooled: storeBenchPooled(process.env.STORE_BENCH_POOLED),
  };
  const script = await bundle();
  // --expose-gc: the idle collection between page reads (store.ts idleWorker).
  const browser = await launchBenchChromium(['--js-flags=--expose-gc']);
  try {
    const page = await browser.newPage();
    page.on('console', (message) => process.stderr.write(`[page] ${message.text()}\n`));
    const profileDir = process.env.STORE_BENCH_CHROMIUM_PROFILE;
    if (profileDir) {
      await page.addInitScript({ content: COUNT_INDEXED_DB_REQUESTS });
      await profilePhases(page, await page.context().newCDPSession(page), profileDir, script);
    }
    await openBenchPage(page, script);
    const version = browser.version();
    const result = await page.evaluate(
      (o) => (globalThis as unknown as { storeBench: (o: StoreScenarioOptions) => Promise<StoreScenarioResult> }).storeBench(o),
      options,
    );
    const upgrade = options.only
      ? { rows: [], notes: [`Skipped (STORE_BENCH_ONLY=${options.only}).`] }
      : await page.evaluate(
          (o) => (globalThis as unknown as { upgradeBench: (o: { skus: number; observations: number }) => Promise<StoreScenarioResult> }).upgradeBench(o),
          { skus: options.skus, observations: Number(process.env.STORE_BENCH_UPGRADE_OBSERVATIONS ?? 200_000) },
        );
    const environment = `headless Chromium ${version}, the browser's own IndexedDB, page on a fake https origin`;
    return [
      {
        title: 'Store (Dexie on Chromium IndexedDB)',
        environment,
        columns: ['operation', 'median ms', 'max ms', 'target ms', 'notes'],
        rows: result.rows,
        notes: result.notes,
      },
      {
        title: 'Store schema upgrade (Chromium IndexedDB)',
        environment,
        columns: ['operation', 'ms', 'µs per observation', 'records'],
        rows: upgrade.rows,
        notes: [...upgrade.notes, 'Size: env STORE_BENCH_UPGRADE_OBSERVATIONS (default 200,000; the time grows linearly).'],
      },
    ];
  } finally {
    await browser.close();
  }
};

export default suite;

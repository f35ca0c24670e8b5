/**
 * The store benchmark (store.ts's runStoreScenario) in headless Chromium, whose IndexedDB
 * (LevelDB, C++) is what the extension really runs on; store.ts measures fake-indexeddb in Node.
 *
 * The scenario and lib/store are bundled with esbuild into one script, served with an empty
 * page from a fake https origin through Playwright's request routing (IndexedDB needs a real
 * origin), and run there. The browser's profile is a temporary directory Playwright deletes on
 * close, and the scenario deletes its database. Chromium: env CHROMIUM_PATH, else
 * /usr/bin/chromium. Sizes: env STORE_BENCH_SKUS / STORE_BENCH_OBSERVATIONS /
 * STORE_BENCH_CHROMIUM_SEED_MS.
 */
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { chromium } from '@playwright/test';
import type { StoreScenarioOptions, StoreScenarioResult } from './store';
import type { BenchSuite } from './types';

const ORIGIN = 'https://store-bench.test';
const here = dirname(fileURLToPath(import.meta.url));

/** fake-indexeddb is for Node: in the page, the browser's own IndexedDB is used. */
const noFakeIndexedDb: Plugin = {
  name: 'no-fake-indexeddb',
  setup(b) {
    b.onResolve({ filter: /^fake-indexeddb/ }, (args) => ({ path: args.path, namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

/** One browser script exposing runStoreScenario as globalThis.storeBench. */
async function bundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: "import { runStoreScenario } from './store'; (globalThis as any).storeBench = runStoreScenario;",
      resolveDir: here,
      sourcefile: 'store-chromium-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    plugins: [noFakeIndexedDb],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

const suite: BenchSuite = async () => {
  const options: StoreScenarioOptions = {
    skus: Number(process.env.STORE_BENCH_SKUS ?? 10_000),
    targetObservations: Number(process.env.STORE_BENCH_OBSERVATIONS ?? 1_000_000),
    seedBudgetMs: Number(process.env.STORE_BENCH_CHROMIUM_SEED_MS ?? 150_000),
  };
  const script = await bundle();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/bench.js') return route.fulfill({ contentType: 'text/javascript', body: script });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>store bench</title><script src="/bench.js"></script>' });
    });
    await page.goto(`${ORIGIN}/`);
    const version = browser.version();
    const result = await page.evaluate(
      (o) => (globalThis as unknown as { storeBench: (o: StoreScenarioOptions) => Promise<StoreScenarioResult> }).storeBench(o),
      options,
    );
    return [{
      title: 'Store (Dexie on Chromium IndexedDB)',
      environment: `headless Chromium ${version}, the browser's own IndexedDB, page on a fake https origin`,
      columns: ['operation', 'median ms', 'max ms', 'target ms', 'notes'],
      rows: result.rows,
      notes: result.notes,
    }];
  } finally {
    await browser.close();
  }
};

export default suite;

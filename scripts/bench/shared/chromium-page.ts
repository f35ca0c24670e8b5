/**
 * What the Chromium benchmarks share: lib code bundled with esbuild into one browser script,
 * run in headless Chromium on an empty page of a fake https origin (IndexedDB needs a real
 * origin), served through Playwright's request routing. The browser's profile is a temporary
 * directory Playwright deletes on close. Chromium: env CHROMIUM_PATH, else /usr/bin/chromium.
 */
import { build, type Plugin } from 'esbuild';
import { chromium, type Browser, type Page } from '@playwright/test';

export const BENCH_ORIGIN = 'https://store-bench.test';

/** fake-indexeddb is for Node: in the page, the browser's own IndexedDB is used. */
const noFakeIndexedDb: Plugin = {
  name: 'no-fake-indexeddb',
  setup(b) {
    b.onResolve({ filter: /^fake-indexeddb/ }, (args) => ({ path: args.path, namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

/**
 * One IIFE from a TypeScript entry (its imports resolved from `resolveDir`).
 * @example await bundleForBrowser("import { run } from './scenario'; (globalThis as any).run = run;", here)
 */
export async function bundleForBrowser(
  contents: string,
  resolveDir: string,
  sourcefile = 'bench-entry.ts',
  define: Record<string, string> = {},
): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir, sourcefile, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    plugins: [noFakeIndexedDb],
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** Headless Chromium (extra `args` added to the sandbox and GPU switches). */
export function launchBenchChromium(args: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', ...args] });
}

/**
 * The CSP of the extension's pages and service worker (MV3's default): no eval, so zod checks
 * without its compiled (new Function) parsers there, as it must here too. Served without it,
 * the bench page let zod compile, which the extension never can.
 */
const EXTENSION_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

/** Serves `script` as /bench.js with an empty page that loads it (under the extension's CSP), and opens that page. */
export async function openBenchPage(page: Page, script: string): Promise<void> {
  await page.route(`${BENCH_ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    // UTF-8 said outright: esbuild keeps non-ASCII regex literals as they are ('年', 'ä'), and
    // a script served without a charset is read as windows-1252, so those never matched.
    if (url.pathname === '/bench.js') return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script });
    return route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': EXTENSION_CSP },
      body: '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/bench.js"></script>',
    });
  });
  await page.goto(`${BENCH_ORIGIN}/`);
}

/**
 * Page-reading speed in happy-dom (Node): how long `adapter.parse` blocks on a loaded page.
 * The extension really runs in Chromium — see page-read-chromium.ts for that measurement; this
 * suite is the same reading in the DOM the unit tests use (happy-dom's DOM is written in JS and
 * is several times slower than Blink's, so it is the harder of the two).
 *
 * Builds each page of PAGE_CASES at 250 and 5,000 rows with the fixture builders, loads it into
 * happy-dom once, then times `adapter.parse` (median of several runs after a warm-up, a full
 * GC before each run). Targets: 250 rows < 20 ms, 5,000 rows < 300 ms.
 * Env PAGE_READ_CASES: comma-separated case keys to run (default all).
 */
import { Window } from 'happy-dom';
import { availableParallelism, loadavg } from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { BenchSuite, BenchTable } from './types';
import { adapterForUrl } from '../../lib/platforms';
import { marketplaceForUrl } from '../../lib/locale/markets';
import { buildAmazonManageInventoryHtml } from '../../tests/fixtures/builders/amazon-manage-inventory';
import { buildAmazonFbaInventoryHtml } from '../../tests/fixtures/builders/amazon-fba-inventory';
import { buildAmazonOrdersHtml } from '../../tests/fixtures/builders/amazon-orders';
import { buildWalmartManageItemsHtml } from '../../tests/fixtures/builders/walmart';
import { buildEbayActiveListingsHtml } from '../../tests/fixtures/builders/ebay';
import { demoListings, demoOrders } from '../../tests/fixtures/builders/demo-data';
import { median } from './shared/median';

export const TARGET_MS: Record<number, number> = { 250: 20, 5000: 300 };
export const SIZES = [250, 5000] as const;
/** The reading time every bench read uses. */
export const BENCH_NOW = '2026-03-01T12:00:00Z';

/** One seller page the benches read, on its real URL (the adapter is picked by URL, as the content script does). */
export interface PageCase {
  key: string;
  name: string;
  url: string;
  build(rows: number): string;
}

export const PAGE_CASES: PageCase[] = [
  {
    key: 'amazon-mai',
    name: 'Amazon Manage All Inventory',
    url: 'https://sellercentral.amazon.com/myinventory/inventory',
    build: (n) => buildAmazonManageInventoryHtml(demoListings(n, 1, 'amazon')),
  },
  // FBA Inventory lists FBA items only, so more listings are generated to fill n rows.
  {
    key: 'amazon-fba',
    name: 'Amazon FBA Inventory',
    url: 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth',
    build: (n) =>
      buildAmazonFbaInventoryHtml(
        fill(
          n,
          (k) => demoListings(k, 1, 'amazon'),
          (l) => l.fulfillment === 'FBA' && !l.isParent,
        ),
      ),
  },
  {
    key: 'walmart-items',
    name: 'Walmart Manage Items',
    url: 'https://seller.walmart.com/items-and-inventory/manage-items',
    build: (n) =>
      buildWalmartManageItemsHtml(
        fill(
          n,
          (k) => demoListings(k, 1, 'walmart'),
          (l) => !l.isParent,
        ),
      ),
  },
  {
    key: 'ebay-active',
    name: 'eBay Active listings',
    url: 'https://www.ebay.com/sh/lst/active',
    build: (n) => buildEbayActiveListingsHtml(demoListings(n, 1, 'ebay')),
  },
  {
    key: 'amazon-orders',
    name: 'Amazon Manage Orders',
    url: 'https://sellercentral.amazon.com/orders-v3',
    build: (n) => buildAmazonOrdersHtml(demoOrders(demoListings(500, 1, 'amazon'), n, 2, 'amazon', '2026-03-01')),
  },
];

/** The first `n` generated items that the page shows (the generator is prefix-stable). */
function fill<T>(n: number, gen: (count: number) => T[], shown: (item: T) => boolean): T[] {
  let count = n;
  for (;;) {
    const all = gen(count);
    const kept = all.filter(shown);
    if (kept.length >= n) return kept.slice(0, n);
    count = Math.ceil(count * 1.5);
  }
}

export function selectedCases(): PageCase[] {
  const wanted = (process.env.PAGE_READ_CASES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return wanted.length === 0 ? PAGE_CASES : PAGE_CASES.filter((c) => wanted.includes(c.key));
}

/**
 * A full collection before each timed run: building a 5,000-row page in happy-dom leaves
 * a lot of heap and garbage whose collection would otherwise be billed to the reader.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const suite: BenchSuite = async () => {
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  let allMet = true;
  const loadBefore = loadavg()[0]!;
  for (const c of selectedCases()) {
    for (const n of SIZES) {
      const window = new Window({ url: c.url });
      const doc = window.document;
      doc.write(c.build(n));
      const url = new URL(c.url);
      const adapter = adapterForUrl(url)!;
      const ctx = { url, market: marketplaceForUrl(url)!, now: new Date(BENCH_NOW) };
      const root = doc as unknown as ParentNode;
      const runs = n > 1000 ? 7 : 21;
      collectGarbage();
      const tFirst = performance.now();
      const first = adapter.parse(root, ctx); // warm-up (JIT, selector caches); reported as "first read"
      const firstMs = performance.now() - tFirst;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        collectGarbage();
        const t0 = performance.now();
        adapter.parse(root, ctx);
        times.push(performance.now() - t0);
      }
      const ms = median(times);
      const target = TARGET_MS[n]!;
      const met = ms < target;
      allMet &&= met;
      rows.push([
        c.name,
        n,
        first.rows.length,
        first.diagnostics.length,
        ms.toFixed(1),
        Math.min(...times).toFixed(1),
        firstMs.toFixed(1),
        `< ${target}`,
        met ? 'met' : 'NOT met',
      ]);
      await window.happyDOM.close();
      collectGarbage();
    }
  }
  notes.push(allMet ? 'All page-read targets met (happy-dom).' : 'Some page-read targets NOT met (happy-dom).');
  notes.push(
    `Load average (1 min) before / after: ${loadBefore.toFixed(1)} / ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (figures are inflated on a busy machine).`,
  );
  const table: BenchTable = {
    title: 'Page read, happy-dom (adapter.parse on a loaded page)',
    environment: `happy-dom, Node ${process.versions.node}`,
    columns: ['page', 'rows built', 'records', 'diagnostics', 'median ms', 'min ms', 'first read ms', 'target ms', 'target'],
    rows,
    notes,
  };
  return [table];
};
export default suite;

/**
 * Page-reading speed: how long the content script blocks the seller's page to read it.
 * Builds Amazon Manage All Inventory and eBay active-listings pages of 250 and 5,000 rows with
 * the fixture builders, loads each into happy-dom once, then times `adapter.parse` (median of
 * several runs after a warm-up). Targets: 250 rows < 20 ms, 5,000 rows < 300 ms.
 */
import { Window } from 'happy-dom';
import { loadavg } from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { BenchSuite, BenchTable } from './types';
import type { PageAdapter } from '../../lib/platforms/types';
import { marketplaceById } from '../../lib/locale/markets';
import { adapter as manageInventory } from '../../lib/platforms/amazon/manage-inventory';
import { adapter as ebayActive } from '../../lib/platforms/ebay/active-listings';
import { buildAmazonManageInventoryHtml } from '../../tests/fixtures/builders/amazon-manage-inventory';
import { buildEbayActiveListingsHtml } from '../../tests/fixtures/builders/ebay';
import { demoListings } from '../../tests/fixtures/builders/demo-data';

const TARGET_MS: Record<number, number> = { 250: 20, 5000: 300 };

interface Case { name: string; adapter: PageAdapter; url: string; market: string; build(rows: number): string }

const CASES: Case[] = [
  { name: 'Amazon Manage All Inventory', adapter: manageInventory, url: 'https://sellercentral.amazon.com/myinventory/inventory', market: 'amazon.com',
    build: (n) => buildAmazonManageInventoryHtml(demoListings(n, 1, 'amazon')) },
  { name: 'eBay Active listings', adapter: ebayActive, url: 'https://www.ebay.com/sh/lst/active', market: 'ebay.com',
    build: (n) => buildEbayActiveListingsHtml(demoListings(n, 1, 'ebay')) },
];

/**
 * A full collection before each timed run: building a 5,000-row page in happy-dom leaves
 * ~1.5 GB of heap and garbage whose collection would otherwise be billed to the reader.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };

const suite: BenchSuite = async () => {
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  let allMet = true;
  for (const c of CASES) {
    for (const n of [250, 5000]) {
      const window = new Window({ url: c.url });
      const doc = window.document;
      doc.write(c.build(n));
      const ctx = { url: new URL(c.url), market: marketplaceById(c.market)!, now: new Date('2026-03-01T12:00:00Z') };
      const root = doc as unknown as ParentNode;
      const runs = n > 1000 ? 7 : 21;
      const first = c.adapter.parse(root, ctx); // warm-up (JIT, selector caches)
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        collectGarbage();
        const t0 = performance.now();
        c.adapter.parse(root, ctx);
        times.push(performance.now() - t0);
      }
      const ms = median(times);
      const target = TARGET_MS[n]!;
      const met = ms < target;
      allMet &&= met;
      rows.push([c.name, n, first.rows.length, first.diagnostics.length, ms.toFixed(1), Math.min(...times).toFixed(1), `< ${target}`, met ? 'met' : 'NOT met']);
      await window.happyDOM.close();
      collectGarbage();
    }
  }
  notes.push(allMet ? 'All page-read targets met.' : 'Some page-read targets NOT met.');
  notes.push(`Load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (figures are inflated on a busy machine).`);
  const table: BenchTable = {
    title: 'Page read (adapter.parse on a loaded page)',
    environment: `happy-dom, Node ${process.versions.node}`,
    columns: ['page', 'rows built', 'records', 'diagnostics', 'median ms', 'min ms', 'target ms', 'target'],
    rows,
    notes,
  };
  return [table];
};
export default suite;

/**
 * Report import speed: 100,000-row files must parse in under 2 s in Node, so a seller's
 * full catalogue imports without a stall. Files are generated deterministically (a seeded
 * generator), parsed whole and in 64 KiB chunks (the way the options page feeds a File).
 */
import { loadavg } from 'node:os';
import { toDelimited } from '../../lib/reports/csv';
import { createReportParser, parseReport, type ReportParseOptions } from '../../lib/reports/parser';
import type { BenchSuite, BenchTable } from './types';
import { seededRandom } from '../../lib/random';

const ROWS = 100_000;
const TARGET_MS = 2_000;
const CHUNK = 64 * 1024;

/** Deterministic, so every run parses the same bytes. */
const random = seededRandom;

/** A Manage FBA Inventory TSV with `rows` listings. */
export function generateMyiTsv(rows: number, seed = 1): string {
  const rnd = random(seed);
  const int = (max: number) => Math.floor(rnd() * max);
  const header = [
    'sku',
    'fnsku',
    'asin',
    'product-name',
    'condition',
    'your-price',
    'mfn-listing-exists',
    'mfn-fulfillable-quantity',
    'afn-listing-exists',
    'afn-warehouse-quantity',
    'afn-fulfillable-quantity',
    'afn-unsellable-quantity',
    'afn-reserved-quantity',
    'afn-total-quantity',
    'per-unit-volume',
    'afn-inbound-working-quantity',
    'afn-inbound-shipped-quantity',
    'afn-inbound-receiving-quantity',
    'afn-researching-quantity',
    'afn-reserved-future-supply',
    'afn-future-supply-buyable',
  ];
  const lines = [header.join('\t')];
  for (let i = 0; i < rows; i++) {
    const fulfillable = int(2000);
    const unsellable = int(5);
    const reserved = int(50);
    const inbound = [int(100), int(100), int(100)];
    const warehouse = fulfillable + unsellable + reserved;
    lines.push(
      [
        `SKU-${i.toString(36).toUpperCase().padStart(6, '0')}`,
        `X00${i.toString(36).toUpperCase().padStart(7, '0')}`,
        `B0${i.toString(36).toUpperCase().padStart(8, '0')}`,
        `Product ${i} – bamboo towel set, ${int(6) + 1} pack, colour ${['grey', 'white', 'navy'][int(3)]}`,
        'New',
        (int(10000) / 100 + 1).toFixed(2),
        'No',
        '',
        'Yes',
        String(warehouse),
        String(fulfillable),
        String(unsellable),
        String(reserved),
        String(warehouse + inbound[0]! + inbound[1]! + inbound[2]!),
        (rnd() * 2).toFixed(2),
        String(inbound[0]),
        String(inbound[1]),
        String(inbound[2]),
        '0',
        '0',
        '0',
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** An eBay active-listings CSV (fully quoted, CRLF, BOM) with variation groups. */
export function generateEbayCsv(rows: number, seed = 2): string {
  const rnd = random(seed);
  const int = (max: number) => Math.floor(rnd() * max);
  const header = [
    'Item number',
    'Title',
    'Variation details',
    'Custom label (SKU)',
    'Available quantity',
    'Format',
    'Currency',
    'Start price',
    'Auction Buy It Now price',
    'Reserve price',
    'Current price',
    'Sold quantity',
    'Watchers',
    'Bids',
    'Start date',
    'End date',
    'eBay category 1 name',
    'eBay category 1 number',
    'Condition',
    'P:UPC',
    'P:EAN',
    'P:ISBN',
    'eBay Product ID(ePID)',
    'Listing site',
  ];
  const table: string[][] = [header];
  const colours = ['Red', 'Blue', 'Green', 'Black'];
  let item = 394857000000;
  while (table.length <= rows) {
    item++;
    const variations = int(4) === 0 ? 1 + int(4) : 0;
    const title = `Cotton T-Shirt "Classic", unisex ${item % 1000}${int(20) === 0 ? '\nsecond line' : ''}`;
    const base = (sku: string, variation: string) => [
      String(item),
      title,
      variation,
      sku,
      String(int(50)),
      'FIXED_PRICE',
      'USD',
      '12.99',
      '',
      '',
      (int(5000) / 100 + 1).toFixed(2),
      String(int(500)),
      String(int(30)),
      '0',
      'Jun-29-26 16:00:01 PDT',
      '',
      'T-Shirts',
      '15687',
      'New',
      '',
      '',
      '',
      '',
      'US',
    ];
    if (variations === 0) table.push(base(`EB-${item}`, ''));
    else for (let v = 0; v < variations && table.length <= rows; v++) table.push(base(`EB-${item}-${colours[v]}`, `Color=${colours[v]};Size=M`));
  }
  return `\uFEFF${toDelimited(table, ',', '\r\n')}`;
}

/** CPU milliseconds of this process since `from` (robust to other processes sharing the cores). */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

function timeWhole(text: string, options: ReportParseOptions) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = parseReport(text, options);
  return { ms: performance.now() - start, cpu: cpuMs(cpu), rows: result.rows.length, diagnostics: result.diagnostics.length, reportId: result.reportId };
}

function timeChunked(text: string, options: ReportParseOptions) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const parser = createReportParser(options);
  let rows = 0;
  let longest = 0;
  for (let i = 0; i < text.length; i += CHUNK) {
    const t = performance.now();
    rows += parser.push(text.slice(i, i + CHUNK)).rows.length;
    longest = Math.max(longest, performance.now() - t);
  }
  rows += parser.finish().rows.length;
  return { ms: performance.now() - start, cpu: cpuMs(cpu), rows, longest };
}

const suite: BenchSuite = async () => {
  const now = new Date('2026-06-29T18:00:00Z');
  const files: [string, string, ReportParseOptions][] = [
    ['Manage FBA Inventory TSV', generateMyiTsv(ROWS), { marketplace: 'amazon.com', now }],
    ['eBay active listings CSV', generateEbayCsv(ROWS), { marketplace: 'ebay.com', now }],
  ];
  const table: BenchTable = {
    title: `Report import: ${ROWS.toLocaleString('en-US')} rows`,
    environment: `Node ${process.versions.node}, one core`,
    columns: ['file', 'MB', 'mode', 'rows out', 'wall ms', 'CPU ms', 'rows/s (wall)', 'longest push (ms)', `< ${TARGET_MS} ms (wall)`],
    rows: [],
    notes: [
      `Target: ${ROWS.toLocaleString('en-US')} rows in under ${TARGET_MS / 1000} s. Chunked = ${CHUNK / 1024} KiB pushes, as the options page feeds a File stream.`,
      `Load average during the run: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} (CPU ms is the process's own CPU time; wall ms grows when other processes share the cores).`,
    ],
  };
  for (const [name, text, options] of files) {
    timeWhole(text, options); // warm-up: JIT and Intl caches
    const whole = timeWhole(text, options);
    const chunked = timeChunked(text, options);
    const mb = (text.length / 1e6).toFixed(1);
    table.rows.push([
      name,
      mb,
      'whole',
      whole.rows,
      Math.round(whole.ms),
      Math.round(whole.cpu),
      Math.round((ROWS / whole.ms) * 1000),
      '-',
      whole.ms < TARGET_MS ? 'yes' : 'NO',
    ]);
    table.rows.push([
      name,
      mb,
      'chunked',
      chunked.rows,
      Math.round(chunked.ms),
      Math.round(chunked.cpu),
      Math.round((ROWS / chunked.ms) * 1000),
      chunked.longest.toFixed(1),
      chunked.ms < TARGET_MS ? 'yes' : 'NO',
    ]);
  }
  return [table];
};

export default suite;

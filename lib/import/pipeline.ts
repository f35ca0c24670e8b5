/**
 * Report import as the options page runs it: read a file a chunk at a time through the
 * incremental parser (yielding to the event loop between chunks so a 100,000-row file never
 * freezes the page), keep everything in memory for the preview, and only when the seller
 * confirms send the rows to the background in batches. Nothing here touches the store.
 */
import { createReportParser, reportById, type ReportId, type ReportParseOptions } from '../reports';
import type { Diagnostic, Observation } from '../records';

export interface ReportFileLike {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
}

export interface FilePreview {
  name: string;
  reportId: ReportId | undefined;
  /** Report title for display (English, from the report registry), when detected. */
  reportTitle: string | undefined;
  rows: Observation[];
  counts: { listing: number; order: number };
  /** Rows per marketplace, most first: the file may name each row's (Amazon's sales-channel). */
  marketplaces: { marketplace: string; rows: number }[];
  /** Problems that name a line of the file (1-based), in line order. */
  lineProblems: Diagnostic[];
  /** Problems about the whole file (missing column, unknown report, more-lines summaries). */
  fileProblems: Diagnostic[];
}

interface ReadHooks {
  /** Called after each chunk with bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Lets the UI paint between chunks; default: a macrotask (setTimeout 0). */
  yieldToUi?: () => Promise<void>;
  /** Largest piece of text handed to the parser at once (characters). */
  maxChunkChars?: number;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Parses one report file incrementally.
 * @example const preview = await readReportFile(file, { marketplace: 'amazon.com', now: new Date() }, { onProgress: (r, t) => bar.value = r / t });
 */
export async function readReportFile(
  file: ReportFileLike,
  // dateRange: the days a Business Report covers (it has no dates); skuByAsin: known listings, for rows without a SKU.
  options: Pick<ReportParseOptions, 'marketplace' | 'now' | 'dateRange' | 'skuByAsin'>,
  hooks: ReadHooks = {},
): Promise<FilePreview> {
  const { marketplace, now, dateRange, skuByAsin } = options;
  const parser = createReportParser({ marketplace, now, fileName: file.name, ...(dateRange ? { dateRange } : {}), ...(skuByAsin ? { skuByAsin } : {}) });
  const pause = hooks.yieldToUi ?? defaultYield;
  const maxChars = hooks.maxChunkChars ?? 256 * 1024;
  const rows: Observation[] = [];
  const diagnostics: Diagnostic[] = [];
  const decoder = new TextDecoder('utf-8');
  const reader = file.stream().getReader();
  let bytesRead = 0;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i += maxChars) {
      const result = parser.push(text.slice(i, i + maxChars));
      rows.push(...result.rows);
      diagnostics.push(...result.diagnostics);
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    feed(decoder.decode(value, { stream: true }));
    hooks.onProgress?.(bytesRead, file.size);
    await pause();
  }
  feed(decoder.decode());
  const end = parser.finish();
  rows.push(...end.rows);
  diagnostics.push(...end.diagnostics);
  hooks.onProgress?.(file.size, file.size);

  const counts = { listing: 0, order: 0 };
  for (const r of rows) counts[r.kind]++;
  const perMarketplace = new Map<string, number>();
  for (const r of rows) perMarketplace.set(r.marketplace, (perMarketplace.get(r.marketplace) ?? 0) + 1);
  const lineProblems = diagnostics.filter((d) => typeof d.row === 'number').sort((a, b) => (a.row as number) - (b.row as number));
  const fileProblems = diagnostics.filter((d) => typeof d.row !== 'number');
  return {
    name: file.name,
    reportId: end.reportId,
    reportTitle: end.reportId ? reportById(end.reportId)?.title : undefined,
    rows,
    counts,
    marketplaces: [...perMarketplace].map(([marketplace, n]) => ({ marketplace, rows: n })).sort((a, b) => b.rows - a.rows),
    lineProblems,
    fileProblems,
  };
}

interface ReportTypeCount {
  reportId: ReportId | undefined;
  files: number;
  listing: number;
  order: number;
  /** Distinct lines with an error or warning. */
  linesWithProblems: number;
}

/**
 * Counts per report type detected, across the files of one import.
 * @example countByReport([myiPreview, ordersPreview]).map((c) => c.reportId) // ['amazon/fba-myi', 'amazon/orders']
 */
export function countByReport(previews: readonly FilePreview[]): ReportTypeCount[] {
  const out = new Map<string, ReportTypeCount>();
  for (const p of previews) {
    const id = p.reportId ?? '';
    const c = out.get(id) ?? { reportId: p.reportId, files: 0, listing: 0, order: 0, linesWithProblems: 0 };
    c.files++;
    c.listing += p.counts.listing;
    c.order += p.counts.order;
    c.linesWithProblems += new Set(p.lineProblems.filter((d) => d.level !== 'info').map((d) => d.row)).size;
    out.set(id, c);
  }
  return [...out.values()];
}

/**
 * Splits rows into batches of `size`.
 * @example [...batches([1, 2, 3], 2)] // [[1, 2], [3]]
 */
export function* batches<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

interface CommitBatch {
  importId: string;
  batchIndex: number;
  rows: Observation[];
  last: boolean;
}

export interface CommitTotals {
  received: number;
  stored: number;
  rejected: number;
  newListings: number;
}

/**
 * Sends confirmed rows to the background batch by batch (`send` is the `import/commit` call),
 * one at a time so the store is never asked to merge two batches at once.
 * @example await commitRows(rows, (b) => rpc('import/commit', b), { batchSize: 5000, onProgress: (done, total) => ... })
 */
export async function commitRows(
  rows: readonly Observation[],
  send: (batch: CommitBatch) => Promise<CommitTotals>,
  options: { batchSize: number; importId?: string; onProgress?: (done: number, total: number) => void },
): Promise<CommitTotals> {
  const importId = options.importId ?? `import-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const totals: CommitTotals = { received: 0, stored: 0, rejected: 0, newListings: 0 };
  const all = rows.length ? [...batches(rows, options.batchSize)] : [[]];
  let done = 0;
  for (const [batchIndex, batch] of all.entries()) {
    const result = await send({ importId, batchIndex, rows: batch, last: batchIndex === all.length - 1 });
    totals.received += result.received;
    totals.stored += result.stored;
    totals.rejected += result.rejected;
    totals.newListings += result.newListings;
    done += batch.length;
    options.onProgress?.(done, rows.length);
  }
  return totals;
}

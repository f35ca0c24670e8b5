/**
 * Report import as the options page runs it. A file is read once, a chunk at a time through
 * the incremental parser (yielding to the event loop between chunks so a 500,000-line order
 * history never freezes the page), for the preview (counts, first rows, problems); its rows
 * are kept for the storing pass packed in batches (lib/import/packed-rows.ts) as Blobs, so the
 * page's memory holds one batch of rows, not the file's. When the seller confirms, the packed
 * batches go to the background one by one. Nothing here touches the store; the journal of a
 * running import (`ImportJournal`) lets an import interrupted by a closed page go on from the
 * last stored batch when the same files are chosen (and so previewed) again.
 */
import { createReportParser, reportById, type ReportId, type ReportParseOptions } from '../reports';
import type { Diagnostic, Observation, Platform } from '../records';
import { feeFactsOf, type ReadFeeFacts } from './fee-facts';
import { packRows } from './packed-rows';

export interface ReportFileLike {
  name: string;
  size: number;
  /** Files have it; the journal tells the same file from another of the same name and size. */
  lastModified?: number;
  stream(): ReadableStream<Uint8Array>;
}

/** Rows of each file shown in its preview. */
const PREVIEW_ROWS = 5;

export interface FilePreview {
  name: string;
  reportId: ReportId | undefined;
  /** Report title for display (English, from the report registry), when detected. */
  reportTitle: string | undefined;
  /** The file's first rows (at most PREVIEW_ROWS), so the seller can see the columns were read right. */
  firstRows: Observation[];
  counts: { listing: number; order: number };
  /** Rows per marketplace, most first: the file may name each row's (Amazon's sales-channel). */
  marketplaces: { marketplace: string; rows: number }[];
  /**
   * The report names each row's marketplace (its definition's `marketplaceColumn`): the
   * import's marketplace then only fills rows that name none, so the seller need not choose it.
   */
  namesMarketplace: boolean;
  /** The platform of the detected report (which seller account it likely belongs to). */
  platform: Platform | undefined;
  /** Problems that name a line of the file (1-based), in line order. */
  lineProblems: Diagnostic[];
  /** Problems about the whole file (missing column, unknown report, more-lines summaries). */
  fileProblems: Diagnostic[];
  /**
   * Each SKU's size tier, shipping weight and unit volume as the file gives them (one entry per
   * SKU: a catalogue's size, whatever the file's), for listing where they differ from the
   * seller's entries (lib/import/fee-facts.ts).
   */
  feeFacts: ReadFeeFacts[];
}

interface ReadHooks {
  /** Called after each chunk with bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Lets the UI paint between chunks (and pieces of `maxChunkChars`); default: `defaultYield`. */
  yieldToUi?: () => Promise<void>;
  /** Largest piece of text handed to the parser at once (characters). */
  maxChunkChars?: number;
  /** Keeps the file's rows for the storing pass (one stager for all files of an import, in order). */
  stage?: RowStager;
}

// dateRange: the days a Business Report covers (it has no dates); skuByAsin: known listings, for rows without a SKU.
type ReadOptions = Pick<ReportParseOptions, 'marketplace' | 'now' | 'dateRange' | 'skuByAsin'>;

/**
 * Gives the event loop a turn. `scheduler.yield()` (Chromium 129+) where there is one: a chain
 * of setTimeout(0) is held to 4 ms a turn, and 434 turns of the 500,000-line bench file waited
 * 2.5 s that way against 0.13 s (2026-12-04, load 7).
 */
const defaultYield = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise<void>((resolve) => setTimeout(resolve, 0));
};

/**
 * Streams one file through the parser, handing each chunk's rows to `onRows` (awaited, so a
 * slow consumer holds the reading back) and returning the file's problems and report.
 */
async function streamFile(
  file: ReportFileLike,
  options: ReadOptions,
  hooks: ReadHooks,
  onRows: (rows: Observation[]) => void | Promise<void>,
): Promise<{ reportId: ReportId | undefined; diagnostics: Diagnostic[] }> {
  const { marketplace, now, dateRange, skuByAsin } = options;
  const parser = createReportParser({ marketplace, now, fileName: file.name, ...(dateRange ? { dateRange } : {}), ...(skuByAsin ? { skuByAsin } : {}) });
  const pause = hooks.yieldToUi ?? defaultYield;
  const maxChars = hooks.maxChunkChars ?? 256 * 1024;
  const diagnostics: Diagnostic[] = [];
  const decoder = new TextDecoder('utf-8');
  const reader = file.stream().getReader();
  let bytesRead = 0;
  const feed = async (text: string) => {
    for (let i = 0; i < text.length; i += maxChars) {
      // A File's stream hands over 2 MB at a time in Chromium: parsing that at once kept the
      // page from painting for about 100 ms (500,000-line bench file, 2026-12-04).
      if (i > 0) await pause();
      const result = parser.push(text.slice(i, i + maxChars));
      diagnostics.push(...result.diagnostics);
      if (result.rows.length > 0) await onRows(result.rows);
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    await feed(decoder.decode(value, { stream: true }));
    hooks.onProgress?.(bytesRead, file.size);
    await pause();
  }
  await feed(decoder.decode());
  const end = parser.finish();
  diagnostics.push(...end.diagnostics);
  if (end.rows.length > 0) await onRows(end.rows);
  hooks.onProgress?.(file.size, file.size);
  return { reportId: end.reportId, diagnostics };
}

/**
 * Reads one report file for its preview: counts, first rows and problems, keeping no other rows.
 * @example const preview = await readReportFile(file, { marketplace: 'amazon.com', now: new Date() }, { onProgress: (r, t) => bar.value = r / t });
 */
export async function readReportFile(file: ReportFileLike, options: ReadOptions, hooks: ReadHooks = {}): Promise<FilePreview> {
  const firstRows: Observation[] = [];
  const counts = { listing: 0, order: 0 };
  const perMarketplace = new Map<string, number>();
  const feeFacts = new Map<string, ReadFeeFacts>();
  const { reportId, diagnostics } = await streamFile(file, options, hooks, (rows) => {
    hooks.stage?.add(rows);
    for (const r of rows) {
      if (firstRows.length < PREVIEW_ROWS) firstRows.push(r);
      counts[r.kind]++;
      perMarketplace.set(r.marketplace, (perMarketplace.get(r.marketplace) ?? 0) + 1);
      const facts = feeFactsOf(r);
      if (facts) feeFacts.set(facts.sku, { ...feeFacts.get(facts.sku), ...facts });
    }
  });
  const lineProblems = diagnostics.filter((d) => typeof d.row === 'number').sort((a, b) => (a.row as number) - (b.row as number));
  const fileProblems = diagnostics.filter((d) => typeof d.row !== 'number');
  const report = reportId ? reportById(reportId) : undefined;
  return {
    name: file.name,
    reportId,
    reportTitle: report?.title,
    namesMarketplace: report?.marketplaceColumn !== undefined,
    platform: report?.platform,
    firstRows,
    counts,
    marketplaces: [...perMarketplace].map(([marketplace, n]) => ({ marketplace, rows: n })).sort((a, b) => b.rows - a.rows),
    lineProblems,
    fileProblems,
    feeFacts: [...feeFacts.values()],
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

/** One `import/commit-packed` message. */
interface PackedBatch {
  importId: string;
  batchIndex: number;
  /** The batch's rows (packRows). */
  packed: string;
  last: boolean;
  /** The seller account the files go to (absent: the default account). */
  account?: string;
}

/**
 * The rows of an import's previewed files, kept for the storing pass: packed batches of the
 * import's batch size (the last one shorter), in file and row order. The browser holds them as
 * Blobs, outside the page's JavaScript heap.
 */
export interface StagedImport {
  batches: { rows: number; blob: Blob }[];
  rows: number;
  /** Bytes of the packed batches. */
  bytes: number;
}

interface RowStager {
  add(rows: readonly Observation[]): void;
  finish(): StagedImport;
}

/**
 * Collects the rows the preview reads into packed batches of `batchSize` rows: the batches are
 * those a resumed import counts, so they must not depend on the files' chunking.
 * @example const stage = createStager(5000); await readReportFile(file, options, { stage }); const staged = stage.finish();
 */
export function createStager(batchSize: number): RowStager {
  const batches: StagedImport['batches'] = [];
  let pending: Observation[] = [];
  let rows = 0;
  let bytes = 0;
  const seal = () => {
    const blob = new Blob([packRows(pending)]);
    batches.push({ rows: pending.length, blob });
    bytes += blob.size;
    pending = [];
  };
  return {
    add(more) {
      for (const row of more) {
        pending.push(row);
        rows++;
        if (pending.length === batchSize) seal();
      }
    },
    finish() {
      if (pending.length > 0) seal();
      return { batches, rows, bytes };
    },
  };
}

export interface CommitTotals {
  received: number;
  stored: number;
  rejected: number;
  newListings: number;
}

/**
 * Where a running import stands, kept by the page (localStorage) after every stored batch, so a
 * closed page costs only the batch it was storing.
 */
export interface ImportProgress {
  importId: string;
  /** The import's files (name, size, last modified): the same files must be chosen to go on. */
  files: string[];
  /** Batches stored, counted from 0; rows stored = what those batches held. */
  batchesDone: number;
  rowsDone: number;
  rowsTotal: number;
  /** The seller account the stored batches went to: the rest follows them there. */
  account?: string;
}

export interface ImportJournal {
  load(): ImportProgress | undefined;
  save(progress: ImportProgress): void;
  clear(): void;
}

/**
 * What identifies a chosen file for resuming: name, size and last-modified time ('orders.txt|10|5').
 */
function fileSignature(file: Pick<ReportFileLike, 'name' | 'size' | 'lastModified'>): string {
  return `${file.name}|${file.size}|${file.lastModified ?? ''}`;
}

/**
 * The unfinished import these files continue, if the journal holds one for exactly these files.
 * @example resumableImport(journal.load(), files)?.rowsDone // 40000
 */
export function resumableImport(progress: ImportProgress | undefined, files: readonly ReportFileLike[]): ImportProgress | undefined {
  if (!progress || progress.files.length !== files.length) return undefined;
  return files.every((f, i) => fileSignature(f) === progress.files[i]) ? progress : undefined;
}

const newImportId = () => `import-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Sends the staged batches of the confirmed files to the background (`send` is the
 * `import/commit-packed` call), one at a time so the store never merges two at once, then an
 * empty last batch that asks for the re-plan. Nothing is parsed again: the preview's batches go
 * as they were packed. With `resume`, the batches it stored are skipped and the batch numbers go
 * on from there (the background then re-plans the whole store, since it no longer knows the
 * earlier batches' products) into the account the stored batches went to. Every batch names the
 * account the files go to (`account`, absent: the default). The next batch is read from its
 * Blob while one is stored.
 * @example await commitStaged(staged, { files, send: (b) => rpc('import/commit-packed', b), journal })
 */
export async function commitStaged(
  staged: StagedImport,
  options: {
    /** The previewed files (the journal names them, for resuming). */
    files: readonly ReportFileLike[];
    /** The seller account the files go to (absent: the default account). */
    account?: string;
    send: (batch: PackedBatch) => Promise<CommitTotals>;
    journal?: ImportJournal;
    resume?: ImportProgress;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<CommitTotals> {
  const { send, journal, resume } = options;
  const importId = resume?.importId ?? newImportId();
  const account = resume ? resume.account : options.account;
  const ofAccount = account === undefined ? {} : { account };
  const signatures = options.files.map(fileSignature);
  const totals: CommitTotals = { received: 0, stored: 0, rejected: 0, newListings: 0 };
  const first = Math.min(resume?.batchesDone ?? 0, staged.batches.length);
  const packedAt = (index: number): Promise<string> => {
    const batch = staged.batches[index];
    return batch ? batch.blob.text() : Promise.resolve(packRows([]));
  };
  let rowsSeen = staged.batches.slice(0, first).reduce((n, b) => n + b.rows, 0);
  let next = packedAt(first);
  for (let index = first; index <= staged.batches.length; index++) {
    const packed = await next;
    // Read while this one is stored; awaited next round, so a failure then is not "unhandled".
    next = packedAt(index + 1);
    next.catch(() => {});
    rowsSeen += staged.batches[index]?.rows ?? 0;
    const last = index === staged.batches.length;
    const result = await send({ importId, batchIndex: index, packed, last, ...ofAccount });
    totals.received += result.received;
    totals.stored += result.stored;
    totals.rejected += result.rejected;
    totals.newListings += result.newListings;
    journal?.save({ importId, files: signatures, batchesDone: index + 1, rowsDone: rowsSeen, rowsTotal: staged.rows, ...ofAccount });
    options.onProgress?.(rowsSeen, staged.rows);
  }
  journal?.clear();
  return totals;
}

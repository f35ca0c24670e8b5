/**
 * The import benchmark's scenario, run inside a page (scripts/bench/import-chromium.ts): what
 * the options page does with a dropped order-history file (lib/import/pipeline.ts: the preview
 * pass, then the storing pass in `import/commit` batches), against the background's real
 * import handler on the browser's own IndexedDB, then the re-plan the last batch asks for.
 * Each batch goes as the extension sends it: the options page's client checks the batch's
 * fields, it is copied (structuredClone, as runtime messaging copies it), and the background's
 * dispatcher validates it, every row included, before the handler runs.
 */
import { createImportExportHandlers } from '../../../lib/background/options-handlers';
import { replanProducts } from '../../../lib/background/replan';
import { commitFiles, readReportFile } from '../../../lib/import/pipeline';
import { IMPORT_BATCH_ROWS } from '../../../lib/messaging/protocol-options';
import { createClient, createDispatcher } from '../../../lib/messaging/rpc';
import { OPTIONS_PAGE } from '../../../lib/messaging/senders';
import { countOrderLines, openStore } from '../../../lib/store';
import { generateOrdersTsv } from './orders-file';
import { heapMb, heapSampler } from '../shared/heap';

export interface ImportScenarioResult {
  lines: number;
  megabytes: number;
  previewMs: number;
  storeMs: number;
  replanMs: number;
  /** Of storeMs: in the `import/commit` messages (the page's batch check, the copy, the dispatcher's validation, the handler), and in the handler alone (the merge). */
  sendMs: number;
  handlerMs: number;
  ordersStored: number;
  /** Largest used JS heap seen between chunks (MB; needs --enable-precise-memory-info), and before. */
  heapBeforeMb: number;
  heapPeakMb: number;
  /** Largest heap right after a forced collection (needs --expose-gc): what the import really holds. */
  heapLivePeakMb: number;
}

export async function runImportScenario(options: { lines: number; skus: number; days: number; columns: readonly string[] }): Promise<ImportScenarioResult> {
  const now = new Date('2026-12-02T12:00:00Z');
  const file = new File([generateOrdersTsv({ ...options, end: now })], 'All Orders.txt', { lastModified: 1 });
  const db = await openStore(`import-bench-${Date.now()}`);
  let replanMs = 0;
  const handlers = createImportExportHandlers({
    db,
    now: () => now,
    replan: async (ids) => {
      const start = performance.now();
      await replanProducts(db, ids, now);
      replanMs += performance.now() - start;
    },
  });
  let handlerMs = 0;
  const commit = handlers['import/commit'];
  handlers['import/commit'] = async (...args) => {
    const at = performance.now();
    try {
      return await commit(...args);
    } finally {
      handlerMs += performance.now() - at;
    }
  };
  const extensionBaseUrl = 'chrome-extension://bench/';
  const dispatch = createDispatcher(handlers, { extensionBaseUrl });
  const rpc = createClient((message) => dispatch(structuredClone(message), { url: `${extensionBaseUrl}${OPTIONS_PAGE}` }));
  // The file is generated, so what the page holds before reading it is the baseline.
  const heapBeforeMb = heapMb();
  const heap = heapSampler();
  const yieldToUi = () =>
    new Promise<void>((resolve) => {
      heap.sample();
      setTimeout(resolve, 0);
    });
  const readOptions = { marketplace: 'amazon.com', now };
  let start = performance.now();
  const preview = await readReportFile(file, readOptions, { yieldToUi });
  const previewMs = performance.now() - start;
  start = performance.now();
  let sendMs = 0;
  await commitFiles([file], readOptions, {
    batchSize: IMPORT_BATCH_ROWS,
    rowsTotal: preview.counts.order,
    yieldToUi,
    send: async (batch) => {
      const at = performance.now();
      const result = await rpc('import/commit', batch);
      sendMs += performance.now() - at;
      heap.sample();
      return result;
    },
  });
  // The last batch's re-plan is timed on its own.
  const storeMs = performance.now() - start - replanMs;
  const ordersStored = await countOrderLines(db);
  db.close();
  await indexedDB.deleteDatabase(db.name);
  // The last batch's handler ran the re-plan: its time is reported on its own.
  return {
    lines: options.lines,
    megabytes: file.size / 1e6,
    previewMs,
    storeMs,
    replanMs,
    sendMs: sendMs - replanMs,
    handlerMs: handlerMs - replanMs,
    ordersStored,
    heapBeforeMb,
    heapPeakMb: heap.peakMb(),
    heapLivePeakMb: heap.livePeakMb(),
  };
}

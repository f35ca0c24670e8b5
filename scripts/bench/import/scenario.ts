/**
 * The import benchmark's scenario, run inside a page (scripts/bench/import-chromium.ts): what
 * the options page does with a dropped order-history file (lib/import/pipeline.ts: the preview
 * pass, which keeps the rows packed, then the storing pass in `import/commit-packed` batches),
 * against the background's real import handler on the browser's own IndexedDB, then the re-plan
 * the last batch asks for. Each batch goes as the extension sends it: the options page's client
 * checks the batch's fields, it is copied (structuredClone, as runtime messaging copies it), and
 * the background's dispatcher unpacks it and validates every row before the handler runs.
 */
import { createImportExportHandlers } from '../../../lib/background/options-handlers';
import { replanProducts } from '../../../lib/background/replan';
import { commitStaged, createStager, readReportFile } from '../../../lib/import/pipeline';
import { IMPORT_BATCH_ROWS } from '../../../lib/messaging/protocol-options';
import { createClient, createDispatcher } from '../../../lib/messaging/rpc';
import { OPTIONS_PAGE } from '../../../lib/messaging/senders';
import { countOrderLines, mergeObservations, openStore, type StoreDb } from '../../../lib/store';
import type { Observation } from '../../../lib/records';
import { benchSku, generateOrdersTsv } from './orders-file';
import { heapMb, heapSampler } from '../shared/heap';

export interface ImportScenarioResult {
  lines: number;
  megabytes: number;
  previewMs: number;
  storeMs: number;
  replanMs: number;
  /** Of storeMs: in the `import/commit-packed` messages (the page's batch check, the copy, the dispatcher's unpacking and validation, the handler), and in the handler alone (the merge). */
  sendMs: number;
  handlerMs: number;
  ordersStored: number;
  /** Size of the packed rows the preview kept for the storing pass (held as Blobs, outside the JS heap). */
  stagedMb: number;
  /** Largest used JS heap seen between chunks (MB; needs --enable-precise-memory-info), and before. */
  heapBeforeMb: number;
  heapPeakMb: number;
  /** Largest heap right after a forced collection (needs --expose-gc): what the import really holds. */
  heapLivePeakMb: number;
}

/**
 * Stores the catalogue's listings as reading Manage All Inventory would (250 rows a merge): a
 * seller importing order history has usually opened the listing pages, and a merge of order
 * lines for stored listings costs more than one into an empty store (each line's listing).
 */
async function storeCatalogue(db: StoreDb, skus: number, now: Date): Promise<void> {
  const observedAt = new Date(now.getTime() - 3_600_000).toISOString();
  const rows: Observation[] = Array.from({ length: skus }, (_, i) => ({
    kind: 'listing',
    platform: 'amazon',
    marketplace: 'amazon.com',
    source: 'amazon/manage-inventory',
    observedAt,
    observedDate: observedAt.slice(0, 10),
    sku: benchSku(i),
    title: `Product ${i} bamboo towel set`,
    fulfillment: i % 3 === 0 ? 'SELLER' : 'FBA',
    available: 20 + (i % 50),
    price: { amountMinor: 500 + (i % 40) * 100, currency: 'USD' },
  }));
  for (let i = 0; i < rows.length; i += 250) await mergeObservations(db, rows.slice(i, i + 250), now);
}

export async function runImportScenario(options: {
  lines: number;
  skus: number;
  days: number;
  columns: readonly string[];
  /** Import into an empty store instead of one holding the catalogue's listings. */
  emptyStore: boolean;
}): Promise<ImportScenarioResult> {
  const now = new Date('2026-12-02T12:00:00Z');
  const file = new File([generateOrdersTsv({ ...options, end: now })], 'All Orders.txt', { lastModified: 1 });
  const db = await openStore(`import-bench-${Date.now()}`);
  if (!options.emptyStore) await storeCatalogue(db, options.skus, now);
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
  const commit = handlers['import/commit-packed'];
  handlers['import/commit-packed'] = async (...args) => {
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
  const readOptions = { marketplace: 'amazon.com', now };
  let start = performance.now();
  const stage = createStager(IMPORT_BATCH_ROWS);
  // Sampled after each piece the file's stream gives (every 25th sample collects garbage first).
  await readReportFile(file, readOptions, { onProgress: () => heap.sample(), stage });
  const staged = stage.finish();
  const previewMs = performance.now() - start;
  start = performance.now();
  let sendMs = 0;
  await commitStaged(staged, {
    files: [file],
    send: async (batch) => {
      const at = performance.now();
      const result = await rpc('import/commit-packed', batch);
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
    stagedMb: staged.bytes / 1e6,
    heapBeforeMb,
    heapPeakMb: heap.peakMb(),
    heapLivePeakMb: heap.livePeakMb(),
  };
}

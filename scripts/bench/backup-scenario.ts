/**
 * The backup benchmark's scenario: a store seeded as store.ts seeds it (SKUs x days of
 * readings, in the v4 layout), backed up through the options page's client and the
 * background's handlers (downloadBackup: many `backup/next` parts into a Blob), deleted, and
 * restored from that Blob (restoreBackupFile: read in slices, checked whole, then written);
 * then backed up again, to check every table has the same rows and checksum.
 *
 * Both halves run in one page here (no message passing between processes), so the memory
 * figure is the page's JavaScript heap with both halves in it, sampled after every message;
 * Blob parts live outside that heap (the browser keeps them, on disk when large).
 *
 * backup.ts runs it in headless Chromium (1,000,000 readings); this file's own suite runs it on
 * fake-indexeddb in Node at a smaller size (env BACKUP_BENCH_NODE_OBSERVATIONS).
 */
import 'fake-indexeddb/auto';
import { createBackupHandlers } from '../../lib/background/backup-handlers';
import { downloadBackup, restoreBackupFile } from '../../lib/messaging/backup-client';
import { createClient, createDispatcher } from '../../lib/messaging/rpc';
import { openStore } from '../../lib/store/db';
import { deleteAllData } from '../../lib/store/backup';
import { seed, type StoreScenarioOptions } from './store';
import { heapMb, heapSampler } from './shared/heap';
import type { BenchSuite } from './types';

const BASE = 'chrome-extension://bench/';

export interface BackupScenarioResult {
  rows: (string | number)[][];
  notes: string[];
}

/** Runs `work`, sampling the heap at each `sample()`; returns its time and peak heap, plain and live (shared/heap.ts). */
async function measured<T>(work: (sample: () => void) => Promise<T>): Promise<{ value: T; ms: number; peakMb: number; peakLiveMb: number }> {
  const heap = heapSampler();
  const t0 = performance.now();
  const value = await work(() => heap.sample());
  const ms = performance.now() - t0;
  heap.sample();
  return { value, ms, peakMb: heap.peakMb(), peakLiveMb: heap.livePeakMb() };
}

/**
 * Seeds, backs up, deletes, restores, backs up again; a fresh store, deleted afterwards.
 */
export async function runBackupScenario(options: StoreScenarioOptions): Promise<BackupScenarioResult> {
  const db = await openStore(`bench-backup-${Date.now()}`);
  try {
    const seeded = await seed(db, options);
    const handlers = createBackupHandlers({ db, now: () => new Date(), replan: async () => {} });
    const dispatch = createDispatcher(handlers, { extensionBaseUrl: BASE });
    const rpc = createClient((message) => dispatch(message, { url: `${BASE}options.html` }));
    const heapBefore = heapMb();
    let parts = 0;
    const backup = await measured((sample) =>
      downloadBackup(rpc, () => {
        parts++;
        sample();
      }),
    );
    const headerOf = async (blob: Blob) =>
      JSON.parse((await blob.slice(0, 64 * 1024).text()).split('\n')[0]!).tables as Record<string, { rows: number; checksum: string }>;
    const before = await headerOf(backup.value.blob);
    await deleteAllData(db);
    const restoreStart = performance.now();
    let checkMs = NaN;
    const restore = await measured((sample) =>
      restoreBackupFile(backup.value.blob, rpc, (p) => {
        if (p.phase === 'write' && p.done === 0) checkMs = performance.now() - restoreStart;
        sample();
      }),
    );
    const again = await downloadBackup(rpc);
    const same = JSON.stringify(await headerOf(again.blob)) === JSON.stringify(before);
    const mb = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');
    const rows = backup.value.rows;
    return {
      rows: [
        [
          'backup (downloadBackup → Blob)',
          (backup.ms / 1000).toFixed(1),
          mb(backup.peakMb),
          mb(backup.peakLiveMb),
          `${rows.toLocaleString('en')} rows, ${(backup.value.blob.size / 1e6).toFixed(0)} MB file, ${parts} parts`,
        ],
        [
          'restore (check pass + write pass)',
          (restore.ms / 1000).toFixed(1),
          mb(restore.peakMb),
          mb(restore.peakLiveMb),
          `${restore.value.rows.toLocaleString('en')} rows restored`,
        ],
      ],
      notes: [
        `Store: ${seeded.observations.toLocaleString('en')} readings of ${options.skus.toLocaleString('en')} listings (${seeded.days} days), seeded in ${seeded.seconds.toFixed(0)} s.`,
        `JS heap before the backup: ${mb(heapBefore)} MB. Of the restore, the check pass (nothing stored yet) took ${(checkMs / 1000).toFixed(1)} s.`,
        `A second backup after the restore has the same rows and checksum in every table: ${same ? 'yes' : 'NO'}.`,
      ],
    };
  } finally {
    db.close();
    await db.delete();
  }
}

const suite: BenchSuite = async () => {
  const observations = Number(process.env.BACKUP_BENCH_NODE_OBSERVATIONS ?? 50_000);
  const { rows, notes } = await runBackupScenario({ skus: Math.min(2_000, observations / 10), targetObservations: observations, seedBudgetMs: 60_000 });
  return [
    {
      title: 'Backup and restore (fake-indexeddb, Node)',
      environment: `Node ${process.version}, fake-indexeddb (pure JS; see backup for Chromium)`,
      columns: ['operation', 's', 'peak JS heap MB', 'peak live heap MB', 'notes'],
      rows,
      notes: [...notes, "Heap: Node's heapUsed, sampled after every message."],
    },
  ];
};

export default suite;

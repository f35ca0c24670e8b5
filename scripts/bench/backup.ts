/**
 * `npm run bench -- backup`: backup and restore of a store of 1,000,000 readings in headless
 * Chromium (the browser's own IndexedDB), time and peak JavaScript heap of each, through the
 * options page's client and the background's handlers (backup-scenario.ts).
 *
 * Bundled and served by the Chromium harness the other browser suites share. Chromium:
 * env CHROMIUM_PATH, else /usr/bin/chromium. Sizes: env BACKUP_BENCH_SKUS (10,000),
 * BACKUP_BENCH_OBSERVATIONS (1,000,000), BACKUP_BENCH_SEED_MS (300,000).
 *
 * Memory: the page runs with V8's old space capped at BACKUP_BENCH_HEAP_LIMIT_MB (default 4096)
 * and with `gc` exposed, so the scenario also reports the live heap after forced collections.
 * A run that completes with the cap set well below the file's size shows the backup and the
 * restore do not hold the store in memory, whatever the machine's load.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { bundleForBrowser, launchBenchChromium, openBenchPage } from './shared/chromium-page';
import type { BackupScenarioResult } from './backup-scenario';
import type { StoreScenarioOptions } from './store';
import type { BenchSuite } from './types';

const here = dirname(fileURLToPath(import.meta.url));

const suite: BenchSuite = async () => {
  const options: StoreScenarioOptions = {
    skus: Number(process.env.BACKUP_BENCH_SKUS ?? 10_000),
    targetObservations: Number(process.env.BACKUP_BENCH_OBSERVATIONS ?? 1_000_000),
    seedBudgetMs: Number(process.env.BACKUP_BENCH_SEED_MS ?? 300_000),
  };
  const script = await bundleForBrowser(
    "import { runBackupScenario } from './backup-scenario'; (globalThis as any).backupBench = runBackupScenario;",
    here,
    'backup-entry.ts',
    { 'process.env.FUZZ_RUNS': 'undefined' },
  );
  const heapLimitMb = Number(process.env.BACKUP_BENCH_HEAP_LIMIT_MB ?? 4096);
  const browser = await launchBenchChromium(['--enable-precise-memory-info', `--js-flags=--max-old-space-size=${heapLimitMb} --expose-gc`]);
  try {
    const page = await browser.newPage();
    page.on('console', (message) => process.stderr.write(`[page] ${message.text()}\n`));
    await openBenchPage(page, script);
    const load = loadavg()[0]!.toFixed(2);
    const result = await page.evaluate(
      (o) => (globalThis as unknown as { backupBench: (o: StoreScenarioOptions) => Promise<BackupScenarioResult> }).backupBench(o),
      options,
    );
    return [
      {
        title: 'Backup and restore of a large store (Chromium IndexedDB)',
        environment: `headless Chromium ${browser.version()}, the browser's own IndexedDB, page on a fake https origin, V8 old space capped at ${heapLimitMb} MB; load average ${load} at the start, ${loadavg()[0]!.toFixed(2)} at the end`,
        columns: ['operation', 's', 'peak JS heap MB', 'peak live heap MB (after forced GC)', 'notes'],
        rows: result.rows,
        notes: result.notes,
      },
    ];
  } finally {
    await browser.close();
  }
};

export default suite;

/**
 * Forecasting speed: 10,000 synthetic SKUs x 730 days, horizon 90, one core. The planning
 * pipeline's budget is 2 s and 300 MB for forecasting AND planning 10,000 SKUs; forecasting's
 * share is ~100 us per series (1 s in total).
 */
import { loadavg } from 'node:os';
import { forecastSeries } from '../../lib/forecast/index.ts';
import { syntheticCatalogue } from '../../lib/forecast/synthetic.ts';
import type { BenchSuite } from './types.ts';

const SERIES = 10_000;
const DAYS = 730;
const HORIZON = 90;

const suite: BenchSuite = async () => {
  const catalogue = syntheticCatalogue(SERIES, DAYS, 20240601);
  // Warm up the JIT on a slice so the timing reflects steady state, as in a long-lived worker.
  for (let i = 0; i < 200; i++) forecastSeries(catalogue[i]!, HORIZON);
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let checksum = 0;
  const results = new Array(SERIES);
  for (let i = 0; i < SERIES; i++) {
    const result = forecastSeries(catalogue[i]!, HORIZON);
    results[i] = result;
    checksum += result.p90Cum[HORIZON - 1]!;
    if ((i & 1023) === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuUs = (cpu.user + cpu.system) / SERIES;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const perSeriesUs = (ms * 1000) / SERIES;
  const rss = process.memoryUsage().rss;
  const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
  return [
    {
      title: 'Forecast speed: 10,000 series x 730 days, horizon 90',
      environment: `Node ${process.versions.node}, one core`,
      columns: ['series', 'total ms', 'us / series', 'cpu us / series', 'heap growth MB (results kept)', 'peak heap MB', 'rss MB'],
      rows: [[SERIES, Math.round(ms), perSeriesUs.toFixed(1), cpuUs.toFixed(1), mb(peakHeap - heapBefore), mb(peakHeap), mb(rss)]],
      notes: [
        `${perSeriesUs <= 100 ? 'MET   ' : 'MISSED'} <= ~100 us per series (forecasting share of the 2 s pipeline budget); wall clock`,
        `cpu us / series is this process's user+system CPU time (less inflated than wall time when other jobs share the cores, but still slowed by them)`,
        `1-minute load average while measuring: ${loadavg()[0]!.toFixed(1)} (timings are inflated when other jobs share the cores)`,
        `${Math.round((100 * catalogue.filter((s) => s.values.includes(null)).length) / SERIES)}% of series have out-of-stock (null) days; those are forecast twice (censored and as zeros) to guarantee censoring never lowers the forecast`,
        `checksum ${checksum.toFixed(0)} (sum of p90 totals; changes when the forecaster changes)`,
      ],
    },
  ];
};

export default suite;

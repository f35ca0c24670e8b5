/**
 * The JavaScript heap as the memory benches report it: the plain peak, and the live peak (after
 * a forced collection). The plain peak includes garbage V8 has not collected yet (it collects
 * lazily while its limit is far away), so only the live peak says whether work holds memory
 * that grows with its input.
 */

/** The JS heap in MB now: Chromium's performance.memory (precise with --enable-precise-memory-info), Node's heapUsed, else NaN. */
export function heapMb(): number {
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  if (memory) return memory.usedJSHeapSize / 1e6;
  const node = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process;
  return node?.memoryUsage ? node.memoryUsage().heapUsed / 1e6 : NaN;
}

/** Every this many samples the heap is also measured after a forced collection (when `gc` is exposed). */
const LIVE_SAMPLE_EVERY = 25;

export interface HeapSampler {
  /** Takes one sample (cheap; every LIVE_SAMPLE_EVERY-th also collects first, when V8 exposes `gc`). */
  sample(): void;
  /** The largest heap sampled (MB). */
  peakMb(): number;
  /** The largest heap measured right after a forced collection (MB); NaN without --expose-gc. */
  livePeakMb(): number;
}

/**
 * A sampler starting from the heap now.
 * @example const heap = heapSampler(); for (const part of parts) { work(part); heap.sample(); } heap.livePeakMb()
 */
export function heapSampler(): HeapSampler {
  const forceGc = (globalThis as { gc?: () => void }).gc;
  let peak = heapMb();
  let livePeak = NaN;
  let samples = 0;
  return {
    sample() {
      peak = Math.max(peak, heapMb());
      if (!forceGc || ++samples % LIVE_SAMPLE_EVERY !== 0) return;
      forceGc();
      const live = heapMb();
      livePeak = Number.isFinite(livePeak) ? Math.max(livePeak, live) : live;
    },
    peakMb: () => peak,
    livePeakMb: () => livePeak,
  };
}

/** Which part of the store scenario a run measures (env STORE_BENCH_ONLY; scripts/bench/store.ts). */

/** The parts STORE_BENCH_ONLY may name. */
export const STORE_BENCH_PARTS = ['replan', 'queries'] as const;
export type StoreBenchPart = (typeof STORE_BENCH_PARTS)[number];

/**
 * STORE_BENCH_ONLY as a part (undefined when unset); any other value is refused with the choices.
 * @example storeBenchPart('replan') // 'replan'
 */
export function storeBenchPart(value: string | undefined): StoreBenchPart | undefined {
  if (value === undefined || value === '') return undefined;
  const part = STORE_BENCH_PARTS.find((p) => p === value);
  if (!part) throw new Error(`STORE_BENCH_ONLY=${value}: expected one of ${STORE_BENCH_PARTS.join(', ')} (or unset for everything)`);
  return part;
}

/**
 * STORE_BENCH_POOLED as a flag: '1' for the store whose Walmart and eBay listings share a pool,
 * unset, empty or '0' for every listing alone in its pool; any other value is refused.
 * @example storeBenchPooled('1') // true
 */
export function storeBenchPooled(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new Error(`STORE_BENCH_POOLED=${value}: expected 1 (pooled) or 0 (unset: every listing alone in its pool)`);
}

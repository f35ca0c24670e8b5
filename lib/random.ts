/**
 * mulberry32: a tiny seeded PRNG returning floats in [0, 1). Everything generated for tests,
 * benchmarks, fixtures and the demo uses it, so the same seed gives the same data on every
 * machine (never Math.random).
 * @example seededRandom(1)() // 0.6270739405881613
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

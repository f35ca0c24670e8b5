/**
 * Deterministic synthetic demand for speed benchmarks and tests (seeded PRNG, never Math.random).
 */
import type { SeriesInput } from './types.ts';

export { seededRandom } from '../random';
import { seededRandom } from '../random';

/**
 * Poisson draw by inversion (fine for the small daily means used here).
 * @example poisson(seededRandom(1), 3) // a non-negative integer
 */
export function poisson(rand: () => number, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * (rand() + rand() + rand() - 1.5) * 2));
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = rand();
  while (u > cdf && k < 1000) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * `count` daily series of `days` days: a mix of smooth, weekly-seasonal, intermittent and
 * trending items, with occasional out-of-stock (null) runs, like a real catalogue.
 * @example syntheticCatalogue(10, 730, 7).length // 10
 */
export function syntheticCatalogue(count: number, days: number, seed: number): SeriesInput[] {
  const rand = seededRandom(seed);
  const weekday = [0.8, 1.1, 1.0, 1.0, 1.0, 1.2, 0.9];
  const out: SeriesInput[] = [];
  for (let s = 0; s < count; s++) {
    const kind = s % 4;
    const base = kind === 2 ? 0.05 + rand() * 0.3 : 0.5 + rand() * 20;
    const growth = kind === 3 ? (rand() - 0.3) * 0.003 : 0;
    const values: (number | null)[] = new Array(days);
    let outOfStock = 0;
    for (let t = 0; t < days; t++) {
      if (outOfStock > 0) {
        values[t] = null;
        outOfStock--;
        continue;
      }
      if (rand() < 0.002) outOfStock = 1 + Math.floor(rand() * 10);
      const season = kind === 1 ? weekday[t % 7]! : 1;
      const mean = base * season * Math.max(0, 1 + growth * t);
      values[t] = kind === 2 ? (rand() < mean ? 1 + poisson(rand, 2) : 0) : poisson(rand, mean);
    }
    out.push({ values, freq: 'D', start: '2023-01-01' });
  }
  return out;
}

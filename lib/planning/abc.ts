/**
 * ABC classes across a seller's SKUs: A = the few that make most of the revenue (or units),
 * C = the long tail. Used to decide where attention and safety stock go first.
 */
import type { AbcClass } from './types';

/**
 * Ranks by value; a SKU is A while the share of everything ranked above it is below `a`
 * (80%), B below `b` (95%), else C. Zero value is always C.
 * @example abcClasses([{ key: 'x', value: 80 }, { key: 'y', value: 15 }, { key: 'z', value: 5 }]) // x A, y B, z C
 */
export function abcClasses(items: readonly { key: string; value: number }[], a = 0.8, b = 0.95): Map<string, AbcClass> {
  const out = new Map<string, AbcClass>();
  const sorted = [...items].sort((x, y) => y.value - x.value || (x.key < y.key ? -1 : 1));
  const total = sorted.reduce((s, i) => s + Math.max(0, i.value), 0);
  let above = 0;
  for (const item of sorted) {
    if (!(item.value > 0) || !(total > 0)) out.set(item.key, 'C');
    else {
      const share = above / total;
      out.set(item.key, share < a ? 'A' : share < b ? 'B' : 'C');
    }
    above += Math.max(0, item.value);
  }
  return out;
}

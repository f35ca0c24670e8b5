/**
 * Choosing among age-bucket columns (each found by ageBucketOf, lib/locale/age-buckets.ts, the
 * vocabulary page readers share: "inv-age-0-to-90-days", "ATS age 365+ days", "库龄 0-90 天"). Amazon
 * changed its buckets (0-90/91-180/.../365-plus became 0-30/31-60/61-90/.../456-plus) and
 * some files carry both sets; summing overlapping buckets would count units twice, so only
 * a non-overlapping set is kept, preferring the finer, newer buckets.
 */
import type { AgeBucketColumn } from './definition';

const width = (b: { minDays: number; maxDays: number | null }) => (b.maxDays === null ? Infinity : b.maxDays - b.minDays);
const overlaps = (a: { minDays: number; maxDays: number | null }, b: { minDays: number; maxDays: number | null }) =>
  a.minDays <= (b.maxDays ?? Infinity) && b.minDays <= (a.maxDays ?? Infinity);

/**
 * Chooses non-overlapping bucket columns: the longest contiguous chain from the youngest
 * bucket (most buckets on a tie, so 0-30/31-60/61-90 beat 0-90), then any other column that
 * overlaps nothing chosen. An open bucket that starts where a closed one ends ("271-365"
 * then "365-plus") starts one day later. Returns the chosen columns sorted by age and the
 * headers dropped.
 * @example chooseAgeBuckets([{ index: 0, minDays: 0, maxDays: 90, header: 'a' }, { index: 1, minDays: 0, maxDays: 30, header: 'b' }, { index: 2, minDays: 31, maxDays: 90, header: 'c' }]).chosen.map((c) => c.header) // ['b', 'c']
 */
export function chooseAgeBuckets(columns: readonly AgeBucketColumn[]): { chosen: AgeBucketColumn[]; dropped: string[] } {
  if (columns.length === 0) return { chosen: [], dropped: [] };
  const ends = new Set(columns.filter((c) => c.maxDays !== null).map((c) => c.maxDays as number));
  const all = columns.map((c) => (c.maxDays === null && ends.has(c.minDays) ? { ...c, minDays: c.minDays + 1 } : c));
  type Chain = { items: AgeBucketColumn[]; end: number };
  const memo = new Map<AgeBucketColumn, Chain>();
  const better = (a: Chain, b: Chain) => a.end > b.end || (a.end === b.end && a.items.length > b.items.length);
  const chainFrom = (c: AgeBucketColumn): Chain => {
    const known = memo.get(c);
    if (known) return known;
    let best: Chain = { items: [c], end: c.maxDays ?? Infinity };
    if (c.maxDays !== null) {
      for (const next of all) {
        if (next.minDays !== c.maxDays + 1) continue;
        const tail = chainFrom(next);
        const candidate = { items: [c, ...tail.items], end: tail.end };
        if (better(candidate, best)) best = candidate;
      }
    }
    memo.set(c, best);
    return best;
  };
  const youngest = Math.min(...all.map((c) => c.minDays));
  let chain: Chain = { items: [], end: -1 };
  for (const c of all) {
    if (c.minDays !== youngest) continue;
    const candidate = chainFrom(c);
    if (better(candidate, chain)) chain = candidate;
  }
  const chosen = [...chain.items];
  const rest = all.filter((c) => !chosen.includes(c)).sort((a, b) => width(a) - width(b) || a.minDays - b.minDays);
  const dropped: string[] = [];
  for (const c of rest) {
    if (chosen.some((k) => overlaps(k, c))) dropped.push(c.header);
    else chosen.push(c);
  }
  chosen.sort((a, b) => a.minDays - b.minDays);
  return { chosen, dropped };
}

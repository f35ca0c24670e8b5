/**
 * Reconstruction's coarser layers (reconstruct.ts): windowed counts, cumulative counts and stock
 * deltas, finest first, each settling the free days its intervals cover so that every interval's
 * total is met (an even spread, alternating projections, then an exact repair by shortest paths).
 */
import type { ListingObservation } from '../records';
import { HOW_INFERRED } from './demand-series';
import { cumulativeCounts, stockDeltaCounts, windowedCounts } from './reconstruct-counts';
import { LAYER_CUMULATIVE, LAYER_STOCK_DELTA, windowLayer, type Calibration, type DayGrid, type IntervalCount } from './reconstruct-grid';

/**
 * Windowed counts, then cumulative counts, then stock deltas: finest information first.
 * `windowedFrom`: the readings whose windowed counts are placed (reconstructAfter: the new ones only).
 */
export function fillCoarserLayers(
  grid: DayGrid,
  listings: readonly ListingObservation[],
  calibrations: readonly Calibration[],
  windowedFrom: readonly ListingObservation[] = listings,
): void {
  const { n, index } = grid;
  const work = new Float64Array(n);
  // Windowed counts one window length at a time, shortest first: weekly reads of t7 tile the
  // days exactly, and t30/t90 then only fill what t7 could not reach (mixing them in one
  // fit makes the longer windows fight the finer ones for no gain).
  // Grouped in one pass, each group in the counts' order (a daily reader has ~2,000 of them).
  const byLength = new Map<number, IntervalCount[]>();
  for (const c of windowedCounts(windowedFrom, index, n)) {
    const group = byLength.get(c.to - c.from);
    if (group) group.push(c);
    else byLength.set(c.to - c.from, [c]);
  }
  for (const length of [...byLength.keys()].sort((a, b) => a - b)) fillLayer(byLength.get(length)!, grid, work, windowLayer(length + 1));
  fillLayer(cumulativeCounts(listings, index, n), grid, work, LAYER_CUMULATIVE);
  fillLayer(stockDeltaCounts(listings, calibrations, index, n), grid, work, LAYER_STOCK_DELTA);
}

/** Alternating projections get close fast and then crawl; repairExactly finishes the job. */
const MAX_SWEEPS = 20;

/** How often (in rounds) repairExactly looks for a contradiction among the edges that set the distances. */
const CYCLE_CHECK_ROUNDS = 4;

/**
 * Settles the free days (not fixed by a finer layer, not censored) covered by `counts`:
 * first an even spread, shortest intervals first (the finest information wins), then
 * alternating projections so every interval's total is met when the counts agree.
 * `value` is scratch space of the grid's length.
 */
function fillLayer(counts: IntervalCount[], grid: DayGrid, value: Float64Array, layer: number): void {
  if (counts.length === 0) return;
  counts.sort((a, b) => a.to - a.from - (b.to - b.from) || a.to - b.to);
  const { n, units, how, fixed, censored } = grid;
  const assigned = new Uint8Array(n);
  const { targets, active } = spreadEvenly(counts, grid, value, assigned);
  if (!fitByProjections(counts, active, targets, grid, value)) {
    grid.repaired.add(layer);
    repairExactly(counts, active, targets, fixed, censored, value);
  }
  for (let i = 0; i < n; i++) {
    if (assigned[i]) {
      // Projections leave residues like 1e-17 where the truth is 0: a unit count is never that small.
      units[i] = value[i]! < 1e-9 ? 0 : value[i]!;
      how[i] = HOW_INFERRED;
      fixed[i] = layer;
    }
  }
}

/**
 * The starting point of the fit: each interval's count, net of what finer layers already
 * placed in it (its target), spread evenly over its days no earlier interval has taken.
 * `active` lists the intervals that have free days at all.
 */
function spreadEvenly(counts: readonly IntervalCount[], grid: DayGrid, value: Float64Array, assigned: Uint8Array): { targets: Float64Array; active: number[] } {
  const { units, fixed, censored } = grid;
  const targets = new Float64Array(counts.length);
  const active: number[] = [];
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k]!;
    let known = 0;
    let free = 0;
    for (let i = c.from; i <= c.to; i++) {
      if (fixed[i]) known += units[i]!;
      else if (!censored[i]) free++;
    }
    if (free === 0) continue;
    targets[k] = Math.max(0, c.units - known);
    active.push(k);
    let already = 0;
    let open = 0;
    for (let i = c.from; i <= c.to; i++) {
      if (fixed[i] || censored[i]) continue;
      if (assigned[i]) already += value[i]!;
      else open++;
    }
    if (open === 0) continue;
    const each = Math.max(0, targets[k]! - already) / open;
    for (let i = c.from; i <= c.to; i++) {
      if (!fixed[i] && !censored[i] && !assigned[i]) {
        value[i] = each;
        assigned[i] = 1;
      }
    }
  }
  return { targets, active };
}

/** Sweeps the active intervals until every total is met; returns whether that happened within MAX_SWEEPS. */
function fitByProjections(counts: readonly IntervalCount[], active: readonly number[], targets: Float64Array, grid: DayGrid, value: Float64Array): boolean {
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let worst = 0;
    // Alternate the order of the sweeps: errors then travel both ways along overlapping windows.
    for (let a = 0; a < active.length; a++) {
      const k = active[sweep % 2 === 0 ? a : active.length - 1 - a]!;
      const error = projectInterval(counts[k]!, targets[k]!, grid, value);
      if (error > worst) worst = error;
    }
    if (worst < 1e-9) return true;
  }
  return false;
}

/**
 * Moves one interval's free days towards summing to `target`; returns the relative error
 * before the move. Projects onto "this interval sums to its count" by an even shift, then
 * onto "no day is negative" (alternating projections converge to a point meeting both
 * whenever the counts are consistent, and much faster than proportional scaling when the
 * truth has zero days).
 */
function projectInterval(c: IntervalCount, target: number, grid: DayGrid, value: Float64Array): number {
  const { fixed, censored } = grid;
  let sum = 0;
  let free = 0;
  for (let i = c.from; i <= c.to; i++) {
    if (fixed[i] || censored[i]) continue;
    sum += value[i]!;
    free++;
  }
  const error = Math.abs(sum - target) / Math.max(1, target);
  if (error < 1e-12) return error;
  let shift = (target - sum) / free;
  for (let pass = 0; pass < 4 && Math.abs(shift) > 1e-15; pass++) {
    let free2 = 0;
    let sum2 = 0;
    for (let i = c.from; i <= c.to; i++) {
      if (fixed[i] || censored[i]) continue;
      const v = value[i]! + shift;
      value[i] = v > 0 ? v : 0;
      sum2 += value[i]!;
      if (value[i]! > 0) free2++;
    }
    shift = free2 > 0 ? (target - sum2) / free2 : 0;
  }
  return error;
}

/**
 * Makes the layer's free days meet every count exactly with the smallest kind of change, when
 * the counts allow it. With prefix sums D over the free days, "interval sums to its count"
 * and "no day negative" are difference constraints (D[b+1] - D[a] = r, D[j] - D[j+1] <= x[j]),
 * so one shortest-path pass (Bellman-Ford) finds a correction; the corrections are as small
 * as the residuals left by the projections. Counts that contradict each other (a negative
 * cycle) leave the projected values as they are. Returns whether it succeeded.
 * `cycleCheckRounds`: how often it looks for such a cycle (Infinity: never; the same answer, later).
 * @example repairExactly([{ from: 0, to: 1, units: 4 }], [0], Float64Array.of(4), new Uint16Array(2), new Uint8Array(2), Float64Array.of(1, 1)) // true, days 3 and 1 (the days as corrected in place)
 */
export function repairExactly(
  counts: readonly IntervalCount[],
  active: readonly number[],
  targets: Float64Array,
  fixed: Uint16Array,
  censored: Uint8Array,
  value: Float64Array,
  cycleCheckRounds = CYCLE_CHECK_ROUNDS,
): boolean {
  const n = value.length;
  const positionOf = new Int32Array(n + 1);
  const days: number[] = [];
  for (let i = 0; i < n; i++) {
    positionOf[i] = days.length; // first free position at or after day i
    if (!fixed[i] && !censored[i]) days.push(i);
  }
  positionOf[n] = days.length;
  const nodes = days.length + 1;
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeWeight: number[] = [];
  // Non-negativity first, from the last day back, so one pass carries a change all the way.
  for (let j = days.length - 1; j >= 0; j--) {
    edgeFrom.push(j + 1);
    edgeTo.push(j);
    edgeWeight.push(value[days[j]!]!);
  }
  for (const k of active) {
    const c = counts[k]!;
    const first = positionOf[c.from]!;
    const end = positionOf[c.to + 1]!; // one past the last free position in the interval
    if (end <= first) continue;
    let sum = 0;
    for (let j = first; j < end; j++) sum += value[days[j]!]!;
    const residual = targets[k]! - sum;
    edgeFrom.push(first, end);
    edgeTo.push(end, first);
    edgeWeight.push(residual, -residual);
  }
  const distance = new Float64Array(nodes);
  // The edge that last lowered each node's distance (-1: none): a cycle among them proves the counts contradict.
  const via = new Int32Array(nodes).fill(-1);
  let changed = true;
  // Rounds: a shortest path runs backwards along the day edges (all relaxed in one round, in the
  // order they are listed) between interval edges, each used at most once on a simple path, so
  // counts that agree settle within 2 x intervals + 1 rounds and show no change in the next. Counts
  // that contradict each other never settle: stopping there, not after a round per free day, is
  // the same answer (on random windowed counts over up to 700 days, every series bit for bit
  // equal, one reconstruction 1.1-1.3 -> 0.31-0.34 ms; 2026-12-05).
  const rounds = Math.min(nodes, 2 * active.length + 2);
  for (let round = 0; round < rounds && changed; round++) {
    changed = false;
    for (let e = 0; e < edgeFrom.length; e++) {
      const candidate = distance[edgeFrom[e]!]! + edgeWeight[e]!;
      if (candidate < distance[edgeTo[e]!]! - 1e-12) {
        distance[edgeTo[e]!] = candidate;
        via[edgeTo[e]!] = e;
        changed = true;
      }
    }
    // Contradicting counts would keep the loop going to its last round (most of a daily
    // reader's reconstruction: 5 of 7 ms over two years); a clear negative cycle ends it now.
    if (changed && round % cycleCheckRounds === cycleCheckRounds - 1 && hasClearNegativeCycle(via, edgeFrom, edgeWeight)) return false;
  }
  if (changed) return false;
  for (let j = 0; j < days.length; j++) {
    const v = value[days[j]!]! + distance[j + 1]! - distance[j]!;
    value[days[j]!] = v > 0 ? v : 0;
  }
  return true;
}

/**
 * Whether the edges that last lowered each node's distance (`via`, -1: none) close a cycle whose
 * weight is clearly negative: below -1e-6 x (1 + its absolute weights). Any cycle among them is
 * negative (each edge held when set and its tail has only fallen since; the one that closed it
 * was a strict improvement), so the counts contradict. Bellman-Ford's tolerance of 1e-12 per
 * edge could still settle a cycle within a few 1e-12 of zero, so only a clear one is taken: then
 * no distances meet every edge within the tolerance, and the loop could only have run to its
 * last round still changing (the same answer: the counts cannot be met).
 * @example hasClearNegativeCycle(Int32Array.of(0, 1), [1, 0], [-1, 0.5]) // true: edges 1 -> 0 (-1) and 0 -> 1 (0.5) set both
 */
export function hasClearNegativeCycle(via: Int32Array, edgeFrom: readonly number[], edgeWeight: readonly number[]): boolean {
  const nodes = via.length;
  const seenIn = new Int32Array(nodes).fill(-1);
  for (let start = 0; start < nodes; start++) {
    let node = start;
    while (node >= 0 && seenIn[node] === -1) {
      seenIn[node] = start;
      node = via[node]! < 0 ? -1 : edgeFrom[via[node]!]!;
    }
    if (node < 0 || seenIn[node] !== start) continue;
    // `node` is on a cycle of this walk: add up its weight.
    let weight = 0;
    let scale = 1;
    let at = node;
    do {
      const e = via[at]!;
      weight += edgeWeight[e]!;
      scale += Math.abs(edgeWeight[e]!);
      at = edgeFrom[e]!;
    } while (at !== node);
    if (weight < -1e-6 * scale) return true;
  }
  return false;
}

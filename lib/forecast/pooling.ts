/**
 * Hierarchical pooling of one product sold through several channels (marketplaces, stores):
 * series that share a `group` key are the same item, so the item's total across them has a far
 * less noisy level (and short-term movement) than any one channel. A member's point forecast
 * becomes (1 - w) x its own + w x (the total's forecast x the member's share of the total over
 * the last `shareWindow` periods); quantiles follow the pooled mean with the member's own spread.
 * w and the share window come from `fitContext` (pooled training holdouts); without them, or for
 * series without a group, nothing changes.
 */
import { cleanValues, seriesValues, startWeekday } from './clean-series.ts';
import { forecastClean, type CoreForecast } from './core.ts';
import type { AnySeriesInput, ForecastContext, Freq } from './types.ts';

/** One pooled group: indices into the input list and the members' cleaned histories. */
interface PoolGroup {
  members: number[];
  freq: Freq;
  /** Start of the longest member (the total's start). */
  start: string;
}

/**
 * Groups of at least two series with the same non-empty `group`, daily or weekly frequency and
 * the same last period (members that end elsewhere, or have no valid start, stay unpooled).
 * @example poolGroups([{ values: [1], freq: 'D', start: '2024-01-01', group: 'a' }, { values: [2], freq: 'D', start: '2024-01-01', group: 'a' }]) // [{ members: [0, 1], ... }]
 */
export function poolGroups(inputs: readonly AnySeriesInput[]): PoolGroup[] {
  const byKey = new Map<string, number[]>();
  inputs.forEach((s, i) => {
    if (!s || typeof s.group !== 'string' || !s.group || (s.freq !== 'D' && s.freq !== 'W') || seriesValues(s).length === 0) return;
    const end = lastPeriodDay(s);
    if (!Number.isFinite(end)) return;
    const key = `${s.freq}\u0000${end}\u0000${s.group}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const groups: PoolGroup[] = [];
  for (const members of byKey.values()) {
    if (members.length < 2) continue;
    let longest = members[0]!;
    for (const i of members) if (inputs[i]!.values.length > inputs[longest]!.values.length) longest = i;
    groups.push({ members, freq: inputs[longest]!.freq, start: inputs[longest]!.start });
  }
  return groups;
}

function lastPeriodDay(s: AnySeriesInput): number {
  const { startDay } = startWeekday(s.start, s.freq);
  return startDay + (s.values.length - 1) * (s.freq === 'W' ? 7 : 1);
}

/**
 * The members' total per period, aligned on their common last period (unknown periods add
 * nothing; a period no member knows stays unknown).
 * @example groupTotal([Float64Array.of(1, 2), Float64Array.of(5)]) // [1, 7]
 */
export function groupTotal(ys: readonly Float64Array[]): Float64Array {
  let length = 0;
  for (const y of ys) length = Math.max(length, y.length);
  const total = new Float64Array(length).fill(Number.NaN);
  for (const y of ys) {
    const offset = length - y.length;
    for (let t = 0; t < y.length; t++) {
      const v = y[t]!;
      if (v !== v) continue;
      const at = offset + t;
      total[at] = (total[at]! === total[at]! ? total[at]! : 0) + v;
    }
  }
  return total;
}

/**
 * A member's share of the total over the last `window` periods, counting only periods the member
 * knows (end-aligned); 0 when the total sold nothing then.
 * @example memberShare(Float64Array.of(1, 1), Float64Array.of(4, 4), 2) // 0.25
 */
export function memberShare(y: Float64Array, total: Float64Array, window: number): number {
  const offset = total.length - y.length;
  let own = 0;
  let all = 0;
  for (let t = Math.max(0, y.length - window); t < y.length; t++) {
    const v = y[t]!;
    const w = total[offset + t]!;
    if (v !== v || w !== w) continue;
    own += v;
    all += w;
  }
  return all > 0 ? own / all : 0;
}

/**
 * The total's point forecast (empty when the total is entirely unknown).
 */
export function totalForecast(total: Float64Array, freq: Freq, start: string, horizon: number, ctx: ForecastContext): Float64Array {
  let known = false;
  for (let t = 0; t < total.length; t++)
    if (total[t]! === total[t]!) {
      known = true;
      break;
    }
  if (!known) return new Float64Array(horizon);
  const { weekdayOf0, startDay } = startWeekday(start, freq);
  let hasUnknown = false;
  for (let t = 0; t < total.length; t++)
    if (total[t]! !== total[t]!) {
      hasUnknown = true;
      break;
    }
  return forecastClean({ y: total, freq, weekdayOf0, startDay, hasUnknown }, horizon, ctx).mean;
}

/**
 * (1 - weight) x mean + weight x share x totalMean, into `out` (may be `mean`).
 * @example pooledMean(Float64Array.of(2), Float64Array.of(10), 0.5, 0.5, new Float64Array(1)) // [3.5]
 */
export function pooledMean(mean: Float64Array, totalMean: Float64Array, share: number, weight: number, out: Float64Array): Float64Array {
  for (let h = 0; h < mean.length; h++) out[h] = (1 - weight) * mean[h]! + weight * share * (totalMean[h] ?? 0);
  return out;
}

/** A copy of `core` with the pooled point forecast (its spread, which is scale-free, is kept). */
export function poolCore(core: CoreForecast, totalMean: Float64Array, share: number, weight: number): CoreForecast {
  return { ...core, mean: pooledMean(core.mean, totalMean, share, weight, new Float64Array(core.mean.length)) };
}

/** Valid pooling settings from a context, or null (pooling off). */
export function poolSettings(ctx: ForecastContext): { weight: number; shareWindow: number } | null {
  const weight = ctx.groupWeight;
  const shareWindow = ctx.groupShareWindow;
  if (typeof weight !== 'number' || !(weight > 0) || !(weight <= 1)) return null;
  if (typeof shareWindow !== 'number' || !(shareWindow >= 1) || !Number.isFinite(shareWindow)) return null;
  return { weight, shareWindow: Math.floor(shareWindow) };
}

/** Cleaned histories of a group's members (fresh arrays). */
export function memberHistories(inputs: readonly AnySeriesInput[], group: PoolGroup): Float64Array[] {
  return group.members.map((i) => cleanValues(inputs[i]!.values).y);
}

/**
 * A listing's (or a pool's) reconstructed daily demand as typed arrays, how each day is known,
 * and what is done with whole series: pooling members' demand, and the day records views and
 * the store read. Reconstruction (reconstruct.ts) makes the series.
 */
import type { DemandDay, DemandHow } from './types';
import { isoDate } from './days';

/** How each day is known, as stored in `DemandSeries.how`. */
export const HOW_CENSORED = 0;
export const HOW_INFERRED = 1;
export const HOW_EXACT = 2;
/** Censored like HOW_CENSORED, on days inferred out of stock: no reading showed it (censorStockoutsBetweenVisits). */
export const HOW_STOCKOUT_INFERRED = 3;
const HOW_NAMES: readonly DemandHow[] = ['censored', 'inferred', 'exact', 'stockout-inferred'];

/** A daily series in typed arrays: `units[i]` is day `startDay + i`; NaN = censored/unknown. */
export interface DemandSeries {
  startDay: number;
  units: Float64Array;
  how: Uint8Array;
}

/**
 * Demand of several listings drawing from one stock pool, day by day. A member unknown on a
 * day is filled with its own average over its known days (not zero: a listing the seller did
 * not look at still sold); a day no member knows stays censored.
 * @example poolDemand([a, b]).units[0] // a.units[0] + b.units[0]
 */
export function poolDemand(members: readonly DemandSeries[]): DemandSeries {
  const live = members.filter((m) => m.units.length > 0);
  if (live.length === 0) return { startDay: members[0]?.startDay ?? 0, units: new Float64Array(0), how: new Uint8Array(0) };
  let start = Infinity;
  let end = -Infinity;
  const means: number[] = [];
  for (const m of live) {
    start = Math.min(start, m.startDay);
    end = Math.max(end, m.startDay + m.units.length - 1);
    let sum = 0;
    let count = 0;
    for (const v of m.units) {
      if (v === v) {
        sum += v;
        count++;
      }
    }
    means.push(count > 0 ? sum / count : Number.NaN);
  }
  const n = end - start + 1;
  const units = new Float64Array(n);
  const how = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let known = 0;
    let exact = 0;
    for (let k = 0; k < live.length; k++) {
      const m = live[k]!;
      const j = start + i - m.startDay;
      const v = j >= 0 && j < m.units.length ? m.units[j]! : Number.NaN;
      if (v === v) {
        sum += v;
        known++;
        if (m.how[j] === HOW_EXACT) exact++;
      } else if (means[k] === means[k]) {
        sum += means[k]!;
      }
    }
    if (known === 0) {
      units[i] = Number.NaN;
      how[i] = HOW_CENSORED;
    } else {
      units[i] = sum;
      how[i] = exact === live.length ? HOW_EXACT : HOW_INFERRED;
    }
  }
  return { startDay: start, units, how };
}

/**
 * The typed series as DemandDay records (for the store's dailyDemand table and the UI).
 * @example demandDays({ startDay: 0, units: Float64Array.of(2, NaN), how: Uint8Array.of(2, 0) })
 * // [{ date: '1970-01-01', units: 2, how: 'exact' }, { date: '1970-01-02', units: null, how: 'censored' }]
 */
export function demandDays(series: DemandSeries): DemandDay[] {
  const out: DemandDay[] = [];
  for (let i = 0; i < series.units.length; i++) {
    const v = series.units[i]!;
    out.push({ date: isoDate(series.startDay + i), units: v === v ? v : null, how: HOW_NAMES[series.how[i]!]! });
  }
  return out;
}

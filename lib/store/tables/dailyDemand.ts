/**
 * Table `dailyDemand`: the planning core's reconstructed daily demand, cached per listing so a
 * re-plan does not rebuild a series whose inputs did not change (lib/store/daily-demand.ts).
 *
 * One record per listing (DemandCacheRow), not one per day: in Chromium's IndexedDB each record
 * costs tens of microseconds whatever its size (see lib/store/README.md), so a page's 1,000
 * listings are 1,000 small reads, not 700,000. The table's compound key [key+date] (schema v1)
 * is kept: a cache record's `date` is DEMAND_SERIES_DATE. Rows of the older per-day shape
 * (DailyDemandRow: stores and backups from before the cache may hold some) are left alone and
 * never read as a cache.
 */
import { dailyDemandRowSchema, type DailyDemandRow } from '../../planning/types';

export { dailyDemandRowSchema, type DailyDemandRow };

/** The `date` of a per-listing cache record: sorts before every ISO date of the same key. */
export const DEMAND_SERIES_DATE = '';

/** One listing's reconstructed demand, and a fingerprint of every input it was rebuilt from. */
export interface DemandCacheRow {
  /** Listing key. */
  key: string;
  date: typeof DEMAND_SERIES_DATE;
  /**
   * Fingerprint (content hash) of what the reconstruction read: the series' last day, the
   * history length setting, every reading (id and time), order line and stock correction of the
   * listing. The series is reused only when the fingerprint of the current inputs is equal.
   */
  inputs: string;
  /** Day number of units[0] (lib/planning/days). */
  startDay: number;
  /** Units per day, NaN = unknown/censored (reconstruct.ts DemandSeries). */
  units: Float64Array;
  how: Uint8Array;
}

/**
 * Whether a dailyDemand record is a per-listing cache record (not an older per-day row).
 * @example isDemandCacheRow({ key: 'k', date: '2024-05-01', units: 2, how: 'exact' }) // false
 */
export function isDemandCacheRow(row: unknown): row is DemandCacheRow {
  const r = row as Partial<DemandCacheRow> | undefined;
  return !!r && r.date === DEMAND_SERIES_DATE && typeof r.inputs === 'string' && r.units instanceof Float64Array && r.how instanceof Uint8Array;
}

/**
 * Table `listingHistory` (schema v4): each listing's readings older than the last couple of
 * days, one record per listing. New readings go to `observationChunks` (one record per day and
 * listing group: cheap to write, a 5,000-row page is ~128 records); the daily maintenance
 * moves days past FOLD_LAG_DAYS from there into these records (cheap to read: re-planning k
 * listings reads k records plus the few recent day chunks of their groups, instead of every
 * day chunk that holds one of them). Read and written through lib/store/observation-store.ts.
 */
import type { ObservationRow } from './observations';

export interface ListingHistoryRow {
  /** Listing key. */
  key: string;
  /** Its readings (listing and order readings), by id. */
  rows: ObservationRow[];
}

/**
 * Table `listingChunks` (schema v4): the full listing rows (tables/listings.ts), one record
 * per group of listings (lib/store/groups.ts). This is where a listing's state lives; the
 * indexed `listings` table holds a projection of it (indexRowOf) for the queries, rewritten
 * only when that projection changes. Read and written through lib/store/listing-store.ts.
 */
import type { ListingRow } from './listings';

export interface ListingChunkRow {
  group: number;
  /** Full listing rows of the group, in key order. */
  rows: ListingRow[];
}

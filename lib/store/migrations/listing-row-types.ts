/**
 * The listing row types the upgrades to v2, v3, v4 and v8 describe their rows with (type-only: no
 * upgrade runs any of this). Through v4 the full listing row also carried the plan the listing
 * shows (key, days of cover, risk types, sort key), and those upgrades read and write them;
 * the live row keeps them on the indexed row only (tables/listings.ts ListingPlanFields), so
 * the old shape is stated here, where later changes to the live row leave it alone.
 */
import type { HotField, ListingRow as LiveListingRow } from '../tables/listings';
import type { SkuPlan } from '../../planning/types';

/** A full listing row as versions 2 to 4 stored it. */
export type ListingRow = LiveListingRow & { planKey?: string; daysOfCover?: number | null; riskTypes?: string[]; urgency: number };

/** An indexed listing row as versions 4 to 7 stored it: the plan it shows copied onto it (v8 keeps only its key). */
export type ListingIndexRow = Omit<LiveListingRow, HotField> & {
  planKey?: string;
  daysOfCover?: number | null;
  riskTypes?: string[];
  urgency: number;
  plan?: SkuPlan;
};

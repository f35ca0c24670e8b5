/**
 * FROZEN: never edit this file. It is part of how an old database upgrades (schema.ts,
 * migrations/*): the v1 -> v2 and v3 -> v4 upgrades compute the listings' at-risk sort key with
 * it. It is a copy of tables/listings.ts `urgencyOf` and `NO_PLAN_BASE` as they stood when the
 * upgrades moved into this folder (after commit 2760698). Later changes to the live helpers
 * must not change what an upgrade writes: a change goes into a new schema version with its own
 * upgrade, never here.
 * Imports: type-only, dexie, or other frozen code in this folder (migrations-frozen.test.ts).
 */

/** Above every sort key of a planned listing: listings without a plan sort after those with one. */
export const NO_PLAN_BASE = 1e7;

/**
 * The upgrades' sort key: planned listings by days of cover (null cover = no demand seen, so
 * least urgent of the planned), then listings not planned yet.
 * @example urgencyOf({ daysOfCover: 3 }) // 3
 * @example urgencyOf({}) // 10000000
 */
export function urgencyOf(row: { daysOfCover?: number | null; planKey?: string }): number {
  if (row.daysOfCover !== undefined && row.daysOfCover !== null) return Math.min(row.daysOfCover, NO_PLAN_BASE - 1);
  if (row.planKey !== undefined) return NO_PLAN_BASE - 1;
  return NO_PLAN_BASE;
}

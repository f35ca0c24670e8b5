/**
 * Table `shownChunks` (schema v9): what each listing shows of its plan (the at-risk sort key,
 * the risk tags and the plan's key), one record per listing group (lib/store/groups.ts), beside
 * its text in `searchChunks` (tables/searchChunks.ts: entriesOf joins the two). Through v8 both
 * were one record, so every re-plan rewrote each touched group's keys, SKUs and titles with its
 * sort keys: in Chromium's IndexedDB a put costs more the more bytes it writes (lib/store/README.md).
 * A shown chunk holds no keys: its columns follow its search chunk's keys, position by
 * position (every write that adds or drops a listing writes both), and a listing showing its
 * own plan (most do) says so with one character. Not backed up: rebuilt on restore.
 */

/** The plan key of a listing showing its own listing plan (a listing plan's key is its listing's key). */
export const OWN_PLAN = '=';

/** One group's shown plans as parallel columns, in the order of its search chunk's keys. */
export interface ShownChunkRow {
  group: number;
  /** The listing's at-risk sort key (lib/planning/urgency.ts rank; NO_PLAN_BASE without a plan). */
  urgency: number[];
  /** Risk types joined with ',' ('' for none). */
  risks: string[];
  /** Plan keys: '' for none, OWN_PLAN for the listing's own. */
  plans: string[];
  /**
   * The answer of the listing's own plan where it shows it (plans.ts planAnswerOf), '' where
   * unknown: a re-plan compares new plans with these instead of reading the stored plans back.
   * Absent in chunks written before 2026-12-05 (read as all unknown).
   */
  answers?: string[];
}

/**
 * The search chunk as versions 4 to 8 stored it (type-only: no upgrade runs any of this): one
 * group's text and what each listing showed of its plan in one record. Schema v9 moves the
 * plan part to `shownChunks` (tables/shownChunks.ts), so the old shape is stated here, where
 * later changes to the live tables leave it alone.
 */

/** One listing's entry as v4 to v8 described it. */
export interface SearchEntry {
  key: string;
  sku: string;
  title?: string;
  urgency: number;
  riskTypes?: string[];
  planKey?: string;
}

/** A group's entries as parallel columns in key order, v4 to v7 (v8 adds `plans`). */
export interface SearchChunkRow {
  group: number;
  keys: string[];
  skus: string[];
  titles: string[];
  urgency: number[];
  /** Risk types joined with ',' ('' for none). */
  risks: string[];
  /** Since v8: plan keys ('' for none). */
  plans?: string[];
}

/**
 * Schema v7 -> v8: the plan a listing shows leaves its indexed row, but for the plan's key.
 * Through v7 each indexed `listings` row carried a copy of its plan, its days of cover, its
 * risk types and the at-risk sort key, with three indexes over them (`urgency`,
 * `[platform+marketplace+urgency]`, `*riskTypes`), so every re-plan that moved a listing's days
 * of cover rewrote its row and all its index entries (about 1.2 ms a row in Chromium; 4.2 s of
 * a 5,000-row page's re-plan). v8 drops those indexes (schema.ts); the popup's list sorts and
 * filters the search chunks, which already held the sort key and risk types, and reads the plan
 * from `plans` by the row's `planKey`.
 *
 * The upgrade strips the four fields from every indexed row and writes each row's plan key,
 * sort key, risk tags and title as shown into its search entry (sort key and risk tags were
 * kept in step through v7; the rows are the source of truth, so any drift is put right here).
 * The list then takes a planned listing's identity from its entry and reads only its plan.
 *
 * Plans trade their `*listingKeys` index for `*poolListingKeys`, filled on pool plans only (a
 * listing plan covers exactly the listing its key names, so it is found by key, and its puts
 * write no index entry): the upgrade copies each pool plan's listing keys there.
 *
 * FROZEN: never edit this file. It defines how a v7 database upgrades, for as long as a seller
 * may still have one. The chunk layout below is stated as v7 stored it (tables/searchChunks.ts
 * as of v7) and as v8 stores it. A change to the stored data goes into a new schema version with its own upgrade
 * file. Imports: type-only, dexie, or other frozen code in this folder (migrations-frozen.test.ts).
 */
import type { Transaction } from 'dexie';
import type { ListingIndexRow } from './listing-row-types';
import { NO_PLAN_BASE } from './frozen-sort-key';

/** A search chunk as v4-v7 stored it: one group's entries as parallel columns, in key order. */
interface SearchChunkRowV7 {
  group: number;
  keys: string[];
  skus: string[];
  /** Lower-cased; '' when unknown. */
  titles: string[];
  urgency: number[];
  /** Risk types joined with ',' ('' for none). */
  risks: string[];
}

/** The same in v8: titles as shown, and the key of the plan each listing shows ('' for none). */
type SearchChunkRowV8 = SearchChunkRowV7 & { plans: string[] };

/** v7 -> v8: every indexed listing row loses its plan copy; the search entries get what the rows showed. */
export async function upgradeToV8(tx: Transaction): Promise<void> {
  const shown = new Map<string, { urgency: number; risks: string; planKey: string; title: string | undefined }>();
  await tx
    .table('listings')
    .toCollection()
    .modify((row: Partial<ListingIndexRow> & { key: string }) => {
      shown.set(row.key, { urgency: row.urgency ?? NO_PLAN_BASE, risks: row.riskTypes?.join(',') ?? '', planKey: row.planKey ?? '', title: row.title });
      delete row.urgency;
      delete row.daysOfCover;
      delete row.riskTypes;
      delete row.plan;
    });
  await tx
    .table('searchChunks')
    .toCollection()
    .modify((chunk: SearchChunkRowV7 & Partial<SearchChunkRowV8>) => {
      chunk.plans = chunk.keys.map(() => '');
      chunk.keys.forEach((key, i) => {
        const entry = shown.get(key);
        if (!entry) return;
        chunk.titles[i] = entry.title ?? '';
        chunk.urgency[i] = entry.urgency;
        chunk.risks[i] = entry.risks;
        chunk.plans![i] = entry.planKey;
      });
    });
  await tx
    .table('plans')
    .toCollection()
    .modify((row: { scope: string; listingKeys: string[]; poolListingKeys?: string[] }) => {
      if (row.scope === 'pool') row.poolListingKeys = row.listingKeys;
    });
}

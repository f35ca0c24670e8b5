/**
 * Schema v8 -> v9: what each listing shows of its plan (sort key, risk tags, plan key) moves
 * out of its group's search chunk into a record of its own in `shownChunks`. Through v8 every
 * re-plan rewrote each touched group's whole chunk, SKUs and titles included, to move sort
 * keys; in Chromium's IndexedDB a put costs more the more bytes it writes (a 250-row page's
 * re-plan spent 100-125 ms rewriting 72 chunks).
 *
 * The upgrade copies each chunk's sort keys, risk tags and plan keys to a shown chunk of the
 * same group (columns in the order of the chunk's keys, which stay in the search chunk), and
 * strips them from the search chunk.
 *
 * FROZEN: never edit this file. It defines how a v8 database upgrades, for as long as a seller
 * may still have one. Imports: type-only, dexie, or other frozen code in this folder
 * (migrations-frozen.test.ts).
 */
import type { Transaction } from 'dexie';
import type { SearchChunkRow } from './search-chunk-types';
import { NO_PLAN_BASE as NO_PLAN_BASE_V9 } from './frozen-sort-key';

/**
 * A shown chunk as v9 stores it: one group's shown plans as parallel columns, following its
 * search chunk's keys position by position; a plan key equal to its listing's key is written
 * OWN_PLAN_V9.
 */
interface ShownChunkRowV9 {
  group: number;
  urgency: number[];
  risks: string[];
  plans: string[];
}

/** tables/shownChunks.ts OWN_PLAN as v9 defines it. */
const OWN_PLAN_V9 = '=';

/** v8 -> v9: every search chunk's plan columns move to a shown chunk of its group. */
export async function upgradeToV9(tx: Transaction): Promise<void> {
  const shown: ShownChunkRowV9[] = [];
  await tx
    .table('searchChunks')
    .toCollection()
    .modify((chunk: Partial<SearchChunkRow> & Pick<SearchChunkRow, 'group' | 'keys'>) => {
      const n = chunk.keys.length;
      const column = <T>(values: T[] | undefined, none: T) => (values?.length === n ? values : chunk.keys.map(() => none));
      const plans = column(chunk.plans, '');
      shown.push({
        group: chunk.group,
        urgency: column(chunk.urgency, NO_PLAN_BASE_V9),
        risks: column(chunk.risks, ''),
        plans: plans.map((p, i) => (p === chunk.keys[i] ? OWN_PLAN_V9 : p)),
      });
      delete chunk.urgency;
      delete chunk.risks;
      delete chunk.plans;
    });
  await tx.table('shownChunks').bulkPut(shown);
}

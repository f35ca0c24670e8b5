/**
 * Schema v5 -> v6: the listing index of the order lines moves from the day chunks' multi-entry
 * `listingKeys` (every put of a chunk wrote all its entries again) to `orderMonths`, one record
 * per marketplace month and account listing the listings sold in its day chunks. Each chunk
 * loses its `listingKeys` field (the v6 schema drops its index, schema.ts); each month gets
 * one record (part 0) with the listing keys of its chunks' lines.
 *
 * FROZEN: never edit this file. It defines how a v5 database upgrades, for as long as a seller
 * may still have one. The helper below is a copy of the live code as it stood when this upgrade
 * was written: tables/orderMonths.ts `orderMonthOf`. A later change to the live helpers must
 * not change what this upgrade writes: a change to the stored data goes into a new schema
 * version with its own upgrade file. Imports: type-only, dexie, or other frozen code in this
 * folder (migrations-frozen.test.ts).
 */
import type { Transaction } from 'dexie';
import type { OrderChunkRow } from './order-chunk-types';
import type { OrderMonthRow } from '../tables/orderMonths';

/**
 * v5 -> v6: every chunk rewritten once without its listing keys (through a cursor: a two-year
 * history never sits in memory at once), the months' listing keys gathered on the way.
 */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const months = new Map<string, Set<string>>();
  await tx
    .table('orderChunks')
    .toCollection()
    .modify((chunk: Partial<OrderChunkRow> & Pick<OrderChunkRow, 'id' | 'lines'>) => {
      delete chunk.listingKeys;
      const month = orderMonthOf(chunk.id);
      const keys = months.get(month) ?? months.set(month, new Set()).get(month)!;
      for (const line of Object.values(chunk.lines)) keys.add(line.listingKey);
    });
  const rows: OrderMonthRow[] = [...months].filter(([, keys]) => keys.size > 0).map(([month, keys]) => ({ month, part: 0, listingKeys: [...keys].sort() }));
  await tx.table('orderMonths').bulkPut(rows);
}

// ---------------------------------------------------------------------------------------------
// Frozen copies (as of schema v6)
// ---------------------------------------------------------------------------------------------

/** `platform|marketplace|YYYY-MM[|@account]` of a day chunk id (tables/orderMonths.ts). */
function orderMonthOf(chunkId: string): string {
  const fields = chunkId.split('|');
  fields[2] = fields[2]!.slice(0, 7);
  return fields.join('|');
}

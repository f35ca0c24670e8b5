/**
 * Schema v6 -> v7: each order day chunk's lines move from `lines` (one object per line, by
 * order key) to columns (line i at index i of each): `keys` and `orderIds`; the other text
 * fields as indexes into the chunk's `words` (each distinct value once), field by field in
 * WORD_FIELDS order, NO_WORD for an absent optional field; `quantities` and `priceAmounts`
 * (NaN: no price) as typed arrays. Structured clone writes every property name of every
 * object, so the object form cost a fifth of a large import's storing pass (schema.ts v7).
 * The lines keep their v6 order; the words are numbered in order of first use.
 *
 * FROZEN: never edit this file. It defines how a v6 database upgrades, for as long as a seller
 * may still have one. The code below is a copy of the live encoding as it stood when this
 * upgrade was written: tables/orderChunks.ts `WORD_FIELDS`, `NO_WORD` and `encodeOrderChunk`.
 * A later change to the live helpers must not change what this upgrade writes: a change to the
 * stored data goes into a new schema version with its own upgrade file. Imports: type-only,
 * dexie, or other frozen code in this folder (migrations-frozen.test.ts).
 */
import type { Transaction } from 'dexie';
import type { OrderChunkRowV6, OrderChunkRowV7 } from './order-chunk-types';
import type { OrderRow } from '../tables/orders';

/**
 * v6 -> v7: every chunk rewritten once as columns (through a cursor: a two-year history never
 * sits in memory at once). Measured in Chromium for 500,000 lines in 730 chunks: 8-21 s at
 * load 6-8 on 2 cores, once, when the updated extension first opens the store (reading pages
 * of 16 chunks with bulkGet/bulkPut instead of modify made no difference).
 */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  await tx
    .table('orderChunks')
    .toCollection()
    .modify((chunk: OrderChunkRowV6, ref: { value: unknown }) => {
      ref.value = columnsOf(chunk.id, chunk.date, Object.values(chunk.lines));
    });
}

// ---------------------------------------------------------------------------------------------
// Frozen copies (as of schema v7)
// ---------------------------------------------------------------------------------------------

const WORD_FIELDS = [
  'platform',
  'marketplace',
  'account',
  'sku',
  'listingKey',
  'status',
  'orderDate',
  'observedAt',
  'firstObservedAt',
  'source',
  'fulfillment',
  'priceCurrency',
] as const;

const NO_WORD = 0xffffffff;

/** A row's value of a word field (`priceCurrency` is `itemPrice.currency`). */
function wordValue(r: OrderRow, field: (typeof WORD_FIELDS)[number]): string | undefined {
  return field === 'priceCurrency' ? r.itemPrice?.currency : r[field];
}

/** A v7 chunk holding `rows` in that order, words numbered in order of first use (field by field, line by line). */
function columnsOf(id: string, date: string, rows: readonly OrderRow[]): OrderChunkRowV7 {
  const n = rows.length;
  const words: string[] = [];
  const wordOf = new Map<string, number>();
  const wordIndexes = new Uint32Array(WORD_FIELDS.length * n);
  WORD_FIELDS.forEach((field, f) => {
    rows.forEach((r, i) => {
      const value = wordValue(r, field);
      let w = value === undefined ? NO_WORD : wordOf.get(value);
      if (w === undefined) wordOf.set(value!, (w = words.push(value!) - 1));
      wordIndexes[f * n + i] = w;
    });
  });
  return {
    id,
    date,
    keys: rows.map((r) => r.key),
    orderIds: rows.map((r) => r.orderId),
    words,
    wordIndexes,
    quantities: Int32Array.from(rows, (r) => r.quantity),
    priceAmounts: Float64Array.from(rows, (r) => (r.itemPrice ? r.itemPrice.amountMinor : NaN)),
  };
}

/**
 * The order day chunk as older schema versions stored it (type-only: no upgrade runs any of
 * this). v5's chunks carried their lines' listing keys for a multi-entry index; v6 moved that
 * index to `orderMonths` and dropped the field; v7 stores the lines as columns
 * (tables/orderChunks.ts). The upgrades that write or read an old shape describe it with these.
 */
import type { OrderRow } from '../tables/orders';

/** A day chunk as version 6 stored it: the lines by order key. */
export interface OrderChunkRowV6 {
  id: string;
  date: string;
  lines: Record<string, OrderRow>;
}

/** A day chunk as version 5 stored it. */
export type OrderChunkRow = OrderChunkRowV6 & { listingKeys: string[] };

/** A day chunk as version 7 stored it (the v6 -> v7 upgrade writes it: migrations/v6-to-v7.ts). */
export interface OrderChunkRowV7 {
  id: string;
  date: string;
  keys: string[];
  orderIds: string[];
  words: string[];
  wordIndexes: Uint32Array;
  quantities: Int32Array;
  priceAmounts: Float64Array;
}

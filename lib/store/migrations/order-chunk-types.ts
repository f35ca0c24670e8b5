/**
 * The order day chunk as schema v5 stored it (type-only: no upgrade runs any of this). v5's
 * chunks carried their lines' listing keys for a multi-entry index; v6 moved that index to
 * `orderMonths` and dropped the field (tables/orderChunks.ts), so the v4 -> v5 upgrade, which
 * writes it, and the v5 -> v6 upgrade, which removes it, describe the old shape with this.
 */
import type { OrderChunkRow as LiveOrderChunkRow } from '../tables/orderChunks';

/** A day chunk as version 5 stored it. */
export type OrderChunkRow = LiveOrderChunkRow & { listingKeys: string[] };

/**
 * The readings day chunk as schema v4 introduced it (type-only: no upgrade runs any of this).
 * Until 2026-12-04 every chunk held its readings as objects; since, chunks are written with
 * each listing's readings as one text (tables/observationChunks.ts) and read in either form.
 * The v3 -> v4 upgrade writes this form.
 */
import type { ObservationRow } from '../tables/observations';

/** A day chunk with its readings as objects, in id order. */
export interface ObservationChunkRowV4 {
  id: string;
  date: string;
  group: number;
  rows: ObservationRow[];
}

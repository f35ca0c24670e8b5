/**
 * The working state reconstruction (reconstruct.ts) shares with its steps (reconstruct-censor.ts,
 * reconstruct-counts.ts, reconstruct-layers.ts): one slot per day of the series being rebuilt,
 * which layer settled each day and whether it was censored, and the seller's stock events the
 * stock deltas net out. Internal to reconstruction except Calibration, its input.
 */

/** A manual stock event the seller recorded, which stock deltas must net out. */
export interface Calibration {
  listingKey: string;
  /** Day of the event (marketplace zone). */
  date: string;
  /**
   * receipt: units added (received shipment); removal: units taken out (removal order,
   * damage write-off); correction: signed fix (+ found, - lost); count: the seller counted
   * `units` on hand that day (lib/store's calibrations), a new baseline for stock deltas.
   */
  kind: 'receipt' | 'removal' | 'correction' | 'count';
  units: number;
}

/**
 * The layer that settled a day (SettledDays.layer), finest first: a coarser layer only fills days
 * no finer one settled. Windowed counts rank by their length (windowLayer).
 */
export const LAYER_EXACT = 1;
export const LAYER_CUMULATIVE = 0xfffe;
export const LAYER_STOCK_DELTA = 0xffff;
/** The rank of "units sold in the last `windowDays` days" counts: shorter windows are finer. */
export function windowLayer(windowDays: number): number {
  return Math.min(2 + windowDays, LAYER_CUMULATIVE - 1);
}

/**
 * Per day, the layer that settled it (LAYER_*, 0 = none), whether it was censored (CENSORED_*,
 * 0 = not) and whether it was raised to an order floor after every layer (1; the coarser layers
 * read it before: reconstruct-extend.ts must not take its raised value for what they read); and
 * the layers whose counts the projections could not meet, so they were repaired over the whole
 * layer (fillLayer: a count added to such a layer can move the others).
 */
export interface SettledDays {
  layer: Uint16Array;
  censored: Uint8Array;
  floored: Uint8Array;
  repaired: readonly number[];
}

/** Units sold in days [from, to] (inclusive indices into the series). */
export interface IntervalCount {
  from: number;
  to: number;
  units: number;
}

/** `censored` values: a reading showed the day out of stock, or readings around it say so. */
export const CENSORED_OBSERVED = 1;
export const CENSORED_INFERRED = 2;

/**
 * The series being rebuilt, one slot per day. `fixed` marks days a finer layer settled (the
 * coarser layers leave them alone) with that layer's rank (LAYER_*; 0 = not settled);
 * `censored` marks days without sellable stock (CENSORED_*).
 */
export interface DayGrid {
  n: number;
  units: Float64Array;
  how: Uint8Array;
  fixed: Uint16Array;
  censored: Uint8Array;
  /** Days raised to an order floor (1), after every layer. */
  floored: Uint8Array;
  /** The layers repairExactly ran on. */
  repaired: Set<number>;
  /** Slot of an ISO date (may fall outside 0..n-1). */
  index: (iso: string) => number;
}

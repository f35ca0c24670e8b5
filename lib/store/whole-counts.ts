/**
 * Whole-number columns kept in the narrowest typed array that holds them exactly. Chromium's
 * IndexedDB costs more per record the more bytes it writes (lib/store/README.md), and most of a
 * demand-cache record is two such columns: a listing's daily units (whole on most days a stock
 * delta or an order line decides) and its on-hand readings. A column that does not fit (a
 * fraction, a negative or a large count) is kept as it was, so packing never changes a value.
 */

/** A packed column: one byte or two per value; the largest value of each type stands for NaN. */
export type PackedWhole = Uint8Array | Uint16Array;

/**
 * The values in one byte or two each, or undefined when one of them is not a whole number in
 * range (NaN is kept, as the type's largest value; -0 is not a whole number here, so it is never turned into 0).
 * @example packWhole(new Float64Array([0, 3, NaN])) // Uint8Array [0, 3, 255]
 */
export function packWhole(values: ArrayLike<number>): PackedWhole | undefined {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    if (!Number.isInteger(v) || v < 0 || Object.is(v, -0)) return undefined;
    if (v > max) max = v;
  }
  const packed = max < 0xff ? new Uint8Array(values.length) : max < 0xffff ? new Uint16Array(values.length) : undefined;
  if (!packed) return undefined;
  const nan = packed instanceof Uint8Array ? 0xff : 0xffff;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    packed[i] = v === v ? v : nan;
  }
  return packed;
}

/**
 * The values of a packed column (as Float64, NaN where it was).
 * @example unpackWhole(Uint8Array.of(0, 3, 255)) // Float64Array [0, 3, NaN]
 */
export function unpackWhole(packed: PackedWhole): Float64Array {
  const nan = packed instanceof Uint8Array ? 0xff : 0xffff;
  const out = new Float64Array(packed.length);
  for (let i = 0; i < packed.length; i++) out[i] = packed[i] === nan ? Number.NaN : packed[i]!;
  return out;
}

/** Day-and-count pairs (day, units, day, units...) packed: days as steps from the one before, from `firstDay`. */
export interface PackedPairs {
  firstDay: number;
  steps: PackedWhole;
}

/**
 * Pairs of day and count, flat, packed when every day is on or after the one before and every
 * step and count fits; undefined otherwise (the caller keeps them as they were).
 * @example packDayPairs(Int32Array.of(20000, 5, 20001, 4)) // { firstDay: 20000, steps: Uint8Array [0, 5, 1, 4] }
 */
export function packDayPairs(pairs: Int32Array): PackedPairs | undefined {
  if (pairs.length === 0 || pairs.length % 2 !== 0) return undefined;
  const firstDay = pairs[0]!;
  const steps = new Float64Array(pairs.length);
  for (let i = 0; i < pairs.length; i += 2) {
    steps[i] = pairs[i]! - (i === 0 ? firstDay : pairs[i - 2]!);
    steps[i + 1] = pairs[i + 1]!;
  }
  const packed = packWhole(steps);
  return packed && { firstDay, steps: packed };
}

/**
 * The pairs packDayPairs packed.
 * @example unpackDayPairs({ firstDay: 20000, steps: Uint8Array.of(0, 5, 1, 4) }) // Int32Array [20000, 5, 20001, 4]
 */
export function unpackDayPairs(packed: PackedPairs): Int32Array {
  const out = new Int32Array(packed.steps.length);
  let day = packed.firstDay;
  for (let i = 0; i < out.length; i += 2) {
    day += packed.steps[i]!;
    out[i] = day;
    out[i + 1] = packed.steps[i + 1]!;
  }
  return out;
}

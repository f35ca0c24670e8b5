/**
 * Day arrays for a plan's fee block, taken from one reused buffer while a plan runs.
 * Why: the FBA fee block builds a dozen or more short day arrays per plan (the history, each
 * projection a send's search tries, each history extended by one), and in Node and Chromium
 * every typed array's buffer is an allocation outside the heap that costs more than the few
 * hundred days it holds, then more again for the collector to free (in a 10,000-listing FBA
 * catalogue: a fifth to a quarter of the planning time). None of them outlives the plan: the plan
 * keeps amounts and dates, never the arrays.
 *
 * Outside `withDayArena` every array is a new allocation, so a caller that keeps its arrays
 * (a test, a chart) gets arrays of its own.
 */

/** The buffer an open arena takes arrays from, and how much of it the current run has taken. */
interface Arena {
  buffer: Float64Array;
  used: number;
}

/** Days the arena holds at first; it grows once to what the largest plan takes, then stays. */
const INITIAL_DAYS = 8192;

let shared: Arena | null = null;
/** The arena of the run under way (null: none, every array is allocated). */
let open: Arena | null = null;

/**
 * Runs `run` with an arena open: day arrays taken inside it share one buffer, which the next run
 * takes over again. Nothing `run` returns may hold such an array. Nested runs share the outer one's.
 * @example withDayArena(() => feeAmounts(plan)) // the amounts; every day array inside was scratch
 */
export function withDayArena<T>(run: () => T): T {
  if (open) return run();
  open = shared ??= { buffer: new Float64Array(INITIAL_DAYS), used: 0 };
  try {
    return run();
  } finally {
    open.used = 0;
    open = null;
  }
}

/**
 * A zeroed array of `length` days: from the open arena's buffer, or allocated when none is open.
 * @example dayArray(3) // Float64Array [0, 0, 0]
 */
export function dayArray(length: number): Float64Array {
  const arena = open;
  if (!arena) return new Float64Array(length);
  if (arena.used + length > arena.buffer.length) {
    // Arrays already taken keep the old buffer; the arena goes on in a larger one.
    arena.buffer = new Float64Array(Math.max(2 * arena.buffer.length, length));
    arena.used = 0;
  }
  // A view made directly: subarray looks up the array's species constructor on every call.
  const array = new Float64Array(arena.buffer.buffer, arena.used * Float64Array.BYTES_PER_ELEMENT, length);
  arena.used += length;
  return array.fill(0);
}

/**
 * Two zeroed arrays of `length` days (one allocation outside an arena).
 * @example float64Pair(3).map((a) => a.length) // [3, 3]
 */
export function float64Pair(length: number): [Float64Array, Float64Array] {
  if (!open) {
    const both = new Float64Array(2 * length);
    return [both.subarray(0, length), both.subarray(length)];
  }
  return [dayArray(length), dayArray(length)];
}

/**
 * Two arrays of `length` days on one buffer. A plan builds many short day arrays (history,
 * projections), and in Node each typed array's buffer is an allocation outside the heap that
 * costs more than the few hundred days it holds; two views on one buffer halve them.
 * @example float64Pair(3).map((a) => a.length) // [3, 3]
 */
export function float64Pair(length: number): [Float64Array, Float64Array] {
  const both = new Float64Array(2 * length);
  return [both.subarray(0, length), both.subarray(length)];
}

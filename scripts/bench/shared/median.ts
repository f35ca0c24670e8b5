/**
 * The middle value of some timings (the upper one of the two middles for an even count), without
 * reordering them.
 * @example median([30, 10, 20, 40]) // 30
 */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
}

/**
 * How likely a count this low is by chance alone, for sales counted over a window.
 */

/** ln(n!) for whole n ≥ 0: exact sums below 256, Stirling's series above (error below 1e-10 there). */
function logFactorial(n: number): number {
  if (n < 256) {
    let sum = 0;
    for (let i = 2; i <= n; i++) sum += Math.log(i);
    return sum;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n * n * n);
}

/**
 * P(X ≤ k) for X ~ Poisson(mean): the chance of selling at most k units in a window whose
 * expected sales are `mean`. Summed around the largest term in log space, so a mean of
 * thousands neither underflows nor loops long.
 * @example poissonAtMost(0, 2) // Math.exp(-2) = 0.1353…
 * @example poissonAtMost(7, 28) < 1e-5 // true: 7 sold where 28 were expected is not chance
 */
export function poissonAtMost(k: number, mean: number): number {
  if (!(mean > 0)) return k >= 0 ? 1 : 0;
  if (k < 0) return 0;
  const top = Math.floor(k);
  const peak = Math.min(top, Math.floor(mean));
  let sum = 1;
  let term = 1;
  // Terms fall on both sides of the peak (ratio i / mean below it, mean / i above it up to k).
  for (let i = peak; i > 0 && term > 1e-17 * sum; i--) sum += term *= i / mean;
  term = 1;
  for (let i = peak + 1; i <= top && term > 1e-17 * sum; i++) sum += term *= mean / i;
  const logPeak = -mean + peak * Math.log(mean) - logFactorial(peak);
  return Math.min(1, Math.exp(logPeak + Math.log(sum)));
}

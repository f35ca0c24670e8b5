import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { poissonAtMost } from './poisson';

/** The textbook sum, term by term from e^-mean (fine for small means). */
function direct(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let sum = term;
  for (let i = 1; i <= k; i++) sum += term *= mean / i;
  return sum;
}

describe('poissonAtMost', () => {
  it('equals the textbook sum for small means', () => {
    for (const mean of [0.3, 1, 2.5, 7, 28, 60]) for (const k of [0, 1, 3, 7, 20, 50, 90]) expect(poissonAtMost(k, mean)).toBeCloseTo(direct(k, mean), 12);
  });

  it('gives the known values', () => {
    expect(poissonAtMost(0, 2)).toBeCloseTo(Math.exp(-2), 15);
    expect(poissonAtMost(7, 28)).toBeLessThan(1e-5);
    // Near the mean a count is about as likely below as above.
    expect(poissonAtMost(1000, 1000)).toBeGreaterThan(0.5);
    expect(poissonAtMost(1000, 1000)).toBeLessThan(0.52);
  });

  it('stays finite and in [0, 1] for large means (no underflow of e^-mean)', () => {
    expect(poissonAtMost(4000, 5000)).toBeGreaterThan(0);
    expect(poissonAtMost(4000, 5000)).toBeLessThan(1e-40);
    expect(poissonAtMost(6000, 5000)).toBeCloseTo(1, 12);
  });

  it('handles no expected sales and negative counts', () => {
    expect(poissonAtMost(0, 0)).toBe(1);
    expect(poissonAtMost(-1, 3)).toBe(0);
  });

  it('rises with k and falls with the mean', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.double({ min: 0.01, max: 500, noNaN: true }), (k, mean) => {
        const p = poissonAtMost(k, mean);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(poissonAtMost(k + 1, mean)).toBeGreaterThanOrEqual(p * (1 - 1e-12));
        expect(poissonAtMost(k, mean * 1.1)).toBeLessThanOrEqual(p * (1 + 1e-12));
      }),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { weekdayProfile, yearlyFactors } from './seasonality.ts';

const weeks = (pattern: number[], count: number) => Float64Array.from({ length: 7 * count }, (_, i) => pattern[i % 7]!);

describe('weekdayProfile', () => {
  it('recovers a clear weekly shape (mean 1) from a busy item', () => {
    const y = weeks([0, 2, 2, 2, 2, 2, 4], 20); // y[0] is a Sunday
    const p = weekdayProfile(y, 0, 0, y.length, null, 0);
    expect(p[0]).toBeCloseTo(0);
    expect(p[6]).toBeCloseTo(2);
    expect(Array.from(p).reduce((a, b) => a + b, 0)).toBeCloseTo(7);
  });
  it('aligns the shape with the weekday of the first period', () => {
    const y = weeks([0, 2, 2, 2, 2, 2, 4], 20);
    const p = weekdayProfile(y, 3, 0, y.length, null, 0); // y[0] is a Wednesday
    expect(p[3]).toBeCloseTo(0);
  });
  it('shrinks a sparse item towards the prior', () => {
    const y = new Float64Array(28);
    y[1] = 1; // one sale on a Monday
    const prior = [1, 1, 1, 1, 1, 1, 1];
    const p = weekdayProfile(y, 0, 0, 28, prior, 60);
    // only one unit of evidence: the shape stays close to the prior
    expect(Math.max(...p)).toBeLessThan(1.2);
  });
  it('skips unknown days instead of reading them as zero', () => {
    const y = weeks([2, 2, 2, 2, 2, 2, 2], 8);
    for (let i = 1; i < y.length; i += 7) y[i] = Number.NaN; // every Monday unknown
    const p = weekdayProfile(y, 0, 0, y.length, null, 0);
    expect(Array.from(p)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('yearlyFactors', () => {
  const settings = { lag: 52, halfWidth: 0, referenceWindow: 4, shrink: 0 };
  it("reproduces last year's rise after the same point", () => {
    const y = new Float64Array(110).fill(10);
    for (let i = 100 - 52; i < 100 - 52 + 4; i++) y[i] = 20; // last year: doubled after week 48
    const out = new Float64Array(6);
    expect(yearlyFactors(y, 100, 6, settings, out)).toBe(true);
    // Doubled, damped by one unit per reference window ((20 + 1/4) / (10 + 1/4)).
    for (const f of out.slice(0, 4)) expect(f).toBeCloseTo(81 / 41, 9);
    expect(out[4]).toBe(1);
  });
  it('keeps a reference of almost nothing from turning one later sale into a huge factor', () => {
    // A fitting residue of 1e-17 a year ago, then one unit: the ratio alone would be 1e17.
    const y = new Float64Array(400);
    y[400 - 364 - 1] = 1e-17;
    y[400 - 364 + 1] = 1;
    const out = new Float64Array(7);
    yearlyFactors(y, 400, 7, { lag: 364, halfWidth: 3, referenceWindow: 28, shrink: 0.25 }, out);
    for (const f of out) expect(f).toBeLessThan(10);
  });
  it('leaves factors at 1 without a year of history', () => {
    const out = new Float64Array(4);
    expect(yearlyFactors(new Float64Array(40).fill(3), 40, 4, settings, out)).toBe(false);
    expect(Array.from(out)).toEqual([1, 1, 1, 1]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countQuantile,
  countQuantiles,
  cumulativeQuantileCurves,
  cumulativeQuantiles,
  cumulativeVariance,
  gammaQuantile,
  normalQuantile,
} from './distribution.ts';

const spread = { dispersion: 3, levelWindow: 28, levelDrift: 0.3, driftHorizon: 28 };

describe('normalQuantile', () => {
  it('matches known values', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });
});

describe('countQuantile', () => {
  it('gives Poisson quantiles when variance equals the mean', () => {
    // Poisson(2): P(X<=2)=0.677, P(X<=4)=0.947
    expect(countQuantile(2, 2, 0.5)).toBe(2);
    expect(countQuantile(2, 2, 0.9)).toBe(4);
  });
  it('puts the median of over-dispersed sparse demand at zero and the p90 far above the mean', () => {
    expect(countQuantile(2, 40, 0.5)).toBe(0);
    expect(countQuantile(2, 40, 0.9)).toBeGreaterThan(4);
  });
  it('is 0 for zero mean and close to the normal for big totals', () => {
    expect(countQuantile(0, 0, 0.99)).toBe(0);
    const q = countQuantile(10_000, 10_000, 0.9);
    expect(q).toBeGreaterThan(10_000 + 1.2 * 100);
    expect(q).toBeLessThan(10_000 + 1.36 * 100);
  });
  it('agrees between exact inversion and the gamma approximation near the switch', () => {
    expect(Math.abs(countQuantile(49, 150, 0.9) - gammaQuantile(49, 150, normalQuantile(0.9)))).toBeLessThan(2);
  });
  it('is non-decreasing in q', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 0.98, noNaN: true }),
        (m, d, q) => {
          expect(countQuantile(m, m * d, q + 0.01)).toBeGreaterThanOrEqual(countQuantile(m, m * d, q));
        },
      ),
    );
  });
});

describe('cumulative quantiles', () => {
  it('grow with the horizon and include level drift that scales with the total squared', () => {
    const noDrift = cumulativeVariance(100, 27, { ...spread, levelDrift: 0 });
    const withDrift = cumulativeVariance(100, 27, spread);
    expect(withDrift - noDrift).toBeCloseTo(0.09 * 100 * 100);
    const q = cumulativeQuantiles(new Array(60).fill(1.5), 0.9, spread);
    for (let h = 1; h < q.length; h++) expect(q[h]).toBeGreaterThanOrEqual(q[h - 1]!);
    expect(q[59]).toBeGreaterThan(90);
  });
});

describe('revival allowance (quantiles of an item that went quiet)', () => {
  it('gives a silent item with a selling past a positive p90 and never lowers any quantile', () => {
    const quiet = new Array(28).fill(0);
    expect(cumulativeQuantiles(quiet, 0.9, spread)[27]).toBe(0);
    expect(cumulativeQuantiles(quiet, 0.9, { ...spread, longRunRate: 0.5, revival: 0.5 })[27]).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (mean, rate, revival, q) => {
          const plain = cumulativeQuantiles(mean, q, spread);
          const allowed = cumulativeQuantiles(mean, q, { ...spread, longRunRate: rate, revival });
          allowed.forEach((v, h) => {
            expect(v).toBeGreaterThanOrEqual(plain[h]! - 1e-9);
            if (h > 0) expect(v).toBeGreaterThanOrEqual(allowed[h - 1]!);
          });
        },
      ),
    );
  });
});

describe('countQuantiles (several levels in one walk)', () => {
  it('gives exactly countQuantile at every level, exact and gamma ranges alike', () => {
    const qs = [0.5, 0.8, 0.9, 0.95, 0.99];
    const zs = qs.map(normalQuantile);
    const out = new Float64Array(qs.length);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 40, noNaN: true }), (mean, extra) => {
        const variance = mean * (1 + extra);
        countQuantiles(mean, variance, qs, zs, out);
        qs.forEach((q, j) => expect(out[j]).toBe(countQuantile(mean, variance, q)));
      }),
    );
  });
});

describe('cumulativeQuantiles with a length', () => {
  it('is the prefix of the whole curve', () => {
    const mean = Array.from({ length: 60 }, (_, h) => 0.5 + (h % 7) / 3);
    const whole = cumulativeQuantiles(mean, 0.9, spread);
    expect(cumulativeQuantiles(mean, 0.9, spread, 30)).toEqual(whole.slice(0, 30));
    expect(cumulativeQuantiles(mean, 0.9, spread, 500)).toEqual(whole);
    expect(cumulativeQuantiles(mean, 0.9, spread, 0)).toEqual([]);
  });
});

describe('cumulativeQuantileCurves (several levels in one pass)', () => {
  it('gives at each level the running maximum of countQuantile of the cumulative total', () => {
    const qs = [0.5, 0.9, 0.95];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 8, noNaN: true }), { minLength: 0, maxLength: 60 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (mean, rate, revival) => {
          const withRevival = { ...spread, longRunRate: rate, revival };
          const curves = cumulativeQuantileCurves(mean, qs, withRevival);
          qs.forEach((q, j) => {
            let cum = 0;
            let highest = 0;
            mean.forEach((m, h) => {
              cum += m;
              const gap = rate * (h + 1) - cum;
              const total = gap > 0 && revival > 0 && rate > 0 ? cum + revival * gap : cum;
              highest = Math.max(highest, countQuantile(total, cumulativeVariance(total, h, withRevival), q));
              expect(curves[j]![h]).toBe(highest);
            });
            expect(curves[j]).toHaveLength(mean.length);
          });
        },
      ),
    );
  });
});

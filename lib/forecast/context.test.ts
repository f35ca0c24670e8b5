import { describe, expect, it } from 'vitest';
import { fitContext } from './context.ts';
import { forecastSeries } from './index.ts';
import { poisson, seededRandom } from './synthetic.ts';

/** Over-dispersed counts around a level that drifts (multiplicative random walk), like real SKUs. */
function driftingCatalogue(count: number, days: number, seed: number): number[][] {
  const rand = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Array.from({ length: count }, (_, s) => {
    let level = [0.2, 1, 5, 20][s % 4]! * (0.5 + rand());
    return Array.from({ length: days }, () => {
      level *= Math.exp(0.02 * normal());
      return poisson(rand, level * Math.exp(0.6 * normal() - 0.18));
    });
  });
}

describe('fitContext: quantile calibration', () => {
  it('brings p90 coverage of the next 28 days near 90% on drifting negative-binomial-like data', () => {
    const H = 28;
    const full = driftingCatalogue(400, 250 + H, 11);
    const train = full.map((v) => ({ values: v.slice(0, -H), freq: 'D' as const, start: '2024-01-01' }));
    const ctx = fitContext(train);
    expect(ctx.spreadCalibration).toBeDefined();
    let covered = 0;
    train.forEach((series, i) => {
      const actual = full[i]!.slice(-H).reduce((a, b) => a + b, 0);
      if (actual <= forecastSeries(series, H, ctx).p90Cum[H - 1]!) covered++;
    });
    const coverage = covered / train.length;
    expect(coverage).toBeGreaterThan(0.85);
    expect(coverage).toBeLessThan(0.94); // the uncalibrated defaults give ~94.3% here
  });

  it('picks moving-average blend weights from the candidates and is deterministic', () => {
    const train = driftingCatalogue(60, 200, 5).map((values) => ({ values, freq: 'D' as const, start: '2024-01-01' }));
    const a = fitContext(train);
    expect(a.levelWeights).toHaveLength(5);
    expect(fitContext(train)).toEqual(a);
  });
});

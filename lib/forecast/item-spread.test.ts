import { describe, expect, it } from 'vitest';
import { dispersionEvidence, estimateDispersion, longRunMean, shrunkDispersion, spreadBucket } from './item-spread.ts';

describe('dispersion', () => {
  it("weighs the item's own variance-to-mean ratio by its selling periods against the prior", () => {
    expect(dispersionEvidence(Float64Array.of(0, 4, 0, 4), null, null, 2)).toEqual({ own: 2, weight: 0.5 });
    expect(dispersionEvidence(Float64Array.of(0, Number.NaN, 0), null, null, 2)).toBeNull();
    expect(shrunkDispersion({ own: 2, weight: 0.5 }, 4)).toBe(3);
    expect(shrunkDispersion(null, 4)).toBe(4);
    // Never below Poisson's 1.
    expect(shrunkDispersion({ own: 1, weight: 0.9 }, 0.2)).toBe(1);
    expect(estimateDispersion(Float64Array.of(0, 4, 0, 4), null, null, 4, 2)).toBe(3);
  });

  it('reads deviations around the weekday shape when there is one', () => {
    // Sells 7 on weekday 0 and nothing else: flat around its shape, lumpy around a flat level.
    const y = Float64Array.from({ length: 28 }, (_, i) => (i % 7 === 0 ? 7 : 0));
    const shape = Float64Array.of(7, 0, 0, 0, 0, 0, 0);
    expect(dispersionEvidence(y, shape, 0, 0)!.own).toBe(1);
    expect(dispersionEvidence(y, null, 0, 0)!.own).toBeGreaterThan(5);
  });
});

describe('spreadBucket and longRunMean', () => {
  it('pick the calibrated bucket for a selling level, refusing malformed calibrations', () => {
    const calibration = { edges: [1], levelDrift: [0.1, 0.2], dispersionScale: [1, 2] };
    expect(spreadBucket(calibration, 5)).toEqual({ levelDrift: 0.2, dispersionScale: 2, revival: 0 });
    expect(spreadBucket(calibration, 0.5)).toEqual({ levelDrift: 0.1, dispersionScale: 1, revival: 0 });
    expect(spreadBucket({ ...calibration, revival: [0, 0.3] }, 5)!.revival).toBe(0.3);
    expect(spreadBucket({ ...calibration, dispersionScale: [1] }, 5)).toBeNull();
    expect(spreadBucket({ ...calibration, levelDrift: [0.1, -1] }, 5)).toBeNull();
    expect(spreadBucket(undefined, 5)).toBeNull();
    expect(longRunMean(Float64Array.of(100, 2, Number.NaN, 4), 3)).toBe(3);
    expect(longRunMean(Float64Array.of(Number.NaN), 3)).toBe(0);
  });
});

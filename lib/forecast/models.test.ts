import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blendedMovingAverageAt, crostonAt, flatModelsAt, dampedSum, dampedTrendAt, dampedTrendPairAt, movingAverageAt, sesAt, tsbAt } from './models.ts';

const at = (fit: (out: Float64Array) => void, origins = 1) => {
  const out = new Float64Array(origins);
  fit(out);
  return Array.from(out);
};

describe('moving average', () => {
  it('averages the last window of known values, skipping unknown ones', () => {
    const y = Float64Array.of(9, 1, 2, Number.NaN, 3);
    expect(at((o) => movingAverageAt(y, 3, [5], o))).toEqual([2]);
    expect(at((o) => movingAverageAt(y, 3, [2, 5], o), 2)).toEqual([5, 2]);
    expect(at((o) => movingAverageAt(new Float64Array(0), 3, [0], o))).toEqual([0]);
  });
});

describe('SES', () => {
  it('moves towards recent values by alpha after the warm-up', () => {
    const y = Float64Array.of(2, 2, 10);
    const [level] = at((o) => sesAt(y, 0.5, [3], o));
    expect(level).toBeCloseTo(6); // warm-up mean 2, then 2 + 0.5 * (10 - 2)
  });
  it('records the level at each origin without looking ahead', () => {
    const y = Float64Array.of(4, 4, 100, 100);
    const [early, late] = at((o) => sesAt(y, 0.5, [2, 4], o), 2);
    expect(early).toBe(4);
    expect(late).toBeGreaterThan(4);
  });
});

describe('Croston and SBA', () => {
  it('forecasts size / interval and SBA scales it by 1 - alpha/2', () => {
    const y = Float64Array.of(0, 0, 6, 0, 0, 6, 0, 0, 6);
    const [croston] = at((o) => crostonAt(y, 0.1, 1, [9], o));
    const [sba] = at((o) => crostonAt(y, 0.1, 0.95, [9], o));
    expect(croston).toBeCloseTo(2);
    expect(sba).toBeCloseTo(1.9);
  });
  it('forecasts 0 before any sale', () => {
    expect(at((o) => crostonAt(new Float64Array(5), 0.1, 1, [5], o))).toEqual([0]);
  });
});

describe('TSB', () => {
  it('decays towards zero when an item stops selling, unlike Croston', () => {
    const y = new Float64Array(200);
    for (let i = 0; i < 100; i++) y[i] = i % 2 === 0 ? 4 : 0;
    const [tsbBefore, tsbAfter] = at((o) => tsbAt(y, 0.1, 0.05, [100, 200], o), 2);
    const [crostonBefore, crostonAfter] = at((o) => crostonAt(y, 0.1, 1, [100, 200], o), 2);
    expect(tsbBefore).toBeCloseTo(2, 0);
    expect(tsbAfter).toBeLessThan(0.1);
    expect(crostonAfter).toBeCloseTo(crostonBefore!);
  });
});

describe('damped trend', () => {
  it('picks up a rising launch and damps it', () => {
    const y = Float64Array.from({ length: 40 }, (_, i) => i);
    const level = new Float64Array(1);
    const slope = new Float64Array(1);
    dampedTrendAt(y, 0.5, 0.3, 0.9, [40], level, slope);
    expect(slope[0]).toBeGreaterThan(0.5);
    expect(level[0]).toBeGreaterThan(35);
    expect(dampedSum(0.9, 1000)).toBeCloseTo(9); // the trend adds at most phi/(1-phi) slopes
    expect(dampedSum(1, 5)).toBe(5);
  });
});

describe('every flat model on a constant series', () => {
  it('forecasts the constant (except SBA, whose bias correction is deliberate)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 5, max: 120 }), (c, n) => {
        const y = new Float64Array(n).fill(c);
        const l = new Float64Array(1);
        const s = new Float64Array(1);
        for (const fit of [
          (o: Float64Array) => movingAverageAt(y, 28, [n], o),
          (o: Float64Array) => sesAt(y, 0.1, [n], o),
          (o: Float64Array) => crostonAt(y, 0.1, 1, [n], o),
          (o: Float64Array) => tsbAt(y, 0.1, 0.05, [n], o),
        ]) {
          expect(at(fit)[0]).toBeCloseTo(c, 6);
        }
        dampedTrendAt(y, 0.2, 0.05, 0.9, [n], l, s);
        expect(l[0]).toBeCloseTo(c, 6);
        expect(s[0]).toBeCloseTo(0, 9);
      }),
    );
  });
});

describe('damped trend of two histories at once', () => {
  it('gives bit for bit what dampedTrendAt gives each history, whatever their unknown periods', () => {
    const history = fc.array(fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: null }), { minLength: 0, maxLength: 420 });
    fc.assert(
      fc.property(history, fc.double({ min: 0.2, max: 3, noNaN: true }), fc.boolean(), (values, scale, ownGaps) => {
        const a = Float64Array.from(values, (v) => v ?? Number.NaN);
        // The second history: a rescaled copy (as de-seasonalised), with or without gaps of its own.
        const b = Float64Array.from(a, (v, i) => (ownGaps && i % 11 === 3 ? Number.NaN : v * scale));
        const n = a.length;
        const origins = [Math.floor(n / 4), Math.floor(n / 2), n - 3, n].filter((o, k, all) => o >= 0 && (k === 0 || o >= all[k - 1]!));
        const pair = { levelA: new Float64Array(4), slopeA: new Float64Array(4), levelB: new Float64Array(4), slopeB: new Float64Array(4) };
        dampedTrendPairAt(a, b, 0.2, 0.05, 0.9, origins, pair);
        const alone = { levelA: new Float64Array(4), slopeA: new Float64Array(4), levelB: new Float64Array(4), slopeB: new Float64Array(4) };
        dampedTrendAt(a, 0.2, 0.05, 0.9, origins, alone.levelA, alone.slopeA);
        dampedTrendAt(b, 0.2, 0.05, 0.9, origins, alone.levelB, alone.slopeB);
        expect(pair).toEqual(alone);
      }),
    );
  });
});

describe('blended moving average', () => {
  it('mixes windows by weight, skips unknown periods and uses all history for windows it cannot fill', () => {
    const y = Float64Array.of(1, 1, Number.NaN, 3, 3);
    expect(at((o) => blendedMovingAverageAt(y, null, 0, [2, 4], [1, 1], [5], o))).toEqual([2.5]); // (3 + 2) / 2
    expect(at((o) => blendedMovingAverageAt(y, null, 0, [2, 40], [0, 1], [5], o))).toEqual([2]);
  });
  it('equals the plain moving average for one window and a flat profile', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 30 }), (values, window) => {
        const y = Float64Array.from(values);
        const flat = Float64Array.from([1, 1, 1, 1, 1, 1, 1]);
        const [plain] = at((o) => movingAverageAt(y, window, [y.length], o));
        const [blended] = at((o) => blendedMovingAverageAt(y, flat, 3, [window], [1], [y.length], o));
        expect(blended).toBeCloseTo(plain!, 9);
      }),
    );
  });
});

describe('fused SES/Croston/TSB pass', () => {
  it('matches the separate functions at every origin', () => {
    const value = fc.option(fc.nat({ max: 20 }), { freq: 5, nil: null });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 120 }),
        fc.constantFrom(0.05, 0.1, 0.3),
        fc.constantFrom(0.05, 0.1, 0.5),
        (values, alpha, beta) => {
          const y = Float64Array.from(values, (v) => (v === null ? Number.NaN : v));
          const origins = [Math.floor(y.length / 3), Math.floor(y.length / 2), y.length];
          const ses = new Float64Array(3),
            croston = new Float64Array(3),
            tsb = new Float64Array(3);
          flatModelsAt(y, alpha, alpha, alpha, beta, origins, ses, croston, tsb);
          const expectSame = (fused: Float64Array, fit: (out: Float64Array) => void) => at(fit, 3).forEach((v, k) => expect(fused[k]).toBeCloseTo(v, 9));
          expectSame(ses, (o) => sesAt(y, alpha, origins, o));
          expectSame(croston, (o) => crostonAt(y, alpha, 1, origins, o));
          expectSame(tsb, (o) => tsbAt(y, alpha, beta, origins, o));
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastSeries, type Freq, type SeriesInput } from './index.ts';
import { cleanValues, startWeekday } from './clean-series.ts';
import { finishForecast, fitCandidates, forecastClean } from './core.ts';
import { syntheticCatalogue } from './synthetic.ts';

const freqArb = fc.constantFrom<Freq>('D', 'W', 'M');
const startArb = fc.constantFrom('2022-01-03', '2023-06-15', '2021-12-01', 'not-a-date');
const countsArb = fc.array(fc.nat({ max: 50 }), { minLength: 0, maxLength: 400 });

describe('forecastSeries: examples', () => {
  it('keeps the contract shapes', () => {
    const r = forecastSeries({ values: [1, 2, 3, 4, 5, 6, 7, 8], freq: 'D', start: '2024-01-01' }, 5);
    expect(r.mean).toHaveLength(5);
    expect(r.p50Cum).toHaveLength(5);
    expect(r.p90Cum).toHaveLength(5);
    expect(r.quantileCum(0.95)).toHaveLength(5);
    expect(typeof r.model).toBe('string');
  });

  it('forecasts the weekly shape of a seasonal daily item', () => {
    // Saturdays closed, Mondays busy: the forecast keeps that shape.
    const values = Array.from({ length: 364 }, (_, i) => [4, 8, 4, 4, 4, 4, 0][i % 7]!);
    const r = forecastSeries({ values, freq: 'D', start: '2023-01-01' }, 14); // 2023-01-01 is a Sunday
    expect(r.model).toContain('dow');
    expect(r.mean[6]).toBeLessThan(0.5);
    expect(r.mean[1]).toBeGreaterThan(6);
  });

  it('forecasts zero on Christmas Day when the store always closes then', () => {
    const start = '2021-01-01';
    const values = Array.from({ length: 723 }, (_, i) => (i === 358 ? 0 : 5)); // 2021-12-25 is index 358
    const r = forecastSeries({ values, freq: 'D', start }, 30); // history ends 2022-12-24
    expect(r.mean[0]).toBe(0);
    expect(r.mean[1]).toBeGreaterThan(4);
  });

  it('follows a launch upwards', () => {
    const values = Array.from({ length: 120 }, (_, i) => i / 4);
    const r = forecastSeries({ values, freq: 'D', start: '2024-01-01' }, 7);
    expect(r.mean[0]).toBeGreaterThan(25); // a 28-day average would say ~26.5 - 3.4
  });

  it('quantiles of sparse demand: median below the mean total, p90 above', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 10 : 0));
    const r = forecastSeries({ values, freq: 'D', start: '2024-01-01' }, 28);
    const total = r.mean.reduce((a, b) => a + b, 0);
    expect(r.p50Cum[27]).toBeLessThanOrEqual(total);
    expect(r.p90Cum[27]).toBeGreaterThan(total);
  });

  it('is deterministic', () => {
    const [series] = syntheticCatalogue(1, 400, 9);
    const a = forecastSeries(series!, 30);
    const b = forecastSeries(series!, 30);
    expect(a.mean).toEqual(b.mean);
    expect(a.p90Cum).toEqual(b.p90Cum);
  });
});

describe('forecastSeries: properties', () => {
  it('a constant series forecasts that constant, whatever model is selected', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 800 }),
        freqArb,
        startArb,
        fc.integer({ min: 1, max: 60 }),
        (c, n, freq, start, h) => {
          const r = forecastSeries({ values: new Array(n).fill(c), freq, start }, h);
          for (const m of r.mean) expect(m).toBeCloseTo(c, 6);
        },
      ),
    );
  });

  it('scaling demand by k scales the mean forecast by k', () => {
    fc.assert(
      fc.property(countsArb, freqArb, startArb, fc.integer({ min: 1, max: 10 }), (values, freq, start, power) => {
        // Powers of two keep floating point exact, so holdout ties break the same way.
        const k = 2 ** power;
        const base = forecastSeries({ values, freq, start }, 14);
        const scaled = forecastSeries({ values: values.map((v) => v * k), freq, start }, 14);
        expect(scaled.model).toBe(base.model);
        base.mean.forEach((m, i) => expect(scaled.mean[i]).toBeCloseTo(m * k, 6));
      }),
    );
  });

  it('cumulative quantiles are non-decreasing in h and in q', () => {
    fc.assert(
      fc.property(countsArb, freqArb, startArb, fc.double({ min: 0.01, max: 0.98, noNaN: true }), (values, freq, start, q) => {
        const r = forecastSeries({ values, freq, start }, 30);
        const low = r.quantileCum(q);
        const high = r.quantileCum(Math.min(0.99, q + 0.01));
        for (let h = 0; h < 30; h++) {
          expect(high[h]).toBeGreaterThanOrEqual(low[h]!);
          if (h > 0) {
            expect(low[h]).toBeGreaterThanOrEqual(low[h - 1]!);
            expect(r.p50Cum[h]).toBeGreaterThanOrEqual(r.p50Cum[h - 1]!);
            expect(r.p90Cum[h]).toBeGreaterThanOrEqual(r.p90Cum[h - 1]!);
          }
          expect(r.p90Cum[h]).toBeGreaterThanOrEqual(r.p50Cum[h]!);
        }
      }),
    );
  });

  it('unknown (censored) days never lower the forecast compared with zeros', () => {
    const withNulls = fc.array(fc.option(fc.nat({ max: 30 }), { freq: 4, nil: null }), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(withNulls, freqArb, startArb, (values, freq, start) => {
        const censored = forecastSeries({ values, freq, start }, 21);
        const zeros = forecastSeries({ values: values.map((v) => v ?? 0), freq, start }, 21);
        censored.mean.forEach((m, i) => expect(m).toBeGreaterThanOrEqual(zeros.mean[i]! - 1e-9));
        censored.p90Cum.forEach((m, i) => expect(m).toBeGreaterThanOrEqual(zeros.p90Cum[i]! - 1e-9));
        censored.quantileCum(0.97).forEach((m, i) => expect(m).toBeGreaterThanOrEqual(zeros.quantileCum(0.97)[i]! - 1e-9));
      }),
    );
  });

  it('a stockout run at the end of history does not drag the forecast down', () => {
    const values: (number | null)[] = Array.from({ length: 140 }, (_, i) => (i % 7) + 2);
    for (let i = 126; i < 140; i++) values[i] = null; // last two weeks out of stock
    const censored = forecastSeries({ values, freq: 'D', start: '2024-01-01' }, 7);
    const truncated = forecastSeries({ values: values.slice(0, 126), freq: 'D', start: '2024-01-01' }, 21);
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(total(censored.mean)).toBeCloseTo(total(truncated.mean.slice(14, 21)), 6);
  });

  it('output is finite and non-negative for any input', () => {
    const weird = fc.oneof(
      fc.constant<(number | null)[]>([]),
      fc.array(fc.constant(null), { maxLength: 50 }),
      fc.array(fc.constant(0), { maxLength: 50 }),
      fc.array(fc.oneof(fc.double({ noNaN: false }), fc.constant(null), fc.constant(1e308), fc.constant(-5)), { maxLength: 120 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(weird, freqArb, startArb, fc.oneof(fc.integer({ min: -3, max: 100 }), fc.constant(Number.NaN)), (values, freq, start, h) => {
        const r = forecastSeries({ values, freq, start } as SeriesInput, h);
        for (const xs of [r.mean, r.p50Cum, r.p90Cum, r.quantileCum(0.99), r.quantileCum(0.01), r.quantileCum(2)]) {
          expect(xs.length).toBe(Number.isFinite(h) ? Math.max(0, h) : 0);
          for (const x of xs) {
            expect(Number.isFinite(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(0);
          }
        }
      }),
    );
  });
});

describe('typed inputs, curve prefixes and the zero-filled floor (no second forecast in the planner)', () => {
  const withNulls = fc.array(fc.option(fc.nat({ max: 30 }), { freq: 5, nil: null }), { minLength: 1, maxLength: 200 });

  it('a Float64Array (NaN = unknown) forecasts exactly as the list with nulls', () => {
    fc.assert(
      fc.property(withNulls, startArb, (values, start) => {
        const list = forecastSeries({ values, freq: 'D', start }, 14);
        const typed = forecastSeries({ values: Float64Array.from(values, (v) => (v === null ? Number.NaN : v)), freq: 'D', start }, 14);
        expect(typed.model).toBe(list.model);
        expect(typed.mean).toEqual(list.mean);
        expect(typed.quantileCum(0.95)).toEqual(list.quantileCum(0.95));
      }),
      { numRuns: 60 },
    );
  });

  it('quantileCum(q, length) is the first `length` values of quantileCum(q)', () => {
    const r = forecastSeries({ values: Array.from({ length: 120 }, (_, i) => (i % 5 === 0 ? null : (i * 7) % 11)), freq: 'D', start: '2024-01-01' }, 40);
    expect(r.quantileCum(0.9, 30)).toEqual(r.p90Cum.slice(0, 30));
    expect(r.quantileCum(0.5, 40)).toEqual(r.p50Cum);
  });

  it('quantileCum gives the same numbers whatever was asked of the forecast before, and copies', () => {
    const input: SeriesInput = { values: Array.from({ length: 200 }, (_, i) => (i % 9 === 0 ? null : (i * 5) % 7)), freq: 'D', start: '2024-01-01' };
    const fresh = () => forecastSeries(input, 60);
    const asked = fresh();
    const service = asked.quantileCum(0.95, 45);
    const median = asked.quantileCum(0.5, 30);
    median[0] = -1;
    expect(service).toEqual(fresh().quantileCum(0.95, 45));
    expect(asked.quantileCum(0.5, 30)).toEqual(fresh().quantileCum(0.5, 30));
    expect(asked.quantileCum(0.9, 50)).toEqual(fresh().quantileCum(0.9, 50));
    expect(asked.quantileCum(0.95)).toEqual(fresh().quantileCum(0.95));
    expect(asked.p50Cum).toEqual(fresh().p50Cum);
  });

  it('unknownAsZeroMean is the forecast of the history with its unknown days read as zero, when none leads', () => {
    fc.assert(
      fc.property(fc.nat({ max: 30 }), withNulls, (first, rest) => {
        const values = [first, ...rest];
        const r = forecastSeries({ values, freq: 'D', start: '2024-01-01' }, 14);
        const zeros = forecastSeries({ values: values.map((v) => v ?? 0), freq: 'D', start: '2024-01-01' }, 14);
        expect(r.unknownAsZeroMean).toEqual(values.includes(null) ? zeros.mean : undefined);
      }),
      { numRuns: 60 },
    );
  });

  it('unknownAsZeroMean with unknown days before the first known one: the forecast with only later ones as zero, bit for bit', () => {
    // The planner's series: typed, NaN unknown, often starting with unknown days (before the first reading).
    const day = fc.oneof(fc.constant(Number.NaN), fc.constant(0), fc.double({ min: 0, max: 40, noNaN: true }));
    const days = fc.array(day, { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), days, fc.integer({ min: 1, max: 60 }), (leading, rest, horizon) => {
        const values = Float64Array.from([...Array<number>(leading).fill(Number.NaN), ...rest]);
        let seen = false;
        const zeroed = values.map((v) => (v === v ? ((seen = true), v) : seen ? 0 : v));
        const r = forecastSeries({ values, freq: 'D', start: '2024-01-03' }, horizon);
        const expected = forecastSeries({ values: zeroed, freq: 'D', start: '2024-01-03' }, horizon).mean;
        expect(r.unknownAsZeroMean).toEqual(expected);
        // Worked out once, when read; a copy of the result does not carry it.
        expect(r.unknownAsZeroMean).toBe(r.unknownAsZeroMean);
        expect({ ...r }.unknownAsZeroMean).toBeUndefined();
      }),
      { numRuns: 80 },
    );
    expect(forecastSeries({ values: [null, 1, null, 2], freq: 'D', start: '2024-01-01' }, 3).unknownAsZeroMean).toEqual(
      forecastSeries({ values: [null, 1, 0, 2], freq: 'D', start: '2024-01-01' }, 3).mean,
    );
  });

  it('one fit serves every selection policy: fitCandidates + finishForecast = forecastClean', () => {
    const series = syntheticCatalogue(20, 500, 7);
    for (const s of series) {
      const { y, hasUnknown } = cleanValues(s.values);
      const clean = { y, freq: s.freq, ...startWeekday(s.start, s.freq), hasUnknown };
      const fitted = fitCandidates(clean, 28, {});
      for (const policy of [{}, { defaultModel: 'tsb+dow', selectionMargin: 1 }, { combinationWeight: 0.4 }, { selectionMargin: 0 }]) {
        const once = finishForecast(fitted, 28, policy);
        const alone = forecastClean(clean, 28, policy);
        expect(once.model).toBe(alone.model);
        expect(Array.from(once.mean)).toEqual(Array.from(alone.mean));
        expect(once.spread).toEqual(alone.spread);
      }
    }
  });
});

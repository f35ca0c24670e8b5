import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListingObservation, Observation } from '../records';
import { dayNumber, isoDate } from './days';
import { listingAt, orderAt } from './fixtures';
import { inputsLastDay, reconstructDemand, type Calibration, type DemandSeries } from './reconstruct';
import { continuationOf, extendDemand, extendedContinuation } from './reconstruct-extend';

const FIRST = dayNumber('2026-03-01');

/** A value once in `odds` draws, else undefined. */
function rarely<T>(value: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: odds - 1 }, { arbitrary: value, weight: 1 });
}

/** One step of a random history: a reading some days after the one before (0 = the same day, later). */
const stepArb = fc.record({
  gap: fc.constantFrom(0, 1, 1, 1, 2, 3, 7),
  available: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
  inbound: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  soldCount: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  suppressed: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  window: rarely(fc.constantFrom(7, 30), 6),
  order: rarely(fc.integer({ min: 1, max: 3 }), 8),
  calibration: rarely(fc.constantFrom<Calibration['kind']>('receipt', 'count', 'correction'), 10),
});

interface History {
  observations: Observation[];
  calibrations: Calibration[];
  /** Day of each step's reading. */
  days: number[];
}

/** Readings (with their orders and stock events) in time order, from the steps. */
function historyOf(steps: readonly StepValue[], cumulative: boolean): History {
  const observations: Observation[] = [];
  const calibrations: Calibration[] = [];
  const days: number[] = [];
  let day = FIRST;
  let sold = 0;
  steps.forEach((s, i) => {
    day += s.gap;
    const date = isoDate(day);
    sold += s.soldCount ?? 0;
    const reading: ListingObservation = listingAt(date, {
      observedAt: `${date}T${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`,
      available: s.available,
      ...(s.inbound !== undefined ? { inbound: s.inbound } : {}),
      ...(cumulative ? { cumulativeSold: sold } : {}),
      ...(s.suppressed ? { status: 'suppressed' } : {}),
      ...(s.window ? { unitsSold: [{ windowDays: s.window, units: s.window === 7 ? 5 : 21 }] } : {}),
    });
    observations.push(reading);
    if (s.order) observations.push(orderAt(date, s.order, 'shipped', { observedDate: date, observedAt: reading.observedAt }));
    if (s.calibration) calibrations.push({ listingKey: 'k', date, kind: s.calibration, units: 4 });
    days.push(day);
  });
  return { observations, calibrations, days };
}
type StepValue = {
  gap: number;
  available: number;
  inbound: number | undefined;
  soldCount: number | undefined;
  suppressed: boolean;
  window: number | undefined;
  order: number | undefined;
  calibration: Calibration['kind'] | undefined;
};

function sameSeries(a: DemandSeries, b: DemandSeries): void {
  expect(a.startDay).toBe(b.startDay);
  expect([...a.units]).toEqual([...b.units]);
  expect([...a.how]).toEqual([...b.how]);
}

describe('extendDemand', () => {
  it('gives what reconstructDemand gives from all readings, whenever it extends', () => {
    let extended = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 1, max: 39 }),
        fc.boolean(),
        fc.constantFrom(undefined, 30, 365),
        fc.integer({ min: 0, max: 3 }),
        (steps, splitAt, cumulative, historyDays, extraDays) => {
          runs++;
          const split = Math.min(splitAt, steps.length - 1);
          const { observations, calibrations, days } = historyOf(steps, cumulative);
          const cutTime = (observations.filter((o) => o.kind === 'listing')[split - 1] as ListingObservation).observedAt;
          const old = observations.filter((o) => o.observedAt <= cutTime);
          const added = observations.filter((o): o is ListingObservation => o.observedAt > cutTime && o.kind === 'listing');
          const oldEnd = isoDate(days[split - 1]!);
          const end = isoDate(days.at(-1)! + extraDays);
          const oldCalibrations = calibrations.filter((c) => c.date <= oldEnd);
          const through = inputsLastDay(old, oldCalibrations, []);
          const continuation = continuationOf(old, through);
          if (!continuation) return;
          const series = reconstructDemand(old, { end: oldEnd, historyDays, calibrations: oldCalibrations });
          const result = extendDemand(series, continuation, added, { end, historyDays, calibrations });
          // New orders are inputs too: only readings may be added.
          if (!result || observations.some((o) => o.kind === 'order' && o.observedAt > cutTime)) return;
          extended++;
          sameSeries(result, reconstructDemand(observations, { end, historyDays, calibrations }));
        },
      ),
      { numRuns: 600 },
    );
    // The property is not vacuous: a good share of the random splits extend.
    expect(extended / runs).toBeGreaterThan(0.1);
  });

  it('extends a stock-only history, and a chain of extensions equals one rebuild', () => {
    const readings = [5, 4, 4, 9, 0, 0, 6, 3].map((available, i) => listingAt(isoDate(FIRST + i * 2), { available, inbound: i < 3 ? 5 : 0 }));
    const end = isoDate(FIRST + 20);
    let series = reconstructDemand(readings.slice(0, 2), { end: readings[1]!.observedDate });
    let continuation = continuationOf(readings.slice(0, 2), FIRST + 2);
    for (const next of readings.slice(2)) {
      expect(continuation).not.toBeNull();
      const result = extendDemand(series, continuation!, [next], { end: next.observedDate, calibrations: [] });
      expect(result).not.toBeNull();
      series = result!;
      continuation = extendedContinuation(continuation!, [next]);
    }
    const last = extendDemand(series, continuation!, [listingAt(end, { available: 2 })], { end, calibrations: [] });
    sameSeries(last!, reconstructDemand([...readings, listingAt(end, { available: 2 })], { end }));
  });

  it('refuses what it cannot extend exactly', () => {
    const old = [listingAt('2026-03-01', { available: 9 }), listingAt('2026-03-03', { available: 7 })];
    const series = reconstructDemand(old, { end: '2026-03-03' });
    const continuation = continuationOf(old, dayNumber('2026-03-03'))!;
    const extend = (added: ListingObservation[], calibrations: Calibration[] = []) =>
      extendDemand(series, continuation, added, { end: '2026-03-06', calibrations });
    expect(extend([listingAt('2026-03-05', { available: 4 })])).not.toBeNull();
    // Windowed counts overlap older days.
    expect(extend([listingAt('2026-03-05', { available: 4, unitsSold: [{ windowDays: 7, units: 3 }] })])).toBeNull();
    // No stock shown: nothing to take the next delta from.
    expect(extend([listingAt('2026-03-05', { price: { amountMinor: 100, currency: 'USD' } })])).toBeNull();
    // Older than the baseline.
    expect(extend([listingAt('2026-03-03', { available: 4, observedAt: '2026-03-03T06:00:00Z' })])).toBeNull();
    // Empties the baseline's own day.
    expect(extend([listingAt('2026-03-03', { available: 0, observedAt: '2026-03-03T20:00:00Z' })])).toBeNull();
    // A stock event after the baseline's day, or a count on it (the next delta would start from the count).
    expect(extend([listingAt('2026-03-05', { available: 4 })], [{ listingKey: 'k', date: '2026-03-04', kind: 'receipt', units: 3 }])).toBeNull();
    const counted: Calibration[] = [{ listingKey: 'k', date: '2026-03-03', kind: 'count', units: 12 }];
    const added = [listingAt('2026-03-05', { available: 4 })];
    const rebuilt = reconstructDemand([...old, ...added], { end: '2026-03-06', calibrations: counted });
    const fromBaseline = extend(added)!;
    const day = dayNumber('2026-03-05');
    // The count moved the delta: extending from the baseline would be wrong.
    expect(rebuilt.units[day - rebuilt.startDay]).not.toBe(fromBaseline.units[day - fromBaseline.startDay]);
    expect(extend(added, counted)).toBeNull();
  });

  it('keeps no continuation past a reading without the cumulative count older ones showed', () => {
    const old = [listingAt('2026-03-01', { available: 9, cumulativeSold: 3 })];
    const continuation = continuationOf(old, dayNumber('2026-03-01'))!;
    expect(extendedContinuation(continuation, [listingAt('2026-03-02', { available: 8, cumulativeSold: 4 })])).not.toBeNull();
    expect(extendedContinuation(continuation, [listingAt('2026-03-02', { available: 8 })])).toBeNull();
    expect(continuationOf([...old, listingAt('2026-03-02', { available: 8 })], dayNumber('2026-03-02'))).toBeNull();
  });
});

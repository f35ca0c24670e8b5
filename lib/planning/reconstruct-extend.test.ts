import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListingObservation, Observation } from '../records';
import { dayNumber, isoDate } from './days';
import { listingAt, orderAt } from './fixtures';
import type { DemandSeries } from './demand-series';
import { inputsLastDay, reconstructDemand } from './reconstruct';
import type { Calibration } from './reconstruct-grid';
import { continuationOf, extendDemand } from './reconstruct-extend';

const FIRST = dayNumber('2026-03-01');

/** A value once in `odds` draws, else undefined. */
function rarely<T>(value: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: odds - 1 }, { arbitrary: value, weight: 1 });
}

/** One step of a random history: a reading some days after the one before (0 = the same day, later). */
const stepArb = fc.record({
  gap: fc.constantFrom(0, 1, 1, 2, 3, 7, 7, 7, 14),
  available: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
  inbound: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  soldCount: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  suppressed: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  // The FBA Inventory page's "units sold in the last N days" on some readings (units may disagree between windows).
  windows: fc.oneof(
    { arbitrary: fc.constant([] as { windowDays: number; units: number }[]), weight: 3 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom([7], [7, 30], [7, 30, 90], [30]),
          fc.integer({ min: 0, max: 20 }),
          fc.integer({ min: 0, max: 60 }),
          fc.integer({ min: 0, max: 150 }),
        )
        .map(([lengths, u7, u30, u90]) => lengths.map((windowDays) => ({ windowDays, units: windowDays === 7 ? u7 : windowDays === 30 ? u30 : u90 }))),
      weight: 2,
    },
  ),
  order: rarely(fc.integer({ min: 1, max: 3 }), 8),
  // A pending order (the default orders tab) is only a floor for its day, raised after every layer.
  pending: fc.integer({ min: 0, max: 2 }).map((n) => n === 0),
  // Days before the visit the order was placed.
  orderBack: fc.integer({ min: 0, max: 6 }),
  calibration: rarely(fc.constantFrom<Calibration['kind']>('receipt', 'count', 'correction'), 10),
});

interface History {
  observations: Observation[];
  calibrations: Calibration[];
}

/** Readings (with their orders and stock events) in time order, from the steps. */
function historyOf(steps: readonly StepValue[], cumulative: boolean): History {
  const observations: Observation[] = [];
  const calibrations: Calibration[] = [];
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
      ...(s.windows.length > 0 ? { unitsSold: s.windows } : {}),
    });
    observations.push(reading);
    if (s.order)
      observations.push(
        orderAt(isoDate(day - s.orderBack), s.order, s.pending ? 'pending' : 'shipped', { observedDate: date, observedAt: reading.observedAt }),
      );
    if (s.calibration) calibrations.push({ listingKey: 'k', date, kind: s.calibration, units: 4 });
  });
  return { observations, calibrations };
}
type StepValue = {
  gap: number;
  available: number;
  inbound: number | undefined;
  soldCount: number | undefined;
  suppressed: boolean;
  windows: { windowDays: number; units: number }[];
  order: number | undefined;
  pending: boolean;
  orderBack: number;
  calibration: Calibration['kind'] | undefined;
};

function sameSeries(a: DemandSeries, b: DemandSeries): void {
  expect(a.startDay).toBe(b.startDay);
  expect([...a.units]).toEqual([...b.units]);
  expect([...a.how]).toEqual([...b.how]);
}

/** The series from all observations so far, as a re-plan rebuilds it, and its continuation. */
function rebuild(observations: readonly Observation[], calibrations: readonly Calibration[], end: string, historyDays: number | undefined) {
  const series = reconstructDemand(observations, { end, historyDays, calibrations });
  return { series, continuation: continuationOf(observations, inputsLastDay(observations, calibrations, []), series) };
}

describe('extendDemand', () => {
  it('gives what reconstructDemand gives from all readings, whenever it extends, visit after visit', () => {
    let extended = 0;
    let windowedExtended = 0;
    let batches = 0;
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 2, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom(undefined, 30, 365),
        fc.integer({ min: 0, max: 3 }),
        (steps, batchSizes, cumulative, historyDays, extraDays) => {
          const { observations, calibrations } = historyOf(steps, cumulative);
          // In time order, as the demand cache finds them: the readings newer than the baseline are the new ones.
          const listings = observations
            .filter((o): o is ListingObservation => o.kind === 'listing')
            .sort((a, b) => (a.observedAt < b.observedAt ? -1 : a.observedAt > b.observedAt ? 1 : 0));
          let seen = 1;
          let time = listings[0]!.observedAt;
          let state = rebuild(
            observations.filter((o) => o.observedAt <= time),
            calibrations.filter((c) => c.date <= listings[0]!.observedDate),
            listings[0]!.observedDate,
            historyDays,
          );
          for (const size of batchSizes) {
            if (seen >= listings.length) break;
            const next = listings.slice(seen, seen + size);
            seen += next.length;
            const last = seen === listings.length;
            const end = isoDate(dayNumber(next.at(-1)!.observedDate) + (last ? extraDays : 0));
            const sofar = observations.filter((o) => o.observedAt <= next.at(-1)!.observedAt);
            const events = calibrations.filter((c) => c.date <= end);
            const full = reconstructDemand(sofar, { end, historyDays, calibrations: events });
            // New orders are inputs too (the demand cache's fingerprint refuses them): only readings may be added.
            const ordersAdded = sofar.some((o) => o.kind === 'order' && o.observedAt > time);
            const result =
              state.continuation && !ordersAdded ? extendDemand(state.series, state.continuation, next, { end, historyDays, calibrations: events }) : null;
            batches++;
            if (result) {
              extended++;
              if (next.some((o) => (o.unitsSold?.length ?? 0) > 0)) windowedExtended++;
              sameSeries(result.series, full);
              state = { series: result.series, continuation: result.continuation };
            } else state = rebuild(sofar, events, end, historyDays);
            time = next.at(-1)!.observedAt;
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
    // The property is not vacuous: a good share of the visits extend, some with windowed counts.
    expect(extended / batches).toBeGreaterThan(0.15);
    expect(windowedExtended).toBeGreaterThan(10);
  });

  it('extends a stock-only history, and a chain of extensions equals one rebuild', () => {
    const readings = [5, 4, 4, 9, 0, 0, 6, 3].map((available, i) => listingAt(isoDate(FIRST + i * 2), { available, inbound: i < 3 ? 5 : 0 }));
    const end = isoDate(FIRST + 20);
    let { series, continuation } = rebuild(readings.slice(0, 2), [], readings[1]!.observedDate, undefined);
    for (const next of readings.slice(2)) {
      expect(continuation).not.toBeNull();
      const result = extendDemand(series, continuation!, [next], { end: next.observedDate, calibrations: [] });
      expect(result).not.toBeNull();
      ({ series, continuation } = result!);
    }
    const last = extendDemand(series, continuation!, [listingAt(end, { available: 2 })], { end, calibrations: [] });
    sameSeries(last!.series, reconstructDemand([...readings, listingAt(end, { available: 2 })], { end }));
  });

  it('extends weekly FBA Inventory visits: the 7-day count covers the new days, the longer ones find them settled', () => {
    const visit = (week: number, available: number, sold7: number, sold30: number) =>
      listingAt(isoDate(FIRST + week * 7), {
        available,
        unitsSold: [
          { windowDays: 7, units: sold7 },
          { windowDays: 30, units: sold30 },
        ],
      });
    const sold7 = [7, 7, 13, 4, 6, 4, 9, 5, 7, 8];
    const visits = sold7.map((units, week) => visit(week, 80 - week * 6, units, 28 + (week % 3)));
    // The first weeks' 30-day counts reach days no 7-day count covered (only other 30-day counts did): those visits are rebuilt.
    const early = rebuild(visits.slice(0, 2), [], visits[1]!.observedDate, undefined);
    expect(extendDemand(early.series, early.continuation!, [visits[2]!], { end: visits[2]!.observedDate, calibrations: [] })).toBeNull();
    let { series, continuation } = rebuild(visits.slice(0, 6), [], visits[5]!.observedDate, undefined);
    for (const [i, next] of visits.slice(6).entries()) {
      const result = extendDemand(series, continuation!, [next], { end: next.observedDate, calibrations: [] });
      expect(result).not.toBeNull();
      ({ series, continuation } = result!);
      sameSeries(series, reconstructDemand(visits.slice(0, i + 7), { end: next.observedDate }));
    }
  });

  it('refuses what it cannot extend exactly', () => {
    const old = [listingAt('2026-03-01', { available: 9 }), listingAt('2026-03-03', { available: 7 })];
    const { series, continuation } = rebuild(old, [], '2026-03-03', undefined);
    const extend = (added: ListingObservation[], calibrations: Calibration[] = []) =>
      extendDemand(series, continuation!, added, { end: '2026-03-06', calibrations });
    expect(extend([listingAt('2026-03-05', { available: 4 })])).not.toBeNull();
    // A windowed count over days the stock deltas (a coarser layer) settled: the whole fit would change them.
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
    const fromBaseline = extend(added)!.series;
    const day = dayNumber('2026-03-05');
    // The count moved the delta: extending from the baseline would be wrong.
    expect(rebuilt.units[day - rebuilt.startDay]).not.toBe(fromBaseline.units[day - fromBaseline.startDay]);
    expect(extend(added, counted)).toBeNull();
    // Daily visits: the new 7-day count shares six days with the one before.
    const daily = [0, 1].map((d) => listingAt(isoDate(FIRST + d), { available: 30 - d, unitsSold: [{ windowDays: 7, units: 7 }] }));
    const dailyState = rebuild(daily, [], daily[1]!.observedDate, undefined);
    const third = listingAt(isoDate(FIRST + 2), { available: 28, unitsSold: [{ windowDays: 7, units: 8 }] });
    expect(extendDemand(dailyState.series, dailyState.continuation!, [third], { end: third.observedDate, calibrations: [] })).toBeNull();
  });

  it('refuses a new count over a day an order floor raised: the whole fit reads that day before the floor', () => {
    // Weekly 7-day counts settle every day at 1; a pending order (only a floor) raises day 20 to 5.
    const weekly: Observation[] = [0, 7, 14, 21, 28].map((d, i) =>
      listingAt(isoDate(FIRST + d), { available: 100 - 7 * i, unitsSold: [{ windowDays: 7, units: 7 }] }),
    );
    const baseline = weekly.at(-1)!;
    const old = [...weekly, orderAt(isoDate(FIRST + 20), 5, 'pending', { observedDate: baseline.observedDate, observedAt: baseline.observedAt })];
    const { series, continuation } = rebuild(old, [], baseline.observedDate, undefined);
    expect(series.units[FIRST + 20 - series.startDay]).toBe(5);
    // A 30-day count alone reaches back over day 20 and fills the new week with what the 7-day days leave.
    const next = listingAt(isoDate(FIRST + 35), { available: 60, unitsSold: [{ windowDays: 30, units: 40 }] });
    const full = reconstructDemand([...old, next], { end: next.observedDate });
    // The whole fit takes 1 for day 20 (the floor comes after it): 40 - 23 = 17 over 7 days.
    expect(full.units[FIRST + 35 - full.startDay]).toBeCloseTo(17 / 7, 9);
    expect(extendDemand(series, continuation!, [next], { end: next.observedDate, calibrations: [] })).toBeNull();
  });

  it('keeps no continuation past a reading without the cumulative count older ones showed', () => {
    const old = [listingAt('2026-03-01', { available: 9, cumulativeSold: 3 })];
    const { series, continuation } = rebuild(old, [], '2026-03-01', undefined);
    const extend = (next: ListingObservation) => extendDemand(series, continuation!, [next], { end: '2026-03-02', calibrations: [] });
    expect(extend(listingAt('2026-03-02', { available: 8, cumulativeSold: 4 }))?.continuation).not.toBeNull();
    expect(extend(listingAt('2026-03-02', { available: 8 }))?.continuation).toBeNull();
    expect(rebuild([...old, listingAt('2026-03-02', { available: 8 })], [], '2026-03-02', undefined).continuation).toBeNull();
  });
});

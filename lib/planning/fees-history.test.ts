import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailySeries, supplyOver } from '../fees/index';
import { dayNumber, isoDate } from './days';
import { seriesOf, TODAY } from './decisions/test-situation';
import {
  dailyInventory as dailyInventoryOfPairs,
  dailyInventorySeries as seriesOfPairs,
  onHandPairs,
  readingsByDay,
  wholeUnitsShipped,
  withShownSupply,
  type OnHandReading,
} from './fees-history';

/** The history functions over readings written as objects (they take day/units pairs). */
const dailyInventory = (readings: readonly OnHandReading[], ...rest: Tail<Parameters<typeof dailyInventoryOfPairs>>) =>
  dailyInventoryOfPairs(onHandPairs(readings), ...rest);
const dailyInventorySeries = (readings: readonly OnHandReading[], ...rest: Tail<Parameters<typeof seriesOfPairs>>) =>
  seriesOfPairs(onHandPairs(readings), ...rest);
type Tail<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;

const N = Number.NaN;

describe('daily FBA inventory from on-hand readings and reconstructed demand', () => {
  it('rounds spread demand to whole units, keeping each run total', () => {
    expect([...wholeUnitsShipped(seriesOf([0.5, 0.5, 0.5, 0.5, N, 1.4, 1.4]))]).toEqual([1, 0, 1, 0, N, 1, 2]);
  });

  it('walks each reading forward by the units shipped, to today', () => {
    const h = dailyInventory([{ day: TODAY - 2, onHand: 100 }], seriesOf([5, 5, 5]), TODAY, 4);
    expect(h.map((d) => [d.onHand, d.shipped])).toEqual([
      [null, null], // before the first reading: unknown (its shipped day is outside the series)
      [100, 5],
      [95, 5],
      [90, 5],
    ]);
    expect(h[3]!.date).toBe('2026-03-01');
  });

  it('leaves the days between two readings unknown when they disagree (a receipt on an unknown day)', () => {
    const readings = [
      { day: TODAY - 4, onHand: 50 },
      { day: TODAY, onHand: 250 },
    ];
    const h = dailyInventory(readings, seriesOf([5, 5, 5, 5, 5]), TODAY, 5);
    expect(h.map((d) => d.onHand)).toEqual([50, null, null, null, 250]);
    // agreeing readings (50 - 4 x 5 = 30) fill the days between
    const ok = dailyInventory([readings[0]!, { day: TODAY, onHand: 31 }], seriesOf([5, 5, 5, 5, 5]), TODAY, 5);
    expect(ok.map((d) => d.onHand)).toEqual([50, 45, 40, 35, 31]);
  });

  it('an empty shelf ships nothing on censored days (0 / 0 leaves the supply figure unchanged)', () => {
    const h = dailyInventory([{ day: TODAY - 3, onHand: 4 }], seriesOf([2, 2, 2, N]), TODAY, 4);
    expect(h.map((d) => [d.onHand, d.shipped])).toEqual([
      [4, 2],
      [2, 2],
      [0, 2],
      [0, 0],
    ]);
  });

  it("reproduces fees.md's figure: 100 on hand shipping 5 a day is 20 days of supply", () => {
    // A reading every 7 days of a stock topped back up to 100 each morning (the seller's counts agree with the walk).
    const days = 90;
    const readings = Array.from({ length: days }, (_, i) => ({ day: TODAY - days + 1 + i, onHand: 100 }));
    const h = dailyInventory(readings, seriesOf(Array(days).fill(5)), TODAY, days);
    const s = dailySeries(h);
    expect(supplyOver(s, dayNumber(h[days - 1]!.date), 30)).toEqual({ kind: 'days', days: 20 });
    expect(supplyOver(s, dayNumber(h[days - 1]!.date), 90)).toEqual({ kind: 'days', days: 20 });
  });
});

describe("Amazon's figure where no reading covers a day", () => {
  const days = (n: number, onHand: number | null) =>
    Array.from({ length: n }, (_, i) => ({ date: isoDate(dayNumber('2026-11-01') + i), onHand: i === n - 1 ? 50 : onHand, shipped: 10 }));
  const onHandOf = (s: { onHand: Float64Array }) => [...s.onHand].map((v) => (v === v ? v : null));

  it('fills unknown on-hand so the window gives the figure Amazon showed, and leaves read days alone', () => {
    const history = dailySeries(days(30, null));
    const filled = withShownSupply(history, { day: dayNumber('2026-11-30'), days: 20 });
    expect(
      onHandOf(filled)
        .slice(0, 29)
        .every((v) => v === 200),
    ).toBe(true);
    expect(filled.onHand[29]).toBe(50);
    expect(onHandOf(withShownSupply(history, null))).toEqual(onHandOf(history));
    // the history given is left as it was
    expect(history.onHand[0]).toBeNaN();
  });

  it('does not reach past the 90-day window, nor fill a day whose sales are unknown', () => {
    const list = [...days(100, null)];
    list[95] = { ...list[95]!, shipped: null as unknown as number };
    const filled = withShownSupply(dailySeries(list), { day: dayNumber('2026-11-01') + 99, days: 30 });
    expect(filled.onHand[5]).toBeNaN();
    expect(filled.onHand[10]).toBe(300);
    expect(filled.onHand[95]).toBeNaN();
  });
});

describe('the history as the fee block reads it (typed, from only the readings that matter)', () => {
  it('rounds a later stretch of days exactly as the whole series (its run summed from its start)', () => {
    const series = seriesOf([0.4, 0.4, 0.4, 0.4, N, 0.6, 0.6, 0.6]);
    const whole = [...wholeUnitsShipped(series)];
    for (let from = 0; from <= 8; from++) expect([...wholeUnitsShipped(series, from, 7)]).toEqual(whole.slice(from, 7));
  });

  it('one reading per day, the last given, in day order; today is the last day read', () => {
    const r = readingsByDay(
      onHandPairs([
        { day: 3, onHand: 5 },
        { day: 1, onHand: 2.4 },
        { day: 3, onHand: 4 },
        { day: 12, onHand: 9 },
      ]),
      9,
    );
    expect([...r.days]).toEqual([1, 3]);
    expect([...r.onHand]).toEqual([2, 4]);
    // Counts as pairs are whole units (rounded) and never below 0.
    expect([...onHandPairs([{ day: 1, onHand: 89.6 }])]).toEqual([1, 90]);
    expect([...readingsByDay(Int32Array.of(1, -3, 2, 7), 9).onHand]).toEqual([0, 7]);
  });

  it('property: the last reading of each day up to today, in day order, whatever order they come in', () => {
    const reading = fc.record({ day: fc.integer({ min: 0, max: 20 }), onHand: fc.integer({ min: 0, max: 300 }) });
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 30 }), fc.integer({ min: 0, max: 20 }), (readings, asOfDay) => {
        const last = new Map(readings.map((r) => [r.day, r.onHand]));
        const days = [...last.keys()].filter((d) => d <= asOfDay).sort((a, b) => a - b);
        const r = readingsByDay(onHandPairs(readings), asOfDay);
        expect([...r.days]).toEqual(days);
        expect([...r.onHand]).toEqual(days.map((d) => last.get(d)));
      }),
      { numRuns: 200 },
    );
  });

  it('property: readings before the one the window starts from change nothing (a long record costs no more)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 9, noNaN: true }), fc.constant(N)), { minLength: 1, maxLength: 60 }),
        fc.array(fc.record({ back: fc.integer({ min: 0, max: 70 }), onHand: fc.integer({ min: 0, max: 200 }) }), { maxLength: 25 }),
        fc.integer({ min: 1, max: 40 }),
        (units, read, days) => {
          const series = seriesOf(units);
          const readings = read.map((r) => ({ day: TODAY - r.back, onHand: r.onHand }));
          const typed = dailyInventorySeries(readings, series, TODAY, days);
          expect(typed.firstDay).toBe(TODAY - days + 1);
          const firstDay = TODAY - days + 1;
          const sorted = [...readings].sort((a, b) => a.day - b.day);
          const lastBefore = sorted.filter((r) => r.day <= firstDay).at(-1);
          const kept = lastBefore ? readings.filter((r) => r.day >= lastBefore.day) : readings;
          const fromKept = dailyInventorySeries(kept, series, TODAY, days);
          expect([...fromKept.onHand]).toEqual([...typed.onHand]);
          expect([...fromKept.shipped]).toEqual([...typed.shipped]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

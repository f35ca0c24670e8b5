import { describe, expect, it } from 'vitest';
import { dailySeries, supplyOver } from '../fees/index';
import { dayNumber, isoDate } from './days';
import { seriesOf, TODAY } from './decisions/test-situation';
import { dailyInventory, wholeUnitsShipped, withShownSupply } from './fees-history';

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

  it('fills unknown on-hand so the window gives the figure Amazon showed, and leaves read days alone', () => {
    const history = days(30, null);
    const filled = withShownSupply(history, { day: dayNumber('2026-11-30'), days: 20 });
    expect(filled.slice(0, 29).every((d) => d.onHand === 200)).toBe(true);
    expect(filled[29]!.onHand).toBe(50);
    expect(withShownSupply(history, null)).toEqual(history);
  });

  it('does not reach past the 90-day window, nor fill a day whose sales are unknown', () => {
    const history = [...days(100, null)];
    history[95] = { ...history[95]!, shipped: null as unknown as number };
    const filled = withShownSupply(history, { day: dayNumber('2026-11-01') + 99, days: 30 });
    expect(filled[5]!.onHand).toBeNull();
    expect(filled[10]!.onHand).toBe(300);
    expect(filled[95]!.onHand).toBeNull();
  });
});

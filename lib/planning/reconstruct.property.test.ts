/**
 * Stockouts between visits: an FBA product simulated day by day (Poisson demand, lost sales
 * when out, replenishment that arrives days later) and read only at visits every 7 or 14 days,
 * as the FBA Inventory page shows it (available, inbound, units sold in the last 7/30/90 days).
 * Reconstruction must recover the demand rate although most stockouts start and end between two
 * visits: the days it leaves known average the true demand, not the depressed sales.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import type { ListingObservation } from '../records';
import { dayNumber, isoDate } from './days';
import { listingAt } from './fixtures';
import { HOW_STOCKOUT_INFERRED } from './demand-series';
import { reconstructDemand } from './reconstruct';

const FIRST = dayNumber('2026-01-01');
const DAYS = 210;

/** Knuth's Poisson draw (rates here are small). */
function poisson(rate: number, random: () => number): number {
  const limit = Math.exp(-rate);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

interface History {
  readings: ListingObservation[];
  demand: number[];
  sales: number[];
  /** Days that ended out of stock with demand unserved. */
  outDays: number;
}

/**
 * A product reordered when stock + on order falls below `reorderDays` of demand, `orderDays` of
 * demand arriving `leadDays` later: short reorder points put stockouts anywhere between visits.
 */
function simulate(rate: number, leadDays: number, reorderDays: number, visitEvery: 7 | 14, seed: number, startDays = 20): History {
  const random = seededRandom(seed);
  const orderDays = 30;
  let stock = Math.round(rate * startDays);
  const arrivals = new Map<number, number>();
  let onOrder = 0;
  const demand: number[] = [];
  const sales: number[] = [];
  const readings: ListingObservation[] = [];
  let outDays = 0;
  for (let d = 0; d < DAYS; d++) {
    const arriving = arrivals.get(d) ?? 0;
    stock += arriving;
    onOrder -= arriving;
    const wanted = poisson(rate, random);
    const sold = Math.min(stock, wanted);
    if (sold < wanted) outDays++;
    stock -= sold;
    demand.push(wanted);
    sales.push(sold);
    if (stock + onOrder < reorderDays * rate) {
      const units = Math.round(orderDays * rate);
      arrivals.set(d + leadDays, (arrivals.get(d + leadDays) ?? 0) + units);
      onOrder += units;
    }
    if (d >= 90 && (d - 90) % visitEvery === 0) {
      const windows = (visitEvery === 7 ? [7, 30, 90] : [7, 30]).map((w) => ({
        windowDays: w,
        units: sales.slice(d - w + 1, d + 1).reduce((a, b) => a + b, 0),
      }));
      readings.push(
        listingAt(isoDate(FIRST + d), { source: 'amazon/fba-inventory', fulfillment: 'FBA', available: stock, inbound: onOrder, unitsSold: windows }),
      );
    }
  }
  return { readings, demand, sales, outDays };
}

/** Mean of the known days of the rebuilt series over days [from, DAYS). */
function knownMeanFrom(history: History, from: number): { mean: number; known: number } {
  const series = reconstructDemand(history.readings, { end: isoDate(FIRST + DAYS - 1) });
  let sum = 0;
  let known = 0;
  for (let d = from; d < DAYS; d++) {
    const v = series.units[FIRST + d - series.startDay]!;
    if (v === v) {
      sum += v;
      known++;
    }
  }
  return { mean: sum / known, known };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('reconstruction with stockouts between visits', () => {
  for (const visitEvery of [7, 14] as const) {
    it(`recovers the demand rate of every history within 20% (visits every ${visitEvery} days)`, () => {
      const from = 120;
      fc.assert(
        fc.property(
          fc.integer({ min: 4, max: 40 }),
          fc.integer({ min: 12, max: 24 }),
          fc.integer({ min: 4, max: 12 }),
          fc.integer({ min: 1, max: 2 ** 30 }),
          (rate, leadDays, reorderDays, seed) => {
            const history = simulate(rate, leadDays, reorderDays, visitEvery, seed);
            const trueRate = mean(history.demand.slice(from));
            const { mean: rebuilt, known } = knownMeanFrom(history, from);
            expect(known).toBeGreaterThan(0);
            expect(Math.abs(rebuilt - trueRate) / trueRate).toBeLessThan(0.2);
          },
        ),
        // Seeded, as every random test here (lib/random.ts). An unseeded CI run on 2026-12-03 drew a
        // slow seller [rate 4, lead 12, reorder 6, seed 373815774] rebuilt 22.7% off: a restock
        // inside a 14-day gap that no inbound showed; it is now its own case below.
        { numRuns: 200, seed: 20_261_203 },
      );
    });
  }

  it('is within 5% on average over 100 histories, where the sales alone are 10% or more short', () => {
    for (const visitEvery of [7, 14] as const) {
      const errors: number[] = [];
      const salesShort: number[] = [];
      for (let seed = 1; seed <= 100; seed++) {
        const history = simulate(4 + (seed % 37), 12 + (seed % 13), 4 + (seed % 9), visitEvery, seed);
        const trueRate = mean(history.demand.slice(120));
        errors.push(Math.abs(knownMeanFrom(history, 120).mean - trueRate) / trueRate);
        salesShort.push(1 - mean(history.sales.slice(120)) / trueRate);
      }
      expect(mean(errors)).toBeLessThan(0.05);
      expect(mean(salesShort)).toBeGreaterThan(0.1);
    }
  });

  it('censors nothing while the stock never runs out', () => {
    for (const visitEvery of [7, 14] as const) {
      for (let seed = 1; seed <= 20; seed++) {
        // Reordered 60 days of demand ahead with a 20-day lead time: never out.
        const history = simulate(3 + seed, 20, 60, visitEvery, seed, 90);
        expect(history.outDays).toBe(0);
        // Up to the last visit (nothing is known after it).
        const series = reconstructDemand(history.readings, { end: history.readings.at(-1)!.observedDate });
        expect(series.units.filter((v) => v !== v).length).toBe(0);
      }
    }
  });

  it('a product that sold out and was restocked between two visits is not read as a slump', () => {
    // 20 a day; 8 days out of stock between two weekly visits, restocked before the second.
    const history = simulate(20, 20, 6, 7, 7);
    expect(history.outDays).toBeGreaterThan(10);
    const salesRate = mean(history.sales.slice(120));
    const trueRate = mean(history.demand.slice(120));
    expect(salesRate / trueRate).toBeLessThan(0.85);
    expect(knownMeanFrom(history, 120).mean / trueRate).toBeGreaterThan(0.9);
    // No reading showed those days empty: they are marked inferred, apart from observed stockouts.
    const series = reconstructDemand(history.readings, { end: history.readings.at(-1)!.observedDate });
    const marks = new Set(Array.from(series.how));
    expect(marks.has(HOW_STOCKOUT_INFERRED)).toBe(true);
    for (let i = 0; i < series.how.length; i++) if (series.how[i] === HOW_STOCKOUT_INFERRED) expect(series.units[i]).toBeNaN();
  });

  it('a restock nobody saw coming (no inbound at either visit) still dates the empty shelf from the last short window', () => {
    // The case an unseeded run drew: 4 a day, visits every 14 days, 7- and 30-day windows only.
    // Between days 188 and 202 the shelf ran out (27 left) and an order placed and received
    // inside the gap refilled it; the visit's 7-day window sold 7, under two days' worth.
    const history = simulate(4, 12, 6, 14, 373_815_774);
    const trueRate = mean(history.demand.slice(120));
    expect(mean(history.sales.slice(120)) / trueRate).toBeLessThan(0.85);
    expect(Math.abs(knownMeanFrom(history, 120).mean - trueRate) / trueRate).toBeLessThan(0.2);
    const series = reconstructDemand(history.readings, { end: isoDate(FIRST + DAYS - 1) });
    // Out from day 196 to 201 in truth; the three days both clues agree on are censored.
    for (const day of [198, 199, 200]) expect(series.how[FIRST + day - series.startDay]).toBe(HOW_STOCKOUT_INFERRED);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailySeries, type DailyInventory } from '../fees/index';
import { dayNumber, isoDate } from './days';
import {
  agedAtSnapshots,
  extendSeries,
  firstFloorBreach,
  lotsFromAgeBuckets,
  oldestPossibleAge,
  projectInventory,
  projectInventorySeries,
  supplyFiguresOn,
  windowFees,
  windowFeesOver,
} from './fees-projection';

const TODAY = dayNumber('2026-03-01');
const SMALL = { tier: 'small-standard' as const, shippingWeightOz: 8 };

/** `days` days of history ending today at a steady `onHand` and `shipped` a day. */
function steady(days: number, onHand: number, shipped: number): DailyInventory[] {
  return Array.from({ length: days }, (_, i) => ({ date: isoDate(TODAY - days + 1 + i), onHand, shipped }));
}

describe('projected FBA inventory', () => {
  it('ships the expected demand while stock lasts; arrivals count from the start of their day', () => {
    const p = projectInventory({ asOfDay: TODAY, onHand: 10, demand: [4, 4, 4, 4], arrivals: [{ day: TODAY + 4, units: 20 }], days: 5 });
    expect(p.map((d) => [d.onHand, d.shipped])).toEqual([
      [6, 4],
      [2, 4],
      [0, 2], // 2 units of demand lost
      [16, 4], // 20 arrive, 4 ship
      [12, 4], // beyond the forecast the last day's rate continues
    ]);
  });
});

describe('projection indexed by day', () => {
  it('starts the day after today, every day known, as the dated projection', () => {
    const p = projectInventorySeries({ asOfDay: TODAY, onHand: 10, demand: [4, 4, 4, 4], arrivals: [{ day: TODAY + 4, units: 20 }], days: 5 });
    expect(p.firstDay).toBe(TODAY + 1);
    expect([...p.onHand]).toEqual([6, 2, 0, 16, 12]);
    expect([...p.shipped]).toEqual([4, 4, 2, 4, 4]);
  });

  it('prices windows and snapshots as its dated days do', () => {
    const inputs = { asOfDay: TODAY, onHand: 300, demand: Array(60).fill(6), arrivals: [{ day: TODAY + 30, units: 200 }], days: 97 };
    const history = dailySeries(steady(200, 250, 6));
    const lots = [{ received: isoDate(TODAY - 200), units: 120 }];
    for (const projection of [projectInventory(inputs), projectInventorySeries(inputs)]) {
      expect(windowFees({ marketplace: 'amazon.com', asOfDay: TODAY, history, projection, size: SMALL, unitCubicFeet: 0.3, days: 90 })).toEqual({
        days: 90,
        lowInventoryUnits: 0,
        lowInventoryMinor: 0,
        storageMinor: expect.any(Number),
      });
    }
    const [a, b] = [projectInventory(inputs), projectInventorySeries(inputs)].map((projection) => ({
      window: windowFees({ marketplace: 'amazon.com', asOfDay: TODAY, history, projection, size: SMALL, unitCubicFeet: 0.3, days: 90 }),
      aged: agedAtSnapshots({ marketplace: 'amazon.com', asOfDay: TODAY, lots, history, projection, arrivals: inputs.arrivals, unitCubicFeet: 0.3, count: 3 }),
    }));
    expect(b).toEqual(a);
  });
});

describe('history extended by a projection', () => {
  it('writing over an earlier series gives the same days as a new one (nothing of the earlier projection is left)', () => {
    const base = dailySeries(steady(30, 40, 5));
    const long = projectInventory({ asOfDay: TODAY, onHand: 40, demand: Array(10).fill(5), arrivals: [{ day: TODAY + 3, units: 50 }], days: 10 });
    const short = projectInventory({ asOfDay: TODAY, onHand: 40, demand: Array(10).fill(3), arrivals: [], days: 10 });
    const first = extendSeries(base, long, TODAY);
    const reused = extendSeries(base, short, TODAY, first);
    expect(reused).toBe(first);
    const fresh = extendSeries(base, short, TODAY);
    expect([...reused.onHand]).toEqual([...fresh.onHand]);
    expect([...reused.shipped]).toEqual([...fresh.shipped]);
    // a series of another extent is never written over
    const other = extendSeries(base, long.slice(0, 5), TODAY);
    expect(extendSeries(base, short, TODAY, other)).not.toBe(other);
  });
});

describe('low-inventory fee at stake (fees.md: charged per unit shipped while both windows are under 28 days)', () => {
  it('a lean stock pays $0.89 on every unit of the first refresh week: 50 on hand, 10 a day = 5 days of supply', () => {
    const history = steady(120, 50, 10);
    const projection = projectInventory({ asOfDay: TODAY, onHand: 50, demand: Array(30).fill(10), arrivals: [{ day: TODAY + 1, units: 9000 }], days: 30 });
    const w = windowFees({ marketplace: 'amazon.com', asOfDay: TODAY, history, projection, size: SMALL, unitCubicFeet: null, days: 30 });
    // the first week is charged from the figures before the restock; from the next refresh the short window is far above 28
    expect(w).toEqual({ days: 30, lowInventoryUnits: 70, lowInventoryMinor: 70 * 89, storageMinor: null });
  });

  it('prices the same projection on each history it is given (the indexed series is kept per projection and history)', () => {
    const projection = projectInventory({ asOfDay: TODAY, onHand: 50, demand: Array(30).fill(10), arrivals: [{ day: TODAY + 1, units: 9000 }], days: 30 });
    const window = (history: DailyInventory[], days: number) =>
      windowFees({ marketplace: 'amazon.com', asOfDay: TODAY, history, projection, size: SMALL, unitCubicFeet: null, days });
    const lean = steady(120, 50, 10);
    const ample = steady(120, 5000, 10);
    expect([window(lean, 30), window(lean, 90), window(ample, 30), window(lean, 30)].map((w) => w.lowInventoryUnits)).toEqual([70, 70, 0, 70]);
  });

  it('a history already indexed (dailySeries) prices every window as its dated days do', () => {
    const projection = projectInventory({ asOfDay: TODAY, onHand: 60, demand: Array(30).fill(9), arrivals: [{ day: TODAY + 20, units: 400 }], days: 97 });
    const dated = steady(200, 40, 9).map((d, i) => (i % 11 === 0 ? { ...d, onHand: null } : d));
    for (const days of [30, 90, 120]) {
      const window = (history: DailyInventory[] | ReturnType<typeof dailySeries>) =>
        windowFees({ marketplace: 'amazon.com', asOfDay: TODAY, history, projection, size: SMALL, unitCubicFeet: 0.4, days });
      expect(window(dailySeries(dated))).toEqual(window(dated));
    }
  });

  it('the units are known without a size tier; the amount is then unknown, never 0', () => {
    const history = steady(120, 50, 10);
    const projection = projectInventory({ asOfDay: TODAY, onHand: 50, demand: Array(30).fill(10), arrivals: [], days: 30 });
    const w = windowFees({ marketplace: 'amazon.com', asOfDay: TODAY, history, projection, size: null, unitCubicFeet: 0.5, days: 30 });
    expect(w.lowInventoryUnits).toBe(50);
    expect(w.lowInventoryMinor).toBeNull();
    expect(w.storageMinor).toBe(Math.round(([40, 30, 20, 10, 0].reduce((a, b) => a + b, 0) * 0.5 * 78) / 31)); // March, standard $0.78
  });

  it('exemption: fewer than 20 units shipped in 7 days is never charged', () => {
    const history = steady(120, 10, 2);
    const projection = projectInventory({ asOfDay: TODAY, onHand: 10, demand: Array(30).fill(2), arrivals: [], days: 30 });
    expect(windowFees({ marketplace: 'amazon.com', asOfDay: TODAY, history, projection, size: SMALL, unitCubicFeet: null, days: 30 }).lowInventoryMinor).toBe(
      0,
    );
  });

  it('finds the first weekly refresh under the floor, only while the item ships 20+ units a week', () => {
    const history = [...steady(120, 400, 10), ...projectInventory({ asOfDay: TODAY, onHand: 400, demand: Array(90).fill(10), arrivals: [], days: 90 })];
    const breach = firstFloorBreach(history, TODAY, TODAY + 90, 35, 20);
    expect(breach).not.toBeNull();
    const { short, long } = supplyFiguresOn(history, breach! - 1);
    expect(Math.max(short.kind === 'days' ? short.days : 99, long.kind === 'days' ? long.days : 99)).toBeLessThan(35);
    expect(firstFloorBreach(history, TODAY, TODAY + 90, 35, 1000)).toBeNull();
  });

  it('property: several windows from one pass are each window priced on its own', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ onHand: fc.option(fc.integer({ min: 0, max: 900 }), { freq: 8 }), shipped: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 8 }) }),
          {
            minLength: 0,
            maxLength: 200,
          },
        ),
        fc.integer({ min: 0, max: 1500 }),
        fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: 1, maxLength: 97 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 97 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom(null, 0.4),
        (past, onHand, demand, lengths, sized, unitCubicFeet) => {
          const history = past.map((d, i) => ({ date: isoDate(TODAY - past.length + 1 + i), ...d }));
          const projection = projectInventorySeries({ asOfDay: TODAY, onHand, demand, arrivals: [{ day: TODAY + 12, units: 300 }], days: 97 });
          const inputs = { marketplace: 'amazon.com', asOfDay: TODAY, history, projection, size: sized ? SMALL : null, unitCubicFeet };
          const ascending = [...lengths].sort((a, b) => a - b);
          expect(windowFeesOver(inputs, ascending)).toEqual(ascending.map((days) => windowFees({ ...inputs, days })));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: raising the stock never raises the low-inventory fee (the same units shipped)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 3, max: 30 }),
        fc.integer({ min: 0, max: 2000 }),
        (extra, more, rate, past) => {
          // stock enough for the 90 days' demand either way, so both plans ship the same units
          const stock = rate * 90 + extra;
          const history = steady(120, past, rate);
          const fee = (onHand: number) =>
            windowFees({
              marketplace: 'amazon.com',
              asOfDay: TODAY,
              history,
              projection: projectInventory({ asOfDay: TODAY, onHand, demand: Array(90).fill(rate), arrivals: [], days: 90 }),
              size: SMALL,
              unitCubicFeet: null,
              days: 90,
            }).lowInventoryMinor!;
          expect(fee(stock + more)).toBeLessThanOrEqual(fee(stock));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('aged-inventory surcharge at the coming snapshots (first in, first out)', () => {
  it("spreads each age bucket over its range; the buckets beyond today's stock were sold oldest first", () => {
    const lots = lotsFromAgeBuckets(
      [
        { minDays: 0, maxDays: 90, units: 4 },
        { minDays: 366, maxDays: null, units: 3 },
      ],
      TODAY,
      5,
    )!;
    expect(lots).toEqual([
      { received: isoDate(TODAY - 366), units: 1 },
      { received: isoDate(TODAY - 79), units: 1 },
      { received: isoDate(TODAY - 56), units: 1 },
      { received: isoDate(TODAY - 34), units: 1 },
      { received: isoDate(TODAY - 11), units: 1 },
    ]);
    expect(lotsFromAgeBuckets([], TODAY, 5)).toBeNull();
  });

  it('charges what is left of the old lots at each 15th, by tier (fees.md: 181-210 days $0.50 per cubic foot)', () => {
    const lots = [{ received: isoDate(dayNumber('2026-03-15') - 190), units: 100 }];
    const projection = projectInventory({ asOfDay: TODAY, onHand: 100, demand: Array(90).fill(2), arrivals: [], days: 90 });
    const at = agedAtSnapshots({ marketplace: 'amazon.com', asOfDay: TODAY, lots, history: [], projection, arrivals: [], unitCubicFeet: 1, count: 2 });
    // 28 units sold by Mar 15 (14 days x 2): 72 left at 190 days; by Apr 15, 10 left at 221 days ($1.00)
    expect(at).toEqual([
      { date: '2026-03-15', units: 72, amountMinor: 72 * 50 },
      { date: '2026-04-15', units: 10, amountMinor: 10 * 100 },
    ]);
    const noVolume = agedAtSnapshots({ marketplace: 'amazon.com', asOfDay: TODAY, lots, history: [], projection, arrivals: [], unitCubicFeet: null, count: 1 });
    expect(noVolume).toEqual([{ date: '2026-03-15', units: 72, amountMinor: null }]);
  });

  it('without age buckets, the history proves no unit is old enough, or the ages stay unknown', () => {
    const history = steady(200, 100, 10);
    expect(oldestPossibleAge(history, TODAY)).toBe(10);
    const projection = projectInventory({ asOfDay: TODAY, onHand: 100, demand: Array(90).fill(10), arrivals: [], days: 90 });
    const proved = agedAtSnapshots({ marketplace: 'amazon.com', asOfDay: TODAY, lots: null, history, projection, arrivals: [], unitCubicFeet: 1, count: 1 });
    expect(proved).toEqual([{ date: '2026-03-15', units: 0, amountMinor: 0 }]);
    const unknown = agedAtSnapshots({
      marketplace: 'amazon.com',
      asOfDay: TODAY,
      lots: null,
      history: [],
      projection,
      arrivals: [],
      unitCubicFeet: 1,
      count: 1,
    });
    expect(unknown).toEqual([{ date: '2026-03-15', units: null, amountMinor: null }]);
  });

  it('property: selling faster never raises the surcharge at any snapshot', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (young, old, rate, faster) => {
          const lots =
            lotsFromAgeBuckets(
              [
                { minDays: 0, maxDays: 90, units: young },
                { minDays: 150, maxDays: 300, units: old },
              ],
              TODAY,
              young + old,
            ) ?? [];
          const surcharge = (r: number) =>
            agedAtSnapshots({
              marketplace: 'amazon.com',
              asOfDay: TODAY,
              lots,
              history: [],
              projection: projectInventory({ asOfDay: TODAY, onHand: young + old, demand: Array(90).fill(r), arrivals: [], days: 90 }),
              arrivals: [],
              unitCubicFeet: 0.3,
              count: 3,
            }).map((a) => a.amountMinor!);
          const slow = surcharge(rate);
          surcharge(rate + faster).forEach((fast, i) => expect(fast).toBeLessThanOrEqual(slow[i]!));
        },
      ),
      { numRuns: 60 },
    );
  });
});

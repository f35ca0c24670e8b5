import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber, isoDate } from './days';
import { listingAt, orderAt } from './fixtures';
import { demandDays, HOW_CENSORED, HOW_STOCKOUT_INFERRED, type DemandSeries } from './demand-series';
import { listingOrderCoverage, orderCoverage } from './order-coverage';
import { historyWindowStart, inputsLastDay, reconstructDemand, seriesOnLaterDay } from './reconstruct';
import { marketplaceSaysOut } from './reconstruct-censor';
import type { Calibration } from './reconstruct-grid';
import type { ListingObservation } from '../records';

const START = dayNumber('2024-01-01');
const sumRange = (a: ArrayLike<number>, from: number, to: number) => {
  let s = 0;
  for (let i = from; i <= to; i++) s += a[i]!;
  return s;
};
/** Sum of the reconstruction over absolute days [from, to]. */
const sumDays = (s: DemandSeries, from: number, to: number) => sumRange(s.units, from - s.startDay, to - s.startDay);

describe('orders (exact)', () => {
  it('count pending and shipped, ignore cancelled, and mark days between as exact zeros', () => {
    const orders = [
      orderAt('2024-02-27', 2, 'shipped', { observedDate: '2024-03-01' }),
      orderAt('2024-02-29', 1, 'pending', { observedDate: '2024-03-01' }),
      orderAt('2024-02-29', 4, 'cancelled', { observedDate: '2024-03-01' }),
      orderAt('2024-03-01', 3, 'unshipped', { observedDate: '2024-03-01' }),
    ];
    const days = demandDays(reconstructDemand(orders, { end: '2024-03-01' }));
    expect(days).toEqual([
      { date: '2024-02-27', units: 2, how: 'exact' },
      { date: '2024-02-28', units: 0, how: 'exact' },
      { date: '2024-02-29', units: 1, how: 'exact' },
      { date: '2024-03-01', units: 3, how: 'exact' },
    ]);
  });
  it('use the latest status of an order seen twice', () => {
    const first = orderAt('2024-05-01', 5, 'pending', { orderId: 'X', observedDate: '2024-05-01' });
    const later = { ...first, status: 'cancelled' as const, observedAt: '2024-05-02T10:00:00Z', observedDate: '2024-05-02' };
    const series = reconstructDemand([later, first], { end: '2024-05-02' });
    expect(series.units[0]).toBe(0);
  });
  it('win over windowed counts on the days they cover', () => {
    const obs = [orderAt('2024-01-05', 10, 'shipped', { observedDate: '2024-01-07' }), listingAt('2024-01-07', { unitsSold: [{ windowDays: 7, units: 24 }] })];
    const s = reconstructDemand(obs, { end: '2024-01-07' });
    // Orders cover 01-05..01-07 exactly (10 units); the other 14 units spread over 01-01..01-04.
    expect(Array.from(s.units)).toEqual([3.5, 3.5, 3.5, 3.5, 10, 0, 0]);
    expect(Array.from(s.how)).toEqual([1, 1, 1, 1, 2, 2, 2]);
  });
});

describe('order views', () => {
  it('a pending-only view is a floor, not a complete day (quiet days stay unknown)', () => {
    const obs = [orderAt('2024-03-01', 2, 'pending', { observedDate: '2024-03-03' }), orderAt('2024-03-03', 1, 'unshipped', { observedDate: '2024-03-03' })];
    const days = demandDays(reconstructDemand(obs, { end: '2024-03-03' }));
    expect(days).toEqual([
      { date: '2024-03-01', units: 2, how: 'inferred' },
      { date: '2024-03-02', units: null, how: 'censored' },
      { date: '2024-03-03', units: 1, how: 'inferred' },
    ]);
  });
  it('spans of a view known to be unfiltered can speak for SKUs that had no order in it', () => {
    const other = orderAt('2024-03-01', 5, 'shipped', { sku: 'OTHER', observedDate: '2024-03-03' });
    const spans = orderCoverage([other]);
    expect(spans).toEqual([{ platform: 'amazon', marketplace: 'amazon.com', from: '2024-03-01', to: '2024-03-03' }]);
    const s = reconstructDemand([listingAt('2024-02-28', { available: 9 })], { end: '2024-03-03', orderCoverage: spans });
    expect(demandDays(s).slice(-3)).toEqual(['2024-03-01', '2024-03-02', '2024-03-03'].map((date) => ({ date, units: 0, how: 'exact' })));
  });
  it('an imported order history covers a listing first seen after it: its days are exact zeros from the span on', () => {
    // First run: the seller imported All Orders for January and opened the inventory page on Feb 3.
    const spans = listingOrderCoverage([], [{ platform: 'amazon', marketplace: 'amazon.com', from: '2024-01-01', to: '2024-01-31' }], {
      platform: 'amazon',
      marketplace: 'amazon.com',
    });
    const s = reconstructDemand([listingAt('2024-02-03', { available: 9 })], { end: '2024-02-03', orderCoverage: spans });
    const days = demandDays(s);
    expect(days[0]).toEqual({ date: '2024-01-01', units: 0, how: 'exact' });
    expect(days.filter((d) => d.how === 'exact')).toHaveLength(31);
    expect(days.slice(31).every((d) => d.how === 'censored')).toBe(true);
  });
  it('listingOrderCoverage: the marketplace imports from the listing start, besides its own views', () => {
    const imports = [
      { platform: 'amazon', marketplace: 'amazon.com', from: '2024-01-01', to: '2024-01-31' },
      { platform: 'amazon', marketplace: 'amazon.de', from: '2023-01-01', to: '2024-01-31' },
      { platform: 'amazon', marketplace: 'amazon.com', from: '2023-01-01', to: '2023-06-30' },
    ];
    const own = orderAt('2024-02-10', 1, 'shipped', { observedDate: '2024-02-12' });
    expect(listingOrderCoverage([own], imports, { platform: 'amazon', marketplace: 'amazon.com', startDate: '2024-01-20' })).toEqual([
      { platform: 'amazon', marketplace: 'amazon.com', from: '2024-02-10', to: '2024-02-12' },
      { platform: 'amazon', marketplace: 'amazon.com', from: '2024-01-20', to: '2024-01-31' },
    ]);
  });
  it("the marketplace's own out-of-stock alert censors a reading without a stock count", () => {
    const obs = [
      orderAt('2024-03-01', 3, 'shipped', { observedDate: '2024-03-04' }),
      listingAt('2024-03-02', { alert: 'Out of stock' }),
      listingAt('2024-03-03', { alert: 'Low inventory' }),
    ];
    const days = demandDays(reconstructDemand(obs, { end: '2024-03-04' }));
    expect(days.map((d) => d.how)).toEqual(['exact', 'censored', 'exact', 'exact']);
    expect(marketplaceSaysOut({ status: 'out_of_stock' })).toBe(true);
    expect(marketplaceSaysOut({ alert: '缺货' })).toBe(true);
    expect(marketplaceSaysOut({ alert: 'Reorder now' })).toBe(false);
  });
  it('days a listing was suppressed (nothing a customer could buy) are unknown, not zero demand', () => {
    // Complete orders views covered every day; no order while the marketplace suppressed the listing.
    const obs = [
      orderAt('2024-03-01', 3, 'shipped', { observedDate: '2024-03-06' }),
      orderAt('2024-03-06', 2, 'shipped', { observedDate: '2024-03-06' }),
      listingAt('2024-03-02', { available: 40, status: 'suppressed' }),
      listingAt('2024-03-04', { available: 40, status: 'suppressed' }),
      listingAt('2024-03-05', { available: 40, status: 'active' }),
    ];
    const days = demandDays(reconstructDemand(obs, { end: '2024-03-06' }));
    expect(days.map((d) => [d.date, d.how])).toEqual([
      ['2024-03-01', 'exact'],
      ['2024-03-02', 'censored'],
      ['2024-03-03', 'censored'],
      ['2024-03-04', 'censored'],
      ['2024-03-05', 'exact'],
      ['2024-03-06', 'exact'],
    ]);
  });
  it('a pending floor is raised by coarser information, never lowered', () => {
    const s = reconstructDemand(
      [orderAt('2024-01-07', 1, 'pending', { observedDate: '2024-01-07' }), listingAt('2024-01-07', { unitsSold: [{ windowDays: 7, units: 28 }] })],
      { end: '2024-01-07' },
    );
    expect(Array.from(s.units)).toEqual([4, 4, 4, 4, 4, 4, 4]);
  });
});

describe('windowed counts', () => {
  it('spread one window evenly', () => {
    const s = reconstructDemand([listingAt('2024-01-30', { unitsSold: [{ windowDays: 30, units: 60 }] })], { end: '2024-01-30' });
    expect(s.units.length).toBe(30);
    expect(s.units.every((v) => v === 2)).toBe(true);
  });
  it('differences of overlapping windows give the new days', () => {
    const s = reconstructDemand(
      [listingAt('2024-01-07', { unitsSold: [{ windowDays: 7, units: 7 }] }), listingAt('2024-01-09', { unitsSold: [{ windowDays: 7, units: 11 }] })],
      { end: '2024-01-09' },
    );
    expect(sumRange(s.units, 2, 8)).toBeCloseTo(11, 9);
    expect(sumRange(s.units, 0, 6)).toBeCloseTo(7, 9);
  });
  it('leave nothing on out-of-stock days: the window total goes to the in-stock days', () => {
    const s = reconstructDemand(
      [listingAt('2024-01-05', { available: 0 }), listingAt('2024-01-07', { available: 0, unitsSold: [{ windowDays: 7, units: 8 }] })],
      { end: '2024-01-07' },
    );
    expect(Array.from(s.how.slice(4))).toEqual([HOW_CENSORED, HOW_CENSORED, HOW_CENSORED]);
    expect(Number.isNaN(s.units[5]!)).toBe(true);
    expect(Array.from(s.units.slice(0, 4))).toEqual([2, 2, 2, 2]);
  });
});

describe('cumulative counts and stock deltas', () => {
  it('spread the cumulative change over the days between visits', () => {
    const s = reconstructDemand([listingAt('2024-02-27', { cumulativeSold: 100 }), listingAt('2024-03-02', { cumulativeSold: 112 })], { end: '2024-03-02' });
    // 2024 is a leap year: 02-28, 02-29, 03-01, 03-02 = 4 days.
    expect(demandDays(s).slice(1)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02'].map((date) => ({ date, units: 3, how: 'inferred' })));
    expect(Number.isNaN(s.units[0]!)).toBe(true);
  });
  it('restart after a relist instead of inventing negative sales', () => {
    const s = reconstructDemand(
      [listingAt('2024-01-01', { cumulativeSold: 50 }), listingAt('2024-01-03', { cumulativeSold: 2 }), listingAt('2024-01-05', { cumulativeSold: 6 })],
      { end: '2024-01-05' },
    );
    expect(Array.from(s.units.slice(3))).toEqual([2, 2]);
    expect(Number.isNaN(s.units[1]!)).toBe(true);
  });
  it('net out receipts and removals from stock changes', () => {
    const s = reconstructDemand([listingAt('2024-01-01', { available: 50 }), listingAt('2024-01-05', { available: 80 })], {
      end: '2024-01-05',
      calibrations: [
        { listingKey: 'x', date: '2024-01-03', kind: 'receipt', units: 50 },
        { listingKey: 'x', date: '2024-01-04', kind: 'removal', units: 4 },
      ],
    });
    // 50 - 80 + 50 - 4 = 16 sold over 4 days.
    expect(Array.from(s.units.slice(1))).toEqual([4, 4, 4, 4]);
  });
  it("treat the seller's count as a new baseline, not as sales", () => {
    const s = reconstructDemand(
      [listingAt('2024-01-01', { available: 50 }), listingAt('2024-01-03', { available: 40 }), listingAt('2024-01-05', { available: 30 })],
      { end: '2024-01-05', calibrations: [{ listingKey: 'x', date: '2024-01-03', kind: 'count', units: 36 }] },
    );
    // 50 -> 40 over 2 days = 5/day; the count 36 (4 lost) starts a new baseline: 36 -> 30 over 2 days = 3/day.
    expect(Array.from(s.units.slice(1))).toEqual([5, 5, 3, 3]);
  });
  it('skip an interval whose stock rose without a known receipt', () => {
    const s = reconstructDemand([listingAt('2024-01-01', { available: 5 }), listingAt('2024-01-03', { available: 40 })], {
      end: '2024-01-03',
    });
    expect(Array.from(s.how)).toEqual([HOW_CENSORED, HOW_CENSORED, HOW_CENSORED]);
  });
  it('use the inbound drop as the receipt when no calibration says otherwise', () => {
    const s = reconstructDemand([listingAt('2024-01-01', { available: 10, inbound: 30 }), listingAt('2024-01-03', { available: 36, inbound: 0 })], {
      end: '2024-01-03',
    });
    expect(Array.from(s.units.slice(1))).toEqual([2, 2]);
  });
  it('prefer windowed counts over stock deltas where both speak', () => {
    const s = reconstructDemand(
      [listingAt('2024-01-01', { available: 100 }), listingAt('2024-01-03', { available: 90, unitsSold: [{ windowDays: 2, units: 4 }] })],
      { end: '2024-01-03' },
    );
    expect(Array.from(s.units.slice(1))).toEqual([2, 2]);
  });
});

/** What a seller would see every `k` days of a true daily series. */
function sellerViews(truth: number[], k: number, window: number, withStock: boolean): ListingObservation[] {
  const out: ListingObservation[] = [];
  let cumulative = 1000;
  let stock = 1_000_000;
  let last = 0;
  for (let d = window - 1; d < truth.length; d += k) {
    for (let i = last; i <= d; i++) {
      cumulative += truth[i]!;
      stock -= truth[i]!;
    }
    last = d + 1;
    out.push(
      listingAt(isoDate(START + d), {
        unitsSold: [{ windowDays: window, units: sumRange(truth, d - window + 1, d) }],
        cumulativeSold: cumulative,
        ...(withStock ? { available: stock } : {}),
      }),
    );
  }
  return out;
}

describe('reconstruction recovers what the seller saw (property)', () => {
  const truthArb = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 40, maxLength: 120 });

  it('every observed window total is met exactly, however the windows overlap', () => {
    fc.assert(
      fc.property(truthArb, fc.integer({ min: 1, max: 10 }), fc.constantFrom(7, 14, 30), (truth, k, window) => {
        fc.pre(truth.length >= window);
        const views = sellerViews(truth, Math.min(k, window), window, false).map(({ cumulativeSold: _c, ...v }) => v);
        const s = reconstructDemand(views, { end: isoDate(START + truth.length - 1) });
        for (const v of views) {
          const d = dayNumber(v.observedDate);
          expect(sumDays(s, d - window + 1, d)).toBeCloseTo(v.unitsSold![0]!.units, 6);
        }
      }),
      { numRuns: 100 },
    );
  });
  it('few long windows that agree over a long history are met exactly (the repair settles within its rounds)', () => {
    // Lumpy sales over 500-700 days, and 90-day windows every 20-60 days: a few counts over hundreds of free days.
    const lumpy = fc.array(fc.constantFrom<number>(0, 0, 0, 1, 2, 9, 30), { minLength: 500, maxLength: 700 });
    fc.assert(
      fc.property(lumpy, fc.integer({ min: 20, max: 60 }), (truth, every) => {
        const views = [];
        for (let d = 89; d < truth.length; d += every) {
          const sold = (w: number) => truth.slice(d - w + 1, d + 1).reduce((a, b) => a + b, 0);
          views.push(listingAt(isoDate(START + d), { unitsSold: [{ windowDays: 90, units: sold(90) }] }));
        }
        const s = reconstructDemand(views, { end: isoDate(START + truth.length - 1) });
        for (const v of views) {
          const d = dayNumber(v.observedDate);
          for (const w of v.unitsSold!) expect(sumDays(s, d - w.windowDays + 1, d)).toBeCloseTo(w.units, 6);
        }
      }),
      { numRuns: 40 },
    );
  });
  it('tiling windows recover the whole total, and cumulative or stock readings the total between first and last visit', () => {
    fc.assert(
      fc.property(truthArb, fc.integer({ min: 1, max: 10 }), (truth, k) => {
        const views = sellerViews(truth, k, k, true);
        const firstSeen = dayNumber(views[0]!.observedDate);
        const lastSeen = dayNumber(views.at(-1)!.observedDate);
        const end = isoDate(START + truth.length - 1);
        const full = reconstructDemand(views, { end });
        expect(sumDays(full, START, lastSeen)).toBeCloseTo(sumRange(truth, 0, lastSeen - START), 6);
        const cumulativeOnly = reconstructDemand(
          views.map(({ unitsSold: _u, available: _a, ...v }) => v),
          { end },
        );
        const stockOnly = reconstructDemand(
          views.map(({ unitsSold: _u, cumulativeSold: _c, ...v }) => v),
          { end },
        );
        const truthBetween = sumRange(truth, firstSeen - START + 1, lastSeen - START);
        expect(sumDays(cumulativeOnly, firstSeen + 1, lastSeen)).toBeCloseTo(truthBetween, 6);
        expect(sumDays(stockOnly, firstSeen + 1, lastSeen)).toBeCloseTo(truthBetween, 6);
      }),
      { numRuns: 60 },
    );
  });
  it('never produces negative or infinite demand', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 60 }),
            available: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
            w: fc.integer({ min: 1, max: 30 }),
            sold: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
            cumulative: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
          }),
          { maxLength: 25 },
        ),
        (readings) => {
          const obs = readings.map((r, i) =>
            listingAt(isoDate(START + r.day), {
              observedAt: `${isoDate(START + r.day)}T${String(i % 24).padStart(2, '0')}:00:00Z`,
              ...(r.available !== undefined ? { available: r.available } : {}),
              ...(r.sold !== undefined ? { unitsSold: [{ windowDays: r.w, units: r.sold }] } : {}),
              ...(r.cumulative !== undefined ? { cumulativeSold: r.cumulative } : {}),
            }),
          );
          const s = reconstructDemand(obs, { end: isoDate(START + 60) });
          for (let i = 0; i < s.units.length; i++) {
            const v = s.units[i]!;
            if (s.how[i] === HOW_CENSORED || s.how[i] === HOW_STOCKOUT_INFERRED) expect(Number.isNaN(v)).toBe(true);
            else expect(v >= 0 && Number.isFinite(v)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('a series on a later day (the demand cache carries a series across days)', () => {
  const reading = fc.record({
    day: fc.integer({ min: 0, max: 60 }),
    available: fc.option(fc.integer({ min: 0, max: 80 }), { freq: 4 }),
    inbound: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 2 }),
    sold7: fc.option(fc.integer({ min: 0, max: 50 }), { freq: 2 }),
    sold30: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 2 }),
    status: fc.constantFrom(undefined, 'out_of_stock' as const, 'suppressed' as const),
  });
  const order = fc.record({ day: fc.integer({ min: 0, max: 60 }), seenAfter: fc.integer({ min: 0, max: 5 }), quantity: fc.integer({ min: 1, max: 6 }) });
  const calibration = fc.record({
    day: fc.integer({ min: 0, max: 60 }),
    kind: fc.constantFrom('receipt', 'removal', 'count') as fc.Arbitrary<Calibration['kind']>,
    units: fc.integer({ min: 0, max: 50 }),
  });

  it('property: whenever the series is carried to a later day, it is what reconstruction gives on that day', () => {
    let carried = 0;
    fc.assert(
      fc.property(
        fc.array(reading, { minLength: 1, maxLength: 12 }),
        fc.array(order, { maxLength: 6 }),
        fc.array(calibration, { maxLength: 3 }),
        // Negative: some inputs are dated after the series' last day (a clock ahead, a late import).
        fc.integer({ min: -10, max: 6 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom(undefined, 15, 45, 400),
        (readings, orders, events, afterLast, later, historyDays) => {
          const observations = [
            ...readings.map((r) =>
              listingAt(isoDate(START + r.day), {
                ...(r.available !== null ? { available: r.available } : {}),
                ...(r.inbound !== null ? { inbound: r.inbound } : {}),
                ...(r.status ? { status: r.status } : {}),
                unitsSold: [
                  ...(r.sold7 !== null ? [{ windowDays: 7, units: r.sold7 }] : []),
                  ...(r.sold30 !== null ? [{ windowDays: 30, units: r.sold30 }] : []),
                ],
              }),
            ),
            ...orders.map((o) => orderAt(isoDate(START + o.day), o.quantity, 'shipped', { observedDate: isoDate(START + o.day + o.seenAfter) })),
          ];
          const calibrations = events.map((e) => ({ listingKey: 'k', date: isoDate(START + e.day), kind: e.kind, units: e.units }));
          const last = inputsLastDay(observations, calibrations, []);
          const end = last + afterLast;
          const before = reconstructDemand(observations, { end: isoDate(end), historyDays, calibrations });
          const onLater = seriesOnLaterDay(before, end + later, historyDays, last);
          if (onLater === null) return;
          if (later > 0) carried++;
          expect(onLater).toEqual(reconstructDemand(observations, { end: isoDate(end + later), historyDays, calibrations }));
        },
      ),
      { numRuns: 600 },
    );
    // Most cases are carried (the property is not met by refusing them).
    expect(carried).toBeGreaterThan(80);
  });

  it('refuses what would move: an earlier day, a window edge that moves, inputs dated after the series', () => {
    const series = reconstructDemand([listingAt(isoDate(START), { available: 5, unitsSold: [{ windowDays: 7, units: 7 }] })], {
      end: isoDate(START + 9),
      historyDays: 30,
    });
    const lastDay = START + 9;
    expect(series.startDay).toBe(START - 6);
    expect(seriesOnLaterDay(series, lastDay, 30, START)).toBe(series);
    expect(seriesOnLaterDay(series, lastDay - 1, 30, START)).toBeNull();
    expect(seriesOnLaterDay(series, lastDay + 10, 30, START)?.units.length).toBe(26);
    // The first day whose 30-day window starts after START - 6: the start would move.
    const moves = firstDayWhere((day) => historyWindowStart(day, 30) > START - 6, lastDay);
    expect(seriesOnLaterDay(series, moves - 1, 30, START)).not.toBeNull();
    expect(seriesOnLaterDay(series, moves, 30, START)).toBeNull();
    // A series cut by the window starts on the window's start, which moves in 28-day steps: carried until the step.
    const clipped = reconstructDemand([listingAt(isoDate(START), { available: 5, unitsSold: [{ windowDays: 30, units: 30 }] })], {
      end: isoDate(START + 3),
      historyDays: 10,
    });
    expect(clipped.startDay).toBe(historyWindowStart(START + 3, 10));
    expect(clipped.startDay).toBeGreaterThan(START - 29);
    const steps = firstDayWhere((day) => historyWindowStart(day, 10) > clipped.startDay, START + 3);
    expect(seriesOnLaterDay(clipped, steps - 1, 10, START)).toEqual(
      reconstructDemand([listingAt(isoDate(START), { available: 5, unitsSold: [{ windowDays: 30, units: 30 }] })], {
        end: isoDate(steps - 1),
        historyDays: 10,
      }),
    );
    expect(seriesOnLaterDay(clipped, steps, 10, START)).toBeNull();
    // An input dated after the series' last day would enter the window on a later day.
    expect(seriesOnLaterDay(series, lastDay + 2, 30, lastDay + 1)).toBeNull();
  });
});

/** The first day after `from` for which `holds` is true (within a year). */
function firstDayWhere(holds: (day: number) => boolean, from: number): number {
  for (let day = from + 1; day < from + 366; day++) if (holds(day)) return day;
  throw new Error('no such day');
}

describe('historyWindowStart', () => {
  it('keeps historyDays to historyDays + 27 days, the start moving only every 28 days', () => {
    for (let end = 20000; end < 20100; end++) {
      const start = historyWindowStart(end, 730);
      expect(end - start + 1).toBeGreaterThanOrEqual(730);
      expect(end - start + 1).toBeLessThan(730 + 28);
      expect(start % 28).toBe(0);
      expect([0, 28]).toContain(historyWindowStart(end + 1, 730) - start);
    }
  });
});

describe('the last day the inputs speak of (inputsLastDay)', () => {
  it('property: the greatest day of every date that is a real calendar date, malformed ones skipped', () => {
    const date = fc.oneof(
      fc.integer({ min: 0, max: 900 }).map((d) => isoDate(START + d)),
      fc.constantFrom('2026-02-30', '2099-13-01', '9999-99-99', 'not a date', '2026-1-5', ''),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ seen: date, ordered: fc.option(date) }), { maxLength: 8 }), fc.array(date, { maxLength: 3 }), (inputs, corrections) => {
        const observations = inputs.map((i) =>
          i.ordered === null ? listingAt(i.seen, { available: 1 }) : orderAt(i.ordered, 1, 'shipped', { observedDate: i.seen }),
        );
        const calibrations = corrections.map((d) => ({ listingKey: 'k', date: d, kind: 'count' as const, units: 1 }));
        const days = [...inputs.flatMap((i) => [i.seen, i.ordered ?? '']), ...corrections].map(dayNumber).filter((d) => !Number.isNaN(d));
        expect(inputsLastDay(observations, calibrations, [])).toBe(days.length ? Math.max(...days) : Number.NEGATIVE_INFINITY);
      }),
      { numRuns: 500 },
    );
  });
});

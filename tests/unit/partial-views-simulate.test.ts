import { describe, expect, it } from 'vitest';
import { observationSchema } from '../../lib/records';
import { capped, firstUnservedDay, hadStockout, plannerFirstUnservedDay, ruleDay } from '../../scripts/bench/partial-views/score';
import { pageReading, simulateFba, visitDays, visitRecords, windowSum } from '../../scripts/bench/partial-views/simulate';

describe('simulateFba', () => {
  it('loses the demand it cannot serve (no back orders)', () => {
    // Mean 1/day: 45 units at the start.
    const sim = simulateFba([50, 3, 0, 2], { meanDemand: 1 });
    expect(sim.startStock).toBe(45);
    expect(Array.from(sim.sales)).toEqual([45, 0, 0, 0]);
    expect(Array.from(sim.lost)).toEqual([5, 3, 0, 2]);
    expect(Array.from(sim.stockEnd)).toEqual([0, 0, 0, 0]);
  });

  it('receives an order 21 days after it is placed, at the start of the day', () => {
    const demand = new Array(30).fill(0);
    demand[0] = 45; // sells out on day 0: stock + on order 0 < 25, so 45 are ordered that evening
    demand[20] = 1;
    demand[21] = 1;
    const sim = simulateFba(demand, { meanDemand: 1 });
    expect(sim.orders).toEqual([{ day: 0, units: 45, arrivalDay: 21 }]);
    expect(sim.onOrderEnd[0]).toBe(45);
    expect(sim.onOrderEnd[20]).toBe(45);
    expect(sim.lost[20]).toBe(1); // not here yet on day 20
    expect(sim.received[21]).toBe(45);
    expect(sim.sales[21]).toBe(1); // sells on its arrival day
    expect(sim.lost[21]).toBe(0);
    expect(sim.onOrderEnd[21]).toBe(0);
    expect(sim.stockEnd[21]).toBe(44);
  });

  it('orders 45 days of mean demand when stock + on order falls below 25 days of it, and not before', () => {
    const sim = simulateFba(new Array(120).fill(2), { meanDemand: 2 });
    // 90 at the start, 2 a day: 48 left after day 20, the first time below 50, so the first order is on day 20.
    expect(sim.orders[0]).toEqual({ day: 20, units: 90, arrivalDay: 41 });
    expect(sim.orders.filter((o) => o.day < 41)).toHaveLength(1); // on order counts towards the position
    expect(sim.lost.every((x) => x === 0)).toBe(true); // demand at the mean never runs out
  });

  it('reads negative or missing demand as zero', () => {
    const sim = simulateFba([null, -3, 1], { meanDemand: 1 });
    expect(Array.from(sim.demand)).toEqual([0, 0, 1]);
  });
});

describe('page readings', () => {
  const demand = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 4 : 1));
  const sim = simulateFba(demand, { meanDemand: 1 }); // runs out: sales < demand on some days

  it('shows units SOLD (not demanded) in the windows up to and including the visit day', () => {
    expect(sim.lost.some((x) => x > 0)).toBe(true);
    const reading = pageReading(sim, 60, [7, 30, 90]);
    let last7 = 0;
    for (let d = 54; d <= 60; d++) last7 += sim.sales[d]!;
    expect(reading.unitsSold).toEqual([
      { windowDays: 7, units: last7 },
      { windowDays: 30, units: windowSum(sim.sales, 60, 30) },
      { windowDays: 90, units: windowSum(sim.sales, 60, 61) }, // only 61 days exist
    ]);
    expect(reading.available).toBe(sim.stockEnd[60]);
    expect(reading.inbound).toBe(sim.onOrderEnd[60]);
  });

  it('visits on a schedule that includes the anchor day', () => {
    expect(visitDays(0, 30, 7, 28)).toEqual([0, 7, 14, 21, 28]);
    expect(visitDays(3, 40, 14, 40)).toEqual([12, 26, 40]);
  });

  it('builds valid FBA inventory records, and one shipped order per day with sales when the orders page is read', () => {
    const records = visitRecords(sim, 60, { sku: 'SKU-1', startDay: 19_000, windows: [7, 30], orderDays: 7 });
    for (const r of records) expect(() => observationSchema.parse(r)).not.toThrow();
    const [listing, ...orders] = records;
    expect(listing).toMatchObject({
      kind: 'listing',
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: 'amazon/fba-inventory',
      fulfillment: 'FBA',
      observedDate: '2022-03-09', // day 19,060
      observedAt: '2022-03-09T20:00:00Z',
      available: sim.stockEnd[60],
    });
    const daysWithSales = [54, 55, 56, 57, 58, 59, 60].filter((d) => sim.sales[d]! > 0);
    expect(orders.map((o) => (o.kind === 'order' ? [o.orderDate, o.quantity, o.status, o.source] : null))).toEqual(
      daysWithSales.map((d) => [new Date((19_000 + d) * 86_400_000).toISOString().slice(0, 10), sim.sales[d], 'shipped', 'amazon/orders']),
    );
    expect(visitRecords(sim, 60, { sku: 'SKU-1', startDay: 19_000, windows: [7] })).toHaveLength(1);
  });
});

describe('scoring', () => {
  const sim = simulateFba([0, 0, 46, 1, 1, 0, 0, 0], { meanDemand: 1 }); // 45 in stock: 1 lost on day 2, then nothing left

  it('dates the first unserved day after the origin, or "after the horizon"', () => {
    expect(firstUnservedDay(sim, 0)).toBe(2);
    expect(firstUnservedDay(sim, 2)).toBe(1);
    expect(firstUnservedDay(sim, 4)).toBe(29); // no demand left in the series
    expect(hadStockout(sim, 1)).toBe(false);
    expect(hadStockout(sim, 5)).toBe(true);
  });

  it('rules divide stock by the windowed rate; a zero rate is never', () => {
    expect(ruleDay(30, 60, 30)).toBe(15);
    expect(ruleDay(31, 60, 30)).toBe(16);
    expect(ruleDay(0, 60, 30)).toBe(0);
    expect(ruleDay(10, 0, 30)).toBeNull();
    expect(capped(null)).toBe(29);
    expect(capped(400)).toBe(29);
  });

  it("reads the planner's first unserved day with and without units inbound", () => {
    const none = { inboundArrivalDate: null, stockoutDateWithInbound: null };
    expect(plannerFirstUnservedDay({ asOf: '2026-03-01', stockoutDate: '2026-03-11', ...none })).toBe(10);
    expect(plannerFirstUnservedDay({ asOf: '2026-03-01', stockoutDate: null, ...none })).toBeNull();
    const withInbound = (stockoutDate: string, inboundArrivalDate: string | null, stockoutDateWithInbound: string | null) => ({
      asOf: '2026-03-01',
      stockoutDate,
      inboundArrivalDate,
      stockoutDateWithInbound,
    });
    // Runs out before the units arrive: the stock on hand's date.
    expect(plannerFirstUnservedDay(withInbound('2026-03-05', '2026-03-08', '2026-04-20'))).toBe(4);
    // Lasts until they arrive (same day counts): the date counting them; null = never.
    expect(plannerFirstUnservedDay(withInbound('2026-03-08', '2026-03-08', '2026-04-20'))).toBe(50);
    expect(plannerFirstUnservedDay(withInbound('2026-03-20', '2026-03-08', null))).toBeNull();
    // Nothing inbound.
    expect(plannerFirstUnservedDay(withInbound('2026-03-05', null, null))).toBe(4);
  });
});

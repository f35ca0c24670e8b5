import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings, type Settings } from '../settings/schema';
import { sellOutDemand } from './cover';
import { dayNumber } from './days';
import { flatForecast } from './fixtures';
import { leadTimeFor, planListing, planningHorizon, type PlanInput } from './plan-listing';
import { HOW_CENSORED, HOW_EXACT, type DemandSeries } from './demand-series';
import { input as listingInput } from './decisions/test-situation';
import { skuPlanSchema } from './types';

const NOW = new Date('2026-03-01T12:00:00Z');
const TODAY = dayNumber('2026-03-01');

function constantSeries(rate: number, days: number): DemandSeries {
  return { startDay: TODAY - days + 1, units: new Float64Array(days).fill(rate), how: new Uint8Array(days).fill(HOW_EXACT) };
}

/** The decisions' test listing (tests/situation helper), on this series. */
function input(series: DemandSeries, fields: Partial<PlanInput> = {}): PlanInput {
  return listingInput({ series, ...fields });
}

describe('planListing', () => {
  it('constant demand -> constant forecast -> days of cover = the median day the first customer finds none (real forecaster)', () => {
    for (const [rate, stock] of [
      [5, 300],
      [12, 1000],
      [2, 7],
    ] as const) {
      const plan = planListing(input(constantSeries(rate, 365), { available: stock }), defaultSettings(), NOW);
      expect(plan.forecast.meanDaily).toBeCloseTo(rate, 6);
      // Two thirds of a unit's demand beyond stock / rate: the median of Gamma(stock + 1, 1).
      expect(plan.daysOfCover).toBeCloseTo(sellOutDemand(stock + 1) / rate, 1);
      expect(plan.daysOfCover!).toBeGreaterThan(stock / rate);
      expect(skuPlanSchema.safeParse(plan).success).toBe(true);
    }
  });
  it('a stock reading from 10 days ago loses the 10 days of demand since', () => {
    const s = defaultSettings();
    const series = constantSeries(5, 200);
    series.units.fill(Number.NaN, 195); // the last 5 days unknown: counted at the forecast rate
    const options = { forecast: flatForecast(4, 200) };
    const fresh = planListing(input(series, { available: 300 }), s, NOW, options);
    const stale = planListing(input(series, { available: 300, stockDay: TODAY - 10 }), s, NOW, options);
    expect(fresh.available).toBe(300);
    expect(stale.available).toBe(300 - 5 * 5 - 5 * 4);
    expect(stale.daysOfCover).toBeCloseTo(sellOutDemand(300 - 45 + 1) / 4, 1);
  });
  it('dates: stockout and reorder fall on the right days across the leap day', () => {
    const s = defaultSettings();
    const plan = planListing(input(constantSeries(10, 200), { asOfDay: dayNumber('2024-02-20'), available: 100, startDay: 0 }), s, NOW, {
      forecast: flatForecast(10, 200, 0),
    });
    // 100 units at 10 a day: the 101st customer comes on day 11 (10.07 days), and February has 29 days.
    expect(plan.stockoutDate).toBe('2024-03-02');
    expect(plan.asOf).toBe('2024-02-20');
    // 10 days of stock against a 70-day lead time: an order placed today arrives 60 days after the stockout.
    expect(plan.reorderDaysLate).toBe(60);
    expect(plan.reorderDate).toBe('2023-12-22');
    expect(plan.alerts.map((a) => a.code)).toContain('reorder-now');
  });
  it('reorder quantity obeys MOQ and case pack from the supplier', () => {
    const s: Settings = defaultSettings();
    s.leadTimes.suppliers.acme = { productionDays: 10, transitDays: { FBA: 20 }, moq: 500, casePack: 48 };
    s.leadTimes.skuSupplier['SKU-1'] = 'acme';
    expect(leadTimeFor('SKU-1', 'FBA', s)).toEqual({ days: 30, transitDays: 20, moq: 500, casePack: 48 });
    expect(leadTimeFor('SKU-1', 'SELLER', s).days).toBe(40);
    const plan = planListing(input(constantSeries(3, 200), { available: 50 }), s, NOW, { forecast: flatForecast(3, planningHorizon(30, s)) });
    expect(plan.reorderQuantity % 48).toBe(0);
    expect(plan.reorderQuantity).toBeGreaterThanOrEqual(500);
  });
  it('no reorder in decline (policy), and none when a year away', () => {
    const s = defaultSettings();
    const decline = new Float64Array(200).fill(10);
    decline.fill(2, 172);
    const plan = planListing(input({ startDay: TODAY - 199, units: decline, how: new Uint8Array(200).fill(HOW_EXACT) }, { available: 10 }), s, NOW);
    expect(plan.lifecycleStage).toBe('decline');
    expect(plan.reorderDate).toBeNull();
    expect(plan.reorderQuantity).toBe(0);
    const far = planListing(input(constantSeries(1, 200), { available: 5000 }), s, NOW, { forecast: flatForecast(1, 200) });
    expect(far.reorderDate).toBeNull();
  });
  it('censored days never lower the forecast nor lengthen the cover (real forecaster)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 60, maxLength: 200 }),
        fc.array(fc.nat(199), { minLength: 1, maxLength: 40 }),
        (values, censoredAt) => {
          const n = values.length;
          const asZero = Float64Array.from(values);
          const asCensored = Float64Array.from(values);
          const how = new Uint8Array(n).fill(HOW_EXACT);
          for (const i of censoredAt) {
            if (i >= n) continue;
            asZero[i] = 0;
            asCensored[i] = Number.NaN;
            how[i] = HOW_CENSORED;
          }
          const s = defaultSettings();
          const zero = planListing(input({ startDay: TODAY - n + 1, units: asZero, how: new Uint8Array(n).fill(HOW_EXACT) }), s, NOW);
          const cens = planListing(input({ startDay: TODAY - n + 1, units: asCensored, how }), s, NOW);
          expect(cens.forecast.meanDaily).toBeGreaterThanOrEqual(zero.forecast.meanDaily - 1e-9);
          if (zero.daysOfCover !== null && cens.daysOfCover !== null) expect(cens.daysOfCover).toBeLessThanOrEqual(zero.daysOfCover + 0.1);
        },
      ),
      { numRuns: 40 },
    );
  });
  it('the after-stockout pull stays above reading the empty days as no sales (found by the property above)', () => {
    const values = Array.from({ length: 60 }, (_, i) => (i === 58 ? 1 : 0));
    const asZero = Float64Array.from(values);
    const asCensored = Float64Array.from(values);
    asCensored[32] = Number.NaN;
    asCensored[0] = Number.NaN;
    const how = new Uint8Array(60).fill(HOW_EXACT);
    const s = defaultSettings();
    const zero = planListing(input({ startDay: TODAY - 59, units: asZero, how }), s, NOW);
    const cens = planListing(input({ startDay: TODAY - 59, units: asCensored, how }), s, NOW);
    expect(cens.forecast.meanDaily).toBeGreaterThanOrEqual(zero.forecast.meanDaily - 1e-9);
  });
  it('pending orders above stock cost points and raise an alert', () => {
    const plan = planListing(input(constantSeries(2, 100), { available: 3, reserved: 1, pendingUnits: 9 }), defaultSettings(), NOW, {
      forecast: flatForecast(2, 200),
    });
    expect(plan.oversell).toMatchObject({ pendingAboveStock: 5, atRisk: true });
    // The reserved unit is carried for the panel's Details.
    expect(plan.stock.reserved).toBe(1);
    expect(plan.healthReasons.map((r) => r.code)).toContain('pending-above-stock');
    expect(plan.alerts.find((a) => a.code === 'oversell-pending')?.severity).toBe('critical');
    const lost = plan.healthReasons.reduce((a, r) => a + r.points, 0);
    expect(plan.healthScore).toBe(Math.max(0, 100 - lost));
  });
  it('overstocked aged FBA stock gets a clearance ladder and a storage projection', () => {
    const plan = planListing(
      input(constantSeries(0.5, 300), {
        available: 900,
        ageBuckets: [
          { minDays: 271, maxDays: 365, units: 600 },
          { minDays: 0, maxDays: 90, units: 300 },
        ],
      }),
      defaultSettings(),
      NOW,
      { forecast: flatForecast(0.5, 200, 0) },
    );
    expect(plan.clearance?.excessUnits).toBe(900 - 65); // beyond the lead time (70 d) + target cover (60 d) at 0.5/day
    expect(plan.clearance?.steps.map((s) => s.discountPct)).toEqual([0, 10, 20, 30, 100]);
    expect(plan.storage!.agedSurchargeMinor).toBeGreaterThan(0);
    expect(plan.healthReasons.map((r) => r.code)).toEqual(expect.arrayContaining(['overstock-90d', 'aged-inventory']));
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cumulativeSum } from './cover';
import { planReorder } from './reorder';
import { flatForecast } from './fixtures';

const inputFor = (rate: number, position: number, spread = 0.2, lead = 30, cover = 60) => {
  const f = flatForecast(rate, 200, spread);
  return {
    inventoryPosition: position,
    meanCum: cumulativeSum(f.mean),
    serviceCum: f.quantileCum(0.95),
    leadTimeDays: lead,
    targetCoverDays: cover,
    safetyFactor: 1,
  };
};

describe('reorder', () => {
  it('without uncertainty: reorder point = lead-time demand, date when the position reaches it, quantity = cover demand', () => {
    const r = planReorder(inputFor(10, 1000, 0));
    expect(r.reorderPoint).toBeCloseTo(300, 9);
    expect(r.safetyStock).toBeCloseTo(0, 9);
    expect(r.daysUntilReorder).toBeCloseTo(70, 9);
    expect(r.rawQuantity).toBeCloseTo(600, 9);
  });
  it('safety stock is the gap to the service-level quantile over the lead time', () => {
    const r = planReorder(inputFor(10, 1000, 0.2));
    // quantile at 0.95: 300 * (1 + 0.45 * 0.4) = 354
    expect(r.safetyStock).toBeCloseTo(54, 9);
    expect(r.reorderPoint).toBeCloseTo(354, 9);
  });
  it('when below the reorder point: overdue (negative days) and the shortfall is added', () => {
    const r = planReorder(inputFor(10, 100, 0));
    expect(r.daysUntilReorder).toBeCloseTo(-20, 9);
    expect(r.rawQuantity).toBeCloseTo(600 + 200, 9);
  });
  it('scaling demand and stock by k scales reorder point and quantity by k and keeps the timing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 1, max: 90 }),
        (rate, k, positionDays, lead, cover) => {
          const base = planReorder(inputFor(rate, rate * positionDays, 0.3, lead, cover));
          const scaled = planReorder(inputFor(rate * k, rate * k * positionDays, 0.3, lead, cover));
          expect(scaled.rawQuantity).toBeCloseTo(base.rawQuantity * k, 6);
          expect(scaled.reorderPoint).toBeCloseTo(base.reorderPoint * k, 6);
          expect(scaled.daysUntilReorder!).toBeCloseTo(base.daysUntilReorder!, 6);
        },
      ),
    );
  });
  it('a higher service level never lowers the reorder point', () => {
    const f = flatForecast(5, 200, 0.3);
    const at = (q: number) =>
      planReorder({
        inventoryPosition: 500,
        meanCum: cumulativeSum(f.mean),
        serviceCum: f.quantileCum(q),
        leadTimeDays: 40,
        targetCoverDays: 30,
        safetyFactor: 1,
      }).reorderPoint;
    expect(at(0.99)).toBeGreaterThan(at(0.9));
    expect(at(0.9)).toBeGreaterThan(at(0.6));
  });
  it('no demand: no reorder', () => {
    const r = planReorder(inputFor(0, 50, 0));
    expect(r.daysUntilReorder).toBeNull();
    expect(r.rawQuantity).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { healthScore, type HealthFacts } from './health';
import { defaultSettings } from '../settings/schema';

const s = defaultSettings();

describe('health score', () => {
  const healthy: HealthFacts = {
    daysSinceLastSale: 0,
    daysOfCover: 40,
    stockoutDate: '2026-04-10',
    available: 100,
    onHand: 104,
    pendingUnits: 2,
    excess: null,
    listedAbovePool: null,
    agedUnits: 0,
    agedMinDays: 181,
    reorderOverdue: null,
    unfulfillable: 0,
  };
  it('is 100 with no reasons', () => {
    expect(healthScore(healthy, s.healthWeights, s.alerts)).toEqual({ score: 100, reasons: [] });
  });
  it('applies the issue weights', () => {
    const score = (f: Partial<HealthFacts>) => healthScore({ ...healthy, ...f }, s.healthWeights, s.alerts);
    expect(score({ daysSinceLastSale: 30 }).score).toBe(70);
    expect(score({ daysOfCover: 200, excess: { keepDays: 130 } }).score).toBe(80);
    // Many days of cover alone are not overstock: only stock beyond lead time + target cover is.
    expect(score({ daysOfCover: 200 }).score).toBe(100);
    expect(score({ daysOfCover: 15 }).score).toBe(75);
    expect(score({ pendingUnits: 105 }).score).toBe(75);
    expect(score({ daysSinceLastSale: 45, daysOfCover: 200, excess: { keepDays: 130 } }).reasons.map((r) => r.code)).toEqual(['no-sales-30d', 'overstock-90d']);
  });
  it('says how late an overdue reorder is', () => {
    const r = healthScore({ ...healthy, reorderOverdue: { date: '2026-02-20', daysLate: 9 } }, s.healthWeights, s.alerts);
    expect(r.reasons).toEqual([{ code: 'reorder-overdue', points: 10, params: { reorderDate: '2026-02-20', daysLate: 9 } }]);
  });
  it('score = 100 - the sum of the reasons (floored at 0), whatever the facts and weights', () => {
    fc.assert(
      fc.property(
        fc.record({
          daysSinceLastSale: fc.option(fc.nat(400), { nil: null }),
          daysOfCover: fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: null }),
          available: fc.nat(500),
          onHand: fc.nat(500),
          pendingUnits: fc.nat(500),
          excess: fc.option(fc.record({ keepDays: fc.nat(400) }), { nil: null }),
          listedAbovePool: fc.option(fc.record({ listed: fc.nat(1000), listable: fc.nat(500) }), { nil: null }),
          agedUnits: fc.nat(100),
          unfulfillable: fc.nat(10),
          overdue: fc.boolean(),
        }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 9, maxLength: 9 }),
        (f, w) => {
          const weights = Object.fromEntries(Object.keys(s.healthWeights).map((k, i) => [k, w[i]!])) as typeof s.healthWeights;
          const { overdue, ...rest } = f;
          const r = healthScore({ ...healthy, ...rest, reorderOverdue: overdue ? { date: '2026-01-01', daysLate: 3 } : null }, weights, s.alerts);
          const lost = r.reasons.reduce((a, x) => a + x.points, 0);
          expect(r.score).toBe(Math.max(0, Math.round(100 - lost)));
          expect(r.reasons.every((x) => x.points > 0)).toBe(true);
          expect(new Set(r.reasons.map((x) => x.code)).size).toBe(r.reasons.length);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings } from '../settings/schema';
import { abcClasses } from './abc';
import { offForecastAlert, spikeAlert } from './alerts';
import { clearanceSuggestion, demandMultiplier } from './clearance';
import { healthScore, type HealthFacts } from './health';
import { knownDaysSinceLastSale, knownMean, lifecycleStage, stagePolicy } from './lifecycle';
import { agedRate, monthlyRate, projectStorageFees } from './storage';

const s = defaultSettings();

describe('lifecycle', () => {
  const facts = { ageDays: 400, recentRate: 5, previousRate: 5, daysSinceLastSale: 0, ended: false };
  it('reads stage from age and trend', () => {
    expect(lifecycleStage(facts, s.lifecycle)).toBe('maturity');
    expect(lifecycleStage({ ...facts, ageDays: 20 }, s.lifecycle)).toBe('launch');
    expect(lifecycleStage({ ...facts, recentRate: 8 }, s.lifecycle)).toBe('growth');
    expect(lifecycleStage({ ...facts, recentRate: 2 }, s.lifecycle)).toBe('decline');
    expect(lifecycleStage({ ...facts, daysSinceLastSale: 90 }, s.lifecycle)).toBe('exit');
    expect(lifecycleStage({ ...facts, ended: true }, s.lifecycle)).toBe('exit');
  });
  it('does not read a trend into a handful of sales', () => {
    expect(lifecycleStage({ ...facts, recentRate: 0.2, previousRate: 0.05 }, s.lifecycle)).toBe('maturity');
  });
  it('policy: small batches at launch, more safety in growth, no reorder in decline or exit', () => {
    expect(stagePolicy('launch', s.lifecycle).maxCoverDays).toBe(30);
    expect(stagePolicy('growth', s.lifecycle).safetyFactor).toBe(1.25);
    expect(stagePolicy('decline', s.lifecycle).reorder).toBe(false);
    expect(stagePolicy('exit', s.lifecycle).reorder).toBe(false);
  });
  it('counts known days only', () => {
    expect(knownDaysSinceLastSale(Float64Array.of(2, 0, NaN, 0))).toBe(2);
    expect(knownMean(Float64Array.of(1, NaN, 3), 0, 3)).toBe(2);
    expect(knownMean(Float64Array.of(NaN), 0, 3)).toBeNaN();
  });
});

describe('ABC', () => {
  it('ranks by share of the total', () => {
    const c = abcClasses([{ key: 'x', value: 80 }, { key: 'y', value: 15 }, { key: 'z', value: 5 }, { key: 'w', value: 0 }]);
    expect([...c.entries()].sort()).toEqual([['w', 'C'], ['x', 'A'], ['y', 'B'], ['z', 'C']]);
  });
  it('a SKU worth more is never in a lower class', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), (values) => {
        const c = abcClasses(values.map((value, i) => ({ key: `k${i}`, value })));
        const rank = { A: 0, B: 1, C: 2 } as const;
        for (let i = 0; i < values.length; i++)
          for (let j = 0; j < values.length; j++)
            if (values[i]! > values[j]!) expect(rank[c.get(`k${i}`)!]).toBeLessThanOrEqual(rank[c.get(`k${j}`)!]);
      }),
    );
  });
});

describe('storage fees', () => {
  it('peak season and aged surcharge thresholds', () => {
    expect(monthlyRate(s.storageFees, 11)).toBe(240);
    expect(monthlyRate(s.storageFees, 9)).toBe(78);
    expect(agedRate(s.storageFees, 180)).toBe(0);
    expect(agedRate(s.storageFees, 181)).toBe(150);
    expect(agedRate(s.storageFees, 300)).toBe(400);
    expect(agedRate(s.storageFees, 400)).toBe(690);
  });
  it('sells oldest first, then charges what ages past a threshold', () => {
    const fees = projectStorageFees(
      { onHand: 300, demandNext30: 100, unitCubicFeet: 1, month: 3, ageBuckets: [{ minDays: 0, maxDays: 90, units: 100 }, { minDays: 160, maxDays: 180, units: 200 }] },
      s.storageFees,
    );
    // base: average 250 units x 78; aged: 100 of the 200 old units sold, 100 left at 190 days x 150
    expect(fees.baseMinor).toBe(250 * 78);
    expect(fees.agedSurchargeMinor).toBe(100 * 150);
  });
});

describe('clearance', () => {
  const facts = { excessUnits: 300, meanDaily: 2, priceMinor: 2000, currency: 'USD', unitCostMinor: 800, storagePerUnitDayMinor: 0.5 };
  it('builds the ladder with sell-through days from elasticity', () => {
    const c = clearanceSuggestion(facts, s.clearance, 30)!;
    expect(c.steps.map((x) => x.discountPct)).toEqual([10, 20, 30, 100]);
    expect(c.steps[0]!.expectedSellThroughDays).toBeCloseTo(300 / (2 * demandMultiplier(10, -2)), 6);
    expect(c.steps[0]!.priceMinor).toBe(1800);
    // Deeper markdowns sell faster.
    expect(c.steps[2]!.expectedSellThroughDays!).toBeLessThan(c.steps[1]!.expectedSellThroughDays!);
    expect(c.recommendedStep).toBe(3);
  });
  it('recommends the first step that clears within the target', () => {
    const c = clearanceSuggestion({ ...facts, excessUnits: 100 }, s.clearance, 30)!;
    expect(c.recommendedStep).toBe(0);
    expect(c.exit).toBe(false);
  });
  it('exits when holding costs more than half the remaining margin', () => {
    const cheap = clearanceSuggestion({ ...facts, excessUnits: 100, meanDaily: 0.1, priceMinor: 1000, unitCostMinor: 900, storagePerUnitDayMinor: 0.5 }, s.clearance, 30)!;
    // hold 365 days x 50 avg units x 0.5 = 9125 > 0.5 x 100 x 100
    expect(cheap.exit).toBe(true);
    expect(cheap.steps[cheap.recommendedStep]!.discountPct).toBe(100);
  });
  it('no excess, no suggestion', () => {
    expect(clearanceSuggestion({ ...facts, excessUnits: 0 }, s.clearance, 30)).toBeNull();
  });
});

describe('sales alerts', () => {
  const t = s.alerts;
  it('off forecast needs the whole run in one direction', () => {
    expect(offForecastAlert(Float64Array.of(5, 20, 20, 20), 10, t)?.params.direction).toBe('above');
    expect(offForecastAlert(Float64Array.of(5, 5, NaN, 5), 10, t)?.params.direction).toBe('below');
    expect(offForecastAlert(Float64Array.of(20, 5, 20), 10, t)).toBeNull();
    expect(offForecastAlert(Float64Array.of(20, 11, 20), 10, t)).toBeNull();
    expect(offForecastAlert(Float64Array.of(20, 20), 10, t)).toBeNull();
  });
  it('spike: over 200% of the forecast and at least 3 units more', () => {
    expect(spikeAlert(Float64Array.of(2, 30), 10, t, 0)?.params.date).toBe('1970-01-02');
    expect(spikeAlert(Float64Array.of(2, 19), 10, t, 0)).toBeNull();
    expect(spikeAlert(Float64Array.of(1), 0.3, t, 0)).toBeNull();
  });
});

describe('health score', () => {
  const healthy: HealthFacts = {
    daysSinceLastSale: 0, daysOfCover: 40, stockoutDate: '2026-04-10', available: 100, onHand: 104, pendingUnits: 2,
    listedAcrossChannels: 100, pool: null, agedUnits: 0, agedMinDays: 181, reorderOverdueDate: null, unfulfillable: 0,
  };
  it('is 100 with no reasons', () => {
    expect(healthScore(healthy, s.healthWeights, s.alerts)).toEqual({ score: 100, reasons: [] });
  });
  it('applies the issue weights', () => {
    const score = (f: Partial<HealthFacts>) => healthScore({ ...healthy, ...f }, s.healthWeights, s.alerts);
    expect(score({ daysSinceLastSale: 30 }).score).toBe(70);
    expect(score({ daysOfCover: 91 }).score).toBe(80);
    expect(score({ daysOfCover: 15 }).score).toBe(75);
    expect(score({ pendingUnits: 105 }).score).toBe(75);
    expect(score({ daysSinceLastSale: 45, daysOfCover: 200 }).reasons.map((r) => r.code)).toEqual(['no-sales-30d', 'overstock-90d']);
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
          listedAcrossChannels: fc.nat(1000),
          pool: fc.option(fc.nat(500), { nil: null }),
          agedUnits: fc.nat(100),
          unfulfillable: fc.nat(10),
          overdue: fc.boolean(),
        }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 9, maxLength: 9 }),
        (f, w) => {
          const weights = Object.fromEntries(Object.keys(s.healthWeights).map((k, i) => [k, w[i]!])) as typeof s.healthWeights;
          const { overdue, ...rest } = f;
          const r = healthScore({ ...healthy, ...rest, reorderOverdueDate: overdue ? '2026-01-01' : null }, weights, s.alerts);
          const lost = r.reasons.reduce((a, x) => a + x.points, 0);
          expect(r.score).toBe(Math.max(0, Math.round(100 - lost)));
          expect(r.reasons.every((x) => x.points > 0)).toBe(true);
          expect(new Set(r.reasons.map((x) => x.code)).size).toBe(r.reasons.length);
        },
      ),
    );
  });
});

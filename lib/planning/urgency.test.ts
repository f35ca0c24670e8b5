import { describe, expect, it } from 'vitest';
import { NEEDS_ATTENTION, riskTagsOf, riskTypesOf, URGENCY_LEVELS, URGENCY_RULES, urgencyOf, type UrgencyLevel } from './urgency';

type Plan = Parameters<typeof urgencyOf>[0];

/** A healthy, known plan: 100 days of cover, lead time 70, reorder in 30 days. */
function plan(fields: Partial<Plan> = {}): Plan {
  return {
    available: 1000,
    daysOfCover: 100,
    leadTimeDays: 70,
    reorderDate: '2026-03-31',
    asOf: '2026-03-01',
    clearance: null,
    healthScore: 100,
    healthReasons: [],
    alerts: [],
    oversell: { pendingAboveStock: 0, listedAbovePool: 0, atRisk: false, allocation: {} },
    lifecycleStage: 'maturity',
    forecast: { model: 'flat', meanDaily: 10, horizonDays: 30, p50: 300, p90: 350, historyDays: 365, censoredDays: 0 },
    ...fields,
  };
}

const excess = {
  excessUnits: 240,
  steps: [{ discountPct: 20, priceMinor: null, expectedSellThroughDays: 50 }],
  recommendedStep: 0,
  exit: false,
  holdingCostMinor: 0,
  remainingMarginMinor: 0,
  currency: 'USD',
};
const atRisk = { pendingAboveStock: 0, listedAbovePool: 12, atRisk: true, allocation: {} };
const level = (fields: Partial<Plan>) => urgencyOf(plan(fields)).level;

describe('urgencyOf levels', () => {
  it('ok for a known, healthy plan', () => {
    expect(level({})).toBe('ok');
  });

  it('critical when channels or pending orders oversell, whatever else', () => {
    expect(level({ oversell: atRisk })).toBe('critical');
    expect(level({ oversell: atRisk, lifecycleStage: 'exit', healthScore: null, reorderDate: null })).toBe('critical');
  });

  it('critical when the cover is shorter than the lead time of a selling SKU in neither decline nor exit', () => {
    expect(level({ daysOfCover: 69.9 })).toBe('critical');
    expect(level({ daysOfCover: 0 })).toBe('critical');
    expect(level({ daysOfCover: 70 })).toBe('ok');
    expect(level({ daysOfCover: 5, lifecycleStage: 'launch' })).toBe('critical');
    expect(level({ daysOfCover: 5, lifecycleStage: 'growth' })).toBe('critical');
    // Winding down: running out is the plan, not an emergency.
    expect(level({ daysOfCover: 5, lifecycleStage: 'decline', reorderDate: null })).toBe('ok');
    expect(level({ daysOfCover: 5, lifecycleStage: 'exit', reorderDate: null })).toBe('ok');
    // Not selling: no cover emergency.
    expect(level({ daysOfCover: 5, forecast: { ...plan().forecast, meanDaily: 0 } })).not.toBe('critical');
  });

  it('warning when a reorder is due within 14 days, overdue included', () => {
    expect(URGENCY_RULES.reorderWithinDays).toBe(14);
    expect(level({ reorderDate: '2026-03-15' })).toBe('warning');
    expect(level({ reorderDate: '2026-03-16' })).toBe('ok');
    expect(level({ reorderDate: '2026-03-01' })).toBe('warning');
    expect(level({ reorderDate: '2025-12-31' })).toBe('warning');
    expect(level({ reorderDate: null })).toBe('ok');
  });

  it('excess when clearance has units to clear', () => {
    expect(level({ clearance: excess, reorderDate: null })).toBe('excess');
    expect(level({ clearance: { ...excess, excessUnits: 0 }, reorderDate: null })).toBe('ok');
    // Excess that sells in time at today's price asks nothing: ranked as if it had none, its overstock tag kept.
    const hold = { ...excess, steps: [{ discountPct: 0, priceMinor: null, expectedSellThroughDays: 11 }, ...excess.steps] };
    expect(level({ clearance: hold, reorderDate: null })).toBe('ok');
    expect(level({ clearance: hold, reorderDate: null, healthScore: 40 })).toBe('attention');
    expect(riskTypesOf(plan({ clearance: hold }))).toEqual(['overstock']);
    expect(level({ clearance: { ...excess, exit: true }, reorderDate: null })).toBe('excess');
  });

  it('attention when health is under 60', () => {
    expect(level({ healthScore: 59 })).toBe('attention');
    expect(level({ healthScore: 60 })).toBe('ok');
    expect(level({ healthScore: 0 })).toBe('attention');
  });

  it('unknown when the stock or the health is unknown (never ok)', () => {
    expect(level({ available: null, daysOfCover: null, reorderDate: null, healthScore: null })).toBe('unknown');
    // Even a cover figure left over is not trusted without stock.
    expect(level({ available: null, daysOfCover: 5, reorderDate: null, healthScore: null })).toBe('unknown');
    expect(level({ healthScore: null })).toBe('unknown');
    expect(level({ available: null, healthScore: 100 })).toBe('unknown');
  });

  it('takes the most urgent level that applies', () => {
    const everything = { daysOfCover: 5, reorderDate: '2025-12-31', clearance: excess, healthScore: 10 };
    expect(level(everything)).toBe('critical');
    expect(level({ ...everything, daysOfCover: 80 })).toBe('warning');
    expect(level({ ...everything, daysOfCover: 80, reorderDate: null })).toBe('excess');
    expect(level({ ...everything, daysOfCover: 80, reorderDate: null, clearance: null })).toBe('attention');
  });
});

describe('urgencyOf rank', () => {
  it('orders by level first, then by days of cover (unknown cover last within its level)', () => {
    const ranked: [UrgencyLevel, number][] = [
      ['ok', urgencyOf(plan({ daysOfCover: 100 })).rank],
      ['unknown', urgencyOf(plan({ available: null, daysOfCover: null, reorderDate: null, healthScore: null })).rank],
      ['attention', urgencyOf(plan({ healthScore: 30, daysOfCover: 500 })).rank],
      ['excess', urgencyOf(plan({ clearance: excess, reorderDate: null, daysOfCover: 1e9 })).rank],
      ['warning', urgencyOf(plan({ reorderDate: '2026-03-02', daysOfCover: null })).rank],
      ['critical', urgencyOf(plan({ oversell: atRisk, daysOfCover: null })).rank],
    ];
    const sorted = [...ranked].sort((a, b) => a[1] - b[1]).map(([l]) => l);
    expect(sorted).toEqual([...URGENCY_LEVELS]);
    expect(urgencyOf(plan({ daysOfCover: 3 })).rank).toBeLessThan(urgencyOf(plan({ daysOfCover: 30 })).rank);
    expect(urgencyOf(plan({ daysOfCover: 30 })).rank).toBeLessThan(urgencyOf(plan({ daysOfCover: null, oversell: atRisk })).rank);
    // A critical listing with no known cover still ranks before any warning.
    expect(urgencyOf(plan({ oversell: atRisk, daysOfCover: null })).rank).toBeLessThan(urgencyOf(plan({ reorderDate: '2026-03-02', daysOfCover: 70 })).rank);
    expect(urgencyOf(plan({ reorderDate: '2026-03-02', daysOfCover: 70 })).level).toBe('warning');
  });
});

describe('risk types and tags', () => {
  it('reads risk types from reason and alert codes through the catalogue, in the catalogue’s order', () => {
    const p = plan({
      healthReasons: [
        { code: 'no-sales-30d', points: 30, params: { days: 40 } },
        { code: 'unfulfillable-units', points: 5, params: { units: 2 } },
      ],
      alerts: [
        { code: 'reorder-now', severity: 'critical', params: {} },
        { code: 'sales-spike', severity: 'info', params: {} },
        { code: 'stock-unknown', severity: 'info', params: { hint: 'count' } },
      ],
    });
    expect(riskTypesOf(p)).toEqual(['stockout', 'no-sales']);
    expect(urgencyOf(p).riskTypes).toEqual(['stockout', 'no-sales']);
  });

  it('adds oversell from the oversell check and overstock from clearance, without codes', () => {
    expect(riskTypesOf(plan({ oversell: atRisk, clearance: excess }))).toEqual(['overstock', 'oversell']);
    expect(riskTypesOf(plan({ clearance: { ...excess, excessUnits: 0 } }))).toEqual([]);
  });

  it('tags: risk types, plus attention for the levels that need it, plus critical', () => {
    const critical = urgencyOf(plan({ daysOfCover: 5, alerts: [{ code: 'stockout-within', severity: 'critical', params: {} }] }));
    expect(riskTagsOf(critical)).toEqual(['stockout', 'attention', 'critical']);
    expect(riskTagsOf(urgencyOf(plan({ reorderDate: '2026-03-05' })))).toEqual(['attention']);
    expect(riskTagsOf(urgencyOf(plan({ clearance: excess, reorderDate: null })))).toEqual(['overstock', 'attention']);
    expect(riskTagsOf(urgencyOf(plan({ healthScore: 40 })))).toEqual(['attention']);
    expect(riskTagsOf(urgencyOf(plan({ available: null, healthScore: null, reorderDate: null, daysOfCover: null })))).toEqual([]);
    expect(riskTagsOf(urgencyOf(plan()))).toEqual([]);
    expect([...NEEDS_ATTENTION].sort()).toEqual(['attention', 'critical', 'excess', 'warning']);
  });
});

import { describe, expect, it } from 'vitest';
import { clearanceSuggestion, demandMultiplier } from './clearance';
import { defaultSettings } from '../settings/schema';

const s = defaultSettings();

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
    const cheap = clearanceSuggestion(
      { ...facts, excessUnits: 100, meanDaily: 0.1, priceMinor: 1000, unitCostMinor: 900, storagePerUnitDayMinor: 0.5 },
      s.clearance,
      30,
    )!;
    // hold 365 days x 50 avg units x 0.5 = 9125 > 0.5 x 100 x 100
    expect(cheap.exit).toBe(true);
    expect(cheap.steps[cheap.recommendedStep]!.discountPct).toBe(100);
  });
  it('no excess, no suggestion', () => {
    expect(clearanceSuggestion({ ...facts, excessUnits: 0 }, s.clearance, 30)).toBeNull();
  });
});

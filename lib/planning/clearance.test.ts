import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clearanceActionOf, clearanceForExcess, clearanceSuggestion, demandMultiplier, ladderOf } from './clearance';
import { defaultSettings } from '../settings/schema';

const s = defaultSettings();

describe('clearance', () => {
  const facts = { excessUnits: 300, meanDaily: 2, priceMinor: 2000, currency: 'USD', unitCostMinor: 800, storagePerUnitDayMinor: 0.5 };
  it("builds the ladder from today's price with sell-through days from elasticity", () => {
    const c = clearanceSuggestion(facts, s.clearance, 30)!;
    expect(c.steps.map((x) => x.discountPct)).toEqual([0, 10, 20, 30, 100]);
    expect(c.steps[0]).toEqual({ discountPct: 0, priceMinor: 2000, expectedSellThroughDays: 150 });
    expect(c.steps[1]!.expectedSellThroughDays).toBeCloseTo(300 / (2 * demandMultiplier(10, -2)), 6);
    expect(c.steps[1]!.priceMinor).toBe(1800);
    // Deeper markdowns sell faster.
    expect(c.steps[3]!.expectedSellThroughDays!).toBeLessThan(c.steps[2]!.expectedSellThroughDays!);
    expect(c.recommendedStep).toBe(4);
  });
  it('recommends the first step that clears within the target', () => {
    // 140 units at 2 a day: 70 days at today's price, 57 at -10%.
    const c = clearanceSuggestion({ ...facts, excessUnits: 140 }, s.clearance, 30)!;
    expect(c.steps[c.recommendedStep]!.discountPct).toBe(10);
    expect(clearanceActionOf(c)).toBe('markdown');
    expect(c.exit).toBe(false);
  });
  it("keeps the price when today's price sells the excess within the target (no markdown for 15 units at 1.4 a day)", () => {
    const c = clearanceSuggestion({ ...facts, excessUnits: 15, meanDaily: 1.4 }, s.clearance, 30)!;
    expect(c.recommendedStep).toBe(0);
    expect(c.steps[0]!.expectedSellThroughDays).toBeCloseTo(15 / 1.4, 9);
    expect(clearanceActionOf(c)).toBe('hold');
    // At the target exactly it still holds; a unit more than the target sells and it marks down.
    expect(clearanceActionOf(clearanceSuggestion({ ...facts, excessUnits: 120 }, s.clearance, 30)!)).toBe('hold');
    expect(clearanceActionOf(clearanceSuggestion({ ...facts, excessUnits: 121 }, s.clearance, 30)!)).toBe('markdown');
  });
  it("an exiting product starts at the first markdown: its excess is what today's price does not sell in the window", () => {
    const c = clearanceSuggestion({ ...facts, excessUnits: 15, meanDaily: 1.4, exiting: true }, s.clearance, 30)!;
    expect(c.steps.map((x) => x.discountPct)).toEqual([10, 20, 30, 100]);
    expect(clearanceActionOf(c)).toBe('markdown');
  });
  it("ladderOf: today's price first, once", () => {
    expect(ladderOf([10, 20, 30, 100], false)).toEqual([0, 10, 20, 30, 100]);
    expect(ladderOf([0, 25, 100], false)).toEqual([0, 25, 100]);
    expect(ladderOf([10, 20, 30, 100], true)).toEqual([10, 20, 30, 100]);
  });
  it('holding never wins over "exit": too costly to keep is too costly at any price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (excessUnits, meanDaily, storage) => {
          const c = clearanceSuggestion({ ...facts, excessUnits, meanDaily, storagePerUnitDayMinor: storage }, s.clearance, 30)!;
          if (c.exit) expect(clearanceActionOf(c)).toBe('exit');
          else if (excessUnits / meanDaily <= s.clearance.targetSellThroughDays) expect(clearanceActionOf(c)).toBe('hold');
          else expect(clearanceActionOf(c)).not.toBe('hold');
        },
      ),
      { numRuns: 300 },
    );
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

describe('clearanceForExcess (a transfer leaves fewer units to clear)', () => {
  const facts = { excessUnits: 300, meanDaily: 2, priceMinor: 2000, currency: 'USD', unitCostMinor: 800, storagePerUnitDayMinor: 0.5 };
  it('answers as clearanceSuggestion does for the units left, step and "liquidate" included', () => {
    const factsArb = fc.record({
      excessUnits: fc.integer({ min: 1, max: 5000 }),
      meanDaily: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 50, noNaN: true })),
      priceMinor: fc.option(fc.integer({ min: 100, max: 50_000 }), { nil: null }),
      currency: fc.constant('USD'),
      unitCostMinor: fc.option(fc.integer({ min: 50, max: 40_000 }), { nil: null }),
      storagePerUnitDayMinor: fc.double({ min: 0, max: 20, noNaN: true }),
    });
    fc.assert(
      fc.property(factsArb, fc.double({ min: 0, max: 1, noNaN: true }), (facts, share) => {
        const whole = clearanceSuggestion(facts, s.clearance, 30)!;
        const left = Math.floor(whole.excessUnits * share);
        const fewer = clearanceForExcess(whole, left);
        if (left < 1) expect(fewer).toBeNull();
        else expect(fewer).toEqual(clearanceSuggestion({ ...facts, excessUnits: left }, s.clearance, 30));
      }),
      { numRuns: 300 },
    );
  });

  it('the step for 677 units (liquidate: no markdown sells them in time) is not the answer for the 1 left', () => {
    const whole = clearanceSuggestion({ ...facts, excessUnits: 677, meanDaily: 1.5, storagePerUnitDayMinor: 0.01 }, s.clearance, 30)!;
    expect(whole.steps[whole.recommendedStep]!.discountPct).toBe(100);
    const one = clearanceForExcess(whole, 1)!;
    // One unit at 1.5 a day goes within the target at today's price: no markdown either.
    expect(one).toMatchObject({ excessUnits: 1, recommendedStep: 0, exit: false });
    expect(clearanceActionOf(one)).toBe('hold');
    expect(one.steps[0]!.expectedSellThroughDays).toBeCloseTo(1 / 1.5, 9);
  });

  it('a suggestion it did not make (read back from the store) keeps its step: only its count moves', () => {
    const stored = structuredClone(clearanceSuggestion({ ...facts, excessUnits: 677 }, s.clearance, 30)!);
    expect(clearanceForExcess(stored, 10)).toEqual({ ...stored, excessUnits: 10 });
    expect(clearanceForExcess(stored, 0.5)).toBeNull();
  });
});

describe('clearanceActionOf (what every view says)', () => {
  const step = (discountPct: number) => ({ discountPct, priceMinor: null, expectedSellThroughDays: null });
  it('liquidate when holding costs too much or when the step is the ladder\'s 100%, never "mark down 100%"', () => {
    const ladder = [step(10), step(20), step(100)];
    expect(clearanceActionOf({ exit: false, steps: ladder, recommendedStep: 2 })).toBe('exit');
    expect(clearanceActionOf({ exit: true, steps: ladder, recommendedStep: 0 })).toBe('exit');
    expect(clearanceActionOf({ exit: false, steps: ladder, recommendedStep: 1 })).toBe('markdown');
    expect(clearanceActionOf({ exit: false, steps: [step(0), step(10)], recommendedStep: 0 })).toBe('hold');
    // Nothing sells (no demand): no markdown clears it, so the suggestion is the liquidation.
    const stuck = clearanceSuggestion(
      { excessUnits: 272, meanDaily: 0, priceMinor: 2000, currency: 'USD', unitCostMinor: 100, storagePerUnitDayMinor: 0 },
      s.clearance,
      30,
    )!;
    expect(stuck.exit).toBe(false);
    expect(clearanceActionOf(stuck)).toBe('exit');
  });
});

import { describe, expect, it } from 'vitest';
import { emptyDraft } from './index';
import { clearance } from './clearance';
import { constantSeries, seriesOf, situation, through, TODAY, unknownStock } from './test-situation';

const slow = { series: constantSeries(2) };

describe('clearance decision', () => {
  // No forecast spread: no safety stock, so the excess is exactly the stock beyond lead time + target cover (excess.test.ts covers the safety stock).
  it('marks down only the units beyond lead time + target cover, first step that clears in 60 days', () => {
    const d = through(clearance, situation({ ...slow, available: 500 }, { rate: 2, spread: 0 }));
    expect(d.reorder.day).toBeNull();
    expect(d.clearance).not.toBeNull();
    expect(d.clearance!.excessUnits).toBe(240);
    expect(d.clearance!.steps.map((s) => s.discountPct)).toEqual([0, 10, 20, 30, 100]);
    // 240 units: today's price 120 d, -20% sells 3.1/day (77 d), -30% 4.1/day (59 d).
    expect(d.clearance!.recommendedStep).toBe(3);
    expect(d.clearance!.exit).toBe(false);
    expect(d.clearance!.steps[3]!.priceMinor).toBe(1400);
  });

  it('never suggests anything for stock the keep window needs', () => {
    expect(through(clearance, situation({ ...slow, available: 260 }, { rate: 2, spread: 0 })).clearance).toBeNull();
    expect(through(clearance, situation({ ...slow, available: 261 }, { rate: 2, spread: 0 })).clearance!.excessUnits).toBe(1);
  });

  it("keeps the price for excess that sells within the target at today's price, not while exiting", () => {
    const small = through(clearance, situation({ ...slow, available: 300 }, { rate: 2, spread: 0 })).clearance!;
    expect(small.excessUnits).toBe(40);
    expect(small.steps[small.recommendedStep]!.discountPct).toBe(0);
    // Exiting: the same stock is 180 units beyond the 60-day sell-off window, and today's price is no step.
    const ending = through(clearance, situation({ ...slow, available: 300, ended: true }, { rate: 2, spread: 0 })).clearance!;
    expect(ending.steps[0]!.discountPct).toBe(10);
    expect(ending.steps[ending.recommendedStep]!.discountPct).toBeGreaterThan(0);
  });

  it('never marks down more than is on hand (inbound excess cannot be discounted)', () => {
    const d = through(clearance, situation({ ...slow, available: 500, inbound: 300 }, { rate: 2, spread: 0 }));
    expect(d.excessUnits).toBe(540);
    expect(d.clearance!.excessUnits).toBe(500);
  });

  it('never while a reorder is due: the two would contradict each other', () => {
    const draft = emptyDraft();
    draft.reorder.day = TODAY + 5; // e.g. another decision already placed one
    const d = through(clearance, situation({ ...slow, available: 500 }, { rate: 2, spread: 0 }), draft);
    expect(d.excessUnits).toBe(240);
    expect(d.clearance).toBeNull();
    // In the ordinary flow a due reorder means no excess, so no clearance either.
    const low = through(clearance, situation({ available: 100 }, { rate: 10 }));
    expect(low.reorder.day).not.toBeNull();
    expect(low.clearance).toBeNull();
  });

  it('clears an exiting product down to the sell-off window, with no reorder', () => {
    const d = through(clearance, situation({ ...slow, available: 500, ended: true }, { rate: 2, spread: 0 }));
    expect(d.reorder.day).toBeNull();
    expect(d.clearance!.excessUnits).toBe(500 - 120);
  });

  it('recommends liquidation when holding costs more than half the margin', () => {
    // 3000 excess units selling 0.1/day: a year of storage of aged units against a thin margin.
    const aged = [{ minDays: 366, maxDays: 999, units: 3000 }];
    const d = through(clearance, situation({ series: constantSeries(0.1), available: 3000, priceMinor: 300, ageBuckets: aged }, { rate: 0.1 }));
    expect(d.clearance!.exit).toBe(true);
    expect(d.clearance!.steps[d.clearance!.recommendedStep]!.discountPct).toBe(100);
    expect(d.clearance!.holdingCostMinor!).toBeGreaterThan(0.5 * d.clearance!.remainingMarginMinor!);
  });

  it('says nothing with unknown stock or an unknown sales rate', () => {
    expect(through(clearance, situation(unknownStock(slow), { rate: 2, spread: 0 })).clearance).toBeNull();
    const firstReading = seriesOf([Number.NaN, Number.NaN, 0]);
    expect(through(clearance, situation({ series: firstReading, available: 900 }, { rate: 0.5 })).clearance).toBeNull();
  });
});

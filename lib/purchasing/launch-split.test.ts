import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings } from '../settings/schema';
import { DEFAULT_LAUNCH, launchSplit } from './launch-split';
import { purchasePlan } from './purchase-plan';
import { planWith } from './test-purchasing';

describe('launchSplit', () => {
  it('orders the share now in whole cases at the MOQ, the rest at the check-in (30 days after arrival, or the seller date)', () => {
    expect(launchSplit(480, { moq: 100, casePack: 24 }, DEFAULT_LAUNCH, '2026-05-01')).toEqual({
      nowUnits: 336,
      split: { sharePct: 70, laterUnits: 144, checkInDate: '2026-05-31' },
    });
    expect(launchSplit(480, { moq: 400, casePack: 24 }, { sharePct: 50, checkInDays: 30, checkInDate: '2026-06-15' }, '2026-05-01')).toEqual({
      nowUnits: 408,
      split: { sharePct: 50, laterUnits: 72, checkInDate: '2026-06-15' },
    });
  });
  it('property: now + later is the total, now is whole cases at the MOQ (or the whole total)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 100 }),
        (total, moq, casePack, sharePct) => {
          const { nowUnits, split } = launchSplit(total, { moq, casePack }, { sharePct, checkInDays: 30 }, '2026-05-01');
          expect(nowUnits + split.laterUnits).toBe(total);
          expect(split.laterUnits).toBeGreaterThanOrEqual(0);
          if (nowUnits < total) {
            expect(nowUnits % casePack).toBe(0);
            expect(nowUnits).toBeGreaterThanOrEqual(moq);
          }
        },
      ),
    );
  });
});

describe('purchasePlan at launch', () => {
  it("orders a launch product's share now, with the seller's share and check-in for that stock", () => {
    const launch = planWith({ reorderQuantity: 1000, abcClass: null, lifecycleStage: 'launch' });
    const options = { today: '2026-03-02', weeks: 4, currency: 'USD' };
    const [line] = purchasePlan([launch], defaultSettings(), options).groups.flatMap((g) => g.lines);
    expect(line).toMatchObject({ quantity: 700, launch: { sharePct: 70, laterUnits: 300 } });
    const own = purchasePlan([launch], defaultSettings(), { ...options, launchOverrides: { 'MUG@fba:NA': { sharePct: 60, checkInDate: '2026-07-01' } } });
    expect(own.groups[0]!.lines[0]).toMatchObject({ quantity: 600, launch: { sharePct: 60, laterUnits: 400, checkInDate: '2026-07-01' } });
    const mature = purchasePlan([{ ...launch, lifecycleStage: 'maturity' }], defaultSettings(), options);
    expect(mature.groups[0]!.lines[0]).toMatchObject({ quantity: 1000, launch: null });
  });
});

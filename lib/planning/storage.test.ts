import { describe, expect, it } from 'vitest';
import { latestSchedule } from '../fees/index';
import { projectStorageFees, type PricedSchedule } from './storage';

const fba = latestSchedule('amazon.com', 'fba') as PricedSchedule;
const wfs = latestSchedule('walmart.com', 'wfs') as PricedSchedule;

describe('storage fees', () => {
  it('charges the peak rate in the schedule peak months and the size tier rate', () => {
    const facts = { onHand: 100, demandNext30: 0, ageBuckets: [], unitCubicFeet: 1, tier: 'large-standard' as const };
    expect(projectStorageFees({ ...facts, month: 11 }, fba).baseMinor).toBe(100 * 240);
    expect(projectStorageFees({ ...facts, month: 9 }, fba).baseMinor).toBe(100 * 78);
    expect(projectStorageFees({ ...facts, month: 9, tier: 'large-bulky' }, fba).baseMinor).toBe(100 * 56);
    // Walmart has no peak months in its schedule: one rate all year.
    expect(projectStorageFees({ ...facts, month: 11 }, wfs).baseMinor).toBe(100 * 75);
  });

  it('sells oldest first, then charges what ages past a threshold', () => {
    const fees = projectStorageFees(
      {
        onHand: 300,
        demandNext30: 100,
        unitCubicFeet: 1,
        month: 3,
        tier: 'large-standard',
        ageBuckets: [
          { minDays: 0, maxDays: 90, units: 100 },
          { minDays: 160, maxDays: 180, units: 200 },
        ],
      },
      fba,
    );
    // base: average 250 units x 78; aged: 100 of the 200 old units sold, 100 left at 190 days x 50 (181-210 tier)
    expect(fees.baseMinor).toBe(250 * 78);
    expect(fees.agedSurchargeMinor).toBe(100 * 50);
  });

  it("charges each channel's own aged tiers: Amazon's from 181 days, Walmart's long-term storage only past 365", () => {
    const facts = { onHand: 100, demandNext30: 0, unitCubicFeet: 1, month: 3, tier: 'large-standard' as const };
    const at = (minDays: number) => [{ minDays, maxDays: null, units: 100 }];
    expect(projectStorageFees({ ...facts, ageBuckets: at(200) }, fba).agedSurchargeMinor).toBe(100 * 100); // 230 days: 211-240 tier
    expect(projectStorageFees({ ...facts, ageBuckets: at(200) }, wfs).agedSurchargeMinor).toBe(0);
    expect(projectStorageFees({ ...facts, ageBuckets: at(340) }, wfs).agedSurchargeMinor).toBe(100 * 750);
  });

  it('takes the per-unit minimum over 365 days (the greater of per cubic foot or per unit)', () => {
    const tiny = {
      onHand: 10,
      demandNext30: 0,
      unitCubicFeet: 0.01,
      month: 3,
      tier: 'small-standard' as const,
      ageBuckets: [{ minDays: 400, maxDays: null, units: 10 }],
    };
    // 690 x 0.01 = 6.9 cents < 15 cents per unit
    expect(projectStorageFees(tiny, fba).agedSurchargeMinor).toBe(10 * 15);
  });
});

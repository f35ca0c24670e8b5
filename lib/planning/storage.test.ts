import { describe, expect, it } from 'vitest';
import { agedRate, monthlyRate, projectStorageFees } from './storage';
import { defaultSettings } from '../settings/schema';

const s = defaultSettings();

describe('storage fees', () => {
  it('peak season and aged surcharge thresholds (the published tiers, from the fee schedule)', () => {
    expect(monthlyRate(s.storageFees, 11)).toBe(240);
    expect(monthlyRate(s.storageFees, 9)).toBe(78);
    expect(agedRate(s.storageFees, 180)).toBe(0);
    expect(agedRate(s.storageFees, 181)).toBe(50);
    expect(agedRate(s.storageFees, 300)).toBe(380);
    expect(agedRate(s.storageFees, 400)).toBe(690);
  });
  it('sells oldest first, then charges what ages past a threshold', () => {
    const fees = projectStorageFees(
      {
        onHand: 300,
        demandNext30: 100,
        unitCubicFeet: 1,
        month: 3,
        ageBuckets: [
          { minDays: 0, maxDays: 90, units: 100 },
          { minDays: 160, maxDays: 180, units: 200 },
        ],
      },
      s.storageFees,
    );
    // base: average 250 units x 78; aged: 100 of the 200 old units sold, 100 left at 190 days x 50 (181-210 tier)
    expect(fees.baseMinor).toBe(250 * 78);
    expect(fees.agedSurchargeMinor).toBe(100 * 50);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../planning/days';
import { FEE_SCHEDULES, latestSchedule, scheduleOn, storageRatePerCubicFoot, type FeeSchedule } from './index';
import { scheduleChangeAfter } from './schedules';
import { fbaOn } from './test-fees';

describe('fee schedules: the published figures (fees.md)', () => {
  const s = fbaOn('2024-04-01');

  it('low-inventory-level fee, 2024 rates per unit for HDoS 0-14 / 14-21 / 21-28 days, windows 30 and 90 days', () => {
    if (typeof s.lowInventoryLevel === 'string') throw new Error('expected rates');
    expect(s.currency).toBe('USD');
    expect(s.lowInventoryLevel.supplyBandsUpToDays).toEqual([14, 21, 28]);
    expect([s.lowInventoryLevel.shortWindowDays, s.lowInventoryLevel.longWindowDays, s.lowInventoryLevel.refreshEveryDays]).toEqual([30, 90, 7]);
    expect(s.lowInventoryLevel.rows.map((r) => [r.tier, r.overWeightOz, r.upToWeightOz, r.perUnitMinor])).toEqual([
      ['small-standard', 0, null, [89, 63, 32]], // small standard $0.89 / $0.63 / $0.32
      ['large-standard', 0, 48, [97, 70, 36]], // large standard up to 3 lb $0.97 / $0.70 / $0.36
      ['large-standard', 48, 320, [111, 87, 47]], // large standard 3-20 lb $1.11 / $0.87 / $0.47
    ]);
    // fewer than 20 units in 7 days; new sellers 365 days; New Selection 180 days; AWD 70% over 90 days
    expect(s.lowInventoryLevel.exemptions).toEqual({
      minUnitsShippedRecently: 20,
      recentSalesDays: 7,
      newSellerDays: 365,
      newSelectionDays: 180,
      awdAutoReplenishedMinPct: 70,
      awdWindowDays: 90,
    });
  });

  it('monthly storage: standard $0.78 Jan-Sep and $2.40 Oct-Dec; large bulky / extra-large $0.56 and $1.40', () => {
    if (s.storage === 'unknown') throw new Error('expected rates');
    for (const month of [1, 9]) expect(storageRatePerCubicFoot(s.storage, 'small-standard', month)).toBe(78);
    for (const month of [10, 12]) expect(storageRatePerCubicFoot(s.storage, 'large-standard', month)).toBe(240);
    expect(storageRatePerCubicFoot(s.storage, 'large-bulky', 9)).toBe(56);
    expect(storageRatePerCubicFoot(s.storage, 'extra-large', 10)).toBe(140);
  });

  it('aged-inventory surcharge tiers from 15 April 2023, snapshot on the 15th', () => {
    if (s.agedSurcharge === 'unknown') throw new Error('expected rates');
    expect(s.agedSurcharge.snapshotDayOfMonth).toBe(15);
    expect(s.agedSurcharge.tiers.map((t) => [t.minDays, t.maxDays, t.perCubicFootMinor, t.minPerUnitMinor, t.exemptCategories.length])).toEqual([
      [181, 210, 50, 0, 5],
      [211, 240, 100, 0, 5],
      [241, 270, 150, 0, 5],
      [271, 300, 380, 0, 0],
      [301, 330, 400, 0, 0],
      [331, 365, 420, 0, 0],
      [366, null, 690, 15, 0],
    ]);
    expect(fbaOn('2023-04-15').agedSurcharge).toBe(s.agedSurcharge); // one declaration for both schedules
  });
});

describe('scheduleOn', () => {
  it('takes the one in force by date', () => {
    expect(fbaOn('2024-03-31').effective).toBe('2023-04-15');
    expect(fbaOn('2024-03-31').lowInventoryLevel).toBe('not-charged'); // the fee began on 1 April 2024
    expect(fbaOn('2024-03-31').storage).toBe('unknown');
    expect(fbaOn('2024-04-01').effective).toBe('2024-04-01');
    expect(fbaOn('2026-01-15').effective).toBe('2024-04-01');
  });

  it('answers null when no schedule is known, and refuses a malformed day', () => {
    expect(scheduleOn('amazon.com', 'fba', '2023-04-14')).toBeNull();
    expect(scheduleOn('amazon.de', 'fba', '2025-01-01')).toBeNull();
    expect(scheduleOn('walmart.com', 'wfs', '2024-12-31')).toBeNull();
    expect(scheduleOn('walmart.ca', 'wfs', '2026-01-01')).toBeNull();
    expect(() => scheduleOn('amazon.com', 'fba', '2024-02-30')).toThrow(/not an ISO date/);
  });

  it('the latest schedule is the one in force on any later day (settings defaults come from it)', () => {
    expect(latestSchedule('amazon.com', 'fba')?.effective).toBe('2024-04-01');
    expect(latestSchedule('amazon.com', 'fba')).toBe(scheduleOn('amazon.com', 'fba', '2099-01-01'));
    expect(latestSchedule('walmart.com', 'wfs')).toBe(scheduleOn('walmart.com', 'wfs', '2099-01-01'));
    expect(latestSchedule('walmart.ca', 'wfs')).toBeNull();
  });

  it('every known schedule has a source and a real effective day', () => {
    for (const s of FEE_SCHEDULES) {
      expect(s.source.length).toBeGreaterThan(10);
      expect(scheduleOn(s.marketplace, s.channel, s.effective)).toBe(s);
    }
  });

  it('property: the schedule chosen for a day is the latest effective on or before it', () => {
    const day = fc.integer({ min: 18_000, max: 22_000 });
    const schedule = fc.record({ marketplace: fc.constantFrom('amazon.com', 'amazon.de'), channel: fc.constantFrom('fba' as const, 'wfs' as const), day });
    fc.assert(
      fc.property(fc.array(schedule, { maxLength: 12 }), day, (rows, target) => {
        const schedules: FeeSchedule[] = rows.map((r) => ({
          ...fbaOn('2024-04-01'),
          marketplace: r.marketplace,
          channel: r.channel,
          effective: isoDate(r.day),
        }));
        const chosen = scheduleOn('amazon.com', 'fba', isoDate(target), schedules);
        const candidates = rows.filter((r) => r.marketplace === 'amazon.com' && r.channel === 'fba' && r.day <= target);
        if (candidates.length === 0) expect(chosen).toBeNull();
        else
          expect([chosen?.marketplace, chosen?.channel, chosen?.effective]).toEqual(['amazon.com', 'fba', isoDate(Math.max(...candidates.map((r) => r.day)))]);
      }),
    );
  });
});

describe('scheduleChangeAfter', () => {
  it('is the day the next schedule takes over, Infinity after the last one', () => {
    expect(scheduleChangeAfter('amazon.com', 'fba', '2024-01-01')).toBe(dayNumber('2024-04-01'));
    expect(scheduleChangeAfter('amazon.com', 'fba', '2024-04-01')).toBe(Number.POSITIVE_INFINITY);
  });

  it('property: every day before it has the schedule of the first day (one lookup prices them all)', () => {
    const day = fc.integer({ min: 18_000, max: 22_000 });
    const schedule = fc.record({ marketplace: fc.constantFrom('amazon.com', 'amazon.de'), channel: fc.constantFrom('fba' as const, 'wfs' as const), day });
    fc.assert(
      fc.property(fc.array(schedule, { maxLength: 12 }), day, fc.integer({ min: 0, max: 400 }), (rows, first, ahead) => {
        const schedules: FeeSchedule[] = rows.map((r) => ({
          ...fbaOn('2024-04-01'),
          marketplace: r.marketplace,
          channel: r.channel,
          effective: isoDate(r.day),
        }));
        const until = scheduleChangeAfter('amazon.com', 'fba', isoDate(first), schedules);
        const later = first + ahead;
        const same = scheduleOn('amazon.com', 'fba', isoDate(later), schedules) === scheduleOn('amazon.com', 'fba', isoDate(first), schedules);
        if (later < until) expect(same).toBe(true);
        else expect(rows.some((r) => r.marketplace === 'amazon.com' && r.channel === 'fba' && r.day === until)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});

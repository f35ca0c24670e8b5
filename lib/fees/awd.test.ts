import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../planning/days';
import { AWD_SCHEDULES, awdMoveCharges, awdScheduleOn, awdStorageOver, type AwdSchedule } from './index';

/** The amazon.com AWD schedule on `day`; throws when none is known (a test expects one). */
function awdOn(day: string): AwdSchedule {
  const s = awdScheduleOn('amazon.com', day);
  if (!s) throw new Error(`no amazon.com AWD schedule on ${day}`);
  return s;
}

/** `units` held every day of `days` days from `first`. */
function held(first: string, days: number, units: number) {
  return Array.from({ length: days }, (_, i) => ({ date: isoDate(dayNumber(first) + i), onHand: units }));
}

describe('AWD fees as dated data (fees.md: from April 2025)', () => {
  it('is in force from April 2025 on amazon.com only, the latest schedule winning', () => {
    expect(awdScheduleOn('amazon.com', '2025-03-31')).toBeNull();
    expect(awdOn('2025-04-01').effective).toBe('2025-04-01');
    expect(awdScheduleOn('amazon.de', '2026-01-01')).toBeNull();
    const later: AwdSchedule = { ...AWD_SCHEDULES[0]!, effective: '2026-04-01', storagePerCubicFootMinor: { standard: 50, 'auto-replenishment': 45 } };
    expect(awdScheduleOn('amazon.com', '2026-05-01', [...AWD_SCHEDULES, later])?.storagePerCubicFootMinor.standard).toBe(50);
    expect(awdScheduleOn('amazon.com', '2026-03-31', [...AWD_SCHEDULES, later])?.storagePerCubicFootMinor.standard).toBe(48);
  });

  it('charges storage per cubic foot per month: $0.48, or $0.43 on auto-replenishment, the same in Q4', () => {
    const awd = awdOn('2025-06-01');
    expect(awdStorageOver(awd, 'standard', 1, held('2025-06-01', 30, 100))).toEqual({ amountMinor: 4800, currency: 'USD' });
    expect(awdStorageOver(awd, 'auto-replenishment', 1, held('2025-06-01', 30, 100))).toEqual({ amountMinor: 4300, currency: 'USD' });
    expect(awdStorageOver(awd, 'standard', 0.5, held('2025-11-01', 30, 100))).toEqual({ amountMinor: 2400, currency: 'USD' });
    // half of July held: 16 of 31 days
    expect(awdStorageOver(awd, 'standard', 1, held('2025-07-01', 16, 31))).toEqual({ amountMinor: 16 * 48, currency: 'USD' });
  });

  it('keeps the rate whose condition fees.md does not give out of every charge', () => {
    const awd = awdOn('2025-06-01');
    expect(awd.storageUnexplainedPerCubicFootMinor).toEqual([38]);
    expect(Object.values(awd.storagePerCubicFootMinor)).not.toContain(38);
  });

  it('charges $1.35 per box in and per box out, and $1.15 per cubic foot transported', () => {
    expect(awdMoveCharges(awdOn('2025-06-01'), { boxesIn: 10, boxesOut: 4, cubicFeetMoved: 20 })).toEqual({
      processing: { amountMinor: 14 * 135, currency: 'USD' },
      transport: { amountMinor: 2300, currency: 'USD' },
      total: { amountMinor: 14 * 135 + 2300, currency: 'USD' },
    });
    expect(() => awdMoveCharges(awdOn('2025-06-01'), { boxesIn: 1.5, boxesOut: 0, cubicFeetMoved: 0 })).toThrow(/boxes/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../planning/days';
import { storageFeeOnDays, storageFeeOver } from './index';
import { fbaOn } from './test-fees';

const FBA = fbaOn('2024-06-01');

/** `units` held every day of the month starting `first`. */
function month(first: string, days: number, units: number) {
  return Array.from({ length: days }, (_, i) => ({ date: isoDate(dayNumber(first) + i), onHand: units }));
}

describe('monthly storage fee (fees.md: standard $0.78 per cubic foot Jan-Sep, $2.40 Oct-Dec)', () => {
  it('a whole month held costs the month rate x volume', () => {
    expect(storageFeeOver(FBA, 'large-standard', 1, month('2024-09-01', 30, 10))).toEqual({ amountMinor: 780, currency: 'USD' });
    expect(storageFeeOver(FBA, 'large-standard', 1, month('2024-11-01', 30, 10))).toEqual({ amountMinor: 2400, currency: 'USD' });
    expect(storageFeeOver(FBA, 'large-bulky', 1, month('2024-11-01', 30, 10))).toEqual({ amountMinor: 1400, currency: 'USD' });
  });

  it('charges the daily average: half a month held is half the fee; February has 29 days in 2024', () => {
    expect(storageFeeOver(FBA, 'small-standard', 0.5, month('2024-07-01', 15, 20))).toEqual({
      amountMinor: Math.round((15 * 20 * 0.5 * 78) / 31),
      currency: 'USD',
    });
    expect(storageFeeOver(fbaOn('2025-02-01'), 'small-standard', 1, month('2025-02-01', 28, 29))).toEqual({ amountMinor: 29 * 78, currency: 'USD' });
  });

  it('is unknown when the schedule does not know storage (before April 2024)', () => {
    expect(storageFeeOver(fbaOn('2023-06-01'), 'large-standard', 1, month('2023-06-01', 3, 1))).toBe('unknown');
  });
});

describe('storage on consecutive days (the rate and month length looked up once a month)', () => {
  it('property: the same amount as the dated days, to the minor unit, across month and peak boundaries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2024-04-01'), max: dayNumber('2026-12-31') }),
        fc.array(fc.integer({ min: -3, max: 500 }), { maxLength: 120 }),
        fc.constantFrom('small-standard' as const, 'large-standard' as const, 'large-bulky' as const),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (firstDay, onHand, tier, cubicFeet) => {
          const schedule = fbaOn(isoDate(firstDay));
          const dated = onHand.map((units, i) => ({ date: isoDate(firstDay + i), onHand: units }));
          expect(storageFeeOnDays(schedule, tier, cubicFeet, { firstDay, onHand })).toEqual(storageFeeOver(schedule, tier, cubicFeet, dated));
        },
      ),
      { numRuns: 60 },
    );
  });
});

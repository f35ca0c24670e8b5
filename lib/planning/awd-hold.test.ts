import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/schema';
import { awdHoldDays, awdHoldOption, awdOptionOfClaim, MAX_AWD_HOLD_DAYS, type OverflowHold } from './awd-hold';

const AWD_ON = { enabled: true, legDays: 20 };

/** 300 units of half a cubic foot held from June 1st 2026, FBA freeing room for 10 a day, 30 to a box. */
const JUNE: OverflowHold = { marketplace: 'amazon.com', date: '2026-06-01', holdUnits: 300, unitCubicFeet: 0.5, dailyUnits: 10, casePack: 30 };

describe('holding a capacity overflow in AWD', () => {
  it('prices it with the published amazon.com AWD fees: $0.48 per cubic foot per month, $1.35 a box in and out, $1.15 per cubic foot moved', () => {
    // 30 days until FBA has room; 300, 290, ... 10 units waiting: 4,650 unit-days x 0.5 cu ft x 48¢ / 30 days of June = 3,720¢.
    // 10 boxes in and 10 out x 135¢ = 2,700¢; 150 cu ft x 115¢ = 17,250¢.
    expect(awdHoldOption(JUNE, AWD_ON)).toEqual({
      kind: 'priced',
      legDays: 20,
      holdDays: 30,
      boxes: 10,
      unitsPerBox: 30,
      storageMinor: 3720,
      handlingMinor: 19_950,
      amountMinor: 23_670,
      currency: 'USD',
    });
    // One day held: 100 units x 1 cu ft x 48¢ / 30; one unit a box.
    const oneDay = awdHoldOption({ ...JUNE, holdUnits: 100, unitCubicFeet: 1, dailyUnits: 1000, casePack: 1 }, AWD_ON);
    expect(oneDay).toMatchObject({ holdDays: 1, storageMinor: 160, boxes: 100, handlingMinor: 200 * 135 + 100 * 115 });
  });

  it('keeps the seller’s AWD-to-FBA days with the price', () => {
    expect(awdHoldOption(JUNE, { enabled: true, legDays: 35 })?.legDays).toBe(35);
  });

  it('says the cost is unknown when the SKU has no unit volume, never 0', () => {
    expect(awdHoldOption({ ...JUNE, unitCubicFeet: null }, AWD_ON)).toEqual({ kind: 'volume-unknown', legDays: 20 });
  });

  it('says the fees are unknown where no AWD schedule is in force (another marketplace, before April 2025)', () => {
    expect(awdHoldOption({ ...JUNE, marketplace: 'amazon.de' }, AWD_ON)).toEqual({ kind: 'fee-unknown', legDays: 20 });
    expect(awdHoldOption({ ...JUNE, date: '2025-03-31' }, AWD_ON)).toEqual({ kind: 'fee-unknown', legDays: 20 });
  });

  it('offers nothing when the seller does not use AWD there, or nothing is held', () => {
    expect(awdHoldOption(JUNE, undefined)).toBeNull();
    expect(awdHoldOption(JUNE, { enabled: false, legDays: 20 })).toBeNull();
    expect(awdHoldOption({ ...JUNE, holdUnits: 0 }, AWD_ON)).toBeNull();
  });

  it('waits until FBA has sold room for every held unit, a year at most', () => {
    expect(awdHoldDays(300, 10)).toBe(30);
    expect(awdHoldDays(301, 10)).toBe(31);
    expect(awdHoldDays(300, 0)).toBe(MAX_AWD_HOLD_DAYS);
    expect(awdHoldDays(300, 0.1)).toBe(MAX_AWD_HOLD_DAYS);
    expect(awdHoldOption({ ...JUNE, dailyUnits: 0 }, AWD_ON)).toMatchObject({ holdDays: MAX_AWD_HOLD_DAYS });
  });

  it('never costs less for more overflow', () => {
    const hold = fc.record({
      date: fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2025, 3, 1) + d * 86_400_000).toISOString().slice(0, 10)),
      unitCubicFeet: fc.double({ min: 0.001, max: 20, noNaN: true }),
      dailyUnits: fc.double({ min: 0, max: 500, noNaN: true }),
      casePack: fc.integer({ min: 1, max: 200 }),
    });
    fc.assert(
      fc.property(hold, fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (h, units, more) => {
        const price = (holdUnits: number) => awdHoldOption({ marketplace: 'amazon.com', holdUnits, ...h }, AWD_ON);
        const less = price(units);
        const most = price(units + more);
        if (less?.kind !== 'priced' || most?.kind !== 'priced') return false;
        return most.amountMinor >= less.amountMinor && most.storageMinor >= less.storageMinor && most.holdDays >= less.holdDays;
      }),
      { numRuns: 300 },
    );
  });
});

describe('the AWD option of a stock’s capacity claim', () => {
  const settings = defaultSettings();
  settings.fbaFees.awdByMarketplace = { 'amazon.com': AWD_ON };
  const claim = { marketplace: 'amazon.com', unitCubicFeet: 0.5, hold: { volumeKnown: true, dailyUnits: 10, casePack: 30 } };

  it('prices the cut shipment from the claim, and only with the SKU’s own volume', () => {
    expect(awdOptionOfClaim(claim, { holdUnits: 300, date: '2026-06-01' }, settings)).toEqual(awdHoldOption(JUNE, AWD_ON));
    // The seller's default volume counts for capacity but never prices AWD.
    expect(awdOptionOfClaim({ ...claim, hold: { ...claim.hold, volumeKnown: false } }, { holdUnits: 300, date: '2026-06-01' }, settings)).toEqual({
      kind: 'volume-unknown',
      legDays: 20,
    });
  });

  it('offers nothing for a claim cached before the hold inputs, or a marketplace without AWD', () => {
    expect(awdOptionOfClaim({ marketplace: 'amazon.com', unitCubicFeet: 0.5 }, { holdUnits: 300, date: '2026-06-01' }, settings)).toBeNull();
    expect(awdOptionOfClaim({ ...claim, marketplace: 'amazon.ca' }, { holdUnits: 300, date: '2026-06-01' }, settings)).toBeNull();
  });
});

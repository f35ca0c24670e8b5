import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../planning/days';
import { lowInventoryExemption, type LowInventoryInputs } from './low-inventory';
import {
  dailySeries,
  expectedLowInventoryFee,
  expectedLowInventoryFeesThrough,
  lowInventoryFeePerUnit,
  type DailyInventory,
  type ItemSize,
  type SupplyFigure,
} from './index';
import { fbaOn } from './test-fees';

const FBA = fbaOn('2024-06-01');
const SMALL: ItemSize = { tier: 'small-standard', shippingWeightOz: 8 };
const days = (d: number): SupplyFigure => ({ kind: 'days', days: d });

/** Inputs for a unit shipped on 2024-06-03 that no exemption covers. */
function inputs(over: Partial<LowInventoryInputs> = {}): LowInventoryInputs {
  return { day: '2024-06-03', size: SMALL, short: days(10), long: days(10), unitsShippedRecently: 70, exempt: {}, ...over };
}

/** The per-unit fee in cents, or the reason there is none. */
function fee(over: Partial<LowInventoryInputs> = {}): number | string {
  const f = lowInventoryFeePerUnit(FBA, inputs(over));
  return f.kind === 'charged' ? f.perUnit.amountMinor : `${f.kind}:${f.reason}`;
}

describe('low-inventory-level fee per unit (fees.md 2024 rates)', () => {
  it('charges each published rate in its band: small standard $0.89 / $0.63 / $0.32', () => {
    expect(fee({ short: days(5), long: days(13.9) })).toBe(89);
    expect(fee({ short: days(14), long: days(3) })).toBe(63); // 14 starts the 14-21 band
    expect(fee({ short: days(20.9), long: days(20) })).toBe(63);
    expect(fee({ short: days(21), long: days(27.9) })).toBe(32);
    expect(lowInventoryFeePerUnit(FBA, inputs())).toEqual({ kind: 'charged', perUnit: { amountMinor: 89, currency: 'USD' }, band: 0 });
  });

  it('large standard up to 3 lb $0.97 / $0.70 / $0.36, 3-20 lb $1.11 / $0.87 / $0.47', () => {
    const upTo3lb = (w: number) => ({ tier: 'large-standard' as const, shippingWeightOz: w });
    expect([10, 15, 25].map((d) => fee({ size: upTo3lb(48), short: days(d), long: days(d) }))).toEqual([97, 70, 36]);
    expect([10, 15, 25].map((d) => fee({ size: upTo3lb(48.5), short: days(d), long: days(d) }))).toEqual([111, 87, 47]);
    expect(fee({ size: upTo3lb(320) })).toBe(111);
    expect(fee({ size: upTo3lb(321) })).toBe('unknown:weight-outside-rates'); // not a large standard weight: no guess
  });

  it('is charged only when both windows are below 28 days; the band follows the greater', () => {
    expect(fee({ short: days(28), long: days(5) })).toBe('not-charged:supply-at-threshold');
    expect(fee({ short: days(5), long: days(28) })).toBe('not-charged:supply-at-threshold');
    expect(fee({ short: days(27.99), long: days(27.99) })).toBe(32);
    expect(fee({ short: days(3), long: days(22) })).toBe(32); // greater of 3 and 22 is in 21-28
    expect(fee({ short: { kind: 'no-sales' }, long: days(5) })).toBe('not-charged:no-sales');
  });

  it('unknown only when the answer depends on what is unknown', () => {
    expect(fee({ short: { kind: 'unknown' }, long: days(5) })).toBe('unknown:supply-unknown');
    expect(fee({ short: { kind: 'unknown' }, long: days(40) })).toBe('not-charged:supply-at-threshold');
    expect(fee({ unitsShippedRecently: null })).toBe('unknown:recent-sales-unknown');
    expect(fee({ unitsShippedRecently: null, exempt: { newSelectionSince: '2024-06-01' } })).toBe('not-charged:new-selection');
  });

  it('exemptions: fewer than 20 units in 7 days, new sellers 365 days, New Selection 180 days, AWD 70%', () => {
    expect(fee({ unitsShippedRecently: 19 })).toBe('not-charged:few-recent-sales');
    expect(fee({ unitsShippedRecently: 20 })).toBe(89);
    expect(fee({ exempt: { sellerFirstReceipt: isoDate(dayNumber('2024-06-03') - 364) } })).toBe('not-charged:new-seller');
    expect(fee({ exempt: { sellerFirstReceipt: isoDate(dayNumber('2024-06-03') - 365) } })).toBe(89);
    expect(fee({ exempt: { newSelectionSince: isoDate(dayNumber('2024-06-03') - 179) } })).toBe('not-charged:new-selection');
    expect(fee({ exempt: { newSelectionSince: isoDate(dayNumber('2024-06-03') - 180) } })).toBe(89);
    expect(fee({ exempt: { newSelectionSince: '2024-06-04' } })).toBe(89); // not enrolled yet
    expect(fee({ exempt: { awdAutoReplenishedPct: 70 } })).toBe('not-charged:awd-auto-replenished');
    expect(fee({ exempt: { awdAutoReplenishedPct: 69.9 } })).toBe(89);
    if (typeof FBA.lowInventoryLevel === 'string') throw new Error('expected rates');
    expect(lowInventoryExemption(FBA.lowInventoryLevel, {}, '2024-06-03')).toBeNull();
  });

  it('sizes without a rate and days before the fee began are not charged', () => {
    expect(fee({ size: { tier: 'large-bulky', shippingWeightOz: 800 } })).toBe('not-charged:size-not-charged');
    expect(lowInventoryFeePerUnit(fbaOn('2024-03-31'), inputs({ day: '2024-03-31' }))).toEqual({ kind: 'not-charged', reason: 'no-fee' });
  });

  it('property: a higher supply figure on either window never raises the fee', () => {
    const figure = fc.oneof(
      fc.double({ min: 0, max: 35, noNaN: true }).map(days),
      fc.constant<SupplyFigure>({ kind: 'no-sales' }),
      fc.constant<SupplyFigure>({ kind: 'unknown' }),
    );
    fc.assert(
      fc.property(figure, figure, fc.double({ min: 0, max: 15, noNaN: true }), fc.double({ min: 0, max: 15, noNaN: true }), (short, long, ds, dl) => {
        const up = (f: SupplyFigure, d: number): SupplyFigure => (f.kind === 'days' ? days(f.days + d) : f);
        const before = lowInventoryFeePerUnit(FBA, inputs({ short, long }));
        const after = lowInventoryFeePerUnit(FBA, inputs({ short: up(short, ds), long: up(long, dl) }));
        if (after.kind === 'charged') {
          expect(before.kind).toBe('charged');
          expect(after.perUnit.amountMinor).toBeLessThanOrEqual(before.kind === 'charged' ? before.perUnit.amountMinor : 0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** `length` days from 2024-03-03 (90 days before 2024-06-01), each from `f(i)`. */
function history(length: number, f: (i: number) => { onHand: number | null; shipped: number | null }): DailyInventory[] {
  const first = dayNumber('2024-06-01') - 90;
  return Array.from({ length }, (_, i) => ({ date: isoDate(first + i), ...f(i) }));
}

describe('expected low-inventory-level fee over a period', () => {
  const base = { marketplace: 'amazon.com', size: SMALL, exempt: {} };

  it('a lean stock pays on every unit: 50 on hand, 10 a day = 5 days of supply, $0.89 x 10 x 7', () => {
    const h = history(97, () => ({ onHand: 50, shipped: 10 }));
    expect(expectedLowInventoryFee({ ...base, history: h, from: '2024-06-01', to: '2024-06-07' })).toEqual({
      fee: { amountMinor: 7 * 10 * 89, currency: 'USD' },
      chargedUnits: 70,
      unknownDays: 0,
    });
  });

  it('a restock lowers the fee only from the next weekly refresh', () => {
    // lean until 2024-06-01, then 2,000 on hand: the short window reaches 28 days at the refresh of 2024-06-08
    const h = history(104, (i) => ({ onHand: i < 90 ? 50 : 2000, shipped: 10 }));
    const r = expectedLowInventoryFee({ ...base, history: h, from: '2024-06-01', to: '2024-06-14' });
    expect(r.fee?.amountMinor).toBe(7 * 10 * 89); // the first week still pays at 5 days of supply
    expect(r.chargedUnits).toBe(70);
    // A caller that already indexed the history gets the same answer.
    expect(expectedLowInventoryFee({ ...base, history: dailySeries(h), from: '2024-06-01', to: '2024-06-14' })).toEqual(r);
  });

  it('counts days whose fee cannot be known instead of reading them as free', () => {
    const h = history(97, (i) => ({ onHand: 50, shipped: i === 93 ? null : 10 }));
    expect(expectedLowInventoryFee({ ...base, history: h, from: '2024-06-01', to: '2024-06-07' })).toEqual({
      fee: { amountMinor: 6 * 10 * 89, currency: 'USD' },
      chargedUnits: 60,
      unknownDays: 1,
    });
    const none = expectedLowInventoryFee({ ...base, schedules: [], history: h, from: '2024-06-01', to: '2024-06-02' });
    expect(none).toEqual({ fee: null, chargedUnits: 0, unknownDays: 2 });
  });

  it('several periods from one day in one pass: each is the fee through its own last day', () => {
    const h = history(104, (i) => ({ onHand: i < 90 ? 50 : 2000, shipped: i === 95 ? null : 10 }));
    const from = dayNumber('2024-06-01');
    const through = (to: number) => expectedLowInventoryFee({ ...base, history: h, from: '2024-06-01', to: isoDate(to) });
    const ends = [from - 3, from, from + 6, from + 6, from + 13];
    expect(expectedLowInventoryFeesThrough({ ...base, history: h, from: '2024-06-01' }, ends)).toEqual(ends.map(through));
    // A period ending before it starts has no day in it; so has one whose end is not a day.
    expect(through(from - 3)).toEqual({ fee: null, chargedUnits: 0, unknownDays: 0 });
    expect(expectedLowInventoryFee({ ...base, history: h, from: '2024-06-01', to: '2024-06-31' })).toEqual({ fee: null, chargedUnits: 0, unknownDays: 0 });
  });

  it('property: raising stock never raises the fee (units shipped unchanged)', () => {
    const day = fc.record({ onHand: fc.option(fc.nat(600), { freq: 8 }), shipped: fc.option(fc.nat(30), { freq: 8 }), extra: fc.nat(400) });
    fc.assert(
      fc.property(fc.array(day, { minLength: 100, maxLength: 130 }), (days) => {
        const run = (raise: boolean) =>
          expectedLowInventoryFee({
            ...base,
            history: history(days.length, (i) => {
              const d = days[i]!;
              return { onHand: d.onHand === null ? null : d.onHand + (raise ? d.extra : 0), shipped: d.shipped };
            }),
            from: '2024-06-01',
            to: isoDate(dayNumber('2024-06-01') + days.length - 91),
          });
        expect(run(true).fee?.amountMinor ?? 0).toBeLessThanOrEqual(run(false).fee?.amountMinor ?? 0);
      }),
      { numRuns: 200 },
    );
  });
});

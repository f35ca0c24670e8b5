import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/schema';
import { dayNumber, isoDate } from './days';
import { fbaFees } from './decisions/fba-fees';
import { situation, through, TODAY } from './decisions/test-situation';
import { fbaFactsOf, itemSizeOf, listingFbaFactsOf, pairsByDay, poolFbaFacts, unitCubicFeetOf, type FbaFacts } from './fees-facts';
import { listingAt, orderAt } from './fixtures';
import { onHandPairs } from './fees-history';
import { planFromObservations } from './plan';
import { skuPlanSchema } from './types';

describe('FBA facts of a pool', () => {
  it("takes every on-hand reading (available + reserved) and Amazon's newest historical days of supply, never the forward days of supply", () => {
    const facts = fbaFactsOf('fba:NA', [
      listingAt('2026-02-20', { source: 'amazon/fba-inventory', available: 100, reserved: 5, platformHistoricalDaysOfSupply: 31 }),
      listingAt('2026-02-27', { source: 'amazon/manage-inventory', available: 80 }),
      listingAt('2026-02-25', { source: 'amazon/fba-inventory', available: 90, platformDaysOfSupply: 70, platformHistoricalDaysOfSupply: 29.5 }),
      listingAt('2026-02-26', { source: 'amazon/fba-inventory', platformDaysOfSupply: 45 }),
      listingAt('2026-02-26', { source: 'amazon/restock', platformDaysOfSupply: 60 }),
      orderAt('2026-02-26', 3),
    ]);
    expect(facts).toEqual({
      marketplace: 'amazon.com',
      // Day and units, in day order (the readings came 20th, 27th, 25th).
      readings: Int32Array.of(dayNumber('2026-02-20'), 105, dayNumber('2026-02-25'), 90, dayNumber('2026-02-27'), 80),
      shown: { day: dayNumber('2026-02-25'), days: 29.5 },
    });
  });

  it('takes the newest unit volume a report showed; the seller entry for the SKU wins over it', () => {
    const facts = fbaFactsOf('fba:NA', [
      listingAt('2026-02-20', { source: 'report:amazon/fba-myi', available: 100, unitCubicFeet: 0.2 }),
      listingAt('2026-02-25', { source: 'report:amazon/fba-inventory-planning', available: 90, unitCubicFeet: 0.25 }),
      listingAt('2026-02-26', { source: 'amazon/fba-inventory', available: 85 }),
    ])!;
    expect(facts.unitCubicFeet).toBe(0.25);
    const settings = defaultSettings();
    const s = { input: { sku: 'MUG-1', fba: facts }, settings };
    expect(unitCubicFeetOf(s)).toBe(0.25);
    settings.storageFees.unitCubicFeetBySku['MUG-1'] = 0.4;
    expect(unitCubicFeetOf(s)).toBe(0.4);
    expect(unitCubicFeetOf({ input: { sku: 'MUG-1' }, settings: defaultSettings() })).toBeNull(); // unknown, never the default
  });

  it('takes the size tier and shipping weight the newest Fee Preview showed; the seller entry for the SKU wins over it', () => {
    const facts = fbaFactsOf('fba:NA', [
      listingAt('2026-02-20', { source: 'report:amazon/fee-preview', sizeTier: 'small-standard', shippingWeightOz: 4 }),
      listingAt('2026-02-25', { source: 'report:amazon/fee-preview', sizeTier: 'large-standard', shippingWeightOz: 64.46 }),
      // a tier without a weight gives no fee row: the older complete pair stays
      listingAt('2026-02-26', { source: 'report:amazon/fee-preview', sizeTier: 'large-bulky' }),
    ])!;
    expect(facts.size).toEqual({ tier: 'large-standard', shippingWeightOz: 64.46 });
    const settings = defaultSettings();
    const s = { input: { sku: 'MUG-1', fba: facts }, settings };
    expect(itemSizeOf(s)).toEqual({ tier: 'large-standard', shippingWeightOz: 64.46 });
    settings.fbaFees.sizeBySku['MUG-1'] = { tier: 'small-standard', shippingWeightOz: 10 };
    expect(itemSizeOf(s)).toEqual({ tier: 'small-standard', shippingWeightOz: 10 });
    expect(itemSizeOf({ input: { sku: 'MUG-1' }, settings: defaultSettings() })).toBeNull();
  });

  it("of a pool's listings joined from their parts equal the facts of their observations read one listing after another", () => {
    const us = [
      listingAt('2026-02-20', { available: 100, platformHistoricalDaysOfSupply: 31, unitCubicFeet: 0.2 }),
      listingAt('2026-02-25', { available: 90, sizeTier: 'small-standard', shippingWeightOz: 4 }),
    ];
    const ca = [
      listingAt('2026-02-25', { marketplace: 'amazon.ca', available: 40, platformHistoricalDaysOfSupply: 20, unitCubicFeet: 0.3 }),
      listingAt('2026-02-21', { marketplace: 'amazon.ca', available: 41, reserved: 2, sizeTier: 'large-standard', shippingWeightOz: 20 }),
      orderAt('2026-02-26', 3),
    ];
    const joined = poolFbaFacts('fba:NA', [listingFbaFactsOf(ca), listingFbaFactsOf(us)]);
    expect(joined).toEqual(fbaFactsOf('fba:NA', [...ca, ...us]));
    // Equally new readings of the same day: the first listing's figure counts, its readings come first.
    const pairs = [...(joined?.readings ?? [])];
    const onDay = pairs.flatMap((day, i) => (i % 2 === 0 && day === dayNumber('2026-02-25') ? [pairs[i + 1]] : []));
    expect(onDay).toEqual([40, 90]);
    expect(joined?.unitCubicFeet).toBe(0.3);
    expect(poolFbaFacts('own:main', [listingFbaFactsOf(us)])).toBeUndefined();
  });

  it('is undefined for a pool that is not FBA', () => {
    expect(fbaFactsOf('own:main', [listingAt('2026-02-20', { available: 3 })])).toBeUndefined();
    expect(fbaFactsOf('wfs:walmart.com', [])).toBeUndefined();
  });
});

describe('the planner reads them', () => {
  it('an FBA listing read weekly carries the fees at stake; a seller-fulfilled one does not', () => {
    const start = dayNumber('2025-12-01');
    const readings = Array.from({ length: 13 }, (_, w) =>
      listingAt(isoDate(start + 7 * w), {
        source: 'amazon/fba-inventory',
        fulfillment: 'FBA',
        available: w <= 5 ? 400 - 70 * w : 700 - 70 * (w - 6),
        unitsSold: [{ windowDays: 7, units: 70 }],
      }),
    );
    const own = [listingAt('2026-02-27', { sku: 'OWN-1', fulfillment: 'SELLER', available: 50, unitsSold: [{ windowDays: 30, units: 30 }] })];
    const plans = planFromObservations([...readings, ...own], defaultSettings(), new Date('2026-03-01T12:00:00Z'));
    const fba = plans.find((p) => p.sku === 'SKU-1')!;
    expect(fba.fees).toMatchObject({ currency: 'USD', scheduleEffective: '2024-04-01', floorDays: 35 });
    expect(fba.fees!.windows.map((w) => w.days)).toEqual([30, 90]);
    expect(typeof fba.fees!.historicalSupply.short).toBe('number');
    // no size tier or unit volume set: the amounts are unknown, never 0 unless nothing is charged
    expect(fba.fees!.windows.every((w) => w.storageMinor === null)).toBe(true);
    expect(skuPlanSchema.parse(fba).fees).toEqual(fba.fees);
    expect(plans.find((p) => p.sku === 'OWN-1')!.fees).toBeUndefined();
  });

  it("a Fee Preview's size tier and volume price the low-inventory fee where the seller entered none", () => {
    // A lean FBA pool (80 to 210 units, selling 10 a day): historical days of supply about 14, so the fee is charged.
    const readings = onHandPairs(Array.from({ length: 200 }, (_, i) => ({ day: TODAY - 199 + i, onHand: 210 - (i % 14) * 10 })));
    const lean: FbaFacts = { marketplace: 'amazon.com', readings, shown: null, unitCubicFeet: 0.01 };
    const at90 = (fba: FbaFacts) => through(fbaFees, situation({ available: 600, fba })).fees!.windows[1]!;
    expect(at90(lean)).toMatchObject({ lowInventoryMinor: null }); // charged units, no rate without a size
    expect(at90({ ...lean, size: { tier: 'small-standard', shippingWeightOz: 8 } }).lowInventoryMinor).toBeGreaterThan(0);
  });
});

describe('on-hand readings of a pool in day order (pairsByDay)', () => {
  it("gives one listing's readings already in day order back as they are, not a copy", () => {
    const own = Int32Array.of(3, 10, 3, 12, 5, 9);
    expect(pairsByDay([own])).toBe(own);
    expect([...pairsByDay([])]).toEqual([]);
  });

  it('sorts by day; readings of one day stay in list order, then in their order within a list', () => {
    const merged = pairsByDay([Int32Array.of(7, 1, 5, 2), Int32Array.of(5, 3, 2, 4, 7, 5)]);
    expect([...merged]).toEqual([2, 4, 5, 2, 5, 3, 7, 1, 7, 5]);
  });

  it('property: the same as sorting the readings as objects (a stable sort by day)', () => {
    const list = fc.array(fc.record({ day: fc.integer({ min: 0, max: 12 }), onHand: fc.integer({ min: 0, max: 500 }) }), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(list, { maxLength: 4 }), (lists) => {
        const expected = lists.flat().sort((a, b) => a.day - b.day);
        expect([...pairsByDay(lists.map(onHandPairs))]).toEqual([...onHandPairs(expected)]);
      }),
      { numRuns: 200 },
    );
  });
});

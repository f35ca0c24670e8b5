import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { implausibility, MAX_PLAUSIBLE_UNITS } from './plausible';
import type { ListingObservation, OrderObservation } from './records';

const TODAY = '2026-12-02';
const listing: ListingObservation = {
  kind: 'listing',
  platform: 'amazon',
  marketplace: 'amazon.com',
  source: 'amazon/fba-inventory',
  observedAt: '2026-12-02T10:00:00Z',
  observedDate: TODAY,
  sku: 'MUG-1',
  available: 120,
  inbound: 40,
  unitsSold: [{ windowDays: 30, units: 90 }],
  ageBuckets: [{ minDays: 0, maxDays: 90, units: 100 }],
  startDate: '2019-05-01',
};
const order: OrderObservation = {
  kind: 'order',
  platform: 'ebay',
  marketplace: 'ebay.com',
  source: 'ebay/orders',
  observedAt: '2026-12-02T10:00:00Z',
  observedDate: TODAY,
  orderId: '12-34',
  sku: 'MUG-1',
  quantity: 2,
  status: 'shipped',
  orderDate: '2026-11-30',
};

describe('implausibility', () => {
  it('accepts ordinary records', () => {
    expect(implausibility(listing, TODAY)).toBeNull();
    expect(implausibility(order, TODAY)).toBeNull();
  });

  it('names the field of a unit count no listing can have', () => {
    expect(implausibility({ ...listing, available: 60_000_000_000 }, TODAY)).toBe('available: 60000000000 units is more than 10000000');
    expect(implausibility({ ...listing, unitsSold: [{ windowDays: 7, units: 2e7 }] }, TODAY)).toMatch(/^unitsSold\.7d: /);
    expect(implausibility({ ...listing, ageBuckets: [{ minDays: 365, maxDays: null, units: 2e7 }] }, TODAY)).toMatch(/^ageBuckets\.365d: /);
    expect(implausibility({ ...order, quantity: MAX_PLAUSIBLE_UNITS + 1 }, TODAY)).toMatch(/^quantity: /);
    expect(implausibility({ ...order, quantity: MAX_PLAUSIBLE_UNITS }, TODAY)).toBeNull();
    for (const field of ['available', 'inbound', 'reserved', 'reservedCustomerOrders', 'unfulfillable', 'cumulativeSold', 'recommendedQuantity'] as const) {
      expect(implausibility({ ...listing, [field]: 2e7 }, TODAY)).toBe(`${field}: 20000000 units is more than 10000000`);
    }
  });

  it('refuses dates before the marketplaces existed, readings from the future and dates years after the reading', () => {
    expect(implausibility({ ...order, orderDate: '1987-03-01' }, TODAY)).toBe('orderDate: 1987-03-01 is before 1995-01-01');
    expect(implausibility({ ...listing, observedDate: '2031-01-01' }, TODAY)).toBe('observedDate: 2031-01-01 is after today (2026-12-02)');
    expect(implausibility({ ...listing, startDate: '2029-01-01' }, TODAY)).toBe('startDate: 2029-01-01 is more than a year after the reading (2026-12-02)');
    expect(implausibility({ ...listing, recommendedShipDate: '1990-01-01' }, TODAY)).toBe('recommendedShipDate: 1990-01-01 is before 1995-01-01');
    // A reading dated tomorrow (a marketplace east of the seller's clock) is fine.
    expect(implausibility({ ...listing, observedDate: '2026-12-03' }, TODAY)).toBeNull();
  });

  it('never refuses what lies inside the bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PLAUSIBLE_UNITS }), fc.integer({ min: 0, max: 365 }), (units, daysBack) => {
        const day = new Date(Date.UTC(2026, 11, 2 - daysBack)).toISOString().slice(0, 10);
        expect(implausibility({ ...listing, available: units, cumulativeSold: units, observedDate: day }, TODAY)).toBeNull();
        expect(implausibility({ ...order, quantity: units, orderDate: day }, TODAY)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});

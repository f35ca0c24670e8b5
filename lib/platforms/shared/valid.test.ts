import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoDateTimeSchema, listingObservationSchema, orderObservationSchema } from '../../records';
import { LISTING_REQUIRED, LISTING_RULES, ORDER_REQUIRED, ORDER_RULES, fastValidListing, fastValidOrder } from './valid';

/** Values near every rule's edges, of every type. */
const str = (n: number, ch = 'a') => ch.repeat(n);
const anyValue = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    '',
    'x',
    str(10, 'A'),
    str(20),
    str(21),
    str(40),
    str(41),
    str(60),
    str(61),
    str(80),
    str(81),
    str(200),
    str(201),
    str(500),
    str(501),
    str(2000),
    str(2001),
    'B000000001',
    'b000000001',
    'B00000000',
    '12345678',
    '1234567',
    '12345678901234',
    '123456789012345',
    'USD',
    'usd',
    'US',
    '2026-03-01',
    '2026-3-01',
    '2026-03-01T12:00:00.000Z',
    '2026-03-01T12:00:00+01:00',
    '2026-03-01 12:00',
    'listing',
    'order',
    'amazon',
    'ebay',
    'walmart',
    'etsy',
    'amazon.com',
    'FBA',
    'WFS',
    'SELLER',
    'fba',
    'active',
    'ended',
    'unknown',
    'shipped',
    'pending',
    'lost',
    0,
    -0,
    1,
    -1,
    0.5,
    1e6,
    1e6 + 0.5,
    1e9,
    1e9 + 1,
    1e12,
    -1e12,
    1e12 + 1,
    400,
    401,
    Number.MAX_SAFE_INTEGER,
    2 ** 53,
    NaN,
    Infinity,
    -Infinity,
    true,
    [],
    {},
    { amountMinor: 1, currency: 'USD' },
    { amountMinor: 0.5, currency: 'USD' },
    { amountMinor: 1e12 + 1, currency: 'USD' },
    { amountMinor: 1, currency: 'usd' },
    { amountMinor: 1, currency: 'USD', extra: 1 },
    [{ windowDays: 7, units: 3 }],
    [{ windowDays: 0, units: 3 }],
    [{ windowDays: 7, units: -1 }],
    Array.from({ length: 11 }, () => ({ windowDays: 7, units: 1 })),
    [{ minDays: 0, maxDays: 90, units: 1 }],
    [{ minDays: 365, maxDays: null, units: 1 }],
    [{ minDays: -1, maxDays: 90, units: 1 }],
    [{ minDays: 0, maxDays: undefined, units: 1 }],
    Array.from({ length: 21 }, () => ({ minDays: 0, maxDays: 1, units: 1 })),
  ),
  fc.string(),
  fc.double(),
  fc.integer(),
);

function records(rules: Record<string, unknown>, required: string[], base: Record<string, unknown>) {
  const keys = Object.keys(rules);
  return fc
    .tuple(fc.subarray(keys), fc.array(anyValue, { minLength: keys.length, maxLength: keys.length }), fc.subarray(keys), fc.boolean())
    .map(([changed, values, dropped, extra]) => {
      const r: Record<string, unknown> = { ...base };
      changed.forEach((k, i) => {
        r[k] = values[i];
      });
      for (const k of dropped) if (!required.includes(k) || Math.random() < 0.2) delete r[k];
      if (extra) r.somethingElse = 1;
      return r;
    });
}

const COMMON = { platform: 'amazon', marketplace: 'amazon.com', source: 'amazon/x', observedAt: '2026-03-01T12:00:00.000Z', observedDate: '2026-03-01' };
const LISTING = {
  kind: 'listing',
  ...COMMON,
  sku: 'A-1',
  asin: 'B000000001',
  fnsku: 'X001',
  itemId: '123',
  gtin: '12345678',
  title: 'Mug',
  status: 'active',
  fulfillment: 'FBA',
  parentSku: 'P',
  variation: 'Red',
  available: 1,
  inbound: 2,
  reserved: 3,
  reservedCustomerOrders: 1,
  unfulfillable: 0,
  price: { amountMinor: 999, currency: 'USD' },
  unitsSold: [{ windowDays: 7, units: 2 }],
  cumulativeSold: 5,
  platformDaysOfSupply: 12.5,
  platformHistoricalDaysOfSupply: 31,
  ageBuckets: [{ minDays: 0, maxDays: 90, units: 1 }],
  recommendedAction: 'None',
  recommendedQuantity: 4,
  recommendedShipDate: '2026-03-05',
  alert: 'Low',
  estimatedStorageCost: { amountMinor: 12, currency: 'USD' },
  watchers: 3,
  startDate: '2025-01-01',
};
const ORDER = {
  kind: 'order',
  ...COMMON,
  orderId: '111-1234567-1234567',
  sku: 'A-1',
  quantity: 1,
  status: 'shipped',
  orderDate: '2026-02-28',
  itemPrice: { amountMinor: 999, currency: 'USD' },
  fulfillment: 'SELLER',
};

describe('fast record checks agree with the schemas', () => {
  it('have a rule for every schema field, and no other', () => {
    expect(Object.keys(LISTING_RULES).sort()).toEqual(Object.keys(listingObservationSchema.shape).sort());
    expect(Object.keys(ORDER_RULES).sort()).toEqual(Object.keys(orderObservationSchema.shape).sort());
  });

  it('accept full valid records', () => {
    expect(listingObservationSchema.safeParse(LISTING).success).toBe(true);
    expect(fastValidListing(LISTING)).toBe(true);
    expect(orderObservationSchema.safeParse(ORDER).success).toBe(true);
    expect(fastValidOrder(ORDER)).toBe(true);
  });

  it('never accept a listing the schema rejects', () => {
    fc.assert(
      fc.property(records(LISTING_RULES, LISTING_REQUIRED, LISTING), (r) => {
        if (fastValidListing(r)) expect(listingObservationSchema.safeParse(r).success).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('never accept an order the schema rejects', () => {
    fc.assert(
      fc.property(records(ORDER_RULES, ORDER_REQUIRED, ORDER), (r) => {
        if (fastValidOrder(r)) expect(orderObservationSchema.safeParse(r).success).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('reject a bad observedAt even after a good one (memo is per value)', () => {
    expect(fastValidListing(LISTING)).toBe(true);
    expect(fastValidListing({ ...LISTING, observedAt: 'yesterday' })).toBe(false);
    expect(fastValidListing(LISTING)).toBe(true);
  });

  it('judge observedAt as the schema does, for toISOString-shaped strings too (the hand check)', () => {
    const d2 = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const shaped = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), d2, d2, d2, d2, d2, fc.integer({ min: 0, max: 999 }))
      .map(([y, mo, d, h, mi, s, ms]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}.${String(ms).padStart(3, '0')}Z`);
    const instants = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((t) => t.toISOString());
    fc.assert(
      fc.property(fc.oneof(shaped, instants), (v) => {
        expect(LISTING_RULES.observedAt!(v)).toBe(isoDateTimeSchema.safeParse(v).success);
      }),
      { numRuns: 2000 },
    );
    for (const v of [
      '2024-02-29T00:00:00.000Z',
      '2023-02-29T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-03-01T24:00:00.000Z',
    ])
      expect(LISTING_RULES.observedAt!(v)).toBe(isoDateTimeSchema.safeParse(v).success);
  });
});

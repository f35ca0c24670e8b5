import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listingObservationSchema, orderObservationSchema } from '../records';
import { createRowChecker, type SharedValues } from './row-check';

const CONTEXT = {
  platform: 'amazon',
  marketplace: 'amazon.com',
  source: 'report:amazon/orders',
  observedAt: '2026-12-02T12:00:00.000Z',
  observedDate: '2026-12-02',
};
const ORDER = {
  orderId: '111-0000000-0000001',
  sku: 'SKU-1',
  quantity: 2,
  status: 'shipped',
  orderDate: '2026-11-30',
  itemPrice: { amountMinor: 1299, currency: 'USD' },
};

/** Values a field may take: valid ones, and ones a schema refuses (wrong type, bad date, negative count). */
const FIELD_VALUES: Record<string, unknown[]> = {
  platform: ['amazon', 'ebay', 'etsy', 3],
  marketplace: ['amazon.com', 'amazon.de', '', undefined],
  source: ['report:amazon/orders', ''],
  observedAt: ['2026-12-02T12:00:00.000Z', '2026-12-01T08:00:00.000Z', '2026-12-02', 'yesterday'],
  observedDate: ['2026-12-02', '2026-12-01', '2 Dec 2026'],
  orderId: ['111-0000000-0000001', '111-0000000-0000002', ''],
  sku: ['SKU-1', 'SKU-2', '', 7],
  quantity: [1, 2, 0, -1, 1.5, '2'],
  status: ['shipped', 'pending', 'cancelled', 'lost'],
  orderDate: ['2026-11-30', '2026-11-01', '30/11/2026', undefined],
  itemPrice: [{ amountMinor: 1299, currency: 'USD' }, { amountMinor: 12.5, currency: 'USD' }, undefined],
  fulfillment: ['FBA', 'SELLER', 'DROP', undefined],
};
const FIELDS = Object.keys(FIELD_VALUES);

/** A row's fields, each the valid default or one of its listed values, split into shared and own. */
const rowArb = fc.record({
  changes: fc.dictionary(fc.constantFrom(...FIELDS), fc.nat(5), { maxKeys: 3 }),
  sharedFields: fc.subarray(['platform', 'marketplace', 'source', 'observedAt', 'observedDate', 'status', 'quantity']),
});

function rowOf(changes: Record<string, number>, sharedFields: string[]) {
  const whole: Record<string, unknown> = { ...CONTEXT, ...ORDER };
  for (const [field, pick] of Object.entries(changes)) {
    const values = FIELD_VALUES[field]!;
    whole[field] = values[pick % values.length];
  }
  const shared: Record<string, string | number | boolean> = {};
  const own: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(whole)) {
    const primitive = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    if (sharedFields.includes(field) && primitive) shared[field] = value;
    else if (value !== undefined) own[field] = value;
  }
  return { shared, own };
}

describe('createRowChecker', () => {
  it('accepts and refuses exactly what the whole-row schema does, over runs of rows sharing values', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(2), { minLength: 12, maxLength: 12 }), (rows, repeats) => {
        const checker = createRowChecker();
        let previous: SharedValues | undefined;
        rows.forEach(({ changes, sharedFields }, i) => {
          const { shared, own } = rowOf(changes, sharedFields);
          // Some rows pass the very object the row before did (the checker's fast path), when its values are the same.
          const same = previous && JSON.stringify(previous) === JSON.stringify(shared) && repeats[i]! > 0 ? previous : shared;
          for (let r = 0; r <= repeats[i]!; r++) {
            const expected = orderObservationSchema.safeParse({ ...own, ...shared, kind: 'order' });
            const got = checker.check('order', same, { ...own });
            expect(got.success).toBe(expected.success);
            if (got.success && expected.success) expect(got.data).toEqual(expected.data);
            const paths = (result: typeof got | typeof expected) => (result.success ? [] : result.error.issues.map((issue) => issue.path));
            expect(paths(got)).toEqual(paths(expected));
          }
          previous = same;
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses every row whose shared values are refused, not only the first', () => {
    const checker = createRowChecker();
    const shared = { ...CONTEXT, observedAt: 'yesterday' };
    for (let i = 0; i < 3; i++) expect(checker.check('order', shared, { ...ORDER }).success).toBe(false);
  });

  it('tells kinds apart: shared values checked for orders are checked again for listings', () => {
    const checker = createRowChecker();
    expect(checker.check('order', CONTEXT, { ...ORDER }).success).toBe(true);
    const listing = checker.check('listing', CONTEXT, { sku: 'SKU-1', available: 4 });
    expect(listing).toEqual(listingObservationSchema.safeParse({ ...CONTEXT, kind: 'listing', sku: 'SKU-1', available: 4 }));
    // A field only orders require: a listing without it is fine, an order without it is not.
    expect(checker.check('order', CONTEXT, { sku: 'SKU-1', quantity: 1, status: 'shipped', orderDate: '2026-11-30' }).success).toBe(false);
  });

  it('gives each row its own object, the shared values copied in', () => {
    const checker = createRowChecker();
    const first = checker.check('order', CONTEXT, { ...ORDER });
    const second = checker.check('order', CONTEXT, { ...ORDER, orderId: '111-0000000-0000002' });
    expect(first.success && second.success).toBe(true);
    if (!first.success || !second.success) return;
    expect(second.data).not.toBe(first.data);
    expect(second.data).toMatchObject({ ...CONTEXT, kind: 'order', orderId: '111-0000000-0000002' });
  });
});

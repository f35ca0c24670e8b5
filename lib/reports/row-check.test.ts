import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listingObservationSchema, orderObservationSchema } from '../records';
import { createRowChecker, rowOfColumns, type SharedValues } from './row-check';

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

/**
 * Column values a block's rows may hold: valid and refused ones, and the ones a by-value
 * shortcut could confuse (0 and -0, a string that reads like a record's JSON, equal records
 * with their keys in another order, a record with an extra key, null against none).
 */
const COLUMN_VALUES: Record<string, unknown[]> = {
  orderId: ['111-0000000-0000001', '111-0000000-0000002', '', null, '{"amountMinor":1,"currency":"USD"}'],
  sku: ['SKU-1', 'SKU-2', 7, null],
  quantity: [1, 2, 0, -0, -1, 1.5, '2', null, NaN],
  status: ['shipped', 'pending', 'lost'],
  orderDate: ['2026-11-30', '2026-11-01', '30/11/2026', null],
  itemPrice: [
    { amountMinor: 1299, currency: 'USD' },
    { currency: 'USD', amountMinor: 1299 },
    { amountMinor: -0, currency: 'USD' },
    { amountMinor: 0, currency: 'USD' },
    { amountMinor: 1299, currency: 'USD', note: 'x' },
    { amountMinor: 12.5, currency: 'USD' },
    [1299, 'USD'],
    '{"amountMinor":1299,"currency":"USD"}',
    null,
  ],
  fulfillment: ['FBA', 'SELLER', 'DROP', null],
  marketplace: ['amazon.com', '', null],
};

/** A block: for each row, one pick per column (mostly the first, valid, value). */
const blockArb = fc.record({
  picks: fc.array(fc.dictionary(fc.constantFrom(...Object.keys(COLUMN_VALUES)), fc.nat(11), { maxKeys: 1 }), { minLength: 1, maxLength: 8 }),
  // Every required field but the marketplace has its column (else no block would be accepted); the others may.
  columns: fc.subarray(['itemPrice', 'fulfillment', 'marketplace']).map((optional) => ['orderId', 'sku', 'quantity', 'status', 'orderDate', ...optional]),
  sharedMarketplace: fc.boolean(),
});

function blockOf({ picks, columns, sharedMarketplace }: { picks: Record<string, number>[]; columns: string[]; sharedMarketplace: boolean }) {
  const shared: SharedValues = sharedMarketplace ? CONTEXT : { ...CONTEXT, marketplace: undefined as unknown as string };
  if (!sharedMarketplace) delete (shared as Record<string, unknown>).marketplace;
  const byColumn: Record<string, unknown[]> = {};
  for (const field of columns) {
    const values = COLUMN_VALUES[field]!;
    byColumn[field] = picks.map((pick) => values[(pick[field] ?? 0) % values.length]);
  }
  return { shared, columns: byColumn, n: picks.length };
}

describe('checking a block of rows by column', () => {
  it('gives what checking each row gives when every row is accepted, and nothing when one is refused (checkColumns, checkRows)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(blockArb, (arb) => {
        const { shared, columns, n } = blockOf(arb);
        const rows = Array.from({ length: n }, (_, i) => rowOfColumns(columns, i));
        const eachRow = rows.map((own) => createRowChecker().check('order', shared, own));
        const expected = eachRow.every((r) => r.success) ? eachRow.map((r) => (r.success ? r.data : undefined)) : undefined;
        const byColumn = createRowChecker().checkColumns('order', shared, columns, n);
        expect(byColumn).toEqual(expected);
        // Object.is on each value: toEqual takes -0 for 0.
        if (byColumn && expected)
          byColumn.forEach((row, i) =>
            Object.entries(row).forEach(([k, v]) =>
              expect(Object.is(v, (expected[i] as Record<string, unknown>)[k])).toBe(typeof v !== 'object' || v === null),
            ),
          );
        expect(createRowChecker().checkRows('order', shared, rows)).toEqual(expected);
        if (expected) accepted++;
      }),
      { numRuns: 400 },
    );
    // Both outcomes are exercised.
    expect(accepted).toBeGreaterThan(40);
    expect(accepted).toBeLessThan(360);
  });

  it('keeps null apart from none in rows given whole (checkRows): a null the schema refuses is refused', () => {
    const checker = createRowChecker();
    expect(checker.checkRows('order', CONTEXT, [{ ...ORDER, fulfillment: null }])).toBeUndefined();
    expect(
      checker.checkColumns('order', CONTEXT, { ...Object.fromEntries(Object.entries(ORDER).map(([k, v]) => [k, [v]])), fulfillment: [null] }, 1),
    ).toHaveLength(1);
  });

  it('keeps -0 apart from 0, as a value and in a record (a Map and JSON take one for the other)', () => {
    const rows = [0, -0, 0].map((zero) => ({ ...ORDER, quantity: zero, itemPrice: { amountMinor: zero, currency: 'USD' } }));
    const checked = createRowChecker().checkRows('order', CONTEXT, rows) as Record<string, unknown>[];
    expect(checked.map((row) => Object.is(row.quantity, -0))).toEqual([false, true, false]);
    expect(checked.map((row) => Object.is((row.itemPrice as { amountMinor: number }).amountMinor, -0))).toEqual([false, true, false]);
  });

  it('gives each row its own record, equal records checked once', () => {
    const rows = createRowChecker().checkRows('order', CONTEXT, [{ ...ORDER }, { ...ORDER, orderId: '111-0000000-0000002' }]);
    expect(rows).toHaveLength(2);
    const [first, second] = rows as unknown as [Record<string, unknown>, Record<string, unknown>];
    expect(first.itemPrice).toEqual(second.itemPrice);
    expect(first.itemPrice).not.toBe(second.itemPrice);
    expect(first).not.toBe(second);
  });
});

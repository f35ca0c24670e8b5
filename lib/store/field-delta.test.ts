import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFieldDelta, deltasOf, fieldDelta, forEachRowOfDeltas } from './field-delta';

/** Copies of the rows forEachRowOfDeltas visits. */
function rowsOfDeltas(deltas: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  forEachRowOfDeltas(deltas, (row) => rows.push({ ...row }));
  return rows;
}

describe('field deltas', () => {
  it('keep what changed, and name what went', () => {
    expect(fieldDelta({ available: 3, inbound: 2, price: { amountMinor: 1 } }, { available: 5, price: { amountMinor: 1 } })).toEqual({
      available: 5,
      '~': ['inbound'],
    });
    expect(fieldDelta({ price: { amountMinor: 1 } }, { price: { amountMinor: 2 } })).toEqual({ price: { amountMinor: 2 } });
    expect(fieldDelta({ a: null }, { a: 0 })).toEqual({ a: 0 });
    expect(applyFieldDelta({ available: 3, inbound: 2 }, { available: 5, '~': ['inbound'] })).toEqual({ available: 5 });
  });

  it('property: rows come back exactly from their deltas, through JSON', () => {
    const value = fc.oneof(
      fc.integer(),
      fc.constant(null),
      fc.string({ maxLength: 4 }),
      fc.boolean(),
      fc.record({ amountMinor: fc.integer({ min: 0, max: 3 }) }),
    );
    const row = fc.dictionary(fc.constantFrom('available', 'inbound', 'price', 'status', 'source'), value, { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 10 }), (rows) => {
        const back = rowsOfDeltas(JSON.parse(JSON.stringify(deltasOf(rows))));
        expect(back).toEqual(rows);
        // Fields in the order a copy through applyFieldDelta gives (records are built from them).
        let before: Record<string, unknown> = {};
        const copied = deltasOf(rows).map((delta) => (before = applyFieldDelta(before, delta)));
        expect(back.map((r) => Object.keys(r))).toEqual(copied.map((r) => Object.keys(r)));
      }),
      { numRuns: 500, seed: 20_261_204 },
    );
  });
});

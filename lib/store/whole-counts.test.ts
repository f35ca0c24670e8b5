import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packDayPairs, packWhole, unpackDayPairs, unpackWhole } from './whole-counts';

/** Doubles as a demand series holds them: mostly small whole counts, some unknown (NaN), now and then a fraction, -0 or a large count. */
const unitsArb = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 300 }) },
    { weight: 2, arbitrary: fc.constant(Number.NaN) },
    { weight: 1, arbitrary: fc.double({ noDefaultInfinity: false }) },
    { weight: 1, arbitrary: fc.constantFrom(-0, 0xfe, 0xff, 0xfffe, 0xffff, 70_000, -1) },
  ),
  { maxLength: 60 },
);

describe('packWhole', () => {
  it('property: a packed column unpacks to exactly the values (NaN and all); a value it cannot hold leaves the column unpacked', () => {
    fc.assert(
      fc.property(unitsArb, (values) => {
        const column = Float64Array.from(values);
        const packed = packWhole(column);
        const fits = values.every((v) => Number.isNaN(v) || (Number.isInteger(v) && v >= 0 && v < 0xffff && !Object.is(v, -0)));
        expect(packed !== undefined).toBe(fits);
        if (!packed) return;
        expect([...unpackWhole(packed)].map((v, i) => Object.is(v, column[i]))).toEqual(values.map(() => true));
        // One byte a value while every known one is under 255, two up to 65,534.
        expect(packed.BYTES_PER_ELEMENT).toBe(values.every((v) => Number.isNaN(v) || v < 0xff) ? 1 : 2);
      }),
    );
  });
});

describe('packDayPairs', () => {
  const pairsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 100_000 })), { minLength: 1, maxLength: 40 });

  it('property: readings whose days run forward unpack to exactly the pairs; days running back, or a count too large, stay unpacked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), pairsArb, fc.boolean(), (firstDay, steps, forward) => {
        let day = firstDay;
        const flat = steps.flatMap(([step, units], i) => [(day += forward || i % 2 === 0 ? step : -step - 1), units]);
        const pairs = Int32Array.from(flat);
        const packed = packDayPairs(pairs);
        const runsForward = flat.every((v, i) => i % 2 === 1 || i === 0 || v >= flat[i - 2]!);
        const fits = runsForward && flat.every((v, i) => (i % 2 === 1 ? v : i === 0 ? 0 : v - flat[i - 2]!) < 0xffff);
        expect(packed !== undefined).toBe(fits);
        if (packed) expect([...unpackDayPairs(packed)]).toEqual(flat);
      }),
    );
  });

  it('leaves an empty column as it is', () => {
    expect(packDayPairs(new Int32Array(0))).toBeUndefined();
  });
});

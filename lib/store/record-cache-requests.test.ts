import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyOf } from './record-cache-requests';

/** Plain data as records hold it: primitives, arrays (some with holes), objects, typed arrays. */
const plainData = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
    fc.float64Array({ maxLength: 5 }),
    fc.uint8Array({ maxLength: 5 }),
    fc.int32Array({ maxLength: 5 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.sparseArray(tie('value'), { maxLength: 6 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Every object (arrays, typed arrays, records) inside `value`, itself included. */
function objectsIn(value: unknown, out = new Set<unknown>()): Set<unknown> {
  if (typeof value !== 'object' || value === null) return out;
  out.add(value);
  if (ArrayBuffer.isView(value)) return out;
  for (const member of Object.values(value)) objectsIn(member, out);
  return out;
}

describe('copyOf', () => {
  it('gives what a structured clone gives (holes and NaN included) and shares no object or buffer with the record', () => {
    fc.assert(
      fc.property(plainData, (record) => {
        const copy = copyOf(record);
        expect(copy).toStrictEqual(structuredClone(record));
        const originals = objectsIn(record);
        for (const object of objectsIn(copy)) {
          expect(originals.has(object)).toBe(false);
          if (ArrayBuffer.isView(object)) for (const original of originals) if (ArrayBuffer.isView(original)) expect(object.buffer).not.toBe(original.buffer);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps holes as holes, and a copy changed by its reader leaves the record as it was', () => {
    const record = { days: [1, , 3], units: new Float64Array([1.5, Number.NaN]), nested: { texts: ['a'] } };
    const copy = copyOf(record);
    expect(1 in copy.days).toBe(false);
    copy.units[0] = 9;
    copy.nested.texts.push('b');
    expect(record.units[0]).toBe(1.5);
    expect(record.nested.texts).toEqual(['a']);
  });

  it('clones what is not plain data (a Date)', () => {
    const at = new Date('2026-12-07T09:00:00Z');
    const copy = copyOf({ at });
    expect(copy.at).toEqual(at);
    expect(copy.at).not.toBe(at);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addReadingsSums, NO_READINGS, readingsDigest, readingsDigestText, readingsSums } from './readings-digest';

const a = { id: '0123456789abcdef0123456789ab', at: '2026-05-01T10:00:00.000Z' };
const b = { id: 'fedcba9876543210fedcba987654', at: '2026-05-02T10:00:00.000Z' };

describe('readingsDigest', () => {
  it('depends on the set of readings, not their order', () => {
    expect(readingsDigest([a, b])).toBe(readingsDigest([b, a]));
  });
  it('changes with a reading added, removed, or moved in time, and with ids that are not stored hashes', () => {
    const base = readingsDigest([a, b]);
    expect(readingsDigest([a])).not.toBe(base);
    expect(readingsDigest([a, b, { ...a, id: 'not-a-hash' }])).not.toBe(base);
    expect(
      readingsDigest([
        { ...a, at: b.at },
        { ...b, at: a.at },
      ]),
    ).not.toBe(base);
    expect(readingsDigest([{ ...a, at: '2026-05-01T09:00:00.000Z' }, b])).not.toBe(base);
    expect(readingsDigest([{ id: 'x', at: a.at }])).not.toBe(readingsDigest([{ id: 'y', at: a.at }]));
  });
  it('of no readings is the count 0 and zero sums', () => {
    expect(readingsDigestText(NO_READINGS)).toBe('0.0.0.0');
    expect(readingsDigest([])).toBe('0.0.0.0');
  });
});

describe('readingsSums', () => {
  const reading = fc.record({ id: fc.oneof(fc.stringMatching(/^[0-9a-f]{28}$/), fc.string()), at: fc.string() });
  it('of two parts added equal the sums of the whole, however it is split', () => {
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 30 }), fc.nat(), (readings, cut) => {
        const at = readings.length === 0 ? 0 : cut % (readings.length + 1);
        const whole = readingsSums(readings);
        expect(addReadingsSums(readingsSums(readings.slice(0, at)), readingsSums(readings.slice(at)))).toEqual(whole);
        expect(readingsSums(readings.slice(at), readingsSums(readings.slice(0, at)))).toEqual(whole);
      }),
    );
  });
});

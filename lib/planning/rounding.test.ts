import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { economicOrderQuantity, roundOrderQuantity } from './rounding';

describe('order rounding', () => {
  it('rounds up to MOQ and whole cases', () => {
    expect(roundOrderQuantity(101, { moq: 200, casePack: 24 })).toBe(216);
    expect(roundOrderQuantity(250, { moq: 200, casePack: 24 })).toBe(264);
    expect(roundOrderQuantity(240, { moq: 1, casePack: 24 })).toBe(240);
    expect(roundOrderQuantity(0.4, { moq: 1, casePack: 1 })).toBe(1);
  });
  it('orders nothing when nothing is needed', () => {
    expect(roundOrderQuantity(0, { moq: 500, casePack: 12 })).toBe(0);
    expect(roundOrderQuantity(-3, { moq: 500, casePack: 12 })).toBe(0);
  });
  it('is a multiple of the case, at least the MOQ and the need, and less than one case above them', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 100 }),
        (raw, moq, casePack) => {
          const q = roundOrderQuantity(raw, { moq, casePack });
          expect(q % casePack).toBe(0);
          expect(q).toBeGreaterThanOrEqual(Math.max(raw, moq) - 1e-6);
          expect(q - Math.max(raw, moq)).toBeLessThan(casePack);
        },
      ),
    );
  });
  it('EOQ follows sqrt(2DK/h)', () => {
    expect(economicOrderQuantity(1200, 50, 2)).toBeCloseTo(Math.sqrt(60_000), 9);
    expect(economicOrderQuantity(0, 50, 2)).toBe(0);
  });
});

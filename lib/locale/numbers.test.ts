import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDecimal, parseDecimal, parseMoney, parseQuantity } from './numbers';
import type { NumberFormat } from './markets';

const FORMATS: NumberFormat[] = ['en', 'de', 'fr', 'ch'];

describe('parseDecimal', () => {
  it.each([
    ['1,234.56', 'en', 1234.56],
    ['1.234,56', 'de', 1234.56],
    ['1 234,56', 'fr', 1234.56],
    ['1\u202f234,56', 'fr', 1234.56],
    ['1\u00a0234,56', 'fr', 1234.56],
    ["1'234.56", 'ch', 1234.56],
    ['¥1,234', 'en', 1234],
    ['$1,204', 'en', 1204],
    ['24,99 €', 'de', 24.99],
    ['(12.50)', 'en', -12.5],
    ['−3', 'en', -3],
    ['1,23,456', 'en', 123456],
    ['USD 12.00', 'en', 12],
    ['0', 'en', 0],
  ] as const)('%s in %s -> %s', (raw, format, expected) => {
    expect(parseDecimal(raw, format)).toBe(expected);
  });

  it.each([
    ['1,234.5', 'de'], // a US number on a German page is not guessed (used to read 1.2345)
    ['1.234,5', 'en'],
    ['1,5', 'en'],
    ['1.5', 'fr'],
    ['12,34,5', 'en'],
    ['—', 'en'],
    ['', 'de'],
    ['n/a', 'en'],
    ['abc', 'en'],
    ['1.2.3', 'en'],
    ['12 units', 'en'],
    ['9'.repeat(300), 'en'],
  ] as const)('%s in %s -> undefined', (raw, format) => {
    expect(parseDecimal(raw, format)).toBeUndefined();
  });

  it('round-trips any number formatted in each marketplace format', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMATS), fc.integer({ min: -1e11, max: 1e11 }), fc.constantFrom(0, 1, 2), (format, cents, digits) => {
        const value = cents / 10 ** digits;
        expect(parseDecimal(formatDecimal(value, format, digits), format)).toBeCloseTo(value, 6);
      }),
    );
  });
});

describe('parseQuantity and parseMoney', () => {
  it('quantities are whole and non-negative', () => {
    expect(parseQuantity('1.204', 'de')).toBe(1204);
    expect(parseQuantity('12.5', 'en')).toBeUndefined();
    expect(parseQuantity('-1', 'en')).toBeUndefined();
    expect(parseQuantity('2000000000', 'en')).toBeUndefined();
  });

  it('money is integer minor units of the marketplace currency', () => {
    expect(parseMoney('€1.234,56', 'de', 'EUR', 2)).toEqual({ amountMinor: 123456, currency: 'EUR' });
    expect(parseMoney('¥1,234', 'en', 'JPY', 0)).toEqual({ amountMinor: 1234, currency: 'JPY' });
    expect(parseMoney('$0.29', 'en', 'USD', 2)).toEqual({ amountMinor: 29, currency: 'USD' });
    fc.assert(
      fc.property(fc.constantFrom(...FORMATS), fc.integer({ min: 0, max: 1e11 }), (format, minor) => {
        expect(parseMoney(formatDecimal(minor / 100, format, 2), format, 'EUR', 2)?.amountMinor).toBe(minor);
      }),
    );
  });
});

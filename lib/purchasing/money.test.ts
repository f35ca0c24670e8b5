import { describe, expect, it } from 'vitest';
import { currencyDigits, majorAmount, minorUnits } from './money';

describe('minorUnits and majorAmount', () => {
  it("follow the currency's minor units", () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(minorUnits('2.5', 'USD')).toBe(250);
    expect(minorUnits('1200', 'JPY')).toBe(1200);
    expect(majorAmount(1250, 'USD')).toBe(12.5);
    expect(majorAmount(1200, 'JPY')).toBe(1200);
    expect(majorAmount(minorUnits('3.07', 'EUR'), 'EUR')).toBe(3.07);
  });
});

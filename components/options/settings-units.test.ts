import { describe, expect, it } from 'vitest';
import { currencySymbol, displayUnitsOf, majorOf, minorOf, shownVolume, shownWeight, storedVolume, storedWeight } from './settings-units';

describe('settings display units', () => {
  it('follows the marketplace: cubic feet and ounces in the US, litres and grams in Germany, yen without minor digits', () => {
    expect(displayUnitsOf('amazon.com')).toMatchObject({ currency: 'USD', minorDigits: 2, volume: 'cubic-feet', weight: 'oz' });
    expect(displayUnitsOf('amazon.de')).toMatchObject({ currency: 'EUR', volume: 'litres', weight: 'g' });
    expect(displayUnitsOf('amazon.co.jp')).toMatchObject({ currency: 'JPY', minorDigits: 0 });
    expect(displayUnitsOf(undefined).marketplace).toBe('amazon.com');
    expect(displayUnitsOf('nowhere.example').marketplace).toBe('amazon.com');
  });

  it('writes money as the seller reads it and back to minor units', () => {
    expect(majorOf(78, 2)).toBe(0.78);
    expect(minorOf(0.78, 2)).toBe(78);
    expect(minorOf(2.4, 2)).toBe(240);
    expect(majorOf(500, 0)).toBe(500);
    expect(minorOf(Number.NaN, 2)).toBeNaN();
    expect(currencySymbol('en', 'USD')).toBe('$');
    expect(currencySymbol('zh-CN', 'EUR')).toBe('€');
  });

  it('converts volumes and weights both ways without drifting', () => {
    expect(shownVolume(1, 'litres')).toBe(28.3168);
    expect(storedVolume(shownVolume(0.1, 'litres'), 'litres')).toBeCloseTo(0.1, 5);
    expect(shownVolume(0.25, 'cubic-feet')).toBe(0.25);
    expect(shownWeight(16, 'g')).toBe(453.6);
    expect(storedWeight(453.6, 'g')).toBeCloseTo(16, 2);
    expect(storedWeight(12, 'oz')).toBe(12);
  });
});

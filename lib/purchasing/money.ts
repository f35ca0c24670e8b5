/**
 * Money at the edges: costs are integer minor units with a currency code inside the code, and
 * major units ("2.50") where a seller types or reads them (a cost file, a purchase order).
 */

// Digits after the decimal point of a currency (JPY 0, USD 2, KWD 3): the one formatting module's answer.
import { currencyDigits } from '../i18n/format';
export { currencyDigits };

/**
 * A typed amount in major units ("2.50" or "2,50") as integer minor units of its currency.
 * @example minorUnits('2,5', 'EUR') // 250
 */
export function minorUnits(amount: string, currency: string): number {
  return Math.round(Number(amount.replace(',', '.')) * 10 ** currencyDigits(currency));
}

/**
 * Minor units as the major-unit number a spreadsheet shows.
 * @example majorAmount(1250, 'USD') // 12.5
 */
export function majorAmount(amountMinor: number, currency: string): number {
  // Integer minor units divided by a power of ten: IEEE division rounds to the nearest double, which is the decimal's own.
  return amountMinor / 10 ** currencyDigits(currency);
}

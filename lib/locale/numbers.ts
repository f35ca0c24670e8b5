/**
 * Numbers as marketplaces print them. Pages and reports show "1,234.56" (US), "1.234,56" (DE),
 * "1 234,56" (FR, with a normal or narrow no-break space), "¥1,234" (JP). A value that does not
 * read cleanly is `undefined`, never a guess: the caller turns that into a diagnostic.
 */
import type { Money } from '../records';
import type { NumberFormat } from './markets';

const SEPARATORS: Record<NumberFormat, { group: RegExp; decimal: string }> = {
  en: { group: /,/g, decimal: '.' },
  de: { group: /\./g, decimal: ',' },
  fr: { group: /[\s\u00a0\u202f.]/g, decimal: ',' },
  ch: { group: /['\u2019]/g, decimal: '.' },
};

/** Symbols, codes and words that may surround an amount. */
const CURRENCY_NOISE = /(US\$|CA\$|C\$|A\$|AU\$|MX\$|R\$|S\$|HK\$|[A-Z]{3}|[$€£¥￥₹₺]|zł|kr|円|元)/g;
const EMPTY = /^(|-|—|–|n\/a|na|--|\u2014)$/i;

/**
 * Parses a decimal number written in the given format; undefined when it is not one.
 * @example parseDecimal('1.234,5', 'de') // 1234.5
 * @example parseDecimal('—', 'en') // undefined
 */
export function parseDecimal(raw: string | null | undefined, format: NumberFormat): number | undefined {
  if (raw == null) return undefined;
  let s = raw.replace(CURRENCY_NOISE, '').replace(/[\s\u00a0\u202f]+/g, format === 'fr' ? ' ' : '').trim();
  if (EMPTY.test(s)) return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1).trim(); }
  if (/^[-\u2212]/.test(s)) { negative = true; s = s.slice(1).trim(); }
  const { group, decimal } = SEPARATORS[format];
  // Reject strings a careless parse would misread, e.g. "1.234" in en-format with more than one dot.
  const body = s.replace(group, '');
  const normalised = decimal === '.' ? body : body.replace(decimal, '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return undefined;
  if (!groupsWellFormed(s, format)) return undefined;
  const value = Number(normalised);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

function groupsWellFormed(s: string, format: NumberFormat): boolean {
  const { decimal } = SEPARATORS[format];
  const integerPart = s.split(decimal)[0] ?? '';
  const groups = integerPart.split(SEPARATORS[format].group);
  if (groups.length === 1) return true;
  return groups.slice(1).every((g) => g.length === 3) && (groups[0] ?? '').length >= 1 && (groups[0] ?? '').length <= 3;
}

/**
 * A whole, non-negative count of units; undefined for blanks, fractions or negatives.
 * @example parseQuantity('1,204', 'en') // 1204
 * @example parseQuantity('1.204', 'de') // 1204
 */
export function parseQuantity(raw: string | null | undefined, format: NumberFormat): number | undefined {
  const value = parseDecimal(raw, format);
  if (value === undefined || value < 0 || !Number.isInteger(value) || value > 1e9) return undefined;
  return value;
}

/**
 * An amount of money in integer minor units of the marketplace currency.
 * @example parseMoney('€1.234,56', 'de', 'EUR', 2) // { amountMinor: 123456, currency: 'EUR' }
 * @example parseMoney('¥1,234', 'en', 'JPY', 0) // { amountMinor: 1234, currency: 'JPY' }
 */
export function parseMoney(raw: string | null | undefined, format: NumberFormat, currency: string, minorDigits: number): Money | undefined {
  const value = parseDecimal(raw, format);
  if (value === undefined || Math.abs(value) > 1e10) return undefined;
  return { amountMinor: Math.round(value * 10 ** minorDigits), currency };
}

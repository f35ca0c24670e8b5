/**
 * Numbers as marketplaces print them. Pages and reports show "1,234.56" (US), "1.234,56" (DE),
 * "1 234,56" (FR, with a normal or narrow no-break space), "¥1,234" (JP), "1,23,456" (IN).
 * A value that does not read cleanly is `undefined`, never a guess: the caller turns that into
 * a diagnostic.
 */
import type { Money } from '../records';
import type { NumberFormat } from './markets';

interface Separators {
  /** Characters that may separate digit groups. */
  groupChars: string;
  decimal: string;
  /** The separator the marketplace itself prints (used by formatDecimal). */
  printGroup: string;
}

const SEPARATORS: Record<NumberFormat, Separators> = {
  en: { groupChars: ',', decimal: '.', printGroup: ',' },
  de: { groupChars: '.', decimal: ',', printGroup: '.' },
  // French pages group with a space, a no-break space or a narrow no-break space; some
  // templates (and Swedish/Polish exports) use a dot.
  fr: { groupChars: ' .', decimal: ',', printGroup: '\u202f' },
  ch: { groupChars: "'\u2019", decimal: '.', printGroup: "'" },
};

const escapeClass = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');

/**
 * Whole-string shape of a well-formed number per format: either ungrouped digits, or groups
 * of three (Indian lakh grouping "1,23,456" is accepted in the en format), then an optional
 * decimal part. Built once: the benchmark reads thousands of cells.
 */
const SHAPES: Record<NumberFormat, RegExp> = Object.fromEntries(
  (Object.keys(SEPARATORS) as NumberFormat[]).map((f) => {
    const { groupChars, decimal } = SEPARATORS[f];
    const g = `[${escapeClass(groupChars)}]`;
    const d = escapeClass(decimal);
    const grouped = f === 'en' ? `\\d{1,3}(?:${g}\\d{3})+|\\d{1,2}(?:${g}\\d{2})+${g}\\d{3}` : `\\d{1,3}(?:${g}\\d{3})+`;
    return [f, new RegExp(`^(?:\\d+|${grouped})(?:[${d}]\\d+)?$`)];
  }),
) as Record<NumberFormat, RegExp>;

/** Symbols, codes and words that may surround an amount. */
const CURRENCY_NOISE = /(US\$|CA\$|C\$|A\$|AU\$|MX\$|R\$|S\$|HK\$|\b[A-Z]{3}\b|[$€£¥￥₹₺]|zł|\bkr\b|円|元)/g;
const EMPTY = /^(|-|—|–|n\/a|na|--|\u2014)$/i;

/**
 * Parses a decimal number written in the given format; undefined when it is not one.
 * @example parseDecimal('1.234,5', 'de') // 1234.5
 * @example parseDecimal('1,234.5', 'de') // undefined (a US number on a German page is not guessed)
 * @example parseDecimal('—', 'en') // undefined
 */
export function parseDecimal(raw: string | null | undefined, format: NumberFormat): number | undefined {
  if (raw == null) return undefined;
  // Pages can hold anything; a number is never longer than this.
  if (raw.length > 200) return undefined;
  let s = raw
    .replace(CURRENCY_NOISE, '')
    .replace(/[\s\u00a0\u202f]+/g, format === 'fr' ? ' ' : '')
    .trim();
  if (EMPTY.test(s)) return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-\u2212]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }
  const { groupChars, decimal } = SEPARATORS[format];
  if (!SHAPES[format].test(s)) return undefined;
  // The shape allows only digits, group characters and one decimal mark: drop the groups, then
  // make the mark a point (group characters never include the decimal mark of their format).
  let normalised = s;
  for (let i = 0; i < groupChars.length; i++) if (normalised.includes(groupChars[i]!)) normalised = normalised.replaceAll(groupChars[i]!, '');
  if (decimal !== '.') normalised = normalised.replace(decimal, '.');
  const value = Number(normalised);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

/**
 * Writes a number the way the marketplace prints it (the inverse of parseDecimal); used by
 * fixture builders and round-trip tests.
 * @example formatDecimal(1234.5, 'de', 2) // '1.234,50'
 * @example formatDecimal(-1234, 'en', 0) // '-1,234'
 */
export function formatDecimal(value: number, format: NumberFormat, fractionDigits: number): string {
  const { printGroup, decimal } = SEPARATORS[format];
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [intPart = '0', frac] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, printGroup);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (frac !== undefined ? decimal + frac : '');
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

/**
 * What every entry point's strings share, whichever catalogue it bundles: the UI language for a
 * browser tag, filling `{placeholders}`, and number and date formatting. No message table is
 * imported here, so the content script (lib/i18n/page.ts) does not bundle the options page's.
 */

export type Language = 'en' | 'zh-CN';

/**
 * The UI language for a browser language tag: Chinese for any zh tag, English otherwise.
 * @example languageFromTag('zh-Hans-CN') // 'zh-CN'
 */
export function languageFromTag(tag: string | undefined): Language {
  return tag && /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

/**
 * A template with its `{placeholders}` filled in; unknown ones stay visible.
 * @example fillTemplate('Health {score}', { score: 80 }) // 'Health 80'
 */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

// Building an Intl formatter costs far more than using one (panels format hundreds of numbers
// per page read), so each (language, options) formatter is made once and kept.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A number formatted for the UI language.
 * @example formatNumber('en', 1234.5, 1) // '1,234.5'
 */
export function formatNumber(language: Language, value: number, maximumFractionDigits = 0): string {
  const key = `${language}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * An ISO date shown the way the UI language writes dates.
 * @example formatDate('zh-CN', '2026-12-01') // '2026/12/1'
 */
export function formatDate(language: Language, isoDate: string): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    dateFormats.set(language, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
const shortDateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * Digits after the decimal point of a currency's minor unit (JPY 0, USD 2, KWD 3).
 * @example currencyDigits('JPY') // 0
 */
export function currencyDigits(currency: string): number {
  return moneyFormat('en', currency, false).resolvedOptions().maximumFractionDigits ?? 2;
}

function moneyFormat(language: Language, currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${language}|${currency}|${whole}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'currency', currency, ...(whole ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}) });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * Money (integer minor units and its currency) as the UI language writes it, always with its
 * currency; `whole` rounds to whole units, for estimates ("~$43").
 * @example formatMoney('en', { amountMinor: 83548, currency: 'USD' }) // '$835.48'
 * @example formatMoney('zh-CN', { amountMinor: 1234, currency: 'JPY' }) // 'JP¥1,234'
 */
export function formatMoney(language: Language, money: { amountMinor: number; currency: string }, whole = false): string {
  return moneyFormat(language, money.currency, whole).format(money.amountMinor / 10 ** currencyDigits(money.currency));
}

/**
 * A date as month and day ("Dec 14", "12月14日"), with the year only when it is not `today`'s year.
 * @example formatShortDate('en', '2026-12-14', '2026-12-02') // 'Dec 14'
 */
export function formatShortDate(language: Language, isoDate: string, today: string): string {
  const withYear = isoDate.slice(0, 4) !== today.slice(0, 4);
  const key = `${language}|${withYear}`;
  let format = shortDateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { timeZone: 'UTC', month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}) });
    shortDateFormats.set(key, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * An instant (ISO date-time or epoch ms) as local date and time in the UI language.
 * @example formatDateTime('en', '2026-11-20T18:00:00.000Z') // '11/20/2026, 10:00 AM' (in Los Angeles)
 */
export function formatDateTime(language: Language, instant: string | number): string {
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
    dateTimeFormats.set(language, format);
  }
  return format.format(new Date(instant));
}

const timeFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * An instant's local time of day, hours and minutes, in the UI language ("updated 10:32").
 * @example formatTime('en', new Date(2026, 11, 2, 10, 32)) // '10:32 AM'
 */
export function formatTime(language: Language, instant: Date | string | number): string {
  let format = timeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
    timeFormats.set(language, format);
  }
  return format.format(instant instanceof Date ? instant : new Date(instant));
}

import { en, zhCN, type MessageKey } from './messages';

export type Language = 'en' | 'zh-CN';
export type { MessageKey };

const tables: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/**
 * The UI language for a browser language tag: Chinese for any zh tag, English otherwise.
 * @example languageFromTag('zh-Hans-CN') // 'zh-CN'
 */
export function languageFromTag(tag: string | undefined): Language {
  return tag && /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

/**
 * A UI string in the given language with `{placeholders}` filled in.
 * @example t('zh-CN', 'panel.health', { score: 80 }) // '健康分 80'
 */
export function t(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = tables[language][key] ?? en[key];
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

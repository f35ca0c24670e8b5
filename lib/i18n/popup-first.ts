/**
 * The popup's first-screen strings (messages-popup-first.ts) and their `t`: what the popup's
 * first paint and its list rows import instead of lib/i18n/index.ts, so the first rows are drawn
 * before the other catalogues load. A key the first screen uses that this catalogue does not
 * hold is a type error.
 */
import { popupFirstEn, popupFirstZhCN } from './messages-popup-first';
import { fillTemplate, type Language } from './format';

type PopupFirstKey = keyof typeof popupFirstEn;

const tables: Record<Language, Record<PopupFirstKey, string>> = { en: popupFirstEn, 'zh-CN': popupFirstZhCN };

/**
 * A first-screen string in the given language with `{placeholders}` filled in.
 * @example t('zh-CN', 'popup.cover', { days: 12 }) // '12 天'
 */
export function t(language: Language, key: PopupFirstKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(tables[language][key] ?? popupFirstEn[key], params);
}

import { en, zhCN, type MessageKey } from './messages';
import { fillTemplate, type Language } from './format';

export { formatDate, formatDateTime, formatMoney, formatNumber, formatShortDate, formatTime, languageFromTag, type Language } from './format';
export type { MessageKey };

const tables: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/**
 * A UI string in the given language with `{placeholders}` filled in (every catalogue: the popup
 * and options page; the content script uses lib/i18n/page.ts, which bundles only its own).
 * @example t('zh-CN', 'panel.health', { score: 80 }) // '健康分 80'
 */
export function t(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(tables[language][key] ?? en[key], params);
}

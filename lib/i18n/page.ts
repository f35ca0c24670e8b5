/**
 * The strings the content script shows (row panels, the summary bar, teaching a column, reader
 * diagnostics, page-type names, the product charts), and its `t`. The content script imports this instead of
 * lib/i18n/index.ts so that it does not bundle the options page's, import's, onboarding's and
 * purchasing's catalogues (issue 14's size budget). The strings stay declared once, in their
 * per-area catalogues; this file only picks which catalogues the page needs. A key the page
 * code uses that none of these holds is a type error.
 */
import { coreEn, coreZhCN } from './messages';
import { chartEn, chartZhCN } from './messages-chart';
import { feesEn, feesZhCN } from './messages-fees';
import { panelEn, panelZhCN } from './messages-panel';
import { popupEn, popupZhCN } from './messages-popup';
import { popupFirstEn, popupFirstZhCN } from './messages-popup-first';
import { teachingEn, teachingZhCN } from './messages-teaching';
import { fillTemplate, type Language } from './format';

export { formatDate, formatDateTime, formatMoney, formatNumber, formatShortDate, formatTime, languageFromTag, type Language } from './format';

/** Every string a seller page shows, English (the keys). */
export const pageEn = { ...coreEn, ...popupFirstEn, ...popupEn, ...teachingEn, ...feesEn, ...panelEn, ...chartEn } as const;

export type PageMessageKey = keyof typeof pageEn;

const pageZhCN: Record<PageMessageKey, string> = { ...coreZhCN, ...popupFirstZhCN, ...popupZhCN, ...teachingZhCN, ...feesZhCN, ...panelZhCN, ...chartZhCN };

const tables: Record<Language, Record<PageMessageKey, string>> = { en: pageEn, 'zh-CN': pageZhCN };

/**
 * True for a key of the page's strings (codes arrive from the planner and readers as plain strings).
 * @example isPageKey('alert.no-sale') // true
 */
export function isPageKey(key: string): key is PageMessageKey {
  return Object.prototype.hasOwnProperty.call(pageEn, key);
}

/**
 * A seller-page string in the given language with `{placeholders}` filled in.
 * @example t('zh-CN', 'panel.health', { score: 80 }) // '健康分 80'
 */
export function t(language: Language, key: PageMessageKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(tables[language][key] ?? pageEn[key], params);
}

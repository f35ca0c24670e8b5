/**
 * The words of a row panel's figures (panel-view.ts): days of cover or why there are none, the
 * stock the answer is about, the reorder, this channel's line of a shared stock, health with its
 * reasons, and the stockout dates. Plain text for textContent, in the page's UI language.
 */
import { formatDate, formatNumber, t, type Language } from '../i18n/page';
import type { PanelData } from '../messaging/protocol';
import { wholeDaysOfCover } from '../planning/cover';
import { hintText, reasonText } from './codes';
import { overdueText } from './panel-text';

type CoverData = Pick<PanelData, 'available' | 'daysOfCover' | 'salesHint' | 'healthScore' | 'updating'> & Partial<Pick<PanelData, 'alerts'>>;

/**
 * What the compact line's main text says: days of cover, or why there is none.
 * @example coverState({ available: 10, daysOfCover: null, salesHint: 'import:orders', healthScore: null, updating: false }) // 'salesUnknown'
 */
export function coverState(data: CoverData): 'stockUnknown' | 'outOfStock' | 'inStock' | 'quiet' | 'salesUnknown' | 'noSales' | 'days' {
  if (data.available === null) return 'stockUnknown';
  if (data.available === 0) return 'outOfStock';
  // Only the row's reading so far (never planned, a plan is coming): its stock, not "no sales".
  if (data.updating && data.healthScore === null && data.daysOfCover === null) return 'inStock';
  if (data.daysOfCover !== null) return 'days';
  if (data.salesHint) return 'salesUnknown';
  // Known days without a sale (an imported order history without this SKU): say how many, not "yet".
  return typeof noSaleDays(data) === 'number' ? 'quiet' : 'noSales';
}

function noSaleDays(data: CoverData): unknown {
  return data.alerts?.find((a) => a.code === 'no-sale')?.params?.['days'];
}

/**
 * The compact line's main text: days of cover, or why there is none (stock unknown, out of
 * stock, sales unknown, no sales).
 * @example coverText('en', { available: 10, daysOfCover: 12.7, salesHint: null }) // 'Days of cover: 12 d'
 */
export function coverText(language: Language, data: CoverData): string {
  switch (coverState(data)) {
    case 'stockUnknown':
      return t(language, 'panel.stockUnknown');
    case 'outOfStock':
      return t(language, 'panel.outOfStock');
    case 'inStock':
      return t(language, 'panel.inStock', { units: formatNumber(language, data.available ?? 0) });
    case 'quiet':
      return t(language, 'panel.noSalesFor', { days: formatNumber(language, noSaleDays(data) as number) });
    case 'salesUnknown':
      return t(language, 'panel.salesUnknown');
    case 'noSales':
      return t(language, 'panel.noSales');
    case 'days':
      return `${t(language, 'panel.daysOfCover')}: ${t(language, 'panel.days', { days: formatNumber(language, wholeDaysOfCover(data.daysOfCover ?? 0)) })}`;
  }
}

/**
 * The stock the answer is about: the pool's units, marked when estimated.
 * @example stockText('en', { available: 226, stockSource: 'listed' }) // '≈226 in stock (estimated)'
 */
export function stockText(language: Language, data: Pick<PanelData, 'available' | 'stockSource'>): string | null {
  if (data.available === null || data.available === 0 || data.stockSource === null) return null;
  return t(language, data.stockSource === 'listed' ? 'panel.estimated' : 'panel.inStock', { units: formatNumber(language, data.available) });
}

/**
 * The reorder in the details: by when, or since when it is overdue (never a past date as a deadline).
 * @example reorderText('en', { reorderQuantity: 70, reorderDate: '2026-11-20' }, '2026-12-02') // 'Reorder 70 now · overdue since Nov 20 (12 days)'
 */
export function reorderText(language: Language, data: Pick<PanelData, 'reorderQuantity' | 'reorderDate'>, today: string): string | null {
  if (!data.reorderQuantity || !data.reorderDate) return null;
  const quantity = formatNumber(language, data.reorderQuantity);
  const overdue = overdueText(language, data.reorderDate, today);
  return overdue
    ? `${t(language, 'panel.reorderNow', { quantity })} · ${overdue}`
    : t(language, 'panel.reorderBy', { quantity, date: formatDate(language, data.reorderDate) });
}

/**
 * This channel's line of a shared stock: list some here, or a different quantity.
 * @example channelText('en', { available: 226, channel: { listed: 0, suggested: 38, buffer: 0 } }) // '226 in the warehouse: list 38 here'
 */
export function channelText(language: Language, data: Pick<PanelData, 'available' | 'channel'>): string | null {
  const c = data.channel;
  if (!c || c.listed === null || c.listed === c.suggested) return null;
  if (c.listed === 0 && c.suggested > 0)
    return t(language, 'panel.listHere', { pool: formatNumber(language, data.available ?? 0), suggested: formatNumber(language, c.suggested) });
  return t(language, 'panel.listSuggested', { suggested: formatNumber(language, c.suggested), listed: formatNumber(language, c.listed) });
}

/**
 * Health with its reasons in brief, or "not enough data" with what would give it.
 * @example healthText('zh-CN', { healthScore: null, salesHint: 'import:orders', stockHint: null, reasons: [] }) // '数据不足：请在设置页面导入订单历史报告'
 */
export function healthText(
  language: Language,
  data: Pick<PanelData, 'healthScore' | 'salesHint' | 'stockHint' | 'reasons' | 'available'>,
  today: string,
): string {
  if (data.healthScore === null) {
    const hint = data.available === null ? data.stockHint : data.salesHint;
    return hint ? t(language, 'panel.notEnoughDataHint', { hint: hintText(language, hint) }) : t(language, 'panel.notEnoughData');
  }
  let text = t(language, 'panel.health', { score: data.healthScore });
  if (data.reasons.length)
    text += ` (${data.reasons.map((r) => `${t(language, 'panel.reasonPoints', { points: r.points })} ${reasonText(language, r, today)}`).join('; ')})`;
  return text;
}

/**
 * The stockout date, with the date counting the inbound units when it differs.
 * @example stockoutText('en', { available: 5, stockoutDate: '2026-12-14', stockoutDateWithInbound: '2027-01-20', inbound: 442 }) // 'Runs out 12/14/2026 · 1/20/2027 with the 442 inbound'
 */
export function stockoutText(language: Language, data: Pick<PanelData, 'available' | 'stockoutDate' | 'stockoutDateWithInbound' | 'inbound'>): string | null {
  if (!data.stockoutDate || !data.available) return null;
  const date = formatDate(language, data.stockoutDate);
  const withInbound = data.stockoutDateWithInbound;
  if (!withInbound || withInbound === data.stockoutDate || !data.inbound) return t(language, 'panel.stockout', { date });
  return t(language, 'panel.stockoutWithInbound', { date, withInbound: formatDate(language, withInbound), units: formatNumber(language, data.inbound) });
}

/**
 * The popup's pure logic: filter state to an at-risk query, and one list row's texts.
 * Plain TypeScript so it is tested without a browser.
 */
import { formatDate, formatNumber, t, type Language } from '@/lib/i18n';
import type { AtRiskItem, RequestOf } from '@/lib/messaging/protocol';
import type { Platform } from '@/lib/records';

export const RISKS = ['all', 'stockout', 'overstock', 'oversell', 'no-sales'] as const;
export type RiskFilter = (typeof RISKS)[number];

export interface Filters {
  platform: Platform | '';
  marketplace: string;
  risk: RiskFilter;
  search: string;
}

export const NO_FILTERS: Filters = { platform: '', marketplace: '', risk: 'all', search: '' };

/** Rows asked for first (fast first paint), then the whole list for scrolling. */
export const HEAD_LIMIT = 60;
export const FULL_LIMIT = 20_000;

/**
 * The `skus/at-risk` request for the filters (empty filters left out).
 * @example atRiskRequest({ ...NO_FILTERS, search: ' mug ' }, 60) // { risk: 'all', search: 'mug', limit: 60 }
 */
export function atRiskRequest(filters: Filters, limit: number): RequestOf<'skus/at-risk'> {
  const search = filters.search.trim();
  return {
    risk: filters.risk,
    limit,
    ...(filters.platform ? { platform: filters.platform } : {}),
    ...(filters.platform && filters.marketplace ? { marketplace: filters.marketplace } : {}),
    ...(search ? { search: search.slice(0, 200) } : {}),
  };
}

export interface RowText {
  cover: string;
  available: string;
  reorder: string;
}

/**
 * What one popup row prints.
 * @example rowText('en', item).cover // '12 d'
 */
export function rowText(language: Language, item: Pick<AtRiskItem, 'available' | 'daysOfCover' | 'reorderQuantity' | 'reorderDate'>): RowText {
  const none = t(language, 'common.none');
  return {
    cover: item.available === 0
      ? t(language, 'panel.outOfStock')
      : item.daysOfCover === null ? none : t(language, 'popup.cover', { days: formatNumber(language, Math.floor(item.daysOfCover)) }),
    available: item.available === null ? none : formatNumber(language, item.available),
    reorder: item.reorderQuantity && item.reorderDate
      ? t(language, 'popup.reorder', { quantity: formatNumber(language, item.reorderQuantity), date: formatDate(language, item.reorderDate) })
      : none,
  };
}

/**
 * The popup's pure logic: filter state to an at-risk query, and one list row's texts.
 * Plain TypeScript so it is tested without a browser.
 */
import { formatDate, formatNumber, t, type Language } from '@/lib/i18n';
import type { AtRiskItem, RequestOf } from '@/lib/messaging/protocol';
import { accountLabel } from '@/lib/accounts/registry';
import { DEFAULT_ACCOUNT, type Platform } from '@/lib/records';
import { RISK_TAGS } from '@/lib/planning/urgency';
import { wholeDaysOfCover } from '@/lib/planning/cover';
import { OPENING_RISK } from './first-request';

/** The popup's list choices: what needs attention (the default), everything, or one risk tag. */
export const RISKS = ['attention', 'all', ...RISK_TAGS.filter((r) => r !== 'attention')] as const;
export type RiskFilter = (typeof RISKS)[number];

export interface Filters {
  platform: Platform | '';
  marketplace: string;
  risk: RiskFilter;
  search: string;
  /** One seller account's listings ('' = every account). */
  account: string;
}

export const NO_FILTERS: Filters = { platform: '', marketplace: '', risk: OPENING_RISK, search: '', account: '' };

/** Rows asked for first (declared with the popup's first request), then the whole list for scrolling. */
export { HEAD_LIMIT } from './first-request';
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
    ...(filters.account ? { account: filters.account } : {}),
  };
}

/**
 * The account name each row shows, by account id: only when rows of several accounts can be in
 * the list (more than one account, the filter showing all), else none (undefined). The default
 * account's stored placeholder name is shown in the UI language.
 * @example rowAccountNames('zh-CN', [{ id: 'default', name: 'Default account' }, { id: 'amazon-b', name: 'Brand B' }], '')?.get('default') // '默认账户'
 */
export function rowAccountNames(language: Language, accounts: readonly { id: string; name: string }[], filterAccount: string): Map<string, string> | undefined {
  if (accounts.length < 2 || filterAccount !== '') return undefined;
  const defaultName = t(language, 'accounts.defaultName');
  return new Map(accounts.map((a) => [a.id, accountLabel(a, defaultName)]));
}

/**
 * The name of the account a row belongs to, when rows show accounts (rowAccountNames).
 * @example rowAccountName(names, { account: undefined }) // the default account's name
 */
export function rowAccountName(names: ReadonlyMap<string, string> | undefined, item: Pick<AtRiskItem, 'account'>): string | undefined {
  return names?.get(item.account ?? DEFAULT_ACCOUNT);
}

interface RowText {
  cover: string;
  available: string;
  /** The stockout date, and the one counting inbound units when it differs. */
  stockout: string;
  reorder: string;
}

/**
 * What one popup row prints.
 * @example rowText('en', item).cover // '12 d'
 */
export function rowText(
  language: Language,
  item: Pick<
    AtRiskItem,
    'available' | 'daysOfCover' | 'stockoutDate' | 'stockoutDateWithInbound' | 'reorderQuantity' | 'reorderDate' | 'reorderDaysLate' | 'healthScore'
  >,
): RowText {
  const none = t(language, 'common.none');
  const cover =
    item.available === null
      ? t(language, 'panel.stockUnknown')
      : item.available === 0
        ? t(language, 'panel.outOfStock')
        : item.daysOfCover !== null
          ? t(language, 'popup.cover', { days: formatNumber(language, wholeDaysOfCover(item.daysOfCover)) })
          : item.healthScore === null
            ? t(language, 'panel.notEnoughData')
            : none;
  const quantity = item.reorderQuantity ? formatNumber(language, item.reorderQuantity) : '';
  return {
    cover,
    available: item.available === null ? '?' : formatNumber(language, item.available),
    stockout: stockoutText(language, item),
    reorder:
      !item.reorderQuantity || !item.reorderDate
        ? none
        : item.reorderDaysLate > 0
          ? t(language, 'popup.reorderLate', { quantity, days: formatNumber(language, item.reorderDaysLate) })
          : t(language, 'popup.reorder', { quantity, date: formatDate(language, item.reorderDate) }),
  };
}

/**
 * When the stock runs out, and when it runs out counting the units on their way if that differs.
 * @example stockoutText('en', { available: 5, stockoutDate: '2026-12-14', stockoutDateWithInbound: '2027-01-20' }) // '12/14/2026 · 1/20/2027 with inbound'
 */
function stockoutText(language: Language, item: Pick<AtRiskItem, 'available' | 'stockoutDate' | 'stockoutDateWithInbound'>): string {
  if (!item.stockoutDate || !item.available) return '';
  const date = formatDate(language, item.stockoutDate);
  const withInbound = item.stockoutDateWithInbound;
  return withInbound && withInbound !== item.stockoutDate ? `${date} · ${t(language, 'popup.withInbound', { date: formatDate(language, withInbound) })}` : date;
}

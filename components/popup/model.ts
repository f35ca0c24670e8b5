/**
 * The popup's pure logic: filter state to an at-risk query, and which account a row names
 * (a row's texts: list-view.ts).
 * Plain TypeScript so it is tested without a browser.
 */
import { t, type Language } from '@/lib/i18n';
import type { AtRiskItem, RequestOf } from '@/lib/messaging/protocol';
import { accountLabel } from '@/lib/accounts/account-label';
import { DEFAULT_ACCOUNT, type Platform } from '@/lib/records';
import { OPENING_RISK } from './first-request';
import type { RiskFilter } from './list-view';

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

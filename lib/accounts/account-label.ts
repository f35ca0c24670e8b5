/**
 * An account's name as views show it, in a leaf module: the content script names accounts in its
 * diagnostics without bundling the accounts document's schemas (lib/accounts/registry.ts).
 */
import { DEFAULT_ACCOUNT } from '../records';

/** The stored name of the default account until a page names it (shown translated: accountLabel). */
export const DEFAULT_ACCOUNT_NAME = 'Default account';

/**
 * An account's name as shown: the default account's stored placeholder name in the UI
 * language (`defaultLabel`), any name a page gave as it is.
 * @example accountLabel({ id: 'default', name: 'Default account' }, '默认账户') // '默认账户'
 */
export function accountLabel(account: { id: string; name: string }, defaultLabel: string): string {
  return account.id === DEFAULT_ACCOUNT && account.name === DEFAULT_ACCOUNT_NAME ? defaultLabel : account.name;
}

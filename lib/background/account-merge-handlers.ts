/**
 * The options page's merge of two account ids of one seller (lib/store/account-merge.ts): first
 * the counts the seller confirms, then the merge and a re-plan of the products it touched.
 */
import { isStorageFull, STORAGE_FULL, type Handlers } from '../messaging/rpc';
import { mergeAccounts, previewAccountMerge } from '../store';
import type { BackgroundDeps } from './deps';

export function createAccountMergeHandlers(deps: BackgroundDeps): Pick<Handlers, 'accounts/merge'> {
  return {
    async 'accounts/merge'({ from, into, confirm }) {
      if (!confirm) return { counts: await previewAccountMerge(deps.db, from, into), merged: false };
      const { counts, productIds } = await mergeAccounts(deps.db, from, into, deps.now()).catch((error: unknown) => {
        // The merge is one transaction: a full disk leaves both accounts as they were.
        if (isStorageFull(error)) throw new Error(`${STORAGE_FULL}: the browser has no room left for the extension's data; the accounts were not merged`);
        throw error;
      });
      await deps.replan(productIds);
      deps.afterChange?.();
      return { counts, merged: true };
    },
  };
}

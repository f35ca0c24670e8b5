/**
 * Every page adapter, and the lookup the content script uses to pick one for the current URL.
 * Adapters are tried in order; each one's `matches` accepts only its own page type.
 */
import { marketplaceForUrl } from '../locale/markets';
import type { PageAdapter } from './types';
import { adapter as amazonManageInventory } from './amazon/manage-inventory';

export type { PageAdapter, PageRead, ReadContext, RowAnchor } from './types';

export const ADAPTERS: PageAdapter[] = [
  amazonManageInventory,
];

/**
 * The adapter for a seller page URL, or undefined off seller hosts / on pages we do not read.
 * @example adapterForUrl(new URL('https://sellercentral.amazon.de/myinventory/inventory'))?.id // 'amazon/manage-inventory'
 */
export function adapterForUrl(url: URL): PageAdapter | undefined {
  const market = marketplaceForUrl(url);
  if (!market) return undefined;
  return ADAPTERS.find((a) => a.platform === market.platform && safeMatches(a, url));
}

function safeMatches(adapter: PageAdapter, url: URL): boolean {
  try {
    return adapter.matches(url);
  } catch {
    return false;
  }
}

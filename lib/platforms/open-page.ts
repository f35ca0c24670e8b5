/**
 * The address of a page type on a marketplace: the page a seller is sent to open (the guided
 * start's "open these pages once", a panel's "open FBA Inventory"). Hosts come from
 * MARKETPLACES (lib/locale/markets.ts), paths from each page type's `openPath`.
 */
import { marketplaceById } from '../locale/markets';
import { ADAPTERS } from './index';

/**
 * The page type's address on the marketplace; undefined when the page type declares no
 * `openPath`, the marketplace is unknown, or the page type is another platform's.
 * @example openPageUrl('amazon/fba-inventory', 'amazon.de') // 'https://sellercentral.amazon.de/inventoryplanning/manageinventoryhealth'
 */
export function openPageUrl(pageType: string, marketplace: string): string | undefined {
  const adapter = ADAPTERS.find((candidate) => candidate.id === pageType);
  const market = marketplaceById(marketplace);
  if (!adapter?.openPath || !market || market.platform !== adapter.platform) return undefined;
  return `https://${market.host}${adapter.openPath}`;
}

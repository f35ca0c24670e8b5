/**
 * Every page adapter, and the lookup the content script uses to pick one for the current URL.
 * Adapters are tried in order; each one's `matches` accepts only its own page type.
 */
import { marketplaceForUrl } from '../locale/markets';
import type { PageAdapter, PageDeclaration } from './types';
import { adapter as amazonManageInventory } from './amazon/manage-inventory';
import { adapter as amazonFbaInventory } from './amazon/fba-inventory';
import { adapter as amazonRestock } from './amazon/restock';
import { adapter as amazonInventoryAge } from './amazon/inventory-age';
import { adapter as amazonBusinessReports } from './amazon/business-reports';
import { adapter as amazonOrders } from './amazon/orders';
import { adapter as amazonShipments } from './amazon/shipments';
import { adapter as amazonShipmentContents } from './amazon/shipment-contents';
import { adapter as walmartManageItems } from './walmart/manage-items';
import { adapter as walmartWfsInventory } from './walmart/wfs-inventory';
import { adapter as walmartOrders } from './walmart/orders';
import { adapter as ebayActiveListings } from './ebay/active-listings';
import { adapter as ebayOrders } from './ebay/orders';

export type { PageAdapter, PageDeclaration, PageRead, ReadContext, RowAnchor } from './types';

/** Every page type's declaration (definePage), in the order they are tried; PAGE_TYPE_IDS (./page-types.ts) lists the same ids. */
export const ADAPTERS: PageDeclaration[] = [
  amazonManageInventory,
  amazonFbaInventory,
  amazonRestock,
  amazonInventoryAge,
  amazonBusinessReports,
  amazonOrders,
  amazonShipments,
  amazonShipmentContents,
  walmartManageItems,
  walmartWfsInventory,
  walmartOrders,
  ebayActiveListings,
  ebayOrders,
];

/**
 * The adapter for a seller page URL, or undefined off seller hosts / on pages we do not read.
 * `adapters`: the list to pick from (tests try a page type not registered yet).
 * @example adapterForUrl(new URL('https://sellercentral.amazon.de/myinventory/inventory'))?.id // 'amazon/manage-inventory'
 */
export function adapterForUrl(url: URL, adapters: readonly PageDeclaration[] = ADAPTERS): PageDeclaration | undefined {
  const market = marketplaceForUrl(url);
  if (!market) return undefined;
  return adapters.find((a) => a.platform === market.platform && safeMatches(a, url));
}

function safeMatches(adapter: PageAdapter, url: URL): boolean {
  try {
    return adapter.matches(url);
  } catch {
    return false;
  }
}

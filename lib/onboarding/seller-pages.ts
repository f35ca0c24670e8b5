/**
 * "Open these pages once" (the guided start's last step): the seller's own pages that give the
 * planner stock and sales at once (FBA Inventory's units sold t7/t30/t90, Restock's last 30
 * days, WFS Inventory's last 7/30 days, eBay's sold quantity), for the marketplaces and
 * channels chosen in step 1. Hosts come from MARKETPLACES (lib/locale/markets.ts); each path is
 * the first the page type's declaration (lib/platforms/<page type>.ts) matches, and the test
 * checks every link is read by exactly that page type on every host.
 */
import { MARKETPLACES } from '../locale/markets';
import type { Platform } from '../records';
import type { Destination } from '../settings/schema';
import type { OnboardingChoices } from './state';

interface PageToOpen {
  /** Page type (adapter id, lib/platforms/index.ts); its name is the `pageType.<id>` string. */
  pageType: string;
  platform: Platform;
  /** The fulfilment channel whose stock the page shows; undefined = every listing of the platform. */
  channel?: Destination;
  path: string;
}

/** In the order the step lists them. */
export const PAGES_TO_OPEN: readonly PageToOpen[] = [
  { pageType: 'amazon/fba-inventory', platform: 'amazon', channel: 'FBA', path: '/inventoryplanning/manageinventoryhealth' },
  { pageType: 'amazon/restock', platform: 'amazon', channel: 'FBA', path: '/restockinventory/recommendations' },
  // Own-warehouse listings: their listed quantities (the stock estimate until the seller counts).
  { pageType: 'amazon/manage-inventory', platform: 'amazon', channel: 'SELLER', path: '/myinventory/inventory' },
  // WFS is a walmart.com programme; on .ca / .com.mx the page may not exist (?): listed when chosen.
  { pageType: 'walmart/wfs-inventory', platform: 'walmart', channel: 'WFS', path: '/wfsLite/manage-inventory' },
  { pageType: 'walmart/manage-items', platform: 'walmart', channel: 'SELLER', path: '/items-and-inventory/manage-items' },
  { pageType: 'ebay/active-listings', platform: 'ebay', path: '/sh/lst/active' },
];

interface PageLink {
  pageType: string;
  marketplace: string;
  url: string;
}

/**
 * The pages to open for the seller's choices, grouped by marketplace in MARKETPLACES order.
 * @example pagesToOpen({ marketplaces: ['ebay.de'], channels: ['SELLER'] })[0]?.url // 'https://www.ebay.de/sh/lst/active'
 */
export function pagesToOpen(choices: OnboardingChoices): PageLink[] {
  const chosen = new Set(choices.marketplaces);
  return MARKETPLACES.filter((m) => chosen.has(m.id)).flatMap((m) =>
    PAGES_TO_OPEN.filter((p) => p.platform === m.platform && (p.channel === undefined || choices.channels.includes(p.channel))).map((p) => ({
      pageType: p.pageType,
      marketplace: m.id,
      url: `https://${m.host}${p.path}`,
    })),
  );
}

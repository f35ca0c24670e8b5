/**
 * "Open these pages once" (the guided start's last step): the seller's own pages that give the
 * planner stock and sales at once (FBA Inventory's units sold t7/t30/t90, Restock's last 30
 * days, WFS Inventory's last 7/30 days, eBay's sold quantity), for the marketplaces and
 * channels chosen in step 1. Hosts come from MARKETPLACES (lib/locale/markets.ts); each path is
 * the `openPath` of the page type's declaration (lib/platforms/<page type>.ts), and the test
 * checks every link is read by exactly that page type on every host.
 */
import { MARKETPLACES } from '../locale/markets';
import { ADAPTERS } from '../platforms/index';
import { openPageUrl } from '../platforms/open-page';
import type { PageAdapter } from '../platforms/types';
import type { Destination } from '../settings/schema';
import type { OnboardingChoices } from './state';

interface PageToOpen {
  /** Page type (adapter id, lib/platforms/index.ts); its name is the `pageType.<id>` string. */
  pageType: string;
  /** The fulfilment channel whose stock the page shows; undefined = every listing of the platform. */
  channel?: Destination;
}

/** In the order the step lists them. */
export const PAGES_TO_OPEN: readonly PageToOpen[] = [
  { pageType: 'amazon/fba-inventory', channel: 'FBA' },
  { pageType: 'amazon/restock', channel: 'FBA' },
  // Own-warehouse listings: their listed quantities (the stock estimate until the seller counts).
  { pageType: 'amazon/manage-inventory', channel: 'SELLER' },
  // WFS is a walmart.com programme; on .ca / .com.mx the page may not exist (?): listed when chosen.
  { pageType: 'walmart/wfs-inventory', channel: 'WFS' },
  { pageType: 'walmart/manage-items', channel: 'SELLER' },
  { pageType: 'ebay/active-listings' },
];

/** The page type's declaration; a page type listed here without an `openPath` is a programming error. */
function declarationOf(pageType: string): PageAdapter & { openPath: string } {
  const adapter = ADAPTERS.find((candidate) => candidate.id === pageType);
  if (!adapter?.openPath) throw new Error(`page type ${pageType} declares no openPath`);
  return adapter as PageAdapter & { openPath: string };
}

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
  const pages = PAGES_TO_OPEN.map((page) => ({ ...page, declaration: declarationOf(page.pageType) }));
  return MARKETPLACES.filter((m) => chosen.has(m.id)).flatMap((m) =>
    pages
      .filter((p) => p.declaration.platform === m.platform && (p.channel === undefined || choices.channels.includes(p.channel)))
      .map((p) => ({ pageType: p.pageType, marketplace: m.id, url: openPageUrl(p.pageType, m.id)! })),
  );
}

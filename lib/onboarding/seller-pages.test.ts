import { describe, expect, it } from 'vitest';
import { MARKETPLACES } from '../locale/markets';
import { adapterForUrl } from '../platforms/index';
import { pagesToOpen, PAGES_TO_OPEN } from './seller-pages';

describe('pages to open once', () => {
  it('every link, on every host of its platform, is read by the page type it names', () => {
    const everything = pagesToOpen({ marketplaces: MARKETPLACES.map((m) => m.id), channels: ['FBA', 'WFS', 'SELLER'] });
    const platformOf = (pageType: string) => pageType.split('/')[0];
    expect(everything).toHaveLength(MARKETPLACES.reduce((n, m) => n + PAGES_TO_OPEN.filter((p) => platformOf(p.pageType) === m.platform).length, 0));
    for (const link of everything) expect(adapterForUrl(new URL(link.url))?.id, link.url).toBe(link.pageType);
  });

  it('lists only the chosen marketplaces and the pages of the chosen channels', () => {
    const links = pagesToOpen({ marketplaces: ['walmart.com', 'amazon.de'], channels: ['FBA'] });
    expect(links.map((l) => `${l.marketplace} ${l.pageType}`)).toEqual(['amazon.de amazon/fba-inventory', 'amazon.de amazon/restock']);
    expect(links[0]?.url).toBe('https://sellercentral.amazon.de/inventoryplanning/manageinventoryhealth');
  });

  it('eBay listings are linked whatever the channel; nothing without a marketplace', () => {
    expect(pagesToOpen({ marketplaces: ['ebay.com'], channels: ['WFS'] }).map((l) => l.url)).toEqual(['https://www.ebay.com/sh/lst/active']);
    expect(pagesToOpen({ marketplaces: [], channels: ['FBA', 'WFS', 'SELLER'] })).toEqual([]);
  });
});

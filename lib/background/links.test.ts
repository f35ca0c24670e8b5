import { describe, expect, it } from 'vitest';
import { marketplaceForUrl } from '../locale/markets';
import { sellerPageUrl } from './links';

describe('sellerPageUrl', () => {
  it('opens each platform on its own marketplace host, with the SKU escaped', () => {
    expect(sellerPageUrl('amazon', 'amazon.de', 'A&B 1')).toBe(
      'https://sellercentral.amazon.de/myinventory/inventory?fulfilledBy=all&searchField=all&searchTerm=A%26B%201',
    );
    expect(sellerPageUrl('walmart', 'walmart.ca', 'X')).toContain('https://seller.walmart.ca/items-and-inventory/manage-items');
    expect(sellerPageUrl('ebay', 'ebay.co.uk', 'X')).toBe('https://www.ebay.co.uk/sh/lst/active?action=search&sku=X');
  });

  it('always yields a URL the extension itself reads', () => {
    for (const [platform, market] of [
      ['amazon', 'amazon.co.jp'],
      ['walmart', 'walmart.com'],
      ['ebay', 'ebay.com.au'],
    ] as const) {
      expect(marketplaceForUrl(sellerPageUrl(platform, market, 'S-1'))?.id).toBe(market);
    }
  });
});

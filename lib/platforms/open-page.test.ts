import { describe, expect, it } from 'vitest';
import { adapterForUrl } from './index';
import { openPageUrl } from './open-page';

describe('openPageUrl', () => {
  it("gives the page type's address on the marketplace's host, read back by that page type", () => {
    const url = openPageUrl('amazon/fba-inventory', 'amazon.de');
    expect(url).toBe('https://sellercentral.amazon.de/inventoryplanning/manageinventoryhealth');
    expect(adapterForUrl(new URL(url!))?.id).toBe('amazon/fba-inventory');
    expect(openPageUrl('walmart/wfs-inventory', 'walmart.com')).toBe('https://seller.walmart.com/wfsLite/manage-inventory');
  });

  it('gives none for an unknown marketplace or page type, or another platform', () => {
    expect(openPageUrl('amazon/fba-inventory', 'amazon.xx')).toBeUndefined();
    expect(openPageUrl('amazon/nowhere', 'amazon.com')).toBeUndefined();
    expect(openPageUrl('amazon/fba-inventory', 'walmart.com')).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MARKETPLACES, marketplaceById, marketplaceForUrl, sellerHostPatterns } from './markets';

/** Every host named in the shared reference (shared/reference/seller-pages.md, "Hosts"). */
const REFERENCE_HOSTS = [
  'sellercentral.amazon.com',
  'sellercentral.amazon.ca',
  'sellercentral.amazon.com.mx',
  'sellercentral.amazon.com.br',
  'sellercentral-europe.amazon.com',
  'sellercentral.amazon.co.uk',
  'sellercentral.amazon.de',
  'sellercentral.amazon.fr',
  'sellercentral.amazon.it',
  'sellercentral.amazon.es',
  'sellercentral.amazon.nl',
  'sellercentral.amazon.se',
  'sellercentral.amazon.pl',
  'sellercentral.amazon.com.be',
  'sellercentral.amazon.com.tr',
  'sellercentral.amazon.ae',
  'sellercentral.amazon.sa',
  'sellercentral.amazon.eg',
  'sellercentral.amazon.in',
  'sellercentral.amazon.ie',
  'sellercentral.amazon.co.za',
  'sellercentral.amazon.co.jp',
  'sellercentral.amazon.com.au',
  'sellercentral.amazon.sg',
  'seller.walmart.com',
  'seller.walmart.ca',
  'seller.walmart.com.mx',
  'www.ebay.com',
  'www.ebay.co.uk',
  'www.ebay.com.au',
  'www.ebay.de',
  'www.ebay.fr',
  'www.ebay.it',
  'www.ebay.es',
  'www.ebay.ca',
];

describe('marketplaces', () => {
  it('every host in the reference resolves (eBay under /sh/ only)', () => {
    for (const host of REFERENCE_HOSTS) {
      const path = host.startsWith('www.ebay') ? '/sh/lst/active' : '/home';
      expect(marketplaceForUrl(`https://${host}${path}`)?.host, host).toBe(host);
    }
    expect(MARKETPLACES.map((m) => m.host).sort()).toEqual([...REFERENCE_HOSTS].sort());
  });

  it('the reference document still lists these hosts', () => {
    let doc = '';
    try {
      doc = readFileSync('/work/shared/reference/seller-pages.md', 'utf8');
    } catch {
      return;
    }
    for (const suffix of ['.co.jp', '.com.au', '.sg', '.co.za', 'seller.walmart.ca', 'www.ebay.co.uk']) expect(doc).toContain(suffix);
  });

  it('number format, currency and minor digits follow the host', () => {
    expect(marketplaceForUrl('https://sellercentral.amazon.de/x')).toMatchObject({ currency: 'EUR', numberFormat: 'de', minorDigits: 2 });
    expect(marketplaceForUrl('https://sellercentral.amazon.fr/x')).toMatchObject({ currency: 'EUR', numberFormat: 'fr' });
    expect(marketplaceForUrl('https://sellercentral.amazon.co.jp/x')).toMatchObject({
      currency: 'JPY',
      numberFormat: 'en',
      minorDigits: 0,
      timeZone: 'Asia/Tokyo',
    });
    expect(marketplaceById('ebay.co.uk')).toMatchObject({ currency: 'GBP', platform: 'ebay' });
  });

  it('rejects other sites, plain http, look-alike hosts and the eBay shop', () => {
    expect(marketplaceForUrl('https://www.ebay.com/itm/1234')).toBeUndefined();
    expect(marketplaceForUrl('https://www.ebay.com/shop')).toBeUndefined();
    expect(marketplaceForUrl('http://sellercentral.amazon.com/')).toBeUndefined();
    expect(marketplaceForUrl('https://sellercentral.amazon.com.evil.example/')).toBeUndefined();
    expect(marketplaceForUrl('not a url')).toBeUndefined();
  });

  it('host patterns cover every marketplace', () => {
    expect(sellerHostPatterns()).toHaveLength(MARKETPLACES.length);
    expect(sellerHostPatterns()).toContain('https://www.ebay.de/sh/*');
  });
});

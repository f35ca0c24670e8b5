import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MARKETPLACES, marketplaceById, marketplaceForPageLanguage, marketplaceForUrl, pageLanguage, sellerHostPatterns } from './markets';
import { parseMoney, parseQuantity } from './numbers';

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

describe('the page language decides the number format where a marketplace has pages in several', () => {
  const walmartCa = marketplaceById('walmart.ca')!;
  /** A document whose <html> has this lang attribute (no DOM in this test file). */
  const docWithLang = (lang: string | null) =>
    ({ documentElement: { getAttribute: (name: string) => (name === 'lang' ? lang : null) } }) as unknown as Document;
  const items = (query = '') => new URL(`https://seller.walmart.ca/items-and-inventory/manage-items${query}`);

  it('Walmart.ca in French reads French numbers; in English (its default), US ones', () => {
    const fr = marketplaceForPageLanguage(walmartCa, 'fr-CA');
    expect(fr).toMatchObject({ id: 'walmart.ca', currency: 'CAD', numberFormat: 'fr' });
    expect(parseQuantity('1\u202f234', fr.numberFormat)).toBe(1234);
    expect(parseQuantity('1\u00a0234', fr.numberFormat)).toBe(1234);
    expect(parseMoney('12,50 $', fr.numberFormat, fr.currency, fr.minorDigits)).toEqual({ amountMinor: 1250, currency: 'CAD' });
    expect(parseMoney('12,500 $', fr.numberFormat, fr.currency, fr.minorDigits)).toEqual({ amountMinor: 1250, currency: 'CAD' });
    for (const lang of ['en-CA', 'en', undefined, '']) {
      const en = marketplaceForPageLanguage(walmartCa, lang);
      expect(en, String(lang)).toBe(walmartCa);
      expect(parseMoney('$12.50', en.numberFormat, en.currency, en.minorDigits)).toEqual({ amountMinor: 1250, currency: 'CAD' });
      expect(parseQuantity('1,234', en.numberFormat)).toBe(1234);
    }
  });

  it('other marketplaces keep their format whatever the page language', () => {
    for (const id of ['walmart.com', 'amazon.ca', 'amazon.de']) expect(marketplaceForPageLanguage(marketplaceById(id)!, 'fr-CA')).toBe(marketplaceById(id));
  });

  it("the page language: the URL's locale first, then <html lang>", () => {
    expect(pageLanguage(docWithLang('fr-CA'), items())).toBe('fr-CA');
    expect(pageLanguage(docWithLang('en'), items('?locale=fr_CA'))).toBe('fr_CA');
    expect(pageLanguage(docWithLang('en'), items('?lang=fr'))).toBe('fr');
    expect(pageLanguage(docWithLang('en'), new URL('https://seller.walmart.ca/fr-ca/items-and-inventory/manage-items'))).toBe('fr-ca');
    expect(pageLanguage(docWithLang(null), items())).toBeUndefined();
    // eBay's Seller Hub path "/sh/" is not a language.
    expect(pageLanguage(docWithLang(null), new URL('https://www.ebay.ca/sh/lst/active'))).toBeUndefined();
  });
});

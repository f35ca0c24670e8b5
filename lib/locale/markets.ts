/**
 * Every marketplace the extension reads, keyed by the seller-site host that serves it.
 * Currency, number format and time zone follow the host (shared/reference/seller-pages.md).
 * This table is also the source of the manifest's host permissions (wxt.config.ts), so a
 * host added here is a host the extension may read, and no other.
 */
import type { Platform } from '../records';

/** How numbers are written: group and decimal separators. */
export type NumberFormat = 'en' | 'de' | 'fr' | 'ch';

export interface Marketplace {
  /** Stable id used in records, e.g. "amazon.de". */
  id: string;
  platform: Platform;
  /** Host of the seller site. */
  host: string;
  /** Country (ISO 3166-1 alpha-2), "EU" for the shared European host. */
  country: string;
  currency: string;
  /** Digits after the decimal point for the currency (JPY has none). */
  minorDigits: number;
  numberFormat: NumberFormat;
  timeZone: string;
}

type Row = [id: string, host: string, country: string, currency: string, numberFormat: NumberFormat, timeZone: string];

const amazonRows: Row[] = [
  ['amazon.com', 'sellercentral.amazon.com', 'US', 'USD', 'en', 'America/Los_Angeles'],
  ['amazon.ca', 'sellercentral.amazon.ca', 'CA', 'CAD', 'en', 'America/Los_Angeles'],
  ['amazon.com.mx', 'sellercentral.amazon.com.mx', 'MX', 'MXN', 'en', 'America/Mexico_City'],
  ['amazon.com.br', 'sellercentral.amazon.com.br', 'BR', 'BRL', 'de', 'America/Sao_Paulo'],
  ['amazon.eu', 'sellercentral-europe.amazon.com', 'EU', 'EUR', 'de', 'Europe/Berlin'],
  ['amazon.co.uk', 'sellercentral.amazon.co.uk', 'GB', 'GBP', 'en', 'Europe/London'],
  ['amazon.de', 'sellercentral.amazon.de', 'DE', 'EUR', 'de', 'Europe/Berlin'],
  ['amazon.fr', 'sellercentral.amazon.fr', 'FR', 'EUR', 'fr', 'Europe/Paris'],
  ['amazon.it', 'sellercentral.amazon.it', 'IT', 'EUR', 'de', 'Europe/Rome'],
  ['amazon.es', 'sellercentral.amazon.es', 'ES', 'EUR', 'de', 'Europe/Madrid'],
  ['amazon.nl', 'sellercentral.amazon.nl', 'NL', 'EUR', 'de', 'Europe/Amsterdam'],
  ['amazon.se', 'sellercentral.amazon.se', 'SE', 'SEK', 'fr', 'Europe/Stockholm'],
  ['amazon.pl', 'sellercentral.amazon.pl', 'PL', 'PLN', 'fr', 'Europe/Warsaw'],
  ['amazon.com.be', 'sellercentral.amazon.com.be', 'BE', 'EUR', 'de', 'Europe/Brussels'],
  ['amazon.com.tr', 'sellercentral.amazon.com.tr', 'TR', 'TRY', 'de', 'Europe/Istanbul'],
  ['amazon.ae', 'sellercentral.amazon.ae', 'AE', 'AED', 'en', 'Asia/Dubai'],
  ['amazon.sa', 'sellercentral.amazon.sa', 'SA', 'SAR', 'en', 'Asia/Riyadh'],
  ['amazon.eg', 'sellercentral.amazon.eg', 'EG', 'EGP', 'en', 'Africa/Cairo'],
  ['amazon.in', 'sellercentral.amazon.in', 'IN', 'INR', 'en', 'Asia/Kolkata'],
  ['amazon.ie', 'sellercentral.amazon.ie', 'IE', 'EUR', 'en', 'Europe/Dublin'],
  ['amazon.co.za', 'sellercentral.amazon.co.za', 'ZA', 'ZAR', 'fr', 'Africa/Johannesburg'],
  ['amazon.co.jp', 'sellercentral.amazon.co.jp', 'JP', 'JPY', 'en', 'Asia/Tokyo'],
  ['amazon.com.au', 'sellercentral.amazon.com.au', 'AU', 'AUD', 'en', 'Australia/Sydney'],
  ['amazon.sg', 'sellercentral.amazon.sg', 'SG', 'SGD', 'en', 'Asia/Singapore'],
];

const walmartRows: Row[] = [
  ['walmart.com', 'seller.walmart.com', 'US', 'USD', 'en', 'America/Los_Angeles'],
  ['walmart.ca', 'seller.walmart.ca', 'CA', 'CAD', 'en', 'America/Toronto'],
  ['walmart.com.mx', 'seller.walmart.com.mx', 'MX', 'MXN', 'en', 'America/Mexico_City'],
];

const ebayRows: Row[] = [
  ['ebay.com', 'www.ebay.com', 'US', 'USD', 'en', 'America/Los_Angeles'],
  ['ebay.co.uk', 'www.ebay.co.uk', 'GB', 'GBP', 'en', 'Europe/London'],
  ['ebay.com.au', 'www.ebay.com.au', 'AU', 'AUD', 'en', 'Australia/Sydney'],
  ['ebay.de', 'www.ebay.de', 'DE', 'EUR', 'de', 'Europe/Berlin'],
  ['ebay.fr', 'www.ebay.fr', 'FR', 'EUR', 'fr', 'Europe/Paris'],
  ['ebay.it', 'www.ebay.it', 'IT', 'EUR', 'de', 'Europe/Rome'],
  ['ebay.es', 'www.ebay.es', 'ES', 'EUR', 'de', 'Europe/Madrid'],
  ['ebay.ca', 'www.ebay.ca', 'CA', 'CAD', 'en', 'America/Toronto'],
];

const MINOR_DIGITS: Record<string, number> = { JPY: 0 };

function toMarketplaces(platform: Platform, rows: Row[]): Marketplace[] {
  return rows.map(([id, host, country, currency, numberFormat, timeZone]) => ({
    id,
    platform,
    host,
    country,
    currency,
    numberFormat,
    timeZone,
    minorDigits: MINOR_DIGITS[currency] ?? 2,
  }));
}

export const MARKETPLACES: readonly Marketplace[] = [
  ...toMarketplaces('amazon', amazonRows),
  ...toMarketplaces('walmart', walmartRows),
  ...toMarketplaces('ebay', ebayRows),
];

const byHost = new Map(MARKETPLACES.map((m) => [m.host, m]));
const byId = new Map(MARKETPLACES.map((m) => [m.id, m]));

/**
 * The marketplace a seller-site URL belongs to, or undefined for any other site.
 * eBay hosts only count under the Seller Hub paths (/sh/...), since www.ebay.* is also the shop.
 * @example marketplaceForUrl('https://sellercentral.amazon.de/myinventory/inventory')?.currency // 'EUR'
 */
export function marketplaceForUrl(url: string | URL): Marketplace | undefined {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  const market = byHost.get(parsed.hostname);
  if (!market) return undefined;
  if (market.platform === 'ebay' && !/^\/sh(\/|$)/.test(parsed.pathname)) return undefined;
  return market;
}

/** @example marketplaceById('amazon.co.jp')?.minorDigits // 0 */
export function marketplaceById(id: string): Marketplace | undefined {
  return byId.get(id);
}

/**
 * The marketplace a report cell names ("Amazon.de", "www.amazon.co.uk"), when it is one of the
 * platform's: the id is the marketplace's own domain, so the list above is the only table.
 * @example marketplaceNamed('amazon', 'Amazon.co.uk')?.id // 'amazon.co.uk'
 * @example marketplaceNamed('amazon', 'Non-Amazon') // undefined
 */
export function marketplaceNamed(platform: Platform, text: string): Marketplace | undefined {
  const market = byId.get(
    text
      .trim()
      .toLowerCase()
      .replace(/^www\./, ''),
  );
  return market?.platform === platform ? market : undefined;
}

/**
 * Match patterns for the manifest: exactly the seller hosts (eBay narrowed to Seller Hub).
 * @example sellerHostPatterns().includes('https://sellercentral.amazon.com/*') // true
 */
export function sellerHostPatterns(): string[] {
  return MARKETPLACES.map((m) => (m.platform === 'ebay' ? `https://${m.host}/sh/*` : `https://${m.host}/*`));
}

/**
 * Marketplaces whose seller pages come in more than one language, each printing numbers its own
 * way: Walmart Canada's French pages write "1 234" and "12,50 $" (a no-break space between
 * thousands, a decimal comma) where its English pages, the marketplace's default, write "1,234"
 * and "$12.50". Read in the US format, "12,500" on a French page would be 12500 instead of 12.5.
 */
const NUMBER_FORMAT_BY_PAGE_LANGUAGE: Readonly<Record<string, Readonly<Record<string, NumberFormat>>>> = {
  'walmart.ca': { fr: 'fr' },
};

/**
 * The marketplace as a page in `language` (a BCP 47 tag such as "fr-CA") prints it: its number
 * format follows the page's language where the marketplace has pages in several.
 * @example marketplaceForPageLanguage(marketplaceById('walmart.ca')!, 'fr-CA').numberFormat // 'fr'
 * @example marketplaceForPageLanguage(marketplaceById('walmart.ca')!, 'en-CA').numberFormat // 'en'
 */
export function marketplaceForPageLanguage(market: Marketplace, language: string | undefined): Marketplace {
  const primary = language?.trim().toLowerCase().split(/[-_]/)[0];
  const format = primary ? NUMBER_FORMAT_BY_PAGE_LANGUAGE[market.id]?.[primary] : undefined;
  return format && format !== market.numberFormat ? { ...market, numberFormat: format } : market;
}

/** URL query parameters in which seller sites name the UI locale. */
const LOCALE_PARAMS = ['lang', 'locale', 'language', 'lng'];
/** A locale as URLs write it: "fr", "fr-CA", "fr_ca", "en-us" (languages the readers know; "/sh/" is eBay's Seller Hub, not a language). */
const LOCALE_SEGMENT = /^(?:en|fr|es|de|it|ja|zh)(?:[-_][a-z]{2})?$/i;

/**
 * The language a seller page is shown in: the locale its URL asks for (a `lang`/`locale` query
 * parameter, or a leading "/fr-CA/" path segment), else the document's `lang` attribute (a
 * single-page app may leave it at its first value when the seller switches language in the
 * app, the URL changes with the switch). Undefined when neither says.
 * @example pageLanguage(frenchDocument, new URL('https://seller.walmart.ca/items-and-inventory/manage-items')) // 'fr-CA' (<html lang="fr-CA">)
 * @example pageLanguage(document, new URL('https://seller.walmart.ca/items-and-inventory/manage-items?locale=fr_CA')) // 'fr_CA'
 */
export function pageLanguage(root: ParentNode, url: URL): string | undefined {
  for (const name of LOCALE_PARAMS) {
    const value = url.searchParams.get(name);
    if (value && LOCALE_SEGMENT.test(value)) return value;
  }
  const first = url.pathname.split('/')[1] ?? '';
  if (LOCALE_SEGMENT.test(first)) return first;
  const doc = 'documentElement' in root ? (root as Document) : (root as Node).ownerDocument;
  return doc?.documentElement?.getAttribute('lang')?.trim() || undefined;
}

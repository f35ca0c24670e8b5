/**
 * The seller page that shows one SKU, for "click opens that SKU on its seller page".
 */
import { marketplaceById } from '../locale/markets';
import type { Platform } from '../records';

/**
 * @example sellerPageUrl('amazon', 'amazon.com', 'MUG-01') // 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&searchField=all&searchTerm=MUG-01'
 */
export function sellerPageUrl(platform: Platform, marketplace: string, sku: string): string {
  const host = marketplaceById(marketplace)?.host;
  const q = encodeURIComponent(sku);
  switch (platform) {
    case 'amazon':
      return `https://${host ?? 'sellercentral.amazon.com'}/myinventory/inventory?fulfilledBy=all&searchField=all&searchTerm=${q}`;
    case 'walmart':
      return `https://${host ?? 'seller.walmart.com'}/items-and-inventory/manage-items?searchType=ALL_ITEMS&searchQuery=${q}`;
    case 'ebay':
      return `https://${host ?? 'www.ebay.com'}/sh/lst/active?action=search&sku=${q}`;
  }
}

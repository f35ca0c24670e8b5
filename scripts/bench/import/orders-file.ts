/**
 * A deterministic Amazon All Orders report (tab-separated, the real header) of `lines` order
 * lines over `days` days for `skus` SKUs, for the import benchmark: two years of a mid-size
 * seller's order history is a few hundred thousand lines.
 */
import { seededRandom } from '../../../lib/random';

const HEADER = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'url',
  'ship-service-level',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'is-business-order',
];

/** @example generateOrdersTsv({ lines: 3, skus: 2, days: 10, end: new Date('2026-12-01') }).split('\n').length // 5 */
export function generateOrdersTsv(options: { lines: number; skus: number; days: number; end: Date; seed?: number }): string {
  const rnd = seededRandom(options.seed ?? 3);
  const int = (max: number) => Math.floor(rnd() * max);
  const endMs = options.end.getTime();
  const out = [HEADER.join('\t')];
  for (let i = 0; i < options.lines; i++) {
    // Lines in date order, as Amazon writes them; a few SKUs sell most (a skewed catalogue).
    const at = new Date(endMs - (options.days * 86_400_000 * (options.lines - i)) / options.lines);
    const sku = Math.floor(options.skus * rnd() ** 2);
    const status = int(50) === 0 ? 'Cancelled' : 'Shipped';
    const quantity = 1 + (int(8) === 0 ? int(4) : 0);
    out.push(
      [
        `11${int(10)}-${String(1_000_000 + i).slice(-7)}-${String(int(10_000_000)).padStart(7, '0')}`,
        '',
        at.toISOString().replace('.000Z', '+00:00'),
        at.toISOString().replace('.000Z', '+00:00'),
        status,
        int(3) === 0 ? 'Merchant' : 'Amazon',
        'Amazon.com',
        '',
        '',
        'Standard',
        `Product ${sku} bamboo towel set`,
        `SKU-${sku.toString(36).toUpperCase().padStart(5, '0')}`,
        `B0${sku.toString(36).toUpperCase().padStart(8, '0')}`,
        status,
        String(quantity),
        'USD',
        (quantity * (5 + (sku % 40))).toFixed(2),
        '1.20',
        '0.00',
        '0.00',
        'SEATTLE',
        'WA',
        '98101',
        'US',
        'false',
      ].join('\t'),
    );
  }
  return `${out.join('\n')}\n`;
}

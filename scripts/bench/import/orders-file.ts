/**
 * A deterministic Amazon All Orders report (tab-separated, the real header) of `lines` order
 * lines over `days` days for `skus` SKUs, for the import benchmark: two years of a mid-size
 * seller's order history is a few hundred thousand lines. It runs in the bench's page, so the
 * columns come from the Node side (ALL_ORDERS_COLUMNS, read from the report fixture).
 */
import { seededRandom } from '../../../lib/random';
import { allOrdersTsvWith, type AllOrdersLine } from '../../../tests/fixtures/builders/amazon-all-orders-lines';

/**
 * The SKU of the generated catalogue's product `index`.
 * @example benchSku(35) // 'SKU-0000Z'
 */
export function benchSku(index: number): string {
  return `SKU-${index.toString(36).toUpperCase().padStart(5, '0')}`;
}

/** @example generateOrdersTsv({ lines: 3, skus: 2, days: 10, end: new Date('2026-12-01'), columns: ALL_ORDERS_COLUMNS }).split('\n').length // 5 */
export function generateOrdersTsv(options: { lines: number; skus: number; days: number; end: Date; seed?: number; columns: readonly string[] }): string {
  const rnd = seededRandom(options.seed ?? 3);
  const int = (max: number) => Math.floor(rnd() * max);
  const endMs = options.end.getTime();
  const lines: AllOrdersLine[] = [];
  for (let i = 0; i < options.lines; i++) {
    // Lines in date order, as Amazon writes them; a few SKUs sell most (a skewed catalogue).
    const at = new Date(endMs - (options.days * 86_400_000 * (options.lines - i)) / options.lines);
    const sku = Math.floor(options.skus * rnd() ** 2);
    const status = int(50) === 0 ? 'Cancelled' : 'Shipped';
    const quantity = 1 + (int(8) === 0 ? int(4) : 0);
    const time = at.toISOString().replace('.000Z', '+00:00');
    lines.push({
      'amazon-order-id': `11${int(10)}-${String(1_000_000 + i).slice(-7)}-${String(int(10_000_000)).padStart(7, '0')}`,
      'purchase-date': time,
      'last-updated-date': time,
      'order-status': status,
      'fulfillment-channel': int(3) === 0 ? 'Merchant' : 'Amazon',
      'sales-channel': 'Amazon.com',
      'ship-service-level': 'Standard',
      'product-name': `Product ${sku} bamboo towel set`,
      sku: benchSku(sku),
      asin: `B0${sku.toString(36).toUpperCase().padStart(8, '0')}`,
      'item-status': status,
      quantity: String(quantity),
      currency: 'USD',
      'item-price': (quantity * (5 + (sku % 40))).toFixed(2),
      'item-tax': '1.20',
      'shipping-price': '0.00',
      'shipping-tax': '0.00',
      'ship-city': 'SEATTLE',
      'ship-state': 'WA',
      'ship-postal-code': '98101',
      'ship-country': 'US',
      'is-business-order': 'false',
    });
  }
  return allOrdersTsvWith(options.columns, lines);
}

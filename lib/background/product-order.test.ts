import { describe, expect, it } from 'vitest';
import type { ProductSummary } from '../messaging/protocol-options';
import { productNameOf, sortProducts } from './product-order';

const product = (id: string, urgency: ProductSummary['urgency'], daysOfCover: number | null, name?: string): ProductSummary => ({
  id,
  ...(name ? { name } : {}),
  listings: [{ key: `amazon|amazon.com|${id}`, platform: 'amazon', marketplace: 'amazon.com', sku: id, linkRule: 'none', available: 1, poolId: null }],
  planned: urgency !== 'unknown',
  urgency,
  healthScore: null,
  daysOfCover,
  available: 1,
  inbound: 0,
  pools: [{ poolId: 'own:main', stock: 1 }],
});

const products = [
  product('ok-long', 'ok', 200, 'Towel'),
  product('unknown', 'unknown', null, 'Apron'),
  product('critical-10', 'critical', 10, 'Mug'),
  product('warning', 'warning', 30, 'Bowl'),
  product('critical-3', 'critical', 3, 'Cup'),
  product('excess', 'excess', 400, 'Zebra'),
];

describe('sortProducts', () => {
  it('puts the most urgent first, the fewest days of cover first within a level', () => {
    expect(sortProducts(products, 'urgency').map((p) => p.id)).toEqual(['critical-3', 'critical-10', 'warning', 'excess', 'unknown', 'ok-long']);
  });
  it('sorts by days of cover with unknown cover last, never as "runs out first"', () => {
    expect(sortProducts(products, 'cover').map((p) => p.id)).toEqual(['critical-3', 'critical-10', 'warning', 'ok-long', 'excess', 'unknown']);
  });
  it('sorts by name, and leaves its input alone', () => {
    const before = products.map((p) => p.id);
    expect(sortProducts(products, 'name').map((p) => productNameOf(p))).toEqual(['Apron', 'Bowl', 'Cup', 'Mug', 'Towel', 'Zebra']);
    expect(products.map((p) => p.id)).toEqual(before);
  });
  it('names a product by its name, else a title, else a SKU', () => {
    expect(productNameOf({ id: 'p1', listings: [] })).toBe('p1');
    expect(productNameOf({ id: 'p1', listings: [{ ...products[0]!.listings[0]!, title: 'Bath towel' }] })).toBe('Bath towel');
  });
});

import { describe, expect, it } from 'vitest';
import { physicalReorders, stockKeyOf } from './reorders';
import { planWith } from './test-purchasing';

describe('stockKeyOf', () => {
  it('is product@pool, or the plan key for plans cached before pools', () => {
    expect(stockKeyOf({ productId: 'MUG', poolId: 'fba:NA' })).toBe('MUG@fba:NA');
    expect(stockKeyOf({ productId: '', poolId: '', key: 'amazon|amazon.com|MUG' })).toBe('amazon|amazon.com|MUG');
  });
});

describe('physicalReorders', () => {
  const pool = planWith();
  const member = planWith({ key: 'amazon|amazon.com|MUG', scope: 'listing', poolKey: pool.key });
  const single = planWith({ key: 'ebay|ebay.com|LAMP', scope: 'listing', productId: 'LAMP', poolId: 'own:main', sku: 'LAMP' });

  it('takes a pool plan and a lone listing, never a pool member', () => {
    expect(physicalReorders([member, pool, single, { ...member, key: 'walmart|walmart.com|MUG' }])).toEqual([pool, single]);
  });
  it('skips plans with no reorder due', () => {
    expect(physicalReorders([planWith({ reorderDate: null, reorderQuantity: 0 }), planWith({ reorderQuantity: 0 })])).toEqual([]);
  });
  it('takes a stock seen twice once, its pool plan first', () => {
    const lone = planWith({ key: 'amazon|amazon.com|MUG', scope: 'listing' });
    expect(physicalReorders([lone, pool])).toEqual([pool]);
    expect(physicalReorders([lone, { ...lone, key: 'x' }])).toEqual([lone]);
  });
});

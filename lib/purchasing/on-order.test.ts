import { describe, expect, it } from 'vitest';
import { inboundByStockOf, representatives } from './on-order';
import { planWith } from './test-purchasing';

const member = (n: number) =>
  planWith({ key: `amazon|amazon.com|MUG-${n}`, scope: 'listing', poolKey: 'pool:MUG@fba:NA', sku: `MUG-${n}`, reorderQuantity: 500 });

describe('inboundByStockOf', () => {
  it("takes the pool plan's inbound", () => {
    expect(inboundByStockOf([{ ...member(1), inbound: 5 }, planWith({ inbound: 120 })])).toEqual({ 'MUG@fba:NA': 120 });
  });
});

describe('representatives', () => {
  it('keeps one plan per stock: the pool plan over its listings, else the first seen', () => {
    const lamp = planWith({ productId: 'LAMP', poolId: 'own:main', key: 'amazon|amazon.com|LAMP', scope: 'listing' });
    const picked = representatives([member(1), lamp, planWith(), member(2), { ...lamp, key: 'x' }]);
    expect([...picked].map(([k, p]) => [k, p.key])).toEqual([
      ['MUG@fba:NA', 'pool:MUG@fba:NA'],
      ['LAMP@own:main', 'amazon|amazon.com|LAMP'],
    ]);
  });
});

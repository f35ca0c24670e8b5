import { describe, expect, it } from 'vitest';
import { listingKey, listingKeyParts } from './records';

describe('listingKeyParts', () => {
  it('gives back what listingKey was made from, an account suffix dropped and a SKU holding "|" kept whole', () => {
    for (const parts of [
      { platform: 'amazon', marketplace: 'amazon.de', sku: 'MUG-1' },
      { platform: 'ebay', marketplace: 'ebay.com', sku: 'A|B' },
    ] as const) {
      expect(listingKeyParts(listingKey(parts))).toEqual(parts);
      expect(listingKeyParts(listingKey({ ...parts, account: 'amazon-b' }))).toEqual(parts);
    }
  });
});

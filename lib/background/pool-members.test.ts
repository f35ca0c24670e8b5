import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../records';
import { dailyOrders, listingReading, TODAY, useTestBackground } from './test-background';

const background = useTestBackground('pool-members');
const EBAY_URL = 'https://www.ebay.com/sh/lst/active';
const AMAZON_URL = 'https://sellercentral.amazon.com/myinventory/inventory';

/** A lamp listed from the seller's own warehouse on Amazon (60), eBay (30) and Walmart (20). */
function ownWarehouse(platform: 'amazon' | 'ebay' | 'walmart', marketplace: string, available: number): Observation {
  return { ...listingReading('LAMP', TODAY, { available, fulfillment: 'SELLER' }), platform, marketplace, source: `${platform}/listings` };
}

describe('the pool\u2019s other channels in a panel', () => {
  it('lists every other listing of an own-warehouse stock with what it lists and its suggested quantity; a stock of its own lists none', async () => {
    const handlers = await background.setup();
    const sales = dailyOrders('LAMP', 2, 60).map((o) => ({ ...o, fulfillment: 'SELLER' as const }));
    const rows = [...sales, ownWarehouse('amazon', 'amazon.com', 60), ownWarehouse('ebay', 'ebay.com', 30), ownWarehouse('walmart', 'walmart.com', 20)];
    await handlers['import/commit'](
      { importId: 'lamp', batchIndex: 0, rows, last: true },
      { url: 'chrome-extension://bjljbmdnahhiinnjhfdpielpalkjldff/options.html' },
    );
    const { panels } = await handlers['page/ingest'](
      {
        url: EBAY_URL,
        adapterId: 'ebay/active-listings',
        rows: [{ ...ownWarehouse('ebay', 'ebay.com', 30), source: 'ebay/active-listings' }],
        diagnostics: [],
      },
      { url: EBAY_URL },
    );
    const [ebay] = panels;
    expect(ebay!.pool?.poolId).toBe('own:main');
    const members = ebay!.poolMembers!;
    expect(members.map((m) => [m.platform, m.marketplace, m.sku, m.listed])).toEqual([
      ['amazon', 'amazon.com', 'LAMP', 60],
      ['walmart', 'walmart.com', 'LAMP', 20],
    ]);
    // Each member's own channel answer, the share of the 60 units every channel's panel splits the same way.
    const all = (
      await handlers['skus/at-risk']({ risk: 'all', search: 'LAMP', limit: 10 }, { url: 'chrome-extension://bjljbmdnahhiinnjhfdpielpalkjldff/popup.html' })
    ).items;
    for (const m of members) expect(m.suggested).toBe(all.find((i) => i.key === m.key)!.channel!.suggested);
    // The orders are Amazon's: that channel sells from the stock.
    expect(members[0]!.dailyDemand).toBeGreaterThan(1);
    expect(members.every((m) => m.dailyDemand !== null)).toBe(true);

    // An FBA listing sold on one marketplace only shares its stock with nobody.
    const fba = await handlers['page/ingest'](
      {
        url: AMAZON_URL,
        adapterId: 'amazon/manage-inventory',
        rows: [...dailyOrders('MUG', 3, 30), listingReading('MUG', TODAY, { available: 90 })],
        diagnostics: [],
      },
      { url: AMAZON_URL },
    );
    expect(fba.panels.find((p) => p.sku === 'MUG')!.poolMembers).toBeUndefined();
  });
});

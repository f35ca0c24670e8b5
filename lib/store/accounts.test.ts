/**
 * Seller accounts in the store: two accounts' readings of the same SKU are two listings, two
 * products, two pools' stock and two order histories; automatic linking stays inside an
 * account; the seller can still link across accounts by hand; lists and exports filter by account.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { linkListing } from './linking';
import { mergeObservations } from './merge';
import { listAtRisk } from './queries';
import { exportListingsCsv } from './listings-csv';
import { allListings, dropStores, freshStore, listingObs, listingOf, orderObs } from './test-helpers';
import { exportBackup, restoreBackup } from './backup';
import { readAllOrderLines } from './order-store';

afterEach(dropStores);
const NOW = new Date('2024-05-10T12:00:00.000Z');
const AT = '2024-05-10T10:00:00Z';
const B = 'amazon-a2beeeeeeeeeee';

describe('seller accounts in the store', () => {
  it("keeps two accounts' MUG-1 apart: listings, products, pools and orders", async () => {
    const db = await freshStore();
    await mergeObservations(
      db,
      [
        listingObs('MUG-1', AT, { fulfillment: 'FBA', available: 380, title: 'Blue mug' }),
        listingObs('MUG-1', AT, { fulfillment: 'FBA', available: 12, title: 'Red mug', account: B }),
        orderObs('111-1', 'shipped', AT, { quantity: 2 }),
        orderObs('111-1', 'shipped', AT, { quantity: 5, account: B }),
      ],
      NOW,
    );
    const a = await listingOf(db, 'amazon|amazon.com|MUG-1');
    const b = await listingOf(db, `amazon|amazon.com|MUG-1|@${B}`);
    expect(a).toMatchObject({ available: 380, title: 'Blue mug', poolId: 'fba:NA', productId: 'p:amazon|amazon.com|MUG-1' });
    expect(a!.account).toBeUndefined();
    expect(b).toMatchObject({ available: 12, title: 'Red mug', poolId: `fba:NA/${B}`, account: B, linkRule: 'none' });
    expect(b!.productId).not.toBe(a!.productId);
    expect((await db.stockPools.toArray()).map((p) => p.id).sort()).toEqual(['fba:NA', `fba:NA/${B}`]);
    const orders = await readAllOrderLines(db);
    expect(orders.map((o) => [o.listingKey, o.quantity]).sort()).toEqual([
      ['amazon|amazon.com|MUG-1', 2],
      [`amazon|amazon.com|MUG-1|@${B}`, 5],
    ]);
  });

  it('links automatically only inside an account (SKU, GTIN, ASIN), and by hand across accounts', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('MUG-1', AT, { asin: 'B000000001', gtin: '012345678905' })], NOW);
    await mergeObservations(
      db,
      [
        // Same SKU on eBay in the same (default) account: one product, as before accounts.
        listingObs('MUG-1', AT, { platform: 'ebay', marketplace: 'ebay.com', source: 'ebay/active' }),
        // Another account: same SKU, same ASIN elsewhere, same GTIN: never joined automatically.
        listingObs('MUG-1', AT, { account: B }),
        listingObs('MUG-DE', AT, { marketplace: 'amazon.de', asin: 'B000000001', account: B }),
        listingObs('W-1', AT, { platform: 'walmart', marketplace: 'walmart.com', gtin: '012345678905', account: 'walmart-77' }),
      ],
      NOW,
    );
    const rows = new Map((await allListings(db)).map((r) => [r.key, r]));
    const home = 'p:amazon|amazon.com|MUG-1';
    expect(rows.get('ebay|ebay.com|MUG-1')).toMatchObject({ productId: home, linkRule: 'sku' });
    expect(rows.get(`amazon|amazon.com|MUG-1|@${B}`)!.productId).not.toBe(home);
    // Inside account B, the ASIN still links its two marketplaces.
    expect(rows.get(`amazon|amazon.de|MUG-DE|@${B}`)).toMatchObject({ linkRule: 'none' });
    expect(rows.get('walmart|walmart.com|W-1|@walmart-77')).toMatchObject({ linkRule: 'none' });
    expect(rows.get('walmart|walmart.com|W-1|@walmart-77')!.productId).not.toBe(home);

    const moved = await linkListing(db, 'walmart|walmart.com|W-1|@walmart-77', home, NOW);
    expect(moved).toMatchObject({ productId: home, linkRule: 'manual', account: 'walmart-77' });
  });

  it("links an account's own listings across its marketplaces by ASIN", async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('US-1', AT, { asin: 'B000000009', account: B })], NOW);
    await mergeObservations(db, [listingObs('DE-1', AT, { marketplace: 'amazon.de', asin: 'B000000009', account: B })], NOW);
    expect(await listingOf(db, `amazon|amazon.de|DE-1|@${B}`)).toMatchObject({ productId: `p:amazon|amazon.com|US-1|@${B}`, linkRule: 'asin' });
  });

  it('lists, searches and exports one account or all', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('MUG-1', AT, { available: 1 }), listingObs('MUG-1', AT, { available: 2, account: B }), listingObs('CUP', AT)], NOW);
    const keys = async (query: Parameters<typeof listAtRisk>[1]) => (await listAtRisk(db, query)).items.map((i) => i.listing.key).sort();
    expect(await keys({})).toHaveLength(3);
    expect(await keys({ account: 'default' })).toEqual(['amazon|amazon.com|CUP', 'amazon|amazon.com|MUG-1']);
    expect(await keys({ account: B })).toEqual([`amazon|amazon.com|MUG-1|@${B}`]);
    expect(await keys({ account: B, search: 'mug' })).toEqual([`amazon|amazon.com|MUG-1|@${B}`]);
    expect(await keys({ account: 'default', platform: 'amazon', marketplace: 'amazon.com' })).toHaveLength(2);
    expect((await listAtRisk(db, { account: B })).total).toBe(1);

    const all = await exportListingsCsv(db);
    expect(all.rowCount).toBe(3);
    expect(all.csv.split('\r\n')[0]).toMatch(/"account"$/);
    const onlyB = await exportListingsCsv(db, B);
    expect(onlyB.rowCount).toBe(1);
    expect(onlyB.csv).toContain(`"${B}"`);
  });

  it('a backup restores each account apart (link keys rebuilt with the account)', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('MUG-1', AT, { available: 1 }), listingObs('MUG-1', AT, { available: 2, account: B })], NOW);
    const backup = await exportBackup(db, NOW);
    const target = await freshStore('restore');
    await restoreBackup(target, backup, NOW);
    const rows = await allListings(target);
    expect(rows.map((r) => [r.key, r.account, r.available])).toEqual([
      ['amazon|amazon.com|MUG-1', undefined, 1],
      [`amazon|amazon.com|MUG-1|@${B}`, B, 2],
    ]);
    expect((await target.listings.get(`amazon|amazon.com|MUG-1|@${B}`))!.linkKeys).toEqual([`${B}/s:MUG-1`]);
  });
});

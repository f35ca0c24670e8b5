import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseLink, linkListing, unlinkListing } from './linking';
import { refusedWith } from '../messaging/test-refusals';
import { mergeObservations } from './merge';
import { dropStores, freshStore, listingObs, listingOf, allListings } from './test-helpers';

afterEach(dropStores);
const NOW = new Date('2024-05-10T12:00:00.000Z');
const AT = '2024-05-10T10:00:00Z';

describe('automatic linking', () => {
  it('links listings sharing a seller SKU across platforms', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('MUG-1', AT, { fulfillment: 'FBA' })], NOW);
    const r = await mergeObservations(db, [listingObs('MUG-1', AT, { platform: 'ebay', marketplace: 'ebay.com', source: 'ebay/active' })], NOW);
    expect(r.counts.linked).toBe(1);
    const ebay = await listingOf(db, 'ebay|ebay.com|MUG-1');
    expect(ebay).toMatchObject({ productId: 'p:amazon|amazon.com|MUG-1', linkRule: 'sku', poolId: 'own:main' });
    expect(await db.products.count()).toBe(1);
  });

  it('links by GTIN (UPC-12 = EAN-13) and by ASIN across marketplaces, not within one', async () => {
    const db = await freshStore();
    await mergeObservations(
      db,
      [
        listingObs('W-1', AT, { platform: 'walmart', marketplace: 'walmart.com', source: 'walmart/items', gtin: '012345678905' }),
        listingObs('A-US', AT, { asin: 'B000000001' }),
      ],
      NOW,
    );
    await mergeObservations(
      db,
      [
        listingObs('E-9', AT, { platform: 'ebay', marketplace: 'ebay.com', source: 'ebay/active', gtin: '0012345678905' }),
        listingObs('A-DE', AT, { marketplace: 'amazon.de', asin: 'B000000001' }),
        listingObs('A-US-USED', AT, { asin: 'B000000001' }),
      ],
      NOW,
    );
    expect(await listingOf(db, 'ebay|ebay.com|E-9')).toMatchObject({ productId: 'p:walmart|walmart.com|W-1', linkRule: 'gtin' });
    expect(await listingOf(db, 'amazon|amazon.de|A-DE')).toMatchObject({ productId: 'p:amazon|amazon.com|A-US', linkRule: 'asin' });
    expect(await listingOf(db, 'amazon|amazon.com|A-US-USED')).toMatchObject({ productId: 'p:amazon|amazon.com|A-US-USED', linkRule: 'none' });
  });

  it('links listings new in the same batch to each other', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('MUG-1', AT, { platform: 'ebay', marketplace: 'ebay.com' }), listingObs('MUG-1', AT)], NOW);
    const rows = await allListings(db);
    expect(new Set(rows.map((r) => r.productId)).size).toBe(1);
    expect(await db.products.count()).toBe(1);
  });

  it('re-links a listing still alone in its product when it gains a GTIN, and drops the empty product', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('W-1', AT, { platform: 'walmart', marketplace: 'walmart.com', gtin: '012345678905' }), listingObs('A-1', AT)], NOW);
    expect(await db.products.count()).toBe(2);
    await mergeObservations(db, [listingObs('A-1', '2024-05-10T11:00:00Z', { gtin: '012345678905' })], NOW);
    expect(await listingOf(db, 'amazon|amazon.com|A-1')).toMatchObject({ productId: 'p:walmart|walmart.com|W-1', linkRule: 'gtin' });
    expect(await db.products.count()).toBe(1);
  });

  it('prefers SKU over GTIN over ASIN, then listings not placed by hand, then the smallest key', () => {
    const base = { marketplace: 'ebay.com', sku: 'X', gtinKey: 'G', asin: 'A', linkRule: 'none' as const };
    const me = { ...base, key: 'me', productId: '' };
    expect(
      chooseLink(me, [
        { ...base, key: 'z', sku: 'Y', productId: 'pg', marketplace: 'amazon.com' },
        { ...base, key: 'y', productId: 'ps-manual', linkRule: 'manual' },
        { ...base, key: 'x', productId: 'ps', asin: undefined },
      ]),
    ).toEqual({ productId: 'ps', rule: 'sku' });
    expect(chooseLink(me, [{ ...base, key: 'z', sku: 'Y', productId: 'pg' }])).toBeUndefined(); // same marketplace: GTIN does not link
  });
});

describe('manual linking', () => {
  it('an unlink sticks when the same page is read again, and a manual link is never undone', async () => {
    const db = await freshStore();
    const page = [listingObs('MUG-1', AT), listingObs('MUG-1', AT, { platform: 'ebay', marketplace: 'ebay.com', source: 'ebay/active' })];
    await mergeObservations(db, page, NOW);
    const unlinked = await unlinkListing(db, 'ebay|ebay.com|MUG-1', NOW);
    expect(unlinked.productId).not.toBe('p:amazon|amazon.com|MUG-1');
    expect(unlinked.linkRule).toBe('manual');
    await mergeObservations(db, page, NOW);
    await mergeObservations(
      db,
      page.map((o) => ({ ...o, observedAt: '2024-05-10T11:00:00Z', available: 3 })),
      NOW,
    );
    expect(await listingOf(db, 'ebay|ebay.com|MUG-1')).toMatchObject({ productId: unlinked.productId, linkRule: 'manual', available: 3 });

    await mergeObservations(db, [listingObs('OTHER', AT, { platform: 'walmart', marketplace: 'walmart.com' })], NOW);
    await linkListing(db, 'walmart|walmart.com|OTHER', 'p:amazon|amazon.com|MUG-1', NOW);
    expect(await db.products.get('p:walmart|walmart.com|OTHER')).toBeUndefined(); // left empty, removed
    await mergeObservations(db, [listingObs('OTHER', '2024-05-10T11:30:00Z', { platform: 'walmart', marketplace: 'walmart.com', gtin: '4006381333931' })], NOW);
    expect(await listingOf(db, 'walmart|walmart.com|OTHER')).toMatchObject({ productId: 'p:amazon|amazon.com|MUG-1', linkRule: 'manual' });
  });

  it('refuses a listing or product that is not stored, saying which, and changes nothing', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('MUG-1', AT)], NOW);
    expect(await refusedWith(linkListing(db, 'ebay|ebay.com|GONE', 'p:amazon|amazon.com|MUG-1', NOW))).toEqual({
      code: 'listing-missing',
      params: { platform: 'ebay', marketplace: 'ebay.com', sku: 'GONE' },
    });
    expect(await refusedWith(linkListing(db, 'amazon|amazon.com|MUG-1', 'p:nowhere', NOW))).toEqual({ code: 'product-missing', params: {} });
    expect(await refusedWith(unlinkListing(db, 'ebay|ebay.com|GONE', NOW))).toMatchObject({ code: 'listing-missing' });
    expect((await listingOf(db, 'amazon|amazon.com|MUG-1'))?.productId).toBe('p:amazon|amazon.com|MUG-1');
  });

  it('a new listing prefers an automatically placed match over a hand-unlinked one', async () => {
    const db = await freshStore();
    await mergeObservations(db, [listingObs('MUG-1', AT), listingObs('MUG-1', AT, { platform: 'ebay', marketplace: 'ebay.com' })], NOW);
    await unlinkListing(db, 'ebay|ebay.com|MUG-1', NOW);
    await mergeObservations(db, [listingObs('MUG-1', AT, { platform: 'walmart', marketplace: 'walmart.com' })], NOW);
    expect((await listingOf(db, 'walmart|walmart.com|MUG-1'))?.productId).toBe('p:amazon|amazon.com|MUG-1');
  });
});

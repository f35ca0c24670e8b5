import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { refusedWith } from '../messaging/test-refusals';
import { assignPool, assignWarehouse, createWarehouse, deleteWarehouse, listWarehouses, renameWarehouse, warehouseSlug } from './adjustments';
import { mergeObservations } from './merge';
import { dropStores, freshStore, listingObs, listingOf } from './test-helpers';

afterEach(dropStores);
const NOW = new Date('2024-05-10T12:00:00.000Z');
const AT = '2024-05-10T10:00:00Z';
const FBM = 'amazon|amazon.com|MUG';
const EBAY = 'ebay|ebay.com|MUG';
const FBA = 'amazon|amazon.com|FBA-MUG';
const WFS = 'walmart|walmart.com|WFS-MUG';
const UNKNOWN = 'amazon|amazon.com|WHO-KNOWS';

/** A seller-fulfilled Amazon listing, an eBay one, an FBA one, a WFS one and one whose channel is unknown. */
async function seeded() {
  const db = await freshStore('warehouses');
  await mergeObservations(
    db,
    [
      listingObs('MUG', AT, { available: 10, fulfillment: 'SELLER' }),
      listingObs('MUG', AT, { platform: 'ebay', marketplace: 'ebay.com', available: 5 }),
      listingObs('FBA-MUG', AT, { available: 50, fulfillment: 'FBA' }),
      listingObs('WFS-MUG', AT, { platform: 'walmart', marketplace: 'walmart.com', available: 7, fulfillment: 'WFS' }),
      listingObs('WHO-KNOWS', AT, { available: 3 }),
    ],
    NOW,
  );
  return db;
}

describe('warehouseSlug', () => {
  it('is lower case, folds accents and punctuation to single dashes, keeps letters of any script', () => {
    expect(warehouseSlug('  Lager Süd / 2 ')).toBe('lager-sud-2');
    expect(warehouseSlug('East Coast')).toBe('east-coast');
    expect(warehouseSlug('深圳仓')).toBe('深圳仓');
    expect(warehouseSlug('!!!')).toBe('warehouse');
    expect(warehouseSlug('x'.repeat(200))).toHaveLength(60);
    expect(warehouseSlug('East Coast')).toBe(warehouseSlug('east  coast!'));
  });
});

describe('own warehouses', () => {
  it('lists own:main first (even before it has a row), then the named ones, with their listing counts', async () => {
    const db = await seeded();
    await createWarehouse(db, 'West');
    await createWarehouse(db, 'East coast');
    expect(await listWarehouses(db)).toEqual([
      { id: 'own:main', name: 'Own warehouse', listings: 2, isDefault: true },
      { id: 'own:east-coast', name: 'East coast', listings: 0, isDefault: false },
      { id: 'own:west', name: 'West', listings: 0, isDefault: false },
    ]);
    const empty = await freshStore('warehouses-empty');
    expect(await listWarehouses(empty)).toEqual([{ id: 'own:main', name: 'Own warehouse', listings: 0, isDefault: true }]);
  });

  it('makes a unique, deterministic id from the name and keeps the name as typed (trimmed)', async () => {
    const db = await seeded();
    expect(await createWarehouse(db, '  East Coast ')).toEqual({ id: 'own:east-coast', channel: 'SELLER', name: 'East Coast' });
    expect((await createWarehouse(db, 'East-Coast!')).id).toBe('own:east-coast-2');
    expect((await createWarehouse(db, 'Main')).id).toBe('own:main-2');
    expect((await createWarehouse(db, '深圳仓')).id).toBe('own:深圳仓');
    expect(await db.stockPools.get('own:east-coast')).toMatchObject({ channel: 'SELLER', name: 'East Coast' });
  });

  it('refuses empty names, names over 200 characters and names another warehouse has', async () => {
    const db = await seeded();
    expect(await refusedWith(createWarehouse(db, '   '))).toEqual({ code: 'warehouse-name-required', params: {} });
    expect(await refusedWith(createWarehouse(db, 'x'.repeat(201)))).toEqual({ code: 'warehouse-name-too-long', params: { max: 200, length: 201 } });
    expect((await createWarehouse(db, 'x'.repeat(200))).name).toHaveLength(200);
    await createWarehouse(db, 'East');
    expect(await refusedWith(createWarehouse(db, 'east '))).toEqual({ code: 'warehouse-name-taken', params: { name: 'East' } });
    expect(await refusedWith(createWarehouse(db, 'own warehouse'))).toEqual({ code: 'warehouse-name-taken', params: { name: 'Own warehouse' } });
    expect(await listWarehouses(db)).toHaveLength(3);
  });

  it('renames own:main and named warehouses, keeping their ids and assignments', async () => {
    const db = await seeded();
    const east = await createWarehouse(db, 'East');
    await assignWarehouse(db, EBAY, east.id);
    await renameWarehouse(db, 'own:main', 'Shenzhen');
    await renameWarehouse(db, east.id, 'East coast');
    expect(await listWarehouses(db)).toEqual([
      { id: 'own:main', name: 'Shenzhen', listings: 1, isDefault: true },
      { id: 'own:east', name: 'East coast', listings: 1, isDefault: false },
    ]);
    expect(await refusedWith(renameWarehouse(db, east.id, 'shenzhen'))).toEqual({ code: 'warehouse-name-taken', params: { name: 'Shenzhen' } });
    expect(await refusedWith(renameWarehouse(db, east.id, ''))).toEqual({ code: 'warehouse-name-required', params: {} });
    expect(await refusedWith(renameWarehouse(db, 'own:nope', 'X'))).toEqual({ code: 'warehouse-missing', params: { id: 'own:nope' } });
    expect(await refusedWith(renameWarehouse(db, 'fba:NA', 'X'))).toEqual({ code: 'warehouse-missing', params: { id: 'fba:NA' } });
    // A later page read does not reset the name.
    await mergeObservations(db, [listingObs('MUG', '2024-05-10T11:00:00Z', { available: 9, fulfillment: 'SELLER' })], NOW);
    expect((await db.stockPools.get('own:main'))?.name).toBe('Shenzhen');
  });

  it('deletes a warehouse only when no listing draws from it; never own:main', async () => {
    const db = await seeded();
    const east = await createWarehouse(db, 'East');
    await assignWarehouse(db, FBM, east.id);
    expect(await refusedWith(deleteWarehouse(db, east.id))).toEqual({ code: 'warehouse-in-use', params: { name: 'East', listings: 1 } });
    await assignWarehouse(db, FBM, null);
    await deleteWarehouse(db, east.id);
    expect(await db.stockPools.get(east.id)).toBeUndefined();
    expect(await refusedWith(deleteWarehouse(db, 'own:main'))).toEqual({ code: 'warehouse-default-kept', params: {} });
    expect(await refusedWith(deleteWarehouse(db, 'own:gone'))).toEqual({ code: 'warehouse-missing', params: { id: 'own:gone' } });
    expect(await refusedWith(deleteWarehouse(db, 'fba:NA'))).toEqual({ code: 'warehouse-missing', params: { id: 'fba:NA' } });
  });
});

describe('assignWarehouse', () => {
  it('moves seller-fulfilled listings (Amazon FBM, eBay) to a named warehouse and back to automatic', async () => {
    const db = await seeded();
    const west = await createWarehouse(db, 'West');
    expect(await assignWarehouse(db, FBM, west.id)).toMatchObject({ poolId: 'own:west', poolRule: 'manual' });
    await assignWarehouse(db, EBAY, west.id);
    expect((await listWarehouses(db)).map((w) => [w.id, w.listings])).toEqual([
      ['own:main', 0],
      ['own:west', 2],
    ]);
    expect(await assignWarehouse(db, EBAY, null)).toMatchObject({ poolId: 'own:main', poolRule: 'auto' });
    expect((await listingOf(db, EBAY))?.poolId).toBe('own:main');
  });

  it('refuses FBA, WFS and unknown-channel listings, unknown warehouses and non-warehouse pools, changing nothing', async () => {
    const db = await seeded();
    const west = await createWarehouse(db, 'West');
    expect(await refusedWith(assignWarehouse(db, FBA, west.id))).toEqual({ code: 'stock-at-amazon', params: { sku: 'FBA-MUG', marketplace: 'amazon.com' } });
    expect(await refusedWith(assignWarehouse(db, WFS, west.id))).toEqual({ code: 'stock-at-walmart', params: { sku: 'WFS-MUG', marketplace: 'walmart.com' } });
    expect(await refusedWith(assignWarehouse(db, UNKNOWN, west.id))).toEqual({
      code: 'channel-unknown',
      params: { sku: 'WHO-KNOWS', marketplace: 'amazon.com' },
    });
    expect(await refusedWith(assignWarehouse(db, FBM, 'own:typo'))).toEqual({ code: 'warehouse-missing', params: { id: 'own:typo' } });
    expect(await refusedWith(assignWarehouse(db, FBM, 'fba:EU'))).toEqual({ code: 'warehouse-not-own', params: { poolId: 'fba:EU' } });
    expect(await refusedWith(assignWarehouse(db, 'amazon|amazon.com|NOPE', west.id))).toEqual({
      code: 'listing-missing',
      params: { platform: 'amazon', marketplace: 'amazon.com', sku: 'NOPE' },
    });
    expect((await listingOf(db, FBA))?.poolId).toBe('fba:NA');
    expect(await db.stockPools.get('own:typo')).toBeUndefined();
    // Back to automatic is always allowed (e.g. an FBA listing a seller had put in a warehouse by the older store call).
    await assignPool(db, FBA, 'own:west');
    expect(await assignWarehouse(db, FBA, null)).toMatchObject({ poolId: 'fba:NA', poolRule: 'auto' });
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addCalibration, recordReturn } from './adjustments';
import { saveSettings } from './settings-store';
import { deleteAllData, exportBackup, restoreBackup } from './backup';
import { STORED_TABLES, TABLE_NAMES, type StoreDb } from './db';
import { mergeObservations } from './merge';
import { savePlans } from './plans';
import { listAtRisk } from './queries';
import { readFixture } from '../../tests/fixtures/db/load';
import { allListings, allObservations, dropStores, freshStore, listingObs, orderObs, skuPlan } from './test-helpers';

afterEach(dropStores);
const NOW = new Date('2024-05-10T12:00:00.000Z');

async function seeded(): Promise<StoreDb> {
  const db = await freshStore();
  await mergeObservations(
    db,
    [
      listingObs('MUG-1', '2024-05-09T10:00:00Z', { available: 9, fulfillment: 'FBA', title: 'Mug "Blue", 300ml' }),
      listingObs('MUG-1', '2024-05-10T10:00:00Z', { available: 7, fulfillment: 'FBA' }),
      listingObs('MUG-1', '2024-05-10T10:00:00Z', { platform: 'ebay', marketplace: 'ebay.com', available: 4 }),
      orderObs('111', 'shipped', '2024-05-10T09:00:00Z', { quantity: 2 }),
    ],
    NOW,
  );
  await addCalibration(db, { listingKey: 'ebay|ebay.com|MUG-1', onHand: 3, reason: 'counted', by: 'Ana' }, NOW);
  await recordReturn(db, { listingKey: 'ebay|ebay.com|MUG-1', units: 1, reason: 'opened' }, NOW);
  await saveSettings(db, { leadTimeDays: 30, nested: { a: [1, 2] } }, NOW);
  await savePlans(db, [skuPlan('amazon|amazon.com|MUG-1', { daysOfCover: 4 })]);
  await db.dailyDemand.put({ key: 'amazon|amazon.com|MUG-1', date: '2024-05-09', units: 2, how: 'exact' });
  return db;
}

async function dump(db: StoreDb) {
  const read = (n: string) => (n === 'listings' ? allListings(db) : n === 'observations' ? allObservations(db) : db.table(n).toArray());
  return Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (n) => [n, await read(n)])));
}

describe('backup and restore', () => {
  it('round-trips every table through JSON text', async () => {
    const db = await seeded();
    const before = await dump(db);
    const text = JSON.stringify(await exportBackup(db, NOW));
    const other = await freshStore();
    await mergeObservations(other, [listingObs('JUNK', '2024-05-10T10:00:00Z')], NOW);
    const counts = await restoreBackup(other, text);
    expect(counts.listings).toBe(2);
    expect(await dump(other)).toEqual(before);
    // Derived, not in the file, rebuilt: the indexed rows with the plan each shows, and the search chunks.
    expect(await other.listings.orderBy('key').toArray()).toEqual(await db.listings.orderBy('key').toArray());
    expect(await other.searchChunks.toArray()).toEqual(await db.searchChunks.toArray());
  });

  it('restores a backup written before schema v4 (plain rows, older sort key)', async () => {
    const { tables } = readFixture(3); // what a v3 store held; its backups list the same rows
    const { listingSearch: _derived, ...rows } = tables;
    const backup = { format: 'stock-copilot-backup', version: 1, schemaVersion: 3, exportedAt: NOW.toISOString(), tables: rows };
    const db = await freshStore();
    const counts = await restoreBackup(db, JSON.stringify(backup));
    expect(counts).toMatchObject({ listings: 6, observations: 11, plans: 2 });
    expect((await allObservations(db)).map((o) => o.id)).toEqual((rows.observations as { id: string }[]).map((o) => o.id).sort());
    const { items } = await listAtRisk(db, { risk: 'stockout' });
    expect(items.map((i) => [i.listing.key, i.plan?.daysOfCover])).toEqual([['amazon|amazon.com|MUG-BLUE', 6.5]]);
    expect((await listAtRisk(db, { search: 'blaue' })).items.map((i) => i.listing.key)).toEqual(['amazon|amazon.de|BLAUE-TASSE']);
  });

  it.each([
    ['not JSON', '{"format": "stock-copilot-backup", "tabl', /not valid JSON/],
    ['a foreign file', JSON.stringify({ hello: 'world' }), /not a Stock Copilot backup/],
    ['a newer format', JSON.stringify({ format: 'stock-copilot-backup', version: 9 }), /newer version/],
  ])('refuses %s and leaves the data untouched', async (_, text, message) => {
    const db = await seeded();
    const before = await dump(db);
    await expect(restoreBackup(db, text)).rejects.toThrow(message);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a damaged row deep in the file, naming where, before clearing anything', async () => {
    const db = await seeded();
    const before = await dump(db);
    const backup = await exportBackup(db, NOW);
    (backup.tables.observations[2] as { observedAt: unknown }).observedAt = 'yesterday';
    await expect(restoreBackup(db, JSON.parse(JSON.stringify(backup)))).rejects.toThrow(/damaged \(tables\.observations\[2\]\.observedAt/);
    const dup = await exportBackup(db, NOW);
    dup.tables.listings.push(dup.tables.listings[0]!);
    await expect(restoreBackup(db, dup)).rejects.toThrow(/duplicate key/);
    const orphan = await exportBackup(db, NOW);
    orphan.tables.products = [];
    await expect(restoreBackup(db, orphan)).rejects.toThrow(/product .* is missing/);
    expect(await dump(db)).toEqual(before);
  });

  it('deletes all data', async () => {
    const db = await seeded();
    await deleteAllData(db);
    for (const n of STORED_TABLES) expect(await db.table(n).count()).toBe(0);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addCalibration, recordReturn } from './adjustments';
import { updateSettings } from './settings-store';
import { deleteAllData, exportBackup, restoreBackup, validateBackup } from './backup';
import { BackupError, RESTORE_MARKER_ID } from './backup-format';
import { interruptedRestore, RestoreSession } from './backup-restore';
import { STORED_TABLES, TABLE_NAMES, type StoreDb } from './db';
import { readAllOrderLines } from './order-store';
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
      listingObs('MUG-1', '2024-05-01T10:00:00Z', { available: 12, fulfillment: 'FBA' }),
      listingObs('MUG-1', '2024-05-09T10:00:00Z', { available: 9, fulfillment: 'FBA', title: 'Mug "Blue", 300ml' }),
      listingObs('MUG-1', '2024-05-10T10:00:00Z', { available: 7, fulfillment: 'FBA' }),
      listingObs('MUG-1', '2024-05-10T10:00:00Z', { platform: 'ebay', marketplace: 'ebay.com', available: 4 }),
      orderObs('111', 'shipped', '2024-05-10T09:00:00Z', { quantity: 2 }),
    ],
    NOW,
  );
  await addCalibration(db, { listingKey: 'ebay|ebay.com|MUG-1', onHand: 3, reason: 'counted', by: 'Ana' }, NOW);
  await recordReturn(db, { listingKey: 'ebay|ebay.com|MUG-1', units: 1, reason: 'opened' }, NOW);
  await updateSettings(db, () => ({ leadTimeDays: 30, nested: { a: [1, 2] } }), NOW);
  // Other features keep their documents in `settings` under their own ids: backed up too.
  await db.table('settings').put({ id: 'purchase-orders', value: [{ id: 'po-1', quantity: 40 }], updatedAt: NOW.toISOString() });
  await savePlans(db, [skuPlan('amazon|amazon.com|MUG-1', { daysOfCover: 4 })]);
  await db.dailyDemand.put({ key: 'amazon|amazon.com|MUG-1', date: '2024-05-09', units: 2, how: 'exact' });
  return db;
}

async function dump(db: StoreDb) {
  const read = (n: string) =>
    n === 'listings' ? allListings(db) : n === 'observations' ? allObservations(db) : n === 'orders' ? readAllOrderLines(db) : db.table(n).toArray();
  return Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (n) => [n, await read(n)])));
}

/** A backup's lines with one changed by `change` (the header is line 0). */
function withLine(text: string, index: number, change: (line: string) => string | undefined): string {
  const lines = text.split('\n').filter(Boolean);
  const changed = change(lines[index]!);
  if (changed === undefined) lines.splice(index, 1);
  else lines[index] = changed;
  return lines.join('\n');
}

describe('backup and restore (format 2, newline-delimited)', () => {
  it('round-trips every table, every settings row included, and rebuilds what is derived', async () => {
    const db = await seeded();
    const before = await dump(db);
    const text = await exportBackup(db, NOW);
    const [header, ...chunks] = text.trimEnd().split('\n');
    expect(JSON.parse(header!)).toMatchObject({ format: 'stock-copilot-backup', version: 2, tables: { listings: { rows: 2 }, settings: { rows: 2 } } });
    expect(chunks.every((l) => Object.keys(JSON.parse(l)).join() === 'table,rows')).toBe(true);
    const other = await freshStore();
    await mergeObservations(other, [listingObs('JUNK', '2024-05-10T10:00:00Z')], NOW);
    const counts = await restoreBackup(other, text, NOW);
    expect(counts).toMatchObject({ listings: 2, settings: 2, observations: before.observations!.length });
    expect(before.observations!.length).toBeGreaterThanOrEqual(4);
    expect(await dump(other)).toEqual(before);
    expect(await other.listings.orderBy('key').toArray()).toEqual(await db.listings.orderBy('key').toArray());
    expect(await other.searchChunks.toArray()).toEqual(await db.searchChunks.toArray());
    expect(await other.shownChunks.toArray()).toEqual(await db.shownChunks.toArray());
    // The same rows give the same header (checksums), whatever order the store holds them in.
    expect((await exportBackup(other, NOW)).split('\n')[0]).toBe(header);
  });

  it('restores a format-1 backup (one JSON object) written before schema v4', async () => {
    const { tables } = readFixture(3); // what a v3 store held; its backups list the same rows
    const { listingSearch: _derived, ...rows } = tables;
    const backup = { format: 'stock-copilot-backup', version: 1, schemaVersion: 3, exportedAt: NOW.toISOString(), tables: rows };
    const db = await freshStore();
    const counts = await restoreBackup(db, JSON.stringify(backup));
    expect(counts).toMatchObject({ listings: 6, observations: 11, plans: 2 });
    expect((await allObservations(db)).map((o) => o.id).sort()).toEqual((rows.observations as { id: string }[]).map((o) => o.id).sort());
    const { items } = await listAtRisk(db, { risk: 'stockout' });
    expect(items.map((i) => [i.listing.key, i.plan?.daysOfCover])).toEqual([['amazon|amazon.com|MUG-BLUE', 6.5]]);
    expect((await listAtRisk(db, { search: 'blaue' })).items.map((i) => i.listing.key)).toEqual(['amazon|amazon.de|BLAUE-TASSE']);
    // Its pool plan has no poolListingKeys (schema v8's index): the restore gives it them, so the pooled listing finds it.
    expect((await db.plans.get('pool:own:main'))?.poolListingKeys).toEqual(['ebay|ebay.com|MUG-BLUE']);
    expect((await db.listings.get('ebay|ebay.com|MUG-BLUE'))?.planKey).toBe('pool:own:main');
  });

  it.each([
    ['not JSON', () => '{"format": "stock-copilot-backup", "tabl', 'not-json'],
    ['a foreign file', () => JSON.stringify({ hello: 'world' }), 'not-backup'],
    ['a newer format', () => JSON.stringify({ format: 'stock-copilot-backup', version: 9 }), 'newer-version'],
    ['a truncated file (last line gone)', (t: string) => withLine(t, t.trimEnd().split('\n').length - 1, () => undefined), 'truncated'],
    ['a line cut off', (t: string) => withLine(t, 2, (l) => l.slice(0, l.length / 2)), 'damaged'],
    ['a damaged row', (t: string) => t.replace('"observedAt":"2024-05-10T10:00:00.000Z"', '"observedAt":"yesterday"'), 'damaged'],
    ['a changed value that still parses', (t: string) => t.replace('"units":2', '"units":3'), 'checksum'],
    ['a repeated line', (t: string) => withLine(t, 1, (l) => `${l}\n${l}`), 'damaged'],
  ])('refuses %s before changing anything', async (_, corrupt, code) => {
    const db = await seeded();
    const before = await dump(db);
    const bad = corrupt(await exportBackup(db, NOW));
    await expect(restoreBackup(db, bad)).rejects.toMatchObject({ code });
    expect(await dump(db)).toEqual(before);
  });

  it('lists order lines day chunk by day chunk, restores them all, and refuses an order line given twice', async () => {
    const db = await freshStore();
    // Order ids that sort against their days: key order is not the stored (day) order.
    const days = ['2024-05-03', '2024-05-01', '2024-05-02'];
    await mergeObservations(
      db,
      days.flatMap((day, i) => [orderObs(`11${i}-A`, 'shipped', `${day}T09:00:00Z`), orderObs(`11${i}-B`, 'shipped', `${day}T10:00:00Z`, { sku: 'MUG-2' })]),
      NOW,
    );
    const text = await exportBackup(db, NOW);
    const orderLines = text
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l) as { table: string; rows: { orderId: string }[] })
      .filter((c) => c.table === 'orders')
      .flatMap((c) => c.rows.map((r) => r.orderId));
    expect(orderLines).toEqual(['111-A', '111-B', '112-A', '112-B', '110-A', '110-B']);

    const other = await freshStore();
    await restoreBackup(other, text);
    expect(await readAllOrderLines(other)).toEqual(await readAllOrderLines(db));

    const [header, ...lines] = text.trimEnd().split('\n');
    const ordersAt = lines.findIndex((l) => (JSON.parse(l) as { table: string }).table === 'orders');
    const chunk = JSON.parse(lines[ordersAt]!) as { rows: unknown[] };
    // The second line replaced by the first: as many rows as the header says, one key twice.
    const repeated = { ...chunk, rows: chunk.rows.map((row, i) => (i === 1 ? chunk.rows[0] : row)) };
    const bad = [header, ...lines.map((l, i) => (i === ordersAt ? JSON.stringify(repeated) : l))].join('\n');
    await expect(restoreBackup(other, bad)).rejects.toMatchObject({ code: 'duplicate' });
  });

  it('refuses a format-1 backup with a duplicate key or a listing without its product', async () => {
    const { tables } = readFixture(3);
    const { listingSearch: _derived, ...rows } = tables as Record<string, unknown[]>;
    const legacy = (t: Record<string, unknown[]>) => ({
      format: 'stock-copilot-backup',
      version: 1,
      schemaVersion: 3,
      exportedAt: NOW.toISOString(),
      tables: t,
    });
    expect(() => validateBackup(legacy({ ...rows, listings: [...rows.listings!, rows.listings![0]] }))).toThrow(/backup:duplicate/);
    expect(() => validateBackup(legacy({ ...rows, products: [] }))).toThrow(/backup:missing-product/);
    const { plans: _plans, ...noPlans } = rows;
    expect(() => validateBackup(legacy(noPlans))).toThrow(/backup:damaged table plans is missing/);
  });

  it('marks a restore cut off after the clear, and a second restore of the file completes it', async () => {
    const db = await seeded();
    const before = await dump(db);
    const text = await exportBackup(db, NOW);
    const [header, ...lines] = text.trimEnd().split('\n');
    const session = new RestoreSession(header!);
    session.check(lines);
    await session.replace(db, NOW);
    await session.write(db, lines.slice(0, 2), NOW); // the browser closes here
    expect(await interruptedRestore(db)).toEqual({ startedAt: NOW.toISOString(), rows: Object.values(validateBackup(text)).reduce((n, c) => n + c, 0) });
    // A backup of the incomplete store leaves the marker out.
    expect(await exportBackup(db, NOW)).not.toContain(RESTORE_MARKER_ID);
    await restoreBackup(db, text, NOW);
    expect(await interruptedRestore(db)).toBeNull();
    expect(await dump(db)).toEqual(before);
  });

  it('refuses, in the second pass, a line that is not the one the first pass checked', async () => {
    const db = await seeded();
    const [header, ...lines] = (await exportBackup(db, NOW)).trimEnd().split('\n');
    const session = new RestoreSession(header!);
    session.check(lines);
    await session.replace(db, NOW);
    await expect(session.write(db, [lines[1]!], NOW)).rejects.toThrow(BackupError);
    await expect(session.write(db, [lines[1]!], NOW)).rejects.toMatchObject({ code: 'file-changed' });
  });

  it('stores each history record, day chunk and listing chunk once, however finely the file is chunked', async () => {
    const db = await freshStore();
    // 30 listings read on 6 days (the last two recent: day chunks), in lines of 3 rows: each listing's readings span lines.
    const days = ['2024-05-01', '2024-05-03', '2024-05-05', '2024-05-07', '2024-05-09', '2024-05-10'];
    const skus = Array.from({ length: 30 }, (_, i) => `SKU-${i}`);
    await mergeObservations(
      db,
      days.flatMap((d, i) => skus.map((sku, j) => listingObs(sku, `${d}T0${i}:00:00Z`, { available: i + j }))),
      NOW,
    );
    const before = await dump(db);
    const [header, ...lines] = (await exportBackup(db, NOW)).trimEnd().split('\n');
    const fine = lines.flatMap((line) => {
      const { table, rows } = JSON.parse(line) as { table: string; rows: unknown[] };
      return Array.from({ length: Math.ceil(rows.length / 3) }, (_, i) => JSON.stringify({ table, rows: rows.slice(i * 3, i * 3 + 3) }));
    });
    const restore = async (holding: { readingsBatch: number; readingsMax: number; listingsMax: number; ordersMax: number; refreshBatch: number }) => {
      const other = await freshStore();
      const written: Record<'listingHistory' | 'observationChunks' | 'listingChunks', unknown[]> = {
        listingHistory: [],
        observationChunks: [],
        listingChunks: [],
      };
      for (const table of ['listingHistory', 'observationChunks', 'listingChunks'] as const) {
        const bulkPut = other[table].bulkPut.bind(other[table]) as (rows: readonly object[]) => Promise<unknown>;
        vi.spyOn(other[table], 'bulkPut').mockImplementation(((rows: readonly Record<string, unknown>[]) => {
          written[table].push(...rows.map((r) => r.key ?? r.id ?? r.group));
          return bulkPut(rows);
        }) as never);
      }
      const session = new RestoreSession(header!, holding);
      session.check(fine);
      await session.replace(other, NOW);
      for (let i = 0; i < fine.length; i += 4) await session.write(other, fine.slice(i, i + 4), NOW);
      // The listings are stored by now (the readings came after them); the plan rebuild rewrites their chunks once more.
      const listingChunks = written.listingChunks.splice(0);
      await session.finish(other);
      const rebuilt = written.listingChunks.splice(0);
      expect(await dump(other)).toEqual(before);
      return { ...written, listingChunks, rebuilt };
    };
    // Readings held a few groups at a time (a group is never split), listings all together, plans rebuilt a few groups at a time: no record written twice.
    const whole = await restore({ readingsBatch: 20, readingsMax: 1_000, listingsMax: 1_000, ordersMax: 1_000, refreshBatch: 4 });
    for (const keys of Object.values(whole)) expect(new Set(keys).size).toBe(keys.length);
    expect(whole.listingHistory).toHaveLength(skus.length);
    // Held fewer than a group's readings, or fewer listings than a group's: stored in parts, still exactly.
    const parts = await restore({ readingsBatch: 1, readingsMax: 2, listingsMax: 2, ordersMax: 2, refreshBatch: 1 });
    expect(parts.listingHistory.length).toBeGreaterThan(skus.length);
    expect(new Set(parts.listingChunks).size).toBeLessThan(parts.listingChunks.length);
  });

  it('deletes all data', async () => {
    const db = await seeded();
    await deleteAllData(db);
    for (const n of STORED_TABLES) expect(await db.table(n).count()).toBe(0);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadFixtureDb, readFixture } from '../../tests/fixtures/db/load';
import { validateBackup, exportBackup } from './backup';
import { StoreDb } from './db';
import { listAtRisk } from './queries';
import { CURRENT_SCHEMA_VERSION, declareSchema, SCHEMA_VERSIONS } from './schema';
import { allObservations, allSearchEntries, listingOf, allListings } from './test-helpers';
import { indexRowOf, planFieldsOf } from './tables/listings';
import { getListingsWithPlans } from './queries';
import { plansCovering } from './plans';
import { urgencyOf } from './migrations/frozen-sort-key';
import { entriesOf } from './tables/searchChunks';
import { OWN_PLAN } from './tables/shownChunks';
import { readAllOrderLines } from './order-store';
import { orderMonthsOf } from './tables/orderMonths';
import { encodeOrderChunk, orderLinesOf, type OrderChunkRow } from './tables/orderChunks';
import type { OrderRow } from './tables/orders';
import { Dexie } from 'dexie';

const NOW = new Date('2024-05-10T12:00:00.000Z');

/** Primary key of a fixture row, per table. */
const keyOf: Record<string, (row: Record<string, unknown>) => string> = {
  products: (r) => String(r.id),
  listings: (r) => String(r.key),
  stockPools: (r) => String(r.id),
  observations: (r) => String(r.id),
  orders: (r) => String(r.key),
  dailyDemand: (r) => `${r.key}|${r.date}`,
  calibrations: (r) => String(r.id),
  returns: (r) => String(r.id),
  settings: (r) => String(r.id),
  plans: (r) => String(r.key),
  listingSearch: (r) => String(r.key),
  listingChunks: (r) => String(r.group),
  observationChunks: (r) => String(r.id),
  listingHistory: (r) => String(r.key),
  searchChunks: (r) => String(r.group),
  shownChunks: (r) => String(r.group),
  orderChunks: (r) => String(r.id),
  orderMonths: (r) => `${String(r.month)}#${String(r.part)}`,
};

/**
 * A table as today's store gives it back: listings and the history are stored in chunks since
 * v4 (order lines since v5), so older fixtures' rows are compared with the rows read through the chunks; the at-risk
 * sort key was redefined in v4 (plan fields only), so it is recomputed, not kept.
 */
async function current(db: StoreDb, table: string, fixtureVersion: number): Promise<Record<string, unknown>[]> {
  if (table === 'observations') return allObservations(db);
  // Order lines are stored in day chunks since v5.
  if (table === 'orders') return readAllOrderLines(db);
  if (table === 'listings') return fixtureVersion >= 4 ? db.listings.toArray() : listingsWithPlanFields(db);
  // v3's trigram search table became the search chunks in v4 (same SKU and title, lower-cased).
  if (table === 'listingSearch') return (await allSearchEntries(db)) as unknown as Record<string, unknown>[];
  // v7 stores a day chunk's lines as columns: older fixtures' chunks are compared as lines by key.
  if (table === 'orderChunks' && fixtureVersion < 7) return (await db.orderChunks.toArray()).map(linesByKey);
  return db.table(table).toArray();
}

/** A day chunk as v5/v6 stored it: its lines by order key. */
function linesByKey(c: OrderChunkRow): Record<string, unknown> {
  return { id: c.id, date: c.date, lines: Object.fromEntries(orderLinesOf(c).map((l) => [l.key, l])) };
}
/** Records sorted by id. */
function sortedById<T extends { id?: unknown }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
}

/** Each month's listings (the union of its parts), sorted. */
async function monthListings(db: StoreDb): Promise<Map<string, string[]>> {
  const months = new Map<string, string[]>();
  for (const p of await db.orderMonths.toArray()) months.set(p.month, [...(months.get(p.month) ?? []), ...p.listingKeys].sort());
  return months;
}

/** Full listing rows with the plan key their indexed rows carry (since v4 it lives there only). */
async function listingsWithPlanFields(db: StoreDb): Promise<Record<string, unknown>[]> {
  const indexed = new Map((await db.listings.toArray()).map((r) => [r.key, r]));
  return (await allListings(db)).map((row) => ({ ...row, ...planFieldsOf(indexed.get(row.key)!) }));
}

function comparable(table: string, row: Record<string, unknown>, fixtureVersion: number): Record<string, unknown> {
  // v6 moved the chunks' listing keys to orderMonths (checked on its own below).
  if (table === 'orderChunks' && fixtureVersion < 6) {
    const { listingKeys: _listingKeys, ...rest } = row;
    return rest;
  }
  // v8's search entries hold the title as shown (lower-cased before) and the plan key: checked below against the listings.
  if (table === 'listingSearch') {
    const { terms: _terms, title: _title, ...rest } = row;
    return rest;
  }
  // v9 keeps each chunk's text only: what its listings show of their plans moved to the shown chunks (checked below with the entries).
  if (table === 'searchChunks' && fixtureVersion < 9) {
    const { titles, urgency: _urgency, risks: _risks, plans: _plans, ...rest } = row;
    return fixtureVersion < 8 ? rest : { ...rest, titles };
  }
  if (table !== 'listings' || fixtureVersion >= 8) return row;
  // v8 keeps only the plan's key on listing rows (the sort key and risk tags went to the search entries, checked below).
  const { urgency: _urgency, daysOfCover: _daysOfCover, riskTypes: _riskTypes, plan: _plan, ...rest } = row;
  return rest;
}

describe('schema migrations', () => {
  it('every released schema version has a fixture database', () => {
    expect(fixtureVersions()).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  it.each(fixtureVersions())('upgrades the v%i fixture to the current version without losing anything', async (version) => {
    const name = `migration-v${version}`;
    const fixture = await loadFixtureDb(version, name);
    const db = new StoreDb(name);
    await db.open();
    try {
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const stored = await current(db, table, version);
        expect(stored, table).toHaveLength(rows.length);
        const byKey = new Map(stored.map((r: Record<string, unknown>) => [keyOf[table]!(r), r]));
        for (const row of rows) expect(byKey.get(keyOf[table]!(row)), `${table} ${keyOf[table]!(row)}`).toMatchObject(comparable(table, row, version));
      }
      // Each month lists exactly the listings of its day chunks' lines (built by the v6 upgrade).
      const chunks = await db.orderChunks.toArray();
      expect(chunks.every((c) => !('listingKeys' in c))).toBe(true);
      // ...and each chunk's lines are columns (v7), the same as the v7 fixture's.
      expect(chunks.every((c) => !('lines' in c) && c.wordIndexes instanceof Uint32Array)).toBe(true);
      expect(sortedById(chunks)).toEqual(sortedById(readFixture(7).tables.orderChunks!));
      expect(await monthListings(db)).toEqual(new Map(orderMonthsOf(chunks).map((m) => [m.month, m.listingKeys])));
      expect(await monthListings(db)).toEqual(new Map([['amazon|amazon.com|2024-05', ['amazon|amazon.com|MUG-BLUE', 'amazon|amazon.com|TEAPOT']]]));
      // The indexed listing rows are the projection of the full rows (v4), with today's sort key.
      const full = await allListings(db);
      const indexed = await db.listings.orderBy('key').toArray();
      expect(indexed).toEqual(full.map((row, i) => indexRowOf(row, indexed[i]!)));
      // ...each naming the plan it shows (v8: the key only, the plan read from `plans`).
      const shown = await getListingsWithPlans(
        db,
        indexed.map((r) => r.key),
      );
      expect(shown.filter((r) => r?.plan).map((r) => [r!.listing.key, r!.listing.planKey, r!.plan!.daysOfCover])).toEqual([
        ['amazon|amazon.com|MUG-BLUE', 'amazon|amazon.com|MUG-BLUE', 6.5],
        ['ebay|ebay.com|MUG-BLUE', 'pool:own:main', 40],
      ]);
      expect(indexed.some((r) => 'urgency' in r || 'plan' in r || 'daysOfCover' in r || 'riskTypes' in r)).toBe(false);
      // Each listing's search entry holds its title as shown, the key of the plan it shows, and that plan's sort key as the upgrades computed it.
      const entries = new Map((await allSearchEntries(db)).map((e) => [e.key, e]));
      expect(shown.map((r) => entries.get(r!.listing.key)?.urgency)).toEqual(
        shown.map((r) => urgencyOf({ ...(r!.listing.planKey ? { planKey: r!.listing.planKey } : {}), daysOfCover: r!.plan?.daysOfCover })),
      );
      expect(shown.map((r) => [entries.get(r!.listing.key)?.title, entries.get(r!.listing.key)?.planKey])).toEqual(
        shown.map((r) => [r!.listing.title, r!.listing.planKey]),
      );
      // Every upgraded row is valid today (the backup validator checks each table's row schema).
      const backup = await exportBackup(db, NOW);
      expect(() => validateBackup(JSON.parse(JSON.stringify(backup)))).not.toThrow();

      // Back-filled by the v2 upgrade: pools, sort key, risk types, lastSeenAt.
      const listings = await allListings(db);
      expect(listings.every((l) => l.poolRule === 'auto' || l.poolRule === 'manual')).toBe(true);
      expect((await listingOf(db, 'amazon|amazon.de|BLAUE-TASSE'))?.poolId).toBe('fba:EU');
      expect((await listingOf(db, 'walmart|walmart.com|W-MUG'))?.poolId).toBe('wfs:walmart.com');
      expect((await listingOf(db, 'ebay|ebay.com|MUG-BLUE'))?.poolId).toBe('own:main');
      expect((await db.stockPools.toArray()).map((p) => p.id).sort()).toEqual(['fba:EU', 'fba:NA', 'own:main', 'wfs:walmart.com']);
      expect((await allObservations(db)).every((o) => o.lastSeenAt >= o.observedAt)).toBe(true);
      const { items } = await listAtRisk(db, { risk: 'stockout' });
      expect(items.map((i) => [i.listing.key, i.plan?.daysOfCover])).toEqual([['amazon|amazon.com|MUG-BLUE', 6.5]]);
    } finally {
      db.close();
      await db.delete();
    }
  });

  it("deletes v9's cache records of their own (v10 keeps the cache in the digest record) and nothing else of the table", async () => {
    const key = 'amazon|amazon.com|MUG';
    const old = new Dexie('migration-v9-cache');
    declareSchema(old, 9);
    await old.open();
    const digest = { key, date: 'history', format: 3, count: 0, sums: { count: 0 }, readings: '[]' };
    const perDay = { key, date: '2024-05-01', units: 2, how: 'exact' };
    await old
      .table('dailyDemand')
      .bulkPut([{ key, date: '', inputs: 'fp', startDay: 19_000, units: new Float64Array(2), how: new Uint8Array(2) }, digest, perDay]);
    old.close();
    const db = new StoreDb('migration-v9-cache');
    await db.open();
    try {
      expect(await db.dailyDemand.orderBy('[key+date]').toArray()).toEqual([perDay, digest]);
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('upgrades v7 listing rows to their plan key only, writing their plan key, sort key and risk tags into their search entries (which a v7 store could have let drift)', async () => {
    const key = 'amazon|amazon.com|MUG';
    const old = new Dexie('migration-v7-plans');
    declareSchema(old, 7);
    await old.open();
    const row = { key, platform: 'amazon', marketplace: 'amazon.com', sku: 'MUG', productId: 'p:MUG', linkRule: 'none', linkKeys: ['s:MUG'] };
    await old.table('listings').bulkPut([
      { ...row, planKey: key, daysOfCover: 3, riskTypes: ['stockout', 'critical'], urgency: 3, plan: { key } },
      { ...row, key: 'amazon|amazon.com|CUP', sku: 'CUP', urgency: 1e7 },
    ]);
    // A stale entry for MUG, and none for CUP (nothing to write it into: the next listing write adds it).
    await old.table('searchChunks').put({ group: 9, keys: [key, 'x'], skus: ['mug', 'x'], titles: ['', ''], urgency: [1e7, 5], risks: ['', 'overstock'] });
    const plan = { scope: 'listing', daysOfCover: 3, riskTypes: [], computedAt: '2024-05-10T12:00:00.000Z', plan: { productId: 'p:MUG' } };
    await old.table('plans').bulkPut([
      { ...plan, key, listingKeys: [key] },
      { ...plan, key: 'pool:p@own:main', scope: 'pool', listingKeys: [key, 'amazon|amazon.com|CUP'] },
    ]);
    old.close();
    const db = new StoreDb('migration-v7-plans');
    await db.open();
    try {
      expect(await db.listings.get(key)).toEqual({ ...row, planKey: key });
      expect(await db.listings.get('amazon|amazon.com|CUP')).toEqual({ ...row, key: 'amazon|amazon.com|CUP', sku: 'CUP' });
      expect(entriesOf(await db.searchChunks.get(9), await db.shownChunks.get(9))).toEqual([
        { key, sku: 'mug', urgency: 3, riskTypes: ['stockout', 'critical'], planKey: key },
        { key: 'x', sku: 'x', urgency: 5, riskTypes: ['overstock'] },
      ]);
      expect(db.listings.schema.indexes.map((i) => i.name).sort()).toEqual(['linkKeys', 'productId']);
      // Plans: only pool plans are indexed by the listings they cover (a listing plan's key is its listing's).
      // (v10 indexed every plan by its product too; v11 dropped that index: nothing reads it.)
      expect(db.plans.schema.indexes.map((i) => i.name)).toEqual(['poolListingKeys']);
      expect((await db.plans.toArray()).map((p) => [p.key, p.poolListingKeys])).toEqual([
        [key, undefined],
        ['pool:p@own:main', [key, 'amazon|amazon.com|CUP']],
      ]);
      expect((await plansCovering(db, ['amazon|amazon.com|CUP'])).map((p) => p.key)).toEqual(['pool:p@own:main']);
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('upgrades v8 search chunks to their text, with what each listing shows of its plan in a shown chunk of the same group', async () => {
    const old = new Dexie('migration-v8-shown');
    declareSchema(old, 8);
    await old.open();
    const chunk = {
      group: 4,
      keys: ['a', 'b', 'c'],
      skus: ['mug', 'cup', 'pot'],
      titles: ['Blue Mug', '', ''],
      urgency: [3, 1e7, 40],
      risks: ['stockout,critical', '', ''],
      plans: ['a', '', 'pool:p@own:main'],
    };
    await old.table('searchChunks').put(chunk);
    old.close();
    const db = new StoreDb('migration-v8-shown');
    await db.open();
    try {
      expect(await db.searchChunks.get(4)).toEqual({ group: 4, keys: ['a', 'b', 'c'], skus: ['mug', 'cup', 'pot'], titles: ['Blue Mug', '', ''] });
      // The shown columns follow the chunk's keys; a listing showing its own plan says so in one character.
      expect(await db.shownChunks.get(4)).toEqual({
        group: 4,
        urgency: [3, 1e7, 40],
        risks: ['stockout,critical', '', ''],
        plans: [OWN_PLAN, '', 'pool:p@own:main'],
      });
      expect(entriesOf(await db.searchChunks.get(4), await db.shownChunks.get(4))).toEqual([
        { key: 'a', sku: 'mug', title: 'Blue Mug', urgency: 3, riskTypes: ['stockout', 'critical'], planKey: 'a' },
        { key: 'b', sku: 'cup', urgency: 1e7 },
        { key: 'c', sku: 'pot', urgency: 40, planKey: 'pool:p@own:main' },
      ]);
    } finally {
      db.close();
      await db.delete();
    }
  });

  it("upgrades v6 day chunks to columns keeping every line's optional fields (price, channel, account) and their absence", async () => {
    const line = (orderId: string, extra: Partial<OrderRow>): OrderRow => ({
      key: `amazon|amazon.com|${orderId}|MUG|@amazon-b`,
      platform: 'amazon',
      marketplace: 'amazon.com',
      account: 'amazon-b',
      orderId,
      sku: 'MUG',
      listingKey: 'amazon|amazon.com|MUG|@amazon-b',
      quantity: 3,
      status: 'shipped',
      orderDate: '2024-05-06',
      observedAt: '2024-05-08T10:00:00.000Z',
      firstObservedAt: '2024-05-07T10:00:00.000Z',
      source: 'amazon/all-orders',
      ...extra,
    });
    const lines = [
      line('o-2', { itemPrice: { amountMinor: 1_999, currency: 'USD' }, fulfillment: 'FBA' }),
      line('o-1', { itemPrice: { amountMinor: -250, currency: 'CAD' }, quantity: 0, status: 'cancelled' }),
      line('o-3', { fulfillment: 'SELLER', orderDate: '2024-05-07', quantity: 1_000_000_000 }),
    ];
    const id = 'amazon|amazon.com|2024-05-06|@amazon-b';
    const old = new Dexie('migration-v6-columns');
    declareSchema(old, 6);
    await old.open();
    await old.table('orderChunks').put({ id, date: '2024-05-06', lines: Object.fromEntries(lines.map((l) => [l.key, l])) });
    old.close();
    const db = new StoreDb('migration-v6-columns');
    await db.open();
    try {
      expect(await readAllOrderLines(db)).toEqual([lines[1], lines[0], lines[2]]);
      // The frozen upgrade writes what the live encoding writes for the same lines.
      expect(await db.orderChunks.get(id)).toEqual(encodeOrderChunk(id, '2024-05-06', lines));
    } finally {
      db.close();
      await db.delete();
    }
  });
});

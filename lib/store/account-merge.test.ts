/**
 * Merging two account ids of one seller: two accounts with overlapping SKUs, readings in day
 * chunks and history records, overlapping order lines, corrections, returns, plans, spans and
 * settings overrides, merged into one; nothing lost, nothing counted twice, the newest reading
 * wins, and a merge into itself or an unknown account changes nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_ACCOUNTS, stampAccount, type AccountsDoc } from '../accounts/registry';
import { accountOfKey } from '../records';
import { loadAccounts, saveAccounts } from './accounts-store';
import { addCalibration, recordReturn } from './adjustments';
import { linkListing } from './linking';
import { compactObservations, summaryIdOf } from './compaction';
import { DAY_SUMMARY_SOURCE } from './tables/observations';
import { AccountMergeError, mergeAccounts, previewAccountMerge } from './account-merge';
import { readHistoryDigests } from './history-digest';
import { mergeObservations } from './merge';
import { loadInboundArrivals, saveInboundArrival } from './inbound-arrivals-store';
import { loadInboundShipments, saveInboundShipments } from './inbound-shipments-store';
import { loadOrderImportSpans, recordImportBatch } from './order-import-spans';
import { savePlans } from './plans';
import { observationIdOf } from './tables/observations';
import { allListings, allObservations, allSearchEntries, dropStores, freshStore, listingObs, listingOf, orderObs, skuPlan } from './test-helpers';
import type { StoreDb } from './db';
import { countOrderLines, readAllOrderLines } from './order-store';
import { refusedWith } from '../messaging/test-refusals';
import type { RefusalCode } from '../messaging/refusals';

afterEach(dropStores);
const NOW = new Date('2024-05-10T12:00:00.000Z');
const B = 'amazon-b';
const DOC: AccountsDoc = {
  accounts: [
    { id: 'default', name: 'Acme', sellers: [{ platform: 'amazon', seller: 'A1' }] },
    { id: B, name: 'Acme Ltd', sellers: [{ platform: 'amazon', seller: 'Acme Ltd' }] },
  ],
  lastByHost: { 'sellercentral.amazon.com': B },
  lastByPlatform: { amazon: B },
  overrides: { default: { targetCoverDays: 60 }, [B]: { targetCoverDays: 90, serviceLevel: 0.9 } },
};

/** Both accounts: MUG-1 and MUG-2 in both (MUG-1 newest in default, MUG-2 newest in B), MUG-3 only in B. */
async function twoAccounts(): Promise<StoreDb> {
  const db = await freshStore('account-merge');
  await saveAccounts(db, DOC, NOW);
  const same = { fulfillment: 'FBA' as const, available: 400, title: 'Blue mug' };
  await mergeObservations(
    db,
    [
      // Old days (history records) and the same reading under both ids (one seller, two ids).
      listingObs('MUG-1', '2024-04-01T10:00:00Z', same),
      listingObs('MUG-1', '2024-04-01T10:00:00Z', { ...same, account: B }),
      listingObs('MUG-1', '2024-04-02T10:00:00Z', { ...same, available: 395, account: B }),
      listingObs('MUG-1', '2024-05-09T10:00:00Z', { fulfillment: 'FBA', available: 12, account: B }),
      listingObs('MUG-1', '2024-05-10T10:00:00Z', { fulfillment: 'FBA', available: 380 }),
      listingObs('MUG-2', '2024-05-09T09:00:00Z', { fulfillment: 'FBA', available: 50 }),
      listingObs('MUG-2', '2024-05-10T09:00:00Z', { fulfillment: 'FBA', available: 7, account: B }),
      listingObs('MUG-3', '2024-04-03T09:00:00Z', { fulfillment: 'FBA', available: 30, account: B }),
      listingObs('MUG-3', '2024-05-10T09:00:00Z', { fulfillment: 'FBA', available: 28, account: B }),
    ],
    NOW,
  );
  // The same order line read under both ids, plus lines only one of them has.
  const orders = [
    orderObs('111-1', 'shipped', '2024-05-09T08:00:00Z', { quantity: 2 }),
    orderObs('111-1', 'shipped', '2024-05-09T08:00:00Z', { quantity: 2, account: B }),
    orderObs('111-2', 'shipped', '2024-05-09T08:00:00Z', { quantity: 3, sku: 'MUG-3', account: B }),
    orderObs('111-3', 'unshipped', '2024-05-10T08:00:00Z', { quantity: 1, sku: 'MUG-2' }),
  ].map((o) => ({ ...o, source: 'report:amazon/all-orders' }));
  await mergeObservations(db, orders, NOW);
  await recordImportBatch(
    db,
    'import-b',
    orders.filter((o) => o.account === B),
    NOW,
  );
  await addCalibration(db, { listingKey: `amazon|amazon.com|MUG-3|@${B}`, onHand: 25, reason: 'counted', by: 'seller' }, NOW);
  await recordReturn(db, { listingKey: `amazon|amazon.com|MUG-1|@${B}`, units: 1 }, NOW);
  await savePlans(db, [skuPlan(`amazon|amazon.com|MUG-3|@${B}`)]);
  return db;
}

/** Merging B into the default account is refused with `code` (its reason naming the field) and changes nothing. */
async function expectRefusedAndUnchanged(db: StoreDb, code: RefusalCode, reason: RegExp): Promise<void> {
  const snapshot = async () => ({
    listings: (await allListings(db)).map((l) => [l.key, l.available]),
    readings: (await allObservations(db)).map((r) => r.id),
    orders: (await db.orderChunks.toArray()).map((c) => [c.id, [...c.keys], [...c.quantities]]),
    doc: await loadAccounts(db),
  });
  const before = await snapshot();
  const refusal = await refusedWith(mergeAccounts(db, B, 'default', NOW));
  expect(refusal).toMatchObject({ code, params: { account: B } });
  expect(String(refusal?.params.reason)).toMatch(reason);
  expect(await snapshot()).toEqual(before);
}

/** Units sold per order day over distinct order lines (what demand reconstruction counts). */
function unitsPerDay(orders: readonly { orderDate: string; quantity: number; status: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of orders) if (o.status !== 'cancelled') out[o.orderDate] = (out[o.orderDate] ?? 0) + o.quantity;
  return out;
}

describe('merging two account ids of one seller', () => {
  it('moves every listing, reading and order line once, the newest reading winning', async () => {
    const db = await twoAccounts();
    const readingsBefore = await allObservations(db);
    // What the merged history must hold: every reading as the target's, the shared one once.
    const expectedIds = new Set(readingsBefore.map((r) => observationIdOf(stampAccount(r.record, 'default'))));
    const ordersBefore = await readAllOrderLines(db);
    const expectedOrders = new Map(ordersBefore.map((o) => [`${o.orderId}|${o.sku}`, o]));
    expect(readingsBefore).toHaveLength(9);
    expect(expectedIds.size).toBe(8);

    const preview = await previewAccountMerge(db, B, 'default');
    expect(preview).toEqual({ listings: 3, collisions: 2, readings: 6, orders: 2, calibrations: 1, returns: 1 });
    const { productIds } = await mergeAccounts(db, B, 'default', NOW);

    const listings = await allListings(db);
    expect(listings.map((l) => l.key)).toEqual(['amazon|amazon.com|MUG-1', 'amazon|amazon.com|MUG-2', 'amazon|amazon.com|MUG-3']);
    expect(listings.every((l) => l.account === undefined && l.poolId === 'fba:NA')).toBe(true);
    expect((await listingOf(db, 'amazon|amazon.com|MUG-1'))!.available).toBe(380); // the target's newer reading
    expect((await listingOf(db, 'amazon|amazon.com|MUG-2'))!.available).toBe(7); // the merged-away account's newer reading
    expect((await listingOf(db, 'amazon|amazon.com|MUG-1'))!.title).toBe('Blue mug');

    const readingsAfter = await allObservations(db);
    expect(new Set(readingsAfter.map((r) => r.id))).toEqual(expectedIds);
    expect(readingsAfter).toHaveLength(expectedIds.size);
    expect(readingsAfter.every((r) => accountOfKey(r.listingKey) === 'default')).toBe(true);

    const ordersAfter = await readAllOrderLines(db);
    expect(ordersAfter).toHaveLength(expectedOrders.size);
    expect(unitsPerDay(ordersAfter)).toEqual(unitsPerDay([...expectedOrders.values()]));
    expect(unitsPerDay(ordersAfter)).toEqual({ '2024-05-09': 5, '2024-05-10': 1 });

    expect(productIds).toEqual(expect.arrayContaining(listings.map((l) => l.productId)));
  });

  it('leaves no row of the merged-away account and re-keys its corrections, returns, spans, pools and registry', async () => {
    const db = await twoAccounts();
    await mergeAccounts(db, B, 'default', NOW);
    const ownedByB = (keys: readonly string[]) => keys.filter((k) => k.includes(B));
    expect(ownedByB((await db.listings.toCollection().primaryKeys()) as string[])).toEqual([]);
    expect(ownedByB((await db.listingHistory.toCollection().primaryKeys()) as string[])).toEqual([]);
    expect(ownedByB((await db.dailyDemand.toArray()).map((r) => r.key))).toEqual([]);
    expect(ownedByB((await db.plans.toArray()).flatMap((p) => p.listingKeys))).toEqual([]);
    expect(ownedByB((await db.searchChunks.toArray()).flatMap((c) => c.keys))).toEqual([]);
    expect(ownedByB((await allSearchEntries(db)).map((e) => e.key))).toEqual([]);
    // Each group's shown plans still follow its keys.
    expect((await db.shownChunks.toArray()).map((c) => c.plans.length)).toEqual((await db.searchChunks.toArray()).map((c) => c.keys.length));
    expect(ownedByB((await db.stockPools.toArray()).map((p) => p.id))).toEqual([]);
    // Every product a listing names exists, and none is left without a listing.
    const products = new Set((await db.products.toArray()).map((p) => p.id));
    const used = new Set((await db.listings.toArray()).map((l) => l.productId));
    expect(products).toEqual(used);

    const [calibration] = await db.calibrations.toArray();
    expect(calibration).toMatchObject({ listingKey: 'amazon|amazon.com|MUG-3', poolId: 'fba:NA' });
    const [held] = await db.returns.toArray();
    expect(held).toMatchObject({ listingKey: 'amazon|amazon.com|MUG-1' });
    expect((await loadOrderImportSpans(db)).map((s) => s.account)).toEqual([undefined]);

    const history = await db.listingHistory.get('amazon|amazon.com|MUG-1');
    const digest = (await readHistoryDigests(db, ['amazon|amazon.com|MUG-1'])).get('amazon|amazon.com|MUG-1');
    expect(digest?.count).toBe(history!.rows.length);
    expect(history!.rows).toHaveLength(2); // 04-01 (both ids, one reading) and 04-02

    const doc = (await loadAccounts(db)) as AccountsDoc;
    expect(doc.accounts.map((a) => a.id)).toEqual(['default']);
    expect(doc.accounts[0]!.sellers).toHaveLength(2);
    expect(doc.lastByHost['sellercentral.amazon.com']).toBe('default');
    expect(doc.overrides).toEqual({ default: { targetCoverDays: 60, serviceLevel: 0.9 } });
  });

  it("moves hand-entered inbound arrivals to the target's listings, the target's own winning", async () => {
    const db = await twoAccounts();
    const key = (sku: string, account?: string) => `amazon|amazon.com|${sku}${account ? `|@${account}` : ''}`;
    await saveInboundArrival(db, key('MUG-1'), '2024-05-20', 100, NOW);
    await saveInboundArrival(db, key('MUG-1', B), '2024-05-25', 50, NOW, 'FBA1MUG1'); // the target has MUG-1's: dropped
    await saveInboundArrival(db, key('MUG-2', B), '2024-05-22', 30, NOW);
    await saveInboundArrival(db, key('MUG-3', B), '2024-05-18', 10, NOW, 'FBA2MUG3');
    await saveInboundArrival(db, key('MUG-3', B), '2024-06-01', 20, NOW, 'FBA3MUG3'); // split across shipments: both kept
    await mergeAccounts(db, B, 'default', NOW);
    const arrivals = (await loadInboundArrivals(db)).map((a) => [a.listingKey, a.date, a.units, a.shipmentId]);
    expect(arrivals).toEqual([
      [key('MUG-1'), '2024-05-20', 100, undefined],
      [key('MUG-2'), '2024-05-22', 30, undefined],
      [key('MUG-3'), '2024-05-18', 10, 'FBA2MUG3'],
      [key('MUG-3'), '2024-06-01', 20, 'FBA3MUG3'],
    ]);
  });

  it('makes the shipments read under the merged account the target’s, so their contents tie the merged listings', async () => {
    const db = await twoAccounts();
    const shipment = (shipmentId: string) => ({ shipmentId, status: 'in-transit' as const, items: [{ sku: 'MUG-1', unitsExpected: 10 }] });
    await saveInboundShipments(db, [shipment('FBA17BBBB2')], 'amazon.com', NOW, B);
    await saveInboundShipments(db, [shipment('FBA17CCCC3')], 'amazon.com', NOW, 'amazon-c');
    await mergeAccounts(db, B, 'default', NOW);
    expect((await loadInboundShipments(db)).map((s) => [s.shipmentId, s.account])).toEqual([
      ['FBA17BBBB2', undefined],
      ['FBA17CCCC3', 'amazon-c'],
    ]);
  });

  it("folds compacted day summaries into the target's summary of the same day", async () => {
    const db = await twoAccounts();
    await compactObservations(db, NOW, { windowDays: 20 });
    const summaryDays = async (key: string) =>
      ((await db.listingHistory.get(key))?.rows ?? [])
        .filter((r) => r.source === DAY_SUMMARY_SOURCE)
        .map((r) => [r.id, r.observedDate, r.record.kind === 'listing' ? r.record.available : null]);
    expect(await summaryDays(`amazon|amazon.com|MUG-1|@${B}`)).toHaveLength(2);
    await mergeAccounts(db, B, 'default', NOW);
    const key = 'amazon|amazon.com|MUG-1';
    expect(await summaryDays(key)).toEqual(
      [
        [summaryIdOf(key, '2024-04-01'), '2024-04-01', 400],
        [summaryIdOf(key, '2024-04-02'), '2024-04-02', 395],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    expect((await readHistoryDigests(db, [key])).get(key)?.count).toBe(2);
  });

  it("keeps the seller's hand-made link of a listing new to the target", async () => {
    const db = await twoAccounts();
    const mug2 = (await listingOf(db, 'amazon|amazon.com|MUG-2'))!;
    await linkListing(db, `amazon|amazon.com|MUG-3|@${B}`, mug2.productId, NOW);
    await mergeAccounts(db, B, 'default', NOW);
    expect(await listingOf(db, 'amazon|amazon.com|MUG-3')).toMatchObject({ productId: mug2.productId, linkRule: 'manual' });
    const products = new Set((await db.products.toArray()).map((p) => p.id));
    expect(products).toEqual(new Set((await db.listings.toArray()).map((l) => l.productId)));
  });

  it('refuses a merge into itself or with an unknown account, changing nothing', async () => {
    const db = await twoAccounts();
    const before = { listings: await db.listings.count(), orders: await countOrderLines(db), readings: (await allObservations(db)).length };
    await expect(mergeAccounts(db, B, B, NOW)).rejects.toThrow(AccountMergeError);
    expect(await refusedWith(mergeAccounts(db, B, B, NOW))).toEqual({ code: 'account-merge-self', params: {} });
    expect(await refusedWith(mergeAccounts(db, B, 'amazon-unknown', NOW))).toEqual({ code: 'account-missing', params: { account: 'amazon-unknown' } });
    await expect(previewAccountMerge(db, 'amazon-unknown', 'default')).rejects.toThrow(AccountMergeError);
    expect({ listings: await db.listings.count(), orders: await countOrderLines(db), readings: (await allObservations(db)).length }).toEqual(before);
    expect(await loadAccounts(db)).toEqual(DOC);
  });

  it('changes nothing when a stored reading of the merged-away account no longer validates', async () => {
    const db = await twoAccounts();
    const key = `amazon|amazon.com|MUG-3|@${B}`;
    const record = (await db.listingHistory.get(key))!;
    const broken = { ...record.rows[0]!, id: 'broken', record: { ...record.rows[0]!.record, available: -5 } };
    await db.listingHistory.put({ key, rows: [...record.rows, broken] });
    await expectRefusedAndUnchanged(db, 'account-merge-bad-reading', /available/);
  });

  it('changes nothing when a stored order line of the merged-away account no longer validates', async () => {
    const db = await twoAccounts();
    const chunk = (await db.orderChunks.toArray()).find((c) => c.id.endsWith(`|@${B}`))!;
    const quantities = Int32Array.from(chunk.quantities);
    quantities[0] = -2;
    await db.orderChunks.put({ ...chunk, quantities });
    await expectRefusedAndUnchanged(db, 'account-merge-bad-order-line', /quantity/);
  });

  it('merges the default account away into another one', async () => {
    const db = await twoAccounts();
    await mergeAccounts(db, 'default', B, NOW);
    expect((await allListings(db)).map((l) => l.key)).toEqual([
      `amazon|amazon.com|MUG-1|@${B}`,
      `amazon|amazon.com|MUG-2|@${B}`,
      `amazon|amazon.com|MUG-3|@${B}`,
    ]);
    expect((await listingOf(db, `amazon|amazon.com|MUG-1|@${B}`))!).toMatchObject({ available: 380, poolId: `fba:NA/${B}` });
    expect(unitsPerDay(await readAllOrderLines(db))).toEqual({ '2024-05-09': 5, '2024-05-10': 1 });
    expect((await db.stockPools.toArray()).map((p) => p.id)).toEqual([`fba:NA/${B}`]);
    expect(EMPTY_ACCOUNTS.accounts[0]!.id).toBe('default');
  });
});

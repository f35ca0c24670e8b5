/**
 * Seller accounts through the background's handlers: the account a page shows decides where its
 * readings go; a page that shows none goes to the host's last seen account with a diagnostic;
 * two accounts' same SKUs plan, list and export apart; a store from before accounts (the v4
 * fixture database) becomes the first account seen, nothing lost; per-account settings plan.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixtureDb, readFixture } from '../../tests/fixtures/db/load';
import { countOrderLines, openStore, saveAccounts, type StoreDb } from '../store';
import { allListings } from '../store/test-helpers';
import { createHandlers } from './handlers';
import { createReplanner } from './replan';
import { NOW, TODAY, dailyOrders, listingReading, useTestBackground } from './test-background';
import { parseAccountsDoc } from '../accounts/registry';
import { purchasingDataOf } from '../purchasing';
import type { Observation } from '../records';

const URL_INV = 'https://sellercentral.amazon.com/myinventory/inventory';
const URL_ORDERS = 'https://sellercentral.amazon.com/orders-v3';
const A = { seller: 'A1AAAAAAAAAAAA', name: 'Brand A', signal: 'merchant-id-attribute' };
const B = { seller: 'A2BBBBBBBBBBBB', name: 'Brand B', signal: 'merchant-id-attribute' };
const B_ID = 'amazon-a2bbbbbbbbbbbb';

const background = useTestBackground('accounts');
type Handlers = Awaited<ReturnType<typeof background.setup>>;

/** A page's reading as the content script sends it, with the account the page shows. */
function ingest(handlers: Handlers, url: string, rows: Observation[], account?: typeof A) {
  return handlers['page/ingest']({ url, adapterId: 'amazon/manage-inventory', rows, diagnostics: [], ...(account ? { account } : {}) }, { url });
}

describe('seller accounts through the handlers', () => {
  it("plans two accounts' MUG-1 apart, and the popup list and the export filter by account", async () => {
    const handlers = await background.setup();
    await ingest(handlers, URL_ORDERS, dailyOrders('MUG-1', 10, 60), A);
    await ingest(handlers, URL_ORDERS, dailyOrders('MUG-1', 1, 60), B);
    const a = (await ingest(handlers, URL_INV, [listingReading('MUG-1', TODAY, { available: 380 })], A)).panels;
    const b = (await ingest(handlers, URL_INV, [listingReading('MUG-1', TODAY, { available: 12 })], B)).panels;
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    // A: 380 on hand selling 10 a day; B: 12 on hand selling 1 a day. Mixed, each would be wrong.
    expect(a[0]!.available).toBe(380);
    expect(b[0]!.available).toBe(12);
    expect(a[0]!.daysOfCover).toBeGreaterThan(30);
    expect(a[0]!.daysOfCover).toBeLessThan(45);
    expect(b[0]!.daysOfCover).toBeGreaterThan(9);
    expect(b[0]!.daysOfCover).toBeLessThan(15);

    const list = async (account?: string) =>
      (await handlers['skus/at-risk']({ risk: 'all', limit: 50, ...(account ? { account } : {}) }, {})).items.map((i) => [
        i.sku,
        i.account ?? 'default',
        i.available,
      ]);
    expect(await list()).toHaveLength(2);
    expect(await list('default')).toEqual([['MUG-1', 'default', 380]]);
    expect(await list(B_ID)).toEqual([['MUG-1', B_ID, 12]]);
    expect((await handlers['accounts/list']({}, {})).accounts).toEqual([
      { id: 'default', name: 'Brand A', platforms: ['amazon'], overrides: {} },
      { id: B_ID, name: 'Brand B', platforms: ['amazon'], overrides: {} },
    ]);
    expect((await handlers['export/listings-csv']({ account: B_ID }, {})).rowCount).toBe(1);
    expect((await handlers['export/listings-csv']({}, {})).rowCount).toBe(2);

    // A page's stored panels are those of the account it shows.
    const stored = async (account?: typeof A) =>
      (await handlers['panels/stored']({ url: URL_INV, keys: ['amazon|amazon.com|MUG-1'], ...(account ? { account } : {}) }, { url: URL_INV })).panels.map(
        (p) => p.available,
      );
    expect(await stored(A)).toEqual([380]);
    expect(await stored(B)).toEqual([12]);
  });

  it("files a page that shows no account under the host's last seen account, with a diagnostic; rows cannot pick their account", async () => {
    const handlers = await background.setup();
    await ingest(handlers, URL_INV, [listingReading('CUP', TODAY, { available: 5 })], A);
    await ingest(handlers, URL_INV, [listingReading('CUP', TODAY, { available: 6 })], B);
    // No account shown: B was last seen on this host. A forged account on a row is ignored.
    await ingest(handlers, URL_INV, [{ ...listingReading('PLATE', TODAY, { available: 7 }), account: 'amazon-forged' } as Observation]);
    const keys = (await allListings(background.db)).map((l) => l.key).sort();
    expect(keys).toEqual(['amazon|amazon.com|CUP', `amazon|amazon.com|CUP|@${B_ID}`, `amazon|amazon.com|PLATE|@${B_ID}`]);
    const recent = await handlers['diagnostics/recent']({}, {});
    const diagnostic = recent.pages[0]!.diagnostics.find((d) => d.code === 'account-not-shown');
    expect(diagnostic).toMatchObject({ level: 'warning', params: { account: 'Brand B', accountId: B_ID, host: 'sellercentral.amazon.com' } });
  });

  it('plans an account with its own settings (per-account overrides over the global settings)', async () => {
    const handlers = await background.setup();
    await ingest(handlers, URL_ORDERS, dailyOrders('MUG-1', 5, 60), A);
    await ingest(handlers, URL_ORDERS, dailyOrders('MUG-1', 5, 60), B);
    await ingest(handlers, URL_INV, [listingReading('MUG-1', TODAY, { available: 20 })], A);
    await ingest(handlers, URL_INV, [listingReading('MUG-1', TODAY, { available: 20 })], B);
    // MUG-1 is the one product, so class A: a lean lot of a year's sales leaves the reorder as the settings plan it (this test is about them).
    const policy = { ...purchasingDataOf(undefined).policy, aLotDays: 365 };
    await handlers['purchasing/costs-save']({ policy, merge: false }, {});
    const reorder = async () =>
      new Map((await handlers['skus/at-risk']({ risk: 'all', limit: 50 }, {})).items.map((i) => [i.account ?? 'default', i.reorderQuantity]));
    const before = await reorder();
    expect(before.get('default')).toBe(before.get(B_ID));
    const doc = parseAccountsDoc((await background.db.settings.get('accounts'))?.value);
    await saveAccounts(background.db, { ...doc, overrides: { [B_ID]: { targetCoverDays: 180 } } }, NOW);
    await handlers['settings/save']({ settings: (await handlers['settings/get']({}, {})).settings }, {});
    const after = await reorder();
    expect(after.get('default')).toBe(before.get('default'));
    expect(after.get(B_ID)!).toBeGreaterThan(before.get(B_ID)! + 300);
  });
});

describe('a store from before accounts (v4 fixture database)', () => {
  let db: StoreDb | undefined;
  afterEach(() => db?.close());

  it('becomes the first account a page shows, nothing lost; a second account is kept apart', async () => {
    const name = `accounts-v4-${Math.random()}`;
    await loadFixtureDb(4, name);
    db = await openStore(name);
    const replanner = createReplanner(db, () => NOW);
    const handlers = createHandlers({ db, now: () => NOW, replan: (ids) => replanner.replan(ids) });
    const fixture = readFixture(4);
    const oldKeys = fixture.tables.listings!.map((l) => String(l.key)).sort();

    await ingest(handlers, URL_INV, [listingReading('MUG-BLUE', TODAY, { available: 41 })], A);
    await ingest(handlers, URL_INV, [listingReading('MUG-BLUE', TODAY, { available: 3 })], B);

    const rows = new Map((await allListings(db)).map((l) => [l.key, l]));
    for (const key of oldKeys) expect(rows.has(key), key).toBe(true);
    expect(rows.size).toBe(oldKeys.length + 1);
    expect(rows.get('amazon|amazon.com|MUG-BLUE')).toMatchObject({ available: 41 });
    expect(rows.get('amazon|amazon.com|MUG-BLUE')!.account).toBeUndefined();
    expect(rows.get(`amazon|amazon.com|MUG-BLUE|@${B_ID}`)).toMatchObject({ available: 3, account: B_ID });
    // The old store's links, orders and products are still there, unchanged in number.
    expect(await countOrderLines(db)).toBe(fixture.tables.orders!.length);
    expect(rows.get('ebay|ebay.com|MUG-BLUE')!.productId).toBe(rows.get('amazon|amazon.com|MUG-BLUE')!.productId);
    expect(rows.get(`amazon|amazon.com|MUG-BLUE|@${B_ID}`)!.productId).not.toBe(rows.get('amazon|amazon.com|MUG-BLUE')!.productId);
  });
});

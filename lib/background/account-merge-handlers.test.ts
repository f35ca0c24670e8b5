/**
 * One seller read under two account ids (the inventory page showed the merchant id, the orders
 * page only the seller's name) and merged by the seller in the options page: the counts come
 * first and change nothing; the merge then plans the one stock with the sales of both ids.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../records';
import { TODAY, dailyOrders, listingReading, useTestBackground } from './test-background';
import { countOrderLines } from '../store';
import { refusedWith } from '../messaging/test-refusals';

const URL_INV = 'https://sellercentral.amazon.com/myinventory/inventory';
const URL_ORDERS = 'https://sellercentral.amazon.com/orders-v3';
const BY_ID = { seller: 'A1AAAAAAAAAAAA', name: 'Brand A', signal: 'merchant-id-attribute' };
const BY_NAME = { seller: 'Brand A', name: 'Brand A', signal: 'seller-name' };

const background = useTestBackground('account-merge');
type Handlers = Awaited<ReturnType<typeof background.setup>>;

function ingest(handlers: Handlers, url: string, rows: Observation[], account: typeof BY_ID) {
  return handlers['page/ingest']({ url, adapterId: 'amazon/manage-inventory', rows, diagnostics: [], account }, { url });
}

describe('accounts/merge', () => {
  it('counts first, then merges the stock of the second id into the account with the sales and re-plans', async () => {
    const handlers = await background.setup();
    await ingest(handlers, URL_ORDERS, dailyOrders('MUG-1', 10, 60), BY_NAME);
    const before = (await ingest(handlers, URL_INV, [listingReading('MUG-1', TODAY, { available: 380 })], BY_ID)).panels[0]!;
    const accounts = (await handlers['accounts/list']({}, {})).accounts.map((a) => a.id);
    expect(accounts).toHaveLength(2);
    const [into, from] = [accounts.find((id) => id === 'default')!, accounts.find((id) => id !== 'default')!];
    // The orders page came first and claimed the default account; the stock sits under the
    // merchant id's account, which knows no sales.
    expect(before.daysOfCover).toBeNull();

    const preview = await handlers['accounts/merge']({ from, into, confirm: false }, {});
    expect(preview).toEqual({ counts: { listings: 1, collisions: 0, readings: 1, orders: 0, calibrations: 0, returns: 0 }, merged: false });
    expect((await handlers['accounts/list']({}, {})).accounts).toHaveLength(2);

    expect((await handlers['accounts/merge']({ from, into, confirm: true }, {})).merged).toBe(true);
    const [panel] = (await handlers['panels/stored']({ url: URL_INV, keys: ['amazon|amazon.com|MUG-1'], account: BY_ID }, { url: URL_INV })).panels;
    expect(panel!.available).toBe(380);
    expect(panel!.daysOfCover).toBeGreaterThan(30);
    expect(panel!.daysOfCover).toBeLessThan(45);
    expect((await handlers['accounts/list']({}, {})).accounts.map((a) => a.id)).toEqual(['default']);
    expect(await countOrderLines(background.db)).toBe(60);
    // A page still showing the merged-away id now reads into the merged account.
    await ingest(handlers, URL_INV, [listingReading('MUG-1', TODAY, { available: 379 })], BY_ID);
    expect((await handlers['accounts/list']({}, {})).accounts.map((a) => a.id)).toEqual(['default']);
  });

  it('refuses a merge into itself and into an unknown account', async () => {
    const handlers = await background.setup();
    expect(await refusedWith(handlers['accounts/merge']({ from: 'default', into: 'default', confirm: true }, {}))).toEqual({
      code: 'account-merge-self',
      params: {},
    });
    expect(await refusedWith(handlers['accounts/merge']({ from: 'default', into: 'amazon-nobody', confirm: false }, {}))).toEqual({
      code: 'account-missing',
      params: { account: 'amazon-nobody' },
    });
  });
});

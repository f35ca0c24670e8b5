import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../locale/dates';
import { loadInboundArrivals } from '../store';
import { dailyOrders, listingReading, SENDERS, TODAY, useTestBackground } from './test-background';

const background = useTestBackground('inbound');
const OPTIONS_PAGE = SENDERS.options;
const FBA_URL = 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth';

describe('expected arrivals of inbound units', () => {
  it('lists listings with units on the way; an arrival the seller enters is what the plan counts, until cleared', async () => {
    const handlers = await background.setup();
    await handlers['page/ingest'](
      { url: 'https://sellercentral.amazon.com/orders-v3', adapterId: 'amazon/orders', rows: dailyOrders('MUG-1', 4, 60), diagnostics: [] },
      { url: 'https://sellercentral.amazon.com/orders-v3' },
    );
    await handlers['page/ingest'](
      {
        url: FBA_URL,
        adapterId: 'amazon/fba-inventory',
        rows: [listingReading('MUG-1', TODAY, { available: 40, inbound: 300, fulfillment: 'FBA', source: 'amazon/fba-inventory' })],
        diagnostics: [],
      },
      { url: FBA_URL },
    );
    const key = 'amazon|amazon.com|MUG-1';
    const before = await handlers['inbound/list']({}, OPTIONS_PAGE);
    expect(before.rows).toMatchObject([{ listingKey: key, inbound: 300, enteredArrival: null }]);
    const date = addDays(TODAY, 30);
    const after = await handlers['inbound/set-arrival']({ listingKey: key, date }, OPTIONS_PAGE);
    expect(after.rows).toMatchObject([{ listingKey: key, enteredArrival: date, plannedArrival: date }]);
    // 40 units at 4 a day run out well before day 30: the first unserved day is the on-hand one.
    expect(after.rows[0]!.stockoutDate! < date).toBe(true);
    expect(await loadInboundArrivals(background.db)).toMatchObject([{ listingKey: key, date, units: 300 }]);
    const cleared = await handlers['inbound/set-arrival']({ listingKey: key, date: null }, OPTIONS_PAGE);
    expect(cleared.rows[0]).toMatchObject({ enteredArrival: null });
    expect(cleared.rows[0]!.plannedArrival).not.toBe(date);
  });

  it('refuses a date for a listing with nothing on the way', async () => {
    const handlers = await background.setup();
    await expect(handlers['inbound/set-arrival']({ listingKey: 'amazon|amazon.com|NONE', date: TODAY }, OPTIONS_PAGE)).rejects.toThrow(/no units on the way/);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../locale/dates';
import { refusalOf } from '../messaging/refusals';
import { RpcError } from '../messaging/rpc';
import { refusedWith } from '../messaging/test-refusals';
import { loadInboundArrivals } from '../store';
import { dailyOrders, dispatcherOf, listingReading, SENDERS, TODAY, useTestBackground } from './test-background';

const background = useTestBackground('inbound');
const OPTIONS_PAGE = SENDERS.options;
const FBA_URL = 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth';
const SHIPMENTS_URL = 'https://sellercentral.amazon.com/gp/ssof/shipping-queue.html';

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

  it("stores a Shipments page's shipments; units tied to one are dated by its estimate, and move when the page shows a new one", async () => {
    const handlers = await background.setup();
    await handlers['page/ingest'](
      { url: 'https://sellercentral.amazon.com/orders-v3', adapterId: 'amazon/orders', rows: dailyOrders('MUG-1', 4, 60), diagnostics: [] },
      { url: 'https://sellercentral.amazon.com/orders-v3' },
    );
    const reading = listingReading('MUG-1', TODAY, { available: 40, inbound: 300, fulfillment: 'FBA', source: 'amazon/fba-inventory' });
    await handlers['page/ingest']({ url: FBA_URL, adapterId: 'amazon/fba-inventory', rows: [reading], diagnostics: [] }, { url: FBA_URL });
    const eta = addDays(TODAY, 6);
    const shipment = { shipmentId: 'FBA17XYZ34CD', status: 'in-transit' as const, unitsExpected: 300, arrivalFrom: addDays(TODAY, 3), arrivalTo: eta };
    expect(await handlers['inbound/shipments-read']({ shipments: [shipment] }, { url: SHIPMENTS_URL })).toEqual({ stored: 1, replanned: 0, panels: [] });
    const listed = await handlers['inbound/list']({}, OPTIONS_PAGE);
    expect(listed.shipments).toMatchObject([{ ...shipment, marketplace: 'amazon.com' }]);
    const key = 'amazon|amazon.com|MUG-1';
    // The page ties no SKU to the shipment: the seller does, and its estimate dates the 300.
    const tied = await handlers['inbound/set-arrival']({ listingKey: key, date: null, shipmentId: 'FBA17XYZ34CD' }, OPTIONS_PAGE);
    expect(tied.rows).toMatchObject([{ listingKey: key, shipmentId: 'FBA17XYZ34CD', enteredArrival: eta, plannedArrival: eta }]);
    // 40 units at 4 a day run out around day 10: the 300 arriving on day 6 push the first unserved day to about day 85.
    const { panels } = await handlers['page/ingest']({ url: FBA_URL, adapterId: 'amazon/fba-inventory', rows: [reading], diagnostics: [] }, { url: FBA_URL });
    const panel = panels.find((p) => p.key === key)!;
    expect(panel.inboundArrivalDate).toBe(eta);
    expect(panel.stockoutDateWithInbound! > addDays(TODAY, 60)).toBe(true);
    // The page shows a later window: the tied listing is re-planned with it.
    const later = addDays(TODAY, 40);
    expect(await handlers['inbound/shipments-read']({ shipments: [{ ...shipment, arrivalTo: later }] }, { url: SHIPMENTS_URL })).toEqual({
      stored: 1,
      replanned: 1,
      panels: [],
    });
    expect((await handlers['inbound/list']({}, OPTIONS_PAGE)).rows[0]).toMatchObject({ plannedArrival: later, enteredArrival: later });
    // A shipment of another marketplace cannot be tied; an eBay page cannot store shipments.
    await handlers['inbound/shipments-read'](
      { shipments: [{ ...shipment, shipmentId: 'FBA18DEDEDE1' }] },
      { url: 'https://sellercentral.amazon.de/gp/ssof/shipping-queue.html' },
    );
    expect(await refusedWith(handlers['inbound/set-arrival']({ listingKey: key, date: null, shipmentId: 'FBA18DEDEDE1' }, OPTIONS_PAGE))).toEqual({
      code: 'shipment-missing',
      params: { shipmentId: 'FBA18DEDEDE1', marketplace: 'amazon.com' },
    });
    // A shipment the page shows no estimated arrival for dates nothing unless the seller types a date.
    const undated = { shipmentId: 'FBA19NODATE1', status: 'working' as const, unitsExpected: 300 };
    await handlers['inbound/shipments-read']({ shipments: [undated] }, { url: SHIPMENTS_URL });
    expect(await refusedWith(handlers['inbound/set-arrival']({ listingKey: key, date: null, shipmentId: 'FBA19NODATE1' }, OPTIONS_PAGE))).toEqual({
      code: 'shipment-without-arrival',
      params: { shipmentId: 'FBA19NODATE1' },
    });
    expect(await handlers['inbound/shipments-read']({ shipments: [shipment] }, { url: 'https://www.ebay.com/sh/lst/active' })).toEqual({
      stored: 0,
      replanned: 0,
      panels: [],
    });
  });

  it('a shipment’s contents page ties its SKUs by itself: units split across two shipments each get their shipment’s date', async () => {
    const handlers = await background.setup();
    await handlers['page/ingest'](
      { url: 'https://sellercentral.amazon.com/orders-v3', adapterId: 'amazon/orders', rows: dailyOrders('MUG-1', 4, 60), diagnostics: [] },
      { url: 'https://sellercentral.amazon.com/orders-v3' },
    );
    const reading = listingReading('MUG-1', TODAY, { available: 40, inbound: 300, fulfillment: 'FBA', source: 'amazon/fba-inventory' });
    await handlers['page/ingest']({ url: FBA_URL, adapterId: 'amazon/fba-inventory', rows: [reading], diagnostics: [] }, { url: FBA_URL });
    const [soon, late] = [addDays(TODAY, 5), addDays(TODAY, 30)];
    const list = [
      { shipmentId: 'FBA17AAAA1', status: 'in-transit' as const, arrivalTo: soon },
      { shipmentId: 'FBA17BBBB2', status: 'shipped' as const, arrivalTo: late },
    ];
    expect(await handlers['inbound/shipments-read']({ shipments: list }, { url: SHIPMENTS_URL })).toEqual({ stored: 2, replanned: 0, panels: [] });
    const contents = (shipmentId: string, units: number) => ({
      shipments: [{ shipmentId, status: 'unknown' as const, items: [{ sku: 'MUG-1', unitsExpected: units, unitsReceived: 0 }] }],
    });
    const contentsUrl = (id: string) => `https://sellercentral.amazon.com/fba/inbound-shipment/summary/${id}/contents`;
    expect(await handlers['inbound/shipments-read'](contents('FBA17AAAA1', 100), { url: contentsUrl('FBA17AAAA1') })).toMatchObject({
      stored: 1,
      replanned: 1,
    });
    // The contents page's row shows MUG-1's panel, planned with the shipments it is in.
    const { panels } = await handlers['inbound/shipments-read'](contents('FBA17BBBB2', 200), { url: contentsUrl('FBA17BBBB2') });
    expect(panels).toMatchObject([{ sku: 'MUG-1', key: 'amazon|amazon.com|MUG-1', available: 40, inbound: 300, inboundArrivalDate: soon }]);
    const key = 'amazon|amazon.com|MUG-1';
    const { rows, shipments } = await handlers['inbound/list']({}, OPTIONS_PAGE);
    // The contents page showed no status: the list's is kept.
    expect(shipments.find((s) => s.shipmentId === 'FBA17AAAA1')).toMatchObject({ status: 'in-transit', arrivalTo: soon });
    expect(rows[0]).toMatchObject({
      listingKey: key,
      plannedArrival: soon,
      shipmentId: null,
      arrivals: [
        { shipmentId: 'FBA17AAAA1', units: 100, date: soon, source: 'contents' },
        { shipmentId: 'FBA17BBBB2', units: 200, date: late, source: 'contents' },
      ],
    });
    // Each arrival keeps its shipment, which the panel's Details name.
    expect((await background.db.plans.get(key))!.plan.inboundArrivals).toEqual([
      { date: soon, units: 100, shipmentId: 'FBA17AAAA1' },
      { date: late, units: 200, shipmentId: 'FBA17BBBB2' },
    ]);
    // Tied by hand too: the seller's tie wins for that shipment (still its contents' 200 units).
    const tied = await handlers['inbound/set-arrival']({ listingKey: key, date: null, shipmentId: 'FBA17BBBB2' }, OPTIONS_PAGE);
    expect(tied.rows[0]!.arrivals.map((a) => [a.shipmentId, a.units, a.source])).toEqual([
      ['FBA17AAAA1', 100, 'contents'],
      ['FBA17BBBB2', 200, 'tied'],
    ]);
  });

  it("files shipments under the account the page shows, else the host's last seen; contents tie and answer only that account's listings", async () => {
    const handlers = await background.setup();
    const A = { seller: 'A1AAAAAAAAAAAA', name: 'Brand A', signal: 'merchant-id-attribute' };
    const B = { seller: 'A2BBBBBBBBBBBB', name: 'Brand B', signal: 'merchant-id-attribute' };
    const [keyA, keyB] = ['amazon|amazon.com|MUG-1', 'amazon|amazon.com|MUG-1|@amazon-a2bbbbbbbbbbbb'];
    // Both accounts sell MUG-1 with units on the way; A was seen first (the default account).
    for (const [account, inbound] of [
      [A, 50],
      [B, 300],
    ] as const) {
      const orders = {
        url: 'https://sellercentral.amazon.com/orders-v3',
        adapterId: 'amazon/orders',
        rows: dailyOrders('MUG-1', 4, 60),
        diagnostics: [],
        account,
      };
      await handlers['page/ingest'](orders, { url: orders.url });
      const reading = listingReading('MUG-1', TODAY, { available: 40, inbound, fulfillment: 'FBA', source: 'amazon/fba-inventory' });
      await handlers['page/ingest']({ url: FBA_URL, adapterId: 'amazon/fba-inventory', rows: [reading], diagnostics: [], account }, { url: FBA_URL });
    }
    const contentsUrl = (id: string) => `https://sellercentral.amazon.com/fba/inbound-shipment/summary/${id}/contents`;
    const contents = (shipmentId: string, arrivalTo: string) => ({
      shipmentId,
      status: 'in-transit' as const,
      arrivalTo,
      items: [
        { sku: 'MUG-1', unitsExpected: 100, unitsReceived: 0 },
        { sku: 'NEW-9', title: 'Enamel camping mug', unitsExpected: 24 },
      ],
    });
    const soon = addDays(TODAY, 5);
    // B's page: B's MUG-1 gets the panel; NEW-9, never read as a listing, an unplanned one (no stock reading made of it).
    const read = await handlers['inbound/shipments-read']({ shipments: [contents('FBA17BBBB2', soon)], account: B }, { url: contentsUrl('FBA17BBBB2') });
    expect(read.panels).toMatchObject([
      { sku: 'MUG-1', key: keyB, inbound: 300, inboundArrivalDate: soon },
      { sku: 'NEW-9', key: 'amazon|amazon.com|NEW-9|@amazon-a2bbbbbbbbbbbb', title: 'Enamel camping mug', urgency: 'unknown', available: null },
    ]);
    expect(await background.db.listings.get('amazon|amazon.com|NEW-9|@amazon-a2bbbbbbbbbbbb')).toBeUndefined();
    const arrivalsOf = async (key: string) =>
      (await handlers['inbound/list']({}, OPTIONS_PAGE)).rows.find((r) => r.listingKey === key)!.arrivals.map((a) => [a.shipmentId, a.units]);
    expect(await arrivalsOf(keyB)).toEqual([['FBA17BBBB2', 100]]);
    expect(await arrivalsOf(keyA)).toEqual([]);
    // A page that shows no account: B was last seen on this host, so B's shipment.
    await handlers['inbound/shipments-read']({ shipments: [contents('FBA17CCCC3', addDays(TODAY, 9))] }, { url: contentsUrl('FBA17CCCC3') });
    expect((await handlers['inbound/list']({}, OPTIONS_PAGE)).shipments.find((s) => s.shipmentId === 'FBA17CCCC3')).toMatchObject({
      account: 'amazon-a2bbbbbbbbbbbb',
    });
    expect(await arrivalsOf(keyA)).toEqual([]);
    // A's page seen again, then an unmarked page: A's (the default account, stored without an account id).
    await handlers['page/ingest']({ url: FBA_URL, adapterId: 'amazon/fba-inventory', rows: [], diagnostics: [], account: A }, { url: FBA_URL });
    const forA = await handlers['inbound/shipments-read']({ shipments: [contents('FBA17DDDD4', addDays(TODAY, 12))] }, { url: contentsUrl('FBA17DDDD4') });
    expect(forA.panels[0]).toMatchObject({ key: keyA, inbound: 50 });
    expect((await handlers['inbound/list']({}, OPTIONS_PAGE)).shipments.find((s) => s.shipmentId === 'FBA17DDDD4')).not.toHaveProperty('account');
    expect(await arrivalsOf(keyA)).toEqual([['FBA17DDDD4', 100]]);
  });

  it('refuses a date for a listing with nothing on the way, with a code and params the options page translates', async () => {
    const handlers = await background.setup();
    const nothing = { code: 'nothing-inbound', params: { platform: 'amazon', marketplace: 'amazon.com', sku: 'NONE' } };
    expect(await refusedWith(handlers['inbound/set-arrival']({ listingKey: 'amazon|amazon.com|NONE', date: TODAY }, OPTIONS_PAGE))).toEqual(nothing);
    // Through the dispatcher, as the options page receives it: the reply's error is the refusal.
    const reply = await dispatcherOf(handlers)({ type: 'inbound/set-arrival', payload: { listingKey: 'amazon|amazon.com|NONE', date: TODAY } }, OPTIONS_PAGE);
    expect(reply.ok).toBe(false);
    expect(refusalOf(new RpcError(reply.ok ? '' : reply.error))).toMatchObject(nothing);
  });
});

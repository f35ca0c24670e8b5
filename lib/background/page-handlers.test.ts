import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dispatcherOf, NOW, SENDERS, TODAY, dailyOrders, listingReading, useTestBackground } from './test-background';
import { createHandlers } from './handlers';
import { addDays } from '../locale/dates';
import { defaultSettings } from '../settings/schema';
import { allObservations } from '../store/test-helpers';

const SELLER_URL = 'https://sellercentral.amazon.com/myinventory/inventory';

const background = useTestBackground('service');
const setup = () => background.setup();

const listing = listingReading;
const orders = dailyOrders;

describe('page handlers', () => {
  it('stores a page reading and answers with a panel whose days of cover follow the sales history', async () => {
    const handlers = await setup();
    await handlers['page/ingest'](
      {
        url: 'https://sellercentral.amazon.com/orders-v3',
        adapterId: 'amazon/orders',
        rows: [...orders('FAST', 10, 60), ...orders('SLOW', 1, 60)],
        diagnostics: [],
      },
      { url: 'https://sellercentral.amazon.com/orders-v3' },
    );
    const { panels } = await handlers['page/ingest'](
      {
        url: SELLER_URL,
        adapterId: 'amazon/manage-inventory',
        rows: [listing('FAST', TODAY, { available: 100 }), listing('SLOW', TODAY, { available: 100 })],
        diagnostics: [],
      },
      { url: SELLER_URL },
    );
    const bySku = new Map(panels.map((p) => [p.sku, p]));
    expect(bySku.get('FAST')!.daysOfCover).toBeGreaterThan(7);
    expect(bySku.get('FAST')!.daysOfCover).toBeLessThan(13);
    expect(bySku.get('SLOW')!.daysOfCover).toBeGreaterThan(70);
    expect(bySku.get('FAST')!.healthScore).not.toBeNull();
    // An order page answers each line's listing panel, once per listing (it never waits forever).
    const again = await handlers['page/ingest'](
      {
        url: 'https://sellercentral.amazon.com/orders-v3',
        adapterId: 'amazon/orders',
        rows: [...orders('FAST', 10, 2), ...orders('SLOW', 1, 2)],
        diagnostics: [],
      },
      { url: 'https://sellercentral.amazon.com/orders-v3' },
    );
    expect(again.panels.map((p) => p.sku).sort()).toEqual(['FAST', 'SLOW']);
    expect(again.panels.find((p) => p.sku === 'FAST')!.daysOfCover).toBeGreaterThan(7);
  });

  it('answers a page from its fresh plans before saving them; the popup asked next shows what the panels showed', async () => {
    const handlers = await setup();
    await handlers['page/ingest'](
      { url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows: [...orders('MUG', 4, 30), listing('MUG', TODAY, { available: 80 })], diagnostics: [] },
      { url: SELLER_URL },
    );
    await background.idle();
    const saves: string[] = [];
    const bulkPut = background.db.plans.bulkPut.bind(background.db.plans);
    background.db.plans.bulkPut = ((...args: Parameters<typeof bulkPut>) => {
      saves.push(`${args[0].length} plans`);
      return bulkPut(...args);
    }) as typeof bulkPut;
    const { panels } = await handlers['page/ingest'](
      {
        url: SELLER_URL,
        adapterId: 'amazon/manage-inventory',
        rows: [listing('MUG', TODAY, { available: 20, observedAt: `${TODAY}T18:00:00.000Z` })],
        diagnostics: [],
      },
      { url: SELLER_URL },
    );
    expect(saves).toEqual([]);
    const [mug] = panels;
    expect(mug!.available).toBe(20);
    const { items } = await handlers['skus/at-risk']({ risk: 'all', limit: 10 }, {});
    expect(saves.length).toBe(1);
    expect(items.map((i) => [i.sku, i.available, i.daysOfCover])).toEqual([['MUG', 20, mug!.daysOfCover]]);
  });

  it('refuses readings from pages that are not seller pages, and rows for another marketplace', async () => {
    const handlers = await setup();
    const dispatch = dispatcherOf(handlers);
    const reading = { url: 'https://evil.example/', adapterId: 'x', rows: [listing('A', TODAY, { available: 1 })], diagnostics: [] };
    for (const sender of [SENDERS.web, SENDERS.popup, SENDERS.options, {}]) {
      expect(await dispatch({ type: 'page/ingest', payload: reading }, sender)).toEqual({
        ok: false,
        error: expect.stringMatching(/^page\/ingest is accepted only from content scripts on seller pages, not from/),
      });
    }
    const { panels } = await handlers['page/ingest'](
      {
        url: SELLER_URL,
        adapterId: 'amazon/manage-inventory',
        rows: [{ ...listing('DE-ONLY', TODAY, { available: 5 }), marketplace: 'amazon.de' }],
        diagnostics: [],
      },
      { url: SELLER_URL },
    );
    expect(panels).toEqual([]);
    const recent = await handlers['diagnostics/recent']({}, {});
    expect(recent.pages[0]!.diagnostics.map((d) => d.code)).toContain('foreign-marketplace');
    expect((await handlers['skus/at-risk']({ risk: 'all', limit: 50 }, {})).total).toBe(0);
  });

  it('lists SKUs most urgent first, with a link to the seller page, and exports them as CSV', async () => {
    const handlers = await setup();
    await handlers['page/ingest'](
      {
        url: 'https://sellercentral.amazon.com/orders-v3',
        adapterId: 'amazon/orders',
        rows: [...orders('FAST', 10, 60), ...orders('SLOW', 1, 60)],
        diagnostics: [],
      },
      { url: 'https://sellercentral.amazon.com/orders-v3' },
    );
    await handlers['page/ingest'](
      {
        url: SELLER_URL,
        adapterId: 'amazon/manage-inventory',
        rows: [listing('SLOW', TODAY, { available: 100 }), listing('FAST', TODAY, { available: 100 })],
        diagnostics: [],
      },
      { url: SELLER_URL },
    );
    const { items, total } = await handlers['skus/at-risk']({ risk: 'all', limit: 50 }, {});
    expect(total).toBe(2);
    expect(items.map((i) => i.sku)).toEqual(['FAST', 'SLOW']);
    expect(items[0]!.url).toContain('searchTerm=FAST');
    const { csv, rowCount } = await handlers['export/listings-csv']({}, {});
    expect(rowCount).toBe(2);
    expect(csv).toContain('FAST');
    expect(csv).toContain('Title SLOW');
  });

  it('answers the stockout on sellable stock and the one counting inbound, dated from when the inbound appeared', async () => {
    const handlers = await setup();
    // A week ago no inbound; today 300 on their way: they appeared about 4 days ago, so with the
    // default FBA transit they arrive that many days after it, and 40 on hand at 10/day run out first.
    const weekAgo = addDays(TODAY, -7);
    const rows = [...orders('INB', 10, 60), listing('INB', weekAgo, { available: 110, inbound: 0 }), listing('INB', TODAY, { available: 40, inbound: 300 })];
    await handlers['page/ingest']({ url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows, diagnostics: [] }, { url: SELLER_URL });
    const { items } = await handlers['skus/at-risk']({ risk: 'all', limit: 50 }, {});
    const item = items.find((i) => i.sku === 'INB')!;
    const transit = defaultSettings().leadTimes.transitDaysByDestination.FBA;
    expect(item.inboundArrivalDate).toBe(addDays(TODAY, transit - 3));
    expect(item.stockoutDate! < item.inboundArrivalDate!).toBe(true);
    // The inbound sells from its arrival: about 30 days of demand after it.
    expect(item.stockoutDateWithInbound! > addDays(item.inboundArrivalDate!, 25)).toBe(true);
    expect(item.stockoutDateWithInbound! < addDays(item.inboundArrivalDate!, 35)).toBe(true);
    expect(item.alerts.map((a) => a.code)).toContain('runs-out-before-inbound');
  });

  it('a full disk: the page is told storage is full, and nothing from the reading is half-written', async () => {
    const handlers = await setup();
    await handlers['page/ingest'](
      { url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows: [listing('KEEP', TODAY, { available: 5 })], diagnostics: [] },
      { url: SELLER_URL },
    );
    // The first page's plans are saved (after its answer) before the disk fills.
    await background.idle();
    const before = (await allObservations(background.db)).length;
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    // The browser refuses the third write of the transaction (after two have gone through).
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++puts === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const rows = [...orders('FULL', 2, 20), listing('FULL', TODAY, { available: 50 })];
      await expect(
        handlers['page/ingest']({ url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows, diagnostics: [] }, { url: SELLER_URL }),
      ).rejects.toThrow(/^storage-full: /);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(puts).toBeGreaterThanOrEqual(3);
    expect((await allObservations(background.db)).length).toBe(before);
    expect((await handlers['skus/at-risk']({ risk: 'all', limit: 50 }, {})).items.map((i) => i.sku)).toEqual(['KEEP']);
  });

  it('answers a page’s first question with the stored plans of its own marketplace only, marked as updating', async () => {
    const handlers = await setup();
    await handlers['page/ingest'](
      { url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows: [...orders('OLD', 3, 30), listing('OLD', TODAY, { available: 40 })], diagnostics: [] },
      { url: SELLER_URL },
    );
    const { panels } = await handlers['panels/stored'](
      { url: SELLER_URL, keys: ['amazon|amazon.com|OLD', 'amazon|amazon.com|NEVER-SEEN', 'amazon|amazon.de|OLD', 'ebay|ebay.com|OLD'] },
      { url: SELLER_URL },
    );
    expect(panels.map((p) => [p.key, p.updating])).toEqual([['amazon|amazon.com|OLD', true]]);
    const fresh = await handlers['page/ingest'](
      { url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows: [listing('OLD', TODAY, { available: 40 })], diagnostics: [] },
      { url: SELLER_URL },
    );
    // The same numbers as the fresh answer, which is not marked.
    expect({ ...panels[0], updating: undefined }).toEqual({ ...fresh.panels[0], updating: undefined });
    expect(fresh.panels[0]!.updating).toBeUndefined();
    // A page of another marketplace learns nothing about amazon.com.
    expect(
      (
        await handlers['panels/stored'](
          { url: 'https://www.ebay.com/sh/lst/active', keys: ['amazon|amazon.com|OLD'] },
          { url: 'https://www.ebay.com/sh/lst/active' },
        )
      ).panels,
    ).toEqual([]);
  });

  it("tells a page the channel each of its listings is stored with, planned or not, and only its own marketplace's", async () => {
    const handlers = await setup();
    await handlers['page/ingest'](
      {
        url: SELLER_URL,
        adapterId: 'amazon/manage-inventory',
        rows: [
          listing('FBA-1', TODAY, { available: 40 }),
          listing('OWN-1', TODAY, { fulfillment: 'SELLER' }),
          listing('NONE-1', TODAY, { fulfillment: undefined }),
        ],
        diagnostics: [],
      },
      { url: SELLER_URL },
    );
    const keys = ['FBA-1', 'OWN-1', 'NONE-1', 'NEVER-SEEN'].map((sku) => `amazon|amazon.com|${sku}`);
    const { channels } = await handlers['panels/stored']({ url: SELLER_URL, keys: [...keys, 'amazon|amazon.de|FBA-1'] }, { url: SELLER_URL });
    expect(channels).toEqual([
      { sku: 'FBA-1', fulfillment: 'FBA' },
      { sku: 'OWN-1', fulfillment: 'SELLER' },
    ]);
    const other = await handlers['panels/stored']({ url: 'https://www.ebay.com/sh/lst/active', keys }, { url: 'https://www.ebay.com/sh/lst/active' });
    expect(other.channels ?? []).toEqual([]);
  });

  it('opens the options page at its import when a seller page asks', async () => {
    const opened: string[] = [];
    const handlers = createHandlers({
      db: (await setup(), background.db),
      now: () => NOW,
      replan: async () => {},
      openOptions: async (section) => void opened.push(section),
    });
    expect(await handlers['options/open']({ section: 'import' }, { url: SELLER_URL })).toEqual({});
    expect(opened).toEqual(['import']);
  });

  it('gives the same answer when the same page is read twice', async () => {
    const handlers = await setup();
    const request = {
      url: SELLER_URL,
      adapterId: 'amazon/manage-inventory',
      rows: [...orders('A', 3, 30), listing('A', TODAY, { available: 40 })],
      diagnostics: [],
    };
    const first = await handlers['page/ingest'](request, { url: SELLER_URL });
    const second = await handlers['page/ingest'](request, { url: SELLER_URL });
    expect(second.panels).toEqual(first.panels);
    expect((await allObservations(background.db)).length).toBeLessThanOrEqual(31);
  });

  it('serves default settings on a new install and keeps what the seller saved', async () => {
    const handlers = await setup();
    const { settings } = await handlers['settings/get']({}, {});
    expect(settings.language).toBe('auto');
    await handlers['settings/save']({ settings: { ...settings, language: 'zh-CN', targetCoverDays: 45 } }, {});
    const again = await handlers['settings/get']({}, {});
    expect(again.settings.language).toBe('zh-CN');
    expect(again.settings.targetCoverDays).toBe(45);
  });

  it('keeps the panels a seller page hid since the options page read the settings', async () => {
    const handlers = await setup();
    const { settings } = await handlers['settings/get']({}, {});
    await handlers['panels/set-hidden']({ pageType: 'amazon/orders', hidden: true }, {});
    const saved = await handlers['settings/save']({ settings: { ...settings, targetCoverDays: 45 } }, {});
    expect(saved.settings.hiddenPanels).toEqual(['amazon/orders']);
    const again = (await handlers['settings/get']({}, {})).settings;
    expect(again.hiddenPanels).toEqual(['amazon/orders']);
    expect(again.targetCoverDays).toBe(45);
  });
});

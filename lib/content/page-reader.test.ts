// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { panelData } from '../messaging/test-panel';
import { marketplaceById } from '../locale/markets';
import type { RequestOf, ResponseOf } from '../messaging/protocol';
import { startPageReader, type PageReader } from './page-reader';
import { PANEL_TAG } from './row-panels';
import { testAdapter } from './test-adapter';
import { adapter as walmartItems } from '../platforms/walmart/manage-items';
import { adapter as amazonRestock } from '../platforms/amazon/restock';
import { fixtureHtml } from '../platforms/testing/load';
import type { ListingObservation } from '../records';

const market = marketplaceById('amazon.com')!;

function fakeBackground() {
  const requests: RequestOf<'page/ingest'>[] = [];
  const ingest = async (request: RequestOf<'page/ingest'>): Promise<ResponseOf<'page/ingest'>> => {
    requests.push(request);
    return {
      panels: request.rows.map((row) =>
        panelData({
          sku: row.sku,
          available: row.kind === 'listing' ? (row.available ?? null) : null,
          daysOfCover: row.kind === 'listing' ? (row.available ?? 0) / 2 : null,
          dailyDemand: 2,
        }),
      ),
    };
  };
  return { requests, ingest };
}

function setRows(rows: [string, number][]) {
  document.body.innerHTML = `<div id="grid">${rows.map(([sku, available]) => `<div class="row" data-sku="${sku}" data-available="${available}"></div>`).join('')}</div>`;
}

const cover = (sku: string) =>
  document.querySelector(`div.row[data-sku="${sku}"] ${PANEL_TAG}`)?.shadowRoot?.querySelector('[data-testid="days-of-cover"]')?.textContent;

/** A reader over the test grid on amazon.com, with what each test sets (ingest, stored lookups, language…). */
function startTestReader(options: Omit<Parameters<typeof startPageReader>[0], 'root' | 'adapter' | 'market' | 'url'>): PageReader {
  return startPageReader({ root: document, adapter: testAdapter, market, url: () => new URL('https://sellercentral.amazon.com/test'), ...options });
}

let reader: PageReader | undefined;
afterEach(() => {
  reader?.stop();
  reader = undefined;
});

describe('startPageReader', () => {
  it('sends the rows it read and shows the answers in the rows', async () => {
    setRows([
      ['A', 20],
      ['B', 60],
    ]);
    const bg = fakeBackground();
    reader = startTestReader({
      ingest: bg.ingest,
      language: 'en',
    });
    await reader.readNow();
    expect(bg.requests).toHaveLength(1);
    expect(bg.requests[0]!.rows.map((r) => r.sku)).toEqual(['A', 'B']);
    expect(cover('A')).toBe('Days of cover: 10 d');
    expect(cover('B')).toBe('Days of cover: 30 d');
  });

  it('does not re-send unchanged rows, and sends only the row that changed', async () => {
    setRows([
      ['A', 20],
      ['B', 60],
    ]);
    const bg = fakeBackground();
    reader = startTestReader({
      ingest: bg.ingest,
      language: 'en',
    });
    await reader.readNow();
    await reader.readNow();
    expect(bg.requests).toHaveLength(1);
    document.querySelector('div.row[data-sku="B"]')!.setAttribute('data-available', '8');
    await reader.readNow();
    expect(bg.requests).toHaveLength(2);
    expect(bg.requests[1]!.rows.map((r) => r.sku)).toEqual(['B']);
    expect(cover('B')).toBe('Days of cover: 4 d');
  });

  it('re-reads by itself when the grid re-renders, and panels follow the new rows', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      setRows([['A', 20]]);
      const bg = fakeBackground();
      reader = startTestReader({
        ingest: bg.ingest,
        language: 'en',
        debounceMs: 50,
      });
      await reader.readNow();
      setRows([
        ['C', 14],
        ['A', 20],
      ]);
      await vi.waitFor(async () => {
        await vi.advanceTimersByTimeAsync(60);
        expect(cover('C')).toBe('Days of cover: 7 d');
      });
      expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(2);
      expect(cover('A')).toBe('Days of cover: 10 d');
    } finally {
      vi.useRealTimers();
    }
  });

  it('anchors the answers to the rows as they are when the background answers (grid re-rendered meanwhile), without re-reading an unchanged page', async () => {
    setRows([
      ['A', 20],
      ['B', 60],
    ]);
    const bg = fakeBackground();
    const parse = vi.spyOn(testAdapter, 'parse');
    let grid = false;
    const ingest: typeof bg.ingest = async (request) => {
      // The grid swaps its rows while the request is in flight.
      if (grid)
        setRows([
          ['B', 60],
          ['A', 20],
        ]);
      return bg.ingest(request);
    };
    try {
      reader = startTestReader({
        ingest,
        language: 'en',
      });
      await reader.readNow();
      const unchangedReads = parse.mock.calls.length;
      expect(cover('A')).toBe('Days of cover: 10 d');
      reader.stop();
      grid = true;
      setRows([
        ['A', 20],
        ['B', 60],
      ]);
      parse.mockClear();
      reader = startTestReader({
        ingest,
        language: 'en',
      });
      await reader.readNow();
      // One more read than on the quiet page: the one that re-anchors the answers.
      expect(parse.mock.calls.length).toBe(unchangedReads + 1);
      expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(2);
      expect(cover('A')).toBe('Days of cover: 10 d');
      expect(cover('B')).toBe('Days of cover: 30 d');
    } finally {
      parse.mockRestore();
    }
  });

  it('shows the stored plans at once, marked as updating, until the fresh answer replaces them', async () => {
    setRows([
      ['A', 20],
      ['B', 60],
    ]);
    const bg = fakeBackground();
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const lookups: RequestOf<'panels/stored'>[] = [];
    reader = startTestReader({
      ingest: async (request) => {
        await slow;
        return bg.ingest(request);
      },
      // Only A was planned before; B is new.
      lookupStored: async (request) => {
        lookups.push(request);
        return { panels: [{ ...panelData({ sku: 'A', available: 18, daysOfCover: 7, dailyDemand: 2 }), updating: true }] };
      },
      language: 'en',
    });
    const updating = (sku: string) => document.querySelector(`div.row[data-sku="${sku}"] ${PANEL_TAG}`)?.shadowRoot?.querySelector('[data-testid="updating"]');
    await vi.waitFor(() => expect(cover('A')).toBe('Days of cover: 7 d'));
    expect(lookups[0]!.keys).toEqual(['amazon|amazon.com|A', 'amazon|amazon.com|B']);
    expect(updating('A')!.textContent).toBe('updating…');
    // B was never planned: its own reading, marked as updating, until the planner answers.
    expect(cover('B')).toBe('60 in stock');
    expect(updating('B')!.textContent).toBe('updating…');
    release();
    await reader.readNow();
    await vi.waitFor(() => expect(cover('A')).toBe('Days of cover: 10 d'));
    expect(updating('A')).toBeNull();
    expect(cover('B')).toBe('Days of cover: 30 d');
    expect(updating('B')).toBeNull();
  });

  it('shows a never-seen row its own reading in the same frame as the read, in either language', async () => {
    for (const [language, text, marker] of [
      ['en', '60 in stock', 'updating…'],
      ['zh-CN', '库存 60 件', '更新中…'],
    ] as const) {
      setRows([['B', 60]]);
      let release!: () => void;
      const slow = new Promise<void>((resolve) => (release = resolve));
      const bg = fakeBackground();
      reader = startTestReader({
        ingest: async (request) => {
          await slow;
          return bg.ingest(request);
        },
        // The stored lookup never answers: the reading alone must show, synchronously with the read.
        lookupStored: () => new Promise(() => {}),
        language,
      });
      // No await: startPageReader's first read mounts the panels before it yields.
      const panel = document.querySelector(`div.row[data-sku="B"] ${PANEL_TAG}`)!.shadowRoot!;
      expect(panel.querySelector('[data-testid="days-of-cover"]')!.textContent).toBe(text);
      expect(panel.querySelector('[data-testid="updating"]')!.textContent).toBe(marker);
      release();
      await reader.readNow();
      expect(panel.querySelector('[data-testid="updating"]')).toBeNull();
      reader.stop();
      reader = undefined;
    }
  });

  it('puts a row the background did not answer for back to pending (no update is coming)', async () => {
    setRows([['B', 60]]);
    reader = startTestReader({
      ingest: async () => ({ panels: [] }),
      language: 'en',
    });
    await reader.readNow();
    const panel = document.querySelector(`div.row[data-sku="B"] ${PANEL_TAG}`)!.shadowRoot!;
    expect(panel.querySelector('[data-testid="pending"]')).not.toBeNull();
    expect(panel.querySelector('[data-testid="updating"]')).toBeNull();
  });

  it('never lets a late stored answer overwrite the fresh one', async () => {
    setRows([['A', 20]]);
    const bg = fakeBackground();
    let releaseLookup!: () => void;
    const late = new Promise<void>((resolve) => (releaseLookup = resolve));
    reader = startTestReader({
      ingest: bg.ingest,
      lookupStored: async () => {
        await late;
        return { panels: [{ ...panelData({ sku: 'A', available: 1, daysOfCover: 1, dailyDemand: 2 }), updating: true }] };
      },
      language: 'en',
    });
    await reader.readNow();
    expect(cover('A')).toBe('Days of cover: 10 d');
    releaseLookup();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cover('A')).toBe('Days of cover: 10 d');
  });

  it('reports a failing background without breaking the page', async () => {
    setRows([['A', 20]]);
    const errors: unknown[] = [];
    reader = startTestReader({
      ingest: async () => {
        throw new Error('background asleep');
      },
      language: 'en',
      onError: (e) => errors.push(e),
    });
    await reader.readNow();
    expect(errors).toHaveLength(1);
    // The row still has its (pending) panel, and the page is untouched otherwise.
    expect(document.querySelector(`div.row[data-sku="A"] ${PANEL_TAG}`)).not.toBeNull();
  });

  it('removes its panels when stopped', async () => {
    setRows([['A', 20]]);
    const bg = fakeBackground();
    reader = startTestReader({
      ingest: bg.ingest,
      language: 'en',
    });
    await reader.readNow();
    reader.stop();
    expect(document.querySelector(PANEL_TAG)).toBeNull();
  });
});

describe('startPageReader on a real page type', () => {
  /** A Walmart Manage Items table: SKU, quantity and price columns, no fulfilment column. */
  function setItems(lang: string, headers: [string, string, string], rows: [sku: string, available: string, price: string][]) {
    document.documentElement.setAttribute('lang', lang);
    const cells = (tag: string, texts: readonly string[]) => texts.map((x) => `<${tag}>${x}</${tag}>`).join('');
    document.body.innerHTML = `<main><table><thead><tr>${cells('th', headers)}</tr></thead><tbody>${rows.map((r) => `<tr>${cells('td', r)}</tr>`).join('')}</tbody></table></main>`;
  }

  function startItemsReader(host: string, marketId: string, options: Partial<Parameters<typeof startPageReader>[0]>) {
    const bg = fakeBackground();
    reader = startPageReader({
      root: document,
      adapter: walmartItems,
      market: marketplaceById(marketId)!,
      url: () => new URL(`https://${host}/items-and-inventory/manage-items`),
      ingest: bg.ingest,
      language: 'en',
      ...options,
    });
    return bg;
  }

  const listingsSent = (requests: RequestOf<'page/ingest'>[]) =>
    new Map(requests.flatMap((r) => r.rows).flatMap((row) => (row.kind === 'listing' ? [[row.sku, row] as const] : [])));

  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('gives a row whose channel only its stored listing tells that channel, as a weak clue, and sends it again', async () => {
    setItems(
      'en',
      ['SKU', 'Inventory', 'Price'],
      [
        ['W-1', '4', '$9.99'],
        ['W-2', '5', '$9.99'],
      ],
    );
    const bg = startItemsReader('seller.walmart.com', 'walmart.com', {
      lookupStored: async () => ({ panels: [], channels: [{ sku: 'W-1', fulfillment: 'WFS' }] }),
    });
    await vi.waitFor(() => expect(listingsSent(bg.requests).get('W-1')?.fulfillment).toBe('WFS'));
    await reader!.readNow();
    const last = bg.requests.at(-1)!;
    expect(last.rows.map((r) => r.sku)).toEqual(['W-1']);
    expect(last.diagnostics).toContainEqual(expect.objectContaining({ code: 'weak-signal', params: { column: 'fulfillment', rows: 1, signal: 'history' } }));
    // W-2 has no stored channel: it stays unknown, never guessed.
    expect(listingsSent(bg.requests).get('W-2')).not.toHaveProperty('fulfillment');
    // The first reading, before the lookup answered, said nothing about W-1's channel.
    expect((bg.requests[0]!.rows.find((r) => r.sku === 'W-1') as ListingObservation).fulfillment).toBeUndefined();
  });

  it('reads Walmart.ca numbers in the page language: French "1 234" and "12,50 $", English "1,234" and "$12.50"', async () => {
    for (const [lang, headers, available, price] of [
      ['fr-CA', ['SKU', 'Quantité disponible', 'Prix'], '1\u202f234', '1\u00a0234,50\u00a0$'],
      ['fr', ['SKU', 'Quantité disponible', 'Prix'], '1 234', '12,50 $'],
      ['en-CA', ['SKU', 'Inventory', 'Price'], '1,234', '$12.50'],
    ] as const) {
      setItems(lang, [...headers], [['C-1', available, price]]);
      const bg = startItemsReader('seller.walmart.ca', 'walmart.ca', {});
      await reader!.readNow();
      expect(listingsSent(bg.requests).get('C-1'), lang).toMatchObject({
        available: 1234,
        price: { amountMinor: price.startsWith('1\u00a0234') ? 123450 : 1250, currency: 'CAD' },
      });
      reader!.stop();
      reader = undefined;
    }
  });

  it("puts the marketplace's own figures a Restock row shows on that row's panel, for its Details", async () => {
    // The Japanese Restock fixture's KTCH-BAMB-BRD row: Amazon recommends 166 by 2026-03-10, 36.7 days of supply.
    const page = new DOMParser().parseFromString(fixtureHtml('amazon/restock.ja.html'), 'text/html');
    document.documentElement.setAttribute('lang', page.documentElement.getAttribute('lang') ?? 'ja');
    document.body.innerHTML = page.body.innerHTML;
    const bg = fakeBackground();
    reader = startPageReader({
      root: document,
      adapter: amazonRestock,
      market: marketplaceById('amazon.co.jp')!,
      url: () => new URL('https://sellercentral.amazon.co.jp/restockinventory/recommendations'),
      ingest: bg.ingest,
      language: 'en',
    });
    await reader.readNow();
    expect(reader.panels.get('KTCH-BAMB-BRD')?.marketFigures).toEqual({ recommendedQuantity: 166, recommendedShipDate: '2026-03-10', daysOfSupply: 36.7 });
    // Every row the page shows figures for gets them on its own panel, none on another's.
    const sent = listingsSent(bg.requests);
    for (const [sku, panel] of reader.panels) expect(panel.marketFigures?.recommendedQuantity, sku).toBe(sent.get(sku)?.recommendedQuantity);
  });
});

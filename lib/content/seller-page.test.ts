// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { panelData } from '../messaging/test-panel';
import { marketplaceById } from '../locale/markets';
import { RpcError, STORAGE_FULL } from '../messaging/rpc';
import type { PanelData, RequestOf, ResponseOf } from '../messaging/protocol';
import { PANEL_TAG } from './row-panels';
import { languageFor, startSellerPage, type SellerPage } from './seller-page';
import { renderSummaryBar, SUMMARY_TAG } from './summary-bar';
import { testAdapter } from './test-adapter';

const market = marketplaceById('amazon.com')!;
const url = () => new URL('https://sellercentral.amazon.com/test');

function panelFor(sku: string, available: number): PanelData {
  // The background decides urgency by the one rule; here: under 30 units needs attention.
  return panelData({ sku, available, daysOfCover: available / 2, healthScore: 90, dailyDemand: 2, urgency: available < 30 ? 'critical' : 'ok' });
}
const ingest = async (request: RequestOf<'page/ingest'>): Promise<ResponseOf<'page/ingest'>> => ({
  panels: request.rows.flatMap((r) => (r.kind === 'listing' ? [panelFor(r.sku, r.available ?? 0)] : [])),
});
function setRows(rows: [string, number][]) {
  document.body.innerHTML = `<div id="grid">${rows.map(([sku, a]) => `<div class="row" data-sku="${sku}" data-available="${a}"></div>`).join('')}</div>`;
}
const bar = () => document.querySelector(SUMMARY_TAG)!.shadowRoot!;
const barText = (id: string) => bar().querySelector(`[data-testid="${id}"]`)?.textContent;

let page: SellerPage | undefined;
afterEach(() => {
  page?.stop();
  page = undefined;
  document.body.replaceChildren();
});

describe('summary bar', () => {
  it('counts SKUs at risk, says how fresh the data is and lists translated diagnostics', () => {
    renderSummaryBar(document, {
      skus: ['A', 'B', 'B', 'C'],
      panels: new Map([
        ['A', panelFor('A', 10)],
        ['B', panelFor('B', 100)],
        ['C', panelFor('C', 0)],
      ]),
      diagnostics: [
        { level: 'error', code: 'missing-column', message: 'Manage All Inventory: no "available" column was found', params: { column: 'available' } },
        { level: 'warning', code: 'new-code', message: 'Something odd' },
      ],
      language: 'en',
      pageType: 'amazon/manage-inventory',
      hidden: false,
      updatedAt: new Date('2026-11-20T10:05:00'),
    });
    expect(barText('summary-rows')).toBe('3 SKUs on this page');
    expect(barText('summary-at-risk')).toBe('2 need attention');
    expect(barText('summary-updated')).toMatch(/^updated 10:05/);
    expect([...bar().querySelectorAll('[data-testid="summary-diagnostics"] li')].map((li) => li.textContent)).toEqual([
      'Column "Available quantity" not found, so nothing was read from this page',
      'Something odd',
    ]);
    expect(barText('summary-toggle')).toBe('Hide panels on Manage All Inventory');
  });

  it('in Chinese, and says when the background is not answering', () => {
    renderSummaryBar(document, {
      skus: ['A'],
      panels: new Map(),
      language: 'zh-CN',
      pageType: 'amazon/manage-inventory',
      hidden: false,
      offline: true,
      diagnostics: [{ level: 'error', code: 'missing-column', message: 'x', params: { column: 'available' } }],
    });
    expect(barText('summary-rows')).toBe('本页 1 个 SKU');
    expect(barText('summary-at-risk')).toBe('没有需要处理的 SKU');
    expect(barText('summary-updated')).toBe('正在计算');
    expect(barText('summary-offline')).toBe('扩展后台无响应，数据可能不是最新的');
    expect(bar().querySelector('li')!.textContent).toBe('未找到"可售数量"列，因此未读取本页内容');
  });
});

describe('summary bar: SKUs without sales data', () => {
  it('counts them and offers the order-history import, in both languages', () => {
    const unknown = (sku: string) => panelData({ sku, salesHint: 'import:orders', healthScore: null });
    let opened = 0;
    const state = {
      skus: ['A', 'B', 'B', 'C'],
      panels: new Map([
        ['A', unknown('A')],
        ['B', unknown('B')],
        ['C', panelFor('C', 60)],
      ]),
      diagnostics: [],
      language: 'en' as const,
      pageType: 'amazon/manage-inventory',
      hidden: false,
      onImportOrders: () => opened++,
    };
    renderSummaryBar(document, state);
    expect(barText('summary-no-sales')).toBe(
      '2 SKUs here have no sales data yet: one import of your order history gives each a forecast. Import order history',
    );
    (bar().querySelector('[data-testid="summary-import"]') as HTMLButtonElement).click();
    expect(opened).toBe(1);
    renderSummaryBar(document, { ...state, language: 'zh-CN' });
    expect(barText('summary-import')).toBe('导入订单历史');
    // Every SKU with sales known: nothing to offer.
    renderSummaryBar(document, {
      ...state,
      panels: new Map([
        ['A', panelFor('A', 10)],
        ['B', panelFor('B', 10)],
        ['C', panelFor('C', 10)],
      ]),
    });
    expect(barText('summary-no-sales')).toBeUndefined();
  });
});

describe('startSellerPage', () => {
  const settings =
    (language: 'auto' | 'en' | 'zh-CN', hiddenPanels: string[] = []) =>
    async () => ({ language, hiddenPanels });

  /** A page over the test adapter, in English with nothing hidden unless `over` says otherwise. */
  const startPage = (over: Partial<Parameters<typeof startSellerPage>[0]>) =>
    startSellerPage({ root: document, adapter: testAdapter, market, url, ingest, getSettings: settings('en'), setHidden: async () => [], ...over });

  it('follows the language setting, not the browser language', async () => {
    expect(languageFor('auto', 'zh-TW')).toBe('zh-CN');
    expect(languageFor('en', 'zh-CN')).toBe('en');
    setRows([['A', 20]]);
    page = await startSellerPage({
      root: document,
      adapter: testAdapter,
      market,
      url,
      ingest,
      getSettings: settings('zh-CN'),
      setHidden: async () => [],
      browserLanguage: 'en-US',
    });
    await page.reader.readNow();
    const cover = document.querySelector(PANEL_TAG)!.shadowRoot!.querySelector('[data-testid="days-of-cover"]')!.textContent;
    expect(cover).toBe('可售天数: 10 天');
    expect(barText('summary-rows')).toBe('本页 1 个 SKU');
  });

  it('starts hidden on a hidden page type, and the bar control hides and shows the panels', async () => {
    setRows([
      ['A', 60],
      ['B', 4],
    ]);
    const calls: [string, boolean][] = [];
    let stored = ['test/rows'];
    page = await startSellerPage({
      root: document,
      adapter: testAdapter,
      market,
      url,
      ingest,
      getSettings: settings('en', stored),
      setHidden: async (type, hidden) => {
        calls.push([type, hidden]);
        stored = hidden ? [type] : [];
        return stored;
      },
    });
    await page.reader.readNow();
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(0);
    expect(barText('summary-hidden')).toBe('Panels hidden on this page type');
    (bar().querySelector('[data-testid="summary-toggle"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([['test/rows', false]]);
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(2);
    expect(barText('summary-at-risk')).toBe('1 need attention');
    (bar().querySelector('[data-testid="summary-toggle"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(0);
    expect(page.hidden()).toBe(true);
  });

  it('a quick hide and show stays shown, whichever answer comes back first', async () => {
    setRows([['A', 60]]);
    const answers: ((list: string[]) => void)[] = [];
    page = await startPage({ setHidden: () => new Promise((resolve) => answers.push(resolve)) });
    await page.reader.readNow();
    const toggle = () => (bar().querySelector('[data-testid="summary-toggle"]') as HTMLButtonElement).click();
    toggle();
    toggle();
    expect(answers).toHaveLength(2);
    answers[1]!([]);
    await new Promise((r) => setTimeout(r, 0));
    // The hide's answer arrives last: it says what was stored before the show, not what the seller wants now.
    answers[0]!(['test/rows']);
    await new Promise((r) => setTimeout(r, 0));
    expect(page.hidden()).toBe(false);
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
  });

  it('settings read again keep a hide clicked while they were on their way', async () => {
    setRows([['A', 60]]);
    let answer: ((s: { language: 'en'; hiddenPanels: string[] }) => void) | undefined;
    let reads = 0;
    page = await startPage({
      getSettings: () => (reads++ === 0 ? Promise.resolve({ language: 'en', hiddenPanels: [] }) : new Promise((resolve) => (answer = resolve))),
      setHidden: async () => ['test/rows'],
    });
    await page.reader.readNow();
    const refreshed = page.refreshSettings();
    (bar().querySelector('[data-testid="summary-toggle"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    // Read before the hide was stored: its hiddenPanels are older than the click.
    answer!({ language: 'en', hiddenPanels: [] });
    await refreshed;
    expect(page.hidden()).toBe(true);
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(0);
  });

  it('picks up a language change when the settings are read again', async () => {
    setRows([['A', 20]]);
    let language: 'en' | 'zh-CN' = 'en';
    page = await startSellerPage({
      root: document,
      adapter: testAdapter,
      market,
      url,
      ingest,
      getSettings: async () => ({ language, hiddenPanels: [] }),
      setHidden: async () => [],
    });
    await page.reader.readNow();
    language = 'zh-CN';
    await page.refreshSettings();
    expect(document.querySelector(PANEL_TAG)!.shadowRoot!.querySelector('[data-testid="days-of-cover"]')!.textContent).toBe('可售天数: 10 天');
  });

  it('says what to do when the browser has no room left, instead of "not answering", until a reading is saved again', async () => {
    setRows([['A', 20]]);
    let full = true;
    page = await startSellerPage({
      root: document,
      adapter: testAdapter,
      market,
      url,
      ingest: async (request) => {
        if (full) throw new RpcError(`${STORAGE_FULL}: the browser has no room left for the extension's data; nothing from this page was saved`);
        return ingest(request);
      },
      getSettings: settings('en'),
      setHidden: async () => [],
      onError: () => {},
    });
    await page.reader.readNow().catch(() => undefined);
    expect(barText('summary-storage-full')).toMatch(/^The browser has no room left for Stock Copilot: nothing from this page was saved\. /);
    expect(barText('summary-offline')).toBeUndefined();
    full = false;
    setRows([['A', 21]]);
    await page.reader.readNow();
    expect(barText('summary-storage-full')).toBeUndefined();
  });

  it('falls back to the browser language when the settings cannot be read', async () => {
    setRows([['A', 20]]);
    const errors: unknown[] = [];
    page = await startSellerPage({
      root: document,
      adapter: testAdapter,
      market,
      url,
      ingest,
      getSettings: async () => {
        throw new Error('asleep');
      },
      setHidden: async () => [],
      browserLanguage: 'zh-CN',
      onError: (e) => errors.push(e),
    });
    await page.reader.readNow();
    expect(page.language()).toBe('zh-CN');
    expect(errors).toHaveLength(1);
  });
});

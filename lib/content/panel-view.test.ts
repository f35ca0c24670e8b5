// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { panelData } from '../messaging/test-panel';
import type { PanelData } from '../messaging/protocol';
import { HEALTH_REASON_CODES, ALERT_CODES } from '../planning/types';
import { alertText, reasonText } from './codes';
import { destroyPanel, isAtRisk, livePanelCount, renderPanel, sweepDetachedPanels, urgencyOf, type MountChart } from './panel-view';

const FULL: PanelData = panelData({
  sku: 'MUG-01',
  key: 'amazon|amazon.com|MUG-01',
  title: 'Mug',
  urgency: 'critical',
  available: 40,
  leadTimeDays: 70,
  daysOfCover: 9.6,
  stockoutDate: '2026-12-01',
  reorderDate: '2026-11-25',
  reorderQuantity: 120,
  healthScore: 45,
  reasons: [
    { code: 'stockout-soon', points: 25, params: { daysOfCover: 9.6, withinDays: 15, stockoutDate: '2026-12-01' } },
    { code: 'oversold-pool', points: 15, params: { listed: 60, pool: 40 } },
    { code: 'aged-inventory', points: 10, params: { units: 5, minDays: 181 } },
  ],
  alerts: [
    { code: 'stockout-within', severity: 'critical', params: { stockoutDate: '2026-12-01', days: 14 } },
    { code: 'sales-off-forecast', severity: 'warning', params: { pct: 20, days: 3, direction: 'below' } },
  ],
  clearance: { action: '-20%', discountPercent: 20, sellThroughDays: 41.2 },
  oversell: { listedTotal: 60, poolAvailable: 40 },
  lifecycleStage: 'maturity',
  dailyDemand: 4.2,
});

/** Before FULL's reorder date: a deadline still to meet. */
const TODAY = '2026-11-18';

function mount(data: PanelData | undefined, language: 'en' | 'zh-CN' = 'en', mountChart?: MountChart) {
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  renderPanel(shadow, data, language, { today: TODAY, ...(mountChart ? { mountChart } : {}) });
  const q = (id: string) => shadow.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { host, shadow, q };
}

afterEach(() => {
  document.body.replaceChildren();
  sweepDetachedPanels();
});

describe('renderPanel', () => {
  it('renders every element of a full panel, in English', () => {
    const { q, shadow } = mount(FULL);
    expect(q('days-of-cover')!.textContent).toBe('Days of cover: 9 d');
    // At a glance: the urgency word and the one action, numbers first (oversell before the reorder).
    expect(q('urgency')!.textContent).toBe('Critical');
    expect(q('action')!.textContent).toBe('60 listed · 40 in stock');
    expect(q('action')!.dataset.kind).toBe('oversell');
    expect(mount({ ...FULL, oversell: null }).q('action')!.textContent).toBe('Order 120 by Nov 25');
    expect(q('stockout')!.textContent).toBe('Runs out 12/1/2026');
    // With units on their way that last beyond it: both dates.
    const inbound = mount({ ...FULL, inbound: 442, inboundArrivalDate: '2026-11-28', stockoutDateWithInbound: '2027-01-20' });
    expect(inbound.q('stockout')!.textContent).toBe('Runs out 12/1/2026 · 1/20/2027 with the 442 inbound');
    const inboundZh = mount({ ...FULL, inbound: 442, inboundArrivalDate: '2026-11-28', stockoutDateWithInbound: '2027-01-20' }, 'zh-CN');
    expect(inboundZh.q('stockout')!.textContent).toBe('预计 2026/12/1 断货 · 算上在途 442 件为 2027/1/20');
    expect(q('reorder')!.textContent).toBe('Reorder 120 by 11/25/2026');
    expect(q('health')!.textContent).toMatch(/^Health 45 \(−25 Only 9\.6 days of cover left \(under 15\); −15 60 listed/);
    expect(q('oversell')!.textContent).toBe('Oversell risk: 60 listed, 40 in stock');
    expect(q('clearance')!.textContent).toBe('Clearance: mark down 20% (sells through in ~42 d)');
    expect(q('clearance')!.className).toBe('warn');
    // Keeping the price is said, not flagged.
    const hold = mount({ ...FULL, clearance: { action: 'hold', excessUnits: 15, discountPercent: 0, sellThroughDays: 10.7 } }).q('clearance')!;
    expect([hold.textContent, hold.className]).toEqual(['Clearance: hold the price', '']);
    // The details hold the rest; their reasons, alerts and chart are built on first expand (most panels are never opened).
    expect(q('details')!.hidden).toBe(true);
    expect(q('reasons')).toBeNull();
    q('toggle')!.click();
    const reasons = [...shadow.querySelectorAll('[data-testid="reasons"] li')].map((li) => li.textContent);
    expect(reasons).toEqual([
      '−25Only 9.6 days of cover left (under 15)',
      '−1560 listed across channels, 40 in the shared stock',
      '−105 units older than 181 days',
    ]);
    const alerts = [...shadow.querySelectorAll('[data-testid="alerts"] li')].map((li) => li.textContent);
    expect(alerts).toEqual(['Runs out 12/1/2026, within 14 days', 'Sales below the forecast by more than 20% for 3 days']);
    expect(shadow.querySelector('.panel')!.getAttribute('data-urgency')).toBe('critical');
  });

  it('renders the same panel in Chinese', () => {
    const { q, shadow } = mount(FULL, 'zh-CN');
    expect(q('days-of-cover')!.textContent).toBe('可售天数: 9 天');
    expect(q('urgency')!.textContent).toBe('紧急');
    expect(mount({ ...FULL, oversell: null }, 'zh-CN').q('action')!.textContent).toBe('订货 120 件 · 11月25日 前');
    expect(q('reorder')!.textContent).toBe('请在 2026/11/25 前补货 120 件');
    expect(q('oversell')!.textContent).toBe('超卖风险：已上架 60 件，库存 40 件');
    expect(q('clearance')!.textContent).toBe('清仓建议：降价 20%（约 42 天售完）');
    expect(q('toggle')!.getAttribute('aria-label')).toBe('显示 MUG-01 的详情和图表');
    q('toggle')!.click();
    const reasons = [...shadow.querySelectorAll('[data-testid="reasons"] li')].map((li) => li.textContent);
    expect(reasons[0]).toBe('−25仅剩 9.6 天可售（少于 15 天）');
  });

  it('translates every health reason and alert code in both languages, with no placeholder left', () => {
    const params = {
      days: 30,
      daysOfCover: 5,
      limitDays: 90,
      withinDays: 15,
      stockoutDate: '2026-12-01',
      arrivalDate: '2026-12-20',
      inbound: 442,
      pending: 3,
      available: 1,
      listed: 9,
      pool: 4,
      units: 2,
      minDays: 181,
      reorderDate: '2026-11-01',
      quantity: 50,
      pct: 20,
      direction: 'above',
      date: '2026-11-02',
      expected: 3,
      amountMinor: 1234,
      currency: 'USD',
      holdingMinor: 500,
      marginMinor: 800,
      daysLate: 3,
      suggested: 38,
      hint: 'count',
      shown: 40,
      computed: 14,
      fromPool: 'own:main',
      held: 500,
      limit: 1200,
      boxes: 50,
      perBox: 10,
      legDays: 20,
    };
    for (const language of ['en', 'zh-CN'] as const) {
      for (const code of HEALTH_REASON_CODES) {
        const text = reasonText(language, { code, params });
        expect(text, code).not.toBe(code);
        expect(text, code).not.toMatch(/\{\w+\}/);
      }
      for (const code of ALERT_CODES) {
        const text = alertText(language, { code, params });
        expect(text, code).not.toBe(code);
        expect(text, code).not.toMatch(/\{\w+\}/);
      }
    }
    expect(alertText('en', { code: 'aged-surcharge-coming', params: { amountMinor: 1234, currency: 'USD' } })).toBe(
      'Aged-inventory surcharge next month: $12.34',
    );
    expect(reasonText('en', { code: 'some-future-code', params: {} })).toBe('some-future-code');
  });

  it('colours by the one urgency rule the background decided, and counts what needs attention', () => {
    for (const urgency of ['critical', 'warning', 'excess', 'attention', 'ok', 'unknown'] as const) {
      const { shadow } = mount({ ...FULL, urgency });
      expect(shadow.querySelector('.panel')!.getAttribute('data-urgency')).toBe(urgency);
      expect(urgencyOf({ urgency })).toBe(urgency);
    }
    expect(isAtRisk({ urgency: 'excess' })).toBe(true);
    expect(isAtRisk({ urgency: 'unknown' })).toBe(false);
    expect(isAtRisk({ urgency: 'ok' })).toBe(false);
  });

  it('shows unknown stock and not-enough-data as such, never as 0 or healthy', () => {
    const unknown = mount({
      ...FULL,
      available: null,
      stockSource: 'unknown',
      stockHint: 'open:amazon/fba-inventory',
      daysOfCover: null,
      healthScore: null,
      reasons: [],
      oversell: null,
      clearance: null,
      urgency: 'unknown',
    });
    expect(unknown.q('days-of-cover')!.textContent).toBe('Stock unknown');
    expect(unknown.q('health')!.textContent).toBe('Not enough data: open FBA Inventory in Seller Central');
    expect(unknown.q('stockout')).toBeNull();
    const noSales = mount({ ...FULL, daysOfCover: null, healthScore: null, salesHint: 'import:orders', reasons: [] }, 'zh-CN');
    expect(noSales.q('days-of-cover')!.textContent).toBe('销量未知');
    expect(noSales.q('health')!.textContent).toBe('数据不足：请在设置页面导入订单历史报告');
    // Sales known to be none (an imported order history without this SKU): how long, not "yet".
    const quiet = { ...FULL, daysOfCover: null, salesHint: null, alerts: [{ code: 'no-sale', severity: 'warning', params: { days: 90 } }] };
    expect(mount(quiet).q('days-of-cover')!.textContent).toBe('No sales in 90 days');
    expect(mount(quiet, 'zh-CN').q('days-of-cover')!.textContent).toBe('90 天无销量');
  });

  it('says sales are unknown and where to get them: a link to the page on its marketplace, and the import', () => {
    const imports: number[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const unknownSales = { ...FULL, key: 'amazon|amazon.de|MUG-01', daysOfCover: null, healthScore: null, salesHint: 'open:amazon/fba-inventory', reasons: [] };
    renderPanel(shadow, unknownSales, 'en', { today: TODAY, importOrders: () => imports.push(1) });
    const q = (id: string) => shadow.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    expect(q('days-of-cover')!.textContent).toBe('Sales unknown');
    expect(q('sales-sources')!.textContent).toBe('open FBA Inventory or import your orders');
    const link = q('sales-open-page') as HTMLAnchorElement;
    expect(link.href).toBe('https://sellercentral.amazon.de/inventoryplanning/manageinventoryhealth');
    expect(link.target).toBe('_blank');
    (q('sales-import') as HTMLButtonElement).click();
    expect(imports).toEqual([1]);
    // Never a health score for it, never "healthy".
    expect(q('health')!.textContent).toBe('Not enough data: open FBA Inventory in Seller Central');
    // Own-warehouse stock: only the import; in Chinese.
    const own = mount({ ...unknownSales, salesHint: 'import:orders' }, 'zh-CN');
    expect(own.q('days-of-cover')!.textContent).toBe('销量未知');
    expect(own.q('sales-open-page')).toBeNull();
    // Without the import (no hook), only the link; with known sales, neither.
    expect(mount(unknownSales).q('sales-sources')!.textContent).toBe('open FBA Inventory');
    expect(mount(FULL).q('sales-sources')).toBeNull();
    const zh = host.ownerDocument.createElement('div');
    document.body.append(zh);
    renderPanel(zh.attachShadow({ mode: 'open' }), unknownSales, 'zh-CN', { today: TODAY, importOrders: () => undefined });
    expect(zh.shadowRoot!.querySelector('[data-testid="sales-sources"]')!.textContent).toBe('打开FBA 库存 或 导入订单');
  });

  it("shows the pool's stock, an overdue reorder's days late, and the channel line with a fill-in button", () => {
    const filled: number[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const data = {
      ...FULL,
      available: 226,
      stockSource: 'listed' as const,
      reorderDate: '2026-11-20',
      reorderDaysLate: 12,
      channel: { listed: 0, suggested: 38, buffer: 0 },
      oversell: null,
    };
    renderPanel(shadow, data, 'en', { fillQuantity: (n) => (filled.push(n), true), today: '2026-12-02' });
    const q = (id: string) => shadow.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    expect(q('stock')!.textContent).toBe('≈226 in stock (estimated)');
    // A deadline already past is never shown as one to meet.
    expect(q('reorder')!.textContent).toBe('Reorder 120 now · overdue since Nov 20 (12 days)');
    expect(q('action')!.textContent).toBe('Order 120 · overdue since Nov 20 (12 days)');
    expect(q('action')!.classList.contains('overdue')).toBe(true);
    expect(q('channel')!.textContent).toBe('226 in the warehouse: list 38 here');
    q('fill-quantity')!.click();
    expect(filled).toEqual([38]);
    expect(q('fill-quantity')!.textContent).toBe('Filled in 38: review and save on the page');
    renderPanel(shadow, { ...data, channel: { listed: 50, suggested: 38, buffer: 2 } }, 'zh-CN', { today: '2026-12-02' });
    expect(q('action')!.textContent).toBe('订货 120 件 · 自 11月20日 起已逾期（12 天）');
    expect(q('channel')!.textContent).toBe('建议在此上架 38 件（当前 50 件）');
    expect(q('fill-quantity')).toBeNull(); // no editable field on this page
  });

  it('lists ABC class, safety stock and lead time in the details', () => {
    const { q } = mount({ ...FULL, abcClass: 'A', safetyStock: 41.6, reorderPoint: 320, leadTimeDays: 70 });
    q('toggle')!.click();
    expect(q('facts')!.textContent).toContain('ABC class A · Safety stock 42 · Reorder point 320 · Lead time 70 d');
  });

  it("lists the pool's reserved units in the details, once: not again when the page's own figure shows them", () => {
    const { q } = mount({ ...FULL, reserved: 12 });
    q('toggle')!.click();
    expect(q('facts')!.textContent).toContain('12 reserved');
    const zh = mount({ ...FULL, reserved: 12 }, 'zh-CN');
    zh.q('toggle')!.click();
    expect(zh.q('facts')!.textContent).toContain('预留 12 件');
    const paged = mount({ ...FULL, reserved: 12, marketFigures: { reserved: 12 } });
    paged.q('toggle')!.click();
    expect(paged.q('facts')!.textContent).not.toContain('reserved');
    expect(paged.q('market-reserved')!.textContent).toBe('Reserved: 12');
  });

  it("shows the marketplace's own figures in the details, next to ours, with why they differ", () => {
    const { q, shadow } = mount({ ...FULL, marketFigures: { recommendedQuantity: 35, recommendedShipDate: '2026-11-30' } });
    q('toggle')!.click();
    expect(q('market-recommended')!.firstChild!.textContent).toBe('Amazon recommends 35, ship by Nov 30 (ours: 120)');
    expect(q('market-reason')!.textContent).toMatch(/^Why ours differs: at 4\.2 a day Amazon's 35 lasts about 17 days/);
    expect([...shadow.querySelectorAll('h3')].map((h) => h.textContent)).toContain("Amazon's own figures");
    // Without figures from the page: no such section.
    const plain = mount(FULL);
    plain.q('toggle')!.click();
    expect(plain.q('market-figures')).toBeNull();
  });

  it('says when the inbound units are expected, in both languages', () => {
    const data = { ...FULL, inbound: 442, inboundArrivalDate: '2026-12-20' };
    const en = mount(data);
    en.q('toggle')!.click();
    expect(en.q('facts')!.textContent).toContain('442 inbound, expected 12/20/2026');
    const zh = mount(data, 'zh-CN');
    zh.q('toggle')!.click();
    expect(zh.q('facts')!.textContent).toContain('在途 442 件，预计 2026/12/20 到货');
    // Not dated (a plan cached before arrivals were): the count alone.
    const undated = mount({ ...data, inboundArrivalDate: null });
    undated.q('toggle')!.click();
    expect(undated.q('facts')!.textContent).toContain('442 inbound');
    expect(undated.q('facts')!.textContent).not.toContain('expected');
  });

  it('lists each arrival of inbound split across shipments, with its shipment, in both languages', () => {
    const data: PanelData = {
      ...FULL,
      inbound: 300,
      inboundArrivalDate: '2026-12-14',
      inboundArrivals: [
        { date: '2026-12-14', units: 100, shipmentId: 'FBA17AAAA1' },
        { date: '2026-12-28', units: 200 },
      ],
    };
    const en = mount(data);
    en.q('toggle')!.click();
    const lines = (view: ReturnType<typeof mount>) => [...view.q('inbound-arrivals')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines(en)).toEqual(['100 expected 12/14/2026 · shipment FBA17AAAA1', '200 expected 12/28/2026']);
    // The total alone in the facts: the first arrival's date is not all of the inbound's.
    expect(en.q('facts')!.textContent).toContain('300 inbound');
    expect(en.q('facts')!.textContent).not.toContain('expected');
    const zh = mount(data, 'zh-CN');
    zh.q('toggle')!.click();
    expect(lines(zh)).toEqual(['100 件，预计 2026/12/14 到货 · 货件 FBA17AAAA1', '200 件，预计 2026/12/28 到货']);
    // A shipment id is page text: set as text, never parsed as markup.
    const hostile = mount({ ...data, inboundArrivals: [{ date: '2026-12-14', units: 100, shipmentId: '<img src=x>' }, data.inboundArrivals![1]!] });
    hostile.q('toggle')!.click();
    expect(hostile.q('inbound-arrivals')!.querySelector('img')).toBeNull();
    expect(lines(hostile)[0]).toContain('<img src=x>');
    // One arrival (no list from the plan): no section.
    const single = mount({ ...data, inboundArrivals: undefined });
    single.q('toggle')!.click();
    expect(single.q('inbound-arrivals')).toBeNull();
  });

  it('styles every panel with one shared stylesheet, kept across re-renders', () => {
    const a = mount(FULL);
    const b = mount(undefined);
    renderPanel(a.shadow, { ...FULL, daysOfCover: 3 }, 'en');
    expect(a.shadow.adoptedStyleSheets).toHaveLength(1);
    expect(b.shadow.adoptedStyleSheets[0]).toBe(a.shadow.adoptedStyleSheets[0]);
    expect(a.shadow.querySelector('style')).toBeNull();
  });

  it('shows a pending note and no details without data', () => {
    const { q } = mount(undefined);
    expect(q('pending')!.textContent).toBe('Waiting for the planner…');
    expect(q('toggle')).toBeNull();
  });

  it('expands and collapses with the keyboard: aria-expanded, chart created on expand only, destroyed on collapse', async () => {
    const destroy = vi.fn();
    const mountChart = vi.fn<MountChart>(async (container) => {
      container.append(document.createElement('canvas'));
      return destroy;
    });
    const { q, shadow } = mount(FULL, 'en', mountChart);
    const toggle = q('toggle') as HTMLButtonElement;
    expect(toggle.tagName).toBe('BUTTON');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(q('details')!.hidden).toBe(true);
    expect(shadow.getElementById(toggle.getAttribute('aria-controls')!)).toBe(q('details'));
    expect(mountChart).not.toHaveBeenCalled();

    toggle.focus();
    toggle.click(); // Enter/Space on a <button> fire click
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('Hide details');
    expect(q('details')!.hidden).toBe(false);
    expect(mountChart).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(shadow.querySelector('canvas')).not.toBeNull());
    expect(livePanelCount()).toBe(1);

    // Escape closes and returns focus to the button.
    q('details')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(shadow.activeElement).toBe(toggle);
    expect(livePanelCount()).toBe(0);
  });

  it('keeps an open panel open across re-renders, and destroys the chart when the row goes away', async () => {
    const destroys: number[] = [];
    let n = 0;
    const mountChart: MountChart = async () => {
      const id = ++n;
      return () => destroys.push(id);
    };
    const { q, shadow, host } = mount(FULL, 'en', mountChart);
    q('toggle')!.click();
    await vi.waitFor(() => expect(livePanelCount()).toBe(1));
    renderPanel(shadow, { ...FULL, daysOfCover: 8 }, 'en', { mountChart });
    expect(shadow.querySelector('[data-testid="toggle"]')!.getAttribute('aria-expanded')).toBe('true');
    await vi.waitFor(() => expect(n).toBe(2));
    expect(destroys).toEqual([1]);
    host.remove();
    await Promise.resolve();
    expect(sweepDetachedPanels()).toBe(1);
    expect(destroys).toEqual([1, 2]);
  });

  it('destroys a chart that finishes loading after the panel was closed', async () => {
    let resolve!: (destroy: () => void) => void;
    const destroy = vi.fn();
    const { q, shadow } = mount(
      FULL,
      'en',
      () =>
        new Promise((r) => {
          resolve = r;
        }),
    );
    q('toggle')!.click();
    q('toggle')!.click();
    resolve(destroy);
    await vi.waitFor(() => expect(destroy).toHaveBeenCalled());
    destroyPanel(shadow);
  });

  it('shows a message instead of a chart when it cannot load', async () => {
    const { q } = mount(FULL, 'en', async () => {
      throw new Error('no history');
    });
    q('toggle')!.click();
    await vi.waitFor(() => expect(q('chart')!.textContent).toBe('Chart not available: no history'));
  });
});

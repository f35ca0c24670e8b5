// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PanelData } from '../messaging/protocol';
import { HEALTH_REASON_CODES, ALERT_CODES } from '../planning/types';
import { alertText, reasonText } from './codes';
import { destroyPanel, isAtRisk, livePanelCount, renderPanel, sweepDetachedPanels, urgencyOf, type MountChart } from './panel-view';

const FULL: PanelData = {
  sku: 'MUG-01', key: 'amazon|amazon.com|MUG-01', title: 'Mug', available: 40, daysOfCover: 9.6,
  stockoutDate: '2026-12-01', reorderDate: '2026-11-25', reorderQuantity: 120, healthScore: 45,
  reasons: [
    { code: 'stockout-soon', points: 25, params: { daysOfCover: 9.6, withinDays: 15, stockoutDate: '2026-12-01' } },
    { code: 'oversold-pool', points: 15, params: { listed: 60, pool: 40 } },
    { code: 'aged-inventory', points: 10, params: { units: 5, minDays: 181 } },
  ],
  alerts: [{ code: 'stockout-within', severity: 'critical', params: { stockoutDate: '2026-12-01', days: 14 } }, { code: 'sales-off-forecast', severity: 'warning', params: { pct: 20, days: 3, direction: 'below' } }],
  clearance: { action: '-20%', discountPercent: 20, sellThroughDays: 41.2 },
  oversell: { listedTotal: 60, poolAvailable: 40 },
  lifecycleStage: 'maturity', dailyDemand: 4.2,
};

function mount(data: PanelData | undefined, language: 'en' | 'zh-CN' = 'en', mountChart?: MountChart) {
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  renderPanel(shadow, data, language, mountChart ? { mountChart } : {});
  const q = (id: string) => shadow.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { host, shadow, q };
}

afterEach(() => { document.body.replaceChildren(); sweepDetachedPanels(); });

describe('renderPanel', () => {
  it('renders every element of a full panel, in English', () => {
    const { q, shadow } = mount(FULL);
    expect(q('days-of-cover')!.textContent).toBe('Days of cover: 9 d');
    expect(q('stockout')!.textContent).toBe('Runs out 12/1/2026');
    expect(q('reorder')!.textContent).toBe('Reorder 120 by 11/25/2026');
    expect(q('health')!.textContent).toMatch(/^Health 45 \(−25 Only 9\.6 days of cover left \(under 15\); −15 60 listed/);
    expect(q('oversell')!.textContent).toBe('Oversell risk: 60 listed, 40 in stock');
    expect(q('clearance')!.textContent).toBe('Clearance: mark down 20% (sells through in ~42 d)');
    // The details overlay is filled on first expand (most panels are never opened).
    expect(q('details')!.childElementCount).toBe(0);
    q('toggle')!.click();
    const reasons = [...shadow.querySelectorAll('[data-testid="reasons"] li')].map((li) => li.textContent);
    expect(reasons).toEqual(['−25Only 9.6 days of cover left (under 15)', '−1560 listed across channels, 40 in the shared stock', '−105 units older than 181 days']);
    const alerts = [...shadow.querySelectorAll('[data-testid="alerts"] li')].map((li) => li.textContent);
    expect(alerts).toEqual(['Runs out 12/1/2026, within 14 days', 'Sales below the forecast by more than 20% for 3 days']);
    expect(shadow.querySelector('.panel')!.getAttribute('data-urgency')).toBe('critical');
  });

  it('renders the same panel in Chinese', () => {
    const { q, shadow } = mount(FULL, 'zh-CN');
    expect(q('days-of-cover')!.textContent).toBe('可售天数: 9 天');
    expect(q('reorder')!.textContent).toBe('请在 2026/11/25 前补货 120 件');
    expect(q('oversell')!.textContent).toBe('超卖风险：已上架 60 件，库存 40 件');
    expect(q('clearance')!.textContent).toBe('清仓建议：降价 20%（约 42 天售完）');
    expect(q('toggle')!.textContent).toBe('详情');
    q('toggle')!.click();
    const reasons = [...shadow.querySelectorAll('[data-testid="reasons"] li')].map((li) => li.textContent);
    expect(reasons[0]).toBe('−25仅剩 9.6 天可售（少于 15 天）');
  });

  it('translates every health reason and alert code in both languages, with no placeholder left', () => {
    const params = { days: 30, daysOfCover: 5, limitDays: 90, withinDays: 15, stockoutDate: '2026-12-01', pending: 3, available: 1, listed: 9, pool: 4, units: 2, minDays: 181, reorderDate: '2026-11-01', quantity: 50, pct: 20, direction: 'above', date: '2026-11-02', expected: 3, amountMinor: 1234, currency: 'USD', holdingMinor: 500, marginMinor: 800 };
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
    expect(alertText('en', { code: 'aged-surcharge-coming', params: { amountMinor: 1234, currency: 'USD' } })).toBe('Aged-inventory surcharge next month: $12.34');
    expect(reasonText('en', { code: 'some-future-code', params: {} })).toBe('some-future-code');
  });

  it('colours by urgency: out of stock and short cover critical, then warning, ok, unknown', () => {
    expect(urgencyOf({ available: 0, daysOfCover: 50 })).toBe('critical');
    expect(urgencyOf({ available: 5, daysOfCover: 13.9 })).toBe('critical');
    expect(urgencyOf({ available: 5, daysOfCover: 20 })).toBe('warning');
    expect(urgencyOf({ available: 5, daysOfCover: 30 })).toBe('ok');
    expect(urgencyOf({ available: 5, daysOfCover: null })).toBe('unknown');
    for (const [cover, urgency] of [[3, 'critical'], [20, 'warning'], [60, 'ok'], [null, 'unknown']] as const) {
      const { shadow } = mount({ ...FULL, daysOfCover: cover, oversell: null });
      expect(shadow.querySelector('.panel')!.getAttribute('data-urgency')).toBe(urgency);
    }
    expect(isAtRisk({ ...FULL, daysOfCover: 60, alerts: [] })).toBe(true); // oversell
    expect(isAtRisk({ ...FULL, daysOfCover: 60, alerts: [], oversell: null })).toBe(false);
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
    const mountChart = vi.fn<MountChart>(async (container) => { container.append(document.createElement('canvas')); return destroy; });
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
    expect(toggle.textContent).toBe('Hide details');
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
    const mountChart: MountChart = async () => { const id = ++n; return () => destroys.push(id); };
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
    const { q, shadow } = mount(FULL, 'en', () => new Promise((r) => { resolve = r; }));
    q('toggle')!.click();
    q('toggle')!.click();
    resolve(destroy);
    await vi.waitFor(() => expect(destroy).toHaveBeenCalled());
    destroyPanel(shadow);
  });

  it('shows a message instead of a chart when it cannot load', async () => {
    const { q } = mount(FULL, 'en', async () => { throw new Error('no history'); });
    q('toggle')!.click();
    await vi.waitFor(() => expect(q('chart')!.textContent).toBe('Chart not available: no history'));
  });
});

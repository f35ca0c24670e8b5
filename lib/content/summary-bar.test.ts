// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { clearCorner, renderSummaryBar, SUMMARY_TAG } from './summary-bar';

const VIEW = { width: 1366, height: 900 };
const BAR = { width: 300, height: 80 };

describe('clearCorner', () => {
  it('stays where it is when the focused field is clear of it', () => {
    expect(clearCorner('bottom-right', { left: 100, top: 100, right: 200, bottom: 130 }, BAR, VIEW)).toBe('bottom-right');
  });

  it('moves to the first corner clear of a field it would cover', () => {
    // A price input in the last column near the bottom (the case seen at 1366 px).
    const price = { left: 1200, top: 840, right: 1300, bottom: 870 };
    expect(clearCorner('bottom-right', price, BAR, VIEW)).toBe('bottom-left');
    // A field as wide as the window at the bottom: the top.
    expect(clearCorner('bottom-right', { left: 0, top: 850, right: 1366, bottom: 880 }, BAR, VIEW)).toBe('top-right');
    // Moved away once, it does not come back on the next field it does not cover.
    expect(clearCorner('bottom-left', { left: 1200, top: 400, right: 1300, bottom: 430 }, BAR, VIEW)).toBe('bottom-left');
  });
});

describe('the summary bar', () => {
  afterEach(() => document.body.replaceChildren());
  const state = { skus: ['A'], panels: new Map(), diagnostics: [], language: 'en' as const, pageType: 'amazon/manage-inventory', hidden: false };
  const shadow = () => document.querySelector(SUMMARY_TAG)!.shadowRoot!;

  it('collapses to one line and expands again, keeping the at-risk count', () => {
    renderSummaryBar(document, state);
    const collapse = shadow().querySelector<HTMLButtonElement>('[data-testid="summary-collapse"]')!;
    expect(collapse.textContent).toBe('Collapse');
    collapse.click();
    expect(shadow().querySelector('[data-testid="summary-toggle"]')).toBeNull();
    expect(shadow().querySelector('[data-testid="summary-at-risk"]')!.textContent).toBe('none need attention');
    const expand = shadow().querySelector<HTMLButtonElement>('[data-testid="summary-collapse"]')!;
    expect(expand.textContent).toBe('Expand');
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    // A later update keeps it collapsed.
    renderSummaryBar(document, { ...state, skus: ['A', 'B'] });
    expect(shadow().querySelector('[data-testid="summary-toggle"]')).toBeNull();
    shadow().querySelector<HTMLButtonElement>('[data-testid="summary-collapse"]')!.click();
    expect(shadow().querySelector('[data-testid="summary-toggle"]')).not.toBeNull();
  });

  it('moves away from a page field it covers when the seller focuses it', () => {
    const host = renderSummaryBar(document, state);
    const input = document.createElement('input');
    document.body.append(input);
    const rect = (left: number, top: number, width: number, height: number) => () =>
      ({ left, top, right: left + width, bottom: top + height, width, height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;
    host.getBoundingClientRect = rect(1054, 808, 300, 80);
    input.getBoundingClientRect = rect(1200, 840, 100, 30);
    Object.assign(window, { innerWidth: 1366, innerHeight: 900 });
    input.focus();
    expect(host.dataset.corner).toBe('bottom-left');
  });
});

describe('the summary bar on a page of shipments', () => {
  afterEach(() => document.body.replaceChildren());
  const shadow = () => document.querySelector(SUMMARY_TAG)!.shadowRoot!;
  const text = (id: string) => shadow().querySelector(`[data-testid="${id}"]`)?.textContent;

  it('says the shipments read and the units inbound instead of "0 SKUs", in English and Chinese', () => {
    const state = {
      skus: [],
      shipments: { shipments: 4, open: 3, units: 1240 },
      panels: new Map(),
      diagnostics: [],
      pageType: 'amazon/shipments',
      hidden: false,
    };
    renderSummaryBar(document, { ...state, language: 'en' });
    expect(text('summary-shipments')).toBe('4 shipments read, 3 open');
    expect(text('summary-inbound')).toBe('1,240 units inbound');
    expect(text('summary-rows')).toBeUndefined();
    renderSummaryBar(document, { ...state, language: 'zh-CN' });
    expect(text('summary-shipments')).toBe('已读取 4 个货件，3 个未关闭');
    expect(text('summary-inbound')).toBe('待入库 1,240 件');
    // A contents page's SKU rows are counted as SKUs: the shipment line is for pages without them.
    renderSummaryBar(document, { ...state, skus: ['MUG-1', 'MUG-1', 'CUP-2'], language: 'en' });
    expect(text('summary-rows')).toBe('2 SKUs on this page');
    expect(text('summary-shipments')).toBeUndefined();
  });
});

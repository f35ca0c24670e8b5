// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtRiskItem } from '@/lib/messaging/protocol';
import { atRiskItem } from '@/lib/messaging/test-panel';

/** A fresh copy of the first paint (its state is per page load) and of the first requests it sends. */
async function load() {
  vi.resetModules();
  return { ...(await import('./first-paint')), ...(await import('./first-request')) };
}

const item = atRiskItem;

const atRisk = (items: AtRiskItem[], extra: object = {}) => ({ ok: true, data: { items, total: items.length + 3, stored: 50, ...extra } });
const settings = (language: string) => ({ ok: true, data: { settings: { language } } });

/** A background answering the first requests with these replies; records what was sent. */
function background(replies: { atRisk: unknown; settings: unknown }) {
  const sent: { type: string; payload: unknown }[] = [];
  const send = async (message: { type: 'skus/at-risk' | 'settings/get'; payload: unknown }) => {
    sent.push(message);
    return message.type === 'skus/at-risk' ? replies.atRisk : replies.settings;
  };
  return { sent, send };
}

const hooks = (browserLanguage = 'en-US') => ({ openItem: vi.fn(), openOptions: vi.fn(), browserLanguage });

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  root = document.getElementById('root')!;
  performance.clearMarks();
});

/** When the first rows were marked drawn (the bench's measure), if they were. */
const firstRowsMarks = (name: string) => performance.getEntriesByName(name, 'mark');

describe('the popup first paint', () => {
  it('sends the opening request and the settings request, and draws the first rows most urgent first', async () => {
    const { startFirstPaint, HEAD_LIMIT, FIRST_ROWS_MARK } = await load();
    const { sent, send } = background({ atRisk: atRisk([item('CRIT-1', { urgency: 'critical', available: 0 }), item('WARN-2')]), settings: settings('en') });
    const on = hooks();
    await expect(startFirstPaint(root, send, on)).resolves.toBe(true);
    expect(firstRowsMarks(FIRST_ROWS_MARK)).toHaveLength(1);
    expect(sent).toEqual([
      { type: 'skus/at-risk', payload: { risk: 'attention', limit: HEAD_LIMIT } },
      { type: 'settings/get', payload: {} },
    ]);
    const rows = [...root.querySelectorAll<HTMLElement>('[data-testid="at-risk-row"]')];
    expect(rows.map((r) => [r.dataset.sku, r.dataset.urgency])).toEqual([
      ['CRIT-1', 'critical'],
      ['WARN-2', 'warning'],
    ]);
    expect(root.querySelector('h1')?.textContent).toBe('Needs attention');
    expect(root.querySelector('[data-testid="at-risk-count"]')?.textContent).toBe('2 of 5');
    expect(rows[0]!.querySelector('[data-testid="days-of-cover"]')?.textContent).toBe('Out of stock');
    expect(rows[1]!.querySelector('[data-testid="days-of-cover"]')?.textContent).toBe('12 d');
    expect(rows[1]!.querySelector('[data-testid="stockout"]')?.textContent).toBe('12/20/2026 · 1/20/2027 with inbound');
    expect(rows[1]!.querySelector('.reorder')?.textContent).toBe('Reorder 120 by 12/10/2026');
    expect(root.querySelector('[lang]')?.getAttribute('lang')).toBe('en');
    // A row opens its seller page the way the app's list does, not inside the popup.
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    rows[1]!.querySelector('a')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(on.openItem).toHaveBeenCalledWith(item('WARN-2').url);
    root.querySelector('button')!.click();
    expect(on.openOptions).toHaveBeenCalled();
  });

  it('follows the language setting: Chinese when set, and the browser language when it is auto', async () => {
    const items = [item('MUG-1')];
    for (const [setting, browserLanguage] of [
      ['zh-CN', 'en-US'],
      ['auto', 'zh-TW'],
    ] as const) {
      const { startFirstPaint } = await load();
      await startFirstPaint(root, background({ atRisk: atRisk(items), settings: settings(setting) }).send, hooks(browserLanguage));
      expect(root.querySelector('[lang]')?.getAttribute('lang')).toBe('zh-CN');
      expect(root.querySelector('h1')?.textContent).toBe('需要处理的 SKU');
      expect(root.querySelector('[data-testid="days-of-cover"]')?.textContent).toBe('12 天');
      expect(root.querySelector('.reorder')?.textContent).toBe('2026/12/10 前补货 120 件');
      expect(root.querySelector('[data-testid="at-risk-count"]')?.textContent).toBe('1 / 4');
      expect([...root.querySelectorAll('label > span')].map((s) => s.textContent)).toEqual(['平台', '站点', '风险', '搜索 SKU 或标题']);
      expect(root.querySelector('form')?.getAttribute('aria-label')).toBe('筛选');
    }
    // English when the setting says so, whatever the browser's language.
    const { startFirstPaint } = await load();
    await startFirstPaint(root, background({ atRisk: atRisk(items), settings: settings('en') }).send, hooks('zh-CN'));
    expect(root.querySelector('h1')?.textContent).toBe('Needs attention');
  });

  it('puts only the rows the list first shows in the DOM, the list as tall as every row, and says when rows are from before a write', async () => {
    const { startFirstPaint } = await load();
    const items = Array.from({ length: 60 }, (_, i) => item(`SKU-${i}`));
    await startFirstPaint(root, background({ atRisk: atRisk(items, { updating: true }), settings: settings('en') }).send, hooks());
    const rows = root.querySelectorAll<HTMLElement>('[data-testid="at-risk-row"]');
    expect(rows.length).toBe(18);
    expect(rows[17]!.getAttribute('aria-posinset')).toBe('18');
    expect(rows[17]!.getAttribute('aria-setsize')).toBe('60');
    expect(rows[1]!.style.transform).toBe('translateY(44px)');
    expect(root.querySelector<HTMLElement>('ul.list')!.style.height).toBe(`${60 * 44}px`);
    expect(root.querySelector('[data-testid="at-risk-updating"]')).not.toBeNull();
  });

  it('draws nothing for a reply that is not rows it can check, an empty store or an error', async () => {
    const cases = [
      atRisk([{ ...item('BAD-1'), urgency: 'dire' as AtRiskItem['urgency'] }]),
      atRisk([{ ...item('BAD-2'), url: undefined as unknown as string }]),
      atRisk([{ ...item('BAD-3'), stockoutDate: 'soon' }]),
      atRisk([]),
      { ok: true, data: { items: [item('X')], total: 1, stored: 0 } },
      { ok: true, data: { items: [item('X')], total: '1', stored: 1 } },
      { ok: false, error: 'broken' },
      undefined,
    ];
    for (const reply of cases) {
      const { startFirstPaint, FIRST_ROWS_MARK } = await load();
      await expect(startFirstPaint(root, background({ atRisk: reply, settings: settings('en') }).send, hooks())).resolves.toBe(false);
      expect(root.childElementCount).toBe(0);
      expect(firstRowsMarks(FIRST_ROWS_MARK)).toHaveLength(0);
    }
  });

  it('gives way to the app: nothing drawn after handOver, which hands the replies over once', async () => {
    const { startFirstPaint, handOver, takeFirstReply } = await load();
    let answer: (reply: unknown) => void = () => {};
    const pending = new Promise((resolve) => (answer = resolve));
    const drawn = startFirstPaint(root, async (m) => (m.type === 'skus/at-risk' ? pending : settings('zh-CN')), hooks());
    await Promise.resolve();
    expect(handOver()).toEqual({ settings: settings('zh-CN') });
    // The opening reply had not come: the app's list still takes it (first-page.ts).
    const kept = takeFirstReply();
    answer(atRisk([item('LATE-1')]));
    await expect(kept).resolves.toEqual(atRisk([item('LATE-1')]));
    await expect(drawn).resolves.toBe(false);
    expect(root.childElementCount).toBe(0);

    const next = await load();
    await next.startFirstPaint(root, background({ atRisk: atRisk([item('MUG-1')]), settings: settings('en') }).send, hooks());
    expect(next.handOver()).toEqual({ atRisk: atRisk([item('MUG-1')]), settings: settings('en') });
    expect(next.takeFirstReply()).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { glanceAction, overdueText, shortDate, urgencyWord } from './panel-text';

const NONE = { oversell: null, reorderQuantity: null, reorderDate: null, reorderDaysLate: 0, channel: null, clearance: null };
const TODAY = '2026-12-02';

describe('panel glance text', () => {
  it('puts the numbers first in the one action, in both languages', () => {
    const order = { ...NONE, reorderQuantity: 3352, reorderDate: '2026-12-14' };
    expect(glanceAction('en', order, TODAY)).toEqual({ kind: 'reorder', overdue: false, text: 'Order 3,352 by Dec 14' });
    expect(glanceAction('zh-CN', order, TODAY)!.text).toBe('订货 3,352 件 · 12月14日 前');
    const list = { ...NONE, channel: { listed: 0, suggested: 38, buffer: 0 } };
    expect(glanceAction('en', list, TODAY)!.text).toBe('List 38 here');
    expect(glanceAction('zh-CN', { ...NONE, channel: { listed: 50, suggested: 38, buffer: 0 } }, TODAY)!.text).toBe('在此上架 38 件（当前 50 件）');
    const markdown = { ...NONE, clearance: { action: '-10%', discountPercent: 10, sellThroughDays: 40, excessUnits: 80 } };
    expect(glanceAction('en', markdown, TODAY)!.text).toBe('Mark down 80 · 10%');
    expect(glanceAction('zh-CN', markdown, TODAY)!.text).toBe('降价清仓 80 件 · 10%');
    expect(glanceAction('en', { ...NONE, clearance: { action: 'exit' } }, TODAY)!.text).toBe('Liquidate or remove');
    // Holding the price is no action; nothing to do is no action.
    expect(glanceAction('en', { ...NONE, clearance: { action: 'hold', discountPercent: 0 } }, TODAY)).toBeNull();
    expect(glanceAction('en', NONE, TODAY)).toBeNull();
  });

  it('takes the most pressing action: an oversell before the reorder, the reorder before a listing', () => {
    const all = {
      ...NONE,
      oversell: { listedTotal: 60, poolAvailable: 40 },
      reorderQuantity: 10,
      reorderDate: '2026-12-20',
      channel: { listed: 0, suggested: 5, buffer: 0 },
    };
    expect(glanceAction('en', all, TODAY)).toEqual({ kind: 'oversell', overdue: false, text: '60 listed · 40 in stock' });
    expect(glanceAction('en', { ...all, oversell: null }, TODAY)!.kind).toBe('reorder');
    expect(glanceAction('en', { ...all, oversell: null, reorderDate: null }, TODAY)!.kind).toBe('channel');
  });

  it('never shows a past date as a deadline: overdue since the date, with the days, in both languages', () => {
    const late = { ...NONE, reorderQuantity: 3352, reorderDate: '2026-11-12' };
    expect(glanceAction('en', late, TODAY)).toEqual({ kind: 'reorder', overdue: true, text: 'Order 3,352 · overdue since Nov 12 (20 days)' });
    expect(glanceAction('zh-CN', late, TODAY)!.text).toBe('订货 3,352 件 · 自 11月12日 起已逾期（20 天）');
    // A plan made yesterday said "by Dec 1": on Dec 2 it is one day overdue.
    expect(overdueText('en', '2026-12-01', TODAY)).toBe('overdue since Dec 1 (1 day)');
    expect(overdueText('en', TODAY, TODAY)).toBeNull();
    expect(overdueText('en', '2026-12-03', TODAY)).toBeNull();
  });

  it('shows the year only when the date is in another year', () => {
    expect(shortDate('en', '2026-12-14', TODAY)).toBe('Dec 14');
    expect(shortDate('en', '2027-01-20', TODAY)).toBe('Jan 20, 2027');
    expect(shortDate('zh-CN', '2027-01-20', TODAY)).toBe('2027年1月20日');
  });

  it('names every urgency level in both languages', () => {
    expect(urgencyWord('en', 'critical')).toBe('Critical');
    expect(urgencyWord('zh-CN', 'unknown')).toBe('未知');
  });
});

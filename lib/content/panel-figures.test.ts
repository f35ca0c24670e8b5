import { describe, expect, it } from 'vitest';
import { channelText, coverState, coverText, healthText, reorderText, stockoutText, stockText } from './panel-figures';

const cover = { available: 10, daysOfCover: null, salesHint: null, healthScore: null, updating: false } as const;

describe('the panel figures say what is known, and why the rest is not', () => {
  it('days of cover, or why there are none, never a 0 for unknown', () => {
    expect(coverState({ ...cover, salesHint: 'import:orders' })).toBe('salesUnknown');
    expect(coverState({ ...cover, available: null })).toBe('stockUnknown');
    expect(coverState({ ...cover, available: 0 })).toBe('outOfStock');
    expect(coverState({ ...cover, updating: true })).toBe('inStock');
    expect(coverState({ ...cover, alerts: [{ code: 'no-sale', params: { days: 40 } }] } as never)).toBe('quiet');
    expect(coverState(cover)).toBe('noSales');
    expect(coverText('en', { ...cover, daysOfCover: 12.7 })).toBe('Days of cover: 12 d');
    expect(coverText('en', { ...cover, alerts: [{ code: 'no-sale', params: { days: 40 } }] } as never)).toContain('40');
  });

  it('the stock, the reorder and the channel line', () => {
    expect(stockText('en', { available: 226, stockSource: 'listed' })).toBe('≈226 in stock (estimated)');
    expect(stockText('en', { available: 0, stockSource: 'listed' })).toBeNull();
    expect(reorderText('en', { reorderQuantity: 70, reorderDate: '2026-11-20' }, '2026-12-02')).toBe('Reorder 70 now · overdue since Nov 20 (12 days)');
    expect(reorderText('en', { reorderQuantity: 0, reorderDate: '2026-11-20' }, '2026-12-02')).toBeNull();
    expect(channelText('en', { available: 226, channel: { listed: 0, suggested: 38, buffer: 0 } })).toBe('226 in the warehouse: list 38 here');
    expect(channelText('en', { available: 226, channel: { listed: 38, suggested: 38, buffer: 0 } })).toBeNull();
  });

  it('health with what would make it known, and the stockout dates', () => {
    expect(healthText('zh-CN', { healthScore: null, salesHint: 'import:orders', stockHint: null, reasons: [], available: 3 }, '2026-12-02')).toBe(
      '数据不足：请在设置页面导入订单历史报告',
    );
    expect(healthText('en', { healthScore: 80, salesHint: null, stockHint: null, reasons: [], available: 3 }, '2026-12-02')).toContain('80');
    expect(stockoutText('en', { available: 5, stockoutDate: '2026-12-14', stockoutDateWithInbound: '2027-01-20', inbound: 442 })).toBe(
      'Runs out 12/14/2026 · 1/20/2027 with the 442 inbound',
    );
    expect(stockoutText('en', { available: 5, stockoutDate: '2026-12-14', stockoutDateWithInbound: '2026-12-14', inbound: 442 })).toBe('Runs out 12/14/2026');
    expect(stockoutText('en', { available: 0, stockoutDate: '2026-12-14', stockoutDateWithInbound: null, inbound: 0 })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { marketplaceParts, rowText, type RowItem } from './list-view';

const TODAY = '2026-12-02';
const item: RowItem = {
  available: 40,
  daysOfCover: 92.6,
  stockoutDate: '2027-03-04',
  stockoutDateWithInbound: null,
  reorderQuantity: 3352,
  reorderDate: '2026-12-14',
  reorderDaysLate: 0,
  healthScore: 80,
};

describe('popup row text', () => {
  it('shows a reorder due today or later by its date, and days of cover in whole days', () => {
    expect(rowText('en', item, TODAY)).toMatchObject({ cover: '92 d', reorder: 'Reorder 3,352 by 12/14/2026' });
    expect(rowText('en', { ...item, reorderDate: TODAY }, TODAY).reorder).toBe('Reorder 3,352 by 12/2/2026');
  });

  it('never shows a past date as a deadline: a plan from an earlier day reads "overdue since", counted to today', () => {
    // Planned on 12/1 with the reorder due that day (0 days late then); the popup opens on 12/2.
    const stale = { ...item, reorderDate: '2026-12-01', reorderDaysLate: 0 };
    expect(rowText('en', stale, TODAY).reorder).toBe('3,352 · overdue since Dec 1');
    expect(rowText('en', { ...item, reorderDate: '2026-11-12', reorderDaysLate: 18 }, TODAY).reorder).toBe('3,352 · overdue since Nov 12');
    expect(rowText('zh-CN', { ...item, reorderDate: '2026-11-12', reorderDaysLate: 18 }, TODAY).reorder).toBe('3,352 件 · 自 11月12日 起逾期');
    // Due last year: the year is said.
    expect(rowText('en', { ...item, reorderDate: '2025-12-20', reorderDaysLate: 0 }, TODAY).reorder).toBe('3,352 · overdue since Dec 20, 2025');
  });

  it('splits a marketplace id before its domain, the one place the row wraps it', () => {
    expect(marketplaceParts('amazon.com.mx')).toEqual(['amazon', '.com.mx']);
    expect(marketplaceParts('walmart.com')).toEqual(['walmart', '.com']);
    expect(marketplaceParts('local')).toEqual(['local']);
    expect(marketplaceParts('.hidden')).toEqual(['.hidden']);
  });
});

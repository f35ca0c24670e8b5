import { describe, expect, it } from 'vitest';
import type { CashView } from './cash';
import { cashChartConfig, cashChartSummary } from './cash-chart';

const view = (out: number, capital: number): CashView => ({
  currency: 'USD',
  weeks: [
    { weekStart: '2026-03-02', plannedOut: out, placedOut: 100, laterOut: 0, capitalHeld: capital },
    { weekStart: '2026-03-09', plannedOut: 0, placedOut: 0, laterOut: 300, capitalHeld: capital / 2 },
  ],
  unpricedOrders: 0,
  unknownStocks: 0,
  products: [],
  total: { daysOfInventory: null, turnover: null, cashConversionDays: null },
  holdsTooLong: [],
  runsOut: [],
});

describe('cashChartConfig', () => {
  it('draws cash out as bars and stock at cost as lines, in major units, as planned and under stress', () => {
    const config = cashChartConfig(view(240000, 50000), view(168000, 70000), 'en');
    expect(config.data.labels).toEqual(['3/2/2026', '3/9/2026']);
    expect(config.data.datasets.map((d) => [d.type, d.label, d.data])).toEqual([
      ['bar', 'Cash out (planned, placed and later reorders)', [2401, 3]],
      ['bar', 'Cash out under stress', [1681, 3]],
      ['line', 'Stock at cost', [500, 250]],
      ['line', 'Stock at cost under stress', [700, 350]],
    ]);
    expect(cashChartConfig(view(1, 1), view(1, 1), 'zh-CN').data.datasets[0]!.label).toBe('资金支出（计划、已下及后续补货）');
  });
  it('says the totals in words', () => {
    expect(cashChartSummary(view(240000, 0), view(168000, 0), 'en')).toBe('Cash chart: 2,404 USD cash out over 26 weeks, 1,684 USD under stress.');
  });
});

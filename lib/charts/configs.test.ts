import { describe, expect, it } from 'vitest';
import { chartSeriesSchema, chartSummary, demandChartConfig, forecastChartConfig, projectedStock, stockChartConfig, type ChartSeries } from './index';

const series: ChartSeries = chartSeriesSchema.parse({
  key: 'amazon|amazon.com|MUG-1',
  scope: 'listing',
  title: 'Mug',
  asOf: '2026-11-20',
  history: [
    { date: '2026-11-18', units: 3, how: 'exact' },
    { date: '2026-11-19', units: null, how: 'censored' },
    { date: '2026-11-20', units: 1.5, how: 'inferred' },
  ],
  forecast: [
    { date: '2026-11-21', mean: 2, p50Cum: 2, p90Cum: 4 },
    { date: '2026-11-22', mean: 2, p50Cum: 4, p90Cum: 7 },
  ],
  available: 5,
  inbound: 10,
  reorderPoint: 3,
  reorderDate: '2026-11-22',
  reorderQuantity: 40,
  stockoutDate: '2026-11-23',
  forecastModel: 'ma',
});

describe('chart configurations', () => {
  it('draws censored days as gaps (null), never as zero, and the forecast after the history', () => {
    const config = demandChartConfig(series, 'en');
    expect(config.data.labels).toEqual(['11/18/2026', '11/19/2026', '11/20/2026', '11/21/2026', '11/22/2026']);
    const [exact, inferred, forecast] = config.data.datasets;
    expect(exact!.data).toEqual([3, null, null, null, null]);
    expect(inferred!.data).toEqual([null, null, 1.5, null, null]);
    expect(forecast!.data).toEqual([null, null, null, 2, 2]);
    expect((config.options as { spanGaps?: boolean }).spanGaps).toBe(false);
    expect(config.options?.plugins?.subtitle?.text).toContain('1 days out of stock');
  });

  it('labels the forecast band as cumulative p50..p90 and fills between the two lines', () => {
    const config = forecastChartConfig(series, 'en');
    expect(config.data.datasets.map((d) => d.label)).toEqual(['Cumulative demand, median (p50)', 'Cumulative demand, 90% quantile (p90)']);
    expect((config.data.datasets[1] as { fill?: unknown }).fill).toBe('-1');
    expect(config.data.datasets[0]!.data).toEqual([2, 4]);
    expect(config.data.datasets[1]!.data).toEqual([4, 7]);
  });

  it('projects stock from today under median and p90 demand, floored at zero, against a flat reorder point', () => {
    expect(projectedStock(series)).toEqual([
      { date: '2026-11-21', median: 3, pessimistic: 1 },
      { date: '2026-11-22', median: 1, pessimistic: 0 },
    ]);
    const config = stockChartConfig(series, 'en');
    expect(config.data.datasets.map((d) => d.data)).toEqual([
      [5, 3, 1],
      [5, 1, 0],
      [3, 3, 3],
    ]);
    expect(config.data.datasets[2]!.label).toBe('Reorder point');
    expect(stockChartConfig({ ...series, reorderPoint: null }, 'en').data.datasets).toHaveLength(2);
  });

  it('speaks Chinese when asked, with Chinese dates', () => {
    const config = stockChartConfig(series, 'zh-CN');
    expect(config.data.datasets[2]!.label).toBe('补货点');
    expect(config.data.labels![0]).toBe('2026/11/20');
    expect(chartSummary(series, 'zh-CN')).toContain('补货点 3');
    expect(chartSummary(series, 'en')).toBe('3 days of history (1 out of stock or unknown). Expected 2 per day. 5 in stock; reorder point 3.');
  });

  it('says a hovered value with the one number formatter, in the UI language', () => {
    for (const [language, config] of [
      ['en', demandChartConfig(series, 'en')],
      ['zh-CN', stockChartConfig(series, 'zh-CN')],
    ] as const) {
      const label = config.options?.plugins?.tooltip?.callbacks?.label as (item: unknown) => string;
      expect(label({ dataset: { label: 'L' }, parsed: { y: 1234.5678 } }), language).toBe('L: 1,234.6');
      expect(label({ dataset: { label: 'L' }, parsed: { y: null } }), language).toBe('L: —');
    }
  });
});

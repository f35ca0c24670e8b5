import { describe, expect, it } from 'vitest';
import { chartSeriesSchema, demandChartConfig, stockChartConfig, type ChartSeries } from '../charts';
import { PANEL_CHART_HEIGHT, panelChartConfig } from './panel-chart';

/** A SKU selling about 6.9 a day: 30 days of history, 30 of forecast. */
function sellingSeries(perDay: number): ChartSeries {
  const day = (offset: number) => new Date(Date.UTC(2026, 10, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  return chartSeriesSchema.parse({
    key: 'amazon|amazon.com|MUG-1',
    scope: 'listing',
    title: 'Mug',
    asOf: day(29),
    history: Array.from({ length: 30 }, (_, i) => ({ date: day(i), units: perDay + (i % 3) - 1, how: 'exact' })),
    forecast: Array.from({ length: 30 }, (_, i) => ({ date: day(30 + i), mean: perDay, p50Cum: perDay * (i + 1), p90Cum: perDay * 1.3 * (i + 1) })),
    available: 300,
    inbound: 0,
    reorderPoint: 120,
    reorderDate: day(40),
    reorderQuantity: 400,
    stockoutDate: day(72),
    forecastModel: 'ma',
  });
}

describe('panelChartConfig', () => {
  it('scales the value axis to the data: a SKU selling 6.9 a day reaches above its biggest day', () => {
    const config = panelChartConfig(demandChartConfig(sellingSeries(6.9), 'en'));
    const y = config.options!.scales!.y as { beginAtZero?: boolean; suggestedMax: number; title?: { display?: boolean } };
    expect(y.beginAtZero).toBe(true);
    expect(y.suggestedMax).toBeCloseTo(7.9 * 1.1, 5);
    // The axis title and ticks of the shared builder are kept.
    expect(y.title?.display).toBe(true);
  });

  it('fills a box of fixed readable height instead of keeping the options page aspect ratio', () => {
    const config = panelChartConfig(stockChartConfig(sellingSeries(6.9), 'zh-CN'));
    expect(config.options!.maintainAspectRatio).toBe(false);
    expect(config.options!.responsive).toBe(true);
    expect((config.options!.scales!.y as { suggestedMax: number }).suggestedMax).toBeGreaterThanOrEqual(300);
    expect(PANEL_CHART_HEIGHT).toBeGreaterThanOrEqual(150);
  });

  it('gives a SKU with no sales a 0-1 axis, not a single tick', () => {
    const config = panelChartConfig(demandChartConfig({ ...sellingSeries(2), history: [], forecast: [] }, 'en'));
    expect((config.options!.scales!.y as { suggestedMax: number }).suggestedMax).toBe(1);
  });
});

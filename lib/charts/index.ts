/**
 * Product charts: the series shape (what `product/chart` answers), pure chart.js
 * configuration builders, and mount helpers. Shared by the options page and the in-page panels.
 * @example
 * const series = await rpc('product/chart', { listingKey });
 * const chart = mountDemandChart(canvas, series, language); // later: chart.destroy()
 */
export {
  chartSeriesSchema,
  chartHistoryDaySchema,
  chartForecastDaySchema,
  projectedStock,
  type ChartSeries,
  type ChartHistoryDay,
  type ChartForecastDay,
  type ProjectedStockDay,
} from './series';
export { demandChartConfig, forecastChartConfig, stockChartConfig, chartSummary, CHART_COLORS } from './configs';
export { mountChart, mountDemandChart, mountForecastChart, mountStockChart } from './mount';

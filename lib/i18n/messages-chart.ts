/**
 * Strings of the product charts (lib/charts), shown in the row panels' details and the options
 * page: both lib/i18n/messages.ts and the content script's lib/i18n/page.ts take them from here.
 */
export const chartEn = {
  'chart.demand.title': 'Demand per day',
  'chart.demand.exact': 'Sold per day (from orders)',
  'chart.demand.inferred': 'Sold per day (estimated from counts)',
  'chart.demand.forecast': 'Forecast: expected per day',
  'chart.demand.gaps': 'Gaps: {days} days out of stock or unknown (demand not measured, not zero)',
  'chart.forecast.title': 'Forecast: total demand from tomorrow (cumulative)',
  'chart.forecast.p50': 'Cumulative demand, median (p50)',
  'chart.forecast.p90': 'Cumulative demand, 90% quantile (p90)',
  'chart.stock.title': 'Projected stock and reorder point',
  'chart.stock.median': 'Projected stock, median demand',
  'chart.stock.p90': 'Projected stock, high demand (p90)',
  'chart.stock.reorderPoint': 'Reorder point',
  'chart.axis.unitsPerDay': 'Units per day',
  'chart.axis.cumulativeUnits': 'Units (cumulative)',
  'chart.axis.units': 'Units',
  'chart.summary': '{days} days of history ({censored} out of stock or unknown). Expected {mean} per day. {available} in stock; reorder point {reorderPoint}.',
} as const;

export const chartZhCN: Record<keyof typeof chartEn, string> = {
  'chart.demand.title': '每日需求',
  'chart.demand.exact': '每日销量（来自订单）',
  'chart.demand.inferred': '每日销量（根据计数估算）',
  'chart.demand.forecast': '预测：每日预计销量',
  'chart.demand.gaps': '空白：{days} 天缺货或未知（需求未测得，不是零）',
  'chart.forecast.title': '预测：从明天起的累计需求',
  'chart.forecast.p50': '累计需求，中位数 (p50)',
  'chart.forecast.p90': '累计需求，90% 分位数 (p90)',
  'chart.stock.title': '预计库存与补货点',
  'chart.stock.median': '预计库存（中位需求）',
  'chart.stock.p90': '预计库存（高需求 p90）',
  'chart.stock.reorderPoint': '补货点',
  'chart.axis.unitsPerDay': '件/天',
  'chart.axis.cumulativeUnits': '件（累计）',
  'chart.axis.units': '件',
  'chart.summary': '{days} 天历史（其中 {censored} 天缺货或未知）。预计每天 {mean} 件。库存 {available} 件；补货点 {reorderPoint}。',
};

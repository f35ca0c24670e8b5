/**
 * chart.js configurations for a product's charts, as pure functions of the series and the UI
 * language (no DOM, no Chart instance), so they are tested in vitest and shared by the options
 * page and the in-page expanded panel. Mount them with lib/charts/mount.ts.
 *
 * Three charts, each with one unit on its y axis so nothing is mixed:
 * - demand: units per day, history (censored days are GAPS, not zeros) then the expected forecast;
 * - forecast: CUMULATIVE demand from tomorrow, median (p50) to 90% quantile (p90) as a band;
 * - stock: projected sellable stock under median and p90 demand, against the reorder point.
 */
import type { ChartConfiguration } from 'chart.js';
import { formatDate, formatNumber, t, type Language } from '../i18n/page';
import { projectedStock, type ChartSeries } from './series';

/** Colours chosen to stay distinguishable for common colour-vision deficiencies (blue/orange/grey). */
export const CHART_COLORS = {
  exact: '#0969da',
  inferred: '#54aeff',
  forecast: '#bc4c00',
  band: 'rgba(188, 76, 0, 0.18)',
  stock: '#1a7f37',
  stockBand: 'rgba(26, 127, 55, 0.15)',
  reorderPoint: '#cf222e',
} as const;

type LineConfig = ChartConfiguration<'line' | 'bar', (number | null)[], string>;

type Plugins = NonNullable<NonNullable<LineConfig['options']>['plugins']>;

/** @example tooltipValue('en', 1234.56) // '1,234.6' */
function tooltipValue(language: Language, value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatNumber(language, value, 1) : t(language, 'common.none');
}

/** What every chart shares: the y axis and its title, the legend, the tooltip; `plugins` adds the chart's title (and subtitle). */
function baseOptions(language: Language, yTitle: string, plugins: Plugins): LineConfig['options'] {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: true,
    aspectRatio: 2.4,
    spanGaps: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { position: 'bottom' },
      // Chart.js would format the hovered value itself (the browser's locale, three decimals): the one formatter says it
      // (a day with no value, out of stock, is "none", never 0).
      tooltip: { enabled: true, callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${tooltipValue(language, item.parsed.y)}` } },
      ...plugins,
    },
    scales: {
      x: { ticks: { maxTicksLimit: 10, autoSkip: true } },
      y: { beginAtZero: true, title: { display: true, text: yTitle }, ticks: { callback: (v) => formatNumber(language, Number(v), 1) } },
    },
  };
}

/**
 * Daily demand: known history as bars (exact from orders, inferred from counts), censored days
 * left empty, then the expected units per day of the forecast as a dashed line.
 * @example demandChartConfig(series, 'en').data.datasets.map((d) => d.label)
 * // ['Sold per day (from orders)', 'Sold per day (estimated from counts)', 'Forecast: expected per day']
 */
export function demandChartConfig(series: ChartSeries, language: Language): LineConfig {
  const dates = [...series.history.map((d) => d.date), ...series.forecast.map((d) => d.date)];
  const pad = (values: (number | null)[], before: number, after: number) => [
    ...new Array<null>(before).fill(null),
    ...values,
    ...new Array<null>(after).fill(null),
  ];
  const n = series.history.length;
  const m = series.forecast.length;
  return {
    type: 'bar',
    data: {
      labels: dates.map((d) => formatDate(language, d)),
      datasets: [
        {
          type: 'bar',
          label: t(language, 'chart.demand.exact'),
          backgroundColor: CHART_COLORS.exact,
          data: pad(
            series.history.map((d) => (d.how === 'exact' ? d.units : null)),
            0,
            m,
          ),
          stack: 'history',
        },
        {
          type: 'bar',
          label: t(language, 'chart.demand.inferred'),
          backgroundColor: CHART_COLORS.inferred,
          data: pad(
            series.history.map((d) => (d.how === 'inferred' ? d.units : null)),
            0,
            m,
          ),
          stack: 'history',
        },
        {
          type: 'line',
          label: t(language, 'chart.demand.forecast'),
          borderColor: CHART_COLORS.forecast,
          backgroundColor: CHART_COLORS.forecast,
          borderDash: [6, 4],
          pointRadius: 0,
          data: pad(
            series.forecast.map((d) => round2(d.mean)),
            n,
            0,
          ),
        },
      ],
    },
    options: baseOptions(language, t(language, 'chart.axis.unitsPerDay'), {
      title: { display: true, text: t(language, 'chart.demand.title') },
      subtitle: { display: censoredDays(series) > 0, text: t(language, 'chart.demand.gaps', { days: censoredDays(series) }) },
    }),
  };
}

/**
 * Cumulative demand from tomorrow: the median (p50) line and the 90% quantile (p90) line, the
 * band between them filled. Cumulative, because quantiles of a total are what cover and
 * reorder decisions use (per-day quantiles do not add up).
 * @example forecastChartConfig(series, 'en').data.datasets[1]!.fill // '-1' (band down to the p50 line)
 */
export function forecastChartConfig(series: ChartSeries, language: Language): LineConfig {
  return {
    type: 'line',
    data: {
      labels: series.forecast.map((d) => formatDate(language, d.date)),
      datasets: [
        {
          type: 'line',
          label: t(language, 'chart.forecast.p50'),
          borderColor: CHART_COLORS.forecast,
          backgroundColor: CHART_COLORS.forecast,
          pointRadius: 0,
          data: series.forecast.map((d) => round2(d.p50Cum)),
          fill: false,
        },
        {
          type: 'line',
          label: t(language, 'chart.forecast.p90'),
          borderColor: CHART_COLORS.forecast,
          backgroundColor: CHART_COLORS.band,
          borderDash: [4, 4],
          pointRadius: 0,
          data: series.forecast.map((d) => round2(d.p90Cum)),
          fill: '-1',
        },
      ],
    },
    options: baseOptions(language, t(language, 'chart.axis.cumulativeUnits'), { title: { display: true, text: t(language, 'chart.forecast.title') } }),
  };
}

/**
 * Projected sellable stock under median demand and under p90 demand (band between them),
 * with the reorder point as a flat red line: where stock crosses it is when to reorder.
 * @example stockChartConfig(series, 'en').data.datasets[2]!.label // 'Reorder point'
 */
export function stockChartConfig(series: ChartSeries, language: Language): LineConfig {
  const projected = projectedStock(series);
  const datasets: LineConfig['data']['datasets'] = [
    {
      type: 'line',
      label: t(language, 'chart.stock.median'),
      borderColor: CHART_COLORS.stock,
      backgroundColor: CHART_COLORS.stock,
      pointRadius: 0,
      data: [series.available, ...projected.map((d) => d.median)],
      fill: false,
    },
    {
      type: 'line',
      label: t(language, 'chart.stock.p90'),
      borderColor: CHART_COLORS.stock,
      backgroundColor: CHART_COLORS.stockBand,
      borderDash: [4, 4],
      pointRadius: 0,
      data: [series.available, ...projected.map((d) => d.pessimistic)],
      fill: '-1',
    },
  ];
  if (series.reorderPoint !== null) {
    datasets.push({
      type: 'line',
      label: t(language, 'chart.stock.reorderPoint'),
      borderColor: CHART_COLORS.reorderPoint,
      backgroundColor: CHART_COLORS.reorderPoint,
      borderWidth: 2,
      pointRadius: 0,
      data: new Array<number>(projected.length + 1).fill(round2(series.reorderPoint)),
      fill: false,
    });
  }
  return {
    type: 'line',
    data: { labels: [series.asOf, ...projected.map((d) => d.date)].map((d) => formatDate(language, d)), datasets },
    options: baseOptions(language, t(language, 'chart.axis.units'), { title: { display: true, text: t(language, 'chart.stock.title') } }),
  };
}

/**
 * A one-paragraph text alternative of the charts, for screen readers (aria-label / fallback).
 * @example chartSummary(series, 'en') // '90 days of history (3 out of stock). Expected 2.5 per day. 120 in stock; reorder point 45.'
 */
export function chartSummary(series: ChartSeries, language: Language): string {
  const known = series.history.filter((d) => d.units !== null).length;
  const meanDaily = series.forecast.length ? series.forecast.reduce((s, d) => s + d.mean, 0) / series.forecast.length : 0;
  return t(language, 'chart.summary', {
    days: formatNumber(language, series.history.length),
    censored: formatNumber(language, series.history.length - known),
    mean: formatNumber(language, meanDaily, 1),
    available: formatNumber(language, series.available),
    reorderPoint: series.reorderPoint === null ? t(language, 'common.none') : formatNumber(language, series.reorderPoint, 1),
  });
}

function censoredDays(series: ChartSeries): number {
  return series.history.filter((d) => d.units === null).length;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

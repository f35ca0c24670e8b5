/**
 * Draws a chart configuration on a canvas. Only the chart.js parts the configs use are
 * registered (keeps the bundle small; no date adapter: labels are pre-formatted dates).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { Language } from '../i18n/page';
import { chartSummary, demandChartConfig, forecastChartConfig, stockChartConfig } from './configs';
import type { ChartSeries } from './series';

let registered = false;

function register(): void {
  if (registered) return;
  Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, SubTitle, Title, Tooltip);
  registered = true;
}

/**
 * Mounts a config on a canvas, replacing any chart already drawn there; call destroy() on unmount.
 * @example const chart = mountChart(canvas, stockChartConfig(series, 'en')); chart.destroy();
 */
export function mountChart(
  canvas: HTMLCanvasElement,
  config: ChartConfiguration<'line' | 'bar', (number | null)[], string>,
): Chart<'line' | 'bar', (number | null)[], string> {
  register();
  Chart.getChart(canvas)?.destroy();
  return new Chart(canvas, config);
}

/** Sets the canvas' accessible name to the text summary (canvas content is invisible to screen readers). */
function label(canvas: HTMLCanvasElement, series: ChartSeries, language: Language): void {
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', chartSummary(series, language));
}

/** @example mountDemandChart(canvas, series, 'zh-CN') */
export function mountDemandChart(canvas: HTMLCanvasElement, series: ChartSeries, language: Language) {
  label(canvas, series, language);
  return mountChart(canvas, demandChartConfig(series, language));
}

/** @example mountForecastChart(canvas, series, 'en') */
export function mountForecastChart(canvas: HTMLCanvasElement, series: ChartSeries, language: Language) {
  label(canvas, series, language);
  return mountChart(canvas, forecastChartConfig(series, language));
}

/** @example mountStockChart(canvas, series, 'en') */
export function mountStockChart(canvas: HTMLCanvasElement, series: ChartSeries, language: Language) {
  label(canvas, series, language);
  return mountChart(canvas, stockChartConfig(series, language));
}

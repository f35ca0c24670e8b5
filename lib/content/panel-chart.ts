/**
 * The expanded panel's charts, drawn with the shared builders in lib/charts: daily sales
 * history with the forecast, and projected stock (median and pessimistic band) against the
 * reorder point. Loaded only when a panel is first expanded (see entrypoints/seller.content.ts).
 *
 * In the panel's overlay the charts get a box of fixed, readable height (the options page's
 * aspect ratio made a 20 px tall chart in a narrow overlay) and a value axis scaled to the data,
 * so a SKU selling 6.9 a day shows its bars instead of a lone "0" tick.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Language } from '../i18n/page';
import { chartSummary, demandChartConfig, mountChart, stockChartConfig, type ChartSeries } from '../charts';

type PanelChartConfig = ChartConfiguration<'line' | 'bar', (number | null)[], string>;

/** Height of each chart's box in the overlay, in CSS pixels (the box is the overlay's width). */
export const PANEL_CHART_HEIGHT = 180;

/**
 * The largest value the config plots, or null when it plots none.
 * @example dataMax(demandChartConfig(series, 'en')) // 9
 */
function dataMax(config: PanelChartConfig): number | null {
  let max: number | null = null;
  for (const dataset of config.data.datasets) {
    for (const value of dataset.data) if (typeof value === 'number' && Number.isFinite(value) && (max === null || value > max)) max = value;
  }
  return max;
}

/**
 * A config made for the panel's box: fills the box's fixed height (no aspect ratio), and its
 * value axis reaches just above the largest value plotted (at least 1, so a SKU with no sales
 * still has a readable 0-1 axis rather than a single tick).
 * @example panelChartConfig(demandChartConfig(series, 'en')).options?.scales?.y?.suggestedMax // 7.6 for a 6.9/day SKU
 */
export function panelChartConfig(config: PanelChartConfig): PanelChartConfig {
  const max = dataMax(config);
  const options = config.options ?? {};
  const y = { ...(options.scales?.y ?? {}), beginAtZero: true, suggestedMax: Math.max(1, (max ?? 0) * 1.1) };
  return { ...config, options: { ...options, responsive: true, maintainAspectRatio: false, scales: { ...options.scales, y } } };
}

/**
 * Draws both charts into `container` (replacing its content); returns the function that destroys them.
 * Each canvas carries its drawn value-axis maximum (`data-y-max`) for tests and diagnostics.
 * @example const destroy = mountPanelChart(div, series, 'en'); destroy();
 */
export function mountPanelChart(container: HTMLElement, series: ChartSeries, language: Language): () => void {
  const doc = container.ownerDocument;
  const configs = { demand: demandChartConfig(series, language), stock: stockChartConfig(series, language) };
  const canvases = Object.keys(configs).map((name) => {
    const box = doc.createElement('div');
    box.className = 'chart-box';
    box.style.height = `${PANEL_CHART_HEIGHT}px`;
    const canvas = doc.createElement('canvas');
    canvas.dataset.chart = name;
    // Canvas content is invisible to screen readers: the text summary is its name.
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', chartSummary(series, language));
    box.append(canvas);
    return { box, canvas };
  });
  container.replaceChildren(...canvases.map((c) => c.box));
  const charts = Object.values(configs).map((config, i) => {
    const canvas = canvases[i]!.canvas;
    const chart = mountChart(canvas, panelChartConfig(config));
    const yMax = chart.scales.y?.max;
    if (yMax !== undefined) canvas.dataset.yMax = String(yMax);
    return chart;
  });
  return () => {
    for (const chart of charts) chart.destroy();
    container.replaceChildren();
  };
}

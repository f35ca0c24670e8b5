/**
 * The expanded panel's charts, drawn with the shared builders in lib/charts: daily sales
 * history with the forecast, and projected stock (median and pessimistic band) against the
 * reorder point. Loaded only when a panel is first expanded (see entrypoints/seller.content.ts).
 */
import type { Language } from '../i18n';
import { mountDemandChart, mountStockChart, type ChartSeries } from '../charts';

/**
 * Draws both charts into `container` (replacing its content); returns the function that destroys them.
 * @example const destroy = mountPanelChart(div, series, 'en'); destroy();
 */
export function mountPanelChart(container: HTMLElement, series: ChartSeries, language: Language): () => void {
  const doc = container.ownerDocument;
  const canvases = ['demand', 'stock'].map((name) => {
    const box = doc.createElement('div');
    box.className = 'chart-box';
    const canvas = doc.createElement('canvas');
    canvas.dataset.chart = name;
    box.append(canvas);
    return { box, canvas };
  });
  container.replaceChildren(...canvases.map((c) => c.box));
  const charts = [mountDemandChart(canvases[0]!.canvas, series, language), mountStockChart(canvases[1]!.canvas, series, language)];
  return () => {
    for (const chart of charts) chart.destroy();
    container.replaceChildren();
  };
}

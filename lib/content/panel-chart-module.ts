/**
 * Where the panel's chart code lives once built (entrypoints/panel-chart.ts), and how the
 * content script loads it: a dynamic import of the extension URL, which Chrome (MV3) and
 * Firefox (MV2) both run in the content script's own isolated world.
 */
import type { mountPanelChart } from './panel-chart';

/** The unlisted entrypoint's built file, relative to the extension root; wxt.config.ts builds it as ESM and lists it as web accessible. */
export const PANEL_CHART_FILE = '/panel-chart.js';

interface PanelChartModule {
  default: { mountPanelChart: typeof mountPanelChart };
}

let loading: Promise<typeof mountPanelChart> | undefined;

/**
 * The chart module's `mountPanelChart`, imported once (later calls share the first import).
 * @example const mount = await loadPanelChart(browser.runtime.getURL(PANEL_CHART_FILE));
 */
export function loadPanelChart(url: string): Promise<typeof mountPanelChart> {
  if (!loading) {
    loading = (import(/* @vite-ignore */ url) as Promise<PanelChartModule>).then((module) => module.default.mountPanelChart);
    // A failed import (e.g. the extension was reloaded under the page) is tried again on the next opening.
    loading.catch(() => (loading = undefined));
  }
  return loading;
}

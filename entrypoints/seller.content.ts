/**
 * Wiring only: picks the adapter for the current seller page, runs the seller-page controller
 * (reader, panels, summary bar, settings) and restarts it when the single-page app navigates.
 * The chart code is a separate module (entrypoints/panel-chart.ts), loaded only when a panel is
 * first expanded.
 */
import { browser } from 'wxt/browser';
import { marketplaceForUrl, sellerHostPatterns } from '@/lib/locale/markets';
import { createClient } from '@/lib/messaging/rpc';
import { adapterForUrl } from '@/lib/platforms';
import type { MountChart } from '@/lib/content/panel-view';
import { loadPanelChart, PANEL_CHART_FILE } from '@/lib/content/panel-chart-module';
import { startSellerPage, type SellerPage } from '@/lib/content/seller-page';

/** Debug only: `localStorage['stock-copilot:debug'] = '1'` on a seller page turns on the performance marks (lib/content/page-reader.ts MARKS). */
function debugMarks(): boolean {
  try {
    return localStorage.getItem('stock-copilot:debug') === '1';
  } catch {
    return false;
  }
}

export default defineContentScript({
  matches: sellerHostPatterns(),
  runAt: 'document_idle',
  main(ctx) {
    const rpc = createClient((message) => browser.runtime.sendMessage(message));
    const mountChart: MountChart = async (container, data, language) => {
      const [mountPanelChart, series] = await Promise.all([
        loadPanelChart(browser.runtime.getURL(PANEL_CHART_FILE)),
        rpc('product/chart', { listingKey: data.key, historyDays: 90, horizonDays: 60 }),
      ]);
      return mountPanelChart(container, series, language);
    };
    let page: SellerPage | undefined;
    let generation = 0;

    const start = async () => {
      const mine = ++generation;
      page?.stop();
      page = undefined;
      const url = new URL(location.href);
      const market = marketplaceForUrl(url);
      const adapter = adapterForUrl(url);
      if (!market || !adapter) return;
      const started = await startSellerPage({
        root: document,
        adapter,
        market,
        url: () => new URL(location.href),
        ingest: (request) => rpc('page/ingest', request),
        lookupStored: (request) => rpc('panels/stored', request),
        sendShipments: (request) => rpc('inbound/shipments-read', request),
        openImport: async () => void (await rpc('options/open', { section: 'import' })),
        getSettings: async () => (await rpc('settings/get', {})).settings,
        setHidden: async (pageType, hidden) => (await rpc('panels/set-hidden', { pageType, hidden })).hiddenPanels,
        getTaughtColumns: async () => (await rpc('teaching/page-columns', {})).columns,
        teach: async (field, header, hint) => (await rpc('teaching/teach', { field, header, ...(hint ? { hint } : {}) })).columns,
        copyText: (text) => navigator.clipboard.writeText(text),
        mountChart,
        browserLanguage: navigator.language,
        marks: debugMarks(),
        // One broken reader must not break the page or the other features: log and carry on.
        onError: (error) => console.warn('[Stock Copilot]', adapter.id, error),
      });
      if (mine !== generation || ctx.isInvalid) started.stop();
      else page = started;
    };

    void start();
    ctx.addEventListener(window, 'wxt:locationchange', () => void start());
    // Settings may change in the options page or popup: pick them up when the seller comes back.
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible') void page?.refreshSettings();
    });
    ctx.onInvalidated(() => page?.stop());
  },
});

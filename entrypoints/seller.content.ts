/**
 * Wiring only: picks the adapter for the current seller page, runs the page reader, and
 * restarts it when the single-page app navigates. Reading, diffing and panels live in lib/.
 */
import { browser } from 'wxt/browser';
import { languageFromTag } from '@/lib/i18n';
import { marketplaceForUrl, sellerHostPatterns } from '@/lib/locale/markets';
import { createClient } from '@/lib/messaging/rpc';
import { adapterForUrl } from '@/lib/platforms';
import { startPageReader, type PageReader } from '@/lib/content/page-reader';
import { renderSummaryBar, SUMMARY_TAG } from '@/lib/content/summary-bar';

export default defineContentScript({
  matches: sellerHostPatterns(),
  runAt: 'document_idle',
  main(ctx) {
    const rpc = createClient((message) => browser.runtime.sendMessage(message));
    const language = languageFromTag(navigator.language);
    let reader: PageReader | undefined;

    const start = () => {
      reader?.stop();
      reader = undefined;
      document.querySelector(SUMMARY_TAG)?.remove();
      const url = new URL(location.href);
      const market = marketplaceForUrl(url);
      const adapter = adapterForUrl(url);
      if (!market || !adapter) return;
      reader = startPageReader({
        root: document,
        adapter,
        market,
        url: () => new URL(location.href),
        ingest: (request) => rpc('page/ingest', request),
        language,
        onRead: (read, panels) => renderSummaryBar(document, read.anchors.map((a) => a.sku), panels, read.diagnostics, language, new Date()),
        // One broken reader must not break the page or the other features: log and carry on.
        onError: (error) => console.warn('[Stock Copilot]', adapter.id, error),
      });
    };

    start();
    ctx.addEventListener(window, 'wxt:locationchange', start);
    ctx.onInvalidated(() => reader?.stop());
  },
});

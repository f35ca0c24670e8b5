/**
 * Everything the content script does on one seller page, as a browser-independent function:
 * read the settings (language, hidden page types), run the page reader, keep the summary bar
 * current, and let the seller hide the panels on this page type. The entrypoint only passes
 * the browser's transport in; tests pass fakes.
 */
import { languageFromTag, type Language } from '../i18n';
import type { Marketplace } from '../locale/markets';
import type { Diagnostic } from '../records';
import type { Settings } from '../settings/schema';
import type { PageAdapter } from '../platforms/types';
import { startPageReader, type Ingest, type PageReader } from './page-reader';
import type { MountChart } from './panel-view';
import type { RowPanelHooks } from './row-panels';
import { renderSummaryBar, SUMMARY_TAG } from './summary-bar';

export interface SellerPageOptions {
  root: Document;
  adapter: PageAdapter;
  market: Marketplace;
  url: () => URL;
  ingest: Ingest;
  /** settings/get; a failure falls back to the browser language and visible panels. */
  getSettings: () => Promise<Pick<Settings, 'language' | 'hiddenPanels'>>;
  /** panels/set-hidden: stores the choice for this page type, answers with the new list. */
  setHidden: (pageType: string, hidden: boolean) => Promise<readonly string[]>;
  mountChart?: MountChart;
  /** navigator.language, used when the language setting is 'auto'. */
  browserLanguage?: string;
  debounceMs?: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
  /** Debug only: performance marks for each read (see page-reader MARKS). */
  marks?: boolean;
}

export interface SellerPage {
  reader: PageReader;
  language(): Language;
  hidden(): boolean;
  /** Re-reads the settings (the seller may have changed them in another tab). */
  refreshSettings(): Promise<void>;
  stop(): void;
}

/**
 * The UI language for a language setting.
 * @example languageFor('auto', 'zh-TW') // 'zh-CN'
 */
export function languageFor(setting: Settings['language'], browserLanguage: string | undefined): Language {
  return setting === 'auto' ? languageFromTag(browserLanguage) : setting;
}

export async function startSellerPage(options: SellerPageOptions): Promise<SellerPage> {
  const { root, adapter } = options;
  const now = options.now ?? (() => new Date());
  let language = languageFromTag(options.browserLanguage);
  let hidden = false;
  const freshness = createFreshness(now);
  let last: { skus: string[]; diagnostics: Diagnostic[] } = { skus: [], diagnostics: [] };
  let stopped = false;

  const applySettings = (settings: Pick<Settings, 'language' | 'hiddenPanels'>) => {
    language = languageFor(settings.language, options.browserLanguage);
    hidden = settings.hiddenPanels.includes(adapter.id);
  };
  try {
    applySettings(await options.getSettings());
  } catch (error) {
    options.onError?.(error);
  }

  const renderBar = () => {
    if (stopped) return;
    renderSummaryBar(root, {
      skus: last.skus,
      panels: reader.panels,
      diagnostics: last.diagnostics,
      language,
      pageType: adapter.id,
      hidden,
      updatedAt: freshness.updatedAt,
      offline: freshness.offline,
      onToggleHidden: (wanted) => void toggleHidden(wanted),
    });
  };

  const toggleHidden = async (wanted: boolean) => {
    hidden = wanted;
    reader.setHidden(hidden);
    renderBar();
    try {
      const list = await options.setHidden(adapter.id, wanted);
      hidden = list.includes(adapter.id);
    } catch (error) {
      options.onError?.(error);
    }
    reader.setHidden(hidden);
    renderBar();
  };

  const reader = startPageReader({
    root,
    adapter,
    market: options.market,
    url: options.url,
    ingest: freshness.watch((request) => options.ingest(request), renderBar),
    language,
    hidden,
    now,
    hooks: rowPanelHooks(options),
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.marks ? { marks: true } : {}),
    onRead: (read) => {
      freshness.noteRead();
      last = { skus: read.anchors.map((a) => a.sku), diagnostics: read.diagnostics as Diagnostic[] };
      renderBar();
    },
    onError: (error) => options.onError?.(error),
  });
  renderBar();

  return {
    reader,
    language: () => language,
    hidden: () => hidden,
    async refreshSettings() {
      try {
        applySettings(await options.getSettings());
      } catch (error) {
        options.onError?.(error);
        return;
      }
      reader.setLanguage(language);
      reader.setHidden(hidden);
      renderBar();
    },
    stop() {
      stopped = true;
      reader.stop();
      root.querySelector(SUMMARY_TAG)?.remove();
    },
  };
}

/** The chart on expand; on page types with an editable quantity field, a fill-in button per row. */
function rowPanelHooks(options: Pick<SellerPageOptions, 'mountChart' | 'adapter'>): RowPanelHooks {
  return {
    ...(options.mountChart ? { mountChart: options.mountChart } : {}),
    ...(options.adapter.editableQuantity ? { quantityField: options.adapter.editableQuantity } : {}),
  };
}

/** What the summary bar says about the numbers: when they were last known current, and whether the background is unreachable. */
function createFreshness(now: () => Date) {
  let updatedAt: Date | undefined;
  let offline = false;
  return {
    get updatedAt() {
      return updatedAt;
    },
    get offline() {
      return offline;
    },
    /** Wraps the transport: an answer means current numbers; a failure means offline (shown at once). */
    watch(ingest: Ingest, onOffline: () => void): Ingest {
      return async (request) => {
        try {
          const reply = await ingest(request);
          offline = false;
          updatedAt = now();
          return reply;
        } catch (error) {
          offline = true;
          onOffline();
          throw error;
        }
      };
    },
    /** A read that sent nothing: nothing changed since the last answer, so the numbers are still current. */
    noteRead(): void {
      if (!offline) updatedAt ??= now();
    },
  };
}

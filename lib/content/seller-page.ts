/**
 * Everything the content script does on one seller page, as a browser-independent function:
 * read the settings (language, hidden page types), run the page reader, keep the summary bar
 * current, and let the seller hide the panels on this page type. The entrypoint only passes
 * the browser's transport in; tests pass fakes.
 */
import { languageFromTag, type Language } from '../i18n/page';
import { isStorageFull } from '../messaging/rpc';
import type { Marketplace } from '../locale/markets';
import type { Diagnostic } from '../records';
import type { Settings } from '../settings/schema';
import type { PageAdapter, PageRead } from '../platforms/types';
import { shipmentsInbound } from '../inbound/shipments';
import { detectAccount } from '../platforms/shared/account';
import { startPageReader, type Ingest, type LookupStored, type PageReader, type PageReaderOptions } from './page-reader';
import type { MountChart } from './panel-view';
import type { RowPanelHooks } from './row-panels';
import { renderSummaryBar, SUMMARY_TAG } from './summary-bar';
import { shipmentsSender, type SendShipments } from './shipments-sender';
import { fieldsToTeach } from './teach-column';
import { createTeaching, type Teaching } from './teach-column-controller';
import type { HeaderField, TaughtHeader } from '../locale/headers';

interface SellerPageOptions {
  root: Document;
  adapter: PageAdapter;
  market: Marketplace;
  url: () => URL;
  ingest: Ingest;
  /** inbound/shipments-read: the shipments a Shipments page shows (sent once per change). Absent: not sent. */
  sendShipments?: SendShipments;
  /** The stored plans of the page's listings, shown while a reading is re-planned. */
  lookupStored?: LookupStored;
  /** Opens the options page's import (the summary bar offers it when SKUs have no sales data). */
  openImport?: () => Promise<void>;
  /** settings/get; a failure falls back to the browser language and visible panels. */
  getSettings: () => Promise<Pick<Settings, 'language' | 'hiddenPanels'>>;
  /** panels/set-hidden: stores the choice for this page type, answers with the new list. */
  setHidden: (pageType: string, hidden: boolean) => Promise<readonly string[]>;
  mountChart?: MountChart;
  /** teaching/page-columns: the columns taught on this page type and marketplace; a failure reads without them. */
  getTaughtColumns?: () => Promise<readonly TaughtHeader[]>;
  /** teaching/teach: "Show me the column" stores a column; answers with the page's taught columns. Absent: no offer. */
  teach?: (field: HeaderField, header: string, hint?: string) => Promise<readonly TaughtHeader[]>;
  /** Writes text to the clipboard ("Copy page structure for a bug report"). Absent: no copy button. */
  copyText?: (text: string) => Promise<void>;
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

/** What one seller page shows and remembers; the helpers below read and update it. */
interface SellerState {
  language: Language;
  hidden: boolean;
  /**
   * How many times the seller toggled the panels here: an answer about `hidden` (a toggle's, or
   * settings read again) sent before the last toggle is older than the seller's choice.
   */
  toggles: number;
  /** The last reading: its rows' SKUs, its diagnostics, and what its shipments hold on their way (Shipments pages). */
  last: { skus: string[]; diagnostics: Diagnostic[]; shipments?: ReturnType<typeof shipmentsInbound> };
  /** Columns taught on this page type and marketplace, passed to every read. */
  taught: readonly TaughtHeader[];
  stopped: boolean;
}

type Freshness = ReturnType<typeof createFreshness>;

export async function startSellerPage(options: SellerPageOptions): Promise<SellerPage> {
  const now = options.now ?? (() => new Date());
  const state: SellerState = {
    language: languageFromTag(options.browserLanguage),
    hidden: false,
    toggles: 0,
    last: { skus: [], diagnostics: [] },
    taught: [],
    stopped: false,
  };
  const freshness = createFreshness(now);
  const [settings, taught] = await Promise.allSettled([options.getSettings(), options.getTaughtColumns?.() ?? Promise.resolve([])]);
  if (settings.status === 'fulfilled') applySettings(options, state, settings.value);
  else options.onError?.(settings.reason);
  if (taught.status === 'fulfilled') state.taught = taught.value;
  else options.onError?.(taught.reason);

  const teaching = createPageTeaching(
    options,
    state,
    () => renderBar(),
    () => reader,
  );
  const renderBar = createSummaryBar(options, state, freshness, () => reader, teaching);
  const reader: PageReader = startPageReader(pageReaderOptions(options, state, freshness, now, renderBar, () => reader));
  renderBar();
  return sellerPageHandle(options, state, reader, renderBar, teaching);
}

/** "Show me the column" and the page-structure copy, when the transport can teach. */
function createPageTeaching(options: SellerPageOptions, state: SellerState, renderBar: () => void, reader: () => PageReader): Teaching | undefined {
  const { teach } = options;
  if (!teach) return undefined;
  return createTeaching({
    root: options.root,
    pageType: options.adapter.id,
    url: options.url,
    language: () => state.language,
    teach,
    ...(options.copyText ? { copyText: options.copyText } : {}),
    onTaught: (taught) => {
      state.taught = taught;
      void reader().readNow();
    },
    render: renderBar,
  });
}

/** What the summary bar shows of teaching: the offer or form for the columns the last reading missed, the copy button, the notice. */
function teachingBar(teaching: Teaching | undefined, state: SellerState) {
  if (!teaching) return {};
  const teach = teaching.view(fieldsToTeach(state.last.diagnostics));
  const notice = teaching.notice();
  return { ...(teach ? { teach } : {}), ...(notice ? { notice } : {}), onCopyStructure: () => void teaching.copyStructure() };
}

function applySettings(options: SellerPageOptions, state: SellerState, settings: Pick<Settings, 'language' | 'hiddenPanels'>): void {
  state.language = languageFor(settings.language, options.browserLanguage);
  state.hidden = settings.hiddenPanels.includes(options.adapter.id);
}

/** The summary bar's render function; its hide toggle stores the choice and re-renders. */
function createSummaryBar(options: SellerPageOptions, state: SellerState, freshness: Freshness, reader: () => PageReader, teaching?: Teaching): () => void {
  const { root, adapter } = options;
  const renderBar = () => {
    if (state.stopped) return;
    renderSummaryBar(root, {
      skus: state.last.skus,
      ...(state.last.shipments ? { shipments: state.last.shipments } : {}),
      panels: reader().panels,
      diagnostics: state.last.diagnostics,
      language: state.language,
      pageType: adapter.id,
      hidden: state.hidden,
      updatedAt: freshness.updatedAt,
      offline: freshness.offline,
      storageFull: freshness.storageFull,
      ...(options.openImport ? { onImportOrders: importOrdersOf(options) } : {}),
      onToggleHidden: (wanted) => void toggleHidden(wanted),
      ...teachingBar(teaching, state),
    });
  };

  // Only the last click's answer says what is stored now: an earlier one may arrive after it.
  const toggleHidden = async (wanted: boolean) => {
    const toggle = ++state.toggles;
    state.hidden = wanted;
    reader().setHidden(state.hidden);
    renderBar();
    try {
      const list = await options.setHidden(adapter.id, wanted);
      if (toggle !== state.toggles) return;
      state.hidden = list.includes(adapter.id);
    } catch (error) {
      options.onError?.(error);
      if (toggle !== state.toggles) return;
    }
    reader().setHidden(state.hidden);
    renderBar();
  };

  return renderBar;
}

/** Sends a Shipments or shipment contents page's shipments; the panels answered go on the contents' rows. */
function pageShipmentsSender(options: SellerPageOptions, reader: () => PageReader): ((read: PageRead) => void) | undefined {
  if (!options.sendShipments) return undefined;
  return shipmentsSender(options.sendShipments, {
    account: () => detectAccount(options.root, options.adapter.platform),
    onPanels: (panels) => reader().showPanels(panels),
    onError: (error) => options.onError?.(error),
  });
}

function pageReaderOptions(
  options: SellerPageOptions,
  state: SellerState,
  freshness: Freshness,
  now: () => Date,
  renderBar: () => void,
  reader: () => PageReader,
): PageReaderOptions {
  const sendShipments = pageShipmentsSender(options, reader);
  return {
    root: options.root,
    adapter: options.adapter,
    market: options.market,
    url: options.url,
    ingest: freshness.watch((request) => options.ingest(request), renderBar),
    ...(options.lookupStored ? { lookupStored: options.lookupStored } : {}),
    language: state.language,
    hidden: state.hidden,
    taughtColumns: () => state.taught,
    now,
    hooks: rowPanelHooks(options, () => state.taught),
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.marks ? { marks: true } : {}),
    onRead: (read) => {
      sendShipments?.(read);
      freshness.noteRead();
      state.last = {
        skus: read.anchors.map((a) => a.sku),
        diagnostics: read.diagnostics as Diagnostic[],
        ...(read.shipments?.length ? { shipments: shipmentsInbound(read.shipments) } : {}),
      };
      renderBar();
    },
    onError: (error) => options.onError?.(error),
  };
}

function sellerPageHandle(options: SellerPageOptions, state: SellerState, reader: PageReader, renderBar: () => void, teaching?: Teaching): SellerPage {
  return {
    reader,
    language: () => state.language,
    hidden: () => state.hidden,
    async refreshSettings() {
      const toggles = state.toggles;
      try {
        const settings = await options.getSettings();
        const hidden = state.hidden;
        applySettings(options, state, settings);
        // A toggle since they were asked for is newer than their hiddenPanels.
        if (toggles !== state.toggles) state.hidden = hidden;
      } catch (error) {
        options.onError?.(error);
        return;
      }
      reader.setLanguage(state.language);
      reader.setHidden(state.hidden);
      renderBar();
    },
    stop() {
      state.stopped = true;
      teaching?.stop();
      reader.stop();
      options.root.querySelector(SUMMARY_TAG)?.remove();
    },
  };
}

/** Opens the options page's import (the summary bar's offer and the panels' where sales are unknown); a failure is reported, not thrown. */
function importOrdersOf(options: Pick<SellerPageOptions, 'openImport' | 'onError'>): () => void {
  return () => void options.openImport?.().catch((error: unknown) => options.onError?.(error));
}

/**
 * The chart on expand; the order-history import where sales are unknown; on page types with an editable quantity field, a fill-in button per row
 * (its column found with the taught columns too); the page type's panel placement.
 */
function rowPanelHooks(
  options: Pick<SellerPageOptions, 'mountChart' | 'adapter' | 'openImport' | 'onError'>,
  taughtColumns: () => readonly TaughtHeader[],
): RowPanelHooks {
  return {
    ...(options.mountChart ? { mountChart: options.mountChart } : {}),
    ...(options.openImport ? { importOrders: importOrdersOf(options) } : {}),
    ...(options.adapter.editableQuantity ? { quantityField: options.adapter.editableQuantity, taughtColumns } : {}),
    ...(options.adapter.panelPlacement ? { placement: options.adapter.panelPlacement } : {}),
  };
}

/** What the summary bar says about the numbers: when they were last known current, and whether the background is unreachable. */
function createFreshness(now: () => Date) {
  let updatedAt: Date | undefined;
  let offline = false;
  let storageFull = false;
  return {
    get updatedAt() {
      return updatedAt;
    },
    get offline() {
      return offline;
    },
    /** The background answered that the browser has no room left: nothing from the page was saved. */
    get storageFull() {
      return storageFull;
    },
    /** Wraps the transport: an answer means current numbers; a failure means offline (shown at once). */
    watch(ingest: Ingest, onOffline: () => void): Ingest {
      return async (request) => {
        try {
          const reply = await ingest(request);
          offline = false;
          storageFull = false;
          updatedAt = now();
          return reply;
        } catch (error) {
          storageFull = isStorageFull(error);
          offline = !storageFull;
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

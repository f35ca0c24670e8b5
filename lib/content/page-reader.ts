/**
 * The content script's whole job, as a browser-independent function: read the page with its
 * adapter, send what changed to the background, and keep the row panels in step with the rows.
 * The transport and the clock are passed in, so the loop runs in vitest with happy-dom.
 */
import type { Language } from '../i18n/page';
import type { TaughtHeader } from '../locale/headers';
import { marketplaceForPageLanguage, pageLanguage, type Marketplace } from '../locale/markets';
import { unplannedPanel, type PanelData, type RequestOf, type ResponseOf } from '../messaging/protocol';
import type { Diagnostic, FulfillmentChannel, ListingObservation, Observation } from '../records';
import { listingKey } from '../records';
import type { PageAdapter, PageRead } from '../platforms/types';
import type { PageAccount } from '../accounts/registry';
import { detectAccount } from '../platforms/shared/account';
import { withMarketFigures } from './market-figures';
import type { PanelHooks } from './panel-view';
import { isOwnMutation, syncRowPanels } from './row-panels';
import { MARKS } from './read-marks';

export type Ingest = (request: RequestOf<'page/ingest'>) => Promise<ResponseOf<'page/ingest'>>;
/** The stored plans of a page's listings (one store read, no re-plan), shown while ingest works. */
export type LookupStored = (request: RequestOf<'panels/stored'>) => Promise<ResponseOf<'panels/stored'>>;

export interface PageReaderOptions {
  root: Document;
  adapter: PageAdapter;
  market: Marketplace;
  url: () => URL;
  ingest: Ingest;
  /** Asks for the stored plans first, so rows never seen in this tab show their last answer at once. */
  lookupStored?: LookupStored;
  language: Language;
  /** The columns the seller taught on this page type and marketplace, asked at every read (they change when the seller teaches one). */
  taughtColumns?: () => readonly TaughtHeader[];
  /** Start with the panels hidden (settings.hiddenPanels names this page type). */
  hidden?: boolean;
  /** Panel hooks (the chart shown on expand). */
  hooks?: PanelHooks;
  now?: () => Date;
  /** Quiet time after the last page mutation before re-reading. */
  debounceMs?: number;
  onRead?: (read: PageRead, panels: ReadonlyMap<string, PanelData>) => void;
  onError?: (error: unknown) => void;
  /**
   * Debug only: emit performance marks (see MARKS) for each read, so a browser bench can time
   * the panels from the moment the rows are read. Off by default: no marks in normal use.
   */
  marks?: boolean;
}

/** What identifies "the same reading of a row": everything but the time it was taken. */
function rowSignature(row: Observation): string {
  const { observedAt: _at, observedDate: _date, ...rest } = row;
  return JSON.stringify(rest);
}

function rowKey(row: Observation): string {
  return row.kind === 'order' ? `order|${row.platform}|${row.marketplace}|${row.orderId}|${row.sku}` : listingKey(row);
}

export interface PageReader {
  /** Reads now (also called by the observer). Resolves when panels reflect the reading. */
  readNow(): Promise<void>;
  stop(): void;
  panels: ReadonlyMap<string, PanelData>;
  /** Re-renders every panel in another language. */
  setLanguage(language: Language): void;
  /** Hides (removes) or shows the panels; reading goes on either way, so the data stays fresh. */
  setHidden(hidden: boolean): void;
  /**
   * Shows panels another message answered for rows whose SKUs the page shows without reading
   * them (a shipment's contents: lib/content/shipments-sender.ts), on the rows as they are now.
   */
  showPanels(answered: readonly PanelData[]): void;
}

/** What a running reader remembers between reads; the helpers below read and update it. */
interface ReaderState {
  language: Language;
  hidden: boolean;
  stopped: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts the batches of page mutations (not our own panels' writes) seen so far. */
  pageChanges: number;
  /**
   * The channel each SKU of the page was stored with (the stored lookup's answer): every read
   * passes it as the weakest clue to who ships (ReadContext.fulfillmentHistory).
   */
  history: Map<string, FulfillmentChannel>;
  /** The seller account `history` belongs to (another account's listings are other listings). */
  historyAccount: string;
}

/** Everything one read cycle needs, built once by startPageReader. */
interface ReadContext {
  options: PageReaderOptions;
  state: ReaderState;
  panels: Map<string, PanelData>;
  ledger: SentLedger;
  ingest: Ingest;
  read(): PageRead;
  sync(reading: PageRead): void;
  mark(name: string): void;
  /** Takes the mutation records the observer has not delivered yet (counting page changes). */
  flushMutations(): void;
  /** Asks for one more read cycle (after the running one). */
  readAgain(): void;
}

export function startPageReader(options: PageReaderOptions): PageReader {
  const { root, adapter, market, debounceMs = 150, hooks } = options;
  const state: ReaderState = {
    language: options.language,
    hidden: options.hidden ?? false,
    stopped: false,
    timer: undefined,
    pageChanges: 0,
    history: new Map(),
    historyAccount: '',
  };
  const now = options.now ?? (() => new Date());
  const panels = new Map<string, PanelData>();

  const read = () => {
    const url = options.url();
    // Walmart.ca's French pages print French numbers: the page's language decides, read by read (the seller can switch it).
    const pageMarket = marketplaceForPageLanguage(market, pageLanguage(root, url));
    return adapter.parse(root, { url, market: pageMarket, now: now(), taughtColumns: options.taughtColumns?.() ?? [], fulfillmentHistory: state.history });
  };
  const sync = (reading: PageRead) => syncRowPanels(root, reading.anchors, panels, state.language, state.hidden, hooks);
  const mark = options.marks ? (name: string) => performance.mark(name) : () => {};
  const context: ReadContext = {
    options,
    state,
    panels,
    ledger: createSentLedger(),
    ingest: options.ingest,
    read,
    sync,
    mark,
    flushMutations: () => noticeMutations(observer.takeRecords()),
    readAgain: () => void readNow(),
  };

  const readNow = singleFlight(
    () => readCycle(context),
    () => state.stopped,
    (error) => options.onError?.(error),
  );

  function noticeMutations(records: MutationRecord[]): void {
    if (records.length === 0 || records.every(isOwnMutation)) return;
    state.pageChanges++;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => void readNow(), debounceMs);
  }
  const observer = observePage(root, noticeMutations);

  void readNow();
  return pageReaderHandle(context, readNow, observer);
}

/** One read: mount the rows' panels, send what changed, then render the answer on the rows as they are now. */
async function readCycle(context: ReadContext): Promise<void> {
  const { options, state, panels, ledger, ingest, read, sync, mark } = context;
  const changesAtRead = state.pageChanges;
  // The seller account the page shows, read with every reading: a seller who switches account
  // in the page's own switcher without a reload gets every row sent again, for the new account.
  const account = detectAccount(options.root, options.adapter.platform);
  if ((account?.seller ?? '') !== state.historyAccount) [state.history, state.historyAccount] = [new Map(), account?.seller ?? ''];
  const reading = read();
  mark(MARKS.read);
  const unsent = ledger.unsent(reading, account);
  if (unsent) showReadings(panels, unsent.rows);
  sync(reading);
  mark(MARKS.mounted);
  if (!unsent) {
    options.onRead?.(reading, panels);
    return;
  }
  let answered = false;
  void showStored(context, reading, changesAtRead, () => answered, account);
  const reply = await ingest({
    url: options.url().href,
    adapterId: options.adapter.id,
    rows: unsent.rows,
    diagnostics: reading.diagnostics as Diagnostic[],
    ...(account ? { account } : {}),
  });
  answered = true;
  mark(MARKS.answered);
  ledger.markSent(unsent);
  // The marketplace's own figures the page shows on each row go into its Details, next to ours.
  for (const panel of withMarketFigures(reply.panels, unsent.rows)) panels.set(panel.sku, panel);
  // A row the background did not answer for (another marketplace's) goes back to "pending":
  // its readings panel promised an update that will not come.
  for (const [sku, panel] of panels) if (provisional.has(panel)) panels.delete(sku);
  if (state.stopped) return;
  // The grid may have re-rendered while the background answered: anchor to the rows as they
  // are now. When the page did not change meanwhile, the reading is still exact: no re-read.
  context.flushMutations();
  const fresh = state.pageChanges === changesAtRead ? reading : read();
  sync(fresh);
  mark(MARKS.rendered);
  options.onRead?.(fresh, panels);
}

/** Panels built in the page from a row's own reading (see readingPanel), replaced by any answer. */
const provisional = new WeakSet<PanelData>();

/**
 * A listing row's panel from its reading alone, marked as updating: what a listing never seen
 * before shows in the first frame, before the background has stored and planned it.
 * @example readingPanel(row).available // the units the row shows
 */
function readingPanel(row: ListingObservation): PanelData {
  const panel: PanelData = {
    ...unplannedPanel({
      key: listingKey(row),
      sku: row.sku,
      ...(row.title ? { title: row.title } : {}),
      ...(row.available !== undefined ? { available: row.available } : {}),
    }),
    stockSource: row.available !== undefined ? 'reading' : null,
    inbound: row.inbound ?? null,
    updating: true,
  };
  provisional.add(panel);
  return panel;
}

/** Gives each listing row being sent without a panel its readings panel, so no row waits for a message to show something. */
function showReadings(panels: Map<string, PanelData>, rows: readonly Observation[]): void {
  for (const row of rows) if (row.kind === 'listing' && !panels.has(row.sku)) panels.set(row.sku, readingPanel(row));
}

/**
 * Shows the stored plans of the reading's listings that have no answer yet (only their readings
 * panel), marked as updating, unless the fresh answer came first. A failed lookup only means
 * waiting for the fresh answer.
 */
async function showStored(
  context: ReadContext,
  reading: PageRead,
  changesAtRead: number,
  answered: () => boolean,
  account: PageAccount | undefined,
): Promise<void> {
  const { options, panels, state, sync } = context;
  if (!options.lookupStored) return;
  const unanswered = (sku: string) => {
    const panel = panels.get(sku);
    return !panel || provisional.has(panel);
  };
  // Order rows too: an order page shows each line's listing panel.
  const keys = [...new Set(reading.rows.flatMap((row) => (unanswered(row.sku) ? [listingKey(row)] : [])))];
  if (keys.length === 0) return;
  try {
    const { panels: storedPanels, channels = [] } = await options.lookupStored({ url: options.url().href, keys, ...(account ? { account } : {}) });
    if (state.stopped) return;
    if (learnChannels(state.history, reading, channels)) context.readAgain();
    if (answered() || storedPanels.length === 0) return;
    for (const panel of storedPanels) if (unanswered(panel.sku)) panels.set(panel.sku, panel);
    context.flushMutations();
    sync(state.pageChanges === changesAtRead ? reading : context.read());
  } catch {
    // The fresh answer follows; nothing to show meanwhile.
  }
}

/**
 * Remembers the channels the stored listings carry; true when a row of the reading that told no
 * channel has a new one now, so reading the page again gives that row its channel (a weak clue).
 * @example learnChannels(history, reading, [{ sku: 'W-1', fulfillment: 'WFS' }]) // true when W-1 was read without a channel
 */
function learnChannels(
  history: Map<string, FulfillmentChannel>,
  reading: PageRead,
  channels: readonly { sku: string; fulfillment: FulfillmentChannel }[],
): boolean {
  const learned = new Set<string>();
  for (const { sku, fulfillment } of channels) {
    if (history.get(sku) !== fulfillment) learned.add(sku);
    history.set(sku, fulfillment);
  }
  return reading.rows.some((row) => row.kind === 'listing' && row.fulfillment === undefined && learned.has(row.sku));
}

/** Watches the page for changes that can move or change rows. */
function observePage(root: Document, onMutations: (records: MutationRecord[]) => void): MutationObserver {
  const observer = new MutationObserver(onMutations);
  observer.observe(root.body ?? root.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-sku', 'data-id', 'value'],
  });
  return observer;
}

function pageReaderHandle(context: ReadContext, readNow: () => Promise<void>, observer: MutationObserver): PageReader {
  const { options, state, panels, read, sync } = context;
  return {
    readNow,
    panels,
    stop() {
      state.stopped = true;
      clearTimeout(state.timer);
      observer.disconnect();
      syncRowPanels(options.root, [], panels, state.language, true);
    },
    setLanguage(next) {
      if (next === state.language) return;
      state.language = next;
      if (!state.stopped) sync(read());
    },
    setHidden(next) {
      state.hidden = next;
      if (!state.stopped) sync(read());
    },
    showPanels(answered) {
      if (state.stopped || answered.length === 0) return;
      for (const panel of answered) panels.set(panel.sku, panel);
      const reading = read();
      sync(reading);
      options.onRead?.(reading, panels);
    },
  };
}

/** Rows and diagnostics of a reading that the background has not been sent yet. */
interface Unsent {
  rows: Observation[];
  diagnosticsSignature: string;
}

type SentLedger = ReturnType<typeof createSentLedger>;

/** Remembers what was sent to the background, so a re-read sends only the rows that changed. */
function createSentLedger() {
  const sent = new Map<string, string>();
  let lastDiagnostics = '';
  let lastAccount = '';
  return {
    /** What is new in `reading`; undefined when neither a row nor the diagnostics changed. Another account: everything is new. */
    unsent(reading: PageRead, account?: PageAccount): Unsent | undefined {
      const accountSignature = account?.seller ?? '';
      if (accountSignature !== lastAccount) {
        sent.clear();
        lastDiagnostics = '';
        lastAccount = accountSignature;
      }
      const rows = reading.rows.filter((row) => sent.get(rowKey(row)) !== rowSignature(row));
      const diagnosticsSignature = JSON.stringify(reading.diagnostics);
      if (rows.length === 0 && diagnosticsSignature === lastDiagnostics) return undefined;
      return { rows, diagnosticsSignature };
    },
    /** Called once the background has taken them. */
    markSent(unsent: Unsent): void {
      for (const row of unsent.rows) sent.set(rowKey(row), rowSignature(row));
      lastDiagnostics = unsent.diagnosticsSignature;
    },
  };
}

/**
 * Wraps `task` so only one run is in flight: a call during a run asks for one more run after
 * it (the page changed while it was being read) and gets the running promise. Errors go to
 * `onError`; the returned promise never rejects.
 */
function singleFlight(task: () => Promise<void>, stopped: () => boolean, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task();
        } while (again && !stopped());
      } catch (error) {
        onError(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}

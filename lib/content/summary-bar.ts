/**
 * A small bar fixed to the bottom corner of a seller page: how many SKUs this page shows, how
 * many are at risk, how fresh the numbers are, anything the reader did not understand, and a
 * control to hide the panels on this page type. Fixed position, so it never shifts the page's
 * own controls; in a shadow root, so the page's CSS cannot reach it. It never covers the page's
 * controls: it collapses to one line on request, and when the seller focuses a field it would
 * cover (a price input near the bottom corner), it moves to a corner clear of it.
 */
import { formatNumber, formatTime, t, type Language } from '../i18n/page';
import type { PanelData } from '../messaging/protocol';
import type { Diagnostic } from '../records';
import { diagnosticText, pageTypeName } from './codes';
import { isAtRisk } from './panel-view';
import { appendTeach, TEACH_STYLE, type TeachView } from './teach-column';

export const SUMMARY_TAG = 'stock-copilot-summary';

/** Diagnostics listed in the bar; the rest are counted. */
const MAX_DIAGNOSTICS = 5;

const STYLE = `
:host { all: initial; position: fixed; right: 12px; bottom: 12px; z-index: 2147483000; font: 12px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
:host([data-corner="bottom-left"]) { right: auto; left: 12px; }
:host([data-corner="top-right"]) { bottom: auto; top: 12px; }
:host([data-corner="top-left"]) { bottom: auto; top: 12px; right: auto; left: 12px; }
.bar { background: #fff; color: #1f2328; border: 1px solid #d0d7de; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.12); padding: 6px 10px; max-width: 380px; }
.risk { color: #cf222e; font-weight: 600; }
.muted { color: #57606a; }
.offline { color: #9a6700; }
ul { margin: 4px 0 0; padding-left: 16px; color: #9a6700; }
li[data-level="error"] { color: #cf222e; }
button { font: inherit; font-size: 11px; margin-top: 4px; padding: 1px 6px; min-height: 24px; min-width: 24px; border: 1px solid #d0d7de; border-radius: 3px; background: #f6f8fa; color: #0969da; cursor: pointer; display: block; }
.head { display: flex; align-items: flex-start; gap: 6px; }
.head > [role="status"] { flex: 1; }
.head > button { margin-top: 0; flex: none; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.notice { color: #1a7f37; }
.notice[data-level="error"] { color: #cf222e; }
${TEACH_STYLE}`;

interface SummaryState {
  /** SKUs of the rows on the page, in page order (duplicates allowed). */
  skus: readonly string[];
  /**
   * What the page's shipments hold on their way (lib/inbound/shipments.ts shipmentsInbound), on
   * a Shipments page: with no SKU rows, the bar says this instead of "0 SKUs".
   */
  shipments?: { shipments: number; open: number; units: number };
  panels: ReadonlyMap<string, PanelData>;
  diagnostics: readonly Diagnostic[];
  language: Language;
  /** Adapter id = page type (settings.hiddenPanels entries). */
  pageType: string;
  hidden: boolean;
  /** When the background last answered for this page; undefined = not yet. */
  updatedAt?: Date;
  /** The last exchange with the background failed: numbers may be old. */
  offline?: boolean;
  /** The browser has no room left for the extension's data: the page's reading was not saved. */
  storageFull?: boolean;
  /** Opens the options page's import (offered when SKUs on the page have no sales data). */
  onImportOrders?: () => void;
  /** Called with the wanted state when the seller clicks hide/show. */
  onToggleHidden?: (hidden: boolean) => void;
  /** "Show me the column" and its form (lib/content/teach-column.ts), when the reader missed a column. */
  teach?: TeachView;
  /** Copies an anonymised skeleton of the page's table for a bug report. */
  onCopyStructure?: () => void;
  /** What the last teach or copy did. */
  notice?: { text: string; level: 'info' | 'error' };
}

/**
 * How many of the page's SKUs are at risk (each SKU counted once).
 * @example countAtRisk(['A', 'A', 'B'], panels) // 1 when only A is critical
 */
function countAtRisk(skus: readonly string[], panels: ReadonlyMap<string, PanelData>): number {
  let n = 0;
  for (const sku of new Set(skus)) {
    const panel = panels.get(sku);
    if (panel && isAtRisk(panel)) n++;
  }
  return n;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, testId: string, text: string, className = ''): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (testId) e.dataset.testid = testId;
  if (className) e.className = className;
  e.textContent = text;
  return e;
}

/**
 * SKUs on the page whose sales nobody has shown yet (their panels say what would show them).
 * @example countSalesUnknown(['A', 'B'], panels) // 1 when only B's panel has a sales hint
 */
function countSalesUnknown(skus: readonly string[], panels: ReadonlyMap<string, PanelData>): number {
  let n = 0;
  for (const sku of new Set(skus)) if (panels.get(sku)?.salesHint) n++;
  return n;
}

/** "N SKUs have no sales data yet", and the one step that gives all of them a forecast: importing the order history. */
function appendSalesUnknown(bar: HTMLElement, state: SummaryState): void {
  const doc = bar.ownerDocument;
  const count = countSalesUnknown(state.skus, state.panels);
  if (count === 0) return;
  const line = el(doc, 'div', 'summary-no-sales', t(state.language, 'summary.salesUnknown', { count: formatNumber(state.language, count) }), 'muted');
  if (state.onImportOrders) {
    const button = el(doc, 'button', 'summary-import', t(state.language, 'summary.importOrders'));
    button.type = 'button';
    button.addEventListener('click', () => state.onImportOrders?.());
    line.append(' ', button);
  }
  bar.append(line);
}

/** The teach offer or form, the copy-structure button and the last action's notice. */
function appendTeaching(bar: HTMLElement, state: SummaryState): void {
  const doc = bar.ownerDocument;
  if (state.teach) appendTeach(bar, state.language, state.teach);
  if (state.onCopyStructure) {
    const copy = el(doc, 'button', 'summary-copy-structure', t(state.language, 'teach.copyStructure'));
    copy.type = 'button';
    copy.addEventListener('click', () => state.onCopyStructure?.());
    bar.append(copy);
  }
  if (state.notice) {
    const notice = el(doc, 'div', 'summary-notice', state.notice.text, 'notice');
    notice.dataset.level = state.notice.level;
    notice.setAttribute('role', state.notice.level === 'error' ? 'alert' : 'status');
    bar.append(notice);
  }
}

/**
 * The test id of the focused control in the bar, if any. Guarded: happy-dom (the unit tests' DOM)
 * throws when the focused control was removed by an earlier redraw; browsers answer null.
 */
function focusedTestId(shadow: ShadowRoot): string | null | undefined {
  try {
    return shadow.activeElement?.getAttribute('data-testid');
  } catch {
    return undefined;
  }
}

/** A corner of the window the bar can sit in, the first being where it starts. */
const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
type Corner = (typeof CORNERS)[number];

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The bar's distance from the window's edges (the :host rule above). */
const EDGE = 12;

/**
 * The corner the bar should sit in so it does not cover `target` (a focused field): where it is
 * when that is clear, else the first clear corner, else where it is.
 * @example clearCorner('bottom-right', { left: 1200, top: 850, right: 1300, bottom: 880 }, { width: 300, height: 80 }, { width: 1366, height: 900 }) // 'bottom-left'
 */
export function clearCorner(current: Corner, target: Box, bar: { width: number; height: number }, view: { width: number; height: number }): Corner {
  const at = (corner: Corner): Box => {
    const left = corner.endsWith('left') ? EDGE : view.width - EDGE - bar.width;
    const top = corner.startsWith('top') ? EDGE : view.height - EDGE - bar.height;
    return { left, top, right: left + bar.width, bottom: top + bar.height };
  };
  const covers = (a: Box) => a.left < target.right && target.left < a.right && a.top < target.bottom && target.top < a.bottom;
  if (!covers(at(current))) return current;
  return [current, ...CORNERS].find((corner) => !covers(at(corner))) ?? current;
}

/** The page's own controls a seller types into or picks from. */
const CONTROL = 'input, select, textarea, [contenteditable=""], [contenteditable="true"]';

/**
 * Moves the bar out of the way of the page's focused control, at focus and while the page
 * scrolls or resizes with it focused. Installed once per bar; gone with it.
 */
function avoidFocusedControls(doc: Document, host: HTMLElement): void {
  const view = doc.defaultView;
  if (!view) return;
  let frame = 0;
  const check = () => {
    frame = 0;
    if (!host.isConnected) {
      doc.removeEventListener('focusin', check, true);
      view.removeEventListener('scroll', later, true);
      view.removeEventListener('resize', later);
      return;
    }
    const active = doc.activeElement;
    if (!active || active === host || !active.matches(CONTROL)) return;
    const bar = host.getBoundingClientRect();
    const corner = clearCorner((host.dataset.corner as Corner | undefined) ?? 'bottom-right', active.getBoundingClientRect(), bar, {
      width: view.innerWidth,
      height: view.innerHeight,
    });
    if (corner === 'bottom-right') delete host.dataset.corner;
    else host.dataset.corner = corner;
  };
  const later = () => {
    if (!frame) frame = view.requestAnimationFrame(check);
  };
  doc.addEventListener('focusin', check, true);
  view.addEventListener('scroll', later, { capture: true, passive: true });
  view.addEventListener('resize', later, { passive: true });
}

/** The bar's collapsed state and the last state it drew, per bar (a click redraws with it). */
const collapsed = new WeakMap<HTMLElement, boolean>();
const lastState = new WeakMap<HTMLElement, SummaryState>();

/** The collapse/expand button at the bar's top right. */
function collapseButton(doc: Document, host: HTMLElement, language: Language): HTMLButtonElement {
  const isCollapsed = collapsed.get(host) === true;
  const button = el(doc, 'button', 'summary-collapse', t(language, isCollapsed ? 'summary.expand' : 'summary.collapse'));
  button.type = 'button';
  button.setAttribute('aria-expanded', String(!isCollapsed));
  button.addEventListener('click', () => {
    collapsed.set(host, !isCollapsed);
    const state = lastState.get(host);
    if (state) renderSummaryBar(doc, state);
  });
  return button;
}

/** The bar's host element, made (with its shadow root) the first time. */
function summaryHost(doc: Document): HTMLElement {
  const existing = doc.querySelector(SUMMARY_TAG) as HTMLElement | null;
  if (existing) return existing;
  const host = doc.createElement(SUMMARY_TAG);
  host.attachShadow({ mode: 'open' });
  doc.body.append(host);
  avoidFocusedControls(doc, host);
  return host;
}

/**
 * The page's counts: "40 SKUs on this page · 3 need attention", or on a page of shipments without
 * SKU rows "4 shipments read, 3 on their way · 1,240 units inbound".
 */
function countsOf(doc: Document, state: SummaryState): (HTMLElement | string)[] {
  const { language } = state;
  const number = (n: number) => formatNumber(language, n);
  if (state.skus.length === 0 && state.shipments) {
    const { shipments, open, units } = state.shipments;
    return [
      el(doc, 'span', 'summary-shipments', t(language, 'summary.shipments', { count: number(shipments), open: number(open) })),
      ' · ',
      el(doc, 'span', 'summary-inbound', t(language, 'summary.shipmentsInbound', { units: number(units) })),
    ];
  }
  const atRisk = countAtRisk(state.skus, state.panels);
  return [
    el(doc, 'span', 'summary-rows', t(language, 'summary.rows', { count: number(new Set(state.skus).size) })),
    ' · ',
    el(
      doc,
      'span',
      'summary-at-risk',
      atRisk ? t(language, 'summary.atRisk', { count: number(atRisk) }) : t(language, 'summary.noneAtRisk'),
      atRisk ? 'risk' : '',
    ),
  ];
}

/** "Stock Copilot: 40 SKUs · 3 at risk · updated 10:42", or that the panels are hidden here. */
function statusLine(doc: Document, state: SummaryState, pageType: string): HTMLElement {
  const { language } = state;
  const status = doc.createElement('div');
  status.setAttribute('role', 'status');
  status.append(el(doc, 'strong', '', t(language, 'summary.title')), ': ');
  if (state.hidden) {
    status.append(el(doc, 'span', 'summary-hidden', t(language, 'summary.hidden', { pageType }), 'muted'));
  } else {
    status.append(...countsOf(doc, state), ' · ');
    status.append(
      state.updatedAt
        ? el(doc, 'span', 'summary-updated', t(language, 'summary.updated', { time: formatTime(language, state.updatedAt) }), 'muted')
        : el(doc, 'span', 'summary-updated', t(language, 'summary.waiting'), 'muted'),
    );
  }
  return status;
}

/** The reader's diagnostics, the first few, with how many more there are. */
function diagnosticsList(doc: Document, state: SummaryState): HTMLElement {
  const { language } = state;
  const list = doc.createElement('ul');
  list.dataset.testid = 'summary-diagnostics';
  for (const d of state.diagnostics.slice(0, MAX_DIAGNOSTICS)) {
    const item = el(doc, 'li', '', diagnosticText(language, d));
    item.dataset.level = d.level;
    list.append(item);
  }
  if (state.diagnostics.length > MAX_DIAGNOSTICS)
    list.append(el(doc, 'li', '', t(language, 'summary.moreDiagnostics', { count: state.diagnostics.length - MAX_DIAGNOSTICS })));
  return list;
}

/** Creates or updates the summary bar. Keeps the focused control focused across updates. */
export function renderSummaryBar(doc: Document, state: SummaryState): HTMLElement {
  const host = summaryHost(doc);
  lastState.set(host, state);
  const shadow = host.shadowRoot!;
  // The focused control (by test id) gets the focus back after the bar is redrawn.
  const focused = focusedTestId(shadow);
  const { language } = state;
  const pageType = pageTypeName(language, state.pageType);
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t(language, 'summary.title'));
  host.lang = language;

  const status = statusLine(doc, state, pageType);
  const head = doc.createElement('div');
  head.className = 'head';
  head.append(status, collapseButton(doc, host, language));
  bar.append(head);
  if (collapsed.get(host)) {
    host.dataset.collapsed = 'true';
    return finish(shadow, style, bar, focused);
  }
  delete host.dataset.collapsed;
  if (state.offline) bar.append(el(doc, 'div', 'summary-offline', t(language, 'summary.offline'), 'offline'));
  if (state.storageFull) bar.append(el(doc, 'div', 'summary-storage-full', t(language, 'summary.storageFull'), 'offline'));
  if (!state.hidden) appendSalesUnknown(bar, state);

  if (state.diagnostics.length) bar.append(diagnosticsList(doc, state));

  appendTeaching(bar, state);

  const toggle = el(doc, 'button', 'summary-toggle', t(language, state.hidden ? 'summary.show' : 'summary.hide', { pageType }));
  toggle.type = 'button';
  toggle.addEventListener('click', () => state.onToggleHidden?.(!state.hidden));
  bar.append(toggle);

  return finish(shadow, style, bar, focused);
}

/** Puts the drawn bar in place and gives the focus back to the control that had it. */
function finish(shadow: ShadowRoot, style: HTMLStyleElement, bar: HTMLElement, focused: string | null | undefined): HTMLElement {
  shadow.replaceChildren(style, bar);
  const refocus = (focused && bar.querySelector(`[data-testid="${focused}"]`)) || bar.querySelector('[data-autofocus]');
  (refocus as HTMLElement | null)?.focus();
  return shadow.host as HTMLElement;
}

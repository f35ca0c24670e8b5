/**
 * Renders one row panel into its shadow root. Only textContent and element creation: page
 * text (SKUs, titles) never passes through an HTML parser.
 *
 * At a glance, without a click or hover: the urgency (colour and word, from the one urgency
 * rule), the days of cover and the one action with its numbers first (panel-text.ts). They wrap
 * inside the panel's own box rather than being cut (panel-style.ts). Everything else (stock,
 * stockout dates, health and its reasons, alerts, the chart) is in the details, which open in an
 * OVERLAY (position: fixed, placed under the panel), so expanding never moves the page's own
 * controls and is not clipped by the grid's `overflow: hidden` cells. The chart is created
 * only when the details open, and destroyed when they close or the row goes away.
 */
import { formatNumber, t, type Language } from '../i18n/page';
import type { PanelData } from '../messaging/protocol';
import { NEEDS_ATTENTION, type UrgencyLevel } from '../planning/urgency';
import { clearanceText, pageTypeName } from './codes';
import { PANEL_STYLE } from './panel-style';
import { glanceAction, overdueText, urgencyWord } from './panel-text';
import { localIsoDate } from '../locale/dates';
import { fillDetails } from './panel-details';
import { div, element, span } from './panel-dom';
import { channelText, coverState, coverText, healthText, reorderText, stockoutText, stockText } from './panel-figures';
import { openPageUrl } from '../platforms/open-page';
import { listingKeyParts } from '../records';

/**
 * How urgent a row is: the one urgency rule's level (lib/planning/urgency.ts), decided in the
 * background from the plan, so the panel, summary bar, popup, badge and notifications agree.
 * @example urgencyOf({ urgency: 'critical' } as PanelData) // 'critical'
 */
export function urgencyOf(panel: Pick<PanelData, 'urgency'>): UrgencyLevel {
  return panel.urgency;
}

/**
 * True when a row needs the seller's attention (critical, reorder due soon, excess, low health).
 * @example isAtRisk({ urgency: 'warning' }) // true
 */
export function isAtRisk(panel: Pick<PanelData, 'urgency'>): boolean {
  return NEEDS_ATTENTION.has(panel.urgency);
}

/** Draws the chart for a panel into `container`; resolves to the function that destroys it. */
export type MountChart = (container: HTMLElement, data: PanelData, language: Language) => Promise<() => void>;

export interface PanelHooks {
  /** Only called when the details open; absent = no chart (e.g. in tests of the compact line). */
  mountChart?: MountChart;
  /**
   * Types a quantity into the row's own editable quantity field the way typing would, never
   * saving; true when it did. Absent where the page has no such field.
   */
  fillQuantity?: (quantity: number) => boolean;
  /** A quantity this page filled into the row's field and the seller has not saved yet. */
  filledQuantity?: number;
  /** Today as an ISO date (tests); default: the browser's local date. A deadline before it reads "overdue since". */
  today?: string;
  /** Opens the options page's import (offered where a listing's sales are unknown); absent = not offered. */
  importOrders?: () => void;
}

/** The "Fill in N" button next to a channel suggestion, when the row has an editable quantity. */
function fillButton(doc: Document, data: PanelData, language: Language, hooks: PanelHooks): HTMLElement | null {
  const c = data.channel;
  if (!c || !hooks.fillQuantity) return null;
  // Read back from the field after a fill: the number is in the page, not saved yet.
  if (hooks.filledQuantity !== undefined && c.listed === hooks.filledQuantity && c.suggested === hooks.filledQuantity) {
    return span(doc, 'muted', 'filled', t(language, 'panel.filled', { quantity: formatNumber(language, hooks.filledQuantity) }));
  }
  if (c.listed === c.suggested) return null;
  const quantity = formatNumber(language, c.suggested);
  const button = element(
    doc,
    'button',
    { type: 'button', class: 'toggle', 'data-testid': 'fill-quantity', 'aria-label': t(language, 'panel.fillLabel', { quantity }) },
    t(language, 'panel.fill', { quantity }),
  );
  button.addEventListener('click', () => {
    if (hooks.fillQuantity!(c.suggested)) {
      button.textContent = t(language, 'panel.filled', { quantity });
      button.disabled = true;
    }
  });
  return button;
}

interface PanelState {
  expanded: boolean;
  /** Destroys the live chart (if any). */
  destroyChart?: () => void;
  /** Bumped on every collapse/re-render, so a chart that finishes loading late is destroyed at once. */
  generation: number;
  /** Removes the scroll/resize listeners that keep the overlay under the panel. */
  unfollow?: () => void;
  /** The panel's <style> where constructed stylesheets cannot be adopted (kept across re-renders). */
  style?: HTMLStyleElement;
  /** True once the shared stylesheet is adopted by this shadow root. */
  adopted?: boolean;
}

const states = new WeakMap<ShadowRoot, PanelState>();
/** Makes the details overlays' ids unique within the page. */
let detailsCount = 0;
/** Shadow roots with something to release (chart, listeners), for sweeping detached rows. */
const live = new Set<ShadowRoot>();

/** One constructed stylesheet per document, shared by every panel (parsed once, not once per row). */
const sheets = new WeakMap<Document, CSSStyleSheet | null>();

function sharedSheet(doc: Document): CSSStyleSheet | null {
  if (sheets.has(doc)) return sheets.get(doc)!;
  let sheet: CSSStyleSheet | null = null;
  try {
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
    if (Sheet && 'adoptedStyleSheets' in doc) {
      sheet = new Sheet();
      sheet.replaceSync(PANEL_STYLE);
    }
  } catch {
    sheet = null;
  }
  sheets.set(doc, sheet);
  return sheet;
}

/**
 * Gives the shadow root the panel CSS: the shared constructed sheet where the browser accepts
 * it, else (e.g. Firefox content scripts, whose sheets belong to another compartment) a
 * <style> of its own. Returns the nodes to put before the panel.
 */
function styleNodes(shadow: ShadowRoot, state: PanelState): Node[] {
  if (state.adopted) return [];
  if (state.style) return [state.style];
  const sheet = sharedSheet(shadow.ownerDocument);
  if (sheet) {
    try {
      if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      if (shadow.adoptedStyleSheets.includes(sheet)) {
        state.adopted = true;
        return [];
      }
    } catch {
      // Fall through to a <style>.
    }
  }
  state.style = shadow.ownerDocument.createElement('style');
  state.style.textContent = PANEL_STYLE;
  return [state.style];
}

/** Releases the chart and listeners of a panel (row gone, or panel re-rendered). */
export function destroyPanel(shadow: ShadowRoot): void {
  const state = states.get(shadow);
  if (!state) return;
  state.generation++;
  state.destroyChart?.();
  state.destroyChart = undefined;
  state.unfollow?.();
  state.unfollow = undefined;
  live.delete(shadow);
}

/** Destroys the charts of panels whose host left the document (the grid dropped the row). */
export function sweepDetachedPanels(): number {
  let swept = 0;
  for (const shadow of [...live]) {
    if (!shadow.host.isConnected) {
      destroyPanel(shadow);
      states.delete(shadow);
      swept++;
    }
  }
  return swept;
}

/** Number of panels holding a live chart or listeners (for tests and the bench). */
export function livePanelCount(): number {
  return live.size;
}

/** Places the overlay under the panel (above it when there is no room below), inside the viewport. */
function placeOverlay(anchor: Element, overlay: HTMLElement): void {
  const view = anchor.ownerDocument.defaultView;
  if (!view) return;
  const rect = anchor.getBoundingClientRect();
  const width = Math.min(420, view.innerWidth - 16);
  const left = Math.max(8, Math.min(rect.left, view.innerWidth - width - 8));
  const height = overlay.offsetHeight || 260;
  const below = rect.bottom + 2;
  const top = below + height > view.innerHeight && rect.top - height - 2 > 0 ? rect.top - height - 2 : below;
  overlay.style.left = `${Math.round(left)}px`;
  overlay.style.top = `${Math.round(top)}px`;
}

/**
 * Where to get a listing's unknown sales, after "Sales unknown": a link to the page that shows
 * them on its marketplace (`open:<page type>` hints), and the order-history import.
 */
function salesSources(doc: Document, data: PanelData, language: Language, hooks: PanelHooks): HTMLElement | null {
  if (!data.salesHint || coverState(data) !== 'salesUnknown') return null;
  const sources = element(doc, 'span', { class: 'sources', 'data-testid': 'sales-sources' });
  const pageType = data.salesHint.startsWith('open:') ? data.salesHint.slice('open:'.length) : undefined;
  const url = pageType && openPageUrl(pageType, listingKeyParts(data.key).marketplace);
  if (pageType && url) {
    const text = t(language, 'panel.salesUnknown.open', { page: pageTypeName(language, pageType) });
    sources.append(element(doc, 'a', { href: url, target: '_blank', rel: 'noopener', 'data-testid': 'sales-open-page' }, text));
  }
  const { importOrders } = hooks;
  if (importOrders) {
    if (url) sources.append(` ${t(language, 'panel.salesUnknown.or')} `);
    const button = element(doc, 'button', { type: 'button', class: 'link', 'data-testid': 'sales-import' }, t(language, 'panel.salesUnknown.import'));
    button.addEventListener('click', () => importOrders());
    sources.append(button);
  }
  return sources.childNodes.length ? sources : null;
}

/** The at-a-glance part: urgency word, days of cover (or what is unknown and where to get it), the one action (numbers first). */
function fillGlance(box: HTMLElement, data: PanelData, language: Language, today: string, hooks: PanelHooks): void {
  const doc = box.ownerDocument;
  box.append(span(doc, 'urgency', 'urgency', urgencyWord(language, data.urgency)));
  box.append(span(doc, 'cover', 'days-of-cover', coverText(language, data)));
  const sources = salesSources(doc, data, language, hooks);
  if (sources) box.append(sources);
  const action = glanceAction(language, data, today);
  if (action) {
    const el = span(doc, action.overdue ? 'action overdue' : 'action', 'action', action.text);
    el.dataset.kind = action.kind;
    box.append(el);
  }
  // The last stored answer, shown while the page's new readings are planned.
  if (data.updating) {
    box.dataset.updating = 'true';
    box.append(span(doc, 'muted', 'updating', t(language, 'panel.updating')));
  }
}

/**
 * The top of the details, built with the panel (small, and what the seller reads first when
 * opening them): stock, stockout, reorder, channel line, health, oversell, clearance.
 */
function summaryBlock(doc: Document, data: PanelData, language: Language, today: string): HTMLElement {
  const summary = element(doc, 'div', { class: 'summary', 'data-testid': 'summary' });
  const line = (className: string, testId: string, text: string | null) => {
    if (text) summary.append(div(doc, className, testId, text));
  };
  line('muted', 'stock', stockText(language, data));
  line('', 'stockout', stockoutText(language, data));
  line(data.reorderDate && overdueText(language, data.reorderDate, today) ? 'warn' : '', 'reorder', reorderText(language, data, today));
  line('warn', 'channel', channelText(language, data));
  line('', 'health', healthText(language, data, today));
  if (data.oversell)
    line(
      'warn',
      'oversell',
      t(language, 'panel.oversell', { listed: formatNumber(language, data.oversell.listedTotal), pool: formatNumber(language, data.oversell.poolAvailable) }),
    );
  // Keeping the price asks nothing of the seller: said, not flagged.
  if (data.clearance) line(data.clearance.action === 'hold' ? '' : 'warn', 'clearance', clearanceText(language, data.clearance));
  return summary;
}

/**
 * Replaces the shadow root's content with the panel for `data` (or a pending note). An open
 * panel stays open across re-renders (its chart is redrawn for the new data).
 * @example renderPanel(host.shadowRoot!, panel, 'zh-CN', { mountChart })
 */
export function renderPanel(shadow: ShadowRoot, data: PanelData | undefined, language: Language, hooks: PanelHooks = {}): void {
  const doc = shadow.ownerDocument;
  const state = states.get(shadow) ?? { expanded: false, generation: 0 };
  states.set(shadow, state);
  destroyPanel(shadow);

  const style = styleNodes(shadow, state);
  const box = element(doc, 'div', { class: 'panel', role: 'group', 'aria-label': t(language, 'panel.label', { sku: data?.sku ?? '' }) });
  if (!data) {
    box.dataset.urgency = 'unknown';
    box.append(span(doc, 'muted', 'pending', t(language, 'panel.pending')));
    state.expanded = false;
    shadow.replaceChildren(...style, box);
    return;
  }
  box.dataset.urgency = urgencyOf(data);
  const today = hooks.today ?? localIsoDate(new Date());
  fillGlance(box, data, language, today, hooks);

  const fill = fillButton(doc, data, language, hooks);
  if (fill) box.append(fill);
  const setExpanded = addDetailsToggle(shadow, box, data, language, hooks, state, summaryBlock(doc, data, language, today));
  shadow.replaceChildren(...style, box);
  setExpanded(state.expanded);
}

/**
 * Appends the details toggle and its (still empty) overlay to the panel box; returns the
 * function that opens or closes the details.
 */
function addDetailsToggle(
  shadow: ShadowRoot,
  box: HTMLElement,
  data: PanelData,
  language: Language,
  hooks: PanelHooks,
  state: PanelState,
  summary: HTMLElement,
): (expanded: boolean) => void {
  const doc = box.ownerDocument;
  const detailsId = `sc-details-${(++detailsCount).toString(36)}`;
  // The overlay's box exists from the start (the toggle's aria-controls points at it); its content is built on first expand.
  const details = element(doc, 'div', { id: detailsId, class: 'details', role: 'region', 'data-testid': 'details' });
  details.hidden = true;
  details.append(summary);
  let filled = false;
  const toggle = element(doc, 'button', { type: 'button', class: 'toggle', 'aria-controls': detailsId, 'data-testid': 'toggle' });
  box.append(toggle, details);

  const setExpanded = (expanded: boolean) => {
    state.expanded = expanded;
    toggle.setAttribute('aria-expanded', String(expanded));
    // A 24 x 24 chevron keeps the glance on one line in a product cell; its name is the translated label (also the tooltip).
    toggle.textContent = expanded ? '\u25B4' : '\u25BE';
    const label = expanded ? t(language, 'panel.collapse') : t(language, 'panel.expandLabel', { sku: data.sku });
    toggle.setAttribute('aria-label', label);
    toggle.title = label;
    details.hidden = !expanded;
    destroyPanel(shadow);
    if (!expanded) return;
    if (!filled) {
      filled = true;
      details.setAttribute('aria-label', t(language, 'panel.label', { sku: data.sku }));
      fillDetails(details, data, language, hooks.today ?? localIsoDate(new Date()));
    }
    live.add(shadow);
    placeOverlay(box, details);
    followOverlay(box, details, state);
    showChart(details, data, language, hooks, state);
  };
  toggle.addEventListener('click', () => setExpanded(!state.expanded));
  // Escape closes the details and gives the focus back to the button.
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.expanded) {
      event.stopPropagation();
      setExpanded(false);
      toggle.focus();
    }
  });
  return setExpanded;
}

/** Keeps the open overlay under the panel while the page scrolls or resizes (undone by destroyPanel). */
function followOverlay(box: HTMLElement, details: HTMLElement, state: PanelState): void {
  const view = box.ownerDocument.defaultView;
  if (!view) return;
  const follow = () => placeOverlay(box, details);
  view.addEventListener('scroll', follow, { capture: true, passive: true });
  view.addEventListener('resize', follow, { passive: true });
  state.unfollow = () => {
    view.removeEventListener('scroll', follow, { capture: true });
    view.removeEventListener('resize', follow);
  };
}

/**
 * Draws the chart into the open details (hidden when there is no chart hook). A chart that
 * finishes loading after the panel closed or re-rendered is destroyed at once.
 */
function showChart(details: HTMLElement, data: PanelData, language: Language, hooks: PanelHooks, state: PanelState): void {
  const doc = details.ownerDocument;
  const chart = details.querySelector<HTMLElement>('[data-testid="chart"]')!;
  if (!hooks.mountChart) {
    chart.hidden = true;
    return;
  }
  chart.hidden = false;
  chart.replaceChildren(element(doc, 'span', { class: 'muted' }, t(language, 'panel.chartLoading')));
  const generation = state.generation;
  hooks.mountChart(chart, data, language).then(
    (destroy) => {
      if (state.generation !== generation) destroy();
      else state.destroyChart = destroy;
    },
    (error: unknown) => {
      if (state.generation === generation)
        chart.replaceChildren(
          element(doc, 'span', { class: 'muted' }, t(language, 'panel.chartUnavailable', { message: error instanceof Error ? error.message : String(error) })),
        );
    },
  );
}

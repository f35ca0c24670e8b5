/**
 * Keeps exactly one panel in each visible row, showing that row's SKU. React grids replace,
 * reuse and reorder row elements without a page load; each sync makes the DOM agree with the
 * rows as they are now: a panel whose row now shows another SKU is re-rendered, a row without
 * one gets one, and a panel whose row is gone (or was never a row) is removed.
 */
import type { Language } from '../i18n/page';
import type { TaughtHeader } from '../locale/headers';
import type { PanelData } from '../messaging/protocol';
import type { EditableQuantityLocator, PanelPlacement, RowAnchor } from '../platforms/types';
import { fillQuantityInput, findQuantityInput, quantityFieldFinder } from './fill-quantity';
import { fitHost, isStrip, panelContainer, STRIP_SELECTOR, sweepEmptyStrips } from './panel-placement';
import { destroyPanel, renderPanel, sweepDetachedPanels, type PanelHooks } from './panel-view';

/** Panel hooks plus what row panels need to give each row its own. */
export interface RowPanelHooks extends PanelHooks {
  /**
   * The page type's editable quantity field (PageAdapter.editableQuantity): rows that have one
   * get `fillQuantity`, which types the suggestion into that row's field (never saving).
   */
  quantityField?: EditableQuantityLocator;
  /** The columns the seller taught on this page (asked at each pass): the quantity field's column may be one. */
  taughtColumns?: () => readonly TaughtHeader[];
  /** The page type's panel placement (PageAdapter.panelPlacement). */
  placement?: PanelPlacement;
}

export const PANEL_TAG = 'stock-copilot-panel';

/**
 * The slot's own panel, if it has one (a child walk: a selector query per row is slow in big
 * grids). A strip may hold the panels of several lines of one row (an order with two
 * products): there the panel is the one showing `sku`.
 */
function panelIn(slot: Element, sku: string): HTMLElement | null {
  const strip = isStrip(slot) || (slot.parentElement !== null && isStrip(slot.parentElement));
  for (let child = slot.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === PANEL_TAG && (!strip || (child as HTMLElement).dataset.sku === sku)) return child as HTMLElement;
  }
  return null;
}

/** The row each panel shows (a strip's panel is outside its row). */
const rowOfPanel = new WeakMap<Element, Element>();

/** JSON of each answer, kept while the answer object lives: unchanged rows are compared without re-serialising. */
const serialised = new WeakMap<PanelData, string>();

function dataSignature(data: PanelData | undefined): string {
  if (!data) return 'pending';
  let json = serialised.get(data);
  if (json === undefined) {
    json = JSON.stringify(data);
    serialised.set(data, json);
  }
  return json;
}

/**
 * True while `row` still shows `sku`: its data-sku when it has one, else its text. A grid may
 * reuse a row element for another listing before the next read re-renders the panel.
 */
function rowShows(row: Element, sku: string): boolean {
  const attr = row.getAttribute('data-sku');
  return attr !== null ? attr.trim() === sku : (row.textContent ?? '').includes(sku);
}

/**
 * The row's fill hook: looks the field up again at click time (grids re-render rows and
 * inputs), and refuses when the panel or the row no longer belongs to this listing.
 */
function fillHook(
  host: HTMLElement,
  row: Element,
  sku: string,
  locator: EditableQuantityLocator,
  taught: () => readonly TaughtHeader[],
): (quantity: number) => boolean {
  return (quantity) => {
    if (!host.isConnected || rowOfPanel.get(host) !== row || host.dataset.sku !== sku || !rowShows(row, sku)) return false;
    const input = findQuantityInput(row, locator, taught());
    const done = input ? fillQuantityInput(input, quantity) : false;
    if (done) filledInPage.set(sku, quantity);
    return done;
  };
}

/**
 * Quantities this page filled in and the seller has not saved yet, by SKU. The page is read
 * again right after a fill (the field's value is what the row shows), so the panel would lose
 * its "review and save" note; it keeps it while the row shows the filled number.
 */
const filledInPage = new Map<string, number>();

interface SyncStats {
  created: number;
  rendered: number;
  removed: number;
}

/**
 * Makes the panels under `root` match `anchors`.
 * @example syncRowPanels(document, read.anchors, panelsBySku, 'en') // { created: 25, rendered: 25, removed: 0 }
 */
export function syncRowPanels(
  root: ParentNode,
  anchors: RowAnchor[],
  panels: ReadonlyMap<string, PanelData>,
  language: Language,
  hidden = false,
  hooks: RowPanelHooks = {},
): SyncStats {
  const stats: SyncStats = { created: 0, rendered: 0, removed: 0 };
  const live = new Set<Element>();
  const { quantityField, placement, taughtColumns = () => [], ...panelHooks } = hooks;
  if (!hidden) {
    // Rows with an editable quantity field get a fill hook; the header is read once per pass.
    const fieldOf = quantityField ? quantityFieldFinder(quantityField, taughtColumns()) : undefined;
    for (const anchor of anchors) {
      const { sku, element } = anchor;
      const slot = panelContainer(anchor, placement);
      let host = panelIn(slot, sku);
      if (!host || live.has(host)) {
        host = element.ownerDocument.createElement(PANEL_TAG);
        host.attachShadow({ mode: 'open' });
        fitHost(host, slot);
        slot.append(host);
        stats.created++;
      }
      live.add(host);
      rowOfPanel.set(host, element);
      const data = panels.get(sku);
      // Only a row with a channel line (what the button fills in) pays for the field lookup.
      const fillable = !!fieldOf && !!data?.channel && fieldOf(element) !== null;
      // The signature covers everything rendered, so an unchanged row costs no DOM writes.
      const filled = filledInPage.get(sku);
      const signature = `${language}|${sku}|${fillable ? 'fill|' : ''}${filled ?? ''}|${dataSignature(data)}`;
      if (host.dataset.signature !== signature) {
        host.dataset.sku = sku;
        host.dataset.signature = signature;
        const rowHooks = fillable
          ? {
              ...panelHooks,
              fillQuantity: fillHook(host, element, sku, quantityField!, taughtColumns),
              ...(filled !== undefined ? { filledQuantity: filled } : {}),
            }
          : panelHooks;
        renderPanel(host.shadowRoot!, data, language, rowHooks);
        stats.rendered++;
      }
    }
  }
  for (const host of root.querySelectorAll(PANEL_TAG)) {
    if (!live.has(host)) {
      if (host.shadowRoot) destroyPanel(host.shadowRoot);
      host.remove();
      stats.removed++;
    }
  }
  sweepEmptyStrips(root, PANEL_TAG);
  // Rows the page removed itself (its panels went with them): release their charts.
  sweepDetachedPanels();
  return stats;
}

/** Elements the content script adds to the page: the row panels, their strips and the summary bar (summary-bar.ts SUMMARY_TAG). */
const OWN_TAGS = `${PANEL_TAG}, ${STRIP_SELECTOR}, stock-copilot-summary`;

/**
 * True when a mutation only concerns our own panels or summary bar, so observing the page does
 * not loop on our writes (nor re-read the page because the bar appeared).
 */
export function isOwnMutation(record: MutationRecord): boolean {
  const ours = (node: Node) => node.nodeType === 1 && (node as Element).closest?.(OWN_TAGS) != null;
  if (record.type === 'attributes' || record.type === 'characterData') {
    const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
    return target ? ours(target) : false;
  }
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(ours);
}

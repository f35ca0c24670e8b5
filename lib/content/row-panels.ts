/**
 * Keeps exactly one panel in each visible row, showing that row's SKU. React grids replace,
 * reuse and reorder row elements without a page load; each sync makes the DOM agree with the
 * rows as they are now: a panel whose row now shows another SKU is re-rendered, a row without
 * one gets one, and a panel whose row is gone (or was never a row) is removed.
 */
import type { Language } from '../i18n';
import type { PanelData } from '../messaging/protocol';
import type { RowAnchor } from '../platforms/types';
import { destroyPanel, renderPanel, sweepDetachedPanels, type PanelHooks } from './panel-view';

export const PANEL_TAG = 'stock-copilot-panel';

/** Where in a row the panel goes: table rows get it inside their last cell (a bare child of <tr> would break the table). */
function panelSlot(row: Element): Element {
  if (row.tagName === 'TR') {
    const cells = row.querySelectorAll(':scope > td, :scope > th');
    return cells[cells.length - 1] ?? row;
  }
  return row;
}

export interface SyncStats {
  created: number;
  rendered: number;
  removed: number;
}

/**
 * Makes the panels under `root` match `anchors`.
 * @example syncRowPanels(document, read.anchors, panelsBySku, 'en') // { created: 25, rendered: 25, removed: 0 }
 */
export function syncRowPanels(
  root: ParentNode, anchors: RowAnchor[], panels: ReadonlyMap<string, PanelData>, language: Language, hidden = false, hooks: PanelHooks = {},
): SyncStats {
  const stats: SyncStats = { created: 0, rendered: 0, removed: 0 };
  const live = new Set<Element>();
  if (!hidden) {
    for (const { sku, element, panelSlot: chosen } of anchors) {
      const slot = chosen && element.contains(chosen) ? chosen : panelSlot(element);
      let host = slot.querySelector(`:scope > ${PANEL_TAG}`) as HTMLElement | null;
      if (!host) {
        host = element.ownerDocument.createElement(PANEL_TAG);
        host.attachShadow({ mode: 'open' });
        slot.append(host);
        stats.created++;
      }
      live.add(host);
      const data = panels.get(sku);
      // The signature covers everything rendered, so an unchanged row costs no DOM writes.
      const signature = `${language}|${sku}|${data ? JSON.stringify(data) : 'pending'}`;
      if (host.dataset.signature !== signature) {
        host.dataset.sku = sku;
        host.dataset.signature = signature;
        renderPanel(host.shadowRoot!, data, language, hooks);
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
  // Rows the page removed itself (its panels went with them): release their charts.
  sweepDetachedPanels();
  return stats;
}

/** True when a mutation only concerns our own panels, so observing the page does not loop on our writes. */
export function isOwnMutation(record: MutationRecord): boolean {
  const ours = (node: Node) => node.nodeType === 1 && ((node as Element).tagName.toLowerCase() === PANEL_TAG || (node as Element).closest?.(PANEL_TAG) !== null);
  if (record.type === 'attributes' || record.type === 'characterData') {
    const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
    return target ? ours(target) : false;
  }
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(ours);
}

/**
 * The contract every page adapter keeps (one adapter per page type, in
 * lib/platforms/<platform>/<page>.ts). Adapters are plain functions of a DOM root, so they
 * run unchanged in the content script, in vitest (happy-dom) and in benchmarks.
 */
import type { Marketplace } from '../locale/markets';
import type { Observation, Platform, ReadResult } from '../records';

export interface ReadContext {
  url: URL;
  market: Marketplace;
  /** Time of the reading; records get observedAt/observedDate from it. */
  now: Date;
}

/** A row element on the page and the SKU it shows: where a panel is mounted. */
export interface RowAnchor {
  sku: string;
  element: Element;
  /**
   * The element inside the row that should hold the panel (e.g. the product-details cell of a
   * grid row, so the panel sits under the SKU instead of squeezing the row's columns). Default:
   * the row itself, or the last cell of a table row.
   */
  panelSlot?: Element;
}

export interface PageRead extends ReadResult<Observation> {
  anchors: RowAnchor[];
}

export interface PageAdapter {
  /** Stable id, also the `source` of its records, e.g. "amazon/manage-inventory". */
  id: string;
  platform: Platform;
  /** Human name for diagnostics and settings ("Manage All Inventory"). */
  title: string;
  /** True for this page type's URLs only (host already known to be a seller host). */
  matches(url: URL): boolean;
  /**
   * Reads what the page shows. Never throws: anything not understood becomes a diagnostic.
   * Returns no rows (and a diagnostic) rather than guessed numbers.
   */
  parse(root: ParentNode, ctx: ReadContext): PageRead;
  /**
   * CSS selector of the element that changes when rows are added, replaced or re-sorted,
   * so the content script knows where to observe. Fallback: document.body.
   */
  containerSelector?: string;
}

/**
 * The contract every page adapter keeps (one adapter per page type, in
 * lib/platforms/<platform>/<page>.ts). Adapters are plain functions of a DOM root, so they
 * run unchanged in the content script, in vitest (happy-dom) and in benchmarks.
 */
import type { HeaderField, TaughtHeader } from '../locale/headers';
import type { Marketplace } from '../locale/markets';
import type { ShipmentReading } from '../inbound/shipments';
import type { FulfillmentChannel, Observation, Platform, ReadResult } from '../records';

export interface ReadContext {
  url: URL;
  market: Marketplace;
  /** Time of the reading; records get observedAt/observedDate from it. */
  now: Date;
  /**
   * Columns the seller taught on this page type and marketplace (the content script passes the
   * stored ones): they win over the header synonyms. Absent: none taught.
   */
  taughtColumns?: readonly TaughtHeader[];
  /**
   * The channel each SKU was read with before on this page type and marketplace (the weakest
   * clue to who ships, lib/platforms/shared/fulfilment.ts). Absent: no history given.
   */
  fulfillmentHistory?: ReadonlyMap<string, FulfillmentChannel>;
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
  /**
   * Inbound shipments: on Amazon's Shipments page one per row, without SKUs; on one shipment's
   * contents page that shipment with the SKUs it holds (lib/inbound/shipments.ts). Absent elsewhere.
   */
  shipments?: ShipmentReading[];
  /** Which signal found each field, and how sure it is (lib/platforms/shared/signals.ts). Absent: the reader does not say. */
  sources?: FieldSource[];
}

/**
 * Every signal a reader finds a field by, strongest first: the order in which they win when
 * they disagree (lib/platforms/shared/signals.ts resolveClues).
 */
export const SIGNALS = ['taught', 'header', 'label', 'link', 'page-type', 'hint', 'input', 'fnsku', 'history'] as const;
export type Signal = (typeof SIGNALS)[number];
export type Confidence = 'strong' | 'weak';

/** Which signal found a field of a reading, and on how many rows. */
export interface FieldSource {
  field: string;
  signal: Signal;
  confidence: Confidence;
  /** `column`: the field's column was found once for the page; `row`: told row by row. */
  scope: 'column' | 'row';
  /** Rows the signal gave the field on (row scope). */
  rows?: number;
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
   * The path a link to the seller's own page of this type opens on any of the platform's hosts
   * (e.g. the guided start's "open these pages once"); `matches` accepts it. Absent: the page is
   * not one we send the seller to.
   */
  openPath?: string;
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
  /**
   * Where a row's editable quantity field is, on page types whose rows have one (the seller
   * types the listed quantity in and saves). Declared here, found by lib/content/fill-quantity.ts,
   * so the panel can offer to fill the suggested quantity in. Absent: no such field.
   */
  editableQuantity?: EditableQuantityLocator;
  /**
   * Where this page type's row panels go so that showing them never widens the page and a row
   * grows by at most one line (lib/content/panel-placement.ts). Absent: the anchor's panelSlot,
   * else the row's last cell (what tests' ad-hoc adapters get).
   */
  panelPlacement?: PanelPlacement;
}

/**
 * A page type's panel placement, with the UI variant it was chosen for:
 * - `cell`: inside one cell of the row that has room (the product cell): the anchor's
 *   panelSlot when the adapter gives one, else the row's child cell matching `cell`;
 * - `strip`: on a line of its own under the row's cells, spanning all its columns: a `<tr>`
 *   whose one cell spans every column after a table row; the row's last child (a grid item
 *   spanning every column) in a block or row-flow grid row; a row under a CSS table row; a
 *   block after any other row. No column is squeezed or widened.
 */
export interface PanelPlacement {
  where: 'cell' | 'strip';
  /** `cell` only: selector of the row's child cell that holds the panel, tried when the anchor has no panelSlot. */
  cell?: string;
  /** The page's UI variant this placement was measured on (for the next person who looks). */
  variant: string;
}

/**
 * A declarative description of a row's editable quantity field: the column (by header text in
 * any UI language), then the control inside that column's cell. Several signals must agree
 * (column header, control type, the control's own labels); position or hashed class names alone
 * never decide.
 */
export interface EditableQuantityLocator {
  /** The header field (lib/locale/headers.ts) whose column holds the field, e.g. 'available'. */
  column: HeaderField;
  /** The grid around a row (closest ancestor matching); its header cells are searched inside it. Default: the row's document. */
  grid?: string;
  /** Selectors of the header cells in column order; the first that matches anything is used. */
  headerCells: readonly string[];
  /**
   * Which children of a row are cells, when the row has more children than there are headers
   * (a row with exactly as many children as headers uses them all).
   */
  rowCells: string;
  /**
   * The control inside the column's cell, tried in order; exactly one enabled, editable match
   * is needed (two are ambiguous: nothing is filled). `shadow`: the match is a web component
   * whose open shadow root holds the real `<input>`.
   */
  inputs: readonly { selector: string; shadow?: boolean }[];
  /**
   * Words (lower case) of which one must appear in the control's name, aria-label, id,
   * placeholder or label when it has any of those: a control labelled as something else (a price)
   * is refused. A control with no label at all is accepted on the column and type alone.
   */
  labels: readonly string[];
}

/**
 * URLs a page type is tested against (tests/conformance/page-types.test.ts): real-looking
 * addresses of the page, and near misses it must not be picked for.
 */
export interface PageExamples {
  /** The page is picked for each (adapterForUrl), and no other page type is. The first is where tests read its fixtures. */
  matches: readonly string[];
  /** The page is never picked for any: a sibling page, a filter it does not read, the same path on a host that is no seller site. */
  doesNotMatch: readonly string[];
}

/** One field a page type reads, whether the page is refused without it, and the signals that find it. */
export interface FieldDeclaration {
  /** A header field (lib/locale/headers.ts HeaderField), or `fulfillment` on pages that tell the channel without a column. */
  field: string;
  /** Without it nothing is read from the page (a `missing-column` error); an optional one missing is a warning at most. */
  required: boolean;
  /** The signals a reader tries for it (SIGNALS order = which wins); the header synonyms themselves stay in lib/locale/headers.ts. */
  signals: readonly Signal[];
}

/**
 * A page type as declared once by `definePage` (lib/platforms/shared/define-page.ts): the adapter,
 * plus what the registry test, settings and views derive from it. Its name in both languages is the
 * `pageType.<id>` string of lib/i18n/messages-popup.ts (the catalogue stays the one place for words).
 */
export interface PageDeclaration extends PageAdapter {
  examples: PageExamples;
  fields: readonly FieldDeclaration[];
  /** Required here: every declared page says which element to observe. */
  containerSelector: string;
}

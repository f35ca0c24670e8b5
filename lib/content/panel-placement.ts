/**
 * Where a row's panel goes on the seller's page (PageAdapter.panelPlacement): inside a cell that
 * has room, or in a strip of its own under the row. A panel put into the row's last cell
 * stretches that column (pages grew from 1,440 to 2,500 px wide and rows doubled in height); a
 * strip spans all columns, so the columns keep their widths and the row gains one line.
 */
import type { PanelPlacement, RowAnchor } from '../platforms/types';

/** The strip after a grid (non-table) row. */
const STRIP_TAG = 'stock-copilot-strip';
/** Marks the `<tr>` strip after a table row (a table only takes `<tr>` children). */
const STRIP_ATTRIBUTE = 'data-stock-copilot-strip';
/** Both kinds of strip, for finding and sweeping them. */
export const STRIP_SELECTOR = `${STRIP_TAG}, tr[${STRIP_ATTRIBUTE}]`;

/**
 * Inline styles of our own strip elements: the page's CSS styles every `th` and block, and a
 * strip must add nothing but the panel (no padding, border or background of the page's cells).
 * `grid-column` makes a block strip span every column when the row's parent is a CSS grid.
 */
const TABLE_STRIP_CELL_STYLE = 'padding:0;margin:0;border:0;background:transparent;text-align:start;font-weight:normal;vertical-align:top';
const BLOCK_STRIP_STYLE = 'display:block;grid-column:1/-1;box-sizing:border-box;max-width:100%;margin:0;padding:0;border:0';
/**
 * A CSS table row (`display: table-row`, e.g. Katal's kat-table-row) has no colspan: its strip is
 * a table row whose one cell sits in the first column, and the panel, in a zero-width host, draws
 * across the strip's empty columns without widening the first one.
 */
const TABLE_ROW_STRIP_STYLE = 'display:table-row;margin:0;padding:0;border:0';
const TABLE_ROW_STRIP_CELL_STYLE = 'display:table-cell;padding:0;margin:0;border:0;background:transparent';
const ZERO_WIDTH_HOST_STYLE = 'display:block;width:0;overflow:visible';
/** A panel inside a grid or block row, under its cells: a grid item spanning every column (a plain block in a block row). */
const IN_ROW_HOST_STYLE = 'grid-column:1/-1';
/**
 * How a row's strip is laid out: `in-row` (a block row, or a grid row placing items in rows,
 * takes the panel as a full-width last child), `table-row` (a CSS table row), `after` (anything
 * else: flex rows, column-flow grids, inline rows get a block after them).
 */
type RowLayout = 'in-row' | 'table-row' | 'after';
/** Each parent's rows' layout (rows of one grid share it: the style is asked once, not per row and pass). */
const rowLayouts = new WeakMap<Element, RowLayout>();

function rowLayout(row: Element): RowLayout {
  const parent = row.parentElement ?? row;
  let layout = rowLayouts.get(parent);
  if (layout === undefined) {
    const style = row.ownerDocument.defaultView?.getComputedStyle(row);
    const display = style?.display ?? 'block';
    const grid = (display === 'grid' || display === 'inline-grid') && !(style?.gridAutoFlow ?? '').startsWith('column');
    layout = display === 'table-row' ? 'table-row' : display === 'block' || grid ? 'in-row' : 'after';
    rowLayouts.set(parent, layout);
  }
  return layout;
}
/** Marks the element inside a strip that holds the panels; `overflow`: a zero-width cell whose panels draw across the row. */
const STRIP_CELL_ATTRIBUTE = 'data-stock-copilot-strip-cell';

/** The row's last table cell (a bare child of `<tr>` would break the table), or the row itself. */
function lastCell(row: Element): Element {
  if (row.tagName === 'TR') {
    for (let cell = row.lastElementChild; cell; cell = cell.previousElementSibling) {
      if (cell.tagName === 'TD' || cell.tagName === 'TH') return cell;
    }
  }
  return row;
}

/** The row's child matching `selector` (a selector the browser refuses matches nothing). */
function childMatching(row: Element, selector: string): Element | null {
  for (let child = row.firstElementChild; child; child = child.nextElementSibling) {
    try {
      if (child.matches(selector)) return child;
    } catch {
      return null;
    }
  }
  return null;
}

/** Columns a table row spans (each cell's colspan), so its strip spans them all. */
function columnCount(row: Element): number {
  let count = 0;
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (cell.tagName === 'TD' || cell.tagName === 'TH') count += Math.max(1, (cell as HTMLTableCellElement).colSpan || 1);
  }
  return Math.max(1, count);
}

/**
 * True when `node` is one of our strips.
 * @example isStrip(document.createElement('stock-copilot-strip')) // true
 */
export function isStrip(node: Element): boolean {
  return node.localName === STRIP_TAG || (node.tagName === 'TR' && node.hasAttribute(STRIP_ATTRIBUTE));
}

/**
 * The strip right after `row` (made when there is none), and the element inside it that holds
 * panels. Table strips use a `<th>` cell: the readers take only rows with `<td>` cells as data
 * rows (lib/platforms/shared/grid.ts), so a strip is never read as a listing.
 */
function stripAfter(row: Element): Element {
  const next = row.nextElementSibling;
  if (next && isStrip(next)) return next.firstElementChild?.hasAttribute(STRIP_CELL_ATTRIBUTE) ? next.firstElementChild : next;
  const doc = row.ownerDocument;
  if (row.tagName === 'TR') {
    const strip = doc.createElement('tr');
    strip.setAttribute(STRIP_ATTRIBUTE, '');
    const cell = doc.createElement('th');
    cell.setAttribute(STRIP_CELL_ATTRIBUTE, '');
    cell.colSpan = columnCount(row);
    cell.setAttribute('style', TABLE_STRIP_CELL_STYLE);
    strip.append(cell);
    row.after(strip);
    return cell;
  }
  const strip = doc.createElement(STRIP_TAG);
  row.after(strip);
  if (rowLayout(row) !== 'table-row') {
    strip.setAttribute('style', BLOCK_STRIP_STYLE);
    return strip;
  }
  strip.setAttribute('style', TABLE_ROW_STRIP_STYLE);
  const cell = doc.createElement('div');
  cell.setAttribute(STRIP_CELL_ATTRIBUTE, 'overflow');
  cell.setAttribute('style', TABLE_ROW_STRIP_CELL_STYLE);
  strip.append(cell);
  return cell;
}

/**
 * Styles a new panel host for its container: in a CSS-table strip's cell, a zero-width host
 * whose panel (`:host([data-overflow])` in panel-style.ts) draws across the row.
 * @example fitHost(host, container) // host.hasAttribute('data-overflow') when container is such a cell
 */
export function fitHost(host: HTMLElement, container: Element): void {
  if (container.getAttribute(STRIP_CELL_ATTRIBUTE) === 'overflow') {
    host.setAttribute('style', ZERO_WIDTH_HOST_STYLE);
    host.setAttribute('data-overflow', '');
  } else if (container.tagName !== 'TR' && !isStrip(container) && !container.hasAttribute(STRIP_CELL_ATTRIBUTE) && inRowStrip.has(container)) {
    host.setAttribute('style', IN_ROW_HOST_STYLE);
  }
}

/** Rows that hold their own strip (grid and block rows), so fitHost styles their panels. */
const inRowStrip = new WeakSet<Element>();

/**
 * The element that holds `anchor`'s panel under `placement`; a strip is created on first use.
 * @example panelContainer({ sku: 'A', element: tr }, { where: 'strip', variant: 'shui grid' }) // the <th colspan> of the <tr> after tr
 */
export function panelContainer(anchor: RowAnchor, placement: PanelPlacement | undefined): Element {
  const row = anchor.element;
  if (placement?.where === 'strip') {
    // A grid or block row takes the strip inside it (the panel stays in the row the page owns); a
    // table row, CSS table row or flex row gets one after it.
    if (row.tagName !== 'TR' && rowLayout(row) === 'in-row') {
      inRowStrip.add(row);
      return row;
    }
    return stripAfter(row);
  }
  if (anchor.panelSlot && row.contains(anchor.panelSlot)) return anchor.panelSlot;
  if (!placement) return lastCell(row);
  return (placement.cell ? childMatching(row, placement.cell) : null) ?? stripAfter(row);
}

/**
 * Removes strips that hold no panel any more (their row went away, or panels were hidden).
 * @example sweepEmptyStrips(document, 'stock-copilot-panel') // 3
 */
export function sweepEmptyStrips(root: ParentNode, panelTag: string): number {
  let removed = 0;
  for (const strip of root.querySelectorAll(STRIP_SELECTOR)) {
    if (!strip.querySelector(panelTag)) {
      strip.remove();
      removed++;
    }
  }
  return removed;
}

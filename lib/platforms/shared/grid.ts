/**
 * Finding a table on a page by what its header says, whatever markup renders it: a plain
 * `<table>`, Amazon's Katal `<kat-table>` elements, or an ARIA grid of `div`s (Walmart's
 * React app). Hashed class names are never relied on.
 */
import { mapHeaders, type HeaderField, type HeaderMap, type MachineHints, type TaughtHeader } from '../../locale/headers';
import { cellText } from './read';
import { ageBucketOf } from '../../locale/age-buckets';

export interface Grid<F extends HeaderField> {
  /** The element holding the header and rows (observe this for re-renders). */
  container: Element;
  headers: string[];
  /** Each column's machine hints (machineHints of its header cell, and addBodyHints of its body cells where the adapter declares hints), in column order. */
  hints: string[][];
  map: HeaderMap<F>;
  rows: Element[];
  cellsOf(row: Element): Element[];
}

interface Shape {
  /** Selector of candidate containers. */
  containers: string;
  headerCells(container: Element): Element[];
  rows(container: Element): Element[];
  cellsOf(row: Element): Element[];
}

const isCell = (el: Element) =>
  el.tagName === 'TD' ||
  el.tagName === 'TH' ||
  el.tagName === 'KAT-TABLE-CELL' ||
  el.getAttribute('role') === 'cell' ||
  el.getAttribute('role') === 'gridcell' ||
  el.getAttribute('role') === 'rowheader';

/** The cell children of a row, walked as siblings (no HTMLCollection copy per row). */
const childCells = (row: Element): Element[] => {
  const cells: Element[] = [];
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (isCell(c)) cells.push(c);
  return cells;
};

/** True when a table row has a `td` child (a body row, not a header row of `th`s). */
const hasTdChild = (row: Element): boolean => {
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'TD') return true;
  return false;
};

const SHAPES: Shape[] = [
  {
    // Plain tables (eBay Seller Hub grid, Walmart tables, Amazon orders-v3).
    containers: 'table',
    headerCells: (t) => {
      const headRow = t.querySelector(':scope > thead > tr') ?? t.querySelector('tr');
      return headRow ? Array.from(headRow.children).filter((c) => c.tagName === 'TH' || c.tagName === 'TD') : [];
    },
    rows: (t) => {
      const rows: Element[] = [];
      for (let body = t.firstElementChild; body; body = body.nextElementSibling) {
        if (body.tagName !== 'TBODY') continue;
        for (let r = body.firstElementChild; r; r = r.nextElementSibling) if (r.tagName === 'TR' && hasTdChild(r)) rows.push(r);
      }
      return rows;
    },
    cellsOf: childCells,
  },
  {
    // Amazon Katal web components (FBA Inventory, Restock).
    containers: 'kat-table',
    headerCells: (t) => {
      const head = t.querySelector('kat-table-head kat-table-row');
      return head ? Array.from(head.children).filter((c) => c.tagName === 'KAT-TABLE-CELL') : [];
    },
    rows: (t) => Array.from(t.querySelectorAll('kat-table-body > kat-table-row')),
    cellsOf: (r) => {
      const cells: Element[] = [];
      for (let c = r.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'KAT-TABLE-CELL') cells.push(c);
      return cells;
    },
  },
  {
    // ARIA grids built of divs (React apps).
    containers: '[role="table"], [role="grid"], [role="treegrid"]',
    headerCells: (t) => {
      const first = t.querySelector('[role="columnheader"]');
      const row = first?.closest('[role="row"]');
      return row ? Array.from(row.querySelectorAll('[role="columnheader"]')) : [];
    },
    rows: (t) =>
      Array.from(t.querySelectorAll('[role="row"]')).filter(
        (r) => !r.querySelector('[role="columnheader"]') && r.closest('[role="table"], [role="grid"], [role="treegrid"]') === t,
      ),
    cellsOf: childCells,
  },
];

/** Attributes whose values name a column in the page's own code (not seller data). */
const HINT_ATTRIBUTES = [
  'data-column',
  'data-col',
  'data-field',
  'data-key',
  'data-automation-id',
  'data-testid',
  'data-test-id',
  'data-cy',
  'col-id',
  'column',
  // What the page's code tells a screen reader a cell is ("price", "available" on Manage All
  // Inventory's quantity and price inputs).
  'aria-label',
];
/** Katal components' own attributes (`<kat-table-cell kat-column="sku">`) name a column in Amazon's code, whatever the element. */
const KAT_ATTRIBUTE = /^(?:data-)?kat-/;
/**
 * A CSS-module build hash at the end of a class ("JanusTable-module__cell--MGDsi",
 * "HeaderCell_headercell__MsMip"): five letters and digits mixing cases, after `--` or `__`. It
 * changes between builds. ("shui-dt-column__title" keeps its all-lower-case name.)
 */
const CLASS_HASH = /(?:--|__)(?=[A-Za-z0-9]{5}$)(?=.*[a-z])(?=.*[A-Z0-9])[A-Za-z0-9]{5}$/;
/**
 * A position, not a name ("column-header-0", "col-3", a bare "7"): reordering columns changes
 * it. A name may end in a number that is no position ("units-sold-30", Amazon's data-cy).
 */
const POSITIONAL = /^\d+$|(?:col|column|header|cell|index|idx|pos|position)[-_]?\d+$/i;

/**
 * A header cell's machine hints: the attribute values and column-like class names the page's
 * code gives it (and its direct children, e.g. a sort button), as `name=value` strings, most
 * specific first: the HINT_ATTRIBUTES (aria-label included), Katal's `kat-*` attributes, and
 * column-like class names. Build hashes are cut off class names; values that are positions are
 * left out (they move with the column order); at most 8 hints.
 * @example machineHints(<th class="shui-dt-column__title"><button data-testid="sort-title"></button></th>) // ['class=shui-dt-column__title', 'data-testid=sort-title']
 */
export function machineHints(cell: Element): string[] {
  const out: string[] = [];
  const add = (hint: string) => {
    if (out.length < 8 && !out.includes(hint)) out.push(hint);
  };
  for (const el of [cell, ...Array.from(cell.children).slice(0, 4)]) {
    for (const hint of attributeHints(el)) add(hint);
    for (const token of Array.from(el.classList)) {
      const name = token.replace(CLASS_HASH, '');
      if ((name.includes('__') || /column|col-/i.test(name)) && !POSITIONAL.test(name)) add(`class=${name}`);
    }
  }
  return out;
}

const HINT_RANK = new Map(HINT_ATTRIBUTES.map((name, rank) => [name, rank]));

/**
 * An element's hint attributes as `name=value`, in HINT_ATTRIBUTES order (then `kat-*` ones): one
 * pass over its attributes, since most elements have none of them.
 * @example attributeHints(<div data-automation-id="sku" role="cell">) // ['data-automation-id=sku']
 */
function attributeHints(el: Element): string[] {
  const found: [number, string][] = [];
  const attributes = el.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const { name, value } = attributes[i]!;
    const rank = HINT_RANK.get(name) ?? (KAT_ATTRIBUTE.test(name) ? HINT_ATTRIBUTES.length : undefined);
    const v = rank === undefined ? '' : value.trim();
    if (v && v.length <= 80 && !POSITIONAL.test(v)) found.push([rank!, `${name}=${v}`]);
  }
  return found.length > 1 ? found.sort((a, b) => a[0] - b[0]).map((f) => f[1]) : found.map((f) => f[1]);
}

/**
 * The first machine hint of one header cell that no other header cell of its row carries: what a
 * taught column keeps to find that column again after its header is renamed (a hint every column
 * shares, such as a grid's header-cell class, would find the wrong one). Undefined when none.
 * @example distinctiveHint([<th class="shui-dt-column__title">, <th class="shui-dt-column__price">], 1) // 'class=shui-dt-column__price'
 */
export function distinctiveHint(headerCells: readonly Element[], index: number): string | undefined {
  const cell = headerCells[index];
  if (!cell) return undefined;
  const others = new Set(headerCells.flatMap((c, i) => (i === index ? [] : machineHints(c))));
  return machineHints(cell).find((h) => !others.has(h));
}

/**
 * The first table-like element whose header row maps all `required` fields (`taught` columns
 * and the adapter's `fieldHints` included); when none does, the best partial match (so the caller
 * can name the missing columns), or undefined when the page has no table at all.
 */
export function findGrid<F extends HeaderField>(
  root: ParentNode,
  fields: readonly F[],
  required: readonly F[],
  preferred?: string,
  taught: readonly TaughtHeader[] = [],
  fieldHints?: MachineHints<F>['fields'],
): Grid<F> | undefined {
  let best: Grid<F> | undefined;
  let bestScore = -1;
  for (const shape of SHAPES) {
    const candidates = preferred ? Array.from(root.querySelectorAll(preferred)).filter((c) => c.matches(shape.containers)) : [];
    for (const container of candidates.length > 0 ? candidates : Array.from(root.querySelectorAll(shape.containers))) {
      const headerCells = shape.headerCells(container);
      if (headerCells.length === 0) continue;
      const headers = headerCells.map((h) => cellText(h));
      const hints = headerCells.map(machineHints);
      // Rows are found before the header is mapped only where the adapter declares hints: most
      // pages name a column on its body cells (Walmart's data-automation-id, Katal's data-cy), not its header.
      const rows = fieldHints ? shape.rows(container) : undefined;
      if (rows) addBodyHints(hints, rows, shape.cellsOf);
      const map = mapHeaders(headers, fields, taught, { columns: hints, ...(fieldHints ? { fields: fieldHints } : {}) });
      const grid: Grid<F> = { container, headers, hints, map, rows: [], cellsOf: shape.cellsOf };
      const complete = required.every((f) => map.columns.has(f));
      if (complete) {
        grid.rows = rows ?? shape.rows(container);
        return grid;
      }
      const score = map.recognised;
      if (score > bestScore) {
        best = grid;
        bestScore = score;
      }
    }
  }
  return best;
}

/** Body rows whose cells are sampled for hints: enough to outvote a skeleton row, few enough to cost nothing. */
const HINT_SAMPLE_ROWS = 3;

/**
 * Adds to each column's hints the hint attributes its body cells carry (the cell's own, not its
 * children's or classes: those a grid gives every cell alike) in at least two of the first rows
 * that have a cell per column (in the one such row when there is only one): a name the page's
 * code gives every cell of the column, never a value of one row (a SKU in an attribute).
 * @example addBodyHints([[]], [<tr><td data-automation-id="sku">A</td></tr>, <tr><td data-automation-id="sku">B</td></tr>], cellsOf) // [['data-automation-id=sku']]
 */
function addBodyHints(hints: string[][], rows: readonly Element[], cellsOf: (row: Element) => Element[]): void {
  const sampled: Element[][] = [];
  // The first rows only: a grid whose rows never have a cell per column costs no more than a few.
  for (const row of rows.slice(0, HINT_SAMPLE_ROWS * 3)) {
    const cells = cellsOf(row);
    if (cells.length === hints.length) sampled.push(cells);
    if (sampled.length === HINT_SAMPLE_ROWS) break;
  }
  const needed = Math.min(2, sampled.length);
  hints.forEach((own, column) => {
    const counts = new Map<string, number>();
    for (const cells of sampled) for (const hint of attributeHints(cells[column]!)) counts.set(hint, (counts.get(hint) ?? 0) + 1);
    for (const [hint, count] of counts) if (count >= needed && !own.includes(hint)) own.push(hint);
  });
}

/** Body rows whose controls are looked at for declared hints (one default page of Manage All Inventory, twice). */
const CONTROL_SAMPLE_ROWS = 50;
/** The editable controls of a cell whose attributes may name its column. */
const CONTROLS = 'input:not([type="checkbox"]):not([type="hidden"]), kat-input, select, textarea';

/**
 * Adds to each column's hints those of the `declared` hints that an editable control inside its
 * body cells carries (an `<input>`'s or Katal `<kat-input>`'s aria-label, name, data-*): a grid
 * whose header and body cells carry no hint of their own names a column on its controls only
 * (Manage All Inventory's price and merchant quantity inputs). Only declared hints are taken, so
 * no value of one row (a SKU in an attribute) becomes a hint, and one row is enough (merchant
 * quantities are inputs on merchant rows only). Looks at the first CONTROL_SAMPLE_ROWS rows and
 * stops once every declared hint is placed.
 * @example addControlHints([[], []], [<div><div>4</div><div><input aria-label="price"></div></div>], cellsOf, ['aria-label=price']) // [[], ['aria-label=price']]
 */
export function addControlHints(hints: string[][], rows: readonly Element[], cellsOf: (row: Element) => Element[], declared: Iterable<string>): void {
  const wanted = new Set(declared);
  for (const row of rows.slice(0, CONTROL_SAMPLE_ROWS)) {
    if (wanted.size === 0) return;
    // One query per row (a row holds two or three controls), not one per cell.
    const controls = row.querySelectorAll(CONTROLS);
    if (controls.length === 0) continue;
    const cells = cellsOf(row);
    for (const control of Array.from(controls)) {
      const found = attributeHints(control).filter((h) => wanted.has(h));
      if (found.length === 0) continue;
      const own = hints[cells.findIndex((cell) => cell.contains(control))];
      if (!own) continue;
      for (const hint of found) {
        wanted.delete(hint);
        if (!own.includes(hint)) own.push(hint);
      }
    }
  }
}

/** A table-like element of the page with its header cells and rows, whatever its markup (no header mapping). */
export interface PageTable {
  container: Element;
  headerCells: Element[];
  rows: Element[];
  cellsOf(row: Element): Element[];
}

/**
 * The page's table with the most header cells, read or not: the one a seller teaches a column
 * on, and the one a bug report's skeleton shows.
 * @example largestTable(document)?.headerCells.length // 10 on the eBay active listings fixture
 */
export function largestTable(root: ParentNode): PageTable | undefined {
  let best: PageTable | undefined;
  for (const shape of SHAPES) {
    for (const container of Array.from(root.querySelectorAll(shape.containers))) {
      const headerCells = shape.headerCells(container);
      if (headerCells.length > (best?.headerCells.length ?? 0)) best = { container, headerCells, rows: shape.rows(container), cellsOf: shape.cellsOf };
    }
  }
  return best;
}

/**
 * The column (header index) an element of a table belongs to: a header cell's position, or a
 * body cell's position in its row; undefined outside the table's cells.
 * @example columnOf(table, clickedLink) // 3 when the link sits in the fourth cell of a row
 */
export function columnOf(table: PageTable, target: Element): number | undefined {
  const header = table.headerCells.findIndex((h) => h === target || h.contains(target));
  if (header >= 0) return header;
  const row = table.rows.find((r) => r.contains(target));
  if (!row) return undefined;
  const index = table.cellsOf(row).findIndex((c) => c === target || c.contains(target));
  return index >= 0 && index < table.headerCells.length ? index : undefined;
}

/**
 * Columns that are inventory-age buckets, by header text, youngest first whatever the column order
 * (a record's ageBuckets do not change when the seller reorders columns).
 */
export function ageColumns(headers: readonly string[], taken: Iterable<number>): { index: number; minDays: number; maxDays: number | null }[] {
  const used = new Set(taken);
  const out: { index: number; minDays: number; maxDays: number | null }[] = [];
  headers.forEach((h, index) => {
    if (used.has(index)) return;
    const bucket = ageBucketOf(h);
    if (bucket) out.push({ index, ...bucket });
  });
  // "365+" after a bucket ending at 365 starts at 366.
  for (const b of out) if (b.maxDays === null && out.some((o) => o.maxDays === b.minDays)) b.minDays += 1;
  return out.sort((a, b) => a.minDays - b.minDays || (a.maxDays ?? Infinity) - (b.maxDays ?? Infinity));
}

/**
 * Label/value lines inside a cell ("SKU: ABC-1", "ASIN: B0…", "Quantity: 2"), keyed by the
 * upper-cased label. Reads leaf elements so that adjacent lines do not run together.
 * @example labelledValues(<div><div>SKU: A-1</div><div>ASIN: B000000001</div></div>).get('ASIN') // 'B000000001'
 */
export function labelledValues(cell: Element | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!cell) return out;
  const leaves = leafElements(cell);
  let pendingLabel: string | undefined;
  for (const leaf of leaves) {
    const text = cellText(leaf);
    if (!text) continue;
    // "Label: value" with 1-40 label characters before the first colon; the same split as
    // /^([^:：]{1,40})[:：]\s*(.*)$/ on collapsed text, without a match array per line.
    const colon = firstColon(text);
    if (colon >= 1 && colon <= 40) {
      const label = text.slice(0, colon).trim().toUpperCase();
      const value = text.slice(text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
      if (value) {
        if (!out.has(label)) out.set(label, value);
        pendingLabel = undefined;
      } else pendingLabel = label; // "<span>SKU:</span><span>A-1</span>"
    } else if (pendingLabel) {
      if (!out.has(pendingLabel)) out.set(pendingLabel, text);
      pendingLabel = undefined;
    }
  }
  return out;
}

function firstColon(text: string): number {
  const a = text.indexOf(':');
  const b = text.indexOf('：');
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/**
 * The element itself when it has no element children, else its descendants that have none,
 * in document order (what `querySelectorAll('*')` filtered to leaves gives, by a tree walk).
 */
export function leafElements(el: Element): Element[] {
  const out: Element[] = [];
  if (!el.firstElementChild) {
    out.push(el);
    return out;
  }
  collectLeaves(el, out);
  return out;
}

function collectLeaves(el: Element, out: Element[]): void {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.firstElementChild) collectLeaves(c, out);
    else out.push(c);
  }
}

/** First value among several label spellings. */
export function pick(values: Map<string, string>, labels: readonly string[]): string | undefined {
  for (const l of labels) {
    const v = values.get(l);
    if (v) return v;
  }
  return undefined;
}

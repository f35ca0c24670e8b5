/**
 * Amazon Seller Central "Manage All Inventory" (/myinventory/inventory): the React grid
 * ("Janus" table) that lists one row per listing.
 *
 * Selectors, each with the UI variant it matches (CSS-module suffixes such as `--MGDsi` are
 * build hashes, so only class-name prefixes are matched):
 * - rows: `[class*="JanusTable-module__tableContentRow--"][data-sku]` (2024+ React grid);
 *   fallback `[data-sku]` anywhere, for a grid whose class names changed.
 * - header cells: children of `[class*="JanusTable-module__tableHeaderRow--"]`;
 *   fallback `[role="columnheader"]`.
 * - ASIN / FNSKU: `JanusSplitBox-module__row--*` label/value pairs in the product cell;
 *   fallback: the /dp/ASIN link of the title.
 * - status: `<kat-label text="...">` (Katal web component; its text may live only in the
 *   attribute because the label renders in a shadow root).
 * - FBM "Available" is an editable `<input>`: its live value is read. Where the seller edits it
 *   is declared in EDITABLE_QUANTITY (below) for the panel's "Fill in" button.
 * - variation parents carry `parentRow` in their class (or aria-level=1 + aria-expanded);
 *   children `childRow` (or aria-level=2, or data-parent-sku). (?) inferred, see fixture note.
 */
import { mapHeaders, type HeaderField } from '../../locale/headers';
import type { ListingObservation } from '../../records';
import type { EditableQuantityLocator, ReadContext } from '../types';
import { definePage, fieldsOf } from '../shared/define-page';
import {
  CellReader,
  ReadCollector,
  type Diagnostics,
  cellText,
  cellValue,
  clampTitle,
  commonFields,
  compact,
  guardedParse,
  listingStatusFromText,
} from '../shared/read';
import { addControlHints, machineHints } from '../shared/grid';
import { pageChannel, quantityInputsShown, rowChannel } from '../shared/fulfilment';
import { OBSERVATION_FILLS, warnMissingOptional } from '../shared/optional-columns';
import { columnSignals, reportHintSignals } from '../shared/taught-columns';

const ID = 'amazon/manage-inventory';

const ROW_SELECTOR = '[class*="JanusTable-module__tableContentRow--"][data-sku]';
const ROW_FALLBACK = '[data-sku]';
const HEADER_ROW_SELECTOR = '[class*="JanusTable-module__tableHeaderRow--"]';
const SPLIT_ROW = '[class*="JanusSplitBox-module__row--"]';

const FIELDS = [
  'available',
  'inbound',
  'reserved',
  'unfulfillable',
  'price',
  'fulfillment',
  'status',
  'productDetails',
  'title',
  'dateCreated',
  'sku',
  'asin',
] as const satisfies readonly HeaderField[];
type Field = (typeof FIELDS)[number];
/** Without these the page is not understood and nothing is read. */
const REQUIRED = ['available'] as const;
/**
 * The page's own machine hints for a column, the second signal after its header text (a page in
 * a UI language the synonyms do not know is still read by them). Janus React grid (2024+,
 * manage-inventory.en/.zh/.de/.ja): neither header nor body cells carry a column attribute (only
 * the grid's shared, hashed class names), but the price control of every listing row and the
 * quantity control of merchant-fulfilled rows carry `aria-label="price"` / `"available"`
 * (addControlHints: the available column is found by it only when the page shows a merchant
 * row). (?) The live page may render these as `<kat-input>` (reference notes: their value sits in
 * its `value` attribute); whether it keeps the same aria-label is not confirmed. The retired
 * `table.mt-table` page's `td[data-column=…]` is not this grid's, so it is not declared.
 */
const COLUMN_HINTS: Partial<Record<Field, readonly string[]>> = {
  available: ['aria-label=available'],
  price: ['aria-label=price'],
};
/**
 * What finds each field besides its header text: the row's `data-sku`, the product cell's
 * "ASIN" / "FNSKU" pairs and /dp/ link, the controls' hints (COLUMN_HINTS), and the channel
 * from every clue (pageChannel, `told`).
 */
const SIGNALS_BEYOND_HEADERS = {
  sku: ['hint'],
  available: ['hint'],
  price: ['hint'],
  asin: ['label', 'link'],
  fnsku: ['label'],
  title: ['link'],
  fulfillment: ['label', 'input', 'fnsku', 'history'],
} as const;

/**
 * True for Manage All Inventory URLs.
 */
function matchesManageInventory(url: URL): boolean {
  return /^\/myinventory\/inventory\/?$/.test(url.pathname);
}

/** The text of the header cells, in column order, with each column's machine hints. */
function headerTexts(root: ParentNode, rows: readonly Element[]): { texts: string[]; hints: string[][]; found: boolean } {
  const headerRow = root.querySelector(HEADER_ROW_SELECTOR);
  const cells = headerRow ? Array.from(headerRow.children) : Array.from(root.querySelectorAll('[role="columnheader"]'));
  // Machine hints too: a column the seller taught is found by them after its header is renamed,
  // and the declared ones (COLUMN_HINTS) sit on the body cells' controls.
  const hints = cells.map(machineHints);
  addControlHints(hints, rows, (row) => rowCells(row, cells.length), Object.values(COLUMN_HINTS).flat());
  return { texts: cells.map((c) => cellText(c)), hints, found: cells.length > 0 };
}

interface ProductInfo {
  title?: string;
  linkAsin?: string;
  pairs: Map<string, string>;
}

/**
 * Title, /dp/ASIN link and split-box label/value pairs ("ASIN" -> "B0...") of the product
 * cell. Walks the cell's direct structure (link and `JanusSplitBox` rows side by side) with
 * few DOM calls — this runs for every row of 5,000-row pages — and falls back to selector
 * queries when the structure is different.
 */
function productInfo(cell: Element | undefined, row: Element): ProductInfo {
  const pairs = new Map<string, string>();
  let link: Element | null | undefined;
  if (cell) {
    const details = cell.childElementCount === 1 ? cell.firstElementChild! : cell;
    for (let child = details.firstElementChild; child; child = child.nextElementSibling) {
      if (child.tagName === 'A') {
        link ??= child;
        continue;
      }
      if (child.childElementCount === 2) {
        const label = cellText(child.firstElementChild)
          .replace(/[:：]$/, '')
          .toUpperCase();
        if (label.length <= 20) pairs.set(label, cellText(child.lastElementChild));
      }
    }
  }
  if (!link) link = row.querySelector('a[href*="/dp/"]');
  if (pairs.size === 0) {
    for (const box of Array.from(row.querySelectorAll(SPLIT_ROW))) {
      const [label, value] = Array.from(box.children);
      if (label && value)
        pairs.set(
          cellText(label)
            .replace(/[:：]$/, '')
            .toUpperCase(),
          cellText(value),
        );
    }
  }
  const linkAsin = link ? /\/dp\/([A-Z0-9]{10})/.exec(link.getAttribute('href') ?? '')?.[1] : undefined;
  return { title: link ? cellText(link) : undefined, linkAsin, pairs };
}

function statusText(cell: Element | undefined): string {
  if (!cell) return '';
  const first = cell.firstElementChild;
  const label = first && first.tagName.startsWith('KAT-') ? first : cell.querySelector('kat-label, kat-badge, kat-status-indicator');
  return (label?.getAttribute('text') || label?.getAttribute('label') || cellText(label ?? cell)).slice(0, 200);
}

const ASIN = /^[A-Z0-9]{10}$/;

/**
 * The cells of a row, aligned with the header cells. When the row has exactly as many
 * children as there are headers they are the cells; otherwise only children that are cells
 * (`JanusTable-module__tableContentCell--*` or role=cell/gridcell) count, so that extra
 * elements such as a hidden SKU-id anchor do not shift the columns.
 */
function rowCells(row: Element, headerCount: number): Element[] {
  const all: Element[] = [];
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) all.push(c);
  if (all.length === headerCount) return all;
  const cells = all.filter((c) => {
    const role = c.getAttribute('role');
    return role === 'cell' || role === 'gridcell' || (c.getAttribute('class') ?? '').includes('tableContentCell');
  });
  return cells.length > 0 ? cells : all;
}

/**
 * The header's texts, hints and field columns; undefined (with the errors said) when the page has
 * no header or lacks a required column.
 */
function pageColumns(root: ParentNode, ctx: ReadContext, diags: Diagnostics, rows: readonly Element[]) {
  const { texts, hints, found } = headerTexts(root, rows);
  if (!found) {
    if (rows.length > 0) diags.missingColumn('header', adapter.title);
    return undefined;
  }
  const taught = ctx.taughtColumns ?? [];
  const { columns } = mapHeaders(texts, FIELDS, taught, { columns: hints, fields: COLUMN_HINTS });
  const missing = REQUIRED.filter((f) => !columns.has(f));
  if (missing.length === 0) {
    reportHintSignals({ headers: texts, hints }, FIELDS, taught, columns, COLUMN_HINTS, diags);
    return { texts, hints, columns };
  }
  // A column found by its control's hint alone says nothing of the headers' language.
  const byText = [...columnSignals({ headers: texts, hints }, FIELDS, taught, columns).values()].some((signal) => signal !== 'hint');
  if (!byText)
    diags.add('error', 'unknown-language', 'The column headers are in a language the reader does not know yet.', {
      headers: texts.join(' | ').slice(0, 200),
    });
  for (const column of missing) diags.missingColumn(column, adapter.title);
  return undefined;
}

/** A row's own stock and price cells, read in column order (each bad value reported against the row). */
function stockOf(read: CellReader, cells: Element[], col: (cells: Element[], field: Field) => Element | undefined, sku: string) {
  return {
    available: read.quantity(cellValue(col(cells, 'available')), 'available', sku),
    inbound: read.quantity(cellText(col(cells, 'inbound')), 'inbound', sku),
    reserved: read.quantity(cellText(col(cells, 'reserved')), 'reserved', sku),
    unfulfillable: read.quantity(cellText(col(cells, 'unfulfillable')), 'unfulfillable', sku),
    price: read.money(cellValue(col(cells, 'price')), 'price', sku),
  };
}

function readManageInventory(root: ParentNode, ctx: ReadContext) {
  return guardedParse(ID, (diags) => {
    const out = new ReadCollector(diags);
    let rows = Array.from(root.querySelectorAll(ROW_SELECTOR));
    if (rows.length === 0) rows = Array.from(root.querySelectorAll(ROW_FALLBACK));
    const page = pageColumns(root, ctx, diags, rows);
    if (!page) return out.result();
    const { texts, hints, columns } = page;
    const read = new CellReader(ctx, diags);
    const base = commonFields(adapter, ctx);
    const col = (cells: Element[], field: Field) => {
      const i = columns.get(field);
      return i === undefined ? undefined : cells[i];
    };
    // Who ships, from every clue a row gives (column, "Fulfilled by" line, FNSKU, editable quantity).
    const channel = pageChannel(columnSignals({ headers: texts, hints }, FIELDS, ctx.taughtColumns ?? [], columns), {
      platform: 'amazon',
      inputsShown: quantityInputsShown(root, rows, (row) => rowCells(row, texts.length), columns.get('available')),
      history: ctx.fulfillmentHistory,
      told: true,
    });
    let currentParent: string | undefined;

    for (const row of rows) {
      const sku = (row.getAttribute('data-sku') ?? '').trim();
      if (!sku) continue;
      const cls = row.getAttribute('class') ?? '';
      const level = row.getAttribute('aria-level');
      const isParent = cls.includes('parentRow') || (level === '1' && row.hasAttribute('aria-expanded'));
      const isChild = !isParent && (cls.includes('childRow') || level === '2' || row.hasAttribute('data-parent-sku'));
      if (isParent) currentParent = sku;
      else if (!isChild) currentParent = undefined;

      const cells = rowCells(row, texts.length);
      const { pairs, linkAsin, title: linkTitle } = productInfo(col(cells, 'productDetails'), row);
      const asinText = pairs.get('ASIN') ?? cellText(col(cells, 'asin'));
      const asin = ASIN.test(asinText) ? asinText : linkAsin;
      const fnsku = pairs.get('FNSKU') || undefined;
      const title = clampTitle(linkTitle ?? cellText(col(cells, 'title')));
      const status = listingStatusFromText(statusText(col(cells, 'status')));
      const clues = { sku, isParent, columnCell: col(cells, 'fulfillment'), labels: pairs, fnsku, quantityCell: col(cells, 'available') };
      const fulfillment = rowChannel(channel, clues);

      // Parent rows aggregate their children: their own stock cells are blank or totals,
      // so they are recorded without quantities (absent = not shown, never 0).
      const own = isParent ? undefined : stockOf(read, cells, col, sku);
      const created = col(cells, 'dateCreated');
      // One record with only the fields the row showed, named one by one (a single copy, no
      // spread: this runs for every row before the JIT has warmed up, as listing-page's recordOf).
      const record: ListingObservation = compact({
        kind: 'listing',
        platform: base.platform,
        marketplace: base.marketplace,
        source: base.source,
        observedAt: base.observedAt,
        observedDate: base.observedDate,
        sku,
        asin,
        fnsku: fnsku && fnsku.length <= 20 ? fnsku : undefined,
        title,
        status,
        fulfillment,
        parentSku: isChild ? (row.getAttribute('data-parent-sku') ?? currentParent) : undefined,
        available: own?.available,
        inbound: own?.inbound,
        reserved: own?.reserved,
        unfulfillable: own?.unfulfillable,
        price: own?.price,
        startDate: created ? read.date(cellText(created), 'dateCreated', sku) : undefined,
      } as ListingObservation);
      // The panel goes under the SKU and ASIN in the product cell, so the grid's columns keep their width.
      out.listing(record, row, col(cells, 'productDetails'));
    }
    // A missing optional column (price, date, inbound…) is said (the rows are still read).
    warnMissingOptional({ adapter, fields: FIELDS, required: REQUIRED }, columns, out.rows, OBSERVATION_FILLS, diags);
    channel.signals.report(diags);
    return { ...out.result(), sources: channel.signals.sources() };
  });
}

/**
 * The merchant-fulfilled (MFN) "Available" quantity the seller edits in place: a text/number
 * field in the Available column of MFN rows. FBA rows show a plain number there and parent rows
 * a dash, so they have no field. Signals, all required: the column is the one whose header text
 * means "Available" in the UI language (the reader's own header mapping, never a position); the
 * control is a text or number `<input>` in that cell, the only one; and when the control carries
 * a name, aria-label, id, placeholder or label, it names a quantity.
 * Selectors, each with the UI variant it matches:
 * - grid: `JanusTable-module__table--*` (2024+ React "Janus" grid; prefix only, the suffix is a
 *   build hash); fallback `[role=table]` / `[role=grid]` for a grid whose class names changed.
 * - header cells: children of `JanusTable-module__tableHeaderRow--*` (Janus grid); fallback
 *   `[role=columnheader]` (same as the reader).
 * - row cells: `role=cell|gridcell` or `JanusTable-module__tableContentCell--*` (Janus grid),
 *   used only when a row has more children than there are headers (e.g. a hidden SKU anchor).
 * - control, first variant that matches: a plain `<input type=text|number>` (or with no type)
 *   rendered by the grid itself (our fixtures, e.g. `aria-label="available"`; (?) the markup
 *   of the live page is not confirmed); then `<kat-input>` whose open shadow root holds the real
 *   `<input>` (Katal web component: reference notes say merchant quantities sit in its `value`
 *   attribute; (?) whether the page takes a value typed into its inner input is not confirmed).
 */
export const EDITABLE_QUANTITY: EditableQuantityLocator = {
  column: 'available',
  grid: '[class*="JanusTable-module__table--"], [role="table"], [role="grid"]',
  headerCells: [`${HEADER_ROW_SELECTOR} > *`, '[role="columnheader"]'],
  rowCells: '[role="cell"], [role="gridcell"], [class*="JanusTable-module__tableContentCell--"]',
  inputs: [{ selector: 'input[type="text"], input[type="number"], input:not([type])' }, { selector: 'kat-input', shadow: true }],
  labels: [
    'quantity',
    'qty',
    'available',
    'inventory',
    'stock',
    'units',
    'menge',
    'bestand',
    'verfügbar',
    'disponible',
    'disponibile',
    'cantidad',
    'quantité',
    'quantità',
    '数量',
    '可售',
    '库存',
    '在庫',
    '販売可能',
  ],
};

export const adapter = definePage({
  id: ID,
  platform: 'amazon',
  title: 'Manage All Inventory',
  matches: matchesManageInventory,
  openPath: '/myinventory/inventory',
  examples: {
    matches: ['https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1', 'https://sellercentral.amazon.de/myinventory/inventory/'],
    doesNotMatch: [
      'https://sellercentral.amazon.com/myinventory/inventory/edit',
      'https://www.amazon.com/myinventory/inventory',
      'http://sellercentral.amazon.com/myinventory/inventory',
    ],
  },
  fields: fieldsOf([...FIELDS, 'fnsku'], REQUIRED, SIGNALS_BEYOND_HEADERS),
  parse: readManageInventory,
  containerSelector: '[class*="JanusTable-module__table--"]',
  editableQuantity: EDITABLE_QUANTITY,
  panelPlacement: { where: 'strip', variant: 'Janus React grid (2024+): each row is a CSS grid; the panel is its last item, spanning every column' },
});
export default adapter;

/**
 * The body shared by listing pages that are plain header-labelled tables (FBA Inventory,
 * Restock, Walmart items and WFS inventory, eBay active listings): find the grid by header
 * text, refuse to read without the required columns, then read each row's cells by field.
 */
import type { HeaderField } from '../../locale/headers';
import type { FulfillmentChannel, ListingObservation, ListingStatus } from '../../records';
import type { PageAdapter, PageRead, ReadContext } from '../types';
import { ageColumns, findGrid, labelledValues, pick, type Grid } from './grid';
import { columnSignals, reportHintSignals, reportTaughtDisagreements } from './taught-columns';
import { pageChannel, quantityInputsShown, rowChannel, type PageChannel } from './fulfilment';
import { OBSERVATION_FILLS, warnMissingOptional } from './optional-columns';
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
} from './read';

type Cols<F extends HeaderField> = (field: F) => Element | undefined;

/** What a row says about which listing it is. */
interface RowIdentity {
  sku?: string;
  asin?: string;
  fnsku?: string;
  itemId?: string;
  gtin?: string;
  title?: string;
  parentSku?: string;
  variation?: string;
  /** Variation parents: stock and price are the children's, so they are not read. */
  isParent?: boolean;
  /**
   * The product cell's label/value lines, when the identity read them (other clues come from them
   * too); present but undefined when it looked and found none, so the cell is not read again.
   */
  labels?: ReadonlyMap<string, string> | undefined;
  status?: ListingStatus;
}

export interface ListingPageSpec<F extends HeaderField> {
  adapter: Pick<PageAdapter, 'id' | 'platform' | 'title'>;
  fields: readonly F[];
  required: readonly F[];
  /**
   * Optional columns a known UI variant of the page type legitimately lacks (said where the page
   * type is declared): no warning when they are missing. Every other field that is not `required`
   * is warned about when the page lacks it (./optional-columns.ts); the rows are still read.
   */
  mayBeAbsent?: readonly F[];
  /** Selector tried first for the grid container (falls back to every table on the page). */
  preferredContainer?: string;
  /**
   * The page's own machine hints for a field's column (`name=value`, see machineHints in
   * ./grid.ts: on its header cell, e.g. `class=shui-dt-column__price`, or on its body cells, e.g.
   * `data-automation-id=sku`): a second signal after the header text, and a disagreement between
   * the two is reported.
   */
  columnHints?: Partial<Record<F, readonly string[]>>;
  /** Read inventory-age bucket columns ("0-90 days"). */
  ageBuckets?: boolean;
  /** Fulfilment when the page has no such column (e.g. the FBA page is all FBA). */
  defaultFulfillment?: FulfillmentChannel;
  identity(row: Element, col: Cols<F>, rows: { previous?: RowIdentity }): RowIdentity;
  /**
   * Called when the grid is found, before rows: extra diagnostics or column fixes. A column it
   * reports missing (`diags.missingColumn`, e.g. neither a product cell nor a SKU column) stops
   * the read like a missing `required` one: nothing is read from the page.
   */
  onGrid?(grid: { headers: string[]; columns: Map<F, number>; container: Element }, diags: Diagnostics): void;
}

const ASIN = /^[A-Z0-9]{10}$/;
const GTIN = /^\d{8,14}$/;

/** Identity fields found as "SKU: …", "ASIN: …" lines inside one cell (Katal product cells). */
export function identityFromLabels(cell: Element | undefined): RowIdentity {
  const values = labelledValues(cell);
  const asin = pick(values, ['ASIN']);
  const gtin = pick(values, ['GTIN', 'UPC', 'EAN']);
  const link = cell?.querySelector('a');
  return {
    sku: pick(values, ['SKU', 'MSKU', 'SELLER SKU', 'MERCHANT SKU', '卖家 SKU', 'VERKÄUFER-SKU', '出品者SKU']),
    asin: asin && ASIN.test(asin) ? asin : undefined,
    fnsku: pick(values, ['FNSKU']),
    itemId: pick(values, ['ITEM ID', 'ITEM NUMBER', '商品编号', 'ARTIKELNUMMER', '商品番号']),
    gtin: gtin && GTIN.test(gtin) ? gtin : undefined,
    title: link ? cellText(link) : undefined,
    labels: values,
  };
}

export function readListingPage<F extends HeaderField>(spec: ListingPageSpec<F>, root: ParentNode, ctx: ReadContext): PageRead {
  return guardedParse(spec.adapter.id, (diags) => {
    const out = new ReadCollector(diags);
    const taught = ctx.taughtColumns ?? [];
    const grid = findGrid(root, spec.fields, spec.required, spec.preferredContainer, taught, spec.columnHints);
    if (!grid) return out.result();
    const { columns } = grid.map;
    reportTaughtDisagreements(grid.headers, spec.fields, taught, columns, diags);
    if (spec.columnHints) reportHintSignals(grid, spec.fields, taught, columns, spec.columnHints, diags);
    if (refused(spec, grid, diags)) return out.result();
    const channel = pageChannel(columnSignals(grid, spec.fields, taught, columns), {
      platform: spec.adapter.platform,
      inputsShown: quantityInputsShown(grid.container, grid.rows, grid.cellsOf, columns.get('available' as F)),
      pageType: spec.defaultFulfillment,
      history: ctx.fulfillmentHistory,
      // Pages that say who ships (a channel column, or a page type with its own channel) tell it from every clue.
      told: spec.defaultFulfillment !== undefined || spec.fields.includes('fulfillment' as F),
    });
    readRows(spec, grid, ctx, out, channel);
    warnMissingOptional(spec, columns, out.rows, OBSERVATION_FILLS, diags);
    channel.signals.report(diags);
    return { ...out.result(), sources: channel.signals.sources() };
  });
}

/**
 * True (with the errors said) when the page lacks a required column, or the spec's onGrid
 * reports one missing: nothing is read then.
 */
function refused<F extends HeaderField>(spec: ListingPageSpec<F>, grid: Grid<F>, diags: Diagnostics): boolean {
  const { columns, recognised } = grid.map;
  const before = diags.list.length;
  spec.onGrid?.({ headers: grid.headers, columns, container: grid.container }, diags);
  const refusedByGrid = diags.list.some((d, i) => i >= before && d.code === 'missing-column');
  const missing = spec.required.filter((f) => !columns.has(f));
  if (missing.length === 0 && !refusedByGrid) return false;
  if (recognised === 0)
    diags.add('error', 'unknown-language', 'The column headers are in a language the reader does not know yet.', {
      headers: grid.headers.join(' | ').slice(0, 200),
    });
  for (const column of missing) diags.missingColumn(column, spec.adapter.title);
  return true;
}

/** Reads every row of a grid whose required columns are there. */
function readRows<F extends HeaderField>(spec: ListingPageSpec<F>, grid: Grid<F>, ctx: ReadContext, out: ReadCollector, channel: PageChannel): void {
  const { diags } = out;
  const { columns } = grid.map;
  // Field names for diagnostics made once per page, not once per cell.
  const ages = (spec.ageBuckets ? ageColumns(grid.headers, columns.values()) : []).map((a) => ({ ...a, field: `age ${a.minDays}-${a.maxDays ?? '+'}` }));
  const read = new CellReader(ctx, diags);
  const base = commonFields(spec.adapter, ctx);
  // Column index of every field, looked up once per page rather than per cell.
  const at: ColumnIndex = {};
  for (const [field, index] of columns) at[field] = index;
  // One accessor for the whole read, over the current row's cells (no closure per row).
  let cells: Element[] = [];
  const col: Cols<F> = (field) => {
    const i = at[field];
    return i === undefined ? undefined : cells[i];
  };
  let previous: RowIdentity | undefined;
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    cells = grid.cellsOf(row);
    const id = keyedByItemId(row, spec.identity(row, col, { previous }), col as Cols<HeaderField>, diags);
    previous = id;
    const sku = id.sku?.trim();
    if (!sku) {
      // A skeleton or placeholder row: nothing says which listing it is.
      if (cells.length > 1) diags.add('warning', 'missing-sku', 'A row without a SKU was skipped.', {}, r + 1);
      continue;
    }
    const record = recordOf(base, sku, id);
    readCells(record, col as Cols<HeaderField>, read, sku, !id.isParent);
    const labels = 'labels' in id ? id.labels : labelsOf(col('productDetails' as F) ?? col('title' as F));
    const clues = { sku, isParent: id.isParent, columnCell: col('fulfillment' as F), labels, fnsku: record.fnsku, quantityCell: col('available' as F) };
    record.fulfillment = rowChannel(channel, clues);
    if (!id.isParent && ages.length > 0) readAges(record, ages, cells, read, sku);
    out.listing(compact(record), row);
  }
}

/** A marketplace item number (eBay's 12 digits, Walmart's item id): digits only, never a made-up key. */
const ITEM_NUMBER = /^\d{5,20}$/;
/** The item number in a link to the listing's own page: eBay `/itm/<n>` or `/itm/<title>/<n>`, Walmart `/ip/<n>` or `/ip/<title>/<n>`. */
const ITEM_LINK = /\/(?:itm|ip)\/(?:[^/?#]+\/)?(\d{5,20})(?:[/?#]|$)/;

/**
 * A listing whose SKU cell is empty is still a listing when the page shows its marketplace item
 * number (eBay item number, Walmart item id: the row's identity, the item id column, else the
 * row's link to the listing's own page): it is kept under that number, and a warning says so
 * (the seller sees which listings lack a SKU, and that their key is the item number). A
 * variation child is not: its item number is its parent's. Without any, the identity is
 * returned as it is (and the row skipped).
 * @example keyedByItemId(<tr>, { itemId: '225000000000' }, col, diags).sku // '225000000000'
 */
function keyedByItemId(row: Element, id: RowIdentity, col: Cols<HeaderField>, diags: Diagnostics): RowIdentity {
  if (id.sku?.trim() || id.parentSku) return id;
  const linked = () => ITEM_LINK.exec(row.querySelector('a[href*="/itm/"], a[href*="/ip/"]')?.getAttribute('href') ?? '')?.[1] ?? '';
  const itemId = (id.itemId || cellText(col('itemId')).replace(/^#/, '') || linked()).trim();
  if (!ITEM_NUMBER.test(itemId)) return id;
  diags.add('warning', 'sku-from-item-id', `A listing without a SKU was kept under its item number ${itemId}.`, { itemId }, itemId);
  return { ...id, sku: itemId, itemId };
}

/** A row's record before its cells are read: what its identity says. */
function recordOf(base: ReturnType<typeof commonFields>, sku: string, id: RowIdentity): ListingObservation {
  // Fields named one by one rather than `...base`: a spread per row is slow before the JIT has
  // warmed up, which a page's first read is (issue 18).
  return {
    kind: 'listing',
    platform: base.platform,
    marketplace: base.marketplace,
    source: base.source,
    observedAt: base.observedAt,
    observedDate: base.observedDate,
    sku,
    asin: id.asin,
    fnsku: id.fnsku,
    itemId: id.itemId,
    gtin: id.gtin,
    title: clampTitle(id.title ?? ''),
    parentSku: id.parentSku,
    variation: id.variation?.slice(0, 500) || undefined,
    status: id.status,
  } as ListingObservation;
}

function readAges(
  record: ListingObservation,
  ages: readonly { index: number; minDays: number; maxDays: number | null; field: string }[],
  cells: readonly Element[],
  read: CellReader,
  sku: string,
): void {
  const buckets = [];
  for (const a of ages) {
    const units = read.quantity(cellText(cells[a.index]), a.field, sku);
    if (units !== undefined) buckets.push({ minDays: a.minDays, maxDays: a.maxDays, units });
  }
  if (buckets.length > 0) record.ageBuckets = buckets;
}

/**
 * The label/value lines of a cell that has any ("Fulfilled by: Amazon" under a title); undefined,
 * without walking the cell, when its text has no colon. `text`: the cell's text when the caller
 * has read it already (its cellText will do: collapsing whitespace keeps every colon; only a colon
 * after cellText's first 4,000 characters would be missed).
 * @example labelsOf(<td>Mug<br>Fulfilled by: Amazon</td>) // Map { 'FULFILLED BY' => 'Amazon' }
 */
export function labelsOf(cell: Element | undefined, text = cell?.textContent ?? ''): ReadonlyMap<string, string> | undefined {
  if (!cell) return undefined;
  return text.includes(':') || text.includes('：') ? labelledValues(cell) : undefined;
}

/** Column index per header field of the page. */
type ColumnIndex = Partial<Record<HeaderField, number>>;

/** Each units-sold column and its window in days; a bad cell is named by the field id, which the summary bar says in the seller's language. */
const SOLD_WINDOWS: [HeaderField, number][] = [7, 30, 60, 90].map((d) => [`unitsSold${d}` as HeaderField, d]);

/** Reads every listing field whose column is present; stock fields only when `stock`. */
function readCells(r: ListingObservation, col: Cols<HeaderField>, read: CellReader, sku: string, stock: boolean): void {
  const text = (f: HeaderField) => cellText(col(f));
  if (!r.title && col('title') !== undefined) r.title = clampTitle(text('title'));
  if (!r.asin && col('asin') !== undefined) {
    const a = text('asin');
    if (ASIN.test(a)) r.asin = a;
  }
  if (!r.fnsku && col('fnsku') !== undefined) r.fnsku = text('fnsku').slice(0, 20) || undefined;
  if (!r.itemId && col('itemId') !== undefined) r.itemId = text('itemId').replace(/^#/, '').slice(0, 40) || undefined;
  if (!r.gtin && col('gtin') !== undefined) {
    const g = text('gtin');
    if (GTIN.test(g)) r.gtin = g;
  }
  if (!r.variation && col('variation') !== undefined) r.variation = text('variation').slice(0, 500) || undefined;
  if (!r.status) {
    const status =
      col('lifecycleStatus') !== undefined && RETIRED.test(text('lifecycleStatus'))
        ? 'ended'
        : col('status') !== undefined
          ? listingStatusFromText(statusLabel(col('status')))
          : col('publishStatus') !== undefined
            ? publishStatus(text('publishStatus'))
            : undefined;
    if (status) r.status = status;
  }
  if (col('startDate') !== undefined) r.startDate = read.date(text('startDate'), 'startDate', sku);
  else if (col('dateCreated') !== undefined) r.startDate = read.date(text('dateCreated'), 'dateCreated', sku);
  if (col('recommendedAction') !== undefined) r.recommendedAction = text('recommendedAction').slice(0, 200) || undefined;
  if (col('alert') !== undefined) r.alert = text('alert').slice(0, 200) || undefined;
  if (col('watchers') !== undefined) r.watchers = read.quantity(text('watchers'), 'watchers', sku);
  if (!stock) return;
  if (col('available') !== undefined) r.available = read.quantity(cellValue(col('available')), 'available', sku);
  if (col('inbound') !== undefined) r.inbound = read.quantity(text('inbound'), 'inbound', sku);
  if (col('reserved') !== undefined) r.reserved = read.quantity(text('reserved'), 'reserved', sku);
  if (col('unfulfillable') !== undefined) r.unfulfillable = read.quantity(text('unfulfillable'), 'unfulfillable', sku);
  if (col('price') !== undefined) r.price = read.money(cellValue(col('price')), 'price', sku);
  if (col('storageCost') !== undefined) r.estimatedStorageCost = read.money(text('storageCost'), 'storageCost', sku);
  if (col('daysOfSupply') !== undefined) r.platformDaysOfSupply = read.decimal(text('daysOfSupply'), 'days of supply', sku);
  if (col('historicalDaysOfSupply') !== undefined) {
    // Amazon shows "–" when nothing shipped in 90 days: no figure, not an error.
    const shown = text('historicalDaysOfSupply');
    if (!/^[-–—]?$/.test(shown.trim())) r.platformHistoricalDaysOfSupply = read.decimal(shown, 'historical days of supply', sku);
  }
  if (col('recommendedQuantity') !== undefined) r.recommendedQuantity = read.quantity(text('recommendedQuantity'), 'recommendedQuantity', sku);
  if (col('recommendedShipDate') !== undefined) r.recommendedShipDate = read.date(text('recommendedShipDate'), 'recommendedShipDate', sku);
  if (col('soldQuantity') !== undefined) r.cumulativeSold = read.quantity(text('soldQuantity'), 'soldQuantity', sku);
  let sold: { windowDays: number; units: number }[] | undefined;
  for (const window of SOLD_WINDOWS) {
    if (col(window[0]) === undefined) continue;
    const units = read.quantity(text(window[0]), window[0], sku);
    if (units !== undefined) (sold ??= []).push({ windowDays: window[1], units });
  }
  if (sold) r.unitsSold = sold;
}

const RETIRED = /retir|archiv|ended|已退役|終了/i;

function statusLabel(cell: Element | undefined): string {
  const label = cell?.querySelector('kat-label, kat-badge, kat-status-indicator');
  return label?.getAttribute('text') || label?.getAttribute('label') || cellText(cell);
}

/**
 * Walmart publish status as a listing status.
 * @example publishStatus('Unpublished') // 'inactive'
 */
function publishStatus(text: string): ListingStatus | undefined {
  const s = text.toLowerCase();
  if (!s) return undefined;
  if (/system problem|error|problem|blocked|错误|問題/.test(s)) return 'suppressed';
  if (/in progress|ready to publish|processing|stage|处理中|処理中/.test(s)) return 'incomplete';
  if (/unpublish|未发布|非公開|nicht veröffentlicht/.test(s)) return 'inactive';
  if (/publish|已发布|公開|veröffentlicht/.test(s)) return 'active';
  return listingStatusFromText(s);
}

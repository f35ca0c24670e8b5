/**
 * The body shared by order pages: one table row per order (Amazon: several products inside
 * one row) or per order line (Walmart, eBay). Each line becomes an order observation.
 */
import type { FulfillmentChannel, OrderObservation, OrderStatus } from '../../records';
import type { PageAdapter, PageRead, ReadContext, Signal } from '../types';
import { findGrid, labelledValues, leafElements, pick, type Grid } from './grid';
import { reportTaughtDisagreements } from './taught-columns';
import { CellReader, ReadCollector, type Diagnostics, cellText, commonFields, compact, fulfillmentFromText, guardedParse } from './read';
import { orderStatusOf } from '../../locale/order-status';
import { fieldsOf, type FieldList } from './define-page';
import { OBSERVATION_FILLS, warnMissingOptional } from './optional-columns';

/** Every column an order page may have (the fields its header synonyms are matched against). */
export const ORDER_FIELDS = ['orderId', 'orderDetails', 'orderDate', 'orderStatus', 'orderProduct', 'sku', 'quantity', 'itemPrice', 'fulfillment'] as const;
type F = (typeof ORDER_FIELDS)[number];
/** The columns a page is refused without (the status one unless the URL names a filter: statusFromUrl). */
const REQUIRED: readonly F[] = ['orderDate', 'orderStatus'];
/** Those columns and what every order line needs besides: an order id, a SKU and a quantity, each from its column or a labelled line (missingColumns). */
const LINE_REQUIRED: readonly F[] = [...REQUIRED, 'orderId', 'sku', 'quantity'];

/**
 * The fields of an order page (its definePage `fields`): the date and status columns are
 * required, and so are an order id, a SKU and a quantity, each from its column or from the
 * order-details / product cell's "SKU: …" lines (missingColumns).
 */
export function orderFields(spec: OrderPageSpec): FieldList<F> {
  const fulfillment: Signal[] = spec.defaultFulfillment ? ['label', 'page-type'] : ['label'];
  return fieldsOf(ORDER_FIELDS, LINE_REQUIRED, {
    orderId: ['label'],
    sku: ['label'],
    quantity: ['label'],
    itemPrice: ['label'],
    fulfillment,
  });
}

export interface OrderPageSpec {
  adapter: Pick<PageAdapter, 'id' | 'platform' | 'title'>;
  /** Pattern of an order id in a cell's text (Amazon 3-7-7 digits, eBay 2-5-5). */
  orderIdPattern: RegExp;
  preferredContainer?: string;
  /** Status when the page has no status column but the URL names a filter (eBay "awaiting shipment"). */
  statusFromUrl?(url: URL): OrderStatus | undefined;
  defaultFulfillment?: FulfillmentChannel;
  /**
   * Optional columns every known UI variant of the page type lacks (said where the page type is
   * declared): no 'missing-optional-column' warning for them (./optional-columns.ts). Every other
   * optional column the page lacks, and no line found another way, is warned about.
   */
  mayBeAbsent?: readonly F[];
}

const SKU_LABELS = ['SKU', 'CUSTOM LABEL', 'CUSTOM LABEL (SKU)', '卖家 SKU', 'VERKÄUFER-SKU', '出品者SKU'];
const QTY_LABELS = ['QUANTITY', 'QTY', '数量', 'MENGE', 'ANZAHL', 'QUANTITÉ', 'QUANTITÀ', 'CANTIDAD'];
const PRICE_LABELS = ['ITEM SUBTOTAL', 'ITEM PRICE', 'PRICE', '商品小计', '商品价格', 'ZWISCHENSUMME', 'ARTIKELPREIS', '小計', '商品価格'];

const FULFILMENT_LABEL = /FULFIL|配送|VERSAND|出荷/;
const SKU_LINE = /(SKU|Custom label)\s*[:：]/i;
/** A "Quantity: 2" line of a product cell, in any of QTY_LABELS' languages. */
const QTY_LINE = new RegExp(`(${QTY_LABELS.join('|')})\\s*[:：]`, 'i');

/** The product blocks of a multi-product cell: one per element holding a "SKU:" line. */
function productBlocks(cell: Element): Element[] {
  const blocks: Element[] = [];
  for (let child = cell.firstElementChild; child; child = child.nextElementSibling) {
    if (SKU_LINE.test(child.textContent ?? '')) blocks.push(child);
  }
  return blocks.length > 1 ? blocks : [cell];
}

export function readOrderPage(spec: OrderPageSpec, root: ParentNode, ctx: ReadContext): PageRead {
  return guardedParse(spec.adapter.id, (diags) => {
    const out = new ReadCollector(diags);
    const urlStatus = spec.statusFromUrl?.(ctx.url);
    const required: F[] = REQUIRED.filter((f) => !(urlStatus && f === 'orderStatus'));
    const taught = ctx.taughtColumns ?? [];
    const grid = findGrid(root, ORDER_FIELDS, required, spec.preferredContainer, taught);
    if (!grid) return out.result();
    reportTaughtDisagreements(grid.headers, ORDER_FIELDS, taught, grid.map.columns, diags);
    const missing = missingColumns(grid, required);
    if (missing.length > 0) {
      reportMissingColumns(grid, missing, spec, diags);
      return out.result();
    }
    const page: OrderPageRead = {
      spec,
      diags,
      out,
      read: new CellReader(ctx, diags),
      base: commonFields(spec.adapter, ctx),
      urlStatus,
      columns: grid.map.columns,
      at: columnIndexes(grid.map.columns),
    };
    grid.rows.forEach((row, index) => readOrderRow(page, row, grid.cellsOf(row), index));
    const declared = { adapter: spec.adapter, fields: ORDER_FIELDS, required: LINE_REQUIRED, mayBeAbsent: spec.mayBeAbsent };
    warnMissingOptional(declared, grid.map.columns, out.rows, OBSERVATION_FILLS, diags);
    return out.result();
  });
}

/** Everything one page read shares across its rows. */
interface OrderPageRead {
  spec: OrderPageSpec;
  diags: Diagnostics;
  out: ReadCollector;
  read: CellReader;
  base: ReturnType<typeof commonFields>;
  /** Status every row takes when the page has no status column. */
  urlStatus: OrderStatus | undefined;
  columns: Map<F, number>;
  at: Partial<Record<F, number>>;
}

/** The cell of a field in one row, or undefined when the page has no such column. */
type RowCell = (f: F) => Element | undefined;

/** One order line found in a row: a whole row, or one product block of a multi-product cell. */
interface OrderLine {
  sku?: string;
  qty: string;
  price: string;
  element: Element;
}

/**
 * Required columns the grid lacks. An order id may come from either of two columns; a line's SKU
 * and quantity from their own columns or, when there is no SKU column, from "SKU: …" and
 * "Quantity: …" lines of the product cell (Amazon). A product cell whose rows hold no such lines
 * does not stand in for the column (a Walmart or eBay item-name cell): without it no line could
 * be read, so the column is reported missing instead of every line being skipped.
 */
function missingColumns(grid: Grid<F>, required: readonly F[]): string[] {
  const { columns } = grid.map;
  const missing: string[] = required.filter((f) => !columns.has(f));
  if (!columns.has('orderId') && !columns.has('orderDetails')) missing.push('orderId');
  const product = columns.has('sku') ? undefined : columns.get('orderProduct');
  if (!columns.has('sku') && !(product !== undefined && productCellsHold(grid, product, SKU_LINE))) missing.push('sku');
  if (!columns.has('quantity') && !(product !== undefined && productCellsHold(grid, product, QTY_LINE))) missing.push('quantity');
  return missing;
}

/** True when some row's product cell has a line matching `line` (or the page has no rows to tell by). */
function productCellsHold(grid: Grid<F>, column: number, line: RegExp): boolean {
  if (grid.rows.length === 0) return true;
  return grid.rows.some((row) => line.test(grid.cellsOf(row)[column]?.textContent ?? ''));
}

function reportMissingColumns(grid: Grid<F>, missing: readonly string[], spec: OrderPageSpec, diags: Diagnostics): void {
  // No header recognised at all points at an unknown UI language rather than a changed page.
  if (grid.map.recognised === 0)
    diags.add('error', 'unknown-language', 'The column headers are in a language the reader does not know yet.', {
      headers: grid.headers.join(' | ').slice(0, 200),
    });
  for (const column of missing) diags.missingColumn(column, spec.adapter.title);
}

/** Column index of every field, computed once per read rather than looked up per cell. */
function columnIndexes(columns: Map<F, number>): Partial<Record<F, number>> {
  const at: Partial<Record<F, number>> = {};
  for (const [field, i] of columns) at[field] = i;
  return at;
}

function readOrderRow(page: OrderPageRead, row: Element, cells: Element[], index: number): void {
  const { spec, diags, read, columns } = page;
  const col: RowCell = (f) => {
    const i = page.at[f];
    return i === undefined ? undefined : cells[i];
  };
  const idText = cellText(col('orderId') ?? col('orderDetails'));
  const orderId = spec.orderIdPattern.exec(idText)?.[0] ?? (columns.has('orderId') ? idText.slice(0, 60) : undefined);
  if (!orderId) {
    diags.add('warning', 'missing-order-id', 'An order row without an order number was skipped.', {}, index + 1);
    return;
  }
  const orderDate = dateFromCell(col('orderDate'), read, orderId);
  const statusText = cellText(col('orderStatus'));
  const status = statusText ? orderStatusOf(statusText) : page.urlStatus;
  if (!status) {
    diags.add(
      'warning',
      'unknown-status',
      `Order ${orderId}: status "${statusText.slice(0, 40)}" is not understood.`,
      { value: statusText.slice(0, 60) },
      orderId,
    );
    return;
  }
  if (!orderDate) return;
  const order = { orderId, status, orderDate, fulfillment: fulfillmentOf(col, spec) };
  for (const line of orderLinesOf(row, col, columns.has('sku'))) addOrderLine(page, row, line, order);
}

/** The fulfilment channel: its own column, else a labelled line of the details cell, else the platform's default. */
function fulfillmentOf(col: RowCell, spec: OrderPageSpec): FulfillmentChannel | undefined {
  if (col('fulfillment')) return fulfillmentFromText(cellText(col('fulfillment')));
  const labelled = [...labelledValues(col('orderDetails'))].find(([label]) => FULFILMENT_LABEL.test(label))?.[1];
  return labelled ? fulfillmentFromText(labelled) : spec.defaultFulfillment;
}

/** A product cell without a SKU column holds labelled lines per product (Amazon); otherwise the row is one line. */
function orderLinesOf(row: Element, col: RowCell, hasSkuColumn: boolean): OrderLine[] {
  const product = col('orderProduct');
  if (!product || hasSkuColumn) return [{ sku: cellText(col('sku')), qty: cellText(col('quantity')), price: cellText(col('itemPrice')), element: row }];
  return productBlocks(product).map((block) => {
    const values = labelledValues(block);
    return {
      sku: pick(values, SKU_LABELS),
      qty: pick(values, QTY_LABELS) ?? cellText(col('quantity')),
      price: pick(values, PRICE_LABELS) ?? cellText(col('itemPrice')),
      element: block,
    };
  });
}

function addOrderLine(
  page: OrderPageRead,
  row: Element,
  line: OrderLine,
  order: { orderId: string; status: OrderStatus; orderDate: string; fulfillment: FulfillmentChannel | undefined },
): void {
  const { diags, read } = page;
  const { orderId } = order;
  if (!line.sku) {
    diags.add('warning', 'missing-sku', `Order ${orderId}: a line without a SKU was skipped.`, {}, orderId);
    return;
  }
  const quantity = read.quantity(line.qty, 'quantity', line.sku);
  if (quantity === undefined) {
    diags.add('warning', 'missing-quantity', `Order ${orderId}: no quantity for ${line.sku.slice(0, 60)}.`, {}, orderId);
    return;
  }
  const record: OrderObservation = compact({
    kind: 'order',
    ...page.base,
    orderId,
    sku: line.sku,
    quantity,
    status: order.status,
    orderDate: order.orderDate,
    itemPrice: line.price ? read.money(line.price, 'itemPrice', line.sku) : undefined,
    fulfillment: order.fulfillment,
  } as OrderObservation);
  // The anchor points at the product block only when the line is part of a multi-product row.
  page.out.order(record, row, line.element !== row ? line.element : undefined);
}

/** The first line of a date cell that reads as a date ("2 days ago" above "02/27/2026 10:32 AM PST"). */
function dateFromCell(cell: Element | undefined, read: CellReader, row: string): string | undefined {
  if (!cell) return undefined;
  for (const leaf of leafElements(cell)) {
    const iso = read.tryDate(cellText(leaf));
    if (iso) return iso;
  }
  return read.date(cellText(cell), 'orderDate', row);
}

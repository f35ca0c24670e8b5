/**
 * The body shared by order pages: one table row per order (Amazon: several products inside
 * one row) or per order line (Walmart, eBay). Each line becomes an order observation.
 */
import type { FulfillmentChannel, OrderObservation, OrderStatus } from '../../records';
import type { PageAdapter, PageRead, ReadContext } from '../types';
import { findGrid, labelledValues, leafElements, pick } from './grid';
import { CellReader, ReadCollector, cellText, commonFields, compact, fulfillmentFromText, guardedParse, orderStatusFromText } from './read';

export const ORDER_FIELDS = ['orderId', 'orderDetails', 'orderDate', 'orderStatus', 'orderProduct', 'sku', 'quantity', 'itemPrice', 'fulfillment'] as const;
type F = (typeof ORDER_FIELDS)[number];

export interface OrderPageSpec {
  adapter: Pick<PageAdapter, 'id' | 'platform' | 'title'>;
  /** Pattern of an order id in a cell's text (Amazon 3-7-7 digits, eBay 2-5-5). */
  orderIdPattern: RegExp;
  preferredContainer?: string;
  /** Status when the page has no status column but the URL names a filter (eBay "awaiting shipment"). */
  statusFromUrl?(url: URL): OrderStatus | undefined;
  defaultFulfillment?: FulfillmentChannel;
}

const SKU_LABELS = ['SKU', 'CUSTOM LABEL', 'CUSTOM LABEL (SKU)', '卖家 SKU', 'VERKÄUFER-SKU', '出品者SKU'];
const QTY_LABELS = ['QUANTITY', 'QTY', '数量', 'MENGE', 'ANZAHL', 'QUANTITÉ', 'QUANTITÀ', 'CANTIDAD'];
const PRICE_LABELS = ['ITEM SUBTOTAL', 'ITEM PRICE', 'PRICE', '商品小计', '商品价格', 'ZWISCHENSUMME', 'ARTIKELPREIS', '小計', '商品価格'];

const FULFILMENT_LABEL = /FULFIL|配送|VERSAND|出荷/;
const SKU_LINE = /(SKU|Custom label)\s*[:：]/i;

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
    const required: F[] = urlStatus ? ['orderDate'] : ['orderDate', 'orderStatus'];
    const grid = findGrid(root, ORDER_FIELDS, required, spec.preferredContainer);
    if (!grid) return out.result();
    const { columns, recognised } = grid.map;
    const missing: string[] = required.filter((f) => !columns.has(f));
    if (!columns.has('orderId') && !columns.has('orderDetails')) missing.push('orderId');
    if (!columns.has('orderProduct') && !columns.has('sku')) missing.push('sku');
    if (missing.length > 0) {
      if (recognised === 0)
        diags.add('error', 'unknown-language', 'The column headers are in a language the reader does not know yet.', {
          headers: grid.headers.join(' | ').slice(0, 200),
        });
      for (const column of missing) diags.missingColumn(column, spec.adapter.title);
      return out.result();
    }
    const read = new CellReader(ctx, diags);
    const base = commonFields(spec.adapter, ctx);
    // Column index of every field, and one accessor over the current row's cells, per read.
    const at: Partial<Record<F, number>> = {};
    for (const [field, i] of columns) at[field] = i;
    let cells: Element[] = [];
    const col = (f: F) => {
      const i = at[f];
      return i === undefined ? undefined : cells[i];
    };
    grid.rows.forEach((row, index) => {
      cells = grid.cellsOf(row);
      const idText = cellText(col('orderId') ?? col('orderDetails'));
      const orderId = spec.orderIdPattern.exec(idText)?.[0] ?? (columns.has('orderId') ? idText.slice(0, 60) : undefined);
      if (!orderId) {
        diags.add('warning', 'missing-order-id', 'An order row without an order number was skipped.', {}, index + 1);
        return;
      }
      const orderDate = dateFromCell(col('orderDate'), read, orderId);
      const statusText = cellText(col('orderStatus'));
      const status = statusText ? orderStatusFromText(statusText) : urlStatus;
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
      const details = labelledValues(col('orderDetails'));
      let fulfillmentLabel: string | undefined;
      for (const [k, v] of details)
        if (FULFILMENT_LABEL.test(k)) {
          fulfillmentLabel = v;
          break;
        }
      const fulfillment = col('fulfillment')
        ? fulfillmentFromText(cellText(col('fulfillment')))
        : fulfillmentLabel
          ? fulfillmentFromText(fulfillmentLabel)
          : spec.defaultFulfillment;

      const lines: { sku?: string; qty: string; price: string; element: Element }[] = [];
      const product = col('orderProduct');
      if (product && !columns.has('sku')) {
        for (const block of productBlocks(product)) {
          const values = labelledValues(block);
          lines.push({
            sku: pick(values, SKU_LABELS),
            qty: pick(values, QTY_LABELS) ?? cellText(col('quantity')),
            price: pick(values, PRICE_LABELS) ?? cellText(col('itemPrice')),
            element: block,
          });
        }
      } else {
        lines.push({ sku: cellText(col('sku')), qty: cellText(col('quantity')), price: cellText(col('itemPrice')), element: row });
      }
      for (const line of lines) {
        if (!line.sku) {
          diags.add('warning', 'missing-sku', `Order ${orderId}: a line without a SKU was skipped.`, {}, orderId);
          continue;
        }
        const quantity = read.quantity(line.qty, 'quantity', line.sku);
        if (quantity === undefined) {
          diags.add('warning', 'missing-quantity', `Order ${orderId}: no quantity for ${line.sku.slice(0, 60)}.`, {}, orderId);
          continue;
        }
        const record: OrderObservation = compact({
          kind: 'order',
          ...base,
          orderId,
          sku: line.sku,
          quantity,
          status,
          orderDate,
          itemPrice: line.price ? read.money(line.price, 'item price', line.sku) : undefined,
          fulfillment,
        } as OrderObservation);
        out.order(record, row, line.element !== row ? line.element : undefined);
      }
    });
    return out.result();
  });
}

/** The first line of a date cell that reads as a date ("2 days ago" above "02/27/2026 10:32 AM PST"). */
function dateFromCell(cell: Element | undefined, read: CellReader, row: string): string | undefined {
  if (!cell) return undefined;
  for (const leaf of leafElements(cell)) {
    const iso = read.tryDate(cellText(leaf));
    if (iso) return iso;
  }
  return read.date(cellText(cell), 'order date', row);
}

/**
 * One purchase order per supplier group of the purchase plan, as a table the CSV and XLSX
 * writers take (csv.ts, xlsx.ts), and the whole plan as JSON. A line the plan splits between
 * air and sea is two rows, one per mode, each with its own quantity, cases and requested date
 * (the expected arrival by that mode). Each row names the stock the units replenish (a product
 * kept in two stocks has a line for each). Costs are major-unit numbers with their currency; an
 * unknown cost is an empty cell, never 0.
 */
import { t, type Language } from '../i18n';
import type { PurchasePlanView } from '../messaging/protocol-purchasing';
import { majorAmount, type PurchaseGroup, type PurchaseLine } from '../purchasing';
import type { Cell, Table } from './table';
import { poolLabel } from './pool-label';
import type { Sheet } from './xlsx';

/** Column ids (JSON keys); the header is their translation. */
const PURCHASE_ORDER_COLUMNS = ['sku', 'title', 'stock', 'quantity', 'cases', 'unitCost', 'total', 'currency', 'shipMode', 'requestedDate'] as const;

/**
 * The rows of one line: one per mode its units travel by.
 * @example purchaseOrderRows(lineSplit300Air, { MUG: 'Mug' }, 'en').map((r) => r[2]) // [300, 300]
 */
export function purchaseOrderRows(line: PurchaseLine, titles: Readonly<Record<string, string>>, language: Language): Cell[][] {
  const parts =
    line.freight.mode === 'split'
      ? [
          { mode: 'air' as const, units: line.freight.airUnits, date: line.arrivalByAir },
          { mode: 'sea' as const, units: line.freight.seaUnits, date: line.arrivalBySea },
        ]
      : [{ mode: line.freight.mode, units: line.quantity, date: line.freight.mode === 'air' ? line.arrivalByAir : line.arrivalBySea }];
  const cost = line.unitCostMinor === null ? null : majorAmount(line.unitCostMinor, line.currency);
  const stock = poolLabel(line.poolId, language);
  return parts.map((p) => [
    line.sku,
    titles[line.sku] ?? null,
    stock,
    p.units,
    p.units / line.casePack,
    cost,
    line.unitCostMinor === null ? null : majorAmount(line.unitCostMinor * p.units, line.currency),
    line.currency,
    t(language, p.mode === 'air' ? 'purchase.mode.air' : 'purchase.mode.sea'),
    p.date,
  ]);
}

/**
 * A supplier group's purchase order as a table (header in the UI language).
 * @example purchaseOrderTable(group, titles, 'en').header[0] // 'SKU'
 */
export function purchaseOrderTable(group: PurchaseGroup, titles: Readonly<Record<string, string>>, language: Language): Table {
  return {
    header: PURCHASE_ORDER_COLUMNS.map((c) => t(language, `purchase.column.${c}`)),
    rows: group.lines.flatMap((line) => purchaseOrderRows(line, titles, language)),
  };
}

/**
 * The purchase order as a one-sheet workbook for toXlsx (the requested date a date column, costs currency cells).
 * @example toXlsx([purchaseOrderSheet(group, titles, 'en')])
 */
export function purchaseOrderSheet(group: PurchaseGroup, titles: Readonly<Record<string, string>>, language: Language): Sheet {
  const table = purchaseOrderTable(group, titles, language);
  return {
    name: `PO ${group.supplierId ?? t(language, 'purchase.noSupplier')} ${group.weekStart}`,
    columns: table.header.map((header, i) => {
      const id = PURCHASE_ORDER_COLUMNS[i];
      if (id === 'requestedDate') return { header, date: true };
      // Costs are currency cells in the line's currency.
      if (id === 'unitCost' || id === 'total') return { header, money: { currencyColumn: PURCHASE_ORDER_COLUMNS.indexOf('currency') } };
      return { header };
    }),
    rows: table.rows,
  };
}

/**
 * The file name stem of a group's purchase order: supplier and week, safe for any file system.
 * @example purchaseOrderName({ supplierId: 'Acme Ltd.', weekStart: '2026-11-16' }) // 'po-acme-ltd-2026-11-16'
 */
export function purchaseOrderName(group: Pick<PurchaseGroup, 'supplierId' | 'weekStart'>): string {
  const supplier = (group.supplierId ?? 'no-supplier')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `po-${supplier || 'supplier'}-${group.weekStart}`;
}

/**
 * The whole plan as JSON (money in minor units with its currency, as the extension keeps it).
 * @example JSON.parse(purchasePlanJson(view)).groups.length
 */
export function purchasePlanJson(view: PurchasePlanView): string {
  return JSON.stringify({ format: 'stock-copilot-purchase-plan', version: 1, ...view }, null, 2);
}

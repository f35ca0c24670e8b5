/**
 * Exports built in the page from data the background sends: CSV (UTF-8 with BOM), XLSX (a Products
 * and a Listings sheet, see mergedSheets) and JSON.
 * @example const { header, rows } = mergedTable(report, 'en'); UTF8_BOM + toCsv(header, rows)
 */
export { UTF8_BOM, csvField, toCsv } from './csv';
export { toXlsx, sheetXml, xmlEscape, columnName, dateSerial, columnWidths, currencyFormat, moneyCurrencies, type Sheet, type SheetColumn } from './xlsx';
export {
  mergedRows,
  mergedTable,
  mergedSheets,
  mergedJson,
  rollUpPlans,
  productTotals,
  MERGED_COLUMNS,
  MERGED_DATE_COLUMNS,
  type MergedRow,
  type MergedColumn,
  type MergedSheet,
} from './merged';
export { reasonText, clearanceText, stockSourceText, stockCell, lifecycleText, healthCell } from './merged-text';
export type { Cell, Table } from './table';
export {
  mergedReportSchema,
  mergedProductSchema,
  mergedPoolSchema,
  type MergedReport,
  type MergedProduct,
  type MergedListing,
  type MergedPlan,
  type MergedPool,
  type MergedChannel,
} from './merged-data';

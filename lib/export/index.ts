/**
 * Exports built in the page from data the background sends: CSV (UTF-8 with BOM), XLSX and JSON.
 * @example const { header, rows } = mergedTable(report, 'en'); UTF8_BOM + toCsv(header, rows)
 */
export { UTF8_BOM, csvField, toCsv } from './csv';
export { toXlsx, sheetXml, xmlEscape, columnName, type Sheet } from './xlsx';
export {
  mergedRows,
  mergedTable,
  mergedJson,
  rollUpPlans,
  productTotals,
  reasonText,
  clearanceText,
  stockSourceText,
  stockCell,
  lifecycleText,
  healthCell,
  MERGED_COLUMNS,
  type Cell,
  type Table,
  type MergedRow,
  type MergedColumn,
} from './merged';
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

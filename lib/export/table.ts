/**
 * A table as the CSV and XLSX writers take it (csv.ts, xlsx.ts): a header and rows of cells,
 * numbers as numbers and dates as ISO text, empty cells as null (never 0 for unknown).
 */

/** One cell: text, a number, or empty. */
export type Cell = string | number | null;

export interface Table {
  header: string[];
  rows: Cell[][];
}

/**
 * CSV as Excel reads it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so
 * Chinese titles are not shown as mojibake when the seller double-clicks the file.
 */

export const UTF8_BOM = '\uFEFF';

/**
 * Where a spreadsheet would start evaluating a formula: an = + - @ at the start of a cell or
 * after any character some locale's spreadsheet splits cells on (comma, semicolon, tab, line
 * break), with only white space or quote marks before it (a reader that splits inside our
 * quotes takes a quote mark there as the start of its own quoted cell). A semicolon reader (Excel in Germany, France, Italy,
 * Spain, the Netherlands) splits "Mug;=1+1;" even inside a quoted title and would evaluate
 * "=1+1".
 */
const FORMULA_START = /(^|[,;\t\r\n])([ \t\r\n"]*)(?=[=+\-@])/g;

/**
 * One CSV field. Text is always quoted, and a quote mark goes before every place where a
 * spreadsheet reading it with any separator would start a formula, and before a leading tab or
 * carriage return (which some readers drop); numbers and booleans stay plain (a negative number
 * is not defused into text).
 * @example csvField('Mug, "large"') // '"Mug, ""large"""'
 * @example csvField('Mug;=1+1;') // `"Mug;'=1+1;"`
 * @example csvField(-3) // '-3'
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const defused = value.replace(FORMULA_START, "$1$2'").replace(/^(?=[\t\r])/, "'");
  return `"${defused.replace(/"/g, '""')}"`;
}

/**
 * A whole CSV document (without BOM) from a header and rows.
 * @example toCsv(['sku', 'qty'], [['A-1', 3]]) // 'sku,qty\r\nA-1,3\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

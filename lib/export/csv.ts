/**
 * CSV as Excel reads it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so
 * Chinese titles are not shown as mojibake when the seller double-clicks the file.
 */

export const UTF8_BOM = '\uFEFF';

/**
 * One CSV field, quoted when it holds a separator, quote or line break. Leading = + - @ are
 * prefixed with a quote mark so a hostile title cannot run as a spreadsheet formula.
 * @example csvField('Mug, "large"') // '"Mug, ""large"""'
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A whole CSV document (without BOM) from a header and rows.
 * @example toCsv(['sku', 'qty'], [['A-1', 3]]) // 'sku,qty\r\nA-1,3\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

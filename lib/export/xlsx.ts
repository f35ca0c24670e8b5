/**
 * A minimal valid XLSX (Office Open XML spreadsheet) written by hand and zipped with fflate:
 * [Content_Types].xml, _rels/.rels, xl/workbook.xml (+ its rels), one worksheet per sheet with
 * inline strings (no shared-strings part needed) and numbers as numbers. Enough for Excel,
 * LibreOffice and Google Sheets to open; no styles, no formulas (nothing in a cell is ever run).
 */
import { strToU8, zipSync } from 'fflate';
import type { Cell } from './merged';

export interface Sheet {
  /** Sheet tab name (cut to Excel's 31 characters, forbidden characters replaced). */
  name: string;
  rows: readonly (readonly Cell[])[];
}

/**
 * Text made safe for XML content and attributes; characters XML 1.0 forbids are dropped.
 * @example xmlEscape('a<b & "c"') // 'a&lt;b &amp; &quot;c&quot;'
 */
export function xmlEscape(text: string): string {
  return (
    text
      // XML 1.0 forbids these control characters even escaped: drop them.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/**
 * Spreadsheet column letters for a 0-based index.
 * @example columnName(0) // 'A' ; columnName(27) // 'AB'
 */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** @example cellXml('B2', 3) // '<c r="B2"><v>3</v></c>' */
function cellXml(ref: string, value: Cell): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : '';
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(value)}</t></is></c>`;
}

/** One worksheet's XML. @example sheetXml([['sku'], ['A-1']]).includes('<t xml:space="preserve">A-1</t>') // true */
export function sheetXml(rows: readonly (readonly Cell[])[]): string {
  const body = rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cellXml(`${columnName(c)}${r + 1}`, v)).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** @example sheetName('a/b:c') // 'a_b_c' */
function sheetName(name: string, index: number): string {
  const clean = name
    .replace(/[\\/?*[\]:]/g, '_')
    .slice(0, 31)
    .trim();
  return clean || `Sheet${index + 1}`;
}

/**
 * The workbook as XLSX bytes.
 * @example new Blob([toXlsx([{ name: 'Report', rows: [['sku', 'qty'], ['A-1', 3]] }])])
 */
export function toXlsx(sheets: readonly Sheet[]): Uint8Array {
  const names = sheets.map((s, i) => sheetName(s.name, i));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        names
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        names
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        '</Relationships>',
    ),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.rows));
  });
  return zipSync(files, { level: 6 });
}

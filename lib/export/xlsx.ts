/**
 * A small valid XLSX (Office Open XML spreadsheet) written by hand and zipped with fflate:
 * [Content_Types].xml, _rels/.rels, xl/workbook.xml (+ its rels), xl/styles.xml and one
 * worksheet per sheet. Each sheet has a bold header row that stays frozen while scrolling, an
 * autofilter over it, column widths fitted to the content; text as inline strings (no
 * shared-strings part needed), numbers as numbers, ISO dates in date columns as date cells
 * (serial numbers shown as yyyy-mm-dd) and amounts in money columns as currency cells (the row's
 * currency, its own decimals: "[$USD] 1,234.50"). Enough for Excel, LibreOffice and Google
 * Sheets; no formulas (nothing in a cell is ever run).
 */
import { strToU8, zipSync } from 'fflate';
import { currencyDigits } from '../i18n/format';
import type { Cell } from './table';

export interface SheetColumn {
  header: string;
  /** An ISO date (YYYY-MM-DD) in this column becomes a date cell; other values are written as they are. */
  date?: boolean;
  /** A money column: its numbers (major units) are currency cells in the currency code the row holds in column `currencyColumn`. */
  money?: { currencyColumn: number };
}

export interface Sheet {
  /** Sheet tab name (cut to Excel's 31 characters, forbidden characters replaced, made unique). */
  name: string;
  /** The header row (bold, frozen, with the autofilter) and what each column holds. */
  columns: readonly SheetColumn[];
  /** The data rows, below the header. */
  rows: readonly (readonly Cell[])[];
}

/** cellXfs indexes in xl/styles.xml; money styles follow, one per currency (MONEY_STYLE_BASE + its index). */
const STYLE = { header: 1, date: 2 } as const;
const MONEY_STYLE_BASE = 3;
/** Custom number formats: 164 = the date; 165 + i = the i-th currency. */
const DATE_FORMAT = 164;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

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

/**
 * The spreadsheet serial number of an ISO date (days since 1899-12-30, the 1900 date system),
 * or null when the text is not a real date from 1900-03-01 on (before it, Excel's phantom
 * 29 February 1900 shifts the count).
 * @example dateSerial('2026-12-01') // 46357 ; dateSerial('2026-02-30') // null
 */
export function dateSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d || at.getTime() < Date.UTC(1900, 2, 1)) return null;
  return at.getTime() / 86_400_000 + 25_569;
}

/**
 * The currency codes a workbook's money cells hold, in first-seen order (each gets its style).
 * @example moneyCurrencies([{ name: 'PO', columns: [{ header: 'cost', money: { currencyColumn: 1 } }, { header: 'currency' }], rows: [[2.5, 'USD']] }]) // ['USD']
 */
export function moneyCurrencies(sheets: readonly Pick<Sheet, 'columns' | 'rows'>[]): string[] {
  const found = new Set<string>();
  for (const sheet of sheets)
    sheet.columns.forEach((column, c) => {
      if (!column.money) return;
      for (const row of sheet.rows) {
        const currency = row[column.money.currencyColumn];
        if (typeof row[c] === 'number' && typeof currency === 'string' && /^[A-Z]{3}$/.test(currency)) found.add(currency);
      }
    });
  return [...found];
}

/** @example cellXml('B2', 3, false) // '<c r="B2"><v>3</v></c>' */
function cellXml(ref: string, value: Cell, date: boolean, style?: number): string {
  if (value === null || value === '') return '';
  const s = style === undefined ? '' : ` s="${style}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  const serial = date ? dateSerial(value) : null;
  if (serial !== null) return `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(value)}</t></is></c>`;
}

/** Width of text in spreadsheet character units: East Asian wide characters take two. */
function textWidth(text: string): number {
  let width = 0;
  for (const line of text.split(/\r?\n/)) {
    let w = 0;
    for (const ch of line) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
    width = Math.max(width, w);
  }
  return width;
}

/**
 * Each column's width in characters: its widest cell (the header with room for the filter
 * button, a date as yyyy-mm-dd), between 8 and 60.
 * @example columnWidths([{ header: 'SKU' }], [['MUG-1']]) // [9]
 */
export function columnWidths(columns: readonly SheetColumn[], rows: readonly (readonly Cell[])[]): number[] {
  return columns.map((column, c) => {
    let widest = textWidth(column.header) + 4;
    for (const row of rows) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      const w = typeof v === 'number' ? String(v).length : column.date && dateSerial(v) !== null ? 10 : textWidth(v);
      widest = Math.max(widest, w + 2);
    }
    return Math.min(60, Math.max(8, widest));
  });
}

/**
 * One worksheet's XML: header row (bold) frozen, autofilter over it, column widths, data rows.
 * @example sheetXml({ name: 'R', columns: [{ header: 'sku' }], rows: [['A-1']] }).includes('<t xml:space="preserve">A-1</t>') // true
 */
export function sheetXml(sheet: Pick<Sheet, 'columns' | 'rows'>, currencies: readonly string[] = moneyCurrencies([sheet])): string {
  const { columns, rows } = sheet;
  const header = `<row r="1">${columns.map((col, c) => cellXml(`${columnName(c)}1`, col.header, false, STYLE.header)).join('')}</row>`;
  const moneyStyle = (row: readonly Cell[], c: number): number | undefined => {
    const money = columns[c]?.money;
    const i = money ? currencies.indexOf(String(row[money.currencyColumn])) : -1;
    return i < 0 ? undefined : MONEY_STYLE_BASE + i;
  };
  const body = rows
    .map(
      (row, r) =>
        `<row r="${r + 2}">${row.map((v, c) => cellXml(`${columnName(c)}${r + 2}`, v, columns[c]?.date === true, typeof v === 'number' ? moneyStyle(row, c) : undefined)).join('')}</row>`,
    )
    .join('');
  const width = Math.max(columns.length, ...rows.map((row) => row.length));
  const range = `A1:${columnName(Math.max(0, width - 1))}${rows.length + 1}`;
  const cols = columns.length
    ? `<cols>${columnWidths(columns, rows)
        .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
        .join('')}</cols>`
    : '';
  const filter = columns.length ? `<autoFilter ref="A1:${columnName(columns.length - 1)}${rows.length + 1}"/>` : '';
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="${range}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `${cols}<sheetData>${header}${body}</sheetData>${filter}</worksheet>`
  );
}

/**
 * A currency's number format: its code and its own decimals, thousands grouped.
 * @example currencyFormat('JPY') // '[$JPY] #,##0'
 */
export function currencyFormat(currency: string): string {
  const digits = currencyDigits(currency);
  return `[$${currency}] #,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''}`;
}

/**
 * The styles part: cellXfs 0 = normal, 1 = bold header, 2 = date (yyyy-mm-dd, custom format 164),
 * then one currency style per currency (custom formats from 165).
 */
function stylesXml(currencies: readonly string[]): string {
  const formats = [
    `<numFmt numFmtId="${DATE_FORMAT}" formatCode="yyyy-mm-dd"/>`,
    ...currencies.map((c, i) => `<numFmt numFmtId="${DATE_FORMAT + 1 + i}" formatCode="${xmlEscape(currencyFormat(c))}"/>`),
  ];
  const moneyXfs = currencies.map((_, i) => `<xf numFmtId="${DATE_FORMAT + 1 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${MONEY_STYLE_BASE + currencies.length}">` +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    `<xf numFmtId="${DATE_FORMAT}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    moneyXfs.join('') +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/** Excel's rules for tab names: no \ / ? * [ ] :, no quote mark at either end, at most 31 characters, unique ignoring case. */
function sheetNames(sheets: readonly Sheet[]): string[] {
  const taken = new Set<string>();
  return sheets.map((s, i) => {
    const clean =
      s.name
        .replace(/[\\/?*[\]:]/g, '_')
        .slice(0, 31)
        .trim()
        .replace(/^'+|'+$/g, '') || `Sheet${i + 1}`;
    let name = clean;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - ` (${n})`.length)} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * The workbook as XLSX bytes.
 * @example new Blob([toXlsx([{ name: 'Report', columns: [{ header: 'sku' }, { header: 'qty' }], rows: [['A-1', 3]] }])])
 */
export function toXlsx(sheets: readonly Sheet[]): Uint8Array {
  const names = sheetNames(sheets);
  const currencies = moneyCurrencies(sheets);
  const stylesId = `rId${names.length + 1}`;
  const filters = sheets.flatMap((s, i) =>
    s.columns.length
      ? [
          `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlEscape(names[i]!.replace(/'/g, "''"))}'!$A$1:$${columnName(s.columns.length - 1)}$${s.rows.length + 1}</definedName>`,
        ]
      : [],
  );
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        names
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        '</Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
        names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets>' +
        (filters.length ? `<definedNames>${filters.join('')}</definedNames>` : '') +
        '</workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="${stylesId}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(stylesXml(currencies)),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s, currencies));
  });
  return zipSync(files, { level: 6 });
}

/**
 * Which report a file is, from its header row alone. Sellers drop whatever file they
 * downloaded, renamed or not, in whatever UI language, so detection matches header texts
 * against every report's synonym table and picks the report that recognises the most columns
 * among those whose identifying columns are all present.
 */
import type { Diagnostic } from '../records';
import { ageBucketOf } from '../locale/age-buckets';
import { problem } from './diagnostics';
import { type ReportDefinition, type ReportId } from './definition';
import { headerWords } from '../locale/headers';
import { REPORTS, reportById } from './registry';

interface ColumnMatch {
  /** Column key -> index in the row. */
  index: Map<string, number>;
  /** Keys of `required` the header lacks. */
  missing: string[];
  /** How many of the header's cells the report recognised. */
  recognised: number;
}

const synonymCache = new WeakMap<ReportDefinition, Map<string, string>>();
function synonymsOf(def: ReportDefinition): Map<string, string> {
  let table = synonymCache.get(def);
  if (!table) {
    table = new Map();
    for (const [key, names] of Object.entries(def.columns) as [string, readonly string[]][]) {
      for (const name of names) {
        const n = headerWords(name);
        if (!table.has(n)) table.set(n, key);
      }
    }
    synonymCache.set(def, table);
  }
  return table;
}

/**
 * Maps a header row onto a report's columns (first header wins when two name the same column).
 * @example matchColumns(amazonFbaMyi, ['SKU', 'ASIN']).index.get('asin') // 1
 */
export function matchColumns(def: ReportDefinition, header: readonly string[]): ColumnMatch {
  const table = synonymsOf(def);
  const index = new Map<string, number>();
  let recognised = 0;
  header.forEach((cell, i) => {
    const normalised = headerWords(cell);
    const key = table.get(normalised);
    if (key !== undefined) {
      recognised++;
      if (!index.has(key)) index.set(key, i);
    } else if (def.ageBuckets && ageBucketOf(normalised)) {
      recognised++;
    }
  });
  const missing = def.required.filter((k) => !index.has(k));
  return { index, missing, recognised };
}

/** File-name fragments that settle a tie between reports with the same headers. */
const FILE_HINTS: [RegExp, ReportId][] = [
  [/FBA_MYI|manage.?fba.?inventory/i, 'amazon/fba-myi'],
  [/INVENTORY_PLANNING|inventory.?health|fba.?inventory/i, 'amazon/fba-inventory-planning'],
  [/restock/i, 'amazon/restock'],
  [/MERCHANT_LISTINGS|all.?listings/i, 'amazon/all-listings'],
  [/ORDERS?_DATA|all.?orders/i, 'amazon/orders'],
  [/business.?report/i, 'amazon/business-report-child'],
  [/ESTIMATED_FBA_FEES|fee.?preview/i, 'amazon/fee-preview'],
];

export interface Detection {
  reportId: ReportId | undefined;
  /** Required columns of the detected report that the header lacks (the file cannot be read). */
  missing: string[];
  diagnostics: Diagnostic[];
}

/**
 * Detects the report a header row belongs to.
 * @example detectReport(['sku', 'fnsku', 'asin', 'afn-fulfillable-quantity', 'mfn-fulfillable-quantity']).reportId // 'amazon/fba-myi'
 * @example detectReport(['foo', 'bar']).reportId // undefined (with an 'unknown-report' diagnostic)
 * @example detectReport(['asin', 'afn-fulfillable-quantity', 'mfn-fulfillable-quantity']).missing // ['sku']
 */
export function detectReport(headerRow: readonly string[], options: { fileName?: string } = {}): Detection {
  let best: { def: ReportDefinition; missing: string[]; recognised: number; hinted: boolean } | undefined;
  for (const def of REPORTS) {
    const match = matchColumns(def, headerRow);
    if (!def.signatures.some((group) => group.every((k) => match.index.has(k)))) continue;
    const hinted = options.fileName !== undefined && FILE_HINTS.some(([re, id]) => id === def.id && re.test(options.fileName as string));
    // A complete match beats one lacking a required column; then more recognised columns win.
    const better =
      !best ||
      (match.missing.length === 0 && best.missing.length > 0) ||
      ((match.missing.length === 0) === (best.missing.length === 0) &&
        (match.recognised > best.recognised || (match.recognised === best.recognised && hinted && !best.hinted)));
    if (better) best = { def, missing: match.missing, recognised: match.recognised, hinted };
  }
  if (best) {
    const names = best.missing.map((k) => best.def.columns[k]?.[0] ?? k);
    const diagnostics: Diagnostic[] =
      names.length === 0 ? [] : [problem('error', 'missing-column', { report: best.def.title, reportId: best.def.id, columns: names.join(', ') })];
    return { reportId: best.def.id, missing: best.missing, diagnostics };
  }
  const expected = REPORTS.map(
    (def) => `${def.title} (${def.id}): ${def.signatures.map((g) => g.map((k) => def.columns[k]?.[0] ?? k).join(' + ')).join(' or ')}`,
  );
  const shown = headerRow
    .slice(0, 12)
    .map((h) => h.slice(0, 40))
    .join(', ');
  return {
    reportId: undefined,
    missing: [],
    diagnostics: [
      problem('error', 'unknown-report', {
        header: shown.slice(0, 160),
        expected: expected.join('; ').slice(0, 300),
        ...(options.fileName ? { file: options.fileName.slice(0, 200) } : {}),
      }),
    ],
  };
}

export { reportById };

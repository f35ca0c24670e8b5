/**
 * Unit costs from a CSV the seller keeps (SKU, supplier, unit cost, currency), as a
 * spreadsheet exports it: comma, semicolon or tab separated, with or without BOM, costs in
 * major units ("2.50", "2,50"). Every row is checked with zod; a bad row is refused with its
 * line number and a code the options page words in the seller's language, and the good rows
 * are kept.
 */
import { z } from 'zod';
import { tokenizeDelimited } from '../reports/csv';
import { minorUnits } from './money';
import { unitCostEntrySchema, type UnitCostEntry } from './purchasing-data';

/** Header texts per column, compared lower-case without spaces, dashes or underscores. */
const HEADERS = {
  sku: ['sku', 'sellersku', 'msku', '商品sku', '卖家sku'],
  supplier: ['supplier', 'supplierid', 'vendor', '供应商'],
  unitCost: ['unitcost', 'cost', 'unitprice', '单位成本', '单价', '成本'],
  currency: ['currency', 'currencycode', '币种', '货币'],
} as const;
type Column = keyof typeof HEADERS;

export const COST_CSV_PROBLEMS = ['missing-column', 'bad-sku', 'bad-cost', 'bad-currency', 'duplicate', 'empty'] as const;
export interface CostCsvProblem {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  code: (typeof COST_CSV_PROBLEMS)[number];
  /** The column a `missing-column` problem is about. */
  column?: Column;
}

const rowSchema = z.object({
  sku: z.string().trim().min(1).max(400),
  supplier: z.string().trim().max(200),
  unitCost: z
    .string()
    .trim()
    .regex(/^\d{1,12}([.,]\d{1,4})?$/),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.string().regex(/^[A-Z]{3}$/)),
});

/**
 * The entries of a cost CSV and the problems of the rows it refused.
 * @example parseCostCsv('SKU,Supplier,Unit cost,Currency\nMUG,acme,2.50,USD\n') // { entries: [{ sku: 'MUG', supplierId: 'acme', unitCostMinor: 250, currency: 'USD' }], problems: [] }
 */
export function parseCostCsv(text: string): { entries: UnitCostEntry[]; problems: CostCsvProblem[] } {
  const records = tokenizeDelimited(text.replace(/^\uFEFF/, '')).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = records[0];
  if (!header) return { entries: [], problems: [{ line: 1, code: 'empty' }] };
  const index = columnIndexes(header.fields);
  const missing = (Object.keys(HEADERS) as Column[]).filter((c) => c !== 'supplier' && index[c] === undefined);
  if (missing.length > 0) return { entries: [], problems: missing.map((column) => ({ line: header.line, code: 'missing-column', column })) };
  const entries: UnitCostEntry[] = [];
  const problems: CostCsvProblem[] = [];
  const seen = new Set<string>();
  for (const { fields, line } of records.slice(1)) {
    const cell = (c: Column) => (index[c] === undefined ? '' : (fields[index[c]] ?? ''));
    const row = rowSchema.safeParse({ sku: cell('sku'), supplier: cell('supplier'), unitCost: cell('unitCost'), currency: cell('currency') });
    if (!row.success) {
      problems.push({ line, code: problemOf(row.error.issues[0]?.path[0]) });
      continue;
    }
    const entry = unitCostEntrySchema.safeParse({
      sku: row.data.sku,
      supplierId: row.data.supplier === '' ? null : row.data.supplier,
      unitCostMinor: minorUnits(row.data.unitCost, row.data.currency),
      currency: row.data.currency,
    });
    if (!entry.success) {
      problems.push({ line, code: 'bad-cost' });
      continue;
    }
    const key = JSON.stringify([entry.data.sku, entry.data.supplierId]);
    if (seen.has(key)) problems.push({ line, code: 'duplicate' });
    else {
      seen.add(key);
      entries.push(entry.data);
    }
  }
  return { entries, problems };
}

function columnIndexes(header: readonly string[]): Partial<Record<Column, number>> {
  const norm = header.map((h) => h.toLowerCase().replace(/[\s_\-()]/g, ''));
  const out: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(HEADERS) as Column[]) {
    const i = norm.findIndex((h) => (HEADERS[column] as readonly string[]).includes(h));
    if (i >= 0) out[column] = i;
  }
  return out;
}

function problemOf(field: PropertyKey | undefined): CostCsvProblem['code'] {
  return field === 'sku' ? 'bad-sku' : field === 'currency' ? 'bad-currency' : 'bad-cost';
}

/**
 * Helpers for the report parser tests (not used by the extension): reading fixtures and
 * feeding a text to the incremental parser in pieces.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listingObservationSchema, orderObservationSchema, type Observation } from '../records';
import { createReportParser, type ReportParseOptions } from './parser';

/**
 * The text of tests/fixtures/reports/<name>.
 * @example readFixture('amazon/fba-myi.us.tsv').startsWith('sku\t') // true
 */
export function readFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../tests/fixtures/reports/${name}`, import.meta.url)), 'utf8');
}

/**
 * Parses a text fed in pieces cut at `cuts`, collecting everything push() and finish() return.
 * @example parseInPieces('sku\n', [2], options).rows // []
 */
export function parseInPieces(text: string, cuts: readonly number[], options: ReportParseOptions) {
  const parser = createReportParser(options);
  const rows: Observation[] = [];
  const diagnostics = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const r = parser.push(text.slice(from, cut));
    rows.push(...r.rows);
    diagnostics.push(...r.diagnostics);
    from = cut;
  }
  const last = parser.push(text.slice(from));
  const end = parser.finish();
  rows.push(...last.rows, ...end.rows);
  diagnostics.push(...last.diagnostics, ...end.diagnostics);
  return { rows, diagnostics, reportId: end.reportId };
}

/** Asserts (by throwing) that each record passes its schema. */
export function assertValidRecords(rows: readonly Observation[]): void {
  for (const row of rows) {
    const result = row.kind === 'listing' ? listingObservationSchema.safeParse(row) : orderObservationSchema.safeParse(row);
    if (!result.success) throw new Error(`invalid record ${JSON.stringify(row).slice(0, 300)}: ${result.error.message}`);
  }
}

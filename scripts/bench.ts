/**
 * `npm run bench`: runs every suite in scripts/bench/ (or those named on the command line,
 * e.g. `npm run bench -- page-read store`) and prints each result as a table.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSuite, BenchTable } from './bench/types';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(join(here, 'bench'))
  .filter((f) => f.endsWith('.ts') && f !== 'types.ts' && !f.startsWith('.'))
  .filter((f) => wanted.length === 0 || wanted.includes(basename(f, '.ts')))
  .sort();

function printTable(table: BenchTable): void {
  const cells = [table.columns, ...table.rows.map((r) => r.map(String))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n### ${table.title}  (${table.environment})\n`);
  console.log(line(table.columns));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of cells.slice(1)) console.log(line(row));
  for (const note of table.notes ?? []) console.log(`\n${note}`);
}

let failed = false;
for (const file of files) {
  const suite = (await import(pathToFileURL(join(here, 'bench', file)).href)).default as BenchSuite;
  try {
    for (const table of await suite()) printTable(table);
  } catch (error) {
    failed = true;
    console.error(`\n[bench] ${file} failed:`, error);
  }
}
process.exitCode = failed ? 1 : 0;

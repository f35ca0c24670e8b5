/**
 * Batch planner: observation records (JSON lines) on stdin, one plan per SKU (JSON lines) on
 * stdout, problems on stderr.
 *
 *   npm run --silent plan -- --now 2026-03-01 [--settings settings.json] < observations.jsonl > plans.jsonl
 *
 * Input format: lib/planning/README.md. Exit code 0 when every line was good, 1 when some
 * lines were skipped (their plans are still written for the good lines), 2 on bad arguments.
 */
import { readFileSync } from 'node:fs';
import { parseNow, planJsonLines } from '../lib/planning/cli';
import { migrateSettingsReport } from '../lib/settings/migrate';

const USAGE = `usage: npm run --silent plan -- [--now YYYY-MM-DD] [--settings settings.json] < observations.jsonl > plans.jsonl

Reads observation records (JSON lines, the schema in lib/records.ts; an example is
scripts/examples/observations.jsonl) and writes one plan per SKU and stock pool (JSON lines).
  --now        the day to plan for (default: today)
  --settings   a settings file (JSON, as exported by the options page; invalid fields fall back to defaults)
Exit code: 0 all lines read, 1 some lines skipped (reported on stderr by line number), 2 bad arguments.
`;
if (process.argv.includes('--help')) {
  process.stdout.write(USAGE);
  process.exit(0);
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const nowText = argument('--now');
const now = nowText === undefined ? new Date() : parseNow(nowText);
if (!now) {
  process.stderr.write(`plan: --now must be YYYY-MM-DD or an ISO date-time, got "${nowText}"\n`);
  process.exit(2);
}
let settingsInput: unknown;
const settingsPath = argument('--settings');
if (settingsPath) {
  try {
    settingsInput = JSON.parse(readFileSync(settingsPath, 'utf8'));
  } catch (error) {
    process.stderr.write(`plan: cannot read settings ${settingsPath}: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
const { settings, dropped } = migrateSettingsReport(settingsInput);
for (const path of dropped) process.stderr.write(`plan: settings: invalid "${path}" replaced by its default\n`);

const input = readFileSync(0, 'utf8');
const { output, errors } = planJsonLines(input, settings, now);
for (const e of errors) process.stderr.write(`plan: line ${e.line}: ${e.message}\n`);
process.stdout.write(output);
process.exitCode = errors.length > 0 ? 1 : 0;

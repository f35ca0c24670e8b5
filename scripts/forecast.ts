/**
 * Batch forecasting CLI.
 *
 *   npm run --silent forecast -- --horizon H [--group-by REGEX] [--no-context] < series.jsonl > forecasts.jsonl
 *
 * Input, one JSON object a line: {"id","start":"YYYY-MM-DD","freq":"D"|"W"|"M","values":[number|null,...],"group"?}
 * (null = unknown/out-of-stock period). Output, one a line: {"id","model","forecast":[H],"p90":[H]}
 * where p90 is the 90% quantile of CUMULATIVE demand over periods 1..h.
 *
 * By default the whole input is read, the pooled context is fitted on it and every series is
 * forecast together, exactly as the extension forecasts a seller's catalogue; series with the
 * same `group` (or the same first capture group of --group-by in their id, e.g. one product on
 * several channels) are pooled. --no-context streams each line alone (no pooled context).
 * A bad line prints "line N: what is wrong" on stderr and is skipped; the others are still
 * forecast. Exit code: 0 = all lines forecast, 1 = some lines rejected (output incomplete, so a
 * batch job should notice), 2 = usage error (e.g. missing --horizon).
 * All logic lives in lib/forecast/cli.ts (unit-tested); this file only wires stdin/stdout.
 */
import { createInterface } from 'node:readline';
import { exitCodeFor, parseForecastArgs, runForecastBatch, runForecastLines } from '../lib/forecast/cli.ts';

const USAGE = `usage: npm run --silent forecast -- --horizon H [--group-by REGEX] [--no-context] < series.jsonl > forecasts.jsonl

Reads {"id","start":"YYYY-MM-DD","freq":"D"|"W"|"M","values":[number|null,...],"group"?} lines and
writes {"id","model","forecast":[H],"p90":[H]} lines (p90: the 90% quantile of cumulative demand).
  --horizon H    periods to forecast (1..3660)
  --group-by RE  pool series whose ids share RE's first capture group (as "group" does)
  --no-context   forecast each line alone, streaming (no pooled context)
Exit code: 0 all lines forecast, 1 some lines rejected (reported on stderr by line number), 2 bad arguments.
`;
if (process.argv.includes('--help')) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const args = parseForecastArgs(process.argv.slice(2));
if ('error' in args) {
  process.stderr.write(`forecast: ${args.error}\n${USAGE}`);
  process.exit(2);
}

const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
const writeLine = (json: string) => process.stdout.write(json + '\n');
const writeError = (message: string) => process.stderr.write(`forecast: ${message}\n`);
const summary = args.context
  ? await runForecastBatch(input, args.horizon, args.groupBy ? { groupBy: args.groupBy } : {}, writeLine, writeError)
  : await runForecastLines(input, args.horizon, writeLine, writeError);
if (summary.rejected > 0) process.stderr.write(`forecast: ${summary.forecast} series forecast, ${summary.rejected} lines rejected\n`);
process.exitCode = exitCodeFor(summary);

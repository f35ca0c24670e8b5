/**
 * Batch forecasting CLI.
 *
 *   npm run --silent forecast -- --horizon H < series.jsonl > forecasts.jsonl
 *
 * Input, one JSON object a line: {"id","start":"YYYY-MM-DD","freq":"D"|"W"|"M","values":[number|null,...]}
 * (null = unknown/out-of-stock period). Output, one a line: {"id","model","forecast":[H],"p90":[H]}
 * where p90 is the 90% quantile of CUMULATIVE demand over periods 1..h.
 *
 * Streams line by line (no pooled context: that would need the whole input first).
 * A bad line prints "line N: what is wrong" on stderr and is skipped; the others are still
 * forecast. Exit code: 0 = all lines forecast, 1 = some lines rejected (output incomplete, so a
 * batch job should notice), 2 = usage error (e.g. missing --horizon).
 * All logic lives in lib/forecast/cli.ts (unit-tested); this file only wires stdin/stdout.
 */
import { createInterface } from 'node:readline';
import { exitCodeFor, parseHorizonArg, runForecastLines } from '../lib/forecast/cli.ts';

const args = parseHorizonArg(process.argv.slice(2));
if ('error' in args) {
  process.stderr.write(`forecast: ${args.error}\nusage: npm run --silent forecast -- --horizon H < series.jsonl > forecasts.jsonl\n`);
  process.exit(2);
}

const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
const summary = await runForecastLines(
  input,
  args.horizon,
  (json) => process.stdout.write(json + '\n'),
  (message) => process.stderr.write(`forecast: ${message}\n`),
);
if (summary.rejected > 0) process.stderr.write(`forecast: ${summary.forecast} series forecast, ${summary.rejected} lines rejected\n`);
process.exitCode = exitCodeFor(summary);

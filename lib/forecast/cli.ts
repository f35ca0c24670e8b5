/**
 * Pure logic of the batch CLI (`scripts/forecast.ts`): argument parsing, validation of one JSONL
 * input line, and the output line. Kept here so it is unit-tested without spawning processes.
 */
import { z } from 'zod';
import { epochDay } from './calendar.ts';
import { MAX_HORIZON } from './core.ts';
import { fitContext } from './context.ts';
import { forecastBatch, forecastSeries } from './index.ts';
import type { ForecastContext, ForecastResult, SeriesInput } from './types.ts';

/** One input line: `{"id","start":"YYYY-MM-DD","freq":"D"|"W"|"M","values":[number|null,...]}`. */
const seriesLineSchema = z.object({
  id: z.string().min(1, 'id must be a non-empty string'),
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'start must be a date YYYY-MM-DD')
    .refine((s) => Number.isFinite(epochDay(s)), 'start is not a real calendar date'),
  freq: z.enum(['D', 'W', 'M']),
  values: z.array(z.number().nullable()),
  /** Series of one product on several channels share a group: the forecaster pools them. */
  group: z.string().min(1).max(200).optional(),
});

type SeriesLine = z.infer<typeof seriesLineSchema>;

type ParsedLine = { kind: 'blank' } | { kind: 'ok'; series: SeriesLine } | { kind: 'error'; message: string };

/**
 * Parse and validate one input line; errors name the line number and the offending field.
 * @example parseSeriesLine('{"id":"a","start":"2024-01-01","freq":"X","values":[]}', 3).kind // 'error'
 */
export function parseSeriesLine(line: string, lineNumber: number): ParsedLine {
  if (line.trim() === '') return { kind: 'blank' };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { kind: 'error', message: `line ${lineNumber}: not valid JSON (${(error as Error).message})` };
  }
  const result = seriesLineSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(line)'}: ${issue.message}`);
    return { kind: 'error', message: `line ${lineNumber}: ${problems.join('; ')}` };
  }
  return { kind: 'ok', series: result.data };
}

/** One output line. `p90` is the 90% quantile of cumulative demand (p90Cum). */
interface ForecastLine {
  id: string;
  model: string;
  forecast: number[];
  p90: number[];
}

/**
 * Forecast a validated series into an output record (numbers rounded to 4 decimals: unit
 * forecasts need no more, and it keeps the JSONL small).
 * @example forecastLine(series, 3).forecast.length // 3
 */
export function forecastLine(series: SeriesLine, horizon: number, ctx?: ForecastContext): ForecastLine {
  const input: SeriesInput = { values: series.values, freq: series.freq, start: series.start };
  return outputLine(series.id, forecastSeries(input, horizon, ctx));
}

/** The output record of one forecast. */
function outputLine(id: string, result: ForecastResult): ForecastLine {
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return { id, model: result.model, forecast: result.mean.map(round), p90: result.p90Cum.map(round) };
}

/** How the CLI forecasts: the whole input with the pooled context (as the extension does), or line by line. */
interface ForecastArgs {
  horizon: number;
  /** false = `--no-context`: stream each line alone, without the pooled context. */
  context: boolean;
  /** `--group-by <regex>`: a series' group is the regex's first capture group (else its match) in the id. */
  groupBy?: RegExp;
}

/**
 * The CLI's arguments: `--horizon H`, `--no-context`, `--group-by <regex>`.
 * @example parseForecastArgs(['--horizon', '28', '--group-by', '^(.*)_(CA|TX|WI)_\\d+$']) // { horizon: 28, context: true, groupBy: /^(.*)_(CA|TX|WI)_\d+$/ }
 */
export function parseForecastArgs(argv: readonly string[]): ForecastArgs | { error: string } {
  const horizon = parseHorizonArg(argv);
  if ('error' in horizon) return horizon;
  const args: ForecastArgs = { horizon: horizon.horizon, context: !argv.includes('--no-context') };
  const at = argv.findIndex((a) => a === '--group-by' || a.startsWith('--group-by='));
  if (at >= 0) {
    const raw = argv[at]!.startsWith('--group-by=') ? argv[at]!.slice('--group-by='.length) : argv[at + 1];
    if (!raw) return { error: '--group-by needs a regular expression' };
    if (!args.context) return { error: '--group-by pools series, which needs the context: drop --no-context' };
    try {
      args.groupBy = new RegExp(raw);
    } catch (error) {
      return { error: `--group-by is not a regular expression (${(error as Error).message})` };
    }
  }
  return args;
}

/**
 * A series' group: its own `group` field, else what `groupBy` finds in its id (first capture
 * group, else the whole match); none when neither says.
 * @example groupOf({ id: 'FOODS_1_001_CA_1', ... }, /^(.*)_(CA|TX|WI)_\d+$/) // 'FOODS_1_001'
 */
function groupOf(series: SeriesLine, groupBy: RegExp | undefined): string | undefined {
  if (series.group) return series.group;
  const match = groupBy?.exec(series.id);
  return match ? (match[1] ?? match[0]) : undefined;
}

/**
 * Read `--horizon H` (or `--horizon=H`) from CLI arguments.
 * @example parseHorizonArg(['--horizon', '28']) // { horizon: 28 }
 */
export function parseHorizonArg(argv: readonly string[]): { horizon: number } | { error: string } {
  let raw: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--horizon' || arg === '-h') raw = argv[i + 1];
    else if (arg.startsWith('--horizon=')) raw = arg.slice('--horizon='.length);
  }
  if (raw === undefined) return { error: 'missing --horizon H (periods to forecast)' };
  const horizon = Number(raw);
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
    return { error: `--horizon must be an integer from 1 to ${MAX_HORIZON}, got "${raw}"` };
  }
  return { horizon };
}

/** Counts of what a CLI run did. */
interface CliSummary {
  forecast: number;
  rejected: number;
}

/**
 * Stream lines through validation and forecasting: good lines go to `writeLine` as JSON, bad
 * lines to `writeError`; one bad line never stops the others.
 * @example await runForecastLines(['{"id":"a",...}'], 7, out, err) // { forecast: 1, rejected: 0 }
 */
export async function runForecastLines(
  lines: AsyncIterable<string> | Iterable<string>,
  horizon: number,
  writeLine: (json: string) => void,
  writeError: (message: string) => void,
): Promise<CliSummary> {
  const summary: CliSummary = { forecast: 0, rejected: 0 };
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const parsed = parseSeriesLine(line, lineNumber);
    if (parsed.kind === 'blank') continue;
    if (parsed.kind === 'error') {
      summary.rejected++;
      writeError(parsed.message);
      continue;
    }
    writeLine(JSON.stringify(forecastLine(parsed.series, horizon)));
    summary.forecast++;
  }
  return summary;
}

/**
 * The whole input at once, as the extension forecasts: every good line is read first, the
 * pooled context is fitted on all of them (`fitContext`) and they are forecast together
 * (`forecastBatch`, pooling series of one group); output in input order. Bad lines are
 * reported as they are read, as in the streaming mode.
 * @example await runForecastBatch(lines, 28, { groupBy: /^(.*)_\d+$/ }, out, err) // { forecast: n, rejected: 0 }
 */
export async function runForecastBatch(
  lines: AsyncIterable<string> | Iterable<string>,
  horizon: number,
  options: { groupBy?: RegExp },
  writeLine: (json: string) => void,
  writeError: (message: string) => void,
): Promise<CliSummary> {
  const summary: CliSummary = { forecast: 0, rejected: 0 };
  const series: SeriesLine[] = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const parsed = parseSeriesLine(line, lineNumber);
    if (parsed.kind === 'ok') series.push(parsed.series);
    else if (parsed.kind === 'error') {
      summary.rejected++;
      writeError(parsed.message);
    }
  }
  const inputs: SeriesInput[] = series.map((s) => {
    const group = groupOf(s, options.groupBy);
    return { values: s.values, freq: s.freq, start: s.start, ...(group ? { group } : {}) };
  });
  const results = forecastBatch(inputs, horizon, fitContext(inputs));
  results.forEach((result, i) => {
    writeLine(JSON.stringify(outputLine(series[i]!.id, result)));
    summary.forecast++;
  });
  return summary;
}

/**
 * Exit code policy: 0 when every non-blank line was forecast; 1 when any line was rejected (the
 * good lines are still written, but a batch job must notice that its output is incomplete);
 * 2 for a usage error (no forecasting done).
 * @example exitCodeFor({ forecast: 5, rejected: 1 }) // 1
 */
export function exitCodeFor(summary: CliSummary): number {
  return summary.rejected > 0 ? 1 : 0;
}

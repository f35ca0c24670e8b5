import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exitCodeFor, forecastLine, parseForecastArgs, parseHorizonArg, parseSeriesLine, runForecastBatch, runForecastLines } from './cli.ts';
import { fitContext } from './context.ts';
import { forecastBatch } from './index.ts';

const good = (id: string) => JSON.stringify({ id, start: '2024-01-01', freq: 'D', values: [1, 2, null, 3, 4, 0, 2] });

describe('CLI logic', () => {
  it('reads --horizon in both spellings and rejects nonsense', () => {
    expect(parseHorizonArg(['--horizon', '28'])).toEqual({ horizon: 28 });
    expect(parseHorizonArg(['--horizon=7'])).toEqual({ horizon: 7 });
    expect(parseHorizonArg([])).toHaveProperty('error');
    expect(parseHorizonArg(['--horizon', '2.5'])).toHaveProperty('error');
    expect(parseHorizonArg(['--horizon', '0'])).toHaveProperty('error');
  });

  it('names the line and the field that is wrong', () => {
    const badFreq = parseSeriesLine('{"id":"a","start":"2024-01-01","freq":"Q","values":[]}', 3);
    expect(badFreq.kind).toBe('error');
    expect(badFreq.kind === 'error' && badFreq.message).toMatch(/^line 3: freq/);
    const badValue = parseSeriesLine('{"id":"a","start":"2024-01-01","freq":"D","values":[1,"x"]}', 4);
    expect(badValue.kind === 'error' && badValue.message).toMatch(/line 4: values\.1/);
    const badDate = parseSeriesLine('{"id":"a","start":"2024-02-30","freq":"D","values":[]}', 5);
    expect(badDate.kind === 'error' && badDate.message).toMatch(/line 5: start/);
    const notJson = parseSeriesLine('{nope', 6);
    expect(notJson.kind === 'error' && notJson.message).toMatch(/line 6: not valid JSON/);
    expect(parseSeriesLine('   ', 7).kind).toBe('blank');
  });

  it('writes one output line per good input line and carries on after bad ones', async () => {
    const out: string[] = [];
    const errors: string[] = [];
    const summary = await runForecastLines(
      [good('a'), 'garbage', '', good('b')],
      4,
      (l) => out.push(l),
      (e) => errors.push(e),
    );
    expect(summary).toEqual({ forecast: 2, rejected: 1 });
    expect(errors).toEqual([expect.stringMatching(/^line 2: /)]);
    const parsed = out.map((l) => JSON.parse(l));
    expect(parsed.map((p) => p.id)).toEqual(['a', 'b']);
    for (const p of parsed) {
      expect(p.forecast).toHaveLength(4);
      expect(p.p90).toHaveLength(4);
      expect(p.p90[3]).toBeGreaterThanOrEqual(p.p90[0]);
    }
    expect(exitCodeFor(summary)).toBe(1);
    expect(exitCodeFor({ forecast: 2, rejected: 0 })).toBe(0);
  });

  it('reports p90 as the cumulative quantile', () => {
    const parsed = parseSeriesLine(good('a'), 1);
    if (parsed.kind !== 'ok') throw new Error('expected a valid line');
    const line = forecastLine(parsed.series, 10);
    const total = line.forecast.reduce((a, b) => a + b, 0);
    expect(line.p90[9]).toBeGreaterThan(total);
  });
});

describe('one forecaster: the CLI forecasts as the extension does', () => {
  it('reads --no-context and --group-by, and refuses a bad pattern or pooling without the context', () => {
    expect(parseForecastArgs(['--horizon', '28'])).toEqual({ horizon: 28, context: true });
    expect(parseForecastArgs(['--horizon', '7', '--no-context'])).toEqual({ horizon: 7, context: false });
    expect(parseForecastArgs(['--horizon=7', '--group-by=^(.*)_\\d$'])).toEqual({ horizon: 7, context: true, groupBy: /^(.*)_\d$/ });
    expect(parseForecastArgs(['--horizon', '7', '--group-by', '('])).toHaveProperty('error');
    expect(parseForecastArgs(['--horizon', '7', '--group-by', 'x', '--no-context'])).toHaveProperty('error');
    expect(parseForecastArgs(['--group-by', 'x'])).toHaveProperty('error');
  });

  it('gives exactly the library numbers (fitContext + forecastBatch) on the bundled data, pooled by group', async () => {
    const lines = readFileSync(new URL('./testdata/online_retail_daily.train.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .slice(0, 120);
    // Pair series into made-up products (two channels each) so pooling is exercised too.
    const grouped = lines.map((line, i) => JSON.stringify({ ...JSON.parse(line), id: `P${Math.floor(i / 2)}_${i % 2}` }));
    const out: string[] = [];
    const summary = await runForecastBatch(
      grouped,
      28,
      { groupBy: /^(P\d+)_\d$/ },
      (l) => out.push(l),
      () => undefined,
    );
    expect(summary).toEqual({ forecast: 120, rejected: 0 });

    const inputs = grouped.map((line) => {
      const s = JSON.parse(line) as { id: string; start: string; freq: 'D'; values: (number | null)[] };
      return { values: s.values, freq: s.freq, start: s.start, group: s.id.replace(/_\d$/, '') };
    });
    const library = forecastBatch(inputs, 28, fitContext(inputs));
    const round = (v: number) => Math.round(v * 1e4) / 1e4;
    const cli = out.map((l) => JSON.parse(l) as { id: string; model: string; forecast: number[]; p90: number[] });
    expect(cli.map((c) => c.id)).toEqual(grouped.map((l) => (JSON.parse(l) as { id: string }).id));
    cli.forEach((c, i) => {
      expect(c.model).toBe(library[i]!.model);
      expect(c.forecast).toEqual(library[i]!.mean.map(round));
      expect(c.p90).toEqual(library[i]!.p90Cum.map(round));
    });
    // Not the streaming numbers: the context changes the forecasts.
    const streamed: string[] = [];
    await runForecastLines(
      grouped,
      28,
      (l) => streamed.push(l),
      () => undefined,
    );
    expect(streamed).not.toEqual(out);
  });

  it('a group field in the input pools as --group-by does', async () => {
    const line = (id: string, group: string, values: number[]) => JSON.stringify({ id, start: '2024-01-01', freq: 'D', values, group });
    const values = Array.from({ length: 120 }, (_, i) => (i % 7 === 0 ? 3 : 1));
    const withField: string[] = [];
    await runForecastBatch(
      [
        line('a', 'p', values),
        line(
          'b',
          'p',
          values.map((v) => v * 2),
        ),
      ],
      7,
      {},
      (l) => withField.push(l),
      () => undefined,
    );
    const withRegex: string[] = [];
    const bare = (id: string, v: number[]) => JSON.stringify({ id, start: '2024-01-01', freq: 'D', values: v });
    await runForecastBatch(
      [
        bare('p_a', values),
        bare(
          'p_b',
          values.map((v) => v * 2),
        ),
      ],
      7,
      { groupBy: /^(p)_/ },
      (l) => withRegex.push(l),
      () => undefined,
    );
    expect(withField.map((l) => JSON.parse(l).forecast)).toEqual(withRegex.map((l) => JSON.parse(l).forecast));
  });
});

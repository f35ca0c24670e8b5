import { describe, expect, it } from 'vitest';
import { exitCodeFor, forecastLine, parseHorizonArg, parseSeriesLine, runForecastLines } from './cli.ts';

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

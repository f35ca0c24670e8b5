import { describe, expect, it } from 'vitest';
import { fitContext, forecastBatch, forecastSeries, type SeriesInput } from './index.ts';
import { groupTotal, memberShare, poolGroups } from './pooling.ts';
import { poisson, seededRandom } from './synthetic.ts';

/**
 * `items` products, each sold in `stores` channels at fixed shares of a common level that moves
 * (multiplicative random walk): every channel's own history is noisy, the total much less so.
 */
function channelCatalogue(items: number, stores: number, days: number, seed: number) {
  const rand = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const series: (SeriesInput & { truth: number })[] = [];
  for (let item = 0; item < items; item++) {
    const shares = Array.from({ length: stores }, () => 0.5 + rand());
    const sum = shares.reduce((a, b) => a + b, 0);
    let level = 2 + 8 * rand();
    const levels = Array.from({ length: days }, () => (level *= Math.exp(0.03 * normal())));
    shares.forEach((share) => {
      const rate = (t: number) => (levels[t]! * share) / sum;
      series.push({ values: levels.map((_, t) => poisson(rand, rate(t))), freq: 'D', start: '2024-01-01', group: `item${item}`, truth: rate(days - 1) });
    });
  }
  return series;
}

describe('forecastBatch: pooling one item across channels', () => {
  it('brings noisy channels of one item closer to their true level than forecasting each alone', () => {
    const series = channelCatalogue(40, 5, 300, 3);
    const ctx = { groupWeight: 0.6, groupShareWindow: 91 };
    const pooled = forecastBatch(series, 28, ctx);
    let pooledError = 0;
    let ownError = 0;
    series.forEach((s, i) => {
      const own = forecastSeries(s, 28, ctx).mean;
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      pooledError += Math.abs(mean(pooled[i]!.mean.slice(0, 7)) - s.truth);
      ownError += Math.abs(mean(own.slice(0, 7)) - s.truth);
    });
    expect(pooledError).toBeLessThan(0.9 * ownError);
  });

  it('leaves ungrouped series, lone members and members ending on another day exactly as forecastSeries', () => {
    const [a, b, c] = channelCatalogue(1, 3, 200, 8);
    const ctx = { groupWeight: 1, groupShareWindow: 91 };
    const inputs: SeriesInput[] = [
      { ...a!, group: undefined },
      { ...b!, group: 'alone' },
      { ...c!, group: 'x' },
      { ...a!, values: a!.values.slice(0, -1), group: 'x' },
    ];
    const batch = forecastBatch(inputs, 14, ctx);
    inputs.forEach((input, i) => {
      const single = forecastSeries(input, 14, ctx);
      expect(batch[i]!.mean).toEqual(single.mean);
      expect(batch[i]!.p90Cum).toEqual(single.p90Cum);
    });
    // Without a pooling weight in the context, groups change nothing either.
    const grouped = channelCatalogue(2, 3, 120, 9);
    forecastBatch(grouped, 7, {}).forEach((r, i) => expect(r.mean).toEqual(forecastSeries(grouped[i]!, 7, {}).mean));
  });

  it('moves quantiles with the pooled mean', () => {
    const series = channelCatalogue(1, 3, 200, 4);
    series[0]!.values = series[0]!.values.map((v, t) => (t >= 172 ? 0 : v)); // one channel went quiet lately
    const pooled = forecastBatch(series, 28, { groupWeight: 1, groupShareWindow: 364 })[0]!;
    const own = forecastSeries(series[0]!, 28, {});
    expect(pooled.mean[0]).toBeGreaterThan(own.mean[0]!);
    expect(pooled.p90Cum[27]).toBeGreaterThan(own.p90Cum[27]!);
  });

  it('totals and shares align members on their last day', () => {
    expect(Array.from(groupTotal([Float64Array.of(1, 2), Float64Array.of(5)]))).toEqual([1, 7]);
    expect(memberShare(Float64Array.of(1, Number.NaN), Float64Array.of(4, 4), 2)).toBe(0.25);
    const groups = poolGroups([
      { values: [1, 2], freq: 'D', start: '2024-01-01', group: 'g' },
      { values: [2], freq: 'D', start: '2024-01-02', group: 'g' },
      { values: [2], freq: 'D', start: '2024-01-01', group: 'g' },
    ]);
    expect(groups.map((g) => g.members)).toEqual([[0, 1]]);
  });
});

describe('fitContext: pooling weight', () => {
  it('pools grouped channels on holdouts and adds nothing for ungrouped catalogues', () => {
    const series = channelCatalogue(12, 5, 300, 21);
    const ctx = fitContext(series);
    expect(ctx.groupWeight).toBeGreaterThan(0);
    expect([91, 364]).toContain(ctx.groupShareWindow);
    const ungrouped = fitContext(series.map(({ group: _g, ...s }) => s));
    expect(ungrouped.groupWeight).toBeUndefined();
    expect(ungrouped.groupShareWindow).toBeUndefined();
  });
});

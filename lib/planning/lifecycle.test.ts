import { describe, expect, it } from 'vitest';
import { knownDaysSinceLastSale, knownMean, lifecycleStage, stagePolicy, trendZ } from './lifecycle';
import { seededRandom } from '../random';
import { defaultSettings } from '../settings/schema';

const s = defaultSettings();

describe('lifecycle', () => {
  const facts = { ageDays: 400, recentRate: 5, previousRate: 5, daysSinceLastSale: 0, ended: false };
  it('reads stage from age and trend', () => {
    expect(lifecycleStage(facts, s.lifecycle)).toBe('maturity');
    expect(lifecycleStage({ ...facts, ageDays: 20 }, s.lifecycle)).toBe('launch');
    expect(lifecycleStage({ ...facts, recentRate: 8 }, s.lifecycle)).toBe('growth');
    expect(lifecycleStage({ ...facts, recentRate: 2 }, s.lifecycle)).toBe('decline');
    expect(lifecycleStage({ ...facts, daysSinceLastSale: 90 }, s.lifecycle)).toBe('exit');
    expect(lifecycleStage({ ...facts, ended: true }, s.lifecycle)).toBe('exit');
  });
  it('does not read a trend into a handful of sales', () => {
    expect(lifecycleStage({ ...facts, recentRate: 0.2, previousRate: 0.05 }, s.lifecycle)).toBe('maturity');
  });
  it('does not read a chance dip of a slow seller as a decline, but does read a real one', () => {
    // 1.2 a day: 23 units in the last 28 days against 73 in the 56 before (ratio 0.63) is noise.
    expect(lifecycleStage({ ...facts, recentRate: 23 / 28, previousRate: 73 / 56 }, s.lifecycle)).toBe('maturity');
    expect(lifecycleStage({ ...facts, recentRate: 0.4, previousRate: 1.2 }, s.lifecycle)).toBe('decline');
    // The fee bench's 1.2-a-day SKU: 24 units against 89 (z -2.7), still chance across a catalogue.
    expect(lifecycleStage({ ...facts, recentRate: 24 / 28, previousRate: 89 / 56 }, s.lifecycle)).toBe('maturity');
    expect(lifecycleStage({ ...facts, recentRate: 10 / 28, previousRate: 89 / 56 }, s.lifecycle)).toBe('decline');
  });
  it('stable Poisson demand is rarely read as a trend, at any rate; a halving of 5 a day nearly always is', () => {
    const next = seededRandom(7);
    const poisson = (rate: number) => {
      let k = 0;
      for (let p = Math.exp(-rate), sum = p, u = next(); u > sum; sum += p) p *= rate / ++k;
      return k;
    };
    const stage = (before: number, after: number) => {
      let previous = 0;
      let recent = 0;
      for (let d = 0; d < 56; d++) previous += poisson(before);
      for (let d = 0; d < 28; d++) recent += poisson(after);
      return lifecycleStage({ ...facts, recentRate: recent / 28, previousRate: previous / 56 }, s.lifecycle);
    };
    for (const rate of [0.5, 1, 2, 5, 20]) {
      // Read by the ratio alone, 40% of these at 0.5 a day (23% at 1, 9% at 2) were a trend.
      const stages = Array.from({ length: 400 }, () => stage(rate, rate));
      expect(stages.filter((x) => x === 'decline').length, `rate ${rate}`).toBeLessThanOrEqual(8);
      expect(stages.filter((x) => x !== 'maturity').length, `rate ${rate}`).toBeLessThanOrEqual(16);
    }
    expect(Array.from({ length: 200 }, () => stage(5, 2.5)).filter((x) => x === 'decline').length).toBeGreaterThanOrEqual(196);
  });
  it('trendZ is 0 for equal rates and signed by the direction', () => {
    expect(trendZ(5, 5)).toBe(0);
    expect(trendZ(2, 5)).toBeLessThan(0);
    expect(trendZ(8, 5)).toBeGreaterThan(0);
    expect(trendZ(0, 0)).toBe(0);
  });
  it('policy: small batches at launch, more safety in growth, no reorder in decline or exit', () => {
    expect(stagePolicy('launch', s.lifecycle).maxCoverDays).toBe(30);
    expect(stagePolicy('growth', s.lifecycle).safetyFactor).toBe(1.25);
    expect(stagePolicy('decline', s.lifecycle).reorder).toBe(false);
    expect(stagePolicy('exit', s.lifecycle).reorder).toBe(false);
  });
  it('counts known days only', () => {
    expect(knownDaysSinceLastSale(Float64Array.of(2, 0, NaN, 0))).toBe(2);
    expect(knownMean(Float64Array.of(1, NaN, 3), 0, 3)).toBe(2);
    expect(knownMean(Float64Array.of(NaN), 0, 3)).toBeNaN();
  });
});

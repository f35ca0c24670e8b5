import { describe, expect, it } from 'vitest';
import { knownDaysSinceLastSale, knownMean, lifecycleStage, stagePolicy } from './lifecycle';
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

import { describe, expect, it } from 'vitest';
import { VARIANTS, variantsToRun } from '../../scripts/bench/partial-views';

describe('PARTIAL_VIEWS_ONLY', () => {
  it('runs every variant when unset, the named ones in the order given, and refuses a name no variant has with the choices', () => {
    expect(variantsToRun(undefined)).toBe(VARIANTS);
    expect(variantsToRun('')).toBe(VARIANTS);
    expect(variantsToRun('daily, weekly').map((v) => v.every)).toEqual([1, 7]);
    expect(() => variantsToRun('weekly,hourly')).toThrow('"hourly" is none of weekly, fortnightly, weekly + orders, daily');
  });
});

import { describe, expect, it } from 'vitest';
import { formOf, overridesOf } from './overrides-form';

const empty = { targetCoverDays: '', serviceLevel: '', defaultMoq: '', defaultCasePack: '' };

describe('per-account settings form', () => {
  it('turns filled fields into overrides, empty ones into "use the global setting", keeping hidden overrides', () => {
    expect(overridesOf({ ...empty, serviceLevel: ' 0.99 ', defaultMoq: '50' }, { targetCoverDays: 30, safetyBuffers: {} })).toEqual({
      ok: true,
      overrides: { serviceLevel: 0.99, defaultMoq: 50, safetyBuffers: {} },
    });
    expect(formOf({ targetCoverDays: 90 })).toEqual({ ...empty, targetCoverDays: '90' });
  });

  it('names every field that is not a valid value and saves nothing', () => {
    expect(overridesOf({ ...empty, targetCoverDays: '-1', serviceLevel: '2', defaultMoq: 'abc', defaultCasePack: '6' }, {})).toEqual({
      ok: false,
      invalid: ['targetCoverDays', 'serviceLevel', 'defaultMoq'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/schema';
import { presetOf, TRANSIT_PRESETS, withPreset } from './presets';

describe('freight presets', () => {
  it('sea is the settings default, and air is faster for every destination', () => {
    expect(TRANSIT_PRESETS.sea).toEqual(defaultSettings().leadTimes.transitDaysByDestination);
    for (const d of ['FBA', 'WFS', 'SELLER'] as const) expect(TRANSIT_PRESETS.air[d]).toBeLessThan(TRANSIT_PRESETS.sea[d]);
  });

  it('applies a preset to the chosen destinations only', () => {
    const edited = { FBA: 35, WFS: 41, SELLER: 20 };
    expect(withPreset(edited, 'air', ['FBA', 'WFS'])).toEqual({ FBA: TRANSIT_PRESETS.air.FBA, WFS: TRANSIT_PRESETS.air.WFS, SELLER: 20 });
    expect(edited).toEqual({ FBA: 35, WFS: 41, SELLER: 20 });
  });

  it('names the preset the days equal, and none once the seller edited one of them', () => {
    const air = withPreset(TRANSIT_PRESETS.sea, 'air', ['FBA']);
    expect(presetOf(air, ['FBA'])).toBe('air');
    expect(presetOf(air, ['FBA', 'WFS'])).toBeUndefined();
    expect(presetOf({ ...TRANSIT_PRESETS.sea, FBA: 39 }, ['FBA'])).toBeUndefined();
    expect(presetOf(TRANSIT_PRESETS.sea, [])).toBeUndefined();
  });
});

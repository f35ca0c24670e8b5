import { describe, expect, it } from 'vitest';
import { offForecastAlert, spikeAlert } from './alerts';
import { defaultSettings } from '../settings/schema';

const s = defaultSettings();

describe('sales alerts', () => {
  const t = s.alerts;
  it('off forecast needs the whole run in one direction', () => {
    expect(offForecastAlert(Float64Array.of(5, 20, 20, 20), 10, t)?.params.direction).toBe('above');
    expect(offForecastAlert(Float64Array.of(5, 5, NaN, 5), 10, t)?.params.direction).toBe('below');
    expect(offForecastAlert(Float64Array.of(20, 5, 20), 10, t)).toBeNull();
    expect(offForecastAlert(Float64Array.of(20, 11, 20), 10, t)).toBeNull();
    expect(offForecastAlert(Float64Array.of(20, 20), 10, t)).toBeNull();
  });
  it('spike: over 200% of the forecast and at least 3 units more', () => {
    expect(spikeAlert(Float64Array.of(2, 30), 10, t, 0)?.params.date).toBe('1970-01-02');
    expect(spikeAlert(Float64Array.of(2, 19), 10, t, 0)).toBeNull();
    expect(spikeAlert(Float64Array.of(1), 0.3, t, 0)).toBeNull();
  });
});

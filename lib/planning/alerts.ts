/**
 * Sales alerts that compare what sold with what was expected. Each returns the alert or null,
 * so the caller decides which apply; thresholds come from settings.
 */
import type { AlertThresholds } from '../settings/schema';
import { isoDate } from './days';
import type { Alert } from './types';

/**
 * Sales off the forecast by more than `offForecastPct` on each of the last `offForecastDays`
 * known days, all in the same direction (one odd day is noise; a run is a change).
 * @example offForecastAlert(Float64Array.of(20, 20, 20), 10, t) // { code: 'sales-off-forecast', params: { direction: 'above', ... } }
 */
export function offForecastAlert(units: Float64Array, expectedDaily: number, t: AlertThresholds): Alert | null {
  if (!(expectedDaily > 0)) return null;
  const limit = t.offForecastPct / 100;
  let direction = 0;
  let run = 0;
  for (let i = units.length - 1; i >= 0 && run < t.offForecastDays; i--) {
    const v = units[i]!;
    if (v !== v) continue;
    const off = (v - expectedDaily) / expectedDaily;
    const sign = off > limit ? 1 : off < -limit ? -1 : 0;
    if (sign === 0 || (direction !== 0 && sign !== direction)) return null;
    direction = sign;
    run++;
  }
  if (run < t.offForecastDays) return null;
  return {
    code: 'sales-off-forecast',
    severity: 'warning',
    params: { pct: t.offForecastPct, days: t.offForecastDays, direction: direction > 0 ? 'above' : 'below', expected: round2(expectedDaily) },
  };
}

/**
 * The latest known day sold more than `spikePct`% of the forecast (200 = double), and at
 * least 3 units more, so 1 sale against 0.3 expected is not a spike.
 * @example spikeAlert(Float64Array.of(2, 30), 10, t, 100) // { code: 'sales-spike', ... }
 */
export function spikeAlert(units: Float64Array, expectedDaily: number, t: AlertThresholds, startDay: number): Alert | null {
  for (let i = units.length - 1; i >= 0; i--) {
    const v = units[i]!;
    if (v !== v) continue;
    if (v > (expectedDaily * t.spikePct) / 100 && v >= expectedDaily + 3) {
      return { code: 'sales-spike', severity: 'info', params: { date: isoDate(startDay + i), units: round2(v), expected: round2(expectedDaily) } };
    }
    return null;
  }
  return null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

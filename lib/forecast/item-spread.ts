/**
 * How lumpy one item is and how wide its forecast's spread: its own variance-to-mean ratio shrunk
 * towards the catalogue's, and the calibrated spread for its selling level.
 */
import type { SpreadCalibration } from './types.ts';

/**
 * Variance-to-mean ratio of recent demand around its weekday-adjusted mean, shrunk towards the
 * pooled value (a dozen sales say little about how lumpy an item is).
 */
export function estimateDispersion(y: Float64Array, profile: Float64Array | null, weekdayOf0: number | null, prior: number, shrinkPeriods: number): number {
  return shrunkDispersion(dispersionEvidence(y, profile, weekdayOf0, shrinkPeriods), prior);
}

/**
 * The item's own variance-to-mean ratio over the past year and its weight against a prior
 * (selling periods / (selling periods + shrinkPeriods)); null when nothing sold.
 * @example dispersionEvidence(Float64Array.of(0, 4, 0, 4), null, null, 2) // { own: 2, weight: 0.5 }
 */
export function dispersionEvidence(
  y: Float64Array,
  profile: Float64Array | null,
  weekdayOf0: number | null,
  shrinkPeriods: number,
): { own: number; weight: number } | null {
  const n = y.length;
  const from = Math.max(0, n - 364);
  let sum = 0;
  let count = 0;
  let selling = 0;
  for (let i = from; i < n; i++) {
    const v = y[i]!;
    if (v === v) {
      sum += v;
      count++;
      if (v > 0) selling++;
    }
  }
  if (count === 0 || sum === 0) return null;
  const level = sum / count;
  let squares = 0;
  let expectedTotal = 0;
  let weekday = weekdayOf0 === null ? 0 : (weekdayOf0 + from) % 7;
  for (let i = from; i < n; i++) {
    const v = y[i]!;
    const expected = profile && weekdayOf0 !== null ? level * profile[weekday]! : level;
    weekday = weekday === 6 ? 0 : weekday + 1;
    if (v !== v) continue;
    squares += (v - expected) * (v - expected);
    expectedTotal += expected;
  }
  return { own: Math.max(1, squares / expectedTotal), weight: selling / (selling + shrinkPeriods) };
}

/** The own dispersion shrunk towards the prior by its weight (the prior alone without evidence). */
export function shrunkDispersion(evidence: { own: number; weight: number } | null, prior: number): number {
  if (!evidence) return prior;
  return Math.max(1, evidence.weight * evidence.own + (1 - evidence.weight) * prior);
}

/**
 * The calibrated spread for an item selling `level` units per period, or null when the
 * calibration is missing or malformed.
 * @example spreadBucket({ edges: [1], levelDrift: [0.1, 0.2], dispersionScale: [1, 2] }, 5) // { levelDrift: 0.2, dispersionScale: 2 }
 */
export function spreadBucket(
  calibration: SpreadCalibration | undefined,
  level: number,
): { levelDrift: number; dispersionScale: number; revival: number } | null {
  if (!calibration || typeof calibration !== 'object') return null;
  const { edges, levelDrift, dispersionScale } = calibration;
  if (!Array.isArray(edges) || !Array.isArray(levelDrift) || !Array.isArray(dispersionScale)) return null;
  if (levelDrift.length !== edges.length + 1 || dispersionScale.length !== levelDrift.length) return null;
  let b = 0;
  while (b < edges.length && level >= edges[b]!) b++;
  const drift = levelDrift[b];
  const scale = dispersionScale[b];
  if (typeof drift !== 'number' || !(drift >= 0) || !Number.isFinite(drift)) return null;
  if (typeof scale !== 'number' || !(scale > 0) || !Number.isFinite(scale)) return null;
  const revival = Array.isArray(calibration.revival) ? calibration.revival[b] : 0;
  return { levelDrift: drift, dispersionScale: scale, revival: typeof revival === 'number' && revival > 0 && revival <= 1 ? revival : 0 };
}

/** Mean of the known values over the last `periods` periods (0 when none is known). */
export function longRunMean(y: Float64Array, periods: number): number {
  let sum = 0;
  let count = 0;
  for (let i = Math.max(0, y.length - periods); i < y.length; i++) {
    const v = y[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}

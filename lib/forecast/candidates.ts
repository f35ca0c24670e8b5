/**
 * The candidate models of one fit (core.ts fitCandidates): every base model's level (and slope)
 * at each rolling origin, with its weekday-shaped and same-time-last-year variants, and a
 * candidate's forecast from an origin. Candidates are pooled scratch: read before the next fit.
 */
import { blendedMovingAverageAt, dampedTrendAt, dampedTrendPairAt, flatModelsAt, MODEL_SETTINGS } from './models.ts';

/** Base models fitted on the (possibly de-seasonalised) history. */
type BaseModel = 'ma' | 'ses' | 'croston' | 'sba' | 'tsb' | 'damped' | 'blend';

/** One candidate model: its flat level (and slope for trend models) at every origin. */
export interface Candidate {
  name: string;
  level: Float64Array;
  slope: Float64Array | null;
  /** Multiply by the weekday profile. */
  seasonal: boolean;
  /** Multiply by the same-time-last-year factors. */
  yearly: boolean;
}

/** Each base model with the weekday profile (literal names, see YEARLY_VARIANT). */
const WEEKDAY_VARIANT: Readonly<Record<BaseModel, string>> = {
  ma: 'ma+dow',
  ses: 'ses+dow',
  croston: 'croston+dow',
  sba: 'sba+dow',
  tsb: 'tsb+dow',
  damped: 'damped+dow',
  blend: 'blend+dow',
};

/**
 * The same-time-last-year variant of each base model that has one (moving averages and the
 * blend). Literal names: candidate names are compared on every forecast, and a concatenated
 * string compares character by character.
 */
const YEARLY_VARIANT: Readonly<Record<string, string>> = {
  ma: 'ma+year',
  'ma+dow': 'ma+dow+year',
  blend: 'blend+year',
  'blend+dow': 'blend+dow+year',
};

/**
 * Every base candidate, in selection order: the models fitted on the history itself, then (with
 * a de-seasonalised history) the weekday-shaped ones. Both damped trends are fitted in one pass.
 */
export function fitModels(
  fitY: Float64Array,
  deseasonalised: Float64Array | null,
  origins: number[],
  levels: { windows: readonly number[]; weights: readonly number[] },
  profile: Float64Array | null,
  weekdayOf0: number,
): Candidate[] {
  const candidates = candidatesScratch;
  candidates.length = 0;
  const damped = fitAll(fitY, origins, levels, null, 0, false, candidates, fitY, deseasonalised !== null);
  const { dampedAlpha, dampedBeta, dampedPhi } = MODEL_SETTINGS;
  if (deseasonalised) {
    // The weekday MA is a ratio estimator on the raw history (see blendedMovingAverageAt).
    const dampedDow = fitAll(deseasonalised, origins, levels, profile, weekdayOf0, true, candidates, fitY);
    const out = { levelA: damped.level, slopeA: damped.slope!, levelB: dampedDow.level, slopeB: dampedDow.slope! };
    dampedTrendPairAt(fitY, deseasonalised, dampedAlpha, dampedBeta, dampedPhi, origins, out);
  } else {
    dampedTrendAt(fitY, dampedAlpha, dampedBeta, dampedPhi, origins, damped.level, damped.slope!);
  }
  return candidates;
}

/**
 * Add every candidate fitted on `z` to `out` and return the damped-trend one, whose level and
 * slope the caller fits (both histories' trends in one pass, see dampedTrendPairAt).
 */
function fitAll(
  z: Float64Array,
  origins: number[],
  level: { windows: readonly number[]; weights: readonly number[] },
  profile: Float64Array | null,
  weekdayOf0: number,
  seasonal: boolean,
  out: Candidate[],
  raw: Float64Array = z,
  trendOnly = false,
): Candidate {
  const m = origins.length;
  const suffix = seasonal ? '+dow' : '';
  const add = addCandidate;
  const ma = add(out, 'ma', suffix, m, seasonal);
  blendedMovingAverageAt(raw, profile, weekdayOf0, level.windows, level.weights, origins, ma);
  if (trendOnly) {
    // With a weekday shape, the flat models are fitted on the de-seasonalised history only; a
    // trend fitted on the raw one is still a candidate (it is picked for some launches).
    add(out, 'damped', suffix, m, seasonal, true);
    return out[out.length - 1]!;
  }
  const ses = add(out, 'ses', suffix, m, seasonal);
  const croston = add(out, 'croston', suffix, m, seasonal);
  const sba = add(out, 'sba', suffix, m, seasonal);
  const tsb = add(out, 'tsb', suffix, m, seasonal);
  flatModelsAt(z, 0.1, MODEL_SETTINGS.crostonAlpha, MODEL_SETTINGS.tsbDemandAlpha, MODEL_SETTINGS.tsbProbabilityBeta, origins, ses, croston, tsb);
  for (let k = 0; k < m; k++) sba[k] = croston[k]! * (1 - MODEL_SETTINGS.crostonAlpha / 2);
  add(out, 'damped', suffix, m, seasonal, true);
  const damped = out[out.length - 1]!;
  const blend = add(out, 'blend', suffix, m, seasonal);
  for (let k = 0; k < m; k++) blend[k] = (ma[k]! + ses[k]! + tsb[k]!) / 3;
  return damped;
}

function addCandidate(out: Candidate[], name: BaseModel, suffix: string, m: number, seasonal: boolean, slope = false): Float64Array {
  const entry = pooledEntry(out.length, m);
  const candidate = entry.candidate;
  candidate.name = suffix ? WEEKDAY_VARIANT[name] : name;
  candidate.level = entry.level;
  candidate.slope = slope ? entry.slope : null;
  candidate.seasonal = seasonal;
  candidate.yearly = false;
  out.push(candidate);
  return entry.level;
}

/**
 * Candidates are scratch like every other buffer of a fit (read before the next fit is made):
 * a fit has about 20 of them, and fresh objects and arrays for each, for each of 10,000 SKUs,
 * kept the collector busy. Entry i is reused as candidate i of every fit; its level and slope
 * hold `m` origins (every one written by the model that fills it).
 */
interface PooledCandidate {
  candidate: Candidate;
  level: Float64Array;
  slope: Float64Array;
}

const candidatePool: PooledCandidate[] = [];
const candidatesScratch: Candidate[] = [];

/** The same-time-last-year variant of every candidate that has one (YEARLY_VARIANT), sharing its levels. */
export function addYearlyVariants(candidates: Candidate[]): void {
  const count = candidates.length;
  for (let c = 0; c < count; c++) {
    const { name, level, slope, seasonal } = candidates[c]!;
    const withYear = YEARLY_VARIANT[name];
    if (!withYear) continue;
    const variant = pooledEntry(candidates.length, 0).candidate;
    variant.name = withYear;
    variant.level = level;
    variant.slope = slope;
    variant.seasonal = seasonal;
    variant.yearly = true;
    candidates.push(variant);
  }
}

/** Pool entry `index`, with room for `m` origins. */
function pooledEntry(index: number, m: number): PooledCandidate {
  let entry = candidatePool[index];
  if (!entry || entry.level.length < m) {
    const level = new Float64Array(Math.max(m, 4));
    entry = { candidate: { name: '', level, slope: null, seasonal: false, yearly: false }, level, slope: new Float64Array(level.length) };
    candidatePool[index] = entry;
  }
  return entry;
}

/** Forecast of `candidate` from origin index k into out[0..length) (yearly factors from yearly[yearlyFrom]). */
export function fillForecast(
  candidate: Candidate,
  k: number,
  origin: number,
  length: number,
  profile: Float64Array | null,
  weekdayOf0: number | null,
  yearly: Float64Array | null,
  yearlyFrom: number,
  out: Float64Array,
): void {
  const level = candidate.level[k]!;
  const slope = candidate.slope ? candidate.slope[k]! : 0;
  const seasonal = candidate.seasonal && profile !== null && weekdayOf0 !== null;
  const factors = candidate.yearly ? yearly : null;
  const phi = MODEL_SETTINGS.dampedPhi;
  let weekday = seasonal ? (weekdayOf0! + origin) % 7 : 0;
  let power = 1;
  let dampedTotal = 0;
  for (let h = 0; h < length; h++) {
    let value = level;
    if (slope !== 0) {
      power *= phi;
      dampedTotal += power; // phi + phi^2 + ... + phi^(h+1), as dampedSum(phi, h + 1)
      value += slope * dampedTotal;
    }
    if (seasonal) {
      value *= profile![weekday]!;
      weekday = weekday === 6 ? 0 : weekday + 1;
    }
    if (factors) value *= factors[yearlyFrom + h]!;
    out[h] = value > 0 ? value : 0;
  }
}

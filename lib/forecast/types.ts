/** Public types of the forecasting module (re-exported by index.ts; callers import from there). */

export type Freq = 'D' | 'W' | 'M';

export interface SeriesInput {
  /** Units per period, oldest first. `null` = not known (e.g. out of stock: censored). */
  values: (number | null)[];
  freq: Freq;
  /** ISO date of values[0]. Needed for calendar effects (weekday, Christmas). */
  start: string;
  /**
   * Optional product key: series with the same key are one item sold through several channels
   * (marketplaces, stores). `forecastBatch` pools them (see pooling.ts); `forecastSeries` ignores it.
   */
  group?: string;
}

/**
 * A series whose values are a Float64Array (NaN = not known), read as is: the planner passes
 * its demand series without building a boxed array per day.
 */
export interface TypedSeriesInput extends Omit<SeriesInput, 'values'> {
  values: Float64Array;
}

/** What every forecasting entry point accepts. */
export type AnySeriesInput = SeriesInput | TypedSeriesInput;

export interface ForecastResult {
  /** Name of the model that produced the point forecast. */
  model: string;
  /** Expected demand in each future period 1..H. */
  mean: number[];
  /** Median of total demand over periods 1..h+1 (non-decreasing). */
  p50Cum: number[];
  /** 90% quantile of total demand over periods 1..h+1 (non-decreasing). */
  p90Cum: number[];
  /**
   * q-quantile (0<q<1) of total demand over periods 1..h+1, for any service level. With
   * `length`, only the first `length` periods (the same values: a prefix of the whole curve),
   * for callers that read one point, e.g. the 30-day total of a 130-day forecast.
   */
  quantileCum(q: number, length?: number): number[];
  /**
   * Expected demand per period with the history's unknown periods after its first known one read
   * as zero sales (those before it stay unknown): what forecasting that history gives. The planner
   * floors a forecast after a stockout with it instead of forecasting the series again. Present
   * when the history had unknown periods; when one came before the first known one, forecastSeries
   * works it out on first read, from the input's `values` as they are then (forecastBatch's pooled
   * members with one leave it out).
   */
  unknownAsZeroMean?: readonly number[];
}

/**
 * Knowledge pooled across a seller's SKUs, fitted once with `fitContext` and passed to every
 * `forecastSeries` call. Every field is optional; missing fields fall back to built-in defaults
 * (tuned on the real data sets in /work/shared/data), so `{}` is a valid context.
 */
export interface ForecastContext {
  /** Seller-wide day-of-week multipliers (Sunday first, mean 1) that sparse items shrink towards. */
  weekdayProfile?: readonly number[];
  /** Seller-wide variance-to-mean ratio of single-period demand (negative-binomial dispersion). */
  dispersion?: number;
  /** Seller-wide relative sd of an item's level over the evaluation window (calibrates quantiles). */
  levelDrift?: number;
  /**
   * Weights of the moving averages over 1/4, 1/2, 1 and 2 times the frequency's window
   * (7, 14, 28, 56 days; 1, 2, 4, 8 weeks): recent windows follow a moving level.
   */
  levelWeights?: readonly number[];
  /** Per-volume calibration of the quantiles (overrides `levelDrift` and scales the dispersion). */
  spreadCalibration?: SpreadCalibration;
  /** Share by which a challenger must beat the default's holdout error to be chosen (1 = never). */
  selectionMargin?: number;
  /** Candidate that must be beaten clearly on the holdout before another one is chosen. */
  defaultModel?: string;
  /**
   * Weight (0..1) of the plain moving average (28 days, 4 weeks, 3 months) in a convex
   * combination with the selected model's forecast (missing = 0, the model alone).
   */
  combinationWeight?: number;
  /**
   * Weight (0..1) of the pooled forecast of grouped series in `forecastBatch`: the group total's
   * forecast x the member's share of the total over the last `groupShareWindow` periods
   * (missing = 0, no pooling).
   */
  groupWeight?: number;
  /** Periods over which a member's share of its group total is measured (with `groupWeight`). */
  groupShareWindow?: number;
}

/**
 * Quantile calibration by sales volume: items selling fewer than edges[0] units per period use
 * bucket 0, and so on. Each bucket has its own level drift and a multiplier on the item's
 * negative-binomial dispersion, fitted on pooled holdouts by `fitContext`.
 */
export interface SpreadCalibration {
  edges: readonly number[];
  levelDrift: readonly number[];
  dispersionScale: readonly number[];
  /** Share of the gap between the past year's mean and the forecast that quantiles allow for (missing = 0). */
  revival?: readonly number[];
}

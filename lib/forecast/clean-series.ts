/**
 * A series as the forecaster takes it: raw input values turned into a typed history (unknown
 * periods NaN, returns as zero demand, absurd values clamped), with the calendar facts the models
 * need (the weekday of its first period).
 */
import { epochDay, weekdayOfEpochDay } from './calendar.ts';
import type { Freq } from './types.ts';

/** Largest demand per period we accept; bigger inputs are clamped so squares stay finite. */
const MAX_UNITS_PER_PERIOD = 1e9;

/** History after cleaning, with the calendar facts the models need. */
export interface CleanSeries {
  /** Demand per period, NaN = unknown. */
  y: Float64Array;
  freq: Freq;
  /** Weekday of y[0] for daily data with a valid start date, else null. */
  weekdayOf0: number | null;
  /** Epoch day of y[0] (NaN when the start date is invalid). */
  startDay: number;
  /** Whether any period was unknown in the input. */
  hasUnknown: boolean;
  /** Number of known periods, when the caller counted them already (cleanValues does). */
  known?: number;
}

/**
 * Turn raw input values into a typed array: null/NaN/±Infinity become unknown, negatives (net
 * returns) become 0 demand, and absurd values are clamped. With `scratch` (long enough) the
 * result is a view of it instead of a new array.
 * @example cleanValues([1, null, -2]) // Float64Array [1, NaN, 0]
 */
export function cleanValues(values: readonly unknown[] | Float64Array, scratch?: Float64Array): { y: Float64Array; hasUnknown: boolean; known: number } {
  const y = scratch && scratch.length >= values.length ? scratch.subarray(0, values.length) : new Float64Array(values.length);
  if (values instanceof Float64Array) {
    // The planner's typed series: a loop of its own keeps both loops monomorphic.
    let unknown = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v - v === 0) y[i] = v < 0 ? 0 : v > MAX_UNITS_PER_PERIOD ? MAX_UNITS_PER_PERIOD : v;
      else {
        y[i] = Number.NaN;
        unknown++;
      }
    }
    return { y, hasUnknown: unknown > 0, known: values.length - unknown };
  }
  let unknown = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) {
      y[i] = v < 0 ? 0 : v > MAX_UNITS_PER_PERIOD ? MAX_UNITS_PER_PERIOD : v;
    } else {
      y[i] = Number.NaN;
      unknown++;
    }
  }
  return { y, hasUnknown: unknown > 0, known: values.length - unknown };
}

/**
 * The values of a series input when they are a list or a Float64Array, else an empty list
 * (inputs come from JSON and other callers: anything else is no history).
 * @example seriesValues({ values: Float64Array.of(1, NaN) }).length // 2
 */
export function seriesValues(input: { values?: unknown }): readonly unknown[] | Float64Array {
  const values = input.values;
  return Array.isArray(values) || values instanceof Float64Array ? values : [];
}

/**
 * Weekday of period 0 for daily data, null for weekly/monthly or an invalid start date.
 * @example startWeekday('2024-01-07', 'D') // 0 (a Sunday)
 */
export function startWeekday(start: string, freq: Freq): { weekdayOf0: number | null; startDay: number } {
  const startDay = typeof start === 'string' ? epochDay(start) : Number.NaN;
  const weekdayOf0 = freq === 'D' && Number.isFinite(startDay) ? weekdayOfEpochDay(startDay) : null;
  return { weekdayOf0, startDay };
}

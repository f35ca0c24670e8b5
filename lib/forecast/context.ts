/** Placeholder: pooled context (filled in below). */
import type { ForecastContext, SeriesInput } from './types.ts';
export function fitContext(_series: readonly SeriesInput[]): ForecastContext {
  return {};
}

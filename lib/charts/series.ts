/**
 * The data a product chart draws, as the background computes it (`product/chart` message):
 * reconstructed daily demand, the forecast for the coming days, and the stock facts of the
 * cached plan. A zod schema because it crosses the message boundary.
 */
import { z } from 'zod';
import { isoDateSchema } from '../records';

export const chartHistoryDaySchema = z.object({
  date: isoDateSchema,
  /** Units demanded that day; null = censored (out of stock or unknown), drawn as a gap, never as zero. */
  units: z.number().nonnegative().nullable(),
  /** `stockout-inferred`: out of stock by inference (between two visits), drawn as a gap like `censored`. */
  how: z.enum(['exact', 'inferred', 'censored', 'stockout-inferred']),
});
export type ChartHistoryDay = z.infer<typeof chartHistoryDaySchema>;

export const chartForecastDaySchema = z.object({
  date: isoDateSchema,
  /** Expected units that day. */
  mean: z.number().nonnegative(),
  /** Median (p50) and 90% quantile (p90) of TOTAL demand from tomorrow up to and including this day. */
  p50Cum: z.number().nonnegative(),
  p90Cum: z.number().nonnegative(),
});
export type ChartForecastDay = z.infer<typeof chartForecastDaySchema>;

export const chartSeriesSchema = z.object({
  /** Listing key, or product id for a product's pooled chart. */
  key: z.string(),
  scope: z.enum(['listing', 'product']),
  title: z.string().optional(),
  /** Today in the marketplace's zone: history ends here, forecast starts the day after. */
  asOf: isoDateSchema,
  history: z.array(chartHistoryDaySchema).max(1100),
  forecast: z.array(chartForecastDaySchema).max(730),
  /** Sellable units now and units on the way (from the cached plan). */
  available: z.number().nonnegative(),
  inbound: z.number().nonnegative(),
  /** Units on hand + on order at which to reorder; null while there is no plan. */
  reorderPoint: z.number().nonnegative().nullable(),
  reorderDate: isoDateSchema.nullable(),
  reorderQuantity: z.number().int().nonnegative().nullable(),
  stockoutDate: isoDateSchema.nullable(),
  forecastModel: z.string().nullable(),
});
export type ChartSeries = z.infer<typeof chartSeriesSchema>;

export interface ProjectedStockDay {
  date: string;
  /** Stock left if demand follows the median (p50) cumulative forecast. */
  median: number;
  /** Stock left if demand is as high as the 90% cumulative quantile (the pessimistic case). */
  pessimistic: number;
}

/**
 * Stock projected forward from today's sellable units (inbound is not counted: its arrival day
 * is unknown), floored at zero, against the median and the 90% cumulative demand.
 * @example projectedStock({ available: 10, forecast: [{ date: '2026-01-02', mean: 2, p50Cum: 2, p90Cum: 4 }] })
 * // [{ date: '2026-01-02', median: 8, pessimistic: 6 }]
 */
export function projectedStock(series: Pick<ChartSeries, 'available' | 'forecast'>): ProjectedStockDay[] {
  return series.forecast.map((d) => ({
    date: d.date,
    median: Math.max(0, round1(series.available - d.p50Cum)),
    pessimistic: Math.max(0, round1(series.available - d.p90Cum)),
  }));
}

const round1 = (x: number) => Math.round(x * 10) / 10;

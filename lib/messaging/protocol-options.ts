/**
 * Messages of the options page (settings, import, products, charts, export, data).
 * Merged into the one protocol map in protocol.ts.
 */
import { z } from 'zod';
import { chartSeriesSchema } from '../charts/series';

/** A listing key (platform|marketplace|sku) or product id, as the store writes them. */
const storeKey = z.string().min(1).max(400);

export const productChartRequestSchema = z
  .object({
    /** Chart of one listing (the in-page panel's case)... */
    listingKey: storeKey.optional(),
    /** ...or of a product: its listings' demand pooled, stock summed over its pools. */
    productId: storeKey.optional(),
    /** Days of history to return (the most recent). */
    historyDays: z.number().int().min(7).max(1100).default(90),
    /** Days of forecast to return. */
    horizonDays: z.number().int().min(7).max(365).default(60),
  })
  .refine((r) => (r.listingKey === undefined) !== (r.productId === undefined), { message: 'Give either listingKey or productId' });

export const optionsProtocol = {
  /**
   * The series a product chart draws (lib/charts): reconstructed daily demand (censored days
   * null), forecast mean and cumulative p50/p90 per day, stock and reorder point from the plan.
   * Used by the options page and the in-page expanded panel.
   */
  'product/chart': {
    request: productChartRequestSchema,
    response: chartSeriesSchema,
  },
} as const;

/**
 * What the merged report holds, as the background answers `export/merged`: language-neutral
 * (health reasons are codes with parameters), so the page translates it into the seller's
 * language when building CSV, XLSX or JSON (lib/export/merged.ts).
 */
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, platformSchema } from '../records';

export const mergedPlanSchema = z.object({
  /** Forecast mean units per day. */
  meanDaily: z.number().nonnegative(),
  daysOfCover: z.number().nonnegative().nullable(),
  stockoutDate: isoDateSchema.nullable(),
  reorderDate: isoDateSchema.nullable(),
  reorderQuantity: z.number().int().nonnegative().nullable(),
  healthScore: z.number().int().min(0).max(100),
  healthReasons: z.array(z.object({ code: z.string(), points: z.number(), params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) })),
  /** hold = keep the price; markdown = discount by discountPct; exit = liquidate or remove. */
  clearance: z.object({ action: z.enum(['hold', 'markdown', 'exit']), discountPct: z.number().nullable(), excessUnits: z.number().int().nonnegative() }).nullable(),
});
export type MergedPlan = z.infer<typeof mergedPlanSchema>;

export const mergedListingSchema = z.object({
  key: z.string(),
  platform: platformSchema,
  marketplace: z.string(),
  sku: z.string(),
  title: z.string().optional(),
  poolId: z.string().nullable(),
  available: z.number().int().nullable(),
  inbound: z.number().int().nullable(),
  /** The listing's own plan. */
  plan: mergedPlanSchema.nullable(),
});
export type MergedListing = z.infer<typeof mergedListingSchema>;

export const mergedProductSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  /** Stock counted once per pool the product's listings draw from, with the pool's plan (pooled or single-listing). */
  pools: z.array(z.object({ poolId: z.string(), stock: z.number().int().nullable(), plan: mergedPlanSchema.nullable() })),
  listings: z.array(mergedListingSchema),
});
export type MergedProduct = z.infer<typeof mergedProductSchema>;

export const mergedReportSchema = z.object({
  generatedAt: isoDateTimeSchema,
  products: z.array(mergedProductSchema),
});
export type MergedReport = z.infer<typeof mergedReportSchema>;

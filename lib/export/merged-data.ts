/**
 * What the merged report holds, as the background answers `export/merged`: language-neutral
 * (health reasons are codes with parameters), so the page translates it into the seller's
 * language when building CSV, XLSX or JSON (lib/export/merged.ts). The options page's product
 * view shows the same product position (`products/detail`).
 */
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, platformSchema } from '../records';
import { CLEARANCE_ACTIONS } from '../planning/clearance';
import { ABC_CLASSES, LIFECYCLE_STAGES, STOCK_SOURCES } from '../planning/types';
import { mergedCapacitySchema } from './merged-capacity';
import { mergedFeesSchema } from './merged-fees';

const mergedPlanSchema = z.object({
  /** Forecast mean units per day. */
  meanDaily: z.number().nonnegative(),
  daysOfCover: z.number().nonnegative().nullable(),
  stockoutDate: isoDateSchema.nullable(),
  /** When the inbound units are expected, and the stockout counting them (null = none inbound). */
  inboundArrivalDate: isoDateSchema.nullable(),
  stockoutDateWithInbound: isoDateSchema.nullable(),
  /** Day the reorder is due, in the past when overdue (see reorderDaysLate); null = no reorder. */
  reorderDate: isoDateSchema.nullable(),
  /** Days the reorder is late (0 when on time or none). */
  reorderDaysLate: z.number().int().nonnegative(),
  reorderQuantity: z.number().int().nonnegative().nullable(),
  /** Units held against demand uncertainty over the lead time. */
  safetyStock: z.number().nonnegative(),
  /** Units on hand + on order at which to reorder. */
  reorderPoint: z.number().nonnegative(),
  /** null = not enough data yet (never shown as healthy). */
  healthScore: z.number().int().min(0).max(100).nullable(),
  healthReasons: z.array(z.object({ code: z.string(), points: z.number(), params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) })),
  abcClass: z.enum(ABC_CLASSES).nullable(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  /** hold = keep the price; markdown = discount by discountPct; exit = liquidate or remove. */
  clearance: z.object({ action: z.enum(CLEARANCE_ACTIONS), discountPct: z.number().nullable(), excessUnits: z.number().int().nonnegative() }).nullable(),
  /** FBA fees at stake (lib/export/merged-fees.ts); absent on other pools. */
  fees: mergedFeesSchema.optional(),
  /** FBA capacity of each stock the plan covers (lib/export/merged-capacity.ts); absent where no limit applies. */
  capacity: z.array(mergedCapacitySchema).optional(),
});
export type MergedPlan = z.infer<typeof mergedPlanSchema>;

/** How much of a shared stock one channel should list, against what it lists now. */
const mergedChannelSchema = z.object({
  /** Quantity the channel lists now (null = not shown yet). */
  listed: z.number().int().nonnegative().nullable(),
  /** Its share of the pool after every channel's safety buffer. */
  suggested: z.number().int().nonnegative(),
  /** Units its safety buffer holds back. */
  buffer: z.number().int().nonnegative(),
});
export type MergedChannel = z.infer<typeof mergedChannelSchema>;

/**
 * One physical stock of a product (product x pool), counted once however many listings sell
 * from it, with the one plan made for it (the pool plan when listings share it, else the single
 * listing's plan).
 */
export const mergedPoolSchema = z.object({
  poolId: z.string(),
  /** Key of the plan shown (null = not planned yet). */
  planKey: z.string().nullable(),
  /** The listings that sell from this stock. */
  listingKeys: z.array(z.string()),
  /** Sellable units on hand; null = unknown (never guessed as 0). */
  stock: z.number().int().nonnegative().nullable(),
  stockSource: z.enum(STOCK_SOURCES),
  /** What would make the figure known or exact (a KNOWLEDGE_HINTS code; null when it is). */
  stockHint: z.string().nullable(),
  inbound: z.number().int().nonnegative(),
  /** Units reserved on hand (null = no page showed it). */
  reserved: z.number().int().nonnegative().nullable(),
  /** Returned units awaiting inspection: possible supply, not in `stock`. */
  heldReturns: z.number().int().nonnegative(),
  plan: mergedPlanSchema.nullable(),
});
export type MergedPool = z.infer<typeof mergedPoolSchema>;

const mergedListingSchema = z.object({
  key: z.string(),
  platform: platformSchema,
  marketplace: z.string(),
  sku: z.string(),
  title: z.string().optional(),
  poolId: z.string().nullable(),
  /** The stock its plan shows: its pool's sellable units (null = unknown). */
  available: z.number().int().nullable(),
  inbound: z.number().int().nullable(),
  /** Quantity it lists now, where listing is a share of an own warehouse's stock (null = not applicable or not shown). */
  listed: z.number().int().nullable(),
  /** How much to list on this channel (null = not a split stock). */
  channel: mergedChannelSchema.nullable(),
  /** The listing's own plan (for a shared pool: the pool's answer with its own forecast). */
  plan: mergedPlanSchema.nullable(),
});
export type MergedListing = z.infer<typeof mergedListingSchema>;

export const mergedProductSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  /** One entry per physical stock (pool) the product's listings draw from: each unit counted once. */
  pools: z.array(mergedPoolSchema),
  listings: z.array(mergedListingSchema),
});
export type MergedProduct = z.infer<typeof mergedProductSchema>;

export const mergedReportSchema = z.object({
  generatedAt: isoDateTimeSchema,
  products: z.array(mergedProductSchema),
});
export type MergedReport = z.infer<typeof mergedReportSchema>;

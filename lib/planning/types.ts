/**
 * Shapes the planning core produces and the store caches (tables `dailyDemand` and `plans`).
 * Each is a zod schema because it crosses a boundary (background -> IndexedDB -> UI panels)
 * and a cached row written by an older version must be checked, not trusted.
 *
 * Codes (health reasons, alerts) are stable strings: the UI translates them (English and
 * Chinese) by code with `params`, so a code is never renamed, only added.
 */
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../records';

// ---------------------------------------------------------------------------------------------
// Demand history
// ---------------------------------------------------------------------------------------------

/**
 * How a day's demand is known:
 * - `exact`: counted from order rows for that day;
 * - `inferred`: derived from windowed counts, cumulative counts or stock changes, spread over
 *   the days between two readings;
 * - `censored`: the listing was out of stock (or nothing is known), so demand is unknown; it
 *   is NOT zero and must never pull a forecast down.
 */
export const DEMAND_HOWS = ['exact', 'inferred', 'censored'] as const;
export const demandHowSchema = z.enum(DEMAND_HOWS);
export type DemandHow = z.infer<typeof demandHowSchema>;

/** Reconstructed demand of one day for one listing or one pooled product. */
export const demandDaySchema = z.object({
  date: isoDateSchema,
  /** Units demanded that day (may be fractional when a count was spread over several days); null = censored. */
  units: z.number().nonnegative().nullable(),
  how: demandHowSchema,
});
export type DemandDay = z.infer<typeof demandDaySchema>;

/** A `dailyDemand` table row: a DemandDay tagged with the series it belongs to (listing key or plan key). */
export const dailyDemandRowSchema = demandDaySchema.extend({ key: z.string().min(1) });
export type DailyDemandRow = z.infer<typeof dailyDemandRowSchema>;

// ---------------------------------------------------------------------------------------------
// Stable codes
// ---------------------------------------------------------------------------------------------

/** Reasons that cost health points. Stable: the UI translates them. */
export const HEALTH_REASON_CODES = [
  /** No unit sold for `days` days (params: days). */
  'no-sales-30d',
  /** More than `limitDays` days of stock on hand (params: daysOfCover, limitDays). */
  'overstock-90d',
  /** Stockout expected within `withinDays` days (params: stockoutDate, daysOfCover, withinDays). */
  'stockout-soon',
  /** Pending/unshipped orders exceed sellable stock (params: pending, available). */
  'pending-above-stock',
  /** Listed quantities across channels exceed the shared pool (params: listed, pool). */
  'oversold-pool',
  /** Units aged past the long-term storage threshold (params: units, minDays). */
  'aged-inventory',
  /** Sellable stock is zero now (params: none). */
  'out-of-stock',
  /** Reorder date has already passed (params: reorderDate). */
  'reorder-overdue',
  /** Units marked unfulfillable/damaged (params: units). */
  'unfulfillable-units',
] as const;
export const healthReasonCodeSchema = z.enum(HEALTH_REASON_CODES);
export type HealthReasonCode = z.infer<typeof healthReasonCodeSchema>;

/** Alert codes. Stable: the UI translates them. */
export const ALERT_CODES = [
  /** Stockout expected within N days (params: stockoutDate, days). */
  'stockout-within',
  /** Reorder date is today or already passed (params: reorderDate, quantity). */
  'reorder-now',
  /** Sales differed from the forecast by more than pct% for N days in a row (params: pct, days, direction). */
  'sales-off-forecast',
  /** One day's sales above spikePct% of the forecast (params: date, units, expected). */
  'sales-spike',
  /** No sale for N days (params: days). */
  'no-sale',
  /** Pending orders exceed stock (params: pending, available). */
  'oversell-pending',
  /** Listed quantities across channels exceed the shared pool (params: listed, pool). */
  'oversell-pool',
  /** Projected aged-inventory surcharge next month (params: amountMinor, currency). */
  'aged-surcharge-coming',
  /** Holding cost exceeds half the remaining margin: exit (params: holdingMinor, marginMinor). */
  'clearance-exit',
] as const;
export const alertCodeSchema = z.enum(ALERT_CODES);
export type AlertCode = z.infer<typeof alertCodeSchema>;

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export const alertSeveritySchema = z.enum(ALERT_SEVERITIES);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

export const LIFECYCLE_STAGES = ['launch', 'growth', 'maturity', 'decline', 'exit'] as const;
export const lifecycleStageSchema = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export const abcClassSchema = z.enum(ABC_CLASSES);
export type AbcClass = z.infer<typeof abcClassSchema>;

/** Parameters a code's message is filled with (numbers stay numbers so the UI formats them per locale). */
export const codeParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type CodeParams = z.infer<typeof codeParamsSchema>;

export const healthReasonSchema = z.object({
  code: healthReasonCodeSchema,
  /** Points subtracted from 100 (positive number). */
  points: z.number().nonnegative(),
  params: codeParamsSchema,
});
export type HealthReason = z.infer<typeof healthReasonSchema>;

export const alertSchema = z.object({
  code: alertCodeSchema,
  severity: alertSeveritySchema,
  params: codeParamsSchema,
});
export type Alert = z.infer<typeof alertSchema>;

// ---------------------------------------------------------------------------------------------
// Plan
// ---------------------------------------------------------------------------------------------

export const forecastSummarySchema = z.object({
  /** Model name reported by lib/forecast. */
  model: z.string(),
  /** Mean forecast daily demand over the planning horizon. */
  meanDaily: z.number().nonnegative(),
  /** Horizon (days) the cumulative quantiles below refer to. */
  horizonDays: z.number().int().positive(),
  /** Median of total demand over the horizon. */
  p50: z.number().nonnegative(),
  /** 90% quantile of total demand over the horizon. */
  p90: z.number().nonnegative(),
  /** Days of history the forecast used, and how many of them were censored. */
  historyDays: z.number().int().nonnegative(),
  censoredDays: z.number().int().nonnegative(),
});
export type ForecastSummary = z.infer<typeof forecastSummarySchema>;

export const clearanceStepSchema = z.object({
  /** Markdown from the current price in percent (10 = -10%); 100 = liquidate / remove. */
  discountPct: z.number().min(0).max(100),
  /** Price after the markdown, when the current price is known. */
  priceMinor: z.number().int().nullable(),
  /** Days to sell the excess at this step, given the elasticity assumption (null = never at zero demand). */
  expectedSellThroughDays: z.number().nonnegative().nullable(),
});
export type ClearanceStep = z.infer<typeof clearanceStepSchema>;

export const clearanceSuggestionSchema = z.object({
  /** Units above the target cover that should go. */
  excessUnits: z.number().int().nonnegative(),
  /** The ladder in order; `recommendedStep` indexes the first step that clears within the target. */
  steps: z.array(clearanceStepSchema),
  recommendedStep: z.number().int().nonnegative(),
  /** True when holding the excess costs more than half of its remaining margin: liquidate/remove now. */
  exit: z.boolean(),
  /** Projected storage + surcharge cost of keeping the excess until sold at the current price. */
  holdingCostMinor: z.number().int().nonnegative().nullable(),
  remainingMarginMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
});
export type ClearanceSuggestion = z.infer<typeof clearanceSuggestionSchema>;

export const oversellInfoSchema = z.object({
  /** Pending/unshipped units not yet subtracted from `available`, minus available (0 when covered). */
  pendingAboveStock: z.number().int().nonnegative(),
  /** Sum of quantities listed across channels sharing the pool, minus the pool (0 when covered). */
  listedAbovePool: z.number().int().nonnegative(),
  atRisk: z.boolean(),
  /** Suggested listed quantity per listing key (integers summing to pool minus buffers); empty for single listings. */
  allocation: z.record(z.string(), z.number().int().nonnegative()),
});
export type OversellInfo = z.infer<typeof oversellInfoSchema>;

export const storageProjectionSchema = z.object({
  /** Projected storage fee for the next 30 days (base + aged surcharge), minor units. */
  next30DaysMinor: z.number().int().nonnegative(),
  agedSurchargeMinor: z.number().int().nonnegative(),
  currency: z.string(),
});
export type StorageProjection = z.infer<typeof storageProjectionSchema>;

export const PLAN_SCOPES = ['listing', 'pool'] as const;

/** The cached planning result for one listing SKU or one pooled product. */
export const skuPlanSchema = z.object({
  /** Listing key (lib/records listingKey) for listings; `pool:<id>` for pooled products. */
  key: z.string().min(1),
  scope: z.enum(PLAN_SCOPES),
  sku: z.string(),
  platform: z.string().nullable(),
  marketplace: z.string().nullable(),
  /** Listings included (one for a listing plan, several for a pool). */
  listingKeys: z.array(z.string()),
  /**
   * For a listing that shares its stock pool with other listings: the pool plan's key. The
   * pool plan carries the reorder (one purchase order for the physical product, not one per
   * channel), so this listing's reorderDate is null and reorderQuantity 0.
   */
  poolKey: z.string().optional(),
  /** The day the plan is for (today in the marketplace's zone). */
  asOf: isoDateSchema,
  /** Stock used: sellable units now, inbound units, pending order units not yet deducted. */
  available: z.number().int().nonnegative(),
  inbound: z.number().int().nonnegative(),
  pendingUnits: z.number().int().nonnegative(),
  /** Days until the forecast's cumulative median demand exceeds stock; null = not within the horizon (no demand). */
  daysOfCover: z.number().nonnegative().nullable(),
  stockoutDate: isoDateSchema.nullable(),
  /** Day to place the next order (may be in the past = overdue); null = no reorder (decline/exit or no demand). */
  reorderDate: isoDateSchema.nullable(),
  reorderQuantity: z.number().int().nonnegative(),
  /** Units on hand + on order at which to reorder: lead-time demand at the service level. */
  reorderPoint: z.number().nonnegative(),
  safetyStock: z.number().nonnegative(),
  leadTimeDays: z.number().int().nonnegative(),
  forecast: forecastSummarySchema,
  healthScore: z.number().int().min(0).max(100),
  healthReasons: z.array(healthReasonSchema),
  lifecycleStage: lifecycleStageSchema,
  abcClass: abcClassSchema.nullable(),
  clearance: clearanceSuggestionSchema.nullable(),
  storage: storageProjectionSchema.nullable(),
  alerts: z.array(alertSchema),
  oversell: oversellInfoSchema,
  computedAt: isoDateTimeSchema,
});
export type SkuPlan = z.infer<typeof skuPlanSchema>;

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
 * - `stockout-inferred`: censored the same way, on days no reading showed out of stock but the
 *   readings around them say it was (a sell-out and restock between two visits).
 */
const DEMAND_HOWS = ['exact', 'inferred', 'censored', 'stockout-inferred'] as const;
const demandHowSchema = z.enum(DEMAND_HOWS);
export type DemandHow = z.infer<typeof demandHowSchema>;

/** Reconstructed demand of one day for one listing or one pooled product. */
const demandDaySchema = z.object({
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
// Stable codes: declared once, with their risk type, severity and parameters, in catalogue.ts
// ---------------------------------------------------------------------------------------------

export { HEALTH_REASON_CODES, ALERT_CODES, type HealthReasonCode, type AlertCode } from './catalogue';
import { HEALTH_REASON_CODES, ALERT_CODES } from './catalogue';
const healthReasonCodeSchema = z.enum(HEALTH_REASON_CODES);
const alertCodeSchema = z.enum(ALERT_CODES);

export { ALERT_SEVERITIES, RISK_TYPES, KNOWLEDGE_HINTS, type RiskType, type KnowledgeHint } from './catalogue';
import { ALERT_SEVERITIES, KNOWLEDGE_HINTS } from './catalogue';
const alertSeveritySchema = z.enum(ALERT_SEVERITIES);

export const LIFECYCLE_STAGES = ['launch', 'growth', 'maturity', 'decline', 'exit'] as const;
const lifecycleStageSchema = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
const abcClassSchema = z.enum(ABC_CLASSES);
export type AbcClass = z.infer<typeof abcClassSchema>;

/** Which ABC policy set a reorder's quantity (lib/purchasing/abc-policy.ts): none changed it, A's lean lot, B's EOQ, C's cash cap. */
export const POLICY_RULES = ['none', 'lean', 'eoq', 'cash-cap'] as const;

/** Parameters a code's message is filled with (numbers stay numbers so the UI formats them per locale). */
const codeParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

const healthReasonSchema = z.object({
  code: healthReasonCodeSchema,
  /** Points subtracted from 100 (positive number). */
  points: z.number().nonnegative(),
  params: codeParamsSchema,
});
export type HealthReason = z.infer<typeof healthReasonSchema>;

const alertSchema = z.object({
  code: alertCodeSchema,
  severity: alertSeveritySchema,
  params: codeParamsSchema,
});
export type Alert = z.infer<typeof alertSchema>;

// ---------------------------------------------------------------------------------------------
// Plan
// ---------------------------------------------------------------------------------------------

const forecastSummarySchema = z.object({
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

const clearanceStepSchema = z.object({
  /** Markdown from the current price in percent (10 = -10%); 100 = liquidate / remove. */
  discountPct: z.number().min(0).max(100),
  /** Price after the markdown, when the current price is known. */
  priceMinor: z.number().int().nullable(),
  /** Days to sell the excess at this step, given the elasticity assumption (null = never at zero demand). */
  expectedSellThroughDays: z.number().nonnegative().nullable(),
});
export type ClearanceStep = z.infer<typeof clearanceStepSchema>;

const clearanceSuggestionSchema = z.object({
  /** Units above the target cover that should go. */
  excessUnits: z.number().int().nonnegative(),
  /**
   * The ladder in order, today's price (0%) first unless the product is exiting (clearance.ts
   * ladderOf); `recommendedStep` indexes the first step that clears within the target.
   */
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

const oversellInfoSchema = z.object({
  /** Pending/unshipped units not yet subtracted from `available`, minus available (0 when covered). */
  pendingAboveStock: z.number().int().nonnegative(),
  /** Sum of quantities listed across channels sharing the pool, minus the pool (0 when covered). */
  listedAbovePool: z.number().int().nonnegative(),
  atRisk: z.boolean(),
  /** Suggested listed quantity per listing key (integers summing to pool minus buffers); empty for single listings. */
  allocation: z.record(z.string(), z.number().int().nonnegative()),
});
export type OversellInfo = z.infer<typeof oversellInfoSchema>;

const storageProjectionSchema = z.object({
  /** Projected storage fee for the next 30 days (base + aged surcharge), minor units. */
  next30DaysMinor: z.number().int().nonnegative(),
  agedSurchargeMinor: z.number().int().nonnegative(),
  currency: z.string(),
});

/** A historical-days-of-supply figure: days, "no-sales" (Amazon shows "–") or unknown. */
const supplyFigureSchema = z.union([z.number().nonnegative(), z.enum(['no-sales', 'unknown'])]);

/** FBA fees expected over the next `days` days; a null amount needs a fact not known (size, volume), never 0. */
const feeWindowSchema = z.object({
  days: z.number().int().positive(),
  /** Units expected to ship while historical days of supply is under 28 on both windows. */
  lowInventoryUnits: z.number().int().nonnegative(),
  lowInventoryMinor: z.number().int().nonnegative().nullable(),
  storageMinor: z.number().int().nonnegative().nullable(),
});

/** What the fee-aware plan tells the seller to do about an FBA stock (lib/planning/decisions/fba-fees.ts). */
const FEE_ACTIONS = ['send', 'mark-down', 'send-later', 'in-stock-send'] as const;

/**
 * The money at stake in an FBA pool's plan (lib/planning/fees-projection.ts), from the dated fee
 * schedules in lib/fees. Absent on other pools and in plans cached before it.
 */
const planFeesSchema = z.object({
  /**
   * Whose fees: Amazon FBA (absent in plans made before WFS was planned) or Walmart WFS. For WFS
   * `historicalSupply.short` is Walmart's days of supply (available + inbound over the last 30
   * days' in-stock sales), `floorDays` its 28-day in-stock rule, and the aged snapshots its
   * long-term storage.
   */
  channel: z.enum(['fba', 'wfs']).optional(),
  currency: z.string(),
  /** Effective day of the fee schedule the amounts come from. */
  scheduleEffective: isoDateSchema,
  /** Historical days of supply today, computed from the store's daily history, and Amazon's figure when a page showed it. */
  historicalSupply: z.object({ short: supplyFigureSchema, long: supplyFigureSchema, shown: z.number().nonnegative().nullable() }),
  /** The figure the plan keeps FBA at or above: the fee's 28 days plus the seller's margin. */
  floorDays: z.number().nonnegative(),
  /** Next 30 and 90 days. */
  windows: z.array(feeWindowSchema),
  /** Aged-inventory surcharge at each coming snapshot (units null: ages unknown). */
  agedSnapshots: z.array(
    z.object({ date: isoDateSchema, units: z.number().int().nonnegative().nullable(), amountMinor: z.number().int().nonnegative().nullable() }),
  ),
  /** The fee-aware action, if one is worth taking: units, by when, and the money it saves (null: unknown). */
  action: z
    .object({
      kind: z.enum(FEE_ACTIONS),
      units: z.number().int().nonnegative(),
      date: isoDateSchema,
      amountMinor: z.number().int().nonnegative().nullable(),
      laterDate: isoDateSchema.nullable(),
    })
    .nullable(),
});
export type PlanFees = z.infer<typeof planFeesSchema>;

/**
 * Holding a capacity overflow in AWD rather than the own warehouse (lib/planning/awd-hold.ts), for
 * a seller who uses AWD in the marketplace: `priced` with its cost (minor units: storage over
 * `holdDays`, `boxes` of `unitsPerBox` handled in and out plus the transport to FBA) and the AWD-to-FBA days;
 * `volume-unknown`: the SKU has no unit volume; `fee-unknown`: no AWD schedule for the marketplace.
 */
export const awdHoldOptionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('priced'),
    legDays: z.number().int().nonnegative(),
    holdDays: z.number().int().nonnegative(),
    boxes: z.number().int().nonnegative(),
    /** Units per box: the SKU's case pack (1 when the seller set none, so each unit is a box). */
    unitsPerBox: z.number().int().positive(),
    storageMinor: z.number().int().nonnegative(),
    handlingMinor: z.number().int().nonnegative(),
    amountMinor: z.number().int().nonnegative(),
    currency: z.string(),
  }),
  z.object({ kind: z.enum(['volume-unknown', 'fee-unknown']), legDays: z.number().int().nonnegative() }),
]);
export type AwdHoldOption = z.infer<typeof awdHoldOptionSchema>;

/**
 * An FBA shipment the seller's capacity limit cannot take whole (lib/planning/decisions/fba-capacity.ts):
 * send `sendUnits` on `date`, hold `holdUnits` in the own warehouse or AWD (`awd`: what AWD would
 * cost, when the seller uses it there).
 */
const fbaCapacitySchema = z.object({
  limitCubicFeet: z.number().positive(),
  sendUnits: z.number().int().nonnegative(),
  holdUnits: z.number().int().positive(),
  date: isoDateSchema,
  awd: awdHoldOptionSchema.optional(),
});
export type FbaCapacity = z.infer<typeof fbaCapacitySchema>;

/**
 * What an FBA stock of a marketplace with a capacity limit holds against it
 * (lib/planning/decisions/fba-capacity.ts), for the limit shared by every stock of the
 * marketplace (lib/planning/fba-capacity-share.ts): one unit's volume, the units at FBA or on
 * their way today and on `date`, the day its planned shipment (the plan's reorder) would leave
 * (today when none is planned).
 */
const fbaCapacityClaimSchema = z.object({
  marketplace: z.string(),
  /** The marketplace's limit (cubic feet) the plan was shared under. */
  limitCubicFeet: z.number().positive(),
  unitCubicFeet: z.number().positive(),
  heldNowUnits: z.number().int().nonnegative(),
  heldUnits: z.number().int().nonnegative(),
  date: isoDateSchema,
  /**
   * What prices holding a cut shipment's overflow in AWD (lib/planning/awd-hold.ts): whether
   * `unitCubicFeet` is the SKU's own volume (else the seller's default, which capacity counts
   * by but a price never uses), expected sales a day, units per box. Absent on plans cached before.
   */
  hold: z.object({ volumeKnown: z.boolean(), dailyUnits: z.number().nonnegative(), casePack: z.number().int().positive() }).optional(),
});
export type FbaCapacityClaim = z.infer<typeof fbaCapacityClaimSchema>;

const PLAN_SCOPES = ['listing', 'pool'] as const;

/**
 * Where a pool's on-hand figure comes from, best first:
 * - `count`: the seller's latest count, moved forward by the sales and released returns since;
 * - `reading`: a page that shows the pool's own count (FBA, WFS), moved forward the same way;
 * - `listed`: an own warehouse nobody counted: the largest quantity a channel lists (an estimate);
 * - `unknown`: nothing shows it. Never planned as 0.
 */
export const STOCK_SOURCES = ['count', 'reading', 'listed', 'unknown'] as const;
export type StockSource = (typeof STOCK_SOURCES)[number];

const stockInfoSchema = z.object({
  source: z.enum(STOCK_SOURCES),
  /** Returned units awaiting inspection: possible supply, never in `available`. */
  heldReturns: z.number().int().nonnegative(),
  /** Units of the pool reserved on hand (sold, not yet shipped; absent = none known): listed in the panel's Details. */
  reserved: z.number().int().nonnegative().optional(),
  /** What would make the figure known or exact (null when it is). */
  hint: z.enum(KNOWLEDGE_HINTS).nullable(),
});

/** What is specific to one channel of a shared stock: how much to list there. */
const channelLineSchema = z.object({
  /** Quantity the channel lists now (null = not shown yet). */
  listed: z.number().int().nonnegative().nullable(),
  /** The channel's share of the pool after every channel's safety buffer, by the seller's weights x sales velocity. */
  suggested: z.number().int().nonnegative(),
  /** Units this channel's safety buffer holds back. */
  buffer: z.number().int().nonnegative(),
});
export type ChannelLine = z.infer<typeof channelLineSchema>;

/** The cached planning result for one listing SKU or one pooled product. */
/**
 * How a pool plan's key starts: `pool:<product>@<pool>` (a listing plan's key is its listing's).
 * @example `${POOL_PLAN_PREFIX}${productId}@${poolId}`
 */
export const POOL_PLAN_PREFIX = 'pool:';

export const skuPlanSchema = z.object({
  /** Listing key (lib/records listingKey) for listings; `pool:<product>@<pool>` for pooled products. */
  key: z.string().min(1),
  scope: z.enum(PLAN_SCOPES),
  sku: z.string(),
  platform: z.string().nullable(),
  marketplace: z.string().nullable(),
  /** Listings included (one for a listing plan, several for a pool). */
  listingKeys: z.array(z.string()),
  /** The physical product and the stock pool the plan is about. */
  // Defaults: plans cached by versions before pools were planned lack these (re-planned at start).
  productId: z.string().default(''),
  poolId: z.string().default(''),
  /**
   * For a listing that shares its stock pool with other listings: the pool plan's key. The
   * listing shows the pool's answer (stock, cover, stockout, the one reorder for the physical
   * product) plus its own channel line.
   */
  poolKey: z.string().optional(),
  /** The day the plan is for (today in the marketplace's zone). */
  asOf: isoDateSchema,
  /** Sellable units in the pool now; null = unknown (see `stock.hint`), never guessed as 0. */
  available: z.number().int().nonnegative().nullable(),
  stock: stockInfoSchema.default({ source: 'reading', heldReturns: 0, hint: null }),
  inbound: z.number().int().nonnegative(),
  pendingUnits: z.number().int().nonnegative(),
  /** Days until demand most likely first goes unserved (lib/planning/cover.ts daysUntilStockout); null = unknown stock or no demand within a century. */
  daysOfCover: z.number().nonnegative().nullable(),
  stockoutDate: isoDateSchema.nullable(),
  /**
   * When the `inbound` units are expected (the page's date, else the day they appeared plus the
   * destination's transit days); null = nothing inbound or unknown stock. Defaults: plans
   * cached before inbound was dated lack these.
   */
  inboundArrivalDate: isoDateSchema.nullable().default(null),
  /**
   * Each arrival of the `inbound` units when they come on more than one day (units split across
   * shipments), soonest first: `inboundArrivalDate` is the first; `shipmentId` names the shipment
   * holding them (absent: a date the seller typed, or units dated from when they appeared).
   * Absent = one arrival or none.
   */
  inboundArrivals: z
    .array(z.object({ date: isoDateSchema, units: z.number().int().nonnegative(), shipmentId: z.string().max(40).optional() }))
    .max(100)
    .optional(),
  /** The stockout counting the inbound units from their arrival; null = none inbound or never runs out. */
  stockoutDateWithInbound: isoDateSchema.nullable().default(null),
  /** Day the next order is due (in the past when overdue, see reorderDaysLate); null = no reorder. */
  reorderDate: isoDateSchema.nullable(),
  /** Days the reorder is late (0 when not overdue). */
  reorderDaysLate: z.number().int().nonnegative().default(0),
  reorderQuantity: z.number().int().nonnegative(),
  /**
   * Units the seller placed with a supplier, not yet inbound, already taken off `reorderQuantity`
   * (lib/purchasing netPlacedOrders, applied before plans are cached); absent = none.
   */
  onOrder: z.number().int().positive().optional(),
  /**
   * The ABC policy that shaped `reorderQuantity` (lib/purchasing withReorderPolicy, applied before
   * plans are cached, so the panels and the purchase plan show one quantity): the rule, and the
   * reorder it started from (net of placed orders and suggested transfers) with its date; absent
   * = not applied (older cached plans, no reorder).
   */
  reorderPolicy: z
    .object({
      rule: z.enum(POLICY_RULES),
      suggested: z.number().int().nonnegative(),
      reorderDate: isoDateSchema,
      reorderDaysLate: z.number().int().nonnegative(),
    })
    .optional(),
  /** Units on hand + on order at which to reorder: lead-time demand at the service level. */
  reorderPoint: z.number().nonnegative(),
  safetyStock: z.number().nonnegative(),
  leadTimeDays: z.number().int().nonnegative(),
  forecast: forecastSummarySchema,
  /** 0-100, null = not enough data yet (no sales or no stock known): never shown as healthy. */
  healthScore: z.number().int().min(0).max(100).nullable(),
  healthReasons: z.array(healthReasonSchema),
  lifecycleStage: lifecycleStageSchema,
  abcClass: abcClassSchema.nullable(),
  clearance: clearanceSuggestionSchema.nullable(),
  storage: storageProjectionSchema.nullable(),
  /**
   * Why `storage` is null although the stock is known: 'not-charged', the stock's channel charges
   * no marketplace storage (an own warehouse); 'unknown', no fee schedule of its channel prices
   * it (lib/planning/storage-schedule.ts). Absent when priced, and in plans cached before it.
   */
  storageCharge: z.enum(['not-charged', 'unknown']).optional(),
  alerts: z.array(alertSchema),
  oversell: oversellInfoSchema,
  /** For a listing whose stock is shared or counted: how much to list on this channel. */
  channel: channelLineSchema.nullable().default(null),
  /** FBA pools: the fees at stake and the fee-aware action (absent elsewhere and in older cached plans). */
  fees: planFeesSchema.optional(),
  /** FBA pools whose planned shipment exceeds the capacity limit (absent otherwise). */
  fbaCapacity: fbaCapacitySchema.optional(),
  /** FBA stocks of a marketplace with a capacity limit: what they hold against it (absent otherwise). */
  fbaCapacityClaim: fbaCapacityClaimSchema.optional(),
  computedAt: isoDateTimeSchema,
});
export type SkuPlan = z.infer<typeof skuPlanSchema>;

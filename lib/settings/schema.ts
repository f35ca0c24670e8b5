/**
 * The seller's planning and display settings (current version), with defaults.
 *
 * Stored in extension storage and read back by every version of the extension that comes
 * later, so: every field has a default, the object carries `version`, and older shapes are
 * upgraded by lib/settings/migrate.ts (one function per step). Never change the meaning of
 * an existing field in place: add a field and a migration step.
 */
import { z } from 'zod';
import { latestSchedule, SETTINGS_SCHEDULE, SIZE_TIERS } from '../fees/index';
import { isPageTypeId } from '../platforms/page-types';

export const SETTINGS_VERSION = 4 as const;

/** Where a replenishment shipment goes: Amazon FBA, Walmart WFS, or the seller's own warehouse. */
export const DESTINATIONS = ['FBA', 'WFS', 'SELLER'] as const;
const destinationSchema = z.enum(DESTINATIONS);
export type Destination = z.infer<typeof destinationSchema>;

const days = z.number().int().min(0).max(3650);
const pct = z.number().min(0).max(100);

/** A supplier: days to produce an order, and optionally its own transit days per destination. */
const supplierSchema = z.object({
  productionDays: days,
  /** Overrides the destination transit times for this supplier (e.g. a local supplier ships faster). */
  transitDays: z.partialRecord(destinationSchema, days).default({}),
  moq: z.number().int().min(1).max(1e7).default(1),
  casePack: z.number().int().min(1).max(1e6).default(1),
});

const leadTimesSchema = z.object({
  /** Production days when a SKU has no supplier. */
  defaultProductionDays: days,
  /** Transit (incl. receiving/check-in) days from supplier to each destination. */
  transitDaysByDestination: z.record(destinationSchema, days),
  suppliers: z.record(z.string(), supplierSchema),
  /** SKU -> supplier id. */
  skuSupplier: z.record(z.string(), z.string()),
});

/** A channel's safety buffer: units held back from what is listed there. */
const safetyBufferSchema = z.object({
  kind: z.enum(['percent', 'fixed']),
  /** Percent of the pool (0-100) or fixed units. */
  value: z.number().min(0).max(1e9),
});
export type SafetyBuffer = z.infer<typeof safetyBufferSchema>;

/**
 * Storage fee schedule in the marketplace's currency, minor units per cubic foot: the seller's
 * copy, editable. Defaults come from the newest amazon.com FBA schedule in lib/fees (standard
 * size; `storageDefaults`), so each published amount is written once, there.
 */
const storageFeesSchema = z.object({
  monthlyPerCubicFootJanSep: z.number().int().min(0),
  monthlyPerCubicFootOctDec: z.number().int().min(0),
  agedSurcharges: z.array(z.object({ minDays: days, perCubicFootMonthly: z.number().int().min(0) })).max(20),
  /** Volume of one unit when no per-SKU volume is set. */
  defaultUnitCubicFeet: z.number().positive().max(1000),
  unitCubicFeetBySku: z.record(z.string(), z.number().positive().max(1000)),
  /**
   * The seller's walmart.com WFS amounts, minor units per cubic foot per month: storage, and
   * long-term storage on units over 365 days. Absent: the published ones (lib/fees).
   */
  wfsPerCubicFoot: z.object({ storage: z.number().int().min(0).max(1e6), longTerm: z.number().int().min(0).max(1e6) }).optional(),
});
type StorageFees = z.infer<typeof storageFeesSchema>;

/** One low-inventory-level rate row as the seller keeps it (lib/fees SellerLowInventoryRow). */
const sellerLowInventoryRowSchema = z.object({
  tier: z.enum(SIZE_TIERS),
  overWeightOz: z.number().min(0).max(1e6),
  upToWeightOz: z.number().positive().max(1e6).nullable(),
  perUnitMinor: z.array(z.number().int().min(0).max(1e6)).min(1).max(10),
});

/** What the fee-aware FBA plan needs beyond the fee schedules (lib/fees). */
const fbaFeesSchema = z.object({
  /**
   * Days above the low-inventory-level floor (28 days of historical supply) the plan keeps FBA
   * stock: Amazon refreshes the figure weekly, so a plan at exactly 28 is charged after it restocks.
   */
  lowInventoryMarginDays: z.number().int().min(0).max(180),
  /** Size tier and shipping weight (ounces) per SKU: the low-inventory fee's rate. Without one the amount is unknown. */
  sizeBySku: z.record(z.string(), z.object({ tier: z.enum(SIZE_TIERS), shippingWeightOz: z.number().positive().max(1e6) })),
  /**
   * The seller's low-inventory-level fee per unit shipped, one row per rate row of the newest
   * amazon.com FBA schedule (same tier and weight range), one amount per supply band (minor
   * units). Absent (stores made before it, or never edited): the published rates (lib/fees).
   */
  lowInventoryPerUnit: z.array(sellerLowInventoryRowSchema).max(20).optional(),
  /**
   * FBA capacity limit per marketplace in cubic feet (Capacity Monitor: on-hand plus open
   * shipments, one limit per storage type; no supported page shows it, so the seller enters it).
   * Absent or no entry for a marketplace: no limit is applied.
   */
  capacityCubicFeetByMarketplace: z.record(z.string(), z.number().positive().max(1e7)).optional(),
  /**
   * Whether the seller uses Amazon Warehousing and Distribution (AWD) in a marketplace, and the
   * days from AWD to sellable at FBA (default lib/fees DEFAULT_AWD_LEG_DAYS). When on, a shipment
   * the capacity limit cuts is priced held in AWD beside the own warehouse. Absent or off: the
   * plan names AWD without pricing it.
   */
  awdByMarketplace: z.record(z.string(), z.object({ enabled: z.boolean(), legDays: days })).optional(),
});

/**
 * Storage defaults from the newest amazon.com FBA schedule (standard size): base and peak
 * monthly rates, and each aged-inventory tier as the age from which its rate applies.
 * @example storageDefaults().monthlyPerCubicFootOctDec // 240
 */
export function storageDefaults(): StorageFees {
  const schedule = latestSchedule(SETTINGS_SCHEDULE.marketplace, SETTINGS_SCHEDULE.channel);
  const storage = schedule && schedule.storage !== 'unknown' ? schedule.storage.perCubicFootMinor['large-standard'] : null;
  const aged = schedule && schedule.agedSurcharge !== 'unknown' ? schedule.agedSurcharge.tiers : [];
  if (!storage) throw new Error('lib/fees has no amazon.com FBA storage rates to default to');
  return {
    monthlyPerCubicFootJanSep: storage.base,
    monthlyPerCubicFootOctDec: storage.peak,
    agedSurcharges: aged.map((t) => ({ minDays: t.minDays, perCubicFootMonthly: t.perCubicFootMinor })),
    defaultUnitCubicFeet: 0.1,
    unitCubicFeetBySku: {},
  };
}

/** Points each health reason costs (0 = ignore that reason). */
const healthWeightsSchema = z.object({
  noSales30d: pct,
  overstock90d: pct,
  stockoutSoon: pct,
  pendingAboveStock: pct,
  oversoldPool: pct,
  agedInventory: pct,
  outOfStock: pct,
  reorderOverdue: pct,
  unfulfillableUnits: pct,
});
export type HealthWeights = z.infer<typeof healthWeightsSchema>;

const alertThresholdsSchema = z.object({
  /** Alert when the expected stockout is within this many days. */
  stockoutWithinDays: days,
  /** Health reason "stockout soon" window (the 15 days). */
  healthStockoutDays: days,
  /** Health reason "overstock" threshold in days of cover. */
  overstockDays: days,
  /** Sales off the forecast by more than this percent ... */
  offForecastPct: pct,
  /** ... on this many days in a row. */
  offForecastDays: z.number().int().min(1).max(60),
  /** A day's sales above this percent of the forecast is a spike (200 = double). */
  spikePct: z.number().min(100).max(10000),
  /** No sale for this many (in-stock) days. */
  noSaleDays: days,
});
export type AlertThresholds = z.infer<typeof alertThresholdsSchema>;

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  leadTimes: leadTimesSchema,
  /** Days of demand each reorder should cover after it arrives. */
  targetCoverDays: z.number().int().min(1).max(730),
  /** Probability of not running out during the lead time (cycle service level). */
  serviceLevel: z.number().min(0.5).max(0.999),
  /** Default MOQ and case pack for SKUs without a supplier. */
  defaultMoq: z.number().int().min(1).max(1e7),
  defaultCasePack: z.number().int().min(1).max(1e6),
  /** Economic order quantity: when enabled, order at least EOQ = sqrt(2·D·K/h). */
  eoq: z.object({
    enabled: z.boolean(),
    orderCostMinor: z.number().int().min(0),
    /** Yearly holding cost as a fraction of unit cost. */
    holdingRatePerYear: z.number().min(0).max(10),
  }),
  /** Unit cost (minor units) per SKU, for EOQ and clearance margin; missing = price × (1 - defaultMarginPct). */
  unitCostMinorBySku: z.record(z.string(), z.number().int().min(0)),
  defaultMarginPct: pct,
  /** Buffer per channel key: platform ("ebay") or "platform|marketplace" ("amazon|amazon.de"). */
  safetyBuffers: z.record(z.string(), safetyBufferSchema),
  /** Seller weight per channel key (same keys as safetyBuffers) when splitting a shared pool. */
  allocationWeights: z.record(z.string(), z.number().min(0).max(1000)),
  storageFees: storageFeesSchema,
  fbaFees: fbaFeesSchema,
  healthWeights: healthWeightsSchema,
  alerts: alertThresholdsSchema,
  lifecycle: z.object({
    /** A listing younger than this is in launch. */
    launchDays: days,
    /** Launch orders cover at most this many days (small batches). */
    launchMaxCoverDays: days,
    /** Recent/previous sales rate ratio above which a SKU is growing, below which declining. */
    growthRatio: z.number().min(1).max(10),
    declineRatio: z.number().min(0).max(1),
    /** Safety stock multiplier in growth. */
    growthSafetyFactor: z.number().min(1).max(5),
    /** No sale for this many days (and not out of stock) = exit. */
    exitNoSaleDays: days,
  }),
  clearance: z.object({
    /** Markdown ladder in percent; 100 = liquidate/remove. */
    ladderPct: z.array(z.number().min(0).max(100)).min(1).max(10),
    /** Price elasticity of demand (negative): -2 means 10% off sells about 23% more. */
    elasticity: z.number().min(-20).max(0),
    /** A step "works" when it sells the excess within this many days. */
    targetSellThroughDays: days,
    /** Days a liquidation/removal takes to clear the units. */
    liquidationDays: days,
  }),
  notifications: z.object({ enabled: z.boolean() }),
  language: z.enum(['auto', 'en', 'zh-CN']),
  /**
   * Page types on which the panels are hidden (PAGE_TYPE_IDS). An id this build does not know (a
   * page type renamed or removed) is dropped on reading rather than refusing the list: it could
   * hide nothing anyway, and the seller keeps the rest.
   */
  hiddenPanels: z
    .array(z.string().max(80))
    .max(50)
    // Kept `string[]` (no type predicate): callers look any page's id up in it.
    .transform((ids) => ids.filter((id): boolean => isPageTypeId(id))),
  /** Days of history kept for forecasting. */
  historyDays: z.number().int().min(28).max(1100),
  /**
   * Raw page readings older than this many days are folded into one summary per listing per
   * day (the planner needs no more), so the store stays small on a seller's machine.
   */
  compaction: z.object({ rawObservationDays: z.number().int().min(14).max(1100) }),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Defaults for a new install. @example defaultSettings().serviceLevel // 0.95 */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    leadTimes: {
      defaultProductionDays: 30,
      // Sea freight China -> US plus FBA check-in is 5-7 weeks; own warehouse receives faster.
      transitDaysByDestination: { FBA: 40, WFS: 40, SELLER: 30 },
      suppliers: {},
      skuSupplier: {},
    },
    targetCoverDays: 60,
    serviceLevel: 0.95,
    defaultMoq: 1,
    defaultCasePack: 1,
    eoq: { enabled: false, orderCostMinor: 5000, holdingRatePerYear: 0.25 },
    unitCostMinorBySku: {},
    defaultMarginPct: 30,
    safetyBuffers: {},
    allocationWeights: {},
    storageFees: storageDefaults(),
    fbaFees: { lowInventoryMarginDays: 7, sizeBySku: {} },
    healthWeights: {
      noSales30d: 30,
      overstock90d: 20,
      stockoutSoon: 25,
      pendingAboveStock: 25,
      oversoldPool: 15,
      agedInventory: 10,
      outOfStock: 30,
      reorderOverdue: 10,
      unfulfillableUnits: 5,
    },
    alerts: {
      stockoutWithinDays: 14,
      healthStockoutDays: 15,
      overstockDays: 90,
      offForecastPct: 20,
      offForecastDays: 3,
      spikePct: 200,
      noSaleDays: 30,
    },
    lifecycle: {
      launchDays: 60,
      launchMaxCoverDays: 30,
      growthRatio: 1.25,
      declineRatio: 0.7,
      growthSafetyFactor: 1.25,
      exitNoSaleDays: 60,
    },
    clearance: { ladderPct: [10, 20, 30, 100], elasticity: -2, targetSellThroughDays: 60, liquidationDays: 14 },
    // Off until the seller turns them on in the options page, which asks for the browser permission then.
    notifications: { enabled: false },
    language: 'auto',
    hiddenPanels: [],
    historyDays: 730,
    compaction: { rawObservationDays: 90 },
  };
}

/**
 * One typed protocol map for every message between content scripts, popup, options and the
 * background. Both ends validate with these schemas: the background never trusts a page's
 * content script (pages are hostile input), and the UI never trusts a stale background.
 */
import { z } from 'zod';
import { accountIdSchema, diagnosticSchema, fulfillmentChannelSchema, isoDateSchema, moneySchema, observationSchema, platformSchema } from '../records';
import { settingsSchema } from '../settings/schema';
import { pageAccountSchema } from '../accounts/registry';
import { accountOverridesSchema } from '../accounts/settings';
import { STOCK_SOURCES, skuPlanSchema } from '../planning/types';
import { RISK_TAGS, URGENCY_LEVELS } from '../planning/urgency';
import { backupProtocol } from './protocol-backup';
import { onboardingProtocol } from './protocol-onboarding';
import { optionsProtocol } from './protocol-options';
import { popupProtocol } from './protocol-popup';
import { purchasingProtocol } from './protocol-purchasing';
import { teachingProtocol } from './protocol-teaching';
import { inboundProtocol } from './protocol-inbound';
import { MAX_INBOUND_SHIPMENTS, shipmentReadingSchema } from '../inbound/shipments';
import type { SenderKind } from './senders';

/** Most other channels a panel's Details lists (a message bound: a pool sold on more lists the first ones by key). */
export const MAX_POOL_MEMBERS = 40;

/** Another listing of the same stock pool, as the panel's Details lists it. */
const poolMemberSchema = z.object({
  key: z.string(),
  platform: platformSchema,
  marketplace: z.string(),
  sku: z.string(),
  /** Quantity the listing lists now (null = not read yet, or a channel that shows the pool's own count, such as FBA). */
  listed: z.number().int().nullable(),
  /** Its channel answer: how much to list there (null = a channel that shows the pool's own count: nothing to list). */
  suggested: z.number().int().nullable(),
  /** Its own expected sales per day from this stock (null = not planned yet). */
  dailyDemand: z.number().nullable(),
});
export type PoolMember = z.infer<typeof poolMemberSchema>;

/**
 * What a row panel shows for one listing: its stock pool's answer (stock, cover, the one
 * reorder, health) plus its channel line, reduced to what fits in a row and its details.
 */
const panelDataSchema = z.object({
  sku: z.string(),
  /** Listing key (platform|marketplace|sku) the answer belongs to. */
  key: z.string(),
  title: z.string().optional(),
  /** The one urgency rule's level (lib/planning/urgency.ts); 'unknown' until planned. */
  urgency: z.enum(URGENCY_LEVELS),
  /** Sellable units in the listing's stock pool; null = unknown (see stockHint). */
  available: z.number().int().nullable(),
  /** How the stock is known (null = not planned yet: `available` is the listing's own reading). */
  stockSource: z.enum(STOCK_SOURCES).nullable(),
  /** What would make unknown or estimated stock known (lib/planning/catalogue.ts KNOWLEDGE_HINTS). */
  stockHint: z.string().nullable(),
  inbound: z.number().int().nullable(),
  /** Returned units awaiting inspection: possible supply, not in `available`. */
  heldReturns: z.number().int(),
  /** Details: the pool's units reserved on hand (sold, not yet shipped); absent = none known. */
  reserved: z.number().int().nonnegative().optional(),
  /** null = no estimate (unknown stock or no sales known). */
  daysOfCover: z.number().nullable(),
  stockoutDate: isoDateSchema.nullable(),
  /** When the inbound units are expected, and the stockout counting them from then (null = none inbound). */
  inboundArrivalDate: isoDateSchema.nullable(),
  /** Details: each arrival when the inbound units come on more than one day, with the shipment holding them (the plan's, SkuPlan.inboundArrivals). */
  inboundArrivals: skuPlanSchema.shape.inboundArrivals,
  stockoutDateWithInbound: isoDateSchema.nullable(),
  reorderDate: isoDateSchema.nullable(),
  reorderQuantity: z.number().int().nullable(),
  /** Units of this stock ordered from a supplier and not yet inbound (the purchase plan's placed orders); `reorderQuantity` is net of them. */
  onOrder: z.number().int().min(0).optional(),
  /** Days the reorder is late (0 = not overdue). */
  reorderDaysLate: z.number().int(),
  /** null = not enough data (never shown as healthy). */
  healthScore: z.number().int().min(0).max(100).nullable(),
  /** What would make sales known when none are (null when they are). */
  salesHint: z.string().nullable(),
  reasons: z.array(z.object({ code: z.string(), points: z.number(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
  alerts: z.array(z.object({ code: z.string(), severity: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
  /** `excessUnits`: the units above the target cover the markdown should sell ("Mark down 80 · 10%"). */
  clearance: z
    .object({
      action: z.string(),
      discountPercent: z.number().optional(),
      sellThroughDays: z.number().nullable().optional(),
      excessUnits: z.number().int().optional(),
    })
    .nullable(),
  oversell: z.object({ listedTotal: z.number(), poolAvailable: z.number() }).nullable(),
  lifecycleStage: z.string().nullable(),
  /** Mean expected units per day on this channel. */
  dailyDemand: z.number().nullable(),
  /** The shared stock this listing sells from, when other listings sell from it too. */
  pool: z.object({ key: z.string(), poolId: z.string() }).nullable(),
  /** How much to list on this channel (own-warehouse or counted stock). */
  channel: z.object({ listed: z.number().int().nullable(), suggested: z.number().int(), buffer: z.number().int() }).nullable(),
  /** Details: ABC class, safety stock, reorder point and lead time of the pool's plan. */
  abcClass: z.string().nullable(),
  safetyStock: z.number().nullable(),
  reorderPoint: z.number().nullable(),
  leadTimeDays: z.number().int().nullable(),
  /** The last stored plan, shown at once while the background re-plans with the page's new readings. */
  updating: z.boolean().optional(),
  /**
   * The marketplace's own figures for this listing, where its page shows them (Amazon Restock's
   * recommended quantity and ship date, FBA days of supply and storage cost, Walmart's WFS
   * suggestion, reserved units): shown in Details next to ours, with why they differ.
   */
  marketFigures: z
    .object({
      recommendedQuantity: z.number().int().optional(),
      recommendedShipDate: isoDateSchema.optional(),
      daysOfSupply: z.number().optional(),
      storageCost: moneySchema.optional(),
      reserved: z.number().int().optional(),
    })
    .optional(),
  /** Details: the other listings drawing on the same stock pool, each with what it lists and its own channel answer (lib/background/pool-members.ts). */
  poolMembers: z.array(poolMemberSchema).max(MAX_POOL_MEMBERS).optional(),
});
export type PanelData = z.infer<typeof panelDataSchema>;

/**
 * The panel of a listing nothing has planned yet: its own reading, everything else unknown
 * (never 0, never healthy).
 * @example unplannedPanel({ key: 'amazon|amazon.com|A', sku: 'A', available: 4 }).urgency // 'unknown'
 */
export function unplannedPanel(listing: { key: string; sku: string; title?: string; available?: number }): PanelData {
  return {
    sku: listing.sku,
    key: listing.key,
    ...(listing.title ? { title: listing.title } : {}),
    urgency: 'unknown',
    available: listing.available ?? null,
    stockSource: null,
    stockHint: null,
    inbound: null,
    heldReturns: 0,
    daysOfCover: null,
    stockoutDate: null,
    inboundArrivalDate: null,
    stockoutDateWithInbound: null,
    reorderDate: null,
    reorderQuantity: null,
    reorderDaysLate: 0,
    healthScore: null,
    salesHint: null,
    reasons: [],
    alerts: [],
    clearance: null,
    oversell: null,
    lifecycleStage: null,
    dailyDemand: null,
    pool: null,
    channel: null,
    abcClass: null,
    safetyStock: null,
    reorderPoint: null,
    leadTimeDays: null,
  };
}

const atRiskQuerySchema = z.object({
  platform: platformSchema.optional(),
  marketplace: z.string().max(40).optional(),
  /** `attention` (the default) = what the urgency rule says needs attention; `all` = every listing. */
  risk: z.enum(['all', ...RISK_TAGS]).default('attention'),
  search: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(20000).default(500),
  /** Only this seller account's listings (absent: every account). */
  account: accountIdSchema.optional(),
});

const atRiskItemSchema = panelDataSchema.extend({
  platform: platformSchema,
  marketplace: z.string(),
  /** The listing's seller account (lib/accounts). */
  account: accountIdSchema.optional(),
  /** Seller-page URL that shows this SKU (opened when the seller clicks the row). */
  url: z.string(),
});
export type AtRiskItem = z.infer<typeof atRiskItemSchema>;

/**
 * One message: who may send it (checked by the dispatcher before anything else, see
 * senders.ts), what it sends and what it gets back.
 */
interface MessageSpec {
  senders: readonly SenderKind[];
  request: z.ZodType;
  response: z.ZodType;
  /**
   * What the sending client checks instead of `request`, where checking every field twice
   * costs: the dispatcher always parses `request` before any handler runs.
   */
  clientRequest?: z.ZodType;
}

export const protocol = {
  /** A content script read a page: store the rows, answer with the panels for them. */
  'page/ingest': {
    senders: ['content'],
    request: z.object({
      url: z.string().url().max(4000),
      adapterId: z.string().max(80),
      rows: z.array(observationSchema).max(20_000),
      diagnostics: z.array(diagnosticSchema).max(1_000),
      /** The seller account the page shows (absent: it shows none; the host's last seen account is used). */
      account: pageAccountSchema.optional(),
    }),
    response: z.object({ panels: z.array(panelDataSchema) }),
  },
  /**
   * A content script's first question about a page: the stored plans of its listings (keys of
   * the page's own marketplace), shown at once while 'page/ingest' re-plans, and the channel
   * each is stored with.
   */
  'panels/stored': {
    senders: ['content'],
    request: z.object({ url: z.string().url().max(4000), keys: z.array(z.string().max(300)).max(20_000), account: pageAccountSchema.optional() }),
    response: z.object({
      panels: z.array(panelDataSchema),
      /**
       * The channel each listing asked about is stored with (planned or not): the reader's weakest
       * clue to who ships, for rows whose page does not say (ReadContext.fulfillmentHistory).
       */
      channels: z
        .array(z.object({ sku: z.string().max(300), fulfillment: fulfillmentChannelSchema }))
        .max(20_000)
        .optional(),
    }),
  },
  /**
   * Content script on Amazon's Shipments page (the shipments it lists) or on one shipment's
   * contents page (that shipment with the SKUs it holds). Stored under the page's own
   * marketplace and the seller account it shows (else the host's last seen account); the
   * products whose units are in a shipment whose arrival or contents changed are re-planned.
   * Answered with the panels of the listings the contents name (that marketplace and account),
   * after that re-plan: a contents page's rows show them.
   */
  'inbound/shipments-read': {
    senders: ['content'],
    request: z.object({ shipments: z.array(shipmentReadingSchema).max(MAX_INBOUND_SHIPMENTS), account: pageAccountSchema.optional() }),
    response: z.object({ stored: z.number().int().nonnegative(), replanned: z.number().int().nonnegative(), panels: z.array(panelDataSchema) }),
  },
  /** A seller page's summary bar offers a next step: open that section of the options page in a new tab. */
  'options/open': {
    senders: ['content'],
    request: z.object({ section: z.enum(['import']) }),
    response: z.object({}),
  },
  /** Popup and options: the seller accounts pages have shown (for the account filter); always at least the default account. */
  'accounts/list': {
    senders: ['extension'],
    request: z.object({}),
    response: z.object({
      accounts: z.array(z.object({ id: accountIdSchema, name: z.string(), platforms: z.array(platformSchema), overrides: accountOverridesSchema })),
      /** The account a page of each platform, and of each host, last showed: an import's suggested account (importAccountDefault). */
      lastByPlatform: z.partialRecord(platformSchema, accountIdSchema),
      lastByHost: z.record(z.string(), accountIdSchema),
    }),
  },
  /** Options: the settings one account plans with instead of the global ones (empty: none); re-plans everything. */
  'accounts/save-overrides': {
    senders: ['options'],
    request: z.object({ account: accountIdSchema, overrides: accountOverridesSchema }),
    response: z.object({}),
  },
  /**
   * Options: merge one seller account id into another (one seller read under two ids). `confirm:
   * false` only counts what would move, for the seller to confirm; `true` merges and re-plans.
   */
  'accounts/merge': {
    senders: ['options'],
    request: z.object({ from: accountIdSchema, into: accountIdSchema, confirm: z.boolean() }),
    response: z.object({
      counts: z.object({
        listings: z.number().int(),
        collisions: z.number().int(),
        readings: z.number().int(),
        orders: z.number().int(),
        calibrations: z.number().int(),
        returns: z.number().int(),
      }),
      merged: z.boolean(),
    }),
  },
  /** Popup: SKUs at risk, most urgent first. */
  'skus/at-risk': {
    senders: ['extension'],
    request: atRiskQuerySchema,
    /**
     * `total` = listings matching the query; `stored` = every listing stored (an empty store shows the first steps);
     * `updating`: the popup's opening rows as stored before a write still under way (lib/background/first-screen.ts), ask again.
     */
    response: z.object({ items: z.array(atRiskItemSchema), total: z.number().int(), stored: z.number().int(), updating: z.literal(true).optional() }),
  },
  /** Options: every stored listing as CSV text (the caller adds the BOM when saving). */
  'export/listings-csv': {
    senders: ['extension'],
    /** `account`: only that seller account's listings (absent: every account, with an account column). */
    request: z.object({ account: accountIdSchema.optional() }),
    response: z.object({ csv: z.string(), rowCount: z.number().int() }),
  },
  /** Diagnostics of the latest reading of each page type, for the popup. */
  'diagnostics/recent': {
    senders: ['extension'],
    request: z.object({}),
    response: z.object({ pages: z.array(z.object({ adapterId: z.string(), url: z.string(), readAt: z.string(), diagnostics: z.array(diagnosticSchema) })) }),
  },
  /** The seller's settings, migrated to the current version (defaults on a new install). */
  'settings/get': {
    senders: ['content', 'extension'],
    request: z.object({}),
    response: z.object({ settings: settingsSchema }),
  },
  /**
   * Saves settings (validated whole) and re-plans everything, since lead times etc. change every plan.
   * `hiddenPanels` stays as stored: only panels/set-hidden changes it.
   */
  'settings/save': {
    senders: ['options'],
    request: z.object({ settings: settingsSchema }),
    response: z.object({ settings: settingsSchema }),
  },
  ...optionsProtocol,
  ...popupProtocol,
  ...onboardingProtocol,
  ...purchasingProtocol,
  ...teachingProtocol,
  ...inboundProtocol,
  ...backupProtocol,
} as const satisfies Record<string, MessageSpec>;

type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = z.input<Protocol[K]['request']>;
export type ParsedRequestOf<K extends MessageType> = z.output<Protocol[K]['request']>;
export type ResponseOf<K extends MessageType> = z.output<Protocol[K]['response']>;

export const envelopeSchema = z.object({ type: z.string().max(80), payload: z.unknown() });
export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

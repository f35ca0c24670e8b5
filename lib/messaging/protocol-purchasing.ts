/**
 * Messages of the purchase plan (options page): the plan, orders marked as placed, and the
 * costs it prices lines with. Merged into the one protocol map in protocol.ts. They reveal and
 * change the seller's purchasing, so only the extension's own pages may send them.
 */
import { z } from 'zod';
import { ABC_CLASSES } from '../planning/types';
import {
  placedOrderRecordSchema,
  purchasingDataSchema,
  unitCostEntrySchema,
  CASH_DEFAULTS,
  POLICY_RULES,
  type CashView,
  type PlacedOrderState,
  type PurchaseGroup,
  type PurchaseLine,
  type Transfer,
} from '../purchasing';
import { isoDateSchema, moneySchema } from '../records';
import { DESTINATIONS } from '../settings/schema';

const count = z.number().int().min(0);

const purchaseLineSchema = z.object({
  stockKey: z.string(),
  planKey: z.string(),
  sku: z.string(),
  productId: z.string(),
  poolId: z.string(),
  destination: z.enum(DESTINATIONS),
  supplierId: z.string().nullable(),
  reorderDate: isoDateSchema,
  daysLate: count,
  orderBy: isoDateSchema,
  onOrderUnits: count,
  transferUnits: count,
  suggestedQuantity: count,
  policyRule: z.enum(POLICY_RULES),
  floorQuantity: count,
  quantity: count,
  launch: z.object({ sharePct: z.number().min(1).max(100), laterUnits: count, checkInDate: isoDateSchema }).nullable(),
  cases: count,
  casePack: count,
  moq: count,
  unitCostMinor: z.number().int().nullable(),
  lineValueMinor: z.number().int().nullable(),
  currency: z.string(),
  abcClass: z.enum(ABC_CLASSES).nullable(),
  arrivalBySea: isoDateSchema,
  arrivalByAir: isoDateSchema,
  stockoutDate: isoDateSchema.nullable(),
  meanDaily: z.number().min(0),
  freight: z.object({
    mode: z.enum(['sea', 'split', 'air']),
    airUnits: count,
    seaUnits: count,
    closesGap: z.boolean(),
    extraFreight: moneySchema.nullable(),
  }),
}) satisfies z.ZodType<PurchaseLine>;

const purchaseGroupSchema = z.object({
  supplierId: z.string().nullable(),
  weekStart: isoDateSchema,
  lines: z.array(purchaseLineSchema),
  totals: z.array(moneySchema),
  unknownCostLines: count,
}) satisfies z.ZodType<PurchaseGroup>;

const transferSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  fromPool: z.string(),
  toPool: z.string(),
  units: z.number().int().min(1),
  transitDays: count,
  arrivalDate: isoDateSchema,
  stockoutDate: isoDateSchema,
  daysOut: count,
}) satisfies z.ZodType<Transfer>;

const placedStates = ['received', 'inbound', 'on-order', 'late'] as const satisfies readonly PlacedOrderState[];

const placedOrderViewSchema = z.object({
  order: placedOrderRecordSchema,
  /** Units not yet showing as inbound. */
  openUnits: count,
  state: z.enum(placedStates),
});
export type PlacedOrderView = z.infer<typeof placedOrderViewSchema>;

const purchasePlanViewSchema = z.object({
  today: isoDateSchema,
  firstWeek: isoDateSchema,
  weeks: z.number().int().min(1),
  groups: z.array(purchaseGroupSchema),
  laterReorders: count,
  coveredReorders: count,
  cashCapped: count,
  transfers: z.array(transferSchema),
  /** A listing title per SKU of the lines (for the purchase orders). */
  titles: z.record(z.string(), z.string()),
  placed: z.array(placedOrderViewSchema),
});
export type PurchasePlanView = z.infer<typeof purchasePlanViewSchema>;

/** The costs part of the purchasing document (what the costs form edits), with the ABC policies and launch defaults. */
const purchaseCostsSchema = purchasingDataSchema.pick({ unitCosts: true, currency: true, freight: true, policy: true });
export type PurchaseCosts = z.infer<typeof purchaseCostsSchema>;

/** A placed order as the seller enters it; the background gives it its id. */
const placedOrderInputSchema = placedOrderRecordSchema.omit({ id: true });

const cashViewSchema = z.object({
  currency: z.string(),
  weeks: z.array(z.object({ weekStart: isoDateSchema, plannedOut: count, placedOut: count, laterOut: count, capitalHeld: count })),
  unpricedOrders: count,
  unknownStocks: count,
  runsOut: z.array(z.string()),
  products: z.array(z.object({ productId: z.string(), sku: z.string(), daysOfInventory: z.number().nullable(), turnover: z.number().nullable() })),
  total: z.object({ daysOfInventory: z.number().nullable(), turnover: z.number().nullable(), cashConversionDays: z.number().nullable() }),
  holdsTooLong: z.array(z.string()),
}) satisfies z.ZodType<CashView>;
export type CashViewData = z.infer<typeof cashViewSchema>;

const done = z.object({ ok: z.literal(true) });
const orderId = z.string().min(1).max(80);

export const purchasingProtocol = {
  /**
   * The purchase plan for the next `weeks` weeks (this one included): the physical reorders
   * net of placed orders, grouped by supplier and due week, and every placed order with its state.
   */
  'purchasing/plan': {
    senders: ['extension'],
    request: z.object({ weeks: z.number().int().min(1).max(26).default(8) }),
    response: purchasePlanViewSchema,
  },
  /** Marks units as ordered from a supplier: they count as on order from then on. */
  'purchasing/order-placed': {
    senders: ['extension'],
    request: placedOrderInputSchema,
    response: z.object({ order: placedOrderRecordSchema }),
  },
  /** Changes a placed order (quantity, dates, PO reference, mode, the day it was received). */
  'purchasing/order-edit': {
    senders: ['extension'],
    request: z.object({
      id: orderId,
      // Only what the seller changed: no default may fill a field left out (shipMode has one).
      changes: placedOrderRecordSchema
        .pick({ quantity: true, placedOn: true, expectedArrival: true, poRef: true, receivedOn: true })
        .partial()
        .extend({ shipMode: z.enum(['sea', 'air']).optional() }),
    }),
    response: z.object({ order: placedOrderRecordSchema }),
  },
  /** Cancels a placed order: its units are no longer on order. */
  'purchasing/order-cancel': {
    senders: ['extension'],
    request: z.object({ id: orderId }),
    response: done,
  },
  /** The launch split the seller set for one stock's first order (share now, check-in date); null clears it. */
  'purchasing/launch-save': {
    senders: ['extension'],
    request: z.object({
      stockKey: z.string().min(1).max(900),
      launch: z.object({ sharePct: z.number().int().min(1).max(100).optional(), checkInDate: isoDateSchema.optional() }).nullable(),
    }),
    response: done,
  },
  'purchasing/costs': {
    senders: ['extension'],
    request: z.object({}),
    response: purchaseCostsSchema,
  },
  /** Saves costs; `merge` adds entries to those kept (an import) instead of replacing them. */
  'purchasing/costs-save': {
    senders: ['extension'],
    request: purchaseCostsSchema.partial().extend({ unitCosts: z.array(unitCostEntrySchema).max(50_000).optional(), merge: z.boolean().default(false) }),
    response: purchaseCostsSchema,
  },
  /**
   * Cash out by week for planned and placed orders and the capital held in stock at cost, for
   * 26 weeks, as planned and under stress (sales down by a share, lead times longer), with days
   * of inventory, turnover and the cash conversion cycle under the payment terms given.
   */
  'purchasing/cash': {
    senders: ['extension'],
    request: z.object({
      salesDownPct: z.number().min(0).max(90).default(30),
      extraLeadDays: z.number().int().min(0).max(365).default(0),
      supplierTermsDays: z.number().int().min(0).max(365).default(CASH_DEFAULTS.supplierTermsDays),
      payoutDelayDays: z.number().int().min(0).max(365).default(CASH_DEFAULTS.payoutDelayDays),
      holdDaysAbove: z.number().int().min(1).max(3650).default(CASH_DEFAULTS.holdDaysAbove),
    }),
    response: z.object({ base: cashViewSchema, stress: cashViewSchema }),
  },
} as const;

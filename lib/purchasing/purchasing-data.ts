/**
 * What the seller enters for purchasing, kept as one document in the store's `settings` table
 * (its own row, so it is in every backup and needs no database migration): the orders marked
 * as placed, unit costs per SKU (and supplier) with their currency, and freight per unit by
 * mode. Validated with this schema on every read and write.
 */
import { z } from 'zod';
import { isoDateSchema, moneySchema, type Money } from '../records';
import { DEFAULT_POLICY } from './abc-policy';
import { DEFAULT_LAUNCH } from './launch-split';
import { DEFAULT_TRANSFER_DAYS, type TransferDays } from './transfers';

const text = (max: number) => z.string().trim().min(1).max(max);
const currencySchema = z.string().regex(/^[A-Z]{3}$/);

/** A placed order as stored: the core's PlacedOrder plus its id and supplier. */
export const placedOrderRecordSchema = z.object({
  id: text(80),
  productId: text(400),
  poolId: text(400),
  sku: text(400),
  supplierId: z.string().max(200).nullable(),
  quantity: z.number().int().min(1).max(1e7),
  placedOn: isoDateSchema,
  expectedArrival: isoDateSchema,
  poRef: z.string().trim().max(100).optional(),
  /** Day the seller marked the units received into stock; absent = not yet. */
  receivedOn: isoDateSchema.optional(),
  /** How the units travel (the plan's proposal the seller took, or the seller's change). */
  shipMode: z.enum(['sea', 'air']).default('sea'),
  /** Cost of one unit when it was placed (for the cash it ties up); absent = unknown. */
  unitCost: moneySchema.optional(),
});
export type PlacedOrderRecord = z.infer<typeof placedOrderRecordSchema>;

/** A unit cost the seller set: for a SKU from one supplier, or from any (`supplierId` null). */
export const unitCostEntrySchema = z.object({
  sku: text(400),
  supplierId: z.string().trim().max(200).nullable(),
  unitCostMinor: z.number().int().min(1).max(1e12),
  currency: currencySchema,
});
export type UnitCostEntry = z.infer<typeof unitCostEntrySchema>;

export const purchasingDataSchema = z.object({
  placedOrders: z.array(placedOrderRecordSchema).max(10_000).default([]),
  unitCosts: z.array(unitCostEntrySchema).max(50_000).default([]),
  /** Currency of the costs kept without one (the settings' `unitCostMinorBySku`). */
  currency: currencySchema.default('USD'),
  /** ABC policies and the launch split (abc-policy.ts, launch-split.ts; defaults there). */
  policy: z
    .object({
      aLotDays: z.number().int().min(1).max(365).default(DEFAULT_POLICY.aLotDays),
      cCashSharePct: z.number().min(0).max(100).default(DEFAULT_POLICY.cCashSharePct),
      launchSharePct: z.number().int().min(1).max(100).default(DEFAULT_LAUNCH.sharePct),
      launchCheckInDays: z.number().int().min(1).max(365).default(DEFAULT_LAUNCH.checkInDays),
      /** Days a transfer between pools takes, by the receiving pool's kind (transfers.ts). */
      transferDaysToFba: z.number().int().min(0).max(365).default(DEFAULT_TRANSFER_DAYS.FBA),
      transferDaysToWfs: z.number().int().min(0).max(365).default(DEFAULT_TRANSFER_DAYS.WFS),
      transferDaysToOwn: z.number().int().min(0).max(365).default(DEFAULT_TRANSFER_DAYS.SELLER),
    })
    .prefault({}),
  /** Per stock (`<product>@<pool>`): the launch share and check-in date the seller set for its first order. */
  launchOverrides: z
    .record(z.string().max(900), z.object({ sharePct: z.number().int().min(1).max(100).optional(), checkInDate: isoDateSchema.optional() }))
    .default({}),
  /** Freight per unit by mode; null = not given (no extra freight cost is computed). */
  freight: z.object({ airPerUnit: moneySchema.nullable(), seaPerUnit: moneySchema.nullable() }).default({ airPerUnit: null, seaPerUnit: null }),
});
export type PurchasingData = z.infer<typeof purchasingDataSchema>;

/**
 * The stored document, or the empty one when there is none or it is unreadable (a damaged row
 * must not stop the plan: it shows no placed orders, and saving replaces it).
 * @example purchasingDataOf(undefined).placedOrders // []
 */
export function purchasingDataOf(stored: unknown): PurchasingData {
  const parsed = purchasingDataSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : purchasingDataSchema.parse({});
}

/**
 * Freight costs the core can use: both modes given, in one currency; else none.
 * @example freightCostsOf({ airPerUnit: usd(450), seaPerUnit: usd(80) }) // { airPerUnit: usd(450), seaPerUnit: usd(80) }
 */
export function freightCostsOf(freight: PurchasingData['freight']): { airPerUnit: Money; seaPerUnit: Money } | undefined {
  const { airPerUnit, seaPerUnit } = freight;
  return airPerUnit && seaPerUnit && airPerUnit.currency === seaPerUnit.currency ? { airPerUnit, seaPerUnit } : undefined;
}

/**
 * The transfer days of the seller's policy, by the receiving pool's kind.
 * @example transferDaysOf(purchasingDataOf(undefined).policy) // { FBA: 14, WFS: 10, SELLER: 5 }
 */
export function transferDaysOf(policy: PurchasingData['policy']): TransferDays {
  return { FBA: policy.transferDaysToFba, WFS: policy.transferDaysToWfs, SELLER: policy.transferDaysToOwn };
}

/**
 * The unit cost the seller set for a SKU from a supplier: the supplier's own entry, else the
 * SKU's entry for any supplier; undefined when neither is set.
 * @example unitCostFromEntries([{ sku: 'MUG', supplierId: null, unitCostMinor: 250, currency: 'USD' }], 'MUG', 'acme') // { amountMinor: 250, currency: 'USD' }
 */
export function unitCostFromEntries(entries: readonly UnitCostEntry[], sku: string, supplierId: string | null): Money | undefined {
  const own = entries.find((e) => e.sku === sku && e.supplierId !== null && e.supplierId === supplierId);
  const any = own ?? entries.find((e) => e.sku === sku && e.supplierId === null);
  return any ? { amountMinor: any.unitCostMinor, currency: any.currency } : undefined;
}

/**
 * Entries with new ones replacing those of the same SKU and supplier (an import or an edit
 * overwrites, never duplicates).
 * @example mergeUnitCosts([mug250], [mug300]) // [mug300]
 */
export function mergeUnitCosts(current: readonly UnitCostEntry[], incoming: readonly UnitCostEntry[]): UnitCostEntry[] {
  const keyOf = (e: UnitCostEntry) => JSON.stringify([e.sku, e.supplierId]);
  const byKey = new Map(current.map((e) => [keyOf(e), e] as const));
  for (const e of incoming) byKey.set(keyOf(e), e);
  return [...byKey.values()];
}

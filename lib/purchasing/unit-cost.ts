/**
 * The cost of one unit of a reorder, as the purchase plan prices its lines and the ABC policy
 * sizes B orders (the EOQ) and caps C orders: one rule, so both read the same cost.
 */
import type { SkuPlan } from '../planning/types';
import type { Money } from '../records';
import type { Settings } from '../settings/schema';
import { unitCostFromEntries, type UnitCostEntry } from './purchasing-data';

/** Where unit costs come from besides the settings: the seller's entries and, as a last resort, prices. */
export interface CostSources {
  /** Currency of `unitCostMinorBySku` (settings keep costs without a code). */
  currency: string;
  /** Unit costs the seller set (with their currency): they come before `unitCostMinorBySku`. */
  unitCosts?: readonly UnitCostEntry[];
  /** Selling price by SKU: the cost estimate when no unit cost is set. */
  prices?: Readonly<Record<string, Money>>;
}

/**
 * The cost of one unit: the seller's own figure, else the price less the default margin, else
 * unknown. A cost of 0 is a field left blank, not free goods: unknown too.
 * @example unitCostOf('MUG', settings /* no cost set, margin 30% *\/, 'USD', { amountMinor: 1899, currency: 'EUR' }) // { amountMinor: 1329, currency: 'EUR' }
 */
export function unitCostOf(sku: string, settings: Settings, currency: string, price?: Money): { amountMinor: number | null; currency: string } {
  const own = settings.unitCostMinorBySku[sku];
  if (own !== undefined && own > 0) return { amountMinor: own, currency };
  if (price && price.amountMinor > 0) {
    const estimate = Math.round(price.amountMinor * (1 - settings.defaultMarginPct / 100));
    return { amountMinor: estimate > 0 ? estimate : null, currency: price.currency };
  }
  return { amountMinor: null, currency };
}

/**
 * A reorder's unit cost: the seller's entry for its SKU from its supplier (or any supplier),
 * else unitCostOf.
 * @example reorderCostOf(planOfMug, settings, { currency: 'USD', unitCosts: [{ sku: 'MUG', supplierId: null, unitCostMinor: 250, currency: 'USD' }] }) // { amountMinor: 250, currency: 'USD' }
 */
export function reorderCostOf(plan: Pick<SkuPlan, 'sku'>, settings: Settings, sources: CostSources): { amountMinor: number | null; currency: string } {
  const supplierId = settings.leadTimes.skuSupplier[plan.sku] ?? null;
  return unitCostFromEntries(sources.unitCosts ?? [], plan.sku, supplierId) ?? unitCostOf(plan.sku, settings, sources.currency, sources.prices?.[plan.sku]);
}

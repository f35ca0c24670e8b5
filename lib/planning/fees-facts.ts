/**
 * What the fee-aware decisions need to know about an FBA pool beyond the plan's usual input:
 * its on-hand readings over time (for the daily history historical days of supply is computed
 * from) and Amazon's own "Historical days of supply", when FBA Inventory or the inventory
 * health report showed it (not the forward "Days of supply": a different figure, comparing
 * the two would flag a difference that is by design).
 */
import type { ItemSize } from '../fees/index';
import type { Observation } from '../records';
import type { Settings } from '../settings/schema';
import { dayNumber } from './days';
import type { OnHandReading } from './fees-history';

export interface FbaFacts {
  /** The marketplace whose fee schedule applies (amazon.com for the NA pool when one of its listings is there). */
  marketplace: string;
  /** The pool's on-hand units (available + reserved) each time a page showed them. */
  readings: OnHandReading[];
  /** The newest historical days of supply Amazon showed, and its day. */
  shown: { day: number; days: number } | null;
  /** One unit's volume (cubic feet) as the newest page or report showing it said; absent when none did. */
  unitCubicFeet?: number;
  /**
   * Size tier and shipping weight as the newest report showing both said (Fee Preview); absent
   * when none did. Per pool: the SKUs of one pool are one physical product.
   */
  size?: ItemSize;
}

/**
 * The FBA facts of a pool from its listings' observations; undefined for a pool that is not FBA.
 * @example fbaFactsOf('fba:NA', observations)?.readings // [{ day, onHand }, ...]
 */
export function fbaFactsOf(poolId: string, observations: readonly Observation[]): FbaFacts | undefined {
  if (!poolId.startsWith('fba:')) return undefined;
  const readings: OnHandReading[] = [];
  let shown: FbaFacts['shown'] = null;
  let newestShown = '';
  let volume: { at: string; cubicFeet: number } | null = null;
  let size: { at: string; size: ItemSize } | null = null;
  const marketplaces = new Set<string>();
  for (const o of observations) {
    marketplaces.add(o.marketplace);
    if (o.kind !== 'listing') continue;
    const day = dayNumber(o.observedDate);
    if (o.available !== undefined && Number.isFinite(day)) readings.push({ day, onHand: o.available + (o.reserved ?? 0) });
    if (o.platformHistoricalDaysOfSupply !== undefined && o.observedAt > newestShown) {
      newestShown = o.observedAt;
      shown = { day, days: o.platformHistoricalDaysOfSupply };
    }
    if (o.unitCubicFeet !== undefined && (volume === null || o.observedAt > volume.at)) volume = { at: o.observedAt, cubicFeet: o.unitCubicFeet };
    if (o.sizeTier !== undefined && o.shippingWeightOz !== undefined && (size === null || o.observedAt > size.at)) {
      size = { at: o.observedAt, size: { tier: o.sizeTier, shippingWeightOz: o.shippingWeightOz } };
    }
  }
  const marketplace = marketplaces.has('amazon.com') ? 'amazon.com' : ([...marketplaces].sort()[0] ?? '');
  return {
    marketplace,
    readings: readings.sort((a, b) => a.day - b.day),
    shown,
    ...(volume ? { unitCubicFeet: volume.cubicFeet } : {}),
    ...(size ? { size: size.size } : {}),
  };
}

/**
 * One unit's volume in cubic feet for the fees: the seller's entry for the SKU (options page), else
 * the volume a page or report showed (`FbaFacts.unitCubicFeet`), else null (unknown, never a default).
 */
export function unitCubicFeetOf(s: { input: { sku: string; fba?: FbaFacts }; settings: Settings }): number | null {
  return s.settings.storageFees.unitCubicFeetBySku[s.input.sku] ?? s.input.fba?.unitCubicFeet ?? null;
}

/**
 * The size tier and shipping weight for the fees: the seller's entry for the SKU (options page),
 * else what the newest Fee Preview report said (`FbaFacts.size`), else null. A report never
 * replaces the seller's entry; the import preview lists where the two differ (lib/import/fee-facts.ts).
 */
export function itemSizeOf(s: { input: { sku: string; fba?: FbaFacts }; settings: Settings }): ItemSize | null {
  return s.settings.fbaFees.sizeBySku[s.input.sku] ?? s.input.fba?.size ?? null;
}

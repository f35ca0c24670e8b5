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

export interface FbaFacts {
  /** The marketplace whose fee schedule applies (amazon.com for the NA pool when one of its listings is there). */
  marketplace: string;
  /**
   * The pool's on-hand units (available + reserved) each time a page showed them, flat: day,
   * units, day, units..., days ascending (readings of one day in the order given). Typed, as each
   * listing keeps them (ListingFbaFacts.onHand): an object per reading cost a warm 5,000-row
   * re-plan 17 MB, and 5 MB more to sort them, only to be turned back into typed arrays. May be
   * a listing's own array (one listing's readings already in day order): read it, never write it.
   */
  readings: Int32Array;
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
 * What one listing's observations say toward its pool's FBA facts (poolFbaFacts joins a pool's
 * listings): worked out per listing so a re-plan can keep it with the listing's cached demand
 * (lib/background/demand-cache.ts) instead of reading the listing's history again.
 */
export interface ListingFbaFacts {
  /** The marketplaces of the observations (one for a listing), sorted. */
  marketplaces: string[];
  /**
   * Day and on-hand units (available + reserved) of each reading that showed `available`, in
   * observation order, flat: day, units, day, units... (one typed array clones as one block;
   * both are whole numbers within 32 bits: quantities are at most 1e9 each).
   */
  onHand: Int32Array;
  /** The newest historical days of supply shown (the first of equally new ones), with its time. */
  shown: { at: string; day: number; days: number } | null;
  volume: { at: string; cubicFeet: number } | null;
  size: { at: string; size: ItemSize } | null;
}

/**
 * The FBA part of some observations (in their order), whatever their pool.
 * @example listingFbaFactsOf([listingAt('2026-02-20', { available: 3 })]).onHand // Int32Array [day, 3]
 */
export function listingFbaFactsOf(observations: readonly Observation[]): ListingFbaFacts {
  const onHand: number[] = [];
  let shown: ListingFbaFacts['shown'] = null;
  let volume: ListingFbaFacts['volume'] = null;
  let size: ListingFbaFacts['size'] = null;
  const marketplaces = new Set<string>();
  for (const o of observations) {
    marketplaces.add(o.marketplace);
    if (o.kind !== 'listing') continue;
    const day = dayNumber(o.observedDate);
    if (o.available !== undefined && Number.isFinite(day)) onHand.push(day, o.available + (o.reserved ?? 0));
    if (o.platformHistoricalDaysOfSupply !== undefined) shown = newer(shown, { at: o.observedAt, day, days: o.platformHistoricalDaysOfSupply });
    if (o.unitCubicFeet !== undefined) volume = newer(volume, { at: o.observedAt, cubicFeet: o.unitCubicFeet });
    if (o.sizeTier !== undefined && o.shippingWeightOz !== undefined) {
      size = newer(size, { at: o.observedAt, size: { tier: o.sizeTier, shippingWeightOz: o.shippingWeightOz } });
    }
  }
  return { marketplaces: [...marketplaces].sort(), onHand: Int32Array.from(onHand), shown, volume, size };
}

/**
 * The FBA facts of a pool from its listings' parts (in member order); undefined for a pool that
 * is not FBA. Of equally new figures the first listing's counts, as when reading their
 * observations one listing after another.
 * @example poolFbaFacts('fba:NA', [listingFbaFactsOf(observations)])?.readings // Int32Array [day, units, day, units, ...]
 */
export function poolFbaFacts(poolId: string, parts: readonly ListingFbaFacts[]): FbaFacts | undefined {
  if (!poolId.startsWith('fba:')) return undefined;
  let shown: ListingFbaFacts['shown'] = null;
  let volume: ListingFbaFacts['volume'] = null;
  let size: ListingFbaFacts['size'] = null;
  const marketplaces = new Set<string>();
  for (const part of parts) {
    for (const m of part.marketplaces) marketplaces.add(m);
    shown = newer(shown, part.shown);
    volume = newer(volume, part.volume);
    size = newer(size, part.size);
  }
  const marketplace = marketplaces.has('amazon.com') ? 'amazon.com' : ([...marketplaces].sort()[0] ?? '');
  return {
    marketplace,
    readings: pairsByDay(parts.map((p) => p.onHand)),
    shown: shown ? { day: shown.day, days: shown.days } : null,
    ...(volume ? { unitCubicFeet: volume.cubicFeet } : {}),
    ...(size ? { size: size.size } : {}),
  };
}

/**
 * Day/units pairs of several lists in day order, those of one day in list order and then in
 * their order within it (a stable sort); a single list already in day order is given back as it is.
 * @example [...pairsByDay([Int32Array.of(5, 1), Int32Array.of(3, 2, 5, 9)])] // [3, 2, 5, 1, 5, 9]
 */
export function pairsByDay(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 1 && daysAscending(lists[0]!)) return lists[0]!;
  let length = 0;
  for (const list of lists) length += list.length;
  const all = new Int32Array(length);
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  if (daysAscending(all)) return all;
  const order = Array.from({ length: length >> 1 }, (_, i) => i).sort((a, b) => all[2 * a]! - all[2 * b]! || a - b);
  const out = new Int32Array(length);
  order.forEach((from, to) => {
    out[2 * to] = all[2 * from]!;
    out[2 * to + 1] = all[2 * from + 1]!;
  });
  return out;
}

/** Whether day/units pairs run in day order (equal days allowed). */
function daysAscending(pairs: Int32Array): boolean {
  for (let i = 2; i < pairs.length; i += 2) if (pairs[i]! < pairs[i - 2]!) return false;
  return true;
}

/** The newer of two dated figures; of equally new ones the one kept first. */
function newer<T extends { at: string }>(kept: T | null, next: T | null): T | null {
  return next !== null && (kept === null || next.at > kept.at) ? next : kept;
}

/**
 * The FBA facts of a pool from its listings' observations; undefined for a pool that is not FBA.
 * @example fbaFactsOf('fba:NA', observations)?.readings // Int32Array [day, units, ...]
 */
export function fbaFactsOf(poolId: string, observations: readonly Observation[]): FbaFacts | undefined {
  return poolFbaFacts(poolId, [listingFbaFactsOf(observations)]);
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

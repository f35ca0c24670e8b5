/**
 * Which fee schedule charges a stock's storage. A stock pays the storage of the channel that
 * holds it: FBA stock Amazon's schedule, WFS stock Walmart's; an own warehouse pays no
 * marketplace storage at all. Declared once, by pool kind, so the storage figure, the clearance
 * holding cost and the fee blocks (decisions/fba-fees.ts, decisions/wfs-fees.ts) price a stock
 * from the same schedule.
 */
import { scheduleOn, withSellerFees, type Channel, type FeeSchedule } from '../fees/index';
import type { Settings } from '../settings/schema';
import { isoDate } from './days';
import type { FbaFacts } from './fees-facts';
import { poolKindOf, type PoolKind } from './pool-stock';
import type { PricedSchedule } from './storage';

/** The schedule channel of each pool kind; 'not-charged': no marketplace storage fee. */
export const STORAGE_CHANNEL_BY_POOL_KIND = {
  FBA: 'fba',
  WFS: 'wfs',
  SELLER: 'not-charged',
} as const satisfies Record<PoolKind, Channel | 'not-charged'>;

/** What storage a stock pays: a schedule, none ('not-charged'), or 'unknown' (no schedule for its marketplace that day, or one without storage rates). */
type StorageCharge = PricedSchedule | 'not-charged' | 'unknown';

/**
 * The marketplace whose schedule prices a pool: an FBA pool's from its FBA facts (amazon.com for
 * the NA pool), a WFS pool's from its id (`wfs:walmart.com`), else the listing's own.
 * @example feeMarketplaceOf({ poolId: 'wfs:walmart.com', marketplace: null }) // 'walmart.com'
 */
function feeMarketplaceOf(input: { poolId: string; marketplace: string | null; fba?: FbaFacts }): string | null {
  if (input.poolId.startsWith('wfs:')) return input.poolId.slice('wfs:'.length).split('/')[0] ?? null;
  return input.fba?.marketplace || input.marketplace;
}

/**
 * The seller's schedules: the published ones with the amounts edited in the options page.
 * @example scheduleOn('walmart.com', 'wfs', '2026-03-01', sellerSchedules(settings))
 */
function sellerSchedules(settings: Settings): FeeSchedule[] {
  return withSellerFees({ ...settings.storageFees, lowInventoryPerUnit: settings.fbaFees.lowInventoryPerUnit });
}

/**
 * The schedule that charges a stock's storage on `day` (STORAGE_CHANNEL_BY_POOL_KIND).
 * @example storageChargeOf({ poolId: 'own:main', marketplace: 'ebay.com' }, settings, day) // 'not-charged'
 * @example storageChargeOf({ poolId: 'wfs:walmart.com', marketplace: 'walmart.com' }, settings, day) // the walmart.com WFS schedule
 */
export function storageChargeOf(input: { poolId: string; marketplace: string | null; fba?: FbaFacts }, settings: Settings, day: number): StorageCharge {
  const channel = STORAGE_CHANNEL_BY_POOL_KIND[poolKindOf(input.poolId)];
  if (channel === 'not-charged') return channel;
  const marketplace = feeMarketplaceOf(input);
  const schedule = marketplace ? scheduleOn(marketplace, channel, isoDate(day), sellerSchedules(settings)) : null;
  return schedule && schedule.storage !== 'unknown' ? (schedule as PricedSchedule) : 'unknown';
}

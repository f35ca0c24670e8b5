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
 * The settings fields the seller's schedules are built from: the amounts by value, the lists and
 * the WFS pair by identity (the options form and the store build new ones on every edit, never
 * change one inside).
 */
type SellerFeeInputs = readonly [janSep: number, octDec: number, aged: object, wfs: object | undefined, lowInventory: object | undefined];

const sellerFeeInputsOf = (settings: Settings): SellerFeeInputs => [
  settings.storageFees.monthlyPerCubicFootJanSep,
  settings.storageFees.monthlyPerCubicFootOctDec,
  settings.storageFees.agedSurcharges,
  settings.storageFees.wfsPerCubicFoot,
  settings.fbaFees.lowInventoryPerUnit,
];

/**
 * Each settings snapshot's schedules, built once: a catalogue run plans thousands of stocks with
 * one settings object, and rebuilding the copy per stock cost several percent of the run. Keyed
 * by the storage amounts object (a new snapshot or an account's own fee amounts bring a new one,
 * and a dropped snapshot's entry goes with it), and checked against the fields the copy was built
 * from, so an amount replaced on the same object (or another account's low-inventory rows with
 * the same storage amounts) builds a new copy instead of charging a stale one.
 */
const sellerSchedulesByFees = new WeakMap<Settings['storageFees'], { inputs: SellerFeeInputs; schedules: readonly FeeSchedule[] }>();

/**
 * The seller's schedules: the published ones with the amounts edited in the options page (or the
 * account's own), the same copy for every stock planned with these settings.
 * @example scheduleOn('walmart.com', 'wfs', '2026-03-01', sellerSchedules(settings))
 */
export function sellerSchedules(settings: Settings): readonly FeeSchedule[] {
  const inputs = sellerFeeInputsOf(settings);
  const built = sellerSchedulesByFees.get(settings.storageFees);
  if (built && built.inputs.every((input, i) => input === inputs[i])) return built.schedules;
  const schedules = withSellerFees({ ...settings.storageFees, lowInventoryPerUnit: settings.fbaFees.lowInventoryPerUnit });
  sellerSchedulesByFees.set(settings.storageFees, { inputs, schedules });
  return schedules;
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

/**
 * The fee core's public surface (lib/fees/README.md): dated schedules, historical days of
 * supply, the low-inventory-level fee and the aged-inventory surcharge. Code outside lib/fees
 * imports from here, so the files behind it can move.
 */
export { FEE_SCHEDULES, latestSchedule, scheduleOn, SIZE_TIERS, storageRatePerCubicFoot, WFS_IN_STOCK_DAYS } from './schedules';
export type { AgedExemptCategory, Channel, FeeSchedule, SizeTier, StorageRates } from './schedules';
export { dailySeries, supplyOver } from './historical-supply';
export type { DailyInventory, DailySeries, SupplyFigure } from './historical-supply';
export { expectedLowInventoryFee, expectedLowInventoryFeesThrough, lowInventoryFeePerUnit } from './low-inventory';
export type { ExemptionFacts, ExpectedLowInventoryFee, ItemSize, LowInventoryFee } from './low-inventory';
export { agedSurcharge, lotsAtSnapshot, lotsAtSnapshots, nextSnapshots } from './aged-surcharge';
export type { AgedTierCharge, DailySales, Lot } from './aged-surcharge';
export { storageFeeOnDays, storageFeeOver } from './storage-fee';
export type { DailyOnHand } from './storage-fee';
export { publishedWfsPerCubicFoot, SETTINGS_SCHEDULE, SETTINGS_WFS_SCHEDULE, withSellerFees } from './seller-schedule';
export type { SellerFees, SellerLowInventoryRow, SellerStorageFees } from './seller-schedule';
export { AWD_SCHEDULES, DEFAULT_AWD_LEG_DAYS, awdMoveCharges, awdScheduleOn, awdStorageOver } from './awd';
export type { AwdMoveCharges, AwdReplenishment, AwdSchedule } from './awd';

/**
 * The store's public API, called by the background service worker (which owns the database).
 */
export { openStore, StoreDb, STORE_NAME, TABLE_NAMES, type TableName } from './db';
export { CURRENT_SCHEMA_VERSION } from './schema';
export { readListing, readListings, readAllListings } from './listing-store';
export { readAllObservations, readObservationsOf } from './observation-store';
export { groupOf } from './groups';
export { countOrderLines, readAllOrderLines } from './order-store';
export { importBatchTables, mergeObservations, type MergeResult, type MergeCounts } from './merge';
export { linkListing, unlinkListing, LinkError } from './linking';
export { savePlans, getPlans, plansCoveringPrefix, pickPlan, isPoolPlanOf, type SavePlansResult } from './plans';
export {
  listAtRisk,
  listingKeysAtRisk,
  listListings,
  getListingsWithPlans,
  getProduct,
  groupPools,
  type AtRiskQuery,
  type AtRiskRow,
  type ListedListing,
  type ProductDetail,
  type PlanOverlay,
} from './queries';
export { exportListingsCsv } from './listings-csv';
export type { ListingRow, ListingIndexRow, LinkRule } from './tables/listings';
export type { ProductRow } from './tables/products';
export type { StockPoolRow } from './tables/stockPools';
export type { ObservationRow } from './tables/observations';
export type { OrderRow } from './tables/orders';
export type { CalibrationRow } from './tables/calibrations';
export type { ReturnRow } from './tables/returns';
export type { PlanRow, RiskType } from './tables/plans';
export { effectiveOnHand } from './tables/calibrations';
export { loadPlanningInput, type PlanningInput, type ProductPlanningInput } from './planning-input';
export {
  addCalibration,
  recordReturn,
  resolveReturn,
  assignPool,
  AdjustmentError,
  listWarehouses,
  createWarehouse,
  renameWarehouse,
  deleteWarehouse,
  assignWarehouse,
  warehouseSlug,
  WAREHOUSE_NAME_MAX,
  type WarehouseSummary,
} from './adjustments';
export { loadSettings, updateSettings } from './settings-store';
export { loadTaughtColumns, updateTaughtColumns } from './teaching-store';
export { loadAccounts, saveAccounts } from './accounts-store';
export { mergeAccounts, previewAccountMerge } from './account-merge';
export { loadOnboarding, saveOnboarding } from './onboarding-store';
export { loadOrderImportSpans, recordImportBatch } from './order-import-spans';
export { loadInboundArrivals, saveInboundArrival } from './inbound-arrivals-store';
export { loadInboundShipments, saveInboundShipments } from './inbound-shipments-store';
export { saveDailyDemand, readDemandCache, writeDemandCache, invalidateDemand, demandInputsFingerprint } from './daily-demand';
export { DEMAND_SERIES_DATE, HISTORY_READINGS_DATE, demandOfDigest, withDemand, type DemandCacheRow, type HistoryDigestRow } from './tables/dailyDemand';
export { historyDigestOf, readHistoryDigests, readHistoryReadings, PLANNER_UNREAD_FIELDS } from './history-digest';
export { deleteAllData, exportBackup, restoreBackup, validateBackup } from './backup';
export { BackupError, BACKUP_FORMAT, BACKUP_VERSION } from './backup-format';
export { openBackupCursor, type BackupCursor } from './backup-stream';
export { RestoreSession, interruptedRestore } from './backup-restore';
export { compactObservations, type CompactionResult } from './compaction';
export { storageEstimate, type StorageEstimate } from './storage';
// The background (lib/background) imports the store only through this index.
export { foldHistory } from './observation-store';
export { loadCatalogueFit, saveCatalogueFit, CATALOGUE_FIT_MAX_AGE_MS } from './catalogue-fit';
export { HistoryMovedError, loadReplanInput, readingsOfListings, replanInputOf, type ProductReplanInput } from './planning-input';
export { NO_READINGS, readingsDigestText, readingsSums, type ReadingsSums } from './readings-digest';
export { OWN_WAREHOUSE_POOL } from './tables/stockPools';
export { PURCHASING_ROW_ID, REORDER_VALUES_ROW_ID } from './tables/settings';
export { contentHash } from './hash';

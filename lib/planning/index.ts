/**
 * The planning core: demand reconstruction and every decision shown next to a SKU.
 * Pure TypeScript: no browser APIs, `now` always passed in. See README.md.
 */
export * from './types';
export { planFromObservations, planWithFit, demandByKey, seriesFromDemandDays, defaultPoolId, contextSample, type PlanExtras, type CatalogueFit } from './plan';
export {
  urgencyOf,
  riskTypesOf,
  riskTagsOf,
  URGENCY_LEVELS,
  NEEDS_ATTENTION,
  URGENCY_RULES,
  RISK_TAGS,
  type Urgency,
  type UrgencyLevel,
  type RiskTag,
} from './urgency';
export { REASON_CATALOGUE, ALERT_CATALOGUE, riskOfCode, alertNotifies } from './catalogue';
export { poolStock, poolKindOf, type PoolStock, type PoolKind } from './pool-stock';
export { memberPlan, channelLineOf, channelAlerts } from './channel';
export {
  planListing,
  situationOf,
  forecastOf,
  forecastSummaryOf,
  leadTimeFor,
  planningHorizon,
  forecastValues,
  type PlanInput,
  type PlanOptions,
} from './plan-listing';
export { reconstructDemand, type ReconstructOptions } from './reconstruct';
export { poolDemand, demandDays, HOW_CENSORED, HOW_INFERRED, HOW_EXACT, HOW_STOCKOUT_INFERRED, type DemandSeries } from './demand-series';
export { orderCoverage, listingOrderCoverage, type OrderSpan } from './order-coverage';
export { marketplaceSaysOut } from './reconstruct-censor';
export type { Calibration } from './reconstruct-grid';
export { daysOfCover, daysUntilStockout, sellOutDemand, cumulativeAt, cumulativeSum, stockoutDay, tailRate } from './cover';
export { planReorder, type ReorderInput, type ReorderResult } from './reorder';
export { roundOrderQuantity, economicOrderQuantity } from './rounding';
export { allocatePool, bufferUnits, type AllocationMember } from './allocation';
export { lifecycleStage, stagePolicy, knownMean, knownDaysSinceLastSale, type LifecycleFacts, type StagePolicy } from './lifecycle';
export { abcClasses } from './abc';
export { projectStorageFees, type AgeBucket, type StorageFacts } from './storage';
export { capacityGroupOf, withSharedFbaCapacity, type CapacityLimitOf } from './fba-capacity-share';
export { clearanceSuggestion, demandMultiplier, type ClearanceFacts } from './clearance';
export { offForecastAlert, spikeAlert } from './alerts';
export { healthScore, type HealthFacts } from './health';
export { parseObservationLines, parseNow, planJsonLines, type LineError } from './cli';
export { dayNumber, isoDate } from './days';

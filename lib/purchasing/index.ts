/**
 * Purchasing: reorder suggestions as draft purchase orders (README.md). Code outside this
 * folder imports from here only.
 */
export {
  purchasePlan,
  purchaseLine,
  DEFAULT_AIR_TRANSIT_DAYS,
  type PurchasePlan,
  type PurchasePlanOptions,
  type PurchaseGroup,
  type PurchaseLine,
} from './purchase-plan';
export { airSeaSplit, extraFreightOf, type FreightSplit, type FreightCosts, type SplitInput } from './air-sea-split';
export { placedOrderStatuses, subtractPlacedOrders, type PlacedOrder, type PlacedOrderStatus, type PlacedOrderState } from './placed-orders';
export { physicalReorders, stockKeyOf } from './reorders';
export { weekStart } from './week';
export { inboundByStockOf } from './on-order';
export { netPlacedOrders } from './net-plans';
export { withTransfers, type Transfer } from './transfers';
export { cappedReorders, stockLinesOf, withReorderPolicy, withReorders, type PolicyInput, type StockLine, type StockReorder } from './reorder-policy';
export { unitCostOf } from './unit-cost';
export { POLICY_RULES, type AbcPolicy, type PolicyRule } from './abc-policy';
export { type LaunchSplit } from './launch-split';
export {
  purchasingDataSchema,
  placedOrderRecordSchema,
  unitCostEntrySchema,
  purchasingDataOf,
  freightCostsOf,
  transferDaysOf,
  mergeUnitCosts,
  unitCostFromEntries,
  type PurchasingData,
  type PlacedOrderRecord,
  type UnitCostEntry,
} from './purchasing-data';
export { parseCostCsv, COST_CSV_PROBLEMS, type CostCsvProblem } from './cost-csv';
export { currencyDigits, minorUnits, majorAmount } from './money';
export {
  cashView,
  cashOutOf,
  stressedQuantity,
  CASH_DEFAULTS,
  type CashScenario,
  type CashStock,
  type CashPlacedOrder,
  type CashView,
  type CashWeek,
  type CashTerms,
  type CashProduct,
} from './cash';
export { cashChartConfig, cashChartSummary } from './cash-chart';

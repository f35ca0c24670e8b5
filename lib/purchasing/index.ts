/**
 * Purchasing: reorder suggestions as draft purchase orders (README.md). Code outside this
 * folder imports from here only.
 */
export {
  purchasePlan,
  purchaseLine,
  unitCostOf,
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

/**
 * Every report the importer knows, in detection order (a tie in recognised columns goes to
 * the earlier one unless the file name hints otherwise).
 */
import { amazonAllListings, amazonFbaMyi, amazonOrders, amazonRestock } from './amazon';
import { amazonBusinessReportChild } from './amazon-business-report';
import { amazonFbaInventoryPlanning } from './amazon-inventory-planning';
import { amazonFeePreview } from './amazon-fee-preview';
import type { ReportDefinition } from './definition';
import { ebayActiveListings, ebayOrders } from './ebay';
import { walmartItems, walmartOrders, walmartWfsInventoryHealth } from './walmart';

export const REPORTS: readonly ReportDefinition[] = [
  amazonFbaMyi,
  amazonFbaInventoryPlanning,
  amazonRestock,
  amazonAllListings,
  amazonOrders,
  amazonBusinessReportChild,
  amazonFeePreview,
  walmartWfsInventoryHealth,
  walmartItems,
  walmartOrders,
  ebayActiveListings,
  ebayOrders,
] as ReportDefinition[];

/**
 * The definition of a report id.
 * @example reportById('amazon/fba-myi')?.title // 'Manage FBA Inventory'
 */
export function reportById(id: string): ReportDefinition | undefined {
  return REPORTS.find((d) => d.id === id);
}

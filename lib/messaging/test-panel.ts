/** Test helper: a complete PanelData with the fields a test cares about. */
import type { PanelData } from './protocol';

/**
 * @example panelData({ sku: 'A', daysOfCover: 3 }).urgency // 'ok' unless set
 */
export function panelData(fields: Partial<PanelData> & { sku: string }): PanelData {
  return {
    key: `amazon|amazon.com|${fields.sku}`,
    urgency: 'ok',
    available: 10,
    stockSource: 'reading',
    stockHint: null,
    inbound: 0,
    heldReturns: 0,
    daysOfCover: null,
    stockoutDate: null,
    inboundArrivalDate: null,
    stockoutDateWithInbound: null,
    reorderDate: null,
    reorderQuantity: null,
    reorderDaysLate: 0,
    healthScore: null,
    salesHint: null,
    reasons: [],
    alerts: [],
    clearance: null,
    oversell: null,
    lifecycleStage: null,
    dailyDemand: null,
    pool: null,
    channel: null,
    abcClass: null,
    safetyStock: null,
    reorderPoint: null,
    leadTimeDays: null,
    ...fields,
  };
}

/**
 * What the FBA capacity tests share (not shipped code paths): a cached FBA stock plan with a
 * claim on amazon.com's capacity limit.
 */
import type { SkuPlan } from './types';

/** A cached FBA stock plan of `sku` on 2026-03-02 with a claim on amazon.com's limit and a reorder of `units` (0: none). */
export function fbaPlan(sku: string, units: number, stockoutDate: string | null, fields: Partial<SkuPlan> = {}): SkuPlan {
  return {
    key: `amazon|amazon.com|${sku}`,
    scope: 'listing',
    sku,
    platform: 'amazon',
    marketplace: 'amazon.com',
    listingKeys: [`amazon|amazon.com|${sku}`],
    productId: sku,
    poolId: 'fba:NA',
    asOf: '2026-03-02',
    available: 100,
    stock: { source: 'reading', heldReturns: 0, hint: null },
    inbound: 0,
    pendingUnits: 0,
    daysOfCover: 10,
    stockoutDate,
    inboundArrivalDate: null,
    stockoutDateWithInbound: null,
    reorderDate: units > 0 ? '2026-03-02' : null,
    reorderDaysLate: 0,
    reorderQuantity: units,
    reorderPoint: 100,
    safetyStock: 10,
    leadTimeDays: 14,
    forecast: { model: 'flat', meanDaily: 10, horizonDays: 30, p50: 300, p90: 360, historyDays: 120, censoredDays: 0 },
    healthScore: 80,
    healthReasons: [],
    lifecycleStage: 'maturity',
    abcClass: 'A',
    clearance: null,
    storage: null,
    alerts: [],
    oversell: { pendingAboveStock: 0, listedAbovePool: 0, atRisk: false, allocation: {} },
    channel: null,
    fbaCapacityClaim: { marketplace: 'amazon.com', limitCubicFeet: 100, unitCubicFeet: 1, heldNowUnits: 20, heldUnits: 20, date: '2026-03-02' },
    computedAt: '2026-03-02T12:00:00.000Z',
    ...fields,
  };
}

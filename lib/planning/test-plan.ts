/**
 * A cached plan for tests (not shipped code paths): every field valid, any overridden. The
 * purchasing and capacity tests build theirs on it.
 */
import type { SkuPlan } from './types';

/** A valid pool plan of MUG in fba:NA on 2026-03-02, 200 units due on 2026-03-10, at 10 a day. */
export function planWith(fields: Partial<SkuPlan> = {}): SkuPlan {
  const productId = fields.productId ?? 'MUG';
  const poolId = fields.poolId ?? 'fba:NA';
  return {
    key: `pool:${productId}@${poolId}`,
    scope: 'pool',
    sku: productId,
    platform: null,
    marketplace: null,
    listingKeys: [],
    productId,
    poolId,
    asOf: '2026-03-02',
    available: 300,
    stock: { source: 'reading', heldReturns: 0, hint: null },
    inbound: 0,
    pendingUnits: 0,
    daysOfCover: 30,
    stockoutDate: '2026-04-01',
    inboundArrivalDate: null,
    stockoutDateWithInbound: null,
    reorderDate: '2026-03-10',
    reorderDaysLate: 0,
    reorderQuantity: 200,
    reorderPoint: 700,
    safetyStock: 100,
    leadTimeDays: 70,
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
    computedAt: '2026-03-02T12:00:00.000Z',
    ...fields,
  };
}

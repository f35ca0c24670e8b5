/**
 * What a row panel and the popup show, derived from a cached plan and the listing's latest
 * state. Kept apart from the plan so the panel stays small and the plan can grow.
 */
import type { PanelData } from '../messaging/protocol';
import type { SkuPlan } from '../planning/types';

type Params = Record<string, string | number>;

/** Plans allow null parameters; messages carry only strings and numbers. */
function cleanParams(params: Record<string, string | number | null>): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) if (v !== null) out[k] = v;
  return out;
}

/**
 * @example panelFromPlan(plan, { sku: 'MUG-1', title: 'Mug' }).daysOfCover // 23.5
 */
export function panelFromPlan(plan: SkuPlan | undefined, listing: { key: string; sku: string; title?: string; available?: number }): PanelData {
  if (!plan) {
    return {
      sku: listing.sku, key: listing.key, ...(listing.title ? { title: listing.title } : {}),
      available: listing.available ?? null, daysOfCover: null, stockoutDate: null, reorderDate: null, reorderQuantity: null,
      healthScore: null, reasons: [], alerts: [], clearance: null, oversell: null, lifecycleStage: null, dailyDemand: null,
    };
  }
  const clearanceStep = plan.clearance ? plan.clearance.steps[plan.clearance.recommendedStep] : undefined;
  return {
    sku: listing.sku,
    key: listing.key,
    ...(listing.title ? { title: listing.title } : {}),
    available: plan.available,
    daysOfCover: plan.daysOfCover,
    stockoutDate: plan.stockoutDate,
    reorderDate: plan.reorderDate,
    reorderQuantity: plan.reorderDate ? plan.reorderQuantity : null,
    healthScore: plan.healthScore,
    reasons: plan.healthReasons.map((r) => ({ code: r.code, points: r.points, params: cleanParams(r.params) })),
    alerts: plan.alerts.map((a) => ({ code: a.code, severity: a.severity, params: cleanParams(a.params) })),
    clearance: plan.clearance
      ? {
          action: plan.clearance.exit ? 'exit' : clearanceStep && clearanceStep.discountPct > 0 ? `-${clearanceStep.discountPct}%` : 'hold',
          ...(clearanceStep ? { discountPercent: clearanceStep.discountPct, sellThroughDays: clearanceStep.expectedSellThroughDays } : {}),
        }
      : null,
    oversell: plan.oversell.atRisk
      ? { listedTotal: plan.available + plan.oversell.listedAbovePool + plan.oversell.pendingAboveStock, poolAvailable: plan.available }
      : null,
    lifecycleStage: plan.lifecycleStage,
    dailyDemand: plan.forecast.meanDaily,
  };
}

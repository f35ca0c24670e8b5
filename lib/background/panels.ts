/**
 * What a row panel and the popup show, derived from a cached plan and the listing's latest
 * state. Kept apart from the plan so the panel stays small and the plan can grow.
 */
import { unplannedPanel, type PanelData } from '../messaging/protocol';
import { salesHint } from '../planning/decisions/index';
import { clearanceActionOf } from '../planning/clearance';
import { skuPlanSchema, type ClearanceSuggestion, type SkuPlan } from '../planning/types';
import { urgencyOf } from '../planning/urgency';

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
export function panelFromPlan(cached: SkuPlan | undefined, listing: { key: string; sku: string; title?: string; available?: number }): PanelData {
  // A plan cached before pools were planned lacks their fields: its schema fills the defaults
  // (rare: the worker re-plans the whole store when it starts without a catalogue fit).
  const plan = cached && (cached as Partial<SkuPlan>).stock === undefined ? skuPlanSchema.parse(cached) : cached;
  const identity = { sku: listing.sku, key: listing.key, ...(listing.title ? { title: listing.title } : {}) };
  if (!plan) return unplannedPanel(listing);
  const clearanceStep = plan.clearance ? plan.clearance.steps[plan.clearance.recommendedStep] : undefined;
  const salesUnknown = plan.alerts.find((a) => a.code === 'sales-unknown');
  return {
    ...identity,
    urgency: urgencyOf(plan).level,
    available: plan.available,
    stockSource: plan.stock.source,
    stockHint: plan.stock.hint,
    inbound: plan.inbound,
    heldReturns: plan.stock.heldReturns,
    ...(plan.stock.reserved ? { reserved: plan.stock.reserved } : {}),
    daysOfCover: plan.daysOfCover,
    stockoutDate: plan.stockoutDate,
    inboundArrivalDate: plan.inboundArrivalDate,
    ...(plan.inboundArrivals ? { inboundArrivals: plan.inboundArrivals } : {}),
    stockoutDateWithInbound: plan.stockoutDateWithInbound,
    reorderDate: plan.reorderDate,
    reorderQuantity: plan.reorderDate ? plan.reorderQuantity : null,
    ...(plan.onOrder ? { onOrder: plan.onOrder } : {}),
    reorderDaysLate: plan.reorderDaysLate,
    healthScore: plan.healthScore,
    salesHint: salesUnknown ? String(salesUnknown.params.hint ?? salesHint('SELLER')) : null,
    reasons: plan.healthReasons.map((r) => ({ code: r.code, points: r.points, params: cleanParams(r.params) })),
    alerts: plan.alerts.map((a) => ({ code: a.code, severity: a.severity, params: cleanParams(a.params) })),
    clearance: plan.clearance
      ? {
          action: panelClearanceAction(plan.clearance),
          excessUnits: plan.clearance.excessUnits,
          ...(clearanceStep ? { discountPercent: clearanceStep.discountPct, sellThroughDays: clearanceStep.expectedSellThroughDays } : {}),
        }
      : null,
    oversell:
      plan.oversell.atRisk && plan.available !== null
        ? { listedTotal: plan.available + plan.oversell.listedAbovePool + plan.oversell.pendingAboveStock, poolAvailable: plan.available }
        : null,
    lifecycleStage: plan.lifecycleStage,
    dailyDemand: plan.forecast.meanDaily,
    pool: plan.poolKey ? { key: plan.poolKey, poolId: plan.poolId } : null,
    channel: plan.channel,
    abcClass: plan.abcClass,
    safetyStock: plan.safetyStock,
    reorderPoint: plan.reorderPoint,
    leadTimeDays: plan.leadTimeDays,
  };
}

/**
 * The panel's clearance word: 'exit', '-N%' for a markdown, or 'hold' (clearanceActionOf decides which).
 * @example panelClearanceAction({ ...clearance, exit: false, steps: [{ discountPct: 20, ... }], recommendedStep: 0 }) // '-20%'
 */
function panelClearanceAction(clearance: ClearanceSuggestion): string {
  const action = clearanceActionOf(clearance);
  return action === 'markdown' ? `-${clearance.steps[clearance.recommendedStep]!.discountPct}%` : action;
}

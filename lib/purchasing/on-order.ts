/**
 * One answer per stock among cached plans: every listing of a shared pool repeats its pool's
 * answer, so what is per stock (units inbound, the reorder placed orders come off) is read from
 * one plan, never once per listing (net-plans.ts).
 */
import type { SkuPlan } from '../planning/types';
import { stockKeyOf } from './reorders';

/**
 * Units inbound per stock, as the plans show them: the pool plan's figure when there is one
 * (every listing of a pool repeats it), else the first plan's.
 * @example inboundByStockOf([planWith({ inbound: 120 })]) // { 'MUG@fba:NA': 120 }
 */
export function inboundByStockOf(plans: readonly SkuPlan[]): Record<string, number> {
  return Object.fromEntries([...representatives(plans)].map(([key, plan]) => [key, plan.inbound]));
}

/**
 * One plan per stock: its pool plan when present, else the first plan seen.
 * @example representatives([memberOfMug, mugPool]).get('MUG@fba:NA') // mugPool
 */
export function representatives(plans: readonly SkuPlan[]): Map<string, SkuPlan> {
  const out = new Map<string, SkuPlan>();
  for (const plan of plans) {
    const key = stockKeyOf(plan);
    const seen = out.get(key);
    if (!seen || (seen.scope !== 'pool' && plan.scope === 'pool')) out.set(key, plan);
  }
  return out;
}

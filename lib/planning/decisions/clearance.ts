/**
 * Clearance: a markdown ladder for the excess only (never for units the lead time plus target
 * cover needs), and never while a reorder is due: the two would contradict each other. Excess
 * that sells within the target at today's price keeps its price (clearance.ts ladderOf).
 */
import { clearanceSuggestion } from '../clearance';
import type { Decision } from './situation';

/** @example clearance(situation with 240 excess units and no reorder, draft) // draft.clearance.excessUnits === 240 */
export const clearance: Decision = (s, d) => {
  if (s.stock === null || s.stock <= 0 || d.excessUnits <= 0 || d.reorder.day !== null) return;
  const onHand = Math.max(1, s.stock + s.input.reserved);
  // Average fee per unit-day including aged surcharges (old excess is exactly what they hit), at the stock's channel's rates.
  const perUnitDay = typeof d.storage === 'object' && d.storage ? Math.max(d.storage.totalMinor / onHand, d.storage.unitMonthMinor) / 30 : 0;
  d.clearance = clearanceSuggestion(
    {
      excessUnits: Math.min(s.stock, d.excessUnits),
      meanDaily: s.meanDaily,
      priceMinor: s.input.priceMinor,
      currency: s.input.currency,
      unitCostMinor: s.settings.unitCostMinorBySku[s.input.sku] ?? null,
      storagePerUnitDayMinor: perUnitDay,
      exiting: s.stage === 'exit',
    },
    s.settings.clearance,
    s.settings.defaultMarginPct,
  );
};

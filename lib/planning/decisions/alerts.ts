/**
 * The alerts of a plan, each a small rule over the situation and the decisions before it, in
 * the catalogue's order. Texts and risk types come from the catalogue (../catalogue.ts).
 */
import { offForecastAlert, spikeAlert } from '../alerts';
import { isoDate } from '../days';
import { wholeDaysOfCover } from '../cover';
import type { Alert, ClearanceSuggestion } from '../types';
import { coverUntilUnserved } from './inbound-cover';
import { FBA_FEE_ALERT_RULES } from './fba-fee-alerts';
import type { Decision, Draft, Situation } from './situation';

type AlertRule = (s: Situation, d: Draft) => Alert | null;

/** Runs out within the alert window (critical within a week); inbound arriving in time counts. */
const stockoutWithin: AlertRule = (s, d) => {
  const { daysOfCover: days, stockoutDay } = coverUntilUnserved(d);
  if (days === null || days > s.settings.alerts.stockoutWithinDays || !(s.meanDaily > 0)) return null;
  return {
    code: 'stockout-within',
    severity: days <= 7 ? 'critical' : 'warning',
    params: { stockoutDate: stockoutDay === null ? null : isoDate(stockoutDay), days: wholeDaysOfCover(days) },
  };
};

/** The stock on hand runs out before the units on their way arrive: the shelf is empty in between. */
const runsOutBeforeInbound: AlertRule = (s, d) => {
  const { arrivalDay } = d.inbound;
  if (arrivalDay === null || d.stockoutDay === null || d.stockoutDay >= arrivalDay || !(s.meanDaily > 0)) return null;
  return {
    code: 'runs-out-before-inbound',
    severity: 'warning',
    params: { stockoutDate: isoDate(d.stockoutDay), arrivalDate: isoDate(arrivalDay), inbound: s.input.inbound, days: arrivalDay - d.stockoutDay },
  };
};

/** The reorder is due today or late. */
const reorderNow: AlertRule = (s, d) => {
  if (d.reorder.day === null || d.reorder.day > s.asOfDay) return null;
  return {
    code: 'reorder-now',
    severity: d.reorder.daysLate > 0 ? 'critical' : 'warning',
    params: { reorderDate: isoDate(d.reorder.day), quantity: d.reorder.quantity, daysLate: d.reorder.daysLate },
  };
};

/** Sales off the forecast for several days running (selling below it while out of stock is the stockout itself). */
const salesOffForecast: AlertRule = (s) => {
  const off = offForecastAlert(s.input.series.units, expectedDaily(s), s.settings.alerts);
  return off && !(off.params.direction === 'below' && s.stock !== null && s.stock <= 0) ? off : null;
};

/** One day far above the forecast. */
const salesSpike: AlertRule = (s) => spikeAlert(s.input.series.units, expectedDaily(s), s.settings.alerts, s.input.series.startDay);

/** No sale for the no-sale window while in stock. */
const noSale: AlertRule = (s) =>
  s.history.knownDays > 0 && s.history.daysSinceLastSale >= s.settings.alerts.noSaleDays && s.stock !== null && s.stock > 0
    ? { code: 'no-sale', severity: 'warning', params: { days: s.history.daysSinceLastSale } }
    : null;

const oversellPending: AlertRule = (s, d) =>
  d.oversell.pendingAboveStock > 0
    ? { code: 'oversell-pending', severity: 'critical', params: { pending: s.input.pendingUnits, available: Math.round(s.stock! + s.input.reserved) } }
    : null;

const oversellPool: AlertRule = (s, d) =>
  d.oversell.listedAbovePool > 0 && s.input.pool
    ? { code: 'oversell-pool', severity: 'critical', params: { listed: s.input.pool.listed, pool: s.input.pool.listed - d.oversell.listedAbovePool } }
    : null;

const agedSurchargeComing: AlertRule = (_s, d) =>
  typeof d.storage === 'object' && d.storage && d.storage.agedSurchargeMinor > 0
    ? { code: 'aged-surcharge-coming', severity: 'info', params: { amountMinor: d.storage.agedSurchargeMinor, currency: d.storage.currency } }
    : null;

const clearanceExit: AlertRule = (_s, d) => clearanceExitAlert(d.clearance);

/**
 * "Liquidate": holding the excess costs more than half the margin it can still earn. Also asked
 * again when a transfer leaves a pool fewer units to clear (lib/purchasing/transfers.ts).
 * @example clearanceExitAlert({ ...clearance, exit: true, holdingCostMinor: 5000, remainingMarginMinor: 4000, currency: 'USD' })?.code // 'clearance-exit'
 */
export function clearanceExitAlert(clearance: ClearanceSuggestion | null): Alert | null {
  return clearance?.exit
    ? {
        code: 'clearance-exit',
        severity: 'warning',
        params: { holdingMinor: clearance.holdingCostMinor, marginMinor: clearance.remainingMarginMinor, currency: clearance.currency },
      }
    : null;
}

/** Unknown or estimated stock, with what would make it known. */
const stockKnowledge: AlertRule = (s) => {
  const { stockSource, stockHint } = s.input;
  if (stockSource === 'unknown') return { code: 'stock-unknown', severity: 'info', params: { hint: stockHint } };
  if (stockSource === 'listed') return { code: 'stock-estimated', severity: 'info', params: { hint: stockHint } };
  return null;
};

/** No sales known yet, with the page or import that gives them. */
const salesKnowledge: AlertRule = (s) =>
  !s.history.salesKnown ? { code: 'sales-unknown', severity: 'info', params: { hint: salesHint(s.input.destination) } } : null;

/**
 * Where sales come from fastest: FBA and WFS pages show units sold in the last 7/30/90 days;
 * otherwise the order history.
 * @example salesHint('FBA') // 'open:amazon/fba-inventory'
 */
export function salesHint(destination: Situation['input']['destination']): 'open:amazon/fba-inventory' | 'open:walmart/wfs-inventory' | 'import:orders' {
  return destination === 'FBA' ? 'open:amazon/fba-inventory' : destination === 'WFS' ? 'open:walmart/wfs-inventory' : 'import:orders';
}

/** Expected daily sales: the forecast's average day over the coming week (weekday pattern averaged out). */
function expectedDaily(s: Situation): number {
  const week = s.forecast.mean.slice(0, 7);
  return week.length ? week.reduce((a, b) => a + b, 0) / week.length : 0;
}

/** Every alert rule, in the catalogue's order. */
const ALERT_RULES: readonly AlertRule[] = [
  stockoutWithin,
  runsOutBeforeInbound,
  reorderNow,
  salesOffForecast,
  salesSpike,
  noSale,
  oversellPending,
  oversellPool,
  agedSurchargeComing,
  ...FBA_FEE_ALERT_RULES,
  clearanceExit,
  stockKnowledge,
  salesKnowledge,
];

export const alerts: Decision = (s, d) => {
  for (const rule of ALERT_RULES) {
    const alert = rule(s, d);
    if (alert) d.alerts.push(alert);
  }
};

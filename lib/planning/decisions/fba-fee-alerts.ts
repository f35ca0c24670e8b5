/**
 * The fee-aware FBA and WFS plans' alerts (decisions/fba-fees.ts, fba-capacity.ts and
 * wfs-fees.ts decided the action; these only say it): send to stay above the low-inventory
 * floor, mark down before an aged-surcharge snapshot, send after the peak storage months,
 * Amazon's figure against the computed one, a shipment over the capacity limit, and WFS's
 * in-stock rule and long-term storage.
 * Amounts are whole currency units (the seller is told "~43 USD", not cents).
 */
import type { Alert, PlanFees } from '../types';
import { capacityHoldAlert } from './fba-capacity';
import type { Draft, Situation } from './situation';

type AlertRule = (s: Situation, d: Draft) => Alert | null;

/** Amazon's figure and the computed one differ by more than this many days (or 10%). */
const SUPPLY_TOLERANCE_DAYS = 3;
/** Amazon's figure is compared only when read this recently. */
const SHOWN_WITHIN_DAYS = 7;

/** An action's alert: with its amount (minor units and currency: the panel says it as money), or the variant saying the fee is unknown. */
function actionAlert(codes: { priced: Alert['code']; unknown: Alert['code'] }, a: NonNullable<PlanFees['action']>, currency: string): Alert {
  if (a.amountMinor === null) return { code: codes.unknown, severity: 'warning', params: { units: a.units, date: a.date } };
  return { code: codes.priced, severity: 'warning', params: { units: a.units, date: a.date, amountMinor: a.amountMinor, currency } };
}

const floorSend: AlertRule = (_s, d) =>
  d.fees?.action?.kind === 'send' ? actionAlert({ priced: 'fba-floor-send', unknown: 'fba-floor-send-fee-unknown' }, d.fees.action, d.fees.currency) : null;

const agedMarkDown: AlertRule = (_s, d) =>
  d.fees?.action?.kind === 'mark-down' && d.fees.channel !== 'wfs'
    ? actionAlert({ priced: 'fba-aged-mark-down', unknown: 'fba-aged-mark-down-fee-unknown' }, d.fees.action, d.fees.currency)
    : null;

const wfsLongTermMarkDown: AlertRule = (_s, d) =>
  d.fees?.action?.kind === 'mark-down' && d.fees.channel === 'wfs'
    ? actionAlert({ priced: 'wfs-long-term-mark-down', unknown: 'wfs-long-term-mark-down-fee-unknown' }, d.fees.action, d.fees.currency)
    : null;

const wfsInStockSend: AlertRule = (_s, d) => {
  const a = d.fees?.action;
  return a?.kind === 'in-stock-send'
    ? { code: 'wfs-in-stock-send', severity: 'warning', params: { units: a.units, date: a.date, days: d.fees!.floorDays } }
    : null;
};

const q4SendLater: AlertRule = (_s, d) => {
  const a = d.fees?.action;
  if (!a || a.kind !== 'send-later' || a.amountMinor === null || a.laterDate === null) return null;
  return {
    code: 'fba-q4-send-later',
    severity: 'info',
    params: { amountMinor: a.amountMinor, currency: d.fees!.currency, date: a.laterDate },
  };
};

const supplyDiffers: AlertRule = (s, d) => {
  const shown = s.input.fba?.shown;
  const computed = d.fees?.historicalSupply.short;
  if (!shown || typeof computed !== 'number' || s.asOfDay - shown.day > SHOWN_WITHIN_DAYS) return null;
  if (Math.abs(computed - shown.days) <= Math.max(SUPPLY_TOLERANCE_DAYS, 0.1 * shown.days)) return null;
  return { code: 'fba-supply-differs', severity: 'info', params: { shown: Math.round(shown.days), computed: Math.round(computed) } };
};

const capacityHold: AlertRule = (_s, d) => (d.capacity ? capacityHoldAlert(d.capacity) : null);

/** In the catalogue's order. */
export const FBA_FEE_ALERT_RULES: readonly AlertRule[] = [
  floorSend,
  agedMarkDown,
  q4SendLater,
  supplyDiffers,
  capacityHold,
  wfsInStockSend,
  wfsLongTermMarkDown,
];

/**
 * FBA capacity: Amazon caps what a seller may hold at FBA (on hand plus open shipments, one
 * monthly limit per storage type, shown in the Capacity Monitor). No page the extension reads
 * shows that figure, so the limit is the seller's entry per marketplace (options page,
 * `fbaFees.capacityCubicFeetByMarketplace`, which a seller account may override). When the
 * planned shipment would not fit when it is sent, the plan sends what fits and tells the seller
 * to hold the rest in the own warehouse or AWD; the purchase itself stays as planned (the demand
 * it covers is real).
 *
 * The limit covers every stock of the seller account in the marketplace: this decision sees one
 * pool, so it records what the pool holds against the limit (`capacityClaim`) and checks the
 * pool's shipment alone against the whole limit (an upper bound: a shipment that does not fit
 * alone fits no better beside others). The account's stocks of the marketplace then share the
 * limit, most urgent first, where the plans are assembled (../fba-capacity-share.ts), which
 * settles the units sent and held.
 */
import { awdOptionOfClaim } from '../awd-hold';
import { isoDate } from '../days';
import { unitCubicFeetOf } from '../fees-facts';
import type { Alert, FbaCapacity } from '../types';
import type { Decision, Draft, Situation } from './situation';

/** Every alert that says a shipment is held for capacity: one of them at most on a plan. */
export const CAPACITY_HOLD_ALERTS: readonly Alert['code'][] = [
  'fba-capacity-hold',
  'fba-capacity-hold-awd',
  'fba-capacity-hold-awd-volume-unknown',
  'fba-capacity-hold-awd-fee-unknown',
];

/**
 * The alert of a cut shipment: send what fits, hold the rest in the own warehouse or AWD; when the
 * seller uses AWD there, what AWD would cost (or what is missing to price it) and its days to FBA.
 * @example capacityHoldAlert({ limitCubicFeet: 300, sendUnits: 300, holdUnits: 500, date: '2027-01-04' }).code // 'fba-capacity-hold'
 */
export function capacityHoldAlert(c: FbaCapacity): Alert {
  const params = { units: c.sendUnits, held: c.holdUnits, limit: Math.round(c.limitCubicFeet), date: c.date };
  const awd = c.awd;
  if (!awd) return { code: 'fba-capacity-hold', severity: 'warning', params };
  if (awd.kind !== 'priced') return { code: `fba-capacity-hold-awd-${awd.kind}`, severity: 'warning', params: { ...params, legDays: awd.legDays } };
  return {
    code: 'fba-capacity-hold-awd',
    severity: 'warning',
    params: {
      ...params,
      amountMinor: awd.amountMinor,
      currency: awd.currency,
      days: awd.holdDays,
      boxes: awd.boxes,
      perBox: awd.unitsPerBox,
      legDays: awd.legDays,
    },
  };
}

/**
 * Units of a shipment that fit under a capacity limit, beside the units already at FBA or on their way.
 * @example capacityFit({ limitCubicFeet: 100, unitCubicFeet: 0.5, heldUnits: 150, shipmentUnits: 80 }) // { sendUnits: 50, holdUnits: 30 }
 */
export function capacityFit(p: { limitCubicFeet: number; unitCubicFeet: number; heldUnits: number; shipmentUnits: number }): {
  sendUnits: number;
  holdUnits: number;
} {
  // A tiny epsilon keeps 0.1 x 1000 from flooring to 999 by float error.
  const room = Math.max(0, Math.floor((p.limitCubicFeet - p.heldUnits * p.unitCubicFeet) / p.unitCubicFeet + 1e-9));
  const sendUnits = Math.min(p.shipmentUnits, room);
  return { sendUnits, holdUnits: p.shipmentUnits - sendUnits };
}

/** @example fbaCapacity(situation of an FBA pool whose reorder needs 800 units where 300 fit, draft) // draft.capacity.holdUnits === 500 */
export const fbaCapacity: Decision = (s, d) => {
  const facts = s.input.fba;
  const limit = facts && s.settings.fbaFees.capacityCubicFeetByMarketplace?.[facts.marketplace];
  if (!facts || !limit || s.stock === null) return;
  // Capacity is counted by the seller's volume when no per-SKU one is known (the storage decision does the same).
  const ownVolume = unitCubicFeetOf(s);
  const unitCubicFeet = ownVolume ?? s.settings.storageFees.defaultUnitCubicFeet;
  const shipping = d.reorder.day !== null && d.reorder.quantity > 0;
  const sendDay = shipping ? sendDayOf(s, d) : s.asOfDay;
  const heldUnits = onHandOn(s, sendDay) + s.input.inbound;
  d.capacityClaim = {
    marketplace: facts.marketplace,
    limitCubicFeet: limit,
    unitCubicFeet,
    heldNowUnits: onHandOn(s, s.asOfDay) + s.input.inbound,
    heldUnits,
    date: isoDate(sendDay),
    hold: { volumeKnown: ownVolume !== null, dailyUnits: Math.max(0, s.meanDaily), casePack: Math.max(1, s.lead.casePack) },
  };
  if (!shipping) return;
  const fit = capacityFit({ limitCubicFeet: limit, unitCubicFeet, heldUnits, shipmentUnits: d.reorder.quantity });
  if (fit.holdUnits === 0) return;
  const cut = { limitCubicFeet: limit, sendUnits: fit.sendUnits, holdUnits: fit.holdUnits, date: isoDate(sendDay) };
  const awd = awdOptionOfClaim(d.capacityClaim, cut, s.settings);
  d.capacity = awd ? { ...cut, awd } : cut;
  // The fee-aware "send" can only ask for what fits.
  if (d.fees?.action?.kind === 'send') d.fees.action = { ...d.fees.action, units: Math.min(d.fees.action.units, fit.sendUnits) };
};

/** The day the reorder leaves for FBA: when production is done (the reorder day plus the production days), today at the earliest. */
function sendDayOf(s: Situation, d: Draft): number {
  return Math.max(s.asOfDay, d.reorder.day!) + Math.max(0, s.lead.days - s.lead.transitDays);
}

/** Units expected on hand at FBA on `day`: today's stock less the mean demand until then. */
function onHandOn(s: Situation, day: number): number {
  const ahead = day - s.asOfDay;
  if (ahead <= 0) return s.stock! + s.input.reserved;
  const sold = s.meanCum[Math.min(ahead, s.meanCum.length) - 1] ?? 0;
  return Math.max(0, Math.round(s.stock! - sold)) + s.input.reserved;
}

/**
 * The fee-aware WFS plan (Walmart Fulfillment Services), the same way as FBA's: the money at
 * stake over the next 30 and 90 days (monthly storage, long-term storage on units over 365 days
 * at each coming monthly count) from the dated walmart.com WFS schedule in lib/fees, and one
 * action:
 * - `in-stock-send`: Walmart calls an item In Stock at 28 or more days of supply (available plus
 *   inbound); when the projected supply falls under that before the planned shipment is on its
 *   way, send enough by that day to keep 28 days plus the seller's margin;
 * - `mark-down`: units will pay long-term storage at a coming count (only with no reorder due).
 * WFS charges no low-inventory fee: its window amounts are 0, not unknown.
 */
import { isoDate } from '../days';
import { itemSizeOf, unitCubicFeetOf } from '../fees-facts';
import { agedAtSnapshots, lotsFromAgeBuckets, projectInventory, type Arrival } from '../fees-projection';
import { roundOrderQuantity } from '../rounding';
import { sellerSchedules } from '../storage-schedule';
import { inboundAsArrivals } from './inbound-cover';
import { scheduleOn, storageFeeOver, WFS_IN_STOCK_DAYS, type DailyInventory } from '../../fees/index';
import type { PlanFees } from '../types';
import { markDownAction } from './fba-fees';
import type { Decision, Draft, Situation } from './situation';

/** Days projected: the 90-day window. */
const AHEAD_DAYS = 90;
/** Walmart averages daily sales over the in-stock days of the last 30. */
const SALES_WINDOW_DAYS = 30;

/** @example wfsFees(situation of a WFS pool running under 28 days of supply, draft) // draft.fees.action.kind === 'in-stock-send' */
export const wfsFees: Decision = (s, d) => {
  if (!s.input.poolId.startsWith('wfs:') || s.stock === null) return;
  const marketplace = s.input.poolId.slice('wfs:'.length).split('/')[0]!;
  // The plan charges the seller's WFS amounts (options page) where entered: the copy every decision
  // of this settings snapshot shares (its low-inventory rows are FBA's and price no WFS fee).
  const schedules = sellerSchedules(s.settings);
  const schedule = scheduleOn(marketplace, 'wfs', isoDate(s.asOfDay), schedules);
  if (!schedule) return;
  const unitCubicFeet = unitCubicFeetOf(s);
  const onHand = s.stock + s.input.reserved;
  const shipments = shipmentsOf(s, d);
  const arrivals = shipments.map((a) => ({ day: a.day, units: a.units }));
  const projection = projectInventory({ asOfDay: s.asOfDay, onHand, demand: s.forecast.mean, arrivals, days: AHEAD_DAYS });
  const storageOver = (days: number) => {
    if (unitCubicFeet === null) return null;
    const fee = storageFeeOver(
      schedule,
      itemSizeOf(s)?.tier ?? 'large-standard',
      unitCubicFeet,
      projection.slice(0, days).map((p) => ({ date: p.date, onHand: p.onHand ?? 0 })),
    );
    return fee === 'unknown' ? null : fee.amountMinor;
  };
  const lots = lotsFromAgeBuckets(s.input.ageBuckets, s.asOfDay, onHand);
  const aged = agedAtSnapshots({
    marketplace,
    asOfDay: s.asOfDay,
    lots,
    history: [],
    projection,
    arrivals,
    unitCubicFeet,
    count: 3,
    channel: 'wfs',
    schedules,
  });
  d.fees = {
    channel: 'wfs',
    currency: schedule.currency,
    scheduleEffective: schedule.effective,
    historicalSupply: { short: inStockSupply(s), long: 'unknown', shown: null },
    floorDays: WFS_IN_STOCK_DAYS,
    windows: [30, AHEAD_DAYS].map((days) => ({ days, lowInventoryUnits: 0, lowInventoryMinor: 0, storageMinor: storageOver(days) })),
    agedSnapshots: aged,
    action: inStockSend(s, d, projection, shipments) ?? (d.reorder.day === null ? markDownAction(aged) : null),
  };
};

/** Units on their way or planned: each with the day it is sent (it counts as inbound from then) and the day it arrives. */
interface Shipment extends Arrival {
  sentDay: number;
}

function shipmentsOf(s: Situation, d: Draft): Shipment[] {
  const out: Shipment[] = [];
  for (const a of inboundAsArrivals(s, d)) out.push({ sentDay: s.asOfDay, ...a });
  if (d.reorder.day !== null && d.reorder.quantity > 0) {
    const ordered = Math.max(s.asOfDay, d.reorder.day);
    out.push({ sentDay: ordered + Math.max(0, s.lead.days - s.lead.transitDays), day: ordered + s.lead.days, units: d.reorder.quantity });
  }
  return out;
}

/**
 * Walmart's days of supply today: (available + inbound) / the mean daily sales over the known
 * (in-stock) days of the last 30; 'no-sales' when none sold, 'unknown' when no day is known.
 * @example inStockSupply(situation with 300 available, 10 a day) // 30
 */
export function inStockSupply(s: Situation): PlanFees['historicalSupply']['short'] {
  const { startDay, units } = s.input.series;
  let sold = 0;
  let known = 0;
  for (let day = s.asOfDay - SALES_WINDOW_DAYS + 1; day <= s.asOfDay; day++) {
    const v = units[day - startDay];
    if (v === undefined || v !== v) continue;
    sold += v;
    known++;
  }
  if (known === 0) return 'unknown';
  if (sold === 0) return 'no-sales';
  return Math.round(((s.stock! + s.input.inbound) / (sold / known)) * 10) / 10;
}

/**
 * Send enough to keep Walmart's in-stock figure at 28 days plus the seller's margin on the first
 * projected day it would fall under 28 (on hand plus units already sent), when no planned
 * shipment is on its way by then; null when it holds, the pool holds excess or it winds down.
 */
function inStockSend(s: Situation, d: Draft, projection: readonly DailyInventory[], shipments: readonly Shipment[]): PlanFees['action'] {
  if (!(s.meanDaily > 0) || d.excessUnits > 0 || !s.policy.reorder) return null;
  const floor = WFS_IN_STOCK_DAYS * s.meanDaily;
  for (let h = 0; h < projection.length; h++) {
    const day = s.asOfDay + 1 + h;
    const pending = shipments.reduce((n, a) => (a.sentDay <= day && day < a.day ? n + a.units : n), 0);
    const supply = (projection[h]!.onHand ?? 0) + pending;
    if (supply >= floor) continue;
    const wanted = Math.ceil((WFS_IN_STOCK_DAYS + s.settings.fbaFees.lowInventoryMarginDays) * s.meanDaily - supply);
    const units = roundOrderQuantity(Math.max(1, wanted), { moq: s.lead.moq, casePack: s.lead.casePack });
    return { kind: 'in-stock-send', units, date: isoDate(Math.max(s.asOfDay, day - 1)), amountMinor: null, laterDate: null };
  }
  return null;
}

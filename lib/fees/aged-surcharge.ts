/**
 * Amazon FBA's aged-inventory surcharge (fees.md, "Aged-inventory surcharge"): on the snapshot
 * day of each month (the 15th), units are aged first in, first out across the network and each
 * unit in an age tier pays the tier's rate on top of storage. Projecting it tells the seller
 * which lots will cross 181 / 271 / 365 days before the next snapshot, in time to act.
 */
import { civilFromDays, dayNumber, isoDate } from '../planning/days';
import type { Money } from '../records';
import type { AgedExemptCategory, AgedSurchargeRates, FeeSchedule } from './schedules';

/** Units received on one day (a lot): stock on hand now, or a receipt still to come. */
export interface Lot {
  received: string;
  units: number;
}

/** Units sold (shipped) on one day. */
export interface DailySales {
  date: string;
  units: number;
}

/**
 * The lots left on a snapshot day: `lots` (on hand now plus future receipts) minus `sales`,
 * oldest unit first (FIFO, as fees.md says Amazon ages units). Movements dated on the snapshot
 * day count (the snapshot is read as the end of that day: Amazon does not say the hour); on one
 * day receipts come before sales. Sales beyond the stock are lost, reported as `unmetUnits`.
 * @example lotsAtSnapshot([{ received: '2024-01-01', units: 5 }, { received: '2024-02-01', units: 5 }], [{ date: '2024-03-01', units: 7 }], '2024-03-15')
 * // { lots: [{ received: '2024-02-01', units: 3 }], unmetUnits: 0 }
 */
export function lotsAtSnapshot(lots: readonly Lot[], sales: readonly DailySales[], snapshot: string): { lots: Lot[]; unmetUnits: number } {
  const end = dayNumber(snapshot);
  const events = [
    ...lots.map((l) => ({ day: dayNumber(l.received), order: 0, units: checked(l.units, l.received), received: l.received })),
    ...sales.map((s) => ({ day: dayNumber(s.date), order: 1, units: checked(s.units, s.date), received: '' })),
  ]
    .filter((e) => e.day <= end)
    .sort((a, b) => a.day - b.day || a.order - b.order);
  const onHand: Lot[] = []; // oldest first
  let unmetUnits = 0;
  for (const e of events) {
    if (e.order === 0) {
      if (e.units > 0) onHand.push({ received: e.received, units: e.units });
      continue;
    }
    unmetUnits += sell(onHand, e.units);
  }
  return { lots: onHand, unmetUnits };
}

/**
 * lotsAtSnapshot at each of several snapshots (in date order) in one first-in-first-out pass,
 * with the sales as units per consecutive day from `sales.firstDay` (a projection): the planner
 * prices three snapshots per plan, and replaying the same days for each was most of its cost.
 * @example lotsAtSnapshots([{ received: '2024-01-01', units: 5 }], { firstDay: dayNumber('2024-03-01'), units: [2, 2] }, ['2024-03-01', '2024-03-15'])
 * // [{ lots: [{ received: '2024-01-01', units: 3 }], unmetUnits: 0 }, { lots: [{ received: '2024-01-01', units: 1 }], unmetUnits: 0 }]
 */
export function lotsAtSnapshots(
  lots: readonly Lot[],
  sales: { firstDay: number; units: ArrayLike<number> },
  snapshots: readonly string[],
): { lots: Lot[]; unmetUnits: number }[] {
  // Receipts in day order (one day's in the order given); on one day they come before its sales.
  const receipts = lots.map((l) => ({ day: dayNumber(l.received), units: checked(l.units, l.received), received: l.received })).sort((a, b) => a.day - b.day);
  const onHand: Lot[] = []; // oldest first
  let unmetUnits = 0;
  let next = 0; // the next receipt
  let saleDay = sales.firstDay;
  const receiveThrough = (day: number) => {
    for (; next < receipts.length && receipts[next]!.day <= day; next++)
      if (receipts[next]!.units > 0) onHand.push({ received: receipts[next]!.received, units: receipts[next]!.units });
  };
  let previous = Number.NEGATIVE_INFINITY;
  return snapshots.map((snapshot) => {
    const end = dayNumber(snapshot);
    if (!(end >= previous)) throw new Error(`aged surcharge: snapshots out of order at "${snapshot}"`);
    previous = end;
    for (; saleDay <= end && saleDay - sales.firstDay < sales.units.length; saleDay++) {
      receiveThrough(saleDay);
      unmetUnits += sell(onHand, checkedCount(sales.units[saleDay - sales.firstDay]!, saleDay));
    }
    receiveThrough(end);
    return { lots: onHand.map((l) => ({ received: l.received, units: l.units })), unmetUnits };
  });
}

/** Sells `units` from the oldest lots on (removing emptied lots); the units beyond the stock. */
function sell(onHand: Lot[], units: number): number {
  let toSell = units;
  while (toSell > 0 && onHand.length > 0) {
    const oldest = onHand[0]!;
    const sold = Math.min(oldest.units, toSell);
    oldest.units -= sold;
    toSell -= sold;
    if (oldest.units === 0) onHand.shift();
  }
  return toSell;
}

function checkedCount(units: number, day: number): number {
  if (!Number.isInteger(units) || units < 0) throw new Error(`aged surcharge: ${isoDate(day)}: ${units} is not a count`);
  return units;
}

function checked(units: number, date: string): number {
  if (Number.isNaN(dayNumber(date))) throw new Error(`aged surcharge: "${date}" is not an ISO date`);
  if (!Number.isInteger(units) || units < 0) throw new Error(`aged surcharge: ${date}: ${units} is not a count`);
  return units;
}

/**
 * The next `count` snapshot days on or after `from`.
 * @example nextSnapshots(rates, '2024-03-15', 2) // ['2024-03-15', '2024-04-15']
 */
export function nextSnapshots(rates: AgedSurchargeRates, from: string, count: number): string[] {
  const { year, month, dayOfMonth } = civilFromDays(dayNumber(from));
  let y = year;
  let m = dayOfMonth <= rates.snapshotDayOfMonth ? month : month + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (m > 12) [y, m] = [y + 1, 1];
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(rates.snapshotDayOfMonth).padStart(2, '0')}`);
    m++;
  }
  return out;
}

/** One tier's share of a snapshot's surcharge. */
export interface AgedTierCharge {
  minDays: number;
  maxDays: number | null;
  units: number;
  fee: Money;
}

/**
 * The surcharge at a snapshot, per tier: units whose age (snapshot day minus receipt day) falls
 * in the tier pay max(rate per cubic foot x unit volume, minimum per unit), rounded once per
 * tier to minor units. 'unknown' when the schedule does not know the surcharge.
 * @example agedSurcharge(fba2024, [{ received: '2023-01-01', units: 10 }], '2024-03-15', { unitCubicFeet: 0.5, category: null })
 * // tier 366+: 10 units x max(690 x 0.5, 15) = 3450 cents
 */
export function agedSurcharge(
  schedule: FeeSchedule,
  lots: readonly Lot[],
  snapshot: string,
  item: { unitCubicFeet: number; category: AgedExemptCategory | null },
): { tiers: AgedTierCharge[]; total: Money } | 'unknown' {
  const rates = schedule.agedSurcharge;
  if (rates === 'unknown') return 'unknown';
  const day = dayNumber(snapshot);
  const ages = lots.map((l) => day - dayNumber(l.received));
  const tiers = rates.tiers.map((t) => {
    let units = 0;
    for (let k = 0; k < lots.length; k++) if (ages[k]! >= t.minDays && (t.maxDays === null || ages[k]! <= t.maxDays)) units += lots[k]!.units;
    const exempt = item.category !== null && t.exemptCategories.includes(item.category);
    const perUnit = exempt ? 0 : Math.max(t.perCubicFootMinor * item.unitCubicFeet, t.minPerUnitMinor);
    return { minDays: t.minDays, maxDays: t.maxDays, units, fee: { amountMinor: Math.round(units * perUnit), currency: schedule.currency } };
  });
  return { tiers, total: { amountMinor: tiers.reduce((n, t) => n + t.fee.amountMinor, 0), currency: schedule.currency } };
}

/**
 * The FBA fees a plan puts at stake, projected day by day from today's stock, the forecast and
 * the units due to arrive: the low-inventory-level fee (units shipped while historical days of
 * supply is under 28 on both windows), monthly storage (peak rate in Q4) and the aged-inventory
 * surcharge at each coming snapshot (first in, first out). Amounts come from the dated fee
 * schedules in lib/fees; a figure that needs an unknown fact (size tier, unit volume, ages) is
 * null, never 0.
 */
import {
  agedSurcharge,
  dailySeries,
  expectedLowInventoryFee,
  lotsAtSnapshot,
  nextSnapshots,
  scheduleOn,
  storageFeeOver,
  supplyOver,
  type DailyInventory,
  type Channel,
  type DailySeries,
  type FeeSchedule,
  type ItemSize,
  type Lot,
  type SupplyFigure,
} from '../fees/index';
import { dayNumber, isoDate } from './days';
import type { AgeBucket } from './storage';

/** Units due to arrive at FBA on a day. */
export interface Arrival {
  day: number;
  units: number;
}

/**
 * Daily on-hand (end of day) and shipped units for the `days` days after `asOfDay`: each day's
 * expected demand (rounded cumulatively to whole units) ships while stock lasts; arrivals are
 * added at the start of their day.
 * @example projectInventory({ asOfDay: 0, onHand: 10, demand: [4, 4, 4], arrivals: [], days: 3 })
 * // onHand 6, 2, 0 and shipped 4, 4, 2
 */
export function projectInventory(p: {
  asOfDay: number;
  onHand: number;
  demand: ArrayLike<number>;
  arrivals: readonly Arrival[];
  days: number;
}): DailyInventory[] {
  const out: DailyInventory[] = [];
  let onHand = Math.max(0, Math.round(p.onHand));
  let wanted = 0;
  let served = 0;
  const tail = p.demand.length ? p.demand[p.demand.length - 1]! : 0;
  for (let h = 0; h < p.days; h++) {
    const day = p.asOfDay + 1 + h;
    for (const a of p.arrivals) if (a.day === day) onHand += Math.max(0, Math.round(a.units));
    wanted += h < p.demand.length ? p.demand[h]! : tail;
    const shipped = Math.min(onHand, Math.max(0, Math.round(wanted) - served));
    // Demand not served is lost (it does not wait for the next arrival).
    served = Math.round(wanted);
    onHand -= shipped;
    out.push({ date: isoDate(day), onHand, shipped });
  }
  return out;
}

/** Historical days of supply on both windows as of the end of `day`, from a daily history (or the series a caller already indexed from it). */
export function supplyFiguresOn(history: readonly DailyInventory[] | DailySeries, day: number): { short: SupplyFigure; long: SupplyFigure } {
  const series = 'firstDay' in history ? history : dailySeries(history);
  return { short: supplyOver(series, day, 30), long: supplyOver(series, day, 90) };
}

/**
 * A history's series extended by a projection of the days after `asOfDay` (the planner checks
 * many projections against one history: indexing it once keeps that cheap).
 * @example extendSeries(dailySeries(history), projectInventory({ asOfDay, ... }), asOfDay).onHand.length
 */
export function extendSeries(base: DailySeries, projection: readonly DailyInventory[], asOfDay: number): DailySeries {
  const offset = asOfDay + 1 - base.firstDay;
  const length = Math.max(base.onHand.length, offset + projection.length);
  const onHand = new Float64Array(length).fill(Number.NaN);
  const shipped = new Float64Array(length).fill(Number.NaN);
  onHand.set(base.onHand.subarray(0, Math.min(base.onHand.length, offset)));
  shipped.set(base.shipped.subarray(0, Math.min(base.shipped.length, offset)));
  projection.forEach((d, i) => {
    onHand[offset + i] = d.onHand ?? Number.NaN;
    shipped[offset + i] = d.shipped ?? Number.NaN;
  });
  return { firstDay: base.firstDay, onHand, shipped };
}

/**
 * The first weekly refresh in (from, to] at which the figure the fee uses (the greater of the
 * two windows) is below `floorDays` while the item ships enough to be charged (at least
 * `minRecentUnits` in the 7 days before); null when none. Refreshes count from `from + 1`,
 * as expectedLowInventoryFee counts them.
 * @example firstFloorBreach(history, today, today + 90, 35, 20) // a day number, or null
 */
export function firstFloorBreach(
  history: readonly DailyInventory[] | DailySeries,
  from: number,
  to: number,
  floorDays: number,
  minRecentUnits: number,
): number | null {
  const series = 'firstDay' in history ? history : dailySeries(history);
  for (let refresh = from + 1; refresh <= to; refresh += 7) {
    const figures = [supplyOver(series, refresh - 1, 30), supplyOver(series, refresh - 1, 90)];
    if (figures.some((f) => f.kind !== 'days')) continue;
    let recent = 0;
    for (let day = refresh - 7; day < refresh; day++) recent += series.shipped[day - series.firstDay] ?? 0;
    if (!(recent >= minRecentUnits)) continue;
    if (Math.max(...figures.map((f) => (f.kind === 'days' ? f.days : 0))) < floorDays) return refresh;
  }
  return null;
}

/**
 * Today's stock as lots by receipt day, from the age buckets a page showed: each bucket spread
 * evenly over its age range (the open-ended one at its lower bound); units the buckets do not
 * account for are the newest (received today), units they count beyond today's stock were sold
 * oldest first. null when no bucket is known.
 * @example lotsFromAgeBuckets([{ minDays: 0, maxDays: 90, units: 10 }], 1000, 10).length // 10 lots of one unit
 */
export function lotsFromAgeBuckets(buckets: readonly AgeBucket[], asOfDay: number, onHand: number): Lot[] | null {
  if (buckets.length === 0) return null;
  const lots: Lot[] = [];
  for (const b of [...buckets].sort((x, y) => y.minDays - x.minDays)) {
    const parts = b.maxDays === null ? 1 : Math.min(b.units, 10);
    for (let k = 0; k < parts; k++) {
      const units = Math.floor(b.units / parts) + (k < b.units % parts ? 1 : 0);
      const age = b.maxDays === null ? b.minDays : Math.round(b.maxDays - ((k + 0.5) * (b.maxDays - b.minDays)) / parts);
      if (units > 0) lots.push({ received: isoDate(asOfDay - age), units });
    }
  }
  let extra = lots.reduce((n, l) => n + l.units, 0) - onHand;
  while (extra > 0 && lots.length) {
    const sold = Math.min(extra, lots[0]!.units);
    lots[0]!.units -= sold;
    extra -= sold;
    if (lots[0]!.units === 0) lots.shift();
  }
  if (extra < 0) lots.push({ received: isoDate(asOfDay), units: -extra });
  return lots;
}

/**
 * The oldest any unit on hand at the end of `day` can be, first in first out: the fewest days
 * back to a day whose on-hand had all shipped by `day`; null when the history cannot tell.
 * @example oldestPossibleAge(history /* 100 on hand, 10 shipped a day *\/, today) // 10
 */
export function oldestPossibleAge(history: readonly DailyInventory[], day: number): number | null {
  const series = dailySeries(history);
  let shipped = 0;
  for (let back = 0; day - back >= series.firstDay; back++) {
    const i = day - back - series.firstDay;
    const h = series.onHand[i]!;
    if (back > 0 && h === h && h <= shipped) return back;
    const s = series.shipped[i]!;
    if (s !== s) return null;
    shipped += s;
  }
  return null;
}

/** One coming snapshot's aged-inventory surcharge: units charged and the amount (null: unknown). */
interface SnapshotCharge {
  date: string;
  units: number | null;
  amountMinor: number | null;
}

/**
 * The surcharge at each of the next `count` snapshots after `asOfDay`: today's lots (or, without
 * age buckets, a proof from the history that no unit can be old enough) aged first in, first
 * out through the projected shipments and arrivals.
 * @example agedAtSnapshots({ ... }) // [{ date: '2026-12-15', units: 80, amountMinor: 2600 }, ...]
 */
export function agedAtSnapshots(p: {
  marketplace: string;
  asOfDay: number;
  lots: readonly Lot[] | null;
  history: readonly DailyInventory[];
  projection: readonly DailyInventory[];
  arrivals: readonly Arrival[];
  unitCubicFeet: number | null;
  count: number;
  /** The schedules to charge (the seller's amounts: lib/fees withSellerFees); the published ones by default. */
  schedules?: readonly FeeSchedule[];
  /** Whose surcharge: FBA's aged-inventory surcharge (default) or WFS's long-term storage. */
  channel?: Channel;
}): SnapshotCharge[] {
  const schedule = scheduleOn(p.marketplace, p.channel ?? 'fba', isoDate(p.asOfDay), p.schedules);
  if (!schedule || schedule.agedSurcharge === 'unknown') return [];
  const firstTier = schedule.agedSurcharge.tiers[0]?.minDays ?? Infinity;
  const oldest = p.lots ? null : oldestPossibleAge(p.history, p.asOfDay);
  const sales = p.projection.map((d) => ({ date: d.date, units: d.shipped ?? 0 }));
  const receipts = p.arrivals.map((a) => ({ received: isoDate(a.day), units: Math.max(0, Math.round(a.units)) }));
  return nextSnapshots(schedule.agedSurcharge, isoDate(p.asOfDay + 1), p.count).map((date) => {
    const ahead = dayNumber(date) - p.asOfDay;
    if (!p.lots) return oldest !== null && oldest + ahead < firstTier ? { date, units: 0, amountMinor: 0 } : { date, units: null, amountMinor: null };
    const left = lotsAtSnapshot([...p.lots, ...receipts], sales, date).lots;
    const charge = agedSurcharge(schedule, left, date, { unitCubicFeet: p.unitCubicFeet ?? 0, category: null });
    if (charge === 'unknown') return { date, units: null, amountMinor: null };
    const units = charge.tiers.reduce((n, t) => n + t.units, 0);
    return { date, units, amountMinor: units === 0 ? 0 : p.unitCubicFeet === null ? null : charge.total.amountMinor };
  });
}

/**
 * The history and a projection indexed as one series, once per projection: a plan prices its 30-
 * and 90-day windows on the same projection, and indexing ~300 dated days is most of a window's cost.
 */
const seriesByProjection = new WeakMap<readonly DailyInventory[], { history: readonly DailyInventory[]; series: DailySeries }>();

function historyThrough(history: readonly DailyInventory[], projection: readonly DailyInventory[]): DailySeries {
  const indexed = seriesByProjection.get(projection);
  if (indexed && indexed.history === history) return indexed.series;
  const series = dailySeries([...history, ...projection]);
  seriesByProjection.set(projection, { history, series });
  return series;
}

/** Low-inventory fee and storage over the next `days` days: null amounts when a fact is missing. */
interface WindowFees {
  days: number;
  lowInventoryUnits: number;
  lowInventoryMinor: number | null;
  storageMinor: number | null;
}

/**
 * The low-inventory-level fee and the storage fee expected over the `days` days after `asOfDay`.
 * Without a size the fee's units are counted at the small-standard rows (they decide only
 * whether a unit is charged) and its amount is null; without a unit volume storage is null.
 * @example windowFees({ ..., days: 30 }) // { days: 30, lowInventoryUnits: 70, lowInventoryMinor: 6230, storageMinor: null }
 */
export function windowFees(p: {
  marketplace: string;
  asOfDay: number;
  history: readonly DailyInventory[];
  projection: readonly DailyInventory[];
  size: ItemSize | null;
  unitCubicFeet: number | null;
  days: number;
  schedules?: readonly FeeSchedule[];
}): WindowFees {
  const from = isoDate(p.asOfDay + 1);
  const to = isoDate(p.asOfDay + p.days);
  const size = p.size ?? { tier: 'small-standard' as const, shippingWeightOz: 1 };
  const fee = expectedLowInventoryFee({
    marketplace: p.marketplace,
    history: historyThrough(p.history, p.projection),
    from,
    to,
    size,
    exempt: {},
    schedules: p.schedules,
  });
  const schedule = scheduleOn(p.marketplace, 'fba', from, p.schedules);
  const held = p.projection.slice(0, p.days).map((d) => ({ date: d.date, onHand: d.onHand ?? 0 }));
  const storage = schedule && p.unitCubicFeet !== null ? storageFeeOver(schedule, p.size?.tier ?? 'large-standard', p.unitCubicFeet, held) : 'unknown';
  return {
    days: p.days,
    lowInventoryUnits: fee.chargedUnits,
    lowInventoryMinor:
      p.size === null || fee.fee === null || fee.unknownDays > 0 ? (fee.chargedUnits === 0 && fee.unknownDays === 0 ? 0 : null) : fee.fee.amountMinor,
    storageMinor: storage === 'unknown' ? null : storage.amountMinor,
  };
}

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
  expectedLowInventoryFeesThrough,
  lotsAtSnapshots,
  nextSnapshots,
  scheduleOn,
  storageFeeOnDays,
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
import { dayArray, float64Pair } from './day-arena';
import type { AgeBucket } from './storage';

/** A daily history as dated days, or the series a caller already indexed from it (dailySeries: indexed once, read many times). */
type History = readonly DailyInventory[] | DailySeries;

/** The history indexed by day (as it is when it already is). */
function indexed(history: History): DailySeries {
  return 'firstDay' in history ? history : dailySeries(history);
}

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
export function projectInventory(p: ProjectionInputs): DailyInventory[] {
  const s = projectInventorySeries(p);
  return Array.from({ length: s.onHand.length }, (_, h) => ({ date: isoDate(s.firstDay + h), onHand: s.onHand[h]!, shipped: s.shipped[h]! }));
}

/** What a projection is made from. */
interface ProjectionInputs {
  asOfDay: number;
  onHand: number;
  demand: ArrayLike<number>;
  arrivals: readonly Arrival[];
  days: number;
}

/**
 * projectInventory indexed by day from the day after `asOfDay` (every day known): typed arrays,
 * no object per day, as the fee block projects several times per plan.
 * @example projectInventorySeries({ asOfDay: 0, onHand: 10, demand: [4, 4, 4], arrivals: [], days: 3 }).onHand // [6, 2, 0]
 */
export function projectInventorySeries(p: ProjectionInputs): DailySeries {
  const [onHandOut, shippedOut] = float64Pair(Math.max(0, p.days));
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
    onHandOut[h] = onHand;
    shippedOut[h] = shipped;
  }
  return { firstDay: p.asOfDay + 1, onHand: onHandOut, shipped: shippedOut };
}

/** A projection: dated days (projectInventory) or indexed (projectInventorySeries), consecutive from the day after today. */
type Projection = readonly DailyInventory[] | DailySeries;

/** A projection indexed by day (as it is when it already is); an unknown count stays NaN. */
function projectionSeries(projection: Projection): DailySeries {
  if ('firstDay' in projection) return projection;
  const [onHand, shipped] = float64Pair(projection.length);
  for (let i = 0; i < projection.length; i++) {
    onHand[i] = projection[i]!.onHand ?? Number.NaN;
    shipped[i] = projection[i]!.shipped ?? Number.NaN;
  }
  return { firstDay: projection.length ? dayNumber(projection[0]!.date) : 0, onHand, shipped };
}

/** A projection's days as dated days. */
function projectionDays(projection: Projection): readonly DailyInventory[] {
  if (!('firstDay' in projection)) return projection;
  const known = (v: number) => (v === v ? v : null);
  return Array.from({ length: projection.onHand.length }, (_, i) => ({
    date: isoDate(projection.firstDay + i),
    onHand: known(projection.onHand[i]!),
    shipped: known(projection.shipped[i]!),
  }));
}

/** Historical days of supply on both windows as of the end of `day`, from a daily history (or the series a caller already indexed from it). */
export function supplyFiguresOn(history: History, day: number): { short: SupplyFigure; long: SupplyFigure } {
  const series = indexed(history);
  return { short: supplyOver(series, day, 30), long: supplyOver(series, day, 90) };
}

/**
 * A history's series extended by a projection of the days after `asOfDay` (the planner checks
 * many projections against one history: indexing it once keeps that cheap). `into`: a series
 * of the same extent to write over instead of allocating one (a caller testing many
 * projections one after another, each read before the next); its days are all rewritten.
 * @example extendSeries(dailySeries(history), projectInventory({ asOfDay, ... }), asOfDay).onHand.length
 */
export function extendSeries(base: DailySeries, projected: Projection, asOfDay: number, into?: DailySeries): DailySeries {
  const projection = projectionSeries(projected);
  const offset = asOfDay + 1 - base.firstDay;
  const length = Math.max(base.onHand.length, offset + projection.onHand.length);
  const reuse = into !== undefined && into.firstDay === base.firstDay && into.onHand.length === length && into.shipped.length === length;
  // Every day is written once: the history's, unknown between it and the projection (and past
  // the projection when the history runs longer), then the projection's.
  const [onHand, shipped] = reuse ? [into.onHand, into.shipped] : float64Pair(length);
  const kept = base.onHand.subarray(0, Math.min(base.onHand.length, offset));
  onHand.set(kept);
  shipped.set(base.shipped.subarray(0, kept.length));
  onHand.fill(Number.NaN, kept.length);
  shipped.fill(Number.NaN, kept.length);
  for (let i = 0; i < projection.onHand.length; i++) {
    onHand[offset + i] = projection.onHand[i]!;
    shipped[offset + i] = projection.shipped[i]!;
  }
  return reuse ? into : { firstDay: base.firstDay, onHand, shipped };
}

/**
 * The first weekly refresh in (from, to] at which the figure the fee uses (the greater of the
 * two windows) is below `floorDays` while the item ships enough to be charged (at least
 * `minRecentUnits` in the 7 days before); null when none. Refreshes count from `from + 1`,
 * as expectedLowInventoryFee counts them.
 * @example firstFloorBreach(history, today, today + 90, 35, 20) // a day number, or null
 */
export function firstFloorBreach(history: History, from: number, to: number, floorDays: number, minRecentUnits: number): number | null {
  const series = indexed(history);
  for (let refresh = from + 1; refresh <= to; refresh += 7) {
    const short = supplyOver(series, refresh - 1, 30);
    const long = supplyOver(series, refresh - 1, 90);
    if (short.kind !== 'days' || long.kind !== 'days') continue;
    let recent = 0;
    for (let day = refresh - 7; day < refresh; day++) recent += series.shipped[day - series.firstDay] ?? 0;
    if (!(recent >= minRecentUnits)) continue;
    if (Math.max(short.days, long.days) < floorDays) return refresh;
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
export function oldestPossibleAge(history: History, day: number): number | null {
  const series = indexed(history);
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
  history: History;
  /** Consecutive days from the day after `asOfDay` (projectInventory). */
  projection: Projection;
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
  const snapshots = nextSnapshots(schedule.agedSurcharge, isoDate(p.asOfDay + 1), p.count);
  // Every snapshot's lots in one first-in-first-out pass over the projected days.
  const atSnapshot = p.lots ? lotsAtSnapshots([...p.lots, ...receiptsOf(p.arrivals)], projectedSales(p.projection), snapshots) : [];
  return snapshots.map((date, k) => {
    const ahead = dayNumber(date) - p.asOfDay;
    if (!p.lots) return oldest !== null && oldest + ahead < firstTier ? { date, units: 0, amountMinor: 0 } : { date, units: null, amountMinor: null };
    const left = atSnapshot[k]!.lots;
    const charge = agedSurcharge(schedule, left, date, { unitCubicFeet: p.unitCubicFeet ?? 0, category: null });
    if (charge === 'unknown') return { date, units: null, amountMinor: null };
    const units = charge.tiers.reduce((n, t) => n + t.units, 0);
    return { date, units, amountMinor: units === 0 ? 0 : p.unitCubicFeet === null ? null : charge.total.amountMinor };
  });
}

/** Arrivals as lots received on their day (whole units, none below 0). */
function receiptsOf(arrivals: readonly Arrival[]): Lot[] {
  return arrivals.map((a) => ({ received: isoDate(a.day), units: Math.max(0, Math.round(a.units)) }));
}

/** A projection's units shipped per day (consecutive days from its first), unknown as 0. */
function projectedSales(projection: Projection): { firstDay: number; units: Float64Array } {
  const p = projectionSeries(projection);
  return { firstDay: p.firstDay, units: knownOrZero(p.shipped) };
}

/** historyThrough's series, kept per projection while the projection lives. */
const seriesByProjection = new WeakMap<Projection, { history: History; series: DailySeries }>();

/**
 * The history and a projection indexed as one series, once per projection: a plan prices its 30-
 * and 90-day windows and looks for a floor breach on the same projection. A history already
 * indexed (through `asOfDay`) is extended by the projection's days without indexing it again.
 * The series is shared: read it, never write it.
 * @example firstFloorBreach(historyThrough(history, baseline, today), today, today + 90, 35, 20)
 */
export function historyThrough(history: History, projection: Projection, asOfDay: number): DailySeries {
  const known = seriesByProjection.get(projection);
  if (known && known.history === history) return known.series;
  const series =
    'firstDay' in history && history.onHand.length > 0
      ? extendSeries(history, projection, asOfDay)
      : dailySeries([...indexedDays(history), ...projectionDays(projection)]);
  seriesByProjection.set(projection, { history, series });
  return series;
}

/** The days of a history given as days (an empty series has none). */
function indexedDays(history: History): readonly DailyInventory[] {
  return 'firstDay' in history ? [] : history;
}

/** Low-inventory fee and storage over the next `days` days: null amounts when a fact is missing. */
interface WindowFees {
  days: number;
  lowInventoryUnits: number;
  lowInventoryMinor: number | null;
  storageMinor: number | null;
}

/** What windowFees prices: the history, the projection and the item's facts. */
interface WindowInputs {
  marketplace: string;
  asOfDay: number;
  history: History;
  /** Consecutive days from the day after `asOfDay` (projectInventory). */
  projection: Projection;
  size: ItemSize | null;
  unitCubicFeet: number | null;
  schedules?: readonly FeeSchedule[];
}

/**
 * The low-inventory-level fee and the storage fee expected over the `days` days after `asOfDay`.
 * Without a size the fee's units are counted at the small-standard rows (they decide only
 * whether a unit is charged) and its amount is null; without a unit volume storage is null.
 * @example windowFees({ ..., days: 30 }) // { days: 30, lowInventoryUnits: 70, lowInventoryMinor: 6230, storageMinor: null }
 */
export function windowFees(p: WindowInputs & { days: number }): WindowFees {
  return windowFeesOver(p, [p.days])[0]!;
}

/**
 * windowFees over windows of several lengths (ascending) from the same day, the low-inventory fee
 * summed in one pass over the longest: a plan prices 30 and 90 days of one projection.
 * @example windowFeesOver(inputs, [30, 90]).map((w) => w.days) // [30, 90]
 */
export function windowFeesOver(p: WindowInputs, lengths: readonly number[]): WindowFees[] {
  const from = isoDate(p.asOfDay + 1);
  const size = p.size ?? { tier: 'small-standard' as const, shippingWeightOz: 1 };
  const history = historyThrough(p.history, p.projection, p.asOfDay);
  const fees = expectedLowInventoryFeesThrough(
    { marketplace: p.marketplace, history, from, size, exempt: {}, schedules: p.schedules },
    lengths.map((days) => p.asOfDay + days),
  );
  const schedule = scheduleOn(p.marketplace, 'fba', from, p.schedules);
  return lengths.map((days, k) => {
    const fee = fees[k]!;
    const storage =
      schedule && p.unitCubicFeet !== null
        ? storageFeeOnDays(schedule, p.size?.tier ?? 'large-standard', p.unitCubicFeet, heldOver(p.projection, days))
        : 'unknown';
    return {
      days,
      lowInventoryUnits: fee.chargedUnits,
      lowInventoryMinor:
        p.size === null || fee.fee === null || fee.unknownDays > 0 ? (fee.chargedUnits === 0 && fee.unknownDays === 0 ? 0 : null) : fee.fee.amountMinor,
      storageMinor: storage === 'unknown' ? null : storage.amountMinor,
    };
  });
}

/** The units held at the end of each of a projection's first `days` days (consecutive), unknown as 0. */
function heldOver(projection: Projection, days: number): { firstDay: number; onHand: Float64Array } {
  const p = projectionSeries(projection);
  return { firstDay: p.firstDay, onHand: knownOrZero(p.onHand.subarray(0, Math.max(0, days))) };
}

/** The days with an unknown count read as 0 (the same array when every count is known, as in a projection). */
function knownOrZero(days: Float64Array): Float64Array {
  if (!days.includes(Number.NaN)) return days;
  const known = dayArray(days.length);
  for (let i = 0; i < days.length; i++) known[i] = days[i] === days[i] ? days[i]! : 0;
  return known;
}

/**
 * When the units on their way are likely to arrive. Seller pages show how many units are
 * inbound but rarely when they arrive, so the arrival is dated from when the inbound first
 * appeared (the shipment was created) plus the destination's transit and receiving days.
 */
import type { ListingObservation } from '../records';
import { dayNumber } from './days';

/**
 * The readings inboundAppeared walks back through, oldest first: of two readings on one day the
 * later one is its newest (until 2026-12-05 they came newest first, so it took the earlier).
 */
export function inboundReadingsOf(newestFirst: readonly ListingObservation[]): InboundReading[] {
  const out: InboundReading[] = [];
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const o = newestFirst[i]!;
    out.push({ day: dayNumber(o.observedDate), inbound: o.inbound, available: o.available, unitsSold: o.unitsSold });
  }
  return out;
}

/** One reading of a listing's inbound units (day number; undefined = the page did not show it). */
interface InboundReading {
  day: number;
  inbound: number | undefined;
  /** Sellable units at the reading, when shown (tells a receipt from a new shipment). */
  available?: number | undefined;
  /** The page's "units sold in the last N days" counts at the reading. */
  unitsSold?: readonly { windowDays: number; units: number }[] | undefined;
}

export type ShownReading = InboundReading & { inbound: number };

/**
 * Whether new units were sent between two readings although the inbound did not rise: a
 * shipment received and a new one of the same size (sellers reorder the same quantity) leave
 * the inbound unchanged. The stock identity tells: units received = stock after - stock before
 * + units sold in the gap; inbound after - inbound before + received > 0 units appeared. When
 * the sales in the gap are not shown, a stock rise with an inbound that did not fall says so.
 * @example newUnitsBetween({ day: 0, inbound: 300, available: 10 }, { day: 7, inbound: 300, available: 250 }) // true
 */
export function newUnitsBetween(before: ShownReading, after: ShownReading): boolean {
  if (before.available === undefined || after.available === undefined) return false;
  const gap = after.day - before.day;
  const sold = after.unitsSold?.find((w) => w.windowDays === gap)?.units;
  if (sold === undefined) return after.inbound >= before.inbound && after.available > before.available;
  const received = after.available - before.available + sold;
  return received > 0 && after.inbound - before.inbound + received > 0;
}

/** The days the newest inbound units may have appeared on: some day in `from`..`to`. */
export interface AppearedWindow {
  from: number;
  to: number;
}

/**
 * When the inbound units of the newest reading appeared: after the last reading that showed
 * fewer inbound units (or as many, with new units sent: newUnitsBetween), and by the first
 * reading of the run since, in which inbound only went down (units being received, not new
 * shipments). A run that starts at the first reading ever
 * is dated on that reading (the earliest it can be said to exist). null when the newest
 * reading shows no inbound.
 * @example inboundAppeared([{ day: 10, inbound: 0 }, { day: 17, inbound: 300 }, { day: 24, inbound: 120 }]) // { from: 11, to: 17 }
 */
export function inboundAppeared(readings: readonly InboundReading[]): AppearedWindow | null {
  const shown = shownInOrder(readings);
  const newest = shown.at(-1);
  if (!newest || newest.inbound <= 0) return null;
  const first = runStart(shown);
  const to = shown[first]!.day;
  return { from: first === 0 ? to : shown[first - 1]!.day + 1, to };
}

/**
 * The reading inboundAppeared takes as the newest of some readings (given newest first, as
 * inboundReadingsOf takes them): the last that showed inbound units; null when none did.
 * @example newestShown([listingAt('2026-05-08', { inbound: 300 })])?.inbound // 300
 */
export function newestShown(newestFirst: readonly ListingObservation[]): ShownReading | null {
  return shownInOrder(inboundReadingsOf(newestFirst)).at(-1) ?? null;
}

/** The readings that showed inbound units, by day (of one day, in the order given). */
export function shownInOrder(readings: readonly InboundReading[]): ShownReading[] {
  return readings.filter((r): r is ShownReading => r.inbound !== undefined).sort((a, b) => a.day - b.day);
}

/**
 * Where the run of the newest reading's inbound starts (an index into `shown`): walking back
 * while each reading before showed at least as many units, some, and no new units were sent
 * in between.
 * @example runStart([{ day: 10, inbound: 0 }, { day: 17, inbound: 300 }, { day: 24, inbound: 120 }]) // 1
 */
export function runStart(shown: readonly ShownReading[]): number {
  let first = shown.length - 1;
  while (first > 0 && shown[first - 1]!.inbound >= shown[first]!.inbound && shown[first - 1]!.inbound > 0 && !newUnitsBetween(shown[first - 1]!, shown[first]!))
    first--;
  return first;
}

/**
 * The expected arrival day: the middle of the days the units can still arrive on. They arrive
 * `transitDays` after they appeared, so within the appeared window moved by the transit; days
 * up to today are past (the units are still shown as inbound), so the middle of what is left,
 * and tomorrow when the whole window has passed (late, not here yet).
 * @example inboundArrivalDay({ from: 11, to: 17 }, 21, 20) // 35 (between 32 and 38)
 * @example inboundArrivalDay({ from: 11, to: 17 }, 21, 35) // 37 (36..38 are left)
 * @example inboundArrivalDay({ from: 11, to: 17 }, 21, 40) // 41 (late: tomorrow at the earliest)
 */
export function inboundArrivalDay(appeared: AppearedWindow, transitDays: number, asOfDay: number): number {
  const earliest = Math.max(appeared.from + transitDays, asOfDay + 1);
  const latest = Math.max(appeared.to + transitDays, asOfDay + 1);
  return Math.ceil((earliest + latest) / 2);
}

/**
 * Whether the inbound units arrive before the stock on hand runs out (by its stockout day),
 * so that demand first goes unserved when they run out too. Day numbers or ISO dates.
 * @example inboundArrivesInTime('2026-12-14', '2026-12-10') // true
 */
export function inboundArrivesInTime<T extends number | string>(stockout: T | null, arrival: T | null): boolean {
  return stockout !== null && arrival !== null && stockout >= arrival;
}

/**
 * The day demand first goes unserved, by a plan: the stockout counting the inbound units when
 * they arrive in time, else the stockout on the stock on hand. null = never.
 * @example firstUnservedDate({ stockoutDate: '2026-12-14', inboundArrivalDate: '2026-12-10', stockoutDateWithInbound: '2027-01-20' }) // '2027-01-20'
 */
export function firstUnservedDate(plan: {
  stockoutDate: string | null;
  inboundArrivalDate: string | null;
  stockoutDateWithInbound: string | null;
}): string | null {
  return inboundArrivesInTime(plan.stockoutDate, plan.inboundArrivalDate) ? plan.stockoutDateWithInbound : plan.stockoutDate;
}

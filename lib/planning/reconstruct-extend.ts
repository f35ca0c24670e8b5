/**
 * Reconstructed demand carried forward by new readings, without the readings before them. A
 * re-plan after a page read has one or two new readings per listing; rebuilding the whole
 * series means decoding every reading the listing ever had (most of a re-plan's demand step).
 *
 * This is exact, not an approximation: extendDemand returns what reconstructDemand gives from
 * all readings, or null when it cannot be sure (the caller rebuilds). The continuation keeps
 * the newest reading and how reconstruction settled the last TAIL_DAYS days (reconstruct.ts
 * SettledTail); the layers then run on the new readings' counts over those days and the new
 * ones. That equals the whole rebuild when no new count reaches a day an older count of the
 * same or a finer kind still shares, nor one an order floor raised (the layers read it before
 * the floor, which comes after them all): a new stock reading adds a stock-delta (and cumulative)
 * interval after the baseline, which overlaps nothing; a weekly FBA Inventory visit's 7-day
 * count covers the new days, and its 30- and 90-day counts find the older days already settled
 * by the earlier 7-day counts. A daily visitor's 7-day counts overlap the day before's, and
 * fortnightly 30-day counts reach into the gap before: those listings are rebuilt.
 */
import type { ListingObservation, Observation } from '../records';
import { dayNumber } from './days';
import { newestShown, type ShownReading } from './inbound-arrival';
import type { DemandSeries } from './demand-series';
import { reconstructAfter, seriesOnLaterDay, settledDaysOf, windowedCountsOn, type SettledTail } from './reconstruct';
import { showsNothingForSale } from './reconstruct-censor';
import type { Calibration } from './reconstruct-grid';

/**
 * Days of settled state a continuation keeps before its baseline: the longest window a page
 * shows (90 days) fits in them, so a new count, and the sales rate read from the baseline's
 * counts, find every older day they read there.
 */
const TAIL_DAYS = 90;

/**
 * What extendDemand needs of the readings a series was built from, kept with the series: the
 * newest reading (the next stock delta starts from its stock, the next cumulative count from its
 * count), whether any reading showed a cumulative count, the last one that showed inbound, and
 * the series' last days as reconstruction settled them.
 */
export interface DemandContinuation {
  /** The newest reading (its time is unique among the listing's readings). */
  baseline: ListingObservation;
  /** Whether some reading showed a cumulative sold count (the next count's interval starts at the newest of them). */
  hadCumulative: boolean;
  /**
   * The last reading that showed inbound units, as inboundAppeared orders them (null: none did):
   * the walk back to when the newest inbound appeared goes on from it (reading-facts-extend.ts).
   */
  lastShown: ShownReading | null;
  /**
   * How reconstruction settled the series' days up to the baseline's (at most TAIL_DAYS of them;
   * their values are the series' own, not kept twice).
   */
  tail: TailState;
}

/** A SettledTail without the series' values. */
type TailState = Omit<SettledTail, 'units' | 'how'>;

/**
 * The continuation of a series rebuilt from these observations (all of one listing; `series`
 * as reconstructDemand returned it), or null when the next reading could not extend it: the
 * newest reading shows no stock, shares its time with another reading, is not the newest input
 * (an order, order view or stock event is dated after it: `inputsThrough`), or an older
 * reading's cumulative count would start the next interval.
 * @example continuationOf([listingAt('2026-01-05', { available: 9 })], dayNumber('2026-01-05'), series)?.baseline.available // 9
 */
export function continuationOf(observations: readonly Observation[], inputsThrough: number, series: DemandSeries): DemandContinuation | null {
  let baseline: ListingObservation | undefined;
  let tied = false;
  let hadCumulative = false;
  const listings: ListingObservation[] = [];
  for (const o of observations) {
    if (o.kind !== 'listing') continue;
    listings.push(o);
    if (o.cumulativeSold !== undefined) hadCumulative = true;
    if (!baseline || o.observedAt > baseline.observedAt) {
      baseline = o;
      tied = false;
    } else if (o.observedAt === baseline.observedAt) tied = true;
  }
  if (!baseline || tied || !showsStock(baseline)) return null;
  if (dayNumber(baseline.observedDate) !== inputsThrough) return null;
  if (hadCumulative && baseline.cumulativeSold === undefined) return null;
  const tail = tailOf(series, inputsThrough);
  if (!tail) return null;
  // In the order stock-groups.ts gives inboundAppeared: newest first by time, then reversed.
  listings.sort((a, b) => (a.observedAt < b.observedAt ? 1 : a.observedAt > b.observedAt ? -1 : 0));
  return { baseline, hadCumulative, lastShown: newestShown(listings), tail };
}

/** Whether a reading shows the stock on a day that can be placed (a baseline must; so must every reading an extension takes). */
function showsStock(o: ListingObservation): boolean {
  return o.available !== undefined && Number.isFinite(dayNumber(o.observedDate));
}

/** How the last TAIL_DAYS days of a reconstructed series up to `lastDay` were settled; null for a series not from reconstructDemand. */
function tailOf(series: DemandSeries | SettledTail, lastDay: number): TailState | null {
  const settled = 'layer' in series ? series : settledDaysOf(series);
  const end = lastDay - series.startDay + 1;
  if (!settled || end < 1 || end > series.units.length) return null;
  const start = Math.max(0, end - TAIL_DAYS);
  return {
    startDay: series.startDay + start,
    layer: settled.layer.slice(start, end),
    censored: settled.censored.slice(start, end),
    floored: settled.floored.slice(start, end),
    repaired: settled.repaired,
  };
}

/**
 * The tail with its values from the series (the series holds its days: the caller checked), as
 * views: countsExtend and reconstructAfter only read them (reconstructAfter copies them into its grid).
 */
function withValues(tail: TailState, series: DemandSeries): SettledTail {
  const start = tail.startDay - series.startDay;
  const end = start + tail.layer.length;
  return { ...tail, units: series.units.subarray(start, end), how: series.how.subarray(start, end) };
}

/**
 * reconstructDemand's series from the old readings and `added` together, given the series of the
 * old ones and their continuation, with the continuation after them; null when that is not
 * certain (rebuild from all readings). `added`: the listing's readings newer than the baseline,
 * in time order. `calibrations`: all of the listing's stock events (none may be dated on or after
 * the baseline's day).
 * @example extendDemand(series, continuation, [listingAt('2026-01-06', { available: 7 })], { end: '2026-01-06', calibrations: [] })?.series
 * // series with 2026-01-06 sold 2 (9 on hand the day before)
 */
export function extendDemand(
  series: DemandSeries,
  continuation: DemandContinuation,
  added: readonly ListingObservation[],
  { end, historyDays, calibrations }: { end: string; historyDays?: number; calibrations: readonly Calibration[] },
): { series: DemandSeries; continuation: DemandContinuation | null } | null {
  const { baseline } = continuation;
  const cutoff = dayNumber(baseline.observedDate);
  const endDay = dayNumber(end);
  const later = seriesOnLaterDay(series, endDay, historyDays, cutoff);
  if (!later || continuation.tail.startDay < series.startDay || cutoff >= series.startDay + series.units.length) return null;
  const tail = withValues(continuation.tail, series);
  if (!readingsExtend(continuation, added, calibrations, endDay) || !countsExtend(series, tail, baseline, added, endDay)) return null;
  const settled = reconstructAfter(tail, baseline, added, endDay);
  // The cached series may be the caller's (seriesOnLaterDay returns it as it is on its own last
  // day): written into only as a copy. On a later day seriesOnLaterDay already made one.
  const units = later === series ? later.units.slice() : later.units;
  const how = later === series ? later.how.slice() : later.how;
  units.set(settled.units, tail.startDay - later.startDay);
  how.set(settled.how, tail.startDay - later.startDay);
  return { series: { startDay: later.startDay, units, how }, continuation: continuationAfter(continuation, added, settled) };
}

/**
 * Whether the new readings come after the baseline as extendDemand needs: each shows stock,
 * comes later than the one before it and on no earlier day, none on the baseline's own day shows
 * windowed counts (they would replace its counts) or empties it (that would censor it, changing
 * the interval ending there), no stock event falls on or after that day (a count that day would
 * be the next delta's baseline), and the series ends on or after them.
 */
function readingsExtend(continuation: DemandContinuation, added: readonly ListingObservation[], calibrations: readonly Calibration[], endDay: number): boolean {
  const { baseline } = continuation;
  const cutoff = dayNumber(baseline.observedDate);
  if (added.length === 0 || calibrations.some((c) => !(dayNumber(c.date) < cutoff))) return false;
  let before = baseline;
  for (const o of added) {
    const day = dayNumber(o.observedDate);
    if (!showsStock(o) || !(o.observedAt > before.observedAt) || day < dayNumber(before.observedDate) || day > endDay) return false;
    if (day === cutoff && ((o.unitsSold?.length ?? 0) > 0 || (showsNothingForSale(o) && !showsNothingForSale(baseline)))) return false;
    before = o;
  }
  return true;
}

/**
 * Whether the new readings' windowed counts leave the older ones as they were: every window (and
 * the baseline's, whose counts give the rate a gap is censored at) lies within the tail and does
 * not start before the series; a new count joining a layer its older counts could only be fitted
 * to by a repair over the whole layer has no day left to fill; each older day of a new count's
 * window was censored, or settled by a finer layer or never known and not raised to an order
 * floor since (the whole reconstruction's coarser layers read it before the floor raised it); and
 * no two new counts of one length share a new day (each is then met by its even spread, so no
 * fit runs again).
 */
function countsExtend(series: DemandSeries, tail: SettledTail, baseline: ListingObservation, added: readonly ListingObservation[], endDay: number): boolean {
  const cutoff = dayNumber(baseline.observedDate);
  // Windows reaching before the tail read days it does not hold, unless the tail is the whole
  // series (reconstruction reads days before a series' start as in stock, as the tail does).
  const startsOf = (o: ListingObservation) => (o.unitsSold ?? []).map((w) => dayNumber(o.observedDate) - w.windowDays + 1);
  const fits = (o: ListingObservation) => startsOf(o).every((from) => from >= tail.startDay || tail.startDay === series.startDay);
  if (!fits(baseline) || !added.every(fits)) return false;
  // A new window starting before the series would move its start.
  if (added.some((o) => startsOf(o).some((from) => from < series.startDay))) return false;
  const counts = windowedCountsOn(added, tail.startDay, endDay - tail.startDay + 1);
  const oldDays = cutoff - tail.startDay + 1;
  for (const c of counts) {
    // A layer repaired as a whole is repaired again with every count that has a day left to
    // fill, moving them all: a new count may join it only with every day already settled.
    const repaired = tail.repaired.includes(c.layer);
    for (let i = c.from; i < Math.min(c.to + 1, oldDays); i++) {
      const settledFiner = tail.layer[i]! !== 0 && tail.layer[i]! < c.layer;
      const neverKnown = !repaired && tail.layer[i] === 0 && Number.isNaN(tail.units[i]);
      if (!tail.censored[i] && (tail.floored[i] || (!settledFiner && !neverKnown))) return false;
    }
    // A new day in a finer new count's window is settled (or censored) before this count's layer.
    for (let i = Math.max(c.from, oldDays); repaired && i <= c.to; i++) if (!counts.some((f) => f.layer < c.layer && f.from <= i && i <= f.to)) return false;
  }
  return !counts.some((a, i) => counts.some((b, j) => j > i && a.layer === b.layer && Math.max(a.from, b.from, oldDays) <= Math.min(a.to, b.to)));
}

/**
 * The continuation after `added` extended the series: its newest reading is the baseline, the
 * tail ends on its day; null when that reading lacks the cumulative count older ones showed (the
 * next count's interval would start at an older reading: rebuild then).
 */
function continuationAfter(continuation: DemandContinuation, added: readonly ListingObservation[], settled: SettledTail): DemandContinuation | null {
  const baseline = added.at(-1) ?? continuation.baseline;
  const hadCumulative = continuation.hadCumulative || added.some((o) => o.cumulativeSold !== undefined);
  const tail = tailOf(settled, dayNumber(baseline.observedDate));
  if (!tail || (hadCumulative && baseline.cumulativeSold === undefined)) return null;
  return { baseline, hadCumulative, lastShown: newestShown([...added].reverse()) ?? continuation.lastShown, tail };
}

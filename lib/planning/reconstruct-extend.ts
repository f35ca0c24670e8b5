/**
 * Reconstructed demand carried forward by new readings, without the readings before them. A
 * re-plan after a page read has one or two new stock readings per listing; rebuilding the whole
 * series means decoding every reading the listing ever had (most of a re-plan's demand step).
 *
 * This is exact, not an approximation: extendDemand returns what reconstructDemand gives from
 * all readings, or null when it cannot be sure (the caller rebuilds). It is sure when the new
 * readings only add stock-delta and cumulative-count intervals after the newest reading the
 * series was built from (the continuation's baseline): those intervals do not overlap, each is
 * settled on its own days by an even spread (reconstruct.ts fillLayer), and nothing a new
 * reading says reaches a day on or before the baseline's. "Units sold in the last N days"
 * counts overlap earlier ones, so a reading with them is always rebuilt (so is a series whose
 * baseline had them: the gap after it is censored from its rate, censorStockoutsBetweenVisits).
 */
import type { ListingObservation, Observation } from '../records';
import { dayNumber } from './days';
import { inboundReadingsOf, shownInOrder, type ShownReading } from './inbound-arrival';
import { reconstructDemand, seriesOnLaterDay, type Calibration, type DemandSeries } from './reconstruct';

/**
 * What extendDemand needs of the readings a series was built from, kept with the series: the
 * newest reading (the next stock delta starts from its stock, the next cumulative count from its
 * count) and whether any reading showed a cumulative count.
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
}

/**
 * The continuation of a series rebuilt from these observations (all of one listing), or null
 * when the next reading could not extend it: the newest reading shows no stock, has "sold in the
 * last N days" counts, shares its time with another reading, is not the newest input (an order,
 * order view or stock event is dated after it: `inputsThrough`), or an older reading's cumulative
 * count would start the next interval.
 * @example continuationOf([listingAt('2026-01-05', { available: 9 })], dayNumber('2026-01-05'))?.baseline.available // 9
 */
export function continuationOf(observations: readonly Observation[], inputsThrough: number): DemandContinuation | null {
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
  if (!baseline || tied || !extendsFrom(baseline)) return null;
  if (dayNumber(baseline.observedDate) !== inputsThrough) return null;
  if (hadCumulative && baseline.cumulativeSold === undefined) return null;
  // In the order stock-groups.ts gives inboundAppeared: newest first by time, then reversed.
  listings.sort((a, b) => (a.observedAt < b.observedAt ? 1 : a.observedAt > b.observedAt ? -1 : 0));
  return { baseline, hadCumulative, lastShown: shownInOrder(inboundReadingsOf(listings)).at(-1) ?? null };
}

/**
 * Whether a reading can be a baseline, or a new reading an extension can take: it shows the
 * stock, no windowed sales counts, and its day can be placed.
 */
function extendsFrom(o: ListingObservation): boolean {
  return o.available !== undefined && (o.unitsSold?.length ?? 0) === 0 && Number.isFinite(dayNumber(o.observedDate));
}

/**
 * reconstructDemand's series from the old readings and `added` together, given the series of the
 * old ones and their continuation; null when that is not certain (rebuild from all readings).
 * `added`: the listing's readings newer than the baseline, in time order. `calibrations`: all
 * of the listing's stock events (none may be dated on or after the baseline's day).
 * @example extendDemand(series, continuation, [listingAt('2026-01-06', { available: 7 })], { end: '2026-01-06', calibrations: [] })
 * // series with 2026-01-06 sold 2 (9 on hand the day before)
 */
export function extendDemand(
  series: DemandSeries,
  continuation: DemandContinuation,
  added: readonly ListingObservation[],
  { end, historyDays, calibrations }: { end: string; historyDays?: number; calibrations: readonly Calibration[] },
): DemandSeries | null {
  const { baseline } = continuation;
  const cutoff = dayNumber(baseline.observedDate);
  const endDay = dayNumber(end);
  if (!extendable(continuation, added, calibrations, endDay)) return null;
  const later = seriesOnLaterDay(series, endDay, historyDays, cutoff);
  if (!later) return null;
  // A copy: the cached series may be the caller's (seriesOnLaterDay returns it as it is on its own last day).
  const carried = { startDay: later.startDay, units: later.units.slice(), how: later.how.slice() };
  // The days after the baseline's, rebuilt from the baseline and the new readings alone.
  const tail = reconstructDemand([baseline, ...added], { end, calibrations: [] });
  for (let day = cutoff + 1; day <= endDay; day++) {
    carried.units[day - carried.startDay] = tail.units[day - tail.startDay]!;
    carried.how[day - carried.startDay] = tail.how[day - tail.startDay]!;
  }
  return carried;
}

/**
 * Whether the new readings only add intervals after the baseline's day: each shows stock and no
 * windowed counts, comes later than the one before it, none empties the baseline's own day (that
 * would censor it, changing the interval ending there), no stock event falls on or after that day
 * (a count that day would be the next delta's baseline), and the series ends on or after them.
 */
function extendable(continuation: DemandContinuation, added: readonly ListingObservation[], calibrations: readonly Calibration[], endDay: number): boolean {
  const { baseline } = continuation;
  const cutoff = dayNumber(baseline.observedDate);
  if (added.length === 0 || calibrations.some((c) => !(dayNumber(c.date) < cutoff))) return false;
  let before = baseline;
  for (const o of added) {
    const day = dayNumber(o.observedDate);
    if (!extendsFrom(o) || !(o.observedAt > before.observedAt) || day < dayNumber(before.observedDate) || day > endDay) return false;
    if (day === cutoff && isEmpty(o) && !isEmpty(baseline)) return false;
    before = o;
  }
  return true;
}

/** A reading showing nothing a customer could buy (reconstruct.ts censorStockouts; the reading shows its stock). */
function isEmpty(o: ListingObservation): boolean {
  return o.available === 0 || o.status === 'suppressed';
}

/**
 * The continuation after `added` extended the series (extendDemand succeeded): its newest reading
 * is the baseline; null when that reading lacks the cumulative count older ones showed (the next
 * count's interval would start at an older reading: rebuild then).
 * @example extendedContinuation(continuation, added)?.baseline === added.at(-1) // true
 */
export function extendedContinuation(continuation: DemandContinuation, added: readonly ListingObservation[]): DemandContinuation | null {
  const baseline = added.at(-1) ?? continuation.baseline;
  const hadCumulative = continuation.hadCumulative || added.some((o) => o.cumulativeSold !== undefined);
  if (hadCumulative && baseline.cumulativeSold === undefined) return null;
  const shown = shownInOrder(inboundReadingsOf([...added].reverse()));
  return { baseline, hadCumulative, lastShown: shown.at(-1) ?? continuation.lastShown };
}

/**
 * Amazon FBA's low-inventory-level fee (fees.md, "Low-inventory-level fee (LILF), since 1 April
 * 2024"): charged per unit shipped when both historical-days-of-supply windows (30 and 90 days)
 * are below 28 days, at a rate by size tier and supply band, unless an exemption applies. It
 * punishes running lean, so a plan that restocks late pays it on every unit it ships.
 */
import { dayNumber, isoDate } from '../planning/days';
import type { Money } from '../records';
import { dailySeries, shippedOver, supplyOver, type DailyInventory, type DailySeries, type SupplyFigure } from './historical-supply';
import { scheduleChangeAfter, scheduleOn, type FeeSchedule, type LowInventoryLevelRates, type SizeTier } from './schedules';

/** What the rate depends on: size tier and shipping weight (ounces). fees.md gives no price band for this fee. */
export interface ItemSize {
  tier: SizeTier;
  shippingWeightOz: number;
}

/**
 * Facts the exemptions need. One left out is not applied (the fee is then an upper bound):
 * guessing an exemption would hide a cost.
 */
export interface ExemptionFacts {
  /** First day the seller's professional account received inventory at FBA. */
  sellerFirstReceipt?: string;
  /** Day the product entered FBA New Selection. */
  newSelectionSince?: string;
  /** Per cent of units replenished by AWD auto-replenishment over the schedule's AWD window. */
  awdAutoReplenishedPct?: number;
}

type NotChargedReason =
  | 'no-fee' // the schedule has no such fee (before 1 April 2024)
  | 'size-not-charged'
  | 'new-seller'
  | 'new-selection'
  | 'awd-auto-replenished'
  | 'few-recent-sales'
  | 'supply-at-threshold'
  | 'no-sales';

export type LowInventoryFee =
  | { kind: 'charged'; perUnit: Money; band: number }
  | { kind: 'not-charged'; reason: NotChargedReason }
  | { kind: 'unknown'; reason: 'schedule-unknown' | 'supply-unknown' | 'recent-sales-unknown' | 'weight-outside-rates' };

/** What the fee for a unit shipped on `day` depends on. */
export interface LowInventoryInputs {
  day: string;
  size: ItemSize;
  /** Historical days of supply over the short (30-day) and long (90-day) windows in force that day. */
  short: SupplyFigure;
  long: SupplyFigure;
  /** Units shipped over the exemption's recent days (null: not known). */
  unitsShippedRecently: number | null;
  exempt: ExemptionFacts;
}

/**
 * The exemption, among those fixed by dated facts, that applies on `day`, or null.
 * "New professional sellers for 365 days from first receipt" is read as days 0-364 after it.
 * @example lowInventoryExemption(rates2024, { newSelectionSince: '2024-05-01' }, '2024-06-01') // 'new-selection'
 */
export function lowInventoryExemption(rates: LowInventoryLevelRates, exempt: ExemptionFacts, day: string): NotChargedReason | null {
  const today = dayNumber(day);
  if (withinDaysOf(exempt.sellerFirstReceipt, rates.exemptions.newSellerDays, today)) return 'new-seller';
  if (withinDaysOf(exempt.newSelectionSince, rates.exemptions.newSelectionDays, today)) return 'new-selection';
  if (exempt.awdAutoReplenishedPct !== undefined && exempt.awdAutoReplenishedPct >= rates.exemptions.awdAutoReplenishedMinPct) return 'awd-auto-replenished';
  return null;
}

/** Whether day `today` is one of the `days` days from `since` on (day 0 included); never when `since` is absent or not a date. */
function withinDaysOf(since: string | undefined, days: number, today: number): boolean {
  if (since === undefined) return false;
  const elapsed = today - dayNumber(since);
  return elapsed >= 0 && elapsed < days;
}

/**
 * The fee for one unit shipped, under `schedule`. Not charged as soon as one window is at or
 * above the threshold (or shows no sales), even if the other is unknown; unknown only when
 * the answer depends on what is not known.
 * @example lowInventoryFeePerUnit(fba2024, { day: '2024-06-03', size: { tier: 'small-standard', shippingWeightOz: 8 },
 *   short: { kind: 'days', days: 10 }, long: { kind: 'days', days: 20 }, unitsShippedRecently: 70, exempt: {} })
 * // { kind: 'charged', perUnit: { amountMinor: 63, currency: 'USD' }, band: 1 } (the greater, 20 days, is in 14-21)
 */
export function lowInventoryFeePerUnit(schedule: FeeSchedule, inputs: LowInventoryInputs): LowInventoryFee {
  const rates = schedule.lowInventoryLevel;
  if (rates === 'unknown') return { kind: 'unknown', reason: 'schedule-unknown' };
  if (rates === 'not-charged') return { kind: 'not-charged', reason: 'no-fee' };
  const rows = rates.rows.filter((r) => r.tier === inputs.size.tier);
  if (rows.length === 0) return { kind: 'not-charged', reason: 'size-not-charged' };
  const exemption = lowInventoryExemption(rates, inputs.exempt, inputs.day);
  if (exemption) return { kind: 'not-charged', reason: exemption };
  if (inputs.unitsShippedRecently === null) return { kind: 'unknown', reason: 'recent-sales-unknown' };
  if (inputs.unitsShippedRecently < rates.exemptions.minUnitsShippedRecently) return { kind: 'not-charged', reason: 'few-recent-sales' };

  const threshold = rates.supplyBandsUpToDays[rates.supplyBandsUpToDays.length - 1]!;
  const figures = [inputs.short, inputs.long];
  if (figures.some((f) => f.kind === 'no-sales')) return { kind: 'not-charged', reason: 'no-sales' };
  if (figures.some((f) => f.kind === 'days' && f.days >= threshold)) return { kind: 'not-charged', reason: 'supply-at-threshold' };
  const days = figures.flatMap((f) => (f.kind === 'days' ? [f.days] : []));
  if (days.length < 2) return { kind: 'unknown', reason: 'supply-unknown' };

  const w = inputs.size.shippingWeightOz;
  const row = rows.find((r) => w > r.overWeightOz && (r.upToWeightOz === null || w <= r.upToWeightOz));
  if (!row) return { kind: 'unknown', reason: 'weight-outside-rates' };
  const supply = rates.bandBy === 'greater' ? Math.max(...days) : Math.min(...days);
  const band = rates.supplyBandsUpToDays.findIndex((upTo) => supply < upTo);
  return { kind: 'charged', perUnit: { amountMinor: row.perUnitMinor[band]!, currency: schedule.currency }, band };
}

/** The expected fee over a period: charged total, units it covers, and days whose fee could not be known. */
export interface ExpectedLowInventoryFee {
  /** null when no day of the period had a known schedule. */
  fee: Money | null;
  chargedUnits: number;
  /** Days shipping units whose fee is unknown (missing units, supply figures or schedule): the fee leaves them out. */
  unknownDays: number;
}

/**
 * The low-inventory-level fee expected on units shipped from `from` to `to` (included), given
 * a daily history that runs through the period (past days as read, future days as projected).
 * Amazon refreshes the figures weekly (fees.md): they are recomputed every `refreshEveryDays`
 * days counting from `from` (Amazon's refresh weekday is not published), each time from the
 * days before the refresh, so a restock lowers the fee only from the next refresh on.
 * @example expectedLowInventoryFee({ marketplace: 'amazon.com', history, from: '2024-06-01', to: '2024-06-07', size, exempt: {} })
 * // { fee: { amountMinor: 7 * 10 * 89, currency: 'USD' }, chargedUnits: 70, unknownDays: 0 } at 10 shipped a day, 5 days of supply
 */
export function expectedLowInventoryFee(p: LowInventoryPeriod & { to: string }): ExpectedLowInventoryFee {
  return expectedLowInventoryFeesThrough(p, [dayNumber(p.to)])[0]!;
}

/** What the expected fee is worked out from: the history, the period's first day, the item and the schedules. */
interface LowInventoryPeriod {
  marketplace: string;
  /** The daily history, or the series a caller already indexed from it (dailySeries). */
  history: readonly DailyInventory[] | DailySeries;
  from: string;
  size: ItemSize;
  exempt: ExemptionFacts;
  schedules?: readonly FeeSchedule[];
}

/**
 * expectedLowInventoryFee from `from` through each of `ends` (day numbers, ascending), in one pass
 * over the days: a plan prices its 30- and 90-day windows from the same day, and the 30-day
 * answer is the 90-day pass's running total on its 30th day.
 * @example expectedLowInventoryFeesThrough({ ...period, from: '2024-06-01' }, [dayNumber('2024-06-30'), dayNumber('2024-08-29')]).length // 2
 */
export function expectedLowInventoryFeesThrough(p: LowInventoryPeriod, ends: readonly number[]): ExpectedLowInventoryFee[] {
  const series = 'firstDay' in p.history ? p.history : dailySeries(p.history);
  const from = dayNumber(p.from);
  const figures: FiguresMemo = { last: null, fee: null };
  let currency: string | null = null;
  let amountMinor = 0;
  let chargedUnits = 0;
  let unknownDays = 0;
  // The schedule in force, looked up again only on the day another one takes over.
  let schedule: FeeSchedule | null = null;
  let scheduleUntil = Number.NEGATIVE_INFINITY;
  const out: ExpectedLowInventoryFee[] = [];
  const through = (): ExpectedLowInventoryFee => ({ fee: currency === null ? null : { amountMinor, currency }, chargedUnits, unknownDays });
  let next = 0;
  // An end before the first day has no day in it.
  for (; next < ends.length && ends[next]! < from; next++) out.push(through());
  const to = ends.length > 0 ? ends[ends.length - 1]! : from - 1;
  for (let day = from; day <= to; day++) {
    const units = unitsOn(series, day);
    if (units !== 0) {
      if (day >= scheduleUntil) {
        schedule = scheduleOn(p.marketplace, 'fba', isoDate(day), p.schedules);
        scheduleUntil = scheduleChangeAfter(p.marketplace, 'fba', isoDate(day), p.schedules);
      }
      if (schedule && currency !== null && schedule.currency !== currency) throw new Error(`expectedLowInventoryFee: ${p.marketplace} changes currency`);
      currency = schedule?.currency ?? currency;
      const fee = schedule ? feeOn(schedule, series, day, from, p, figures) : ({ kind: 'unknown', reason: 'schedule-unknown' } as const);
      if (fee.kind !== 'not-charged') {
        if (units === null || fee.kind === 'unknown') unknownDays++;
        else {
          amountMinor += units * fee.perUnit.amountMinor;
          chargedUnits += units;
        }
      }
    }
    for (; next < ends.length && ends[next]! === day; next++) out.push(through());
  }
  // An end the days never reach (not a day number: an invalid `to`) has what was summed: nothing, when it is the only one.
  for (; next < ends.length; next++) out.push(through());
  return out;
}

/** Units shipped on a day, null when unknown. */
function unitsOn(series: DailySeries, day: number): number | null {
  const v = series.shipped[day - series.firstDay];
  return v === undefined || Number.isNaN(v) ? null : v;
}

/** The figures of one refresh: every day until the next refresh reads the same ones. */
interface RefreshFigures {
  asOf: number;
  rates: LowInventoryLevelRates;
  short: SupplyFigure;
  long: SupplyFigure;
  unitsShippedRecently: number | null;
}

/**
 * The last refresh's figures within one period, so they are summed once per refresh instead of
 * once per day, and the fee per unit they gave under one schedule (the same every day of the refresh
 * unless a dated exemption is known: those depend on the day).
 */
interface FiguresMemo {
  last: RefreshFigures | null;
  fee: { figures: RefreshFigures; schedule: FeeSchedule; fee: LowInventoryFee } | null;
}

/** The figures as of the day before a refresh, under `rates` (the memo's when it holds that day's under the same rates). */
function figuresAsOf(series: DailySeries, asOf: number, rates: LowInventoryLevelRates, memo: FiguresMemo): RefreshFigures {
  if (memo.last && memo.last.asOf === asOf && memo.last.rates === rates) return memo.last;
  return (memo.last = {
    asOf,
    rates,
    short: supplyOver(series, asOf, rates.shortWindowDays),
    long: supplyOver(series, asOf, rates.longWindowDays),
    unitsShippedRecently: shippedOver(series, asOf, rates.exemptions.recentSalesDays, rates.exemptions.minUnitsShippedRecently),
  });
}

/** The fee per unit on `day`, from the figures of the last refresh (counted from `from`). */
function feeOn(
  schedule: FeeSchedule,
  series: DailySeries,
  day: number,
  from: number,
  p: { size: ItemSize; exempt: ExemptionFacts },
  memo: FiguresMemo,
): LowInventoryFee {
  const rates = schedule.lowInventoryLevel;
  const none = { kind: 'unknown' } as const;
  // A schedule without rates answers before any figure is read.
  if (typeof rates === 'string')
    return lowInventoryFeePerUnit(schedule, { day: isoDate(day), size: p.size, short: none, long: none, unitsShippedRecently: null, exempt: p.exempt });
  const refreshed = from + Math.floor((day - from) / rates.refreshEveryDays) * rates.refreshEveryDays;
  const figures = figuresAsOf(series, refreshed - 1, rates, memo);
  const sameEveryDay = p.exempt.sellerFirstReceipt === undefined && p.exempt.newSelectionSince === undefined;
  if (sameEveryDay && memo.fee && memo.fee.figures === figures && memo.fee.schedule === schedule) return memo.fee.fee;
  const { short, long, unitsShippedRecently } = figures;
  const fee = lowInventoryFeePerUnit(schedule, { day: isoDate(day), size: p.size, short, long, unitsShippedRecently, exempt: p.exempt });
  memo.fee = { figures, schedule, fee };
  return fee;
}

/**
 * The fee-aware FBA plan: the money at stake over the next 30 and 90 days (low-inventory-level
 * fee, monthly storage, aged-inventory surcharge at each coming snapshot) and one action when
 * it saves money:
 * - `send`: historical days of supply would fall under the floor (28 days + the seller's
 *   margin): the reorder is brought forward so enough units arrive in time;
 * - `mark-down`: units will be charged the aged surcharge at a coming snapshot (only with no
 *   reorder due: marking down stock the plan is replenishing would contradict it);
 * - `send-later`: the reorder would arrive in the peak storage months although it could arrive
 *   after them without running out or falling under the floor.
 * Each action is taken only when it saves more than it costs: sending early is weighed against
 * the storage it adds, and when sending and marking down both save money the larger saving wins.
 */
import { scheduleOn, type DailySeries, type FeeSchedule } from '../../fees/index';
import { withDayArena } from '../day-arena';
import { dayNumber, isoDate, civilFromDays } from '../days';
import { itemSizeOf, unitCubicFeetOf } from '../fees-facts';
import { dailyInventorySeries, withShownSupply } from '../fees-history';
import {
  agedAtSnapshots,
  extendSeries,
  firstFloorBreach,
  historyThrough,
  lotsFromAgeBuckets,
  projectInventorySeries,
  supplyFiguresOn,
  windowFees,
  windowFeesOver,
  type Arrival,
} from '../fees-projection';
import { roundOrderQuantity } from '../rounding';
import { sellerSchedules } from '../storage-schedule';
import { inboundAsArrivals } from './inbound-cover';
import type { PlanFees } from '../types';
import type { Decision, Draft, Situation } from './situation';

/** Days of history rebuilt (the 90-day window plus its weekly refreshes, and ages up to 180 days). */
const HISTORY_DAYS = 200;
/** Days projected: the 90-day window. */
const AHEAD_DAYS = 90;
/** Units sent this long before the refresh that would breach the floor lift its 30-day average. */
const SEND_BEFORE_BREACH_DAYS = 14;
/** A shipment keeps the floor this many days after it arrives. */
const HOLD_FLOOR_DAYS = 35;

/** @example fbaFees(situation of an FBA pool running lean, draft) // draft.fees.action.kind === 'send' */
export const fbaFees: Decision = (s, d) => withDayArena(() => priceFees(s, d));

function priceFees(s: Situation, d: Draft): void {
  const facts = s.input.fba;
  if (!facts || s.stock === null) return;
  // The plan charges what the seller's fee schedule says (options page), not only the published amounts.
  const schedules = sellerSchedules(s.settings);
  const schedule = scheduleOn(facts.marketplace, 'fba', isoDate(s.asOfDay), schedules);
  if (!schedule) return;
  // Days no reading covers take Amazon's own figure when a page showed it (one page read is then enough to price the fee).
  const history = withShownSupply(dailyInventorySeries(facts.readings, s.input.series, s.asOfDay, HISTORY_DAYS), facts.shown);
  const ctx = contextOf(s, d, schedules, schedule, history);
  const baseline = ctx.project(ctx.arrivals);
  const windows = windowFeesOver({ ...ctx.common, projection: baseline }, [30, AHEAD_DAYS]);
  const aged = ctx.aged(baseline, ctx.arrivals);
  const now = supplyFiguresOn(ctx.series, s.asOfDay);
  d.fees = {
    currency: schedule.currency,
    scheduleEffective: schedule.effective,
    historicalSupply: { short: figure(now.short), long: figure(now.long), shown: facts.shown?.days ?? null },
    floorDays: ctx.floorDays,
    windows,
    agedSnapshots: aged,
    action: null,
  };
  const send = sendAction(s, d, ctx, baseline, windows[1]!);
  const markDown = d.reorder.day === null || send ? markDownAction(aged) : null;
  if (send && (!markDown || (send.amountMinor ?? 0) >= (markDown.amountMinor ?? 0))) {
    // The reorder comes forward, to today at the earliest (a fee is not a stockout: never made "late").
    const due = Math.max(s.asOfDay, send.orderDay);
    d.reorder.day = d.reorder.day === null ? due : Math.min(d.reorder.day, due);
    d.reorder.quantity = Math.max(d.reorder.quantity, send.quantity);
    d.fees.action = send.action;
  } else if (markDown) d.fees.action = markDown;
  else d.fees.action = sendLaterAction(s, d, ctx);
}

/** What every part of the decision shares: the projection, its inputs and the floor. */
interface FeeContext {
  floorDays: number;
  minRecentUnits: number;
  arrivals: Arrival[];
  common: Omit<Parameters<typeof windowFees>[0], 'projection' | 'days'>;
  /** Stock day by day over the days ahead with these arrivals (typed: projected several times per plan). */
  project: (arrivals: readonly Arrival[]) => DailySeries;
  aged: (projection: DailySeries, arrivals: readonly Arrival[]) => PlanFees['agedSnapshots'];
  schedule: FeeSchedule;
  /** The history indexed by day (built so: never indexed again). */
  series: DailySeries;
  /** The first refresh in (after, until] whose figure is under the floor, with `arrivals` projected. */
  breach: (arrivals: readonly Arrival[], after: number, until: number) => number | null;
}

function contextOf(s: Situation, d: Draft, schedules: readonly FeeSchedule[], schedule: FeeSchedule, history: DailySeries): FeeContext {
  const facts = s.input.fba!;
  const onHand = s.stock! + s.input.reserved;
  const size = itemSizeOf(s);
  const unitCubicFeet = unitCubicFeetOf(s);
  const rates = schedule.lowInventoryLevel;
  const threshold = typeof rates === 'string' ? 0 : rates.supplyBandsUpToDays[rates.supplyBandsUpToDays.length - 1]!;
  const arrivals: Arrival[] = [];
  // Units split across shipments each arrive on their shipment's day.
  arrivals.push(...inboundAsArrivals(s, d));
  if (d.reorder.day !== null) arrivals.push({ day: Math.max(s.asOfDay, d.reorder.day) + s.lead.days, units: d.reorder.quantity });
  const lots = lotsFromAgeBuckets(s.input.ageBuckets, s.asOfDay, onHand);
  const common = { marketplace: facts.marketplace, asOfDay: s.asOfDay, history, size, unitCubicFeet, schedules };
  const project = (a: readonly Arrival[]) => projectInventorySeries({ asOfDay: s.asOfDay, onHand, demand: s.forecast.mean, arrivals: a, days: AHEAD_DAYS + 7 });
  // One series the breach checks write their projections over (a send's search checks a dozen).
  let scratch: DailySeries | undefined;
  const minRecentUnits = typeof rates === 'string' ? Infinity : rates.exemptions.minUnitsShippedRecently;
  const floorDays = threshold === 0 ? 0 : threshold + s.settings.fbaFees.lowInventoryMarginDays;
  return {
    floorDays,
    minRecentUnits,
    arrivals,
    common,
    schedule,
    series: history,
    project,
    aged: (projection, a) => agedAtSnapshots({ ...common, lots, projection, arrivals: a, count: 3 }),
    breach: (a, after, until) => {
      scratch = extendSeries(history, project(a), s.asOfDay, scratch);
      return firstFloorBreach(scratch, after, until, floorDays, minRecentUnits);
    },
  };
}

/** A supply figure as the plan stores it (days rounded to one decimal). */
function figure(f: ReturnType<typeof supplyFiguresOn>['short']): PlanFees['historicalSupply']['short'] {
  return f.kind === 'days' ? Math.round(f.days * 10) / 10 : f.kind;
}

/**
 * Units to send so the figure stays at or above the floor, arriving two weeks before the
 * refresh that would breach it (or as soon as a shipment can arrive), and the reorder day that
 * brings them; null when the floor holds, the pool holds excess, or the product is winding down.
 */
function sendAction(s: Situation, d: Draft, ctx: FeeContext, baseline: DailySeries, at90: PlanFees['windows'][number]) {
  if (ctx.floorDays === 0 || !(s.meanDaily > 0) || d.excessUnits > 0 || !s.policy.reorder) return null;
  const breachOf = ctx.breach;
  // The planned arrivals' projection is the windows' baseline: its series with the history is already made.
  const breach = firstFloorBreach(historyThrough(ctx.series, baseline, s.asOfDay), s.asOfDay, s.asOfDay + AHEAD_DAYS, ctx.floorDays, ctx.minRecentUnits);
  if (breach === null) return null;
  const arrival = Math.max(s.asOfDay + s.lead.transitDays, breach - SEND_BEFORE_BREACH_DAYS);
  // Enough for the weeks after the shipment arrives; later weeks are the next plans' to keep (a
  // shipment sized for all 90 days would cost more storage than the fee it saves).
  // A shipment lifts a 30-day average only over the days after it arrives: when it cannot arrive
  // two weeks before the breach, the floor is asked of it from two weeks after its arrival (else
  // no quantity would do, and a lean stock would never be told to send).
  const from = breach >= arrival + SEND_BEFORE_BREACH_DAYS ? arrival : arrival + SEND_BEFORE_BREACH_DAYS;
  const holds = (units: number) => breachOf([...ctx.arrivals, { day: arrival, units }], from, from + HOLD_FLOOR_DAYS) === null;
  const cap = Math.ceil(s.meanDaily * (s.settings.targetCoverDays + AHEAD_DAYS));
  // The floor holds after the earliest arrival anyway: at most the planned reorder comes forward.
  if (holds(0)) return bringForward(s, d, ctx, at90, arrival);
  if (!holds(cap)) return null;
  let low = 0;
  let high = cap;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (holds(mid)) high = mid;
    else low = mid;
  }
  const quantity = roundOrderQuantity(high, { moq: s.lead.moq, casePack: s.lead.casePack });
  if (costsMoreThanItSaves(ctx, at90, [...ctx.arrivals, { day: arrival, units: quantity }])) return null;
  return sendOf(s, at90, arrival, quantity);
}

/**
 * A send action: `quantity` units arriving at `arrival`, the reorder day that brings them
 * (arrival minus the whole lead time) and the day they leave (arrival minus the transit).
 */
function sendOf(s: Situation, at90: PlanFees['windows'][number], arrival: number, quantity: number) {
  const sendBy = Math.max(s.asOfDay, arrival - s.lead.transitDays);
  return {
    orderDay: arrival - s.lead.days,
    quantity,
    amountMinor: at90.lowInventoryMinor,
    action: { kind: 'send' as const, units: quantity, date: isoDate(sendBy), amountMinor: at90.lowInventoryMinor, laterDate: null },
  };
}

/**
 * The planned reorder sent so that it arrives at `arrival` (the earliest a shipment can) instead
 * of later, when that lowers the low-inventory fee over the 90 days by more than the storage it
 * adds: the floor then holds only thanks to the reorder, and every day it comes sooner is fee saved.
 */
function bringForward(s: Situation, d: Draft, ctx: FeeContext, at90: PlanFees['windows'][number], arrival: number) {
  if (d.reorder.day === null || !(at90.lowInventoryMinor ?? 1)) return null;
  const planned = Math.max(s.asOfDay, d.reorder.day) + s.lead.days;
  if (planned <= arrival) return null;
  const moved = ctx.arrivals.map((a) => (a.day === planned ? { day: arrival, units: a.units } : a));
  const sent = windowFees({ ...ctx.common, projection: ctx.project(moved), days: AHEAD_DAYS });
  if (sent.lowInventoryUnits >= at90.lowInventoryUnits || costsMoreThanItSaves(ctx, at90, moved)) return null;
  return sendOf(s, at90, arrival, d.reorder.quantity);
}

/**
 * Whether sending early costs more in storage over the 90 days than it saves in low-inventory
 * fees (the floor and the storage bill conflict: the cheaper wins). Unknown amounts: it does
 * not, the floor is kept.
 */
function costsMoreThanItSaves(ctx: FeeContext, base: PlanFees['windows'][number], arrivals: readonly Arrival[]): boolean {
  const sent = windowFees({ ...ctx.common, projection: ctx.project(arrivals), days: AHEAD_DAYS });
  if (base.lowInventoryMinor === null || sent.lowInventoryMinor === null || base.storageMinor === null || sent.storageMinor === null) return false;
  return sent.storageMinor - base.storageMinor >= base.lowInventoryMinor - sent.lowInventoryMinor;
}

/** Mark down or remove the units the first charged snapshot would age into a surcharge tier (WFS: into long-term storage). */
export function markDownAction(aged: PlanFees['agedSnapshots']): PlanFees['action'] {
  const first = aged.find((a) => a.units !== null && a.units > 0);
  return first ? { kind: 'mark-down', units: first.units!, date: first.date, amountMinor: first.amountMinor, laterDate: null } : null;
}

/**
 * The reorder would arrive in the schedule's peak storage months: how much more its units cost
 * to store until the first base-rate day than if they arrived then, when arriving then neither
 * runs out first nor falls under the floor. null otherwise, or when the unit volume is unknown.
 */
function sendLaterAction(s: Situation, d: Draft, ctx: FeeContext): PlanFees['action'] {
  const storage = ctx.schedule.storage;
  if (d.reorder.day === null || storage === 'unknown' || ctx.common.unitCubicFeet === null) return null;
  const arrival = Math.max(s.asOfDay, d.reorder.day) + s.lead.days;
  if (!storage.peakMonths.includes(civilFromDays(arrival).month)) return null;
  const later = firstBaseRateDay(arrival, storage.peakMonths);
  if (later - arrival > AHEAD_DAYS) return null;
  const others = ctx.arrivals.filter((a) => a.day !== arrival);
  const moved = [...others, { day: later, units: d.reorder.quantity }];
  const projection = ctx.project(moved);
  if (projection.onHand.subarray(0, later - s.asOfDay - 1).includes(0)) return null;
  if (ctx.floorDays > 0 && firstFloorBreach(extendSeries(ctx.series, projection, s.asOfDay), s.asOfDay, later, ctx.floorDays, ctx.minRecentUnits) !== null)
    return null;
  const cost = (arrivals: readonly Arrival[]) => windowFees({ ...ctx.common, projection: ctx.project(arrivals), days: later - s.asOfDay }).storageMinor ?? 0;
  const extra = cost(ctx.arrivals) - cost(moved);
  if (extra <= 0) return null;
  return {
    kind: 'send-later',
    units: d.reorder.quantity,
    date: isoDate(Math.max(s.asOfDay, arrival - s.lead.transitDays)),
    amountMinor: extra,
    laterDate: isoDate(later - s.lead.transitDays),
  };
}

/**
 * The first day of the first month after `day` that is not a peak month (`day` itself when it is not in one).
 * @example firstBaseRateDay(dayNumber('2026-11-20'), [10, 11, 12]) // dayNumber('2027-01-01')
 */
export function firstBaseRateDay(day: number, peakMonths: readonly number[]): number {
  let { year, month } = civilFromDays(day);
  let first = day;
  for (let i = 0; i < 12 && peakMonths.includes(month); i++) {
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    first = dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
  }
  return first;
}

/**
 * Every decision for one demand series and the stock it draws on: cover, stockout, reorder,
 * lifecycle, storage, clearance, alerts and health. Pure: the forecast can be passed in (the
 * tests do) or is computed with lib/forecast.
 */
import { forecastSeries, type ForecastContext, type ForecastResult } from '../forecast/index';
import type { Settings, Destination } from '../settings/schema';
import type { PlanInput } from './plan-input';
import { afterStockout, unknownAsZero } from './after-stockout';
import { cumulativeSum } from './cover';
import { isoDate } from './days';
import { DECISIONS, emptyDraft, type Draft, type Situation } from './decisions/index';
import { knownDaysSinceLastSale, knownMean, lifecycleStage, stagePolicy } from './lifecycle';
import type { DemandSeries } from './demand-series';
import type { ForecastSummary, SkuPlan } from './types';

export type { PlanInput } from './plan-input';

/**
 * Forecast horizon: through lead time + target cover (what a reorder must cover) and past the
 * overstock threshold; cover beyond it continues at the last week's average rate. Longer
 * horizons cost forecasting time for nothing the decisions read.
 * @example planningHorizon(70, defaultSettings()) // 130
 */
export function planningHorizon(leadTimeDays: number, settings: Settings): number {
  return Math.min(730, Math.max(leadTimeDays + settings.targetCoverDays, settings.alerts.overstockDays + 1, 28));
}

/**
 * Lead time = production (supplier or default) + transit to the destination (the supplier's own
 * transit time if set, else the destination's).
 * @example leadTimeFor('MUG-1', 'FBA', defaultSettings()) // 70
 */
export function leadTimeFor(sku: string, destination: Destination, settings: Settings): { days: number; transitDays: number; moq: number; casePack: number } {
  const lt = settings.leadTimes;
  const supplier = lt.suppliers[lt.skuSupplier[sku] ?? ''];
  const production = supplier?.productionDays ?? lt.defaultProductionDays;
  const transit = supplier?.transitDays[destination] ?? lt.transitDaysByDestination[destination];
  return {
    days: production + transit,
    transitDays: transit,
    moq: supplier?.moq ?? settings.defaultMoq,
    casePack: supplier?.casePack ?? settings.defaultCasePack,
  };
}

/**
 * The series as forecast input: NaN -> null. Leading unknown days are kept, so a censored day
 * is never handled differently from the same day read as zero (the forecaster guarantees
 * censoring can only raise its forecast for the same alignment).
 */
export function forecastValues(series: DemandSeries, dropLast = 0): { values: (number | null)[]; firstDay: number } {
  const { units } = series;
  const end = Math.max(0, units.length - dropLast);
  const values: (number | null)[] = new Array(end);
  for (let i = 0; i < end; i++) {
    const v = units[i]!;
    values[i] = v === v ? v : null;
  }
  return { values, firstDay: series.startDay };
}

export interface PlanOptions {
  /** Precomputed forecast of the series over `planningHorizon` days (tests inject one). */
  forecast?: ForecastResult;
  forecastContext?: ForecastContext;
}

/**
 * One plan for one stock (a pool, or a listing that is its pool's only channel): the
 * situation is built once, then every decision in DECISIONS fills its part, in order.
 * @example planListing(input, defaultSettings(), new Date('2026-03-01T12:00:00Z')).daysOfCover
 */
export function planListing(input: PlanInput, settings: Settings, now: Date, options: PlanOptions = {}): SkuPlan {
  const situation = situationOf(input, settings, options);
  const draft = emptyDraft();
  for (const decide of DECISIONS) decide(situation, draft);
  return planOf(situation, draft, now);
}

/**
 * What the decisions read: forecast, lead time, lifecycle and the stock today.
 * @example situationOf(input, defaultSettings()).stock // the reading moved forward by the demand since
 */
export function situationOf(input: PlanInput, settings: Settings, options: PlanOptions = {}): Situation {
  const { series, asOfDay } = input;
  const lead = leadTimeFor(input.sku, input.destination, settings);
  const horizon = planningHorizon(lead.days, settings);
  const own = options.forecast ?? forecastOf(series, horizon, options.forecastContext);
  // The forecaster already forecast the zero-filled history when it could (no second forecast).
  const forecast = afterStockout(own, series, () =>
    own.unknownAsZeroMean ? { mean: own.unknownAsZeroMean } : forecastOf(unknownAsZero(series), horizon, options.forecastContext),
  );
  const meanCum = cumulativeSum(forecast.mean);
  const meanDaily = meanCum.length ? meanCum[meanCum.length - 1]! / meanCum.length : 0;
  const history = historyFacts(series);
  const stage = lifecycleStage(
    {
      ageDays: listingAgeDays(input.startDay, series, history.firstSaleIndex, asOfDay),
      recentRate: knownMean(series.units, 0, 28),
      previousRate: knownMean(series.units, 28, 56),
      daysSinceLastSale: history.knownDays > 0 ? history.daysSinceLastSale : 0,
      ended: input.ended,
    },
    settings.lifecycle,
  );
  // Whole units: the plan shows stock as a count.
  const stock =
    input.available === null ? null : Math.round(projectedStock(input.available, input.stockDay ?? null, series, asOfDay, meanDaily) + input.releasedReturns);
  return {
    input,
    settings,
    asOfDay,
    forecast,
    meanCum,
    meanDaily,
    lead,
    stage,
    stock,
    // The decisions read it at the lead time only (safety stock), so the curve stops just past it.
    serviceCum: forecast.quantileCum(settings.serviceLevel, lead.days + 2),
    policy: stagePolicy(stage, settings.lifecycle),
    history: {
      knownDays: history.knownDays,
      censoredDays: history.censoredDays,
      daysSinceLastSale: history.daysSinceLastSale,
      salesKnown: history.firstSaleIndex >= 0 || history.knownDays >= settings.alerts.noSaleDays,
    },
  };
}

/**
 * The forecast a plan uses for one series over `horizon` days.
 * @example forecastOf(series, 130).mean.length // 130
 */
export function forecastOf(series: DemandSeries, horizon: number, context?: ForecastContext): ForecastResult {
  // The typed series as it is (NaN = unknown): the same numbers as forecastValues, no boxed copy.
  return forecastSeries({ values: series.units, freq: 'D', start: isoDate(series.startDay) }, horizon, context);
}

/** Known days, censored days after the first known one, the first sale and days since the last. */
function historyFacts(series: DemandSeries) {
  const units = series.units;
  let knownDays = 0;
  let censoredDays = 0;
  let firstSaleIndex = -1;
  for (let i = 0; i < units.length; i++) {
    const v = units[i]!;
    if (v === v) {
      knownDays++;
      if (firstSaleIndex < 0 && v > 0) firstSaleIndex = i;
    } else if (knownDays > 0) censoredDays++;
  }
  return { knownDays, censoredDays, firstSaleIndex, daysSinceLastSale: knownDaysSinceLastSale(units) };
}

/**
 * The forecast as a plan reports it: mean per day over the horizon, the 30-day median and p90.
 * @example forecastSummaryOf(forecast, { knownDays: 300, censoredDays: 5 }).horizonDays // 30
 */
export function forecastSummaryOf(forecast: ForecastResult, history: { knownDays: number; censoredDays: number }): ForecastSummary {
  const n = forecast.mean.length;
  // A loop, not reduce: every plan of a re-plan sums its whole horizon here.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += forecast.mean[i]!;
  const meanDaily = n ? sum / n : 0;
  const horizonDays = Math.min(30, n);
  // Only the 30-day point is reported: the curves' first 30 days, not the whole horizon.
  const at = (q: number) => (horizonDays > 0 ? forecast.quantileCum(q, horizonDays)[horizonDays - 1]! : 0);
  return {
    model: forecast.model,
    meanDaily: round3(meanDaily),
    horizonDays: Math.max(1, horizonDays),
    p50: round1(at(0.5)),
    p90: round1(at(0.9)),
    historyDays: history.knownDays + history.censoredDays,
    censoredDays: history.censoredDays,
  };
}

/** The plan from the situation and the decisions taken. */
function planOf(s: Situation, d: Draft, now: Date): SkuPlan {
  const { input } = s;
  return {
    key: input.key,
    scope: input.scope,
    sku: input.sku,
    platform: input.platform,
    marketplace: input.marketplace,
    listingKeys: input.listingKeys,
    productId: input.productId,
    poolId: input.poolId,
    asOf: isoDate(s.asOfDay),
    available: s.stock === null ? null : Math.max(0, s.stock),
    stock: {
      source: input.stockSource,
      heldReturns: Math.max(0, Math.round(input.heldReturns)),
      ...(input.reserved > 0 ? { reserved: Math.round(input.reserved) } : {}),
      hint: input.stockHint,
    },
    inbound: Math.max(0, Math.round(input.inbound)),
    pendingUnits: Math.max(0, Math.round(input.pendingUnits)),
    daysOfCover: d.daysOfCover === null ? null : round1(d.daysOfCover),
    stockoutDate: d.stockoutDay === null ? null : isoDate(d.stockoutDay),
    inboundArrivalDate: d.inbound.arrivalDay === null ? null : isoDate(d.inbound.arrivalDay),
    ...(d.inbound.arrivals.length > 1
      ? {
          inboundArrivals: d.inbound.arrivals.map((a) => ({
            date: isoDate(a.day),
            units: Math.max(0, Math.round(a.units)),
            ...(a.shipmentId ? { shipmentId: a.shipmentId } : {}),
          })),
        }
      : {}),
    stockoutDateWithInbound: d.inbound.stockoutDay === null ? null : isoDate(d.inbound.stockoutDay),
    reorderDate: d.reorder.day === null ? null : isoDate(d.reorder.day),
    reorderDaysLate: d.reorder.daysLate,
    reorderQuantity: d.reorder.day === null ? 0 : d.reorder.quantity,
    reorderPoint: round1(d.reorder.point),
    safetyStock: round1(d.reorder.safetyStock),
    leadTimeDays: s.lead.days,
    forecast: forecastSummaryOf(s.forecast, s.history),
    healthScore: d.health.score,
    healthReasons: d.health.reasons,
    lifecycleStage: s.stage,
    abcClass: null,
    clearance: d.clearance,
    storage:
      typeof d.storage === 'object' && d.storage
        ? { next30DaysMinor: d.storage.next30DaysMinor, agedSurchargeMinor: d.storage.agedSurchargeMinor, currency: d.storage.currency }
        : null,
    ...(typeof d.storage === 'string' ? { storageCharge: d.storage } : {}),
    alerts: d.alerts,
    oversell: d.oversell,
    channel: null,
    ...(d.fees ? { fees: d.fees } : {}),
    ...(d.capacity ? { fbaCapacity: d.capacity } : {}),
    ...(d.capacityClaim ? { fbaCapacityClaim: d.capacityClaim } : {}),
    computedAt: isoTimestamp(now),
  };
}

let lastStamp = { time: Number.NaN, iso: '' };

/** now.toISOString(), formatted once for the many plans a re-plan stamps with the same time. */
function isoTimestamp(now: Date): string {
  const time = now.getTime();
  if (time !== lastStamp.time) lastStamp = { time, iso: now.toISOString() };
  return lastStamp.iso;
}

/**
 * Stock today from a reading taken on `stockDay`: minus the demand of the days since (known
 * days as reconstructed, unknown days at `meanDaily`), never below 0.
 * @example projectedStock(100, today - 3, series /* 5, 5, 5 *\/, today, 4) // 85
 */
export function projectedStock(available: number, stockDay: number | null, series: DemandSeries, asOfDay: number, meanDaily: number): number {
  if (stockDay === null || !(stockDay < asOfDay)) return available;
  let sold = 0;
  for (let day = stockDay + 1; day <= asOfDay; day++) {
    const i = day - series.startDay;
    const v = i >= 0 && i < series.units.length ? series.units[i]! : Number.NaN;
    sold += v === v ? v : meanDaily;
  }
  return Math.max(0, available - sold);
}

/**
 * Days since the listing started. Without a start date, the first sale counts only when the
 * history shows at least two weeks of known zero days before it (otherwise the history simply
 * starts there, and an established SKU must not be treated as a launch).
 */
function listingAgeDays(startDay: number | null, series: DemandSeries, firstSaleIndex: number, asOfDay: number): number {
  if (startDay !== null) return asOfDay - startDay;
  if (firstSaleIndex < 0) return Number.POSITIVE_INFINITY;
  let knownZerosBefore = 0;
  for (let i = 0; i < firstSaleIndex; i++) if (series.units[i] === 0) knownZerosBefore++;
  return knownZerosBefore >= 14 ? asOfDay - (series.startDay + firstSaleIndex) : Number.POSITIVE_INFINITY;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

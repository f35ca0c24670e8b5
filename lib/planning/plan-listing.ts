/**
 * Every decision for one demand series and the stock it draws on: cover, stockout, reorder,
 * lifecycle, storage, clearance, alerts and health. Pure: the forecast can be passed in (the
 * tests do) or is computed with lib/forecast.
 */
import { forecastSeries, type ForecastContext, type ForecastResult } from '../forecast/index';
import type { Settings, Destination } from '../settings/schema';
import { offForecastAlert, spikeAlert } from './alerts';
import { clearanceSuggestion } from './clearance';
import { cumulativeAt, cumulativeSum, daysUntilStockout, stockoutDay } from './cover';
import { civilFromDays, isoDate } from './days';
import { healthScore } from './health';
import { knownDaysSinceLastSale, knownMean, lifecycleStage, stagePolicy } from './lifecycle';
import type { DemandSeries } from './reconstruct';
import { economicOrderQuantity, roundOrderQuantity } from './rounding';
import { planReorder } from './reorder';
import { monthlyRate, projectStorageFees, type AgeBucket } from './storage';
import type { Alert, OversellInfo, SkuPlan } from './types';

export interface PlanInput {
  key: string;
  scope: 'listing' | 'pool';
  sku: string;
  platform: string | null;
  marketplace: string | null;
  listingKeys: string[];
  series: DemandSeries;
  /** Today in the marketplace's zone (day number); the series ends on this day. */
  asOfDay: number;
  destination: Destination;
  available: number;
  inbound: number;
  /**
   * Day `available` was read. When older than today, the demand since then (known days as
   * reconstructed, unknown days at the forecast rate) is taken off: a reading from three weeks
   * ago overstates today's stock by three weeks of sales. null = read today or unknown.
   */
  stockDay?: number | null;
  /** Units reserved on hand (can still serve pending orders). */
  reserved: number;
  unfulfillable: number;
  /** Pending/unshipped order units (latest status). */
  pendingUnits: number;
  priceMinor: number | null;
  currency: string | null;
  ageBuckets: readonly AgeBucket[];
  /** Day the listing started, when known. */
  startDay: number | null;
  ended: boolean;
  /** Shared-pool facts when several listings draw on one stock (null for a single listing). */
  pool: {
    stock: number;
    listed: number;
    checkListed: boolean;
    allocation: Record<string, number>;
    /** For a member listing: the pool plan's key and cover (the pool may run dry first). */
    planKey?: string;
    daysOfCover?: number | null;
  } | null;
}

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
export function leadTimeFor(sku: string, destination: Destination, settings: Settings): { days: number; moq: number; casePack: number } {
  const lt = settings.leadTimes;
  const supplier = lt.suppliers[lt.skuSupplier[sku] ?? ''];
  const production = supplier?.productionDays ?? lt.defaultProductionDays;
  const transit = supplier?.transitDays[destination] ?? lt.transitDaysByDestination[destination];
  return {
    days: production + transit,
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
  /** Expected daily demand to compare the last days' sales with (default: the forecast's next 7 days). */
  recentExpected?: number[];
  forecastContext?: ForecastContext;
}

/**
 * @example planListing(input, defaultSettings(), new Date('2026-03-01T12:00:00Z')).daysOfCover
 */
export function planListing(input: PlanInput, settings: Settings, now: Date, options: PlanOptions = {}): SkuPlan {
  const { series, asOfDay } = input;
  const { days: leadTimeDays, moq, casePack } = leadTimeFor(input.sku, input.destination, settings);
  const horizon = planningHorizon(leadTimeDays, settings);
  const history = forecastValues(series);
  const forecast =
    options.forecast ??
    forecastSeries({ values: history.values, freq: 'D', start: isoDate(history.firstDay) }, horizon, options.forecastContext);
  const meanCum = cumulativeSum(forecast.mean);
  const serviceCum = forecast.quantileCum(settings.serviceLevel);
  const meanDaily = meanCum.length ? meanCum[meanCum.length - 1]! / meanCum.length : 0;

  // Lifecycle and its buying policy.
  const units = series.units;
  const daysSinceLastSale = knownDaysSinceLastSale(units);
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
  const ageDays = listingAgeDays(input.startDay, series, firstSaleIndex, asOfDay);
  const stage = lifecycleStage(
    {
      ageDays,
      recentRate: knownMean(units, 0, 28),
      previousRate: knownMean(units, 28, 56),
      daysSinceLastSale: knownDays > 0 ? daysSinceLastSale : 0,
      ended: input.ended,
    },
    settings.lifecycle,
  );
  const policy = stagePolicy(stage, settings.lifecycle);

  // Cover and stockout on sellable stock (inbound may be late; it counts for reordering).
  // A listing sharing a pool runs out when the pool does, if that comes first.
  // Whole units: the plan shows stock as a count.
  const available = Math.round(projectedStock(input.available, input.stockDay ?? null, series, asOfDay, meanDaily));
  const ownCover = daysUntilStockout(available, meanCum);
  const poolCover = input.pool?.planKey !== undefined ? input.pool.daysOfCover ?? null : null;
  const cover = poolCover !== null && (ownCover === null || poolCover < ownCover) ? poolCover : ownCover;
  const reorderHere = policy.reorder && input.pool?.planKey === undefined;
  const stockout = stockoutDay(asOfDay, cover);

  // Reorder.
  const coverDays = policy.maxCoverDays === null ? settings.targetCoverDays : Math.min(settings.targetCoverDays, policy.maxCoverDays);
  const position = available + input.inbound;
  const reorder = planReorder({
    inventoryPosition: position,
    meanCum,
    serviceCum,
    leadTimeDays,
    targetCoverDays: coverDays,
    safetyFactor: policy.safetyFactor,
  });
  let rawQuantity = reorderHere ? reorder.rawQuantity : 0;
  if (rawQuantity > 0 && settings.eoq.enabled && input.priceMinor !== null) {
    const unitCost = settings.unitCostMinorBySku[input.sku] ?? input.priceMinor * (1 - settings.defaultMarginPct / 100);
    const eoq = economicOrderQuantity(meanDaily * 365, settings.eoq.orderCostMinor, unitCost * settings.eoq.holdingRatePerYear);
    rawQuantity = Math.max(rawQuantity, eoq);
  }
  const roundedQuantity = roundOrderQuantity(rawQuantity, { moq, casePack });
  // Overdue (position already below the reorder point) shows as today: a date months back is
  // not an action; how late it is shows as the reason "reorder-overdue". A reorder more than a
  // year away is not a plan yet.
  const overdue = reorder.daysUntilReorder !== null && reorder.daysUntilReorder < 0;
  const reorderDay =
    reorderHere && reorder.daysUntilReorder !== null && roundedQuantity > 0 && reorder.daysUntilReorder <= MAX_REORDER_AHEAD_DAYS
      ? asOfDay + Math.max(0, Math.floor(reorder.daysUntilReorder))
      : null;
  const reorderQuantity = reorderDay === null ? 0 : roundedQuantity;

  // Storage and aged inventory.
  const unitCubicFeet = settings.storageFees.unitCubicFeetBySku[input.sku] ?? settings.storageFees.defaultUnitCubicFeet;
  const demandNext30 = cumulativeAt(meanCum, 30);
  const storageApplies = input.destination === 'FBA' || input.destination === 'WFS';
  const fees = storageApplies
    ? projectStorageFees(
        { onHand: available + input.reserved, demandNext30, ageBuckets: input.ageBuckets, unitCubicFeet, month: civilFromDays(asOfDay + 15).month },
        settings.storageFees,
      )
    : null;
  const firstAged = Math.min(...settings.storageFees.agedSurcharges.map((s) => s.minDays), Infinity);
  const agedUnits = input.ageBuckets.filter((b) => b.minDays >= firstAged).reduce((s, b) => s + b.units, 0);

  // Clearance: stock beyond the overstock horizon (or beyond a sell-off window once exiting).
  const keepDays = stage === 'exit' ? settings.clearance.targetSellThroughDays : settings.alerts.overstockDays;
  const excess = position - cumulativeAt(meanCum, keepDays);
  const month = civilFromDays(asOfDay + 15).month;
  // Average fee per unit-day including aged surcharges (old excess is exactly what they hit).
  const perUnitDay = fees ? Math.max(fees.totalMinor / Math.max(1, available + input.reserved), unitCubicFeet * monthlyRate(settings.storageFees, month)) / 30 : 0;
  // Excess is only known once the sales rate is: a first reading of a listing says nothing about
  // how fast it sells, so it must not be told to liquidate. Enough evidence is a no-sale window of
  // known days, two weeks of known sales, or units the marketplace itself reports as aged.
  const salesRateKnown = knownDays >= settings.alerts.noSaleDays || (cover !== null && knownDays >= 14) || agedUnits > 0;
  const clearance =
    salesRateKnown && (cover === null || cover > settings.alerts.overstockDays || stage === 'decline' || stage === 'exit') && available > 0
      ? clearanceSuggestion(
          {
            excessUnits: Math.min(available, excess),
            meanDaily,
            priceMinor: input.priceMinor,
            currency: input.currency,
            unitCostMinor: settings.unitCostMinorBySku[input.sku] ?? null,
            storagePerUnitDayMinor: perUnitDay,
          },
          settings.clearance,
          settings.defaultMarginPct,
        )
      : null;

  // Oversell.
  const onHand = available + input.reserved;
  const pendingAboveStock = Math.max(0, input.pendingUnits - onHand);
  // The pool's stock today: a pool plan's own projected stock, or what its plan said for a member.
  const poolStock = input.scope === 'pool' ? Math.round(available) : input.pool?.stock ?? 0;
  const listedAbovePool = input.pool && input.pool.checkListed ? Math.max(0, input.pool.listed - poolStock) : 0;
  const oversell: OversellInfo = {
    pendingAboveStock,
    listedAbovePool,
    atRisk: pendingAboveStock > 0 || listedAbovePool > 0,
    allocation: input.pool?.allocation ?? {},
  };

  // Alerts.
  const t = settings.alerts;
  const alerts: Alert[] = [];
  const stockoutDate = stockout === null ? null : isoDate(stockout);
  if (cover !== null && cover <= t.stockoutWithinDays && (available > 0 || meanDaily > 0)) {
    alerts.push({ code: 'stockout-within', severity: cover <= 7 ? 'critical' : 'warning', params: { stockoutDate, days: Math.round(cover * 10) / 10 } });
  }
  const reorderDate = reorderDay === null ? null : isoDate(reorderDay);
  if (reorderDay !== null && reorderDay <= asOfDay) {
    alerts.push({ code: 'reorder-now', severity: overdue ? 'critical' : 'warning', params: { reorderDate, quantity: reorderQuantity } });
  }
  // Expected daily sales = the forecast's average day over the coming week (weekday pattern
  // averaged out). One forecast per SKU: a second one fitted without the last days would
  // double the planning time for a small gain in sensitivity.
  const expected = options.recentExpected ?? forecast.mean.slice(0, 7);
  const expectedDaily = expected.length ? expected.reduce((a, b) => a + b, 0) / expected.length : 0;
  const off = offForecastAlert(units, expectedDaily, t);
  // Selling below forecast while out of stock is the stockout, already alerted.
  if (off && !(off.params.direction === 'below' && available <= 0)) alerts.push(off);
  const spike = spikeAlert(units, expectedDaily, t, series.startDay);
  if (spike) alerts.push(spike);
  if (knownDays > 0 && daysSinceLastSale >= t.noSaleDays && available > 0) {
    alerts.push({ code: 'no-sale', severity: 'warning', params: { days: daysSinceLastSale } });
  }
  if (pendingAboveStock > 0) {
    alerts.push({ code: 'oversell-pending', severity: 'critical', params: { pending: input.pendingUnits, available: onHand } });
  }
  if (listedAbovePool > 0 && input.pool) {
    alerts.push({ code: 'oversell-pool', severity: 'critical', params: { listed: input.pool.listed, pool: poolStock } });
  }
  if (fees && fees.agedSurchargeMinor > 0 && input.currency) {
    alerts.push({ code: 'aged-surcharge-coming', severity: 'info', params: { amountMinor: fees.agedSurchargeMinor, currency: input.currency } });
  }
  if (clearance?.exit) {
    alerts.push({
      code: 'clearance-exit',
      severity: 'warning',
      params: { holdingMinor: clearance.holdingCostMinor, marginMinor: clearance.remainingMarginMinor },
    });
  }

  const health = healthScore(
    {
      daysSinceLastSale: knownDays > 0 ? daysSinceLastSale : null,
      daysOfCover: cover,
      stockoutDate,
      available: available,
      onHand,
      pendingUnits: input.pendingUnits,
      listedAcrossChannels: input.pool?.listed ?? available,
      pool: input.pool && input.pool.checkListed ? poolStock : null,
      agedUnits,
      agedMinDays: Number.isFinite(firstAged) ? firstAged : 0,
      reorderOverdueDate: reorderDay !== null && overdue ? reorderDate : null,
      unfulfillable: input.unfulfillable,
    },
    settings.healthWeights,
    t,
  );

  const horizonDays = Math.min(30, forecast.p50Cum.length);
  return {
    key: input.key,
    scope: input.scope,
    sku: input.sku,
    platform: input.platform,
    marketplace: input.marketplace,
    listingKeys: input.listingKeys,
    ...(input.pool?.planKey !== undefined ? { poolKey: input.pool.planKey } : {}),
    asOf: isoDate(asOfDay),
    available: Math.max(0, Math.round(available)),
    inbound: Math.max(0, Math.round(input.inbound)),
    pendingUnits: Math.max(0, Math.round(input.pendingUnits)),
    daysOfCover: cover === null ? null : round1(cover),
    stockoutDate,
    reorderDate,
    reorderQuantity,
    reorderPoint: round1(reorder.reorderPoint),
    safetyStock: round1(reorder.safetyStock),
    leadTimeDays,
    forecast: {
      model: forecast.model,
      meanDaily: round3(meanDaily),
      horizonDays: Math.max(1, horizonDays),
      p50: round1(horizonDays > 0 ? forecast.p50Cum[horizonDays - 1]! : 0),
      p90: round1(horizonDays > 0 ? forecast.p90Cum[horizonDays - 1]! : 0),
      historyDays: knownDays + censoredDays,
      censoredDays,
    },
    healthScore: health.score,
    healthReasons: health.reasons,
    lifecycleStage: stage,
    abcClass: null,
    clearance,
    storage: fees && input.currency ? { next30DaysMinor: fees.totalMinor, agedSurchargeMinor: fees.agedSurchargeMinor, currency: input.currency } : null,
    alerts,
    oversell,
    computedAt: now.toISOString(),
  };
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

/** Reorders further ahead than this are not shown as a date. */
const MAX_REORDER_AHEAD_DAYS = 365;

/**
 * Days since the listing started. Without a start date, the first sale counts only when the
 * history shows at least two weeks of known zero days before it (otherwise the history simply
 * starts there, and an established SKU must not be treated as a launch).
 */
export function listingAgeDays(startDay: number | null, series: DemandSeries, firstSaleIndex: number, asOfDay: number): number {
  if (startDay !== null) return asOfDay - startDay;
  if (firstSaleIndex < 0) return Number.POSITIVE_INFINITY;
  let knownZerosBefore = 0;
  for (let i = 0; i < firstSaleIndex; i++) if (series.units[i] === 0) knownZerosBefore++;
  return knownZerosBefore >= 14 ? asOfDay - (series.startDay + firstSaleIndex) : Number.POSITIVE_INFINITY;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The planner's front door, shared by the background and the batch CLI: observation records
 * in, one plan per listing SKU and one per shared stock pool out.
 *
 * Products and pools: by default listings with the same SKU are one product; a listing draws
 * from a pool by how it is fulfilled (FBA per Amazon region, WFS per marketplace, and one
 * own-warehouse pool for every seller-fulfilled listing: FBM, Walmart seller-fulfilled, eBay).
 * Pool ids follow lib/store's (`fba:EU`, `wfs:walmart.com`, `own:main`), and the store's own
 * mapping (the seller may have moved a listing) overrides the default rule.
 */
import { fitContext, forecastBatch, type ForecastContext, type ForecastResult, type SeriesInput } from '../forecast/index';
import { isoDateInZone } from '../locale/dates';
import { marketplaceById } from '../locale/markets';
import { accountOfKey, withAccount, type Observation, type OrderObservation } from '../records';
import type { Settings } from '../settings/schema';
import { abcClasses } from './abc';
import { channelAlerts, memberPlan } from './channel';
import { dayNumber, isoDate } from './days';
import { withSharedFbaCapacity } from './fba-capacity-share';
import { poolFbaFacts } from './fees-facts';
import type { PlanExtras } from './plan-input';
import { forecastOf, forecastValues, leadTimeFor, planListing, planningHorizon } from './plan-listing';
import { poolKindOf } from './pool-stock';
import { demandDays, HOW_EXACT, HOW_INFERRED, poolDemand, type DemandSeries } from './demand-series';
import { listingOrderCoverage } from './order-coverage';
import { reconstructDemand } from './reconstruct';
import {
  bufferOf,
  defaultPoolId,
  knownAndCensored,
  listingFactsOf,
  observationsByListing,
  stockGroupsOf,
  stockInput,
  type ListingFacts,
  type StockGroup,
} from './stock-groups';
import { POOL_PLAN_PREFIX, type AbcClass, type DemandDay, type SkuPlan } from './types';

export type { PlanExtras } from './plan-input';
export { defaultPoolId } from './stock-groups';

/**
 * Plans every listing SKU in `observations`, and every pool shared by 2+ listings of a product.
 * Each pool is planned once (its stock, cover and reorder); each listing shows its pool's
 * answer plus its own channel line. `now` is the planning instant; each listing's "today" is
 * `now` in its marketplace's zone.
 * @example planFromObservations(records, defaultSettings(), new Date('2026-03-01T12:00:00Z')).map((p) => p.daysOfCover)
 */
export function planFromObservations(observations: readonly Observation[], settings: Settings, now: Date, extras: PlanExtras = {}): SkuPlan[] {
  return planWithFit(observations, settings, now, extras).plans;
}

/** What is fitted on a whole catalogue and reused when re-planning a few of its products. */
export interface CatalogueFit {
  forecastContext: ForecastContext;
  /** ABC class by stock key (`${productId}@${poolId}`). */
  abcOf: Record<string, AbcClass>;
}

/**
 * planFromObservations, also returning the forecast context and ABC classes it used (fitted
 * here unless given in `extras`): run on the whole catalogue, they are cached and passed to
 * later re-plans of a few products, so those are not ranked and fitted on a page's batch.
 * @example const { plans, fit } = planWithFit(all, settings, now); planFromObservations(some, settings, now, { forecastContext: fit.forecastContext, abcOf: fit.abcOf })
 */
export function planWithFit(
  observations: readonly Observation[],
  settings: Settings,
  now: Date,
  extras: PlanExtras = {},
): { plans: SkuPlan[]; fit: CatalogueFit } {
  const facts = listingFactsOf(observations, settings, now, extras);
  const groups = stockGroupsOf(facts, extras);
  const groupOf = new Map<string, StockGroup>();
  for (const g of groups) for (const m of g.members) groupOf.set(m.key, g);

  // A product's listings on several channels are one item: the forecaster may pool them (its
  // context decides how much, from holdouts over the sample), so the sample keeps products whole.
  const productOfFact = (f: ListingFacts) => groupOf.get(f.key)!.productId;
  const context =
    extras.forecastContext ?? fitContext(contextSampleByProduct(facts, productOfFact).map((f) => ({ ...seriesInput(f.series), group: productOfFact(f) })));
  const horizonOf = (f: ListingFacts) => planningHorizon(leadTimeFor(f.sku, poolKindOf(groupOf.get(f.key)!.poolId), settings).days, settings);
  const listingForecasts = pooledListingForecasts(facts, productOfFact, horizonOf, context);

  const listingPlans: SkuPlan[] = [];
  const poolPlans: SkuPlan[] = [];
  const stockPlans: SkuPlan[] = [];
  for (const g of groups) {
    const input = stockInput(g, settings, extras);
    const fba = poolFbaFacts(
      g.poolId,
      g.members.map((m) => m.fba),
    );
    if (fba) input.fba = fba;
    if (g.members.length === 1) {
      const f = g.members[0]!;
      const plan = planListing(input, settings, now, { forecastContext: context, forecast: listingForecasts.get(f.key) });
      const line =
        plan.oversell.allocation[f.key] === undefined
          ? null
          : { listed: f.available, suggested: plan.oversell.allocation[f.key]!, buffer: bufferOf(f, plan.available, settings) };
      // A lone channel's line only says something when a count can differ from what it lists.
      if (line && plan.stock.source === 'count') {
        plan.channel = line;
        plan.alerts.push(...channelAlerts(line, plan.available));
      }
      listingPlans.push(plan);
      stockPlans.push(plan);
      continue;
    }
    const pool = planListing(input, settings, now, { forecastContext: context });
    poolPlans.push(pool);
    stockPlans.push(pool);
    for (const f of g.members) {
      const forecast = listingForecasts.get(f.key) ?? forecastOf(f.series, horizonOf(f), context);
      const { knownDays, censoredDays } = knownAndCensored(f.series.units);
      listingPlans.push(memberPlan(pool, { ...f, listed: f.available, forecast, knownDays, censoredDays }, bufferOf(f, pool.available, settings), settings));
    }
  }

  assignAbc(stockPlans, facts, extras.abcBy ?? 'revenue', extras.abcOf);
  const classOf = new Map(poolPlans.map((p) => [p.key, p.abcClass]));
  for (const p of listingPlans) if (p.poolKey !== undefined) p.abcClass = classOf.get(p.poolKey) ?? null;
  const abcOf: Record<string, AbcClass> = { ...extras.abcOf };
  for (const p of stockPlans) if (p.abcClass !== null) abcOf[`${p.productId}@${p.poolId}`] = p.abcClass;
  // One FBA capacity limit per marketplace: its stocks' shipments share it (fba-capacity-share.ts).
  const plans = withSharedFbaCapacity([...listingPlans.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)), ...poolPlans], settings);
  return {
    plans,
    fit: { forecastContext: context, abcOf },
  };
}

/**
 * Daily demand of every listing (and every pool of 2+ listings, under its plan key), for the
 * store's dailyDemand table: the same reconstruction planFromObservations uses.
 * @example demandByKey(records, defaultSettings(), now)['amazon|amazon.com|MUG-1'][0] // { date, units, how }
 */
export function demandByKey(
  observations: readonly Observation[],
  settings: Settings,
  now: Date,
  extras: Pick<PlanExtras, 'calibrations' | 'productOf' | 'poolOf' | 'orderImportSpans'> = {},
): Record<string, DemandDay[]> {
  const byListing = observationsByListing(observations);
  const out: Record<string, DemandDay[]> = {};
  const groups = new Map<string, DemandSeries[]>();
  for (const [key, list] of byListing) {
    const first = list[0]!;
    const zone = marketplaceById(first.marketplace)?.timeZone ?? 'UTC';
    const calibrations = (extras.calibrations ?? []).filter((c) => c.listingKey === key);
    const spans = extras.orderImportSpans ?? [];
    const orders = list.filter((o): o is OrderObservation => o.kind === 'order');
    let startDate: string | undefined;
    for (const o of list) if (o.kind === 'listing') startDate ??= o.startDate;
    const series = reconstructDemand(list, {
      end: isoDateInZone(now, zone),
      historyDays: settings.historyDays,
      calibrations,
      ...(spans.length > 0
        ? { orderCoverage: listingOrderCoverage(orders, spans, { platform: first.platform, marketplace: first.marketplace, startDate }) }
        : {}),
    });
    out[key] = demandDays(series);
    const fulfillment = list.find((o) => o.fulfillment !== undefined)?.fulfillment;
    const account = accountOfKey(key);
    const product = extras.productOf?.[key] ?? withAccount(first.sku, account);
    const group = `${POOL_PLAN_PREFIX}${product}@${extras.poolOf?.[key] ?? defaultPoolId(first.platform, first.marketplace, fulfillment, account)}`;
    let members = groups.get(group);
    if (!members) groups.set(group, (members = []));
    members.push(series);
  }
  for (const [group, members] of groups) if (members.length >= 2) out[group] = demandDays(poolDemand(members));
  return out;
}

/**
 * Cached DemandDay rows (any order, one series) back into a typed series; missing days are censored.
 * @example seriesFromDemandDays([{ date: '1970-01-01', units: 2, how: 'exact' }]).units // Float64Array [2]
 */
export function seriesFromDemandDays(days: readonly DemandDay[]): DemandSeries {
  if (days.length === 0) return { startDay: 0, units: new Float64Array(0), how: new Uint8Array(0) };
  let first = Infinity;
  let last = -Infinity;
  for (const d of days) {
    const n = dayNumber(d.date);
    if (n < first) first = n;
    if (n > last) last = n;
  }
  const units = new Float64Array(last - first + 1).fill(Number.NaN);
  const how = new Uint8Array(last - first + 1);
  for (const d of days) {
    const i = dayNumber(d.date) - first;
    if (d.units === null || d.how === 'censored') continue;
    units[i] = d.units;
    how[i] = d.how === 'exact' ? HOW_EXACT : HOW_INFERRED;
  }
  return { startDay: first, units, how };
}

/**
 * ABC across the stock plans (one per physical stock), by the last 90 days' revenue (units when
 * any price is missing); classes fitted on the whole catalogue win when given.
 */
function assignAbc(plans: SkuPlan[], facts: readonly ListingFacts[], by: 'revenue' | 'units', fitted: PlanExtras['abcOf']): void {
  if (fitted) {
    for (const p of plans) p.abcClass = fitted[`${p.productId}@${p.poolId}`] ?? null;
    return;
  }
  const factsOf = new Map(facts.map((f) => [f.key, f]));
  const rows = plans.map((p) => {
    let units = 0;
    let revenue = 0;
    let priced = true;
    for (const key of p.listingKeys) {
      const f = factsOf.get(key)!;
      const u = sumKnownTail(f.series.units, 90);
      units += u;
      if (f.priceMinor === null) priced = false;
      else revenue += u * f.priceMinor;
    }
    return { key: p.key, units, revenue, priced };
  });
  const useRevenue = by === 'revenue' && rows.every((r) => r.priced);
  const classes = abcClasses(rows.map((r) => ({ key: r.key, value: useRevenue ? r.revenue : r.units })));
  for (const p of plans) p.abcClass = classes.get(p.key) ?? null;
}

function sumKnownTail(units: Float64Array, days: number): number {
  let s = 0;
  for (let i = Math.max(0, units.length - days); i < units.length; i++) if (units[i] === units[i]) s += units[i]!;
  return s;
}

/** Series the seller-wide forecasting context is fitted on. */
const CONTEXT_SAMPLE = 200;

/**
 * An evenly spaced, deterministic sample: seller-wide shapes (weekday profile, dispersion) are
 * stable well before 10,000 SKUs, and fitting on all of them costs more than planning them.
 * @example contextSample(series).length <= 200 // true
 */
export function contextSample<T>(all: readonly T[], size = CONTEXT_SAMPLE): T[] {
  if (all.length <= size) return [...all];
  const out: T[] = [];
  for (let i = 0; i < size; i++) out.push(all[Math.floor((i * all.length) / size)]!);
  return out;
}

/**
 * A sample of listings for fitting the forecast context that keeps each sampled product's
 * listings together (pooling is fitted on groups of two or more).
 * @example contextSampleByProduct(facts, (f) => f.productId).length <= CONTEXT_SAMPLE + (listings of the last product)
 */
function contextSampleByProduct<T>(facts: readonly T[], productOf: (f: T) => string): T[] {
  if (facts.length <= CONTEXT_SAMPLE) return [...facts];
  const byProduct = new Map<string, T[]>();
  for (const f of facts) {
    const id = productOf(f);
    (byProduct.get(id) ?? byProduct.set(id, []).get(id)!).push(f);
  }
  const out: T[] = [];
  for (const members of contextSample([...byProduct.values()], Math.min(byProduct.size, CONTEXT_SAMPLE))) {
    if (out.length >= CONTEXT_SAMPLE) break;
    out.push(...members);
  }
  return out;
}

/**
 * Forecasts of the listings that share a product with others and the same planning horizon,
 * pooled across their channels (forecastBatch); other listings are forecast by planListing alone.
 */
function pooledListingForecasts(
  facts: readonly ListingFacts[],
  productOf: (f: ListingFacts) => string,
  horizonOf: (f: ListingFacts) => number,
  context: ForecastContext,
): Map<string, ForecastResult> {
  const out = new Map<string, ForecastResult>();
  if (!context.groupWeight) return out;
  const batches = new Map<number, { keys: string[]; inputs: SeriesInput[] }>();
  const members = new Map<string, number>();
  for (const f of facts) members.set(productOf(f), (members.get(productOf(f)) ?? 0) + 1);
  for (const f of facts) {
    if (members.get(productOf(f))! < 2) continue;
    const horizon = horizonOf(f);
    const batch = batches.get(horizon) ?? batches.set(horizon, { keys: [], inputs: [] }).get(horizon)!;
    batch.keys.push(f.key);
    batch.inputs.push({ ...seriesInput(f.series), group: productOf(f) });
  }
  for (const [horizon, { keys, inputs }] of batches) {
    forecastBatch(inputs, horizon, context).forEach((forecast, i) => out.set(keys[i]!, forecast));
  }
  return out;
}

function seriesInput(series: DemandSeries) {
  const { values, firstDay } = forecastValues(series);
  return { values, freq: 'D' as const, start: isoDate(firstDay) };
}

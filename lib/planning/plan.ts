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
import { listingKey, type ListingObservation, type Observation, type OrderObservation } from '../records';
import type { Settings } from '../settings/schema';
import { abcClasses } from './abc';
import { bufferUnits, type AllocationMember } from './allocation';
import { channelAlerts, memberPlan } from './channel';
import { dayNumber, isoDate } from './days';
import { knownMean } from './lifecycle';
import { forecastOf, forecastValues, leadTimeFor, planListing, planningHorizon, type PlanInput } from './plan-listing';
import { poolKindOf, poolStock, type ReturnEvent } from './pool-stock';
import {
  demandDays,
  HOW_EXACT,
  HOW_INFERRED,
  poolDemand,
  reconstructDemand,
  type Calibration,
  type DemandSeries,
} from './reconstruct';
import type { AgeBucket } from './storage';
import type { AbcClass, DemandDay, SkuPlan } from './types';

export interface PlanExtras {
  /** Manual stock events (receipts, removals, corrections) by listing. */
  calibrations?: readonly Calibration[];
  /** listing key -> product id (default: the SKU). */
  productOf?: Readonly<Record<string, string>>;
  /** listing key -> pool id (default: by fulfilment channel, see defaultPoolId). */
  poolOf?: Readonly<Record<string, string>>;
  /**
   * `${productId}@${poolId}` -> the seller's latest count of that stock and its day (marketplace
   * zone). It is moved forward by the sales and released returns since; a later FBA/WFS page
   * reading of the pool's own count replaces it.
   */
  poolCounts?: Readonly<Record<string, { onHand: number; date: string; at?: string }>>;
  /** Returned units by listing: held for inspection (possible supply) or released to stock on `date` (at the instant `at`, when known). */
  returns?: readonly { listingKey: string; units: number; status: 'held' | 'released'; date: string; at?: string }[];
  /** Rank ABC classes by revenue (default, units when a price is missing) or by units. */
  abcBy?: 'revenue' | 'units';
  /**
   * ABC classes fitted on the whole catalogue, by stock key (`${productId}@${poolId}`): a re-plan
   * of a few products keeps the catalogue's classes instead of ranking the few among themselves.
   */
  abcOf?: Readonly<Record<string, AbcClass>>;
  /**
   * Demand already reconstructed (e.g. the store's cached dailyDemand rows via
   * seriesFromDemandDays), by listing key: skips reconstruction for those listings.
   */
  demandOf?: Readonly<Record<string, DemandSeries>>;
  /** Forecasting context (fitted on the whole catalogue); default: fitted across the series being planned. */
  forecastContext?: ForecastContext;
}

const NA = new Set(['amazon.com', 'amazon.ca', 'amazon.com.mx', 'amazon.com.br']);
const FE = new Set(['amazon.co.jp', 'amazon.com.au', 'amazon.sg']);

/**
 * The stock pool a listing draws from when the store has said nothing else.
 * @example defaultPoolId('amazon', 'amazon.fr', 'FBA') // 'fba:EU'
 * @example defaultPoolId('ebay', 'ebay.com', undefined) // 'own:main'
 */
export function defaultPoolId(platform: string, marketplace: string, fulfillment: string | undefined): string {
  if (fulfillment === 'FBA') return `fba:${NA.has(marketplace) ? 'NA' : FE.has(marketplace) ? 'FE' : 'EU'}`;
  if (fulfillment === 'WFS') return `wfs:${marketplace}`;
  return 'own:main';
}

/** What the newest readings of one listing say (each field from the newest reading that showed it). */
interface ListingFacts {
  key: string;
  /** Day of the newest reading that showed `available` (null = never shown). */
  stockDay: number | null;
  platform: string;
  marketplace: string;
  sku: string;
  asOfDay: number;
  fulfillment: string | undefined;
  available: number | null;
  inbound: number;
  reserved: number;
  unfulfillable: number;
  priceMinor: number | null;
  currency: string | null;
  ageBuckets: AgeBucket[];
  startDay: number | null;
  ended: boolean;
  pendingUnits: number;
  series: DemandSeries;
}

function latestFacts(
  key: string,
  observations: readonly Observation[],
  asOf: string,
  settings: Settings,
  calibrations: readonly Calibration[],
  cached: DemandSeries | undefined,
): ListingFacts {
  const listings = observations.filter((o): o is ListingObservation => o.kind === 'listing');
  const orders = observations.filter((o): o is OrderObservation => o.kind === 'order');
  listings.sort((a, b) => (a.observedAt < b.observedAt ? 1 : a.observedAt > b.observedAt ? -1 : 0)); // newest first
  const newest = <K extends keyof ListingObservation>(field: K): ListingObservation[K] | undefined => {
    for (const o of listings) if (o[field] !== undefined) return o[field];
    return undefined;
  };
  const first = observations[0]!;
  let fulfillment: string | undefined = newest('fulfillment');
  if (fulfillment === undefined) for (const o of orders) fulfillment ??= o.fulfillment;
  if (fulfillment === undefined && first.platform === 'amazon' && listings.some((o) => /fba/i.test(o.source))) fulfillment = 'FBA';

  // Pending units: each order's latest state.
  const latest = new Map<string, OrderObservation>();
  for (const o of orders) {
    const seen = latest.get(o.orderId);
    if (!seen || seen.observedAt <= o.observedAt) latest.set(o.orderId, o);
  }
  let pendingUnits = 0;
  for (const o of latest.values()) if (o.status === 'pending' || o.status === 'unshipped') pendingUnits += o.quantity;

  const price = newest('price');
  const startDate = newest('startDate');
  const status = newest('status');
  return {
    key,
    platform: first.platform,
    marketplace: first.marketplace,
    sku: first.sku,
    asOfDay: dayNumber(asOf),
    fulfillment,
    available: newest('available') ?? null,
    stockDay: stockDayOf(listings),
    inbound: newest('inbound') ?? 0,
    reserved: newest('reserved') ?? 0,
    unfulfillable: newest('unfulfillable') ?? 0,
    priceMinor: price?.amountMinor ?? null,
    currency: price?.currency ?? null,
    ageBuckets: newest('ageBuckets') ?? [],
    startDay: startDate !== undefined && Number.isFinite(dayNumber(startDate)) ? dayNumber(startDate) : null,
    ended: status === 'ended',
    pendingUnits,
    series: cached ?? reconstructDemand(observations, { end: asOf, historyDays: settings.historyDays, calibrations }),
  };
}

function stockDayOf(newestFirst: readonly ListingObservation[]): number | null {
  for (const o of newestFirst) if (o.available !== undefined) return dayNumber(o.observedDate);
  return null;
}

/** Channel key lookups: "platform|marketplace" first, then "platform". */
function byChannel<T>(table: Readonly<Record<string, T>>, platform: string, marketplace: string): T | undefined {
  return table[`${platform}|${marketplace}`] ?? table[platform];
}

/** One physical stock: a product's units in one pool, and the listings that sell from it. */
interface StockGroup {
  id: string;
  productId: string;
  poolId: string;
  members: ListingFacts[];
}

/**
 * Plans every listing SKU in `observations`, and every pool shared by 2+ listings of a product.
 * Each pool is planned once (its stock, cover and reorder); each listing shows its pool's
 * answer plus its own channel line. `now` is the planning instant; each listing's "today" is
 * `now` in its marketplace's zone.
 * @example planFromObservations(records, defaultSettings(), new Date('2026-03-01T12:00:00Z')).map((p) => p.daysOfCover)
 */
export function planFromObservations(
  observations: readonly Observation[],
  settings: Settings,
  now: Date,
  extras: PlanExtras = {},
): SkuPlan[] {
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
  const context = extras.forecastContext ?? fitContext(contextSampleByProduct(facts, productOfFact).map((f) => ({ ...seriesInput(f.series), group: productOfFact(f) })));
  const horizonOf = (f: ListingFacts) => planningHorizon(leadTimeFor(f.sku, poolKindOf(groupOf.get(f.key)!.poolId), settings).days, settings);
  const listingForecasts = pooledListingForecasts(facts, productOfFact, horizonOf, context);

  const listingPlans: SkuPlan[] = [];
  const poolPlans: SkuPlan[] = [];
  const stockPlans: SkuPlan[] = [];
  for (const g of groups) {
    const input = stockInput(g, settings, extras);
    if (g.members.length === 1) {
      const f = g.members[0]!;
      const plan = planListing(input, settings, now, { forecastContext: context, forecast: listingForecasts.get(f.key) });
      const line = plan.oversell.allocation[f.key] === undefined ? null : { listed: f.available, suggested: plan.oversell.allocation[f.key]!, buffer: bufferOf(f, plan.available, settings) };
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
  return {
    plans: [...listingPlans.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)), ...poolPlans],
    fit: { forecastContext: context, abcOf },
  };
}

/** The newest facts of every listing in the observations, in key order. */
function listingFactsOf(observations: readonly Observation[], settings: Settings, now: Date, extras: PlanExtras): ListingFacts[] {
  const byListing = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = listingKey(o);
    let list = byListing.get(key);
    if (!list) byListing.set(key, (list = []));
    list.push(o);
  }
  const calibrationsOf = new Map<string, Calibration[]>();
  for (const c of extras.calibrations ?? []) {
    let list = calibrationsOf.get(c.listingKey);
    if (!list) calibrationsOf.set(c.listingKey, (list = []));
    list.push(c);
  }
  const facts: ListingFacts[] = [];
  for (const [key, list] of [...byListing].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const zone = marketplaceById(list[0]!.marketplace)?.timeZone ?? 'UTC';
    facts.push(latestFacts(key, list, isoDateInZone(now, zone), settings, calibrationsOf.get(key) ?? [], extras.demandOf?.[key]));
  }
  return facts;
}

/** Listings grouped by physical stock: product x pool. */
function stockGroupsOf(facts: readonly ListingFacts[], extras: PlanExtras): StockGroup[] {
  const groups = new Map<string, StockGroup>();
  for (const f of facts) {
    const productId = extras.productOf?.[f.key] ?? f.sku;
    const poolId = extras.poolOf?.[f.key] ?? defaultPoolId(f.platform, f.marketplace, f.fulfillment);
    const id = `${productId}@${poolId}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { id, productId, poolId, members: [] }));
    group.members.push(f);
  }
  return [...groups.values()];
}

/**
 * The planner's input for one stock: the pool's on-hand (count, reading or estimate), its
 * pooled demand and, for stock the channels each list a quantity of, the channels to split it
 * across. A pool of one listing is planned under the listing's key.
 */
function stockInput(g: StockGroup, settings: Settings, extras: PlanExtras): PlanInput {
  const { members } = g;
  const kind = poolKindOf(g.poolId);
  const single = members.length === 1;
  const count = extras.poolCounts?.[g.id];
  const memberKeys = new Set(members.map((m) => m.key));
  const returns: ReturnEvent[] = (extras.returns ?? []).filter((r) => memberKeys.has(r.listingKey))
    .map((r) => ({ units: r.units, status: r.status, day: dayNumber(r.date), ...(r.at ? { at: r.at } : {}) }));
  const stock = poolStock(g.poolId, members, count ? { onHand: count.onHand, day: dayNumber(count.date), ...(count.at ? { at: count.at } : {}) } : undefined, returns);
  // Own-warehouse channels each list a quantity of the one stock; FBA/WFS pages show the pool's own count.
  const shared = kind !== 'SELLER';
  const lead = members.reduce((best, m) => (nanToZero(knownMean(m.series.units, 0, 28)) > nanToZero(knownMean(best.series.units, 0, 28)) ? m : best));
  const sum = (f: (m: ListingFacts) => number) => members.reduce((s, m) => s + f(m), 0);
  const max = (f: (m: ListingFacts) => number) => Math.max(...members.map(f));
  const allocationMembers: AllocationMember[] = members.map((m) => ({
    key: m.key,
    weight: byChannel(settings.allocationWeights, m.platform, m.marketplace) ?? 1,
    velocity: nanToZero(knownMean(m.series.units, 0, 28)),
    buffer: byChannel(settings.safetyBuffers, m.platform, m.marketplace),
  }));
  return {
    key: single ? lead.key : `pool:${g.id}`,
    scope: single ? 'listing' : 'pool',
    sku: lead.sku,
    platform: single ? lead.platform : null,
    marketplace: single ? lead.marketplace : null,
    listingKeys: members.map((m) => m.key),
    productId: g.productId,
    poolId: g.poolId,
    series: single ? lead.series : poolDemand(members.map((m) => m.series)),
    asOfDay: Math.max(...members.map((m) => m.asOfDay)),
    destination: kind,
    available: stock.onHand,
    stockDay: stock.stockDay,
    stockSource: stock.source,
    stockHint: stock.hint,
    heldReturns: stock.heldReturns,
    releasedReturns: stock.releasedSince,
    inbound: shared ? max((m) => m.inbound) : sum((m) => m.inbound),
    reserved: shared ? max((m) => m.reserved) : sum((m) => m.reserved),
    unfulfillable: shared ? max((m) => m.unfulfillable) : sum((m) => m.unfulfillable),
    pendingUnits: sum((m) => m.pendingUnits),
    priceMinor: lead.priceMinor,
    currency: lead.currency,
    ageBuckets: members.find((m) => m.ageBuckets.length > 0)?.ageBuckets ?? [],
    startDay: members.some((m) => m.startDay === null) ? null : Math.min(...members.map((m) => m.startDay!)),
    ended: members.every((m) => m.ended),
    pool: shared ? null : { listed: sum((m) => m.available ?? 0), checkListed: stock.source === 'count', members: allocationMembers },
  };
}

/** Units a channel's safety buffer holds back from the pool. */
function bufferOf(f: ListingFacts, poolAvailable: number | null, settings: Settings): number {
  return poolAvailable === null ? 0 : bufferUnits(poolAvailable, byChannel(settings.safetyBuffers, f.platform, f.marketplace));
}

function knownAndCensored(units: Float64Array): { knownDays: number; censoredDays: number } {
  let knownDays = 0;
  let censoredDays = 0;
  for (let i = 0; i < units.length; i++) {
    if (units[i] === units[i]) knownDays++;
    else if (knownDays > 0) censoredDays++;
  }
  return { knownDays, censoredDays };
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
  extras: Pick<PlanExtras, 'calibrations' | 'productOf' | 'poolOf'> = {},
): Record<string, DemandDay[]> {
  const byListing = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = listingKey(o);
    let list = byListing.get(key);
    if (!list) byListing.set(key, (list = []));
    list.push(o);
  }
  const out: Record<string, DemandDay[]> = {};
  const groups = new Map<string, DemandSeries[]>();
  for (const [key, list] of byListing) {
    const first = list[0]!;
    const zone = marketplaceById(first.marketplace)?.timeZone ?? 'UTC';
    const calibrations = (extras.calibrations ?? []).filter((c) => c.listingKey === key);
    const series = reconstructDemand(list, { end: isoDateInZone(now, zone), historyDays: settings.historyDays, calibrations });
    out[key] = demandDays(series);
    const fulfillment = list.find((o) => o.fulfillment !== undefined)?.fulfillment;
    const group = `pool:${extras.productOf?.[key] ?? first.sku}@${extras.poolOf?.[key] ?? defaultPoolId(first.platform, first.marketplace, fulfillment)}`;
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
  facts: readonly ListingFacts[], productOf: (f: ListingFacts) => string, horizonOf: (f: ListingFacts) => number, context: ForecastContext,
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

const nanToZero = (x: number) => (x === x ? x : 0);

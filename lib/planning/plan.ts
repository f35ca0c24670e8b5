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
import type { Destination, Settings } from '../settings/schema';
import { abcClasses } from './abc';
import { allocatePool } from './allocation';
import { dayNumber, isoDate } from './days';
import { knownMean } from './lifecycle';
import { forecastValues, leadTimeFor, planListing, planningHorizon, type PlanInput } from './plan-listing';
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
import type { DemandDay, SkuPlan } from './types';

export interface PlanExtras {
  /** Manual stock events (receipts, removals, corrections) by listing. */
  calibrations?: readonly Calibration[];
  /** listing key -> product id (default: the SKU). */
  productOf?: Readonly<Record<string, string>>;
  /** listing key -> pool id (default: by fulfilment channel, see defaultPoolId). */
  poolOf?: Readonly<Record<string, string>>;
  /** `${productId}@${poolId}` -> units physically on hand (a seller count); default: the largest quantity a member shows. */
  poolOnHand?: Readonly<Record<string, number>>;
  /** Rank ABC classes by revenue (default, units when a price is missing) or by units. */
  abcBy?: 'revenue' | 'units';
  /**
   * Demand already reconstructed (e.g. the store's cached dailyDemand rows via
   * seriesFromDemandDays), by listing key: skips reconstruction for those listings.
   */
  demandOf?: Readonly<Record<string, DemandSeries>>;
  /** Forecasting context; default: fitted across all the series being planned. */
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

/** Destination of replenishment for a pool id. */
function destinationOfPool(poolId: string): Destination {
  return poolId.startsWith('fba:') ? 'FBA' : poolId.startsWith('wfs:') ? 'WFS' : 'SELLER';
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
  available: number;
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
    available: newest('available') ?? 0,
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

/**
 * Plans every listing SKU in `observations`, and every pool shared by 2+ listings of a product.
 * `now` is the planning instant; each listing's "today" is `now` in its marketplace's zone.
 * @example planFromObservations(records, defaultSettings(), new Date('2026-03-01T12:00:00Z')).map((p) => p.daysOfCover)
 */
export function planFromObservations(
  observations: readonly Observation[],
  settings: Settings,
  now: Date,
  extras: PlanExtras = {},
): SkuPlan[] {
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
    const first = list[0]!;
    const zone = marketplaceById(first.marketplace)?.timeZone ?? 'UTC';
    facts.push(latestFacts(key, list, isoDateInZone(now, zone), settings, calibrationsOf.get(key) ?? [], extras.demandOf?.[key]));
  }

  // Pools: product -> pool -> members.
  const groups = new Map<string, { productId: string; poolId: string; members: ListingFacts[] }>();
  const groupOf = new Map<string, string>();
  for (const f of facts) {
    const productId = extras.productOf?.[f.key] ?? f.sku;
    const poolId = extras.poolOf?.[f.key] ?? defaultPoolId(f.platform, f.marketplace, f.fulfillment);
    const id = `${productId}@${poolId}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { productId, poolId, members: [] }));
    group.members.push(f);
    groupOf.set(f.key, id);
  }
  const poolFacts = new Map<string, PlanInput['pool']>();
  for (const [id, g] of groups) {
    if (g.members.length < 2) continue;
    const shared = destinationOfPool(g.poolId) !== 'SELLER';
    // FBA/WFS pages each show the shared pool's count; an own warehouse's listings each show what is listed there.
    const stock = extras.poolOnHand?.[id] ?? Math.max(...g.members.map((m) => m.available));
    const listed = g.members.reduce((s, m) => s + m.available, 0);
    // Allocation waits for the pool plan: it splits the stock the pool has TODAY.
    poolFacts.set(id, { stock, listed, checkListed: !shared, allocation: {} });
  }

  // A product's listings on several channels are one item: the forecaster may pool them (its
  // context decides how much, from holdouts over the sample), so the sample keeps products whole.
  const productOfFact = (f: ListingFacts) => groups.get(groupOf.get(f.key)!)!.productId;
  const context = extras.forecastContext ?? fitContext(contextSampleByProduct(facts, productOfFact).map((f) => ({ ...seriesInput(f.series), group: productOfFact(f) })));
  const listingForecasts = pooledListingForecasts(facts, productOfFact, (f) => {
    const poolId = groups.get(groupOf.get(f.key)!)!.poolId;
    return planningHorizon(leadTimeFor(f.sku, destinationOfPool(poolId), settings).days, settings);
  }, context);
  const poolPlans: SkuPlan[] = [];
  const poolPlanOf = new Map<string, SkuPlan>();
  for (const [id, g] of groups) {
    const pool = poolFacts.get(id);
    if (!pool) continue;
    const members = g.members;
    const shared = destinationOfPool(g.poolId) !== 'SELLER';
    const lead = members.reduce((best, m) => (nanToZero(knownMean(m.series.units, 0, 28)) > nanToZero(knownMean(best.series.units, 0, 28)) ? m : best));
    const sum = (f: (m: ListingFacts) => number) => members.reduce((s, m) => s + f(m), 0);
    const max = (f: (m: ListingFacts) => number) => Math.max(...members.map(f));
    const plan = planListing(
      {
        key: `pool:${id}`,
        scope: 'pool',
        sku: lead.sku,
        platform: null,
        marketplace: null,
        listingKeys: members.map((m) => m.key),
        series: poolDemand(members.map((m) => m.series)),
        asOfDay: Math.max(...members.map((m) => m.asOfDay)),
        destination: destinationOfPool(g.poolId),
        available: pool.stock,
        // The pool count is as old as its oldest member reading (poolOnHand counts are taken as of today).
        stockDay: extras.poolOnHand?.[id] !== undefined ? null : members.some((m) => m.stockDay === null) ? null : Math.min(...members.map((m) => m.stockDay!)),
        inbound: shared ? max((m) => m.inbound) : sum((m) => m.inbound),
        reserved: shared ? max((m) => m.reserved) : sum((m) => m.reserved),
        unfulfillable: shared ? max((m) => m.unfulfillable) : sum((m) => m.unfulfillable),
        pendingUnits: sum((m) => m.pendingUnits),
        priceMinor: lead.priceMinor,
        currency: lead.currency,
        ageBuckets: members.find((m) => m.ageBuckets.length > 0)?.ageBuckets ?? [],
        startDay: members.some((m) => m.startDay === null) ? null : Math.min(...members.map((m) => m.startDay!)),
        ended: members.every((m) => m.ended),
        pool,
      },
      settings,
      now,
      { forecastContext: context },
    );
    if (!shared) {
      plan.oversell.allocation = allocatePool(
        plan.available,
        members.map((m) => ({
          key: m.key,
          weight: byChannel(settings.allocationWeights, m.platform, m.marketplace) ?? 1,
          velocity: nanToZero(knownMean(m.series.units, 0, 28)),
          buffer: byChannel(settings.safetyBuffers, m.platform, m.marketplace),
        })),
      );
    }
    poolPlans.push(plan);
    poolPlanOf.set(id, plan);
  }

  // Member listings see the pool's plan: its cover caps theirs, and it carries the reorder.
  const memberPool = (groupId: string): PlanInput['pool'] => {
    const pool = poolFacts.get(groupId);
    const poolPlan = poolPlanOf.get(groupId);
    if (!pool || !poolPlan) return null;
    return { ...pool, stock: poolPlan.available, allocation: poolPlan.oversell.allocation, planKey: poolPlan.key, daysOfCover: poolPlan.daysOfCover };
  };
  const listingPlans: SkuPlan[] = [];
  for (const f of facts) {
    const groupId = groupOf.get(f.key)!;
    const poolId = groups.get(groupId)!.poolId;
    const plan = planListing(
      {
        key: f.key,
        scope: 'listing',
        sku: f.sku,
        platform: f.platform,
        marketplace: f.marketplace,
        listingKeys: [f.key],
        series: f.series,
        asOfDay: f.asOfDay,
        destination: destinationOfPool(poolId),
        available: f.available,
        stockDay: f.stockDay,
        inbound: f.inbound,
        reserved: f.reserved,
        unfulfillable: f.unfulfillable,
        pendingUnits: f.pendingUnits,
        priceMinor: f.priceMinor,
        currency: f.currency,
        ageBuckets: f.ageBuckets,
        startDay: f.startDay,
        ended: f.ended,
        pool: memberPool(groupId),
      },
      settings,
      now,
      { forecastContext: context, forecast: listingForecasts.get(f.key) },
    );
    listingPlans.push(plan);
  }

  assignAbc(listingPlans, facts, extras.abcBy ?? 'revenue');
  assignAbc(poolPlans, facts, extras.abcBy ?? 'revenue');
  return [...listingPlans, ...poolPlans];
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

/** ABC across one kind of plan, by the last 90 days' revenue (units when any price is missing). */
function assignAbc(plans: SkuPlan[], facts: readonly ListingFacts[], by: 'revenue' | 'units'): void {
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

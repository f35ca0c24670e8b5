/**
 * From observation records to the stocks the planner plans: each listing's newest facts, the
 * listings grouped by physical stock (product x pool), and the planner's input for each stock
 * (its on-hand and where it comes from, its pooled demand, its channels).
 */
import { isoDateInZone } from '../locale/dates';
import { marketplaceById } from '../locale/markets';
import { accountOfKey, DEFAULT_ACCOUNT, listingKey, withAccount, type ListingObservation, type Observation, type OrderObservation } from '../records';
import type { Settings } from '../settings/schema';
import { bufferUnits, type AllocationMember } from './allocation';
import { dayNumber } from './days';
import { listingFbaFactsOf } from './fees-facts';
import { inboundAppeared, inboundReadingsOf } from './inbound-arrival';
import { knownMean } from './lifecycle';
import type { DatedArrival, DayArrival, ListingFacts, PlanExtras, PlanInput, ReadingFacts } from './plan-input';
import { poolKindOf, poolStock, type ReturnEvent } from './pool-stock';
import { poolDemand, type DemandSeries } from './demand-series';
import { listingOrderCoverage, type OrderSpan } from './order-coverage';
import { reconstructDemand } from './reconstruct';
import type { Calibration } from './reconstruct-grid';
import { POOL_PLAN_PREFIX } from './types';

export type { ListingFacts, ReadingFacts } from './plan-input';

const NA = new Set(['amazon.com', 'amazon.ca', 'amazon.com.mx', 'amazon.com.br']);
const FE = new Set(['amazon.co.jp', 'amazon.com.au', 'amazon.sg']);

/**
 * The stock pool a listing draws from when the store has said nothing else.
 * @example defaultPoolId('amazon', 'amazon.fr', 'FBA') // 'fba:EU'
 * @example defaultPoolId('ebay', 'ebay.com', undefined) // 'own:main'
 * @example defaultPoolId('amazon', 'amazon.com', 'FBA', 'amazon-b') // 'fba:NA/amazon-b' (as lib/store's poolIdFor)
 */
export function defaultPoolId(platform: string, marketplace: string, fulfillment: string | undefined, account: string = DEFAULT_ACCOUNT): string {
  const suffix = account === DEFAULT_ACCOUNT ? '' : `/${account}`;
  if (fulfillment === 'FBA') return `fba:${NA.has(marketplace) ? 'NA' : FE.has(marketplace) ? 'FE' : 'EU'}${suffix}`;
  if (fulfillment === 'WFS') return `wfs:${marketplace}${suffix}`;
  return 'own:main';
}

/**
 * A listing's facts from their reading part, as of a day (ISO, the marketplace's zone), with its
 * demand series and the arrivals that date its inbound units.
 * @example completeFacts(readingFactsOf(facts), '2026-12-05', facts.series, []).asOfDay === facts.asOfDay
 */
export function completeFacts(facts: ReadingFacts, asOf: string, series: DemandSeries, arrivals: readonly DatedArrival[] = []): ListingFacts {
  return { ...facts, asOfDay: dayNumber(asOf), inboundArrivals: datedArrivals(arrivals, facts.inbound), series };
}

/**
 * The reading part of a listing's facts (what completeFacts completes again).
 * @example readingFactsOf(facts).available === facts.available
 */
export function readingFactsOf(facts: ListingFacts): ReadingFacts {
  const { asOfDay: _asOfDay, inboundArrivals: _arrivals, series: _series, ...rest } = facts;
  return rest;
}

function latestFacts(
  key: string,
  observations: readonly Observation[],
  asOf: string,
  settings: Settings,
  calibrations: readonly Calibration[],
  cached: DemandSeries | undefined,
  importSpans: readonly OrderSpan[] = [],
  arrivals: readonly DatedArrival[] = [],
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
  const inbound = newest('inbound') ?? 0;
  const facts: ReadingFacts = {
    key,
    platform: first.platform,
    marketplace: first.marketplace,
    sku: first.sku,
    fulfillment,
    available: newest('available') ?? null,
    stockDay: stockDayOf(listings),
    inbound,
    inboundAppeared: inboundAppeared(inboundReadingsOf(listings)),
    reserved: newest('reserved') ?? 0,
    unfulfillable: newest('unfulfillable') ?? 0,
    priceMinor: price?.amountMinor ?? null,
    currency: price?.currency ?? null,
    ageBuckets: newest('ageBuckets') ?? [],
    startDay: startDate !== undefined && Number.isFinite(dayNumber(startDate)) ? dayNumber(startDate) : null,
    ended: status === 'ended',
    pendingUnits,
    fba: listingFbaFactsOf(observations),
  };
  const series =
    cached ??
    reconstructDemand(observations, {
      end: asOf,
      historyDays: settings.historyDays,
      calibrations,
      ...(importSpans.length > 0
        ? {
            orderCoverage: listingOrderCoverage(orders, importSpans, {
              platform: first.platform,
              marketplace: first.marketplace,
              startDate,
              account: first.account,
            }),
          }
        : {}),
    });
  return completeFacts(facts, asOf, series, arrivals);
}

/**
 * The arrivals that date a listing's inbound units, soonest first: together no more than the
 * units the newest reading shows inbound. Units beyond that were received since the arrivals
 * were known (the stock on hand counts them now), so they come off the soonest arrivals first,
 * the ones received first; inbound beyond the arrivals is left to be dated otherwise.
 * @example datedArrivals([{ date: '2026-12-14', units: 100 }, { date: '2026-12-28', units: 200 }], 250) // 50 on Dec 14, 200 on Dec 28
 */
function datedArrivals(arrivals: readonly DatedArrival[], inbound: number): DayArrival[] {
  const known = arrivals
    .map((a) => ({ day: dayNumber(a.date), units: a.units, ...(a.shipmentId ? { shipmentId: a.shipmentId } : {}) }))
    .filter((a) => Number.isFinite(a.day) && a.units > 0)
    .sort((a, b) => a.day - b.day);
  let received = known.reduce((sum, a) => sum + a.units, 0) - Math.max(0, inbound);
  const out: DayArrival[] = [];
  for (const a of known) {
    const off = Math.min(a.units, Math.max(0, received));
    received -= off;
    if (a.units > off) out.push({ ...a, units: a.units - off });
  }
  return out;
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
export interface StockGroup {
  id: string;
  productId: string;
  poolId: string;
  members: ListingFacts[];
}

/**
 * Observations grouped by listing key, in their order.
 * @example observationsByListing([a1, b1, a2]).get('amazon|amazon.com|A') // [a1, a2]
 */
export function observationsByListing(observations: readonly Observation[]): Map<string, Observation[]> {
  const byListing = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = listingKey(o);
    let list = byListing.get(key);
    if (!list) byListing.set(key, (list = []));
    list.push(o);
  }
  return byListing;
}

/**
 * Today in a marketplace's time zone (ISO date): the day a listing's facts are as of.
 * @example marketplaceToday(new Date('2026-12-05T03:00:00Z'), 'amazon.com') // '2026-12-04'
 */
export function marketplaceToday(now: Date, marketplace: string): string {
  return isoDateInZone(now, marketplaceById(marketplace)?.timeZone ?? 'UTC');
}

/**
 * The newest facts of every listing in the observations, and of those given whole in
 * `extras.knownFacts` (a listing in both is read from its observations), in key order.
 */
export function listingFactsOf(observations: readonly Observation[], settings: Settings, now: Date, extras: PlanExtras): ListingFacts[] {
  return listingFactsOfGroups(observationsByListing(observations), settings, now, extras);
}

/**
 * listingFactsOf of observations already grouped by listing (as observationsByListing groups them).
 * @example listingFactsOfGroups(observationsByListing(observations), settings, now, extras)
 */
export function listingFactsOfGroups(
  byListing: ReadonlyMap<string, readonly Observation[]>,
  settings: Settings,
  now: Date,
  extras: PlanExtras,
): ListingFacts[] {
  const calibrationsOf = new Map<string, Calibration[]>();
  for (const c of extras.calibrations ?? []) {
    let list = calibrationsOf.get(c.listingKey);
    if (!list) calibrationsOf.set(c.listingKey, (list = []));
    list.push(c);
  }
  const facts: ListingFacts[] = [];
  for (const [key, list] of byListing) {
    facts.push(
      latestFacts(
        key,
        list,
        marketplaceToday(now, list[0]!.marketplace),
        settings,
        calibrationsOf.get(key) ?? [],
        extras.demandOf?.[key],
        extras.orderImportSpans,
        extras.inboundArrivals?.[key],
      ),
    );
  }
  for (const [key, known] of Object.entries(extras.knownFacts ?? {})) if (!byListing.has(key)) facts.push(known);
  return facts.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Listings grouped by physical stock: product x pool. */
export function stockGroupsOf(facts: readonly ListingFacts[], extras: PlanExtras): StockGroup[] {
  const groups = new Map<string, StockGroup>();
  for (const f of facts) {
    // Without the store's products (the plan CLI), a SKU is one product per seller account.
    const account = accountOfKey(f.key);
    const productId = extras.productOf?.[f.key] ?? withAccount(f.sku, account);
    const poolId = extras.poolOf?.[f.key] ?? defaultPoolId(f.platform, f.marketplace, f.fulfillment, account);
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
export function stockInput(g: StockGroup, settings: Settings, extras: PlanExtras): PlanInput {
  const { members } = g;
  const kind = poolKindOf(g.poolId);
  const single = members.length === 1;
  const count = extras.poolCounts?.[g.id];
  const memberKeys = new Set(members.map((m) => m.key));
  const returns: ReturnEvent[] = (extras.returns ?? [])
    .filter((r) => memberKeys.has(r.listingKey))
    .map((r) => ({ units: r.units, status: r.status, day: dayNumber(r.date), ...(r.at ? { at: r.at } : {}) }));
  const stock = poolStock(
    g.poolId,
    members,
    count ? { onHand: count.onHand, day: dayNumber(count.date), ...(count.at ? { at: count.at } : {}) } : undefined,
    returns,
  );
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
    key: single ? lead.key : `${POOL_PLAN_PREFIX}${g.id}`,
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
    // The channel showing the most units on their way dates them (FBA pages all show the pool's).
    inboundAppeared: members.reduce((best, m) => (m.inbound > best.inbound ? m : best)).inboundAppeared,
    inboundArrivals: members.reduce((best, m) => (m.inbound > best.inbound ? m : best)).inboundArrivals,
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
export function bufferOf(f: ListingFacts, poolAvailable: number | null, settings: Settings): number {
  return poolAvailable === null ? 0 : bufferUnits(poolAvailable, byChannel(settings.safetyBuffers, f.platform, f.marketplace));
}

export function knownAndCensored(units: Float64Array): { knownDays: number; censoredDays: number } {
  let knownDays = 0;
  let censoredDays = 0;
  for (let i = 0; i < units.length; i++) {
    if (units[i] === units[i]) knownDays++;
    else if (knownDays > 0) censoredDays++;
  }
  return { knownDays, censoredDays };
}

const nanToZero = (x: number) => (x === x ? x : 0);

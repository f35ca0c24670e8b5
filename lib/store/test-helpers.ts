/**
 * Shared by the store's tests: fresh fake-indexeddb stores and reading builders.
 * (Not exported from index.ts.)
 */
import 'fake-indexeddb/auto';
import { expect } from 'vitest';
import type { ListingObservation, OrderObservation } from '../records';
import type { SkuPlan } from '../planning/types';
import { searchTables, openStore, type StoreDb } from './db';
import { readAllListings, readListings, updateSearchEntries, writeListings } from './listing-store';
import { readAllObservations } from './observation-store';
import { indexRowOf, noPlanFields, planFieldsOf, type ListingPlanFields, type ListingRow } from './tables/listings';
import type { ObservationRow } from './tables/observations';
import { entriesOf, NO_PLAN_SHOWN, type SearchEntry, type ShownPlan } from './tables/searchChunks';
import { historyDigestOf } from './history-digest';
import { HISTORY_DIGEST_DATE, HISTORY_READINGS_DATE, withDemand, type HistoryDigestRow } from './tables/dailyDemand';

let seq = 0;
const opened: StoreDb[] = [];

export async function freshStore(prefix = 'store-test'): Promise<StoreDb> {
  const db = await openStore(`${prefix}-${++seq}-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  return db;
}

/** Call from afterEach: closes and deletes every store this file opened. */
export async function dropStores(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
}

export function listingObs(sku: string, at: string, fields: Partial<ListingObservation> = {}): ListingObservation {
  return {
    kind: 'listing',
    platform: 'amazon',
    marketplace: 'amazon.com',
    source: 'amazon/manage-inventory',
    observedAt: at,
    observedDate: at.slice(0, 10),
    sku,
    ...fields,
  };
}

export function orderObs(orderId: string, status: OrderObservation['status'], at: string, fields: Partial<OrderObservation> = {}): OrderObservation {
  return {
    kind: 'order',
    platform: 'amazon',
    marketplace: 'amazon.com',
    source: 'amazon/orders',
    observedAt: at,
    observedDate: at.slice(0, 10),
    orderId,
    sku: 'MUG-1',
    quantity: 1,
    status,
    orderDate: at.slice(0, 10),
    ...fields,
  };
}

export function skuPlan(key: string, fields: Partial<SkuPlan> = {}): SkuPlan {
  const [platform = null, marketplace = null, sku = key] = key.split('|');
  return {
    key,
    scope: 'listing',
    sku,
    platform,
    marketplace,
    listingKeys: [key],
    productId: `p:${key}`,
    poolId: 'fba:NA',
    asOf: '2024-05-10',
    available: 10,
    stock: { source: 'reading', heldReturns: 0, hint: null },
    inbound: 0,
    pendingUnits: 0,
    daysOfCover: 10,
    stockoutDate: null,
    inboundArrivalDate: null,
    stockoutDateWithInbound: null,
    reorderDate: null,
    reorderDaysLate: 0,
    reorderQuantity: 0,
    reorderPoint: 0,
    safetyStock: 0,
    leadTimeDays: 30,
    forecast: { model: 'ma28', meanDaily: 1, horizonDays: 90, p50: 90, p90: 100, historyDays: 30, censoredDays: 0 },
    healthScore: 100,
    healthReasons: [],
    lifecycleStage: 'maturity',
    abcClass: null,
    clearance: null,
    storage: null,
    alerts: [],
    oversell: { pendingAboveStock: 0, listedAbovePool: 0, atRisk: false, allocation: {} },
    channel: null,
    computedAt: '2024-05-10T12:00:00.000Z',
    ...fields,
  };
}

/** Every full listing row, in key order (they are stored in chunks). */
export function allListings(db: StoreDb): Promise<ListingRow[]> {
  return readAllListings(db);
}

/** One full listing row. */
export async function listingOf(db: StoreDb, key: string): Promise<ListingRow | undefined> {
  return (await readListings(db, [key]))[0];
}

/** Every history row, in id order (they are stored in chunks). */
export async function allObservations(db: StoreDb): Promise<ObservationRow[]> {
  return (await readAllObservations(db)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Every listing's search entry, text and shown plan joined (tables/searchChunks.ts entriesOf), in group order.
 * @example (await allSearchEntries(db)).map((e) => e.urgency)
 */
export async function allSearchEntries(db: StoreDb): Promise<SearchEntry[]> {
  const [texts, shown] = await Promise.all([db.searchChunks.toArray(), db.shownChunks.toArray()]);
  const shownOf = new Map(shown.map((c) => [c.group, c]));
  return texts.flatMap((text) => entriesOf(text, shownOf.get(text.group)));
}

/**
 * Stores full listing rows as they are (chunks and indexed rows), bypassing the merge; a plan
 * key given with a row goes onto its indexed row, a sort key and risk tags into its search
 * entry, where savePlans puts them.
 */
export function putListings(db: StoreDb, rows: readonly (ListingRow & ListingPlanFields & Partial<ShownPlan>)[]): Promise<void> {
  return db.transaction('rw', [db.listings, db.listingChunks, ...searchTables(db)], async () => {
    await writeListings(db, rows);
    const planned = rows.map((r) => indexRowOf(r, { ...noPlanFields(), ...planFieldsOf(r) }));
    await db.listings.bulkPut(planned);
    await updateSearchEntries(
      db,
      rows.map((r, i) => {
        const shown: ShownPlan = { urgency: r.urgency ?? NO_PLAN_SHOWN.urgency, ...(r.riskTypes ? { riskTypes: r.riskTypes } : {}) };
        return { listing: planned[i]!, shown };
      }),
    );
  });
}

/**
 * Whether every listing's stored digest and readings record say what its history record holds
 * now (no history record: an empty digest, no readings record, or none at all). The cached
 * demand a digest carries is the cache's, left out here.
 */
export async function expectDigestsInStep(db: StoreDb, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    const [history, digest, readings] = await Promise.all([
      db.listingHistory.get(key),
      db.dailyDemand.get([key, HISTORY_DIGEST_DATE]),
      db.dailyDemand.get([key, HISTORY_READINGS_DATE]),
    ]);
    const stored = { digest: digest && withDemand(digest as HistoryDigestRow, undefined), ...(readings ? { readings } : {}) };
    if (!history && !digest && !readings) continue;
    expect(stored, key).toEqual(historyDigestOf(key, history?.rows ?? []));
  }
}

/**
 * The channels the store's sequence properties read pages from: an FBA stock of its own, and two
 * channels drawing on the seller's own warehouse (one pool).
 */
export const SEQUENCE_MARKETS = [
  { platform: 'amazon', marketplace: 'amazon.com', fulfillment: 'FBA', source: 'amazon/fba-inventory' },
  { platform: 'ebay', marketplace: 'ebay.com', fulfillment: 'SELLER', source: 'ebay/active-listings' },
  { platform: 'walmart', marketplace: 'walmart.com', fulfillment: 'SELLER', source: 'walmart/items' },
] as const;

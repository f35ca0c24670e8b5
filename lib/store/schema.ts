/**
 * Every schema version the store has shipped, oldest first. A released version is never
 * edited: changes go into a new version with an upgrade function, plus a fixture database
 * (tests/fixtures/db/v<N>.json) that the migration test upgrades to the current version.
 *
 * v1: products, listings, observations, orders, dailyDemand, calibrations, settings, plans.
 * v2: stock pools and returns; listings gain their pool, the at-risk sort key and risk types
 *     (denormalised from plans so the popup query is one index walk); observation rows gain
 *     lastSeenAt. The upgrade back-fills all of them from what v1 stored.
 */
import type { Dexie, Transaction } from 'dexie';
import { poolIdFor, poolRowFor } from './tables/stockPools';
import { urgencyOf, type ListingRow } from './tables/listings';
import type { PlanRow } from './tables/plans';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs; null deletes a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      products: 'id',
      listings: 'key, productId, sku, gtinKey, asin, [platform+marketplace]',
      observations: 'id, [listingKey+observedAt], observedAt',
      orders: 'key, [listingKey+orderDate], orderDate',
      dailyDemand: '[key+date], date',
      calibrations: '++id, listingKey, at',
      settings: 'id',
      plans: 'key, *listingKeys',
    },
  },
  {
    version: 2,
    stores: {
      listings: 'key, productId, sku, gtinKey, asin, [platform+marketplace], poolId, urgency, *riskTypes',
      stockPools: 'id, channel',
      returns: '++id, listingKey, status',
    },
    upgrade: upgradeToV2,
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Declares versions 1..upTo on a Dexie instance (the fixture loader stops at older versions). */
export function declareSchema(db: Dexie, upTo: number = CURRENT_SCHEMA_VERSION): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

/** v1 -> v2: give every listing its pool (creating the pool rows), sort key and risk types; stamp lastSeenAt. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const plans = (await tx.table('plans').toArray()) as PlanRow[];
  const planOf = new Map<string, PlanRow>();
  for (const p of plans) {
    for (const k of p.listingKeys) {
      const had = planOf.get(k);
      // A listing's own plan beats the pooled one (same rule as savePlans).
      if (!had || (p.scope === 'listing' && had.scope !== 'listing')) planOf.set(k, p);
    }
  }
  const poolIds = new Set<string>();
  await tx.table('listings').toCollection().modify((row: ListingRow) => {
    row.poolRule = 'auto';
    const poolId = poolIdFor(row.platform, row.marketplace, row.fulfillment);
    if (poolId) {
      row.poolId = poolId;
      poolIds.add(poolId);
    }
    const plan = planOf.get(row.key);
    if (plan) {
      row.planKey = plan.key;
      row.daysOfCover = plan.daysOfCover;
      row.riskTypes = plan.riskTypes;
    }
    row.urgency = urgencyOf(row);
  });
  await tx.table('stockPools').bulkPut([...poolIds].map(poolRowFor));
  await tx.table('observations').toCollection().modify((row: { observedAt: string; lastSeenAt?: string }) => {
    row.lastSeenAt ??= row.observedAt;
  });
}

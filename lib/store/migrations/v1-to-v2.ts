/**
 * Schema v1 -> v2: stock pools and returns; listings gain their pool, the at-risk sort key and
 * risk types (denormalised from plans); observation rows gain lastSeenAt.
 *
 * FROZEN: never edit this file. It defines how a v1 database upgrades, for as long as a seller
 * may still have one. The helpers below are copies of the live code (tables/stockPools.ts
 * `poolIdFor`, `poolRowFor`, `amazonRegion`) as it stood when the upgrade moved into this
 * folder (after commit 2760698): a later change to the live helpers must not change what this
 * upgrade writes. A change to the stored
 * data goes into a new schema version with its own upgrade file.
 * Imports: type-only, dexie, or other frozen code in this folder (migrations-frozen.test.ts).
 */
import type { Transaction } from 'dexie';
import type { FulfillmentChannel, Platform } from '../../records';
import type { ListingRow } from './listing-row-types';
import type { PlanRow } from '../tables/plans';
import type { StockPoolRow } from '../tables/stockPools';
import { urgencyOf } from './frozen-sort-key';

/** v1 -> v2: give every listing its pool (creating the pool rows), sort key and risk types; stamp lastSeenAt. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
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
  await tx
    .table('listings')
    .toCollection()
    .modify((row: ListingRow) => {
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
  await tx
    .table('observations')
    .toCollection()
    .modify((row: { observedAt: string; lastSeenAt?: string }) => {
      row.lastSeenAt ??= row.observedAt;
    });
}

// ---------------------------------------------------------------------------------------------
// Frozen copies of tables/stockPools.ts (as of commit 2760698)
// ---------------------------------------------------------------------------------------------

type AmazonRegion = 'NA' | 'EU' | 'FE';

const OWN_WAREHOUSE_POOL = 'own:main';

const NA = new Set(['amazon.com', 'amazon.ca', 'amazon.com.mx', 'amazon.com.br']);
const FE = new Set(['amazon.co.jp', 'amazon.com.au', 'amazon.sg']);

function amazonRegion(marketplace: string): AmazonRegion {
  if (NA.has(marketplace)) return 'NA';
  if (FE.has(marketplace)) return 'FE';
  return 'EU';
}

/** The pool a listing draws from, by how it is fulfilled; undefined while the channel is unknown. */
function poolIdFor(platform: Platform, marketplace: string, fulfillment: FulfillmentChannel | undefined): string | undefined {
  const channel = fulfillment ?? (platform === 'ebay' ? 'SELLER' : undefined);
  if (channel === 'FBA') return `fba:${amazonRegion(marketplace)}`;
  if (channel === 'WFS') return `wfs:${marketplace}`;
  if (channel === 'SELLER') return OWN_WAREHOUSE_POOL;
  return undefined;
}

/** The row describing a pool id made by poolIdFor. */
function poolRowFor(id: string): StockPoolRow {
  const [kind, rest = ''] = id.split(':', 2) as [string, string | undefined];
  if (kind === 'fba') {
    const region = (['NA', 'EU', 'FE'] as const).find((r) => r === rest) ?? 'NA';
    const names = { NA: 'North America', EU: 'Europe', FE: 'Far East' } as const;
    return { id, channel: 'FBA', region, name: `FBA ${names[region]}` };
  }
  if (kind === 'wfs') return { id, channel: 'WFS', marketplace: rest, name: `WFS ${rest}` };
  return { id, channel: 'SELLER', name: id === OWN_WAREHOUSE_POOL ? 'Own warehouse' : `Warehouse ${rest}` };
}

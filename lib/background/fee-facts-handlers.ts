/**
 * The fee facts the readings show per SKU (size tier, shipping weight, unit volume: Fee Preview,
 * Manage FBA Inventory, the inventory planning report), for the options page's SKU editor: it
 * shows each under the seller's field, which wins when filled (lib/import/fee-facts.ts).
 */
import type { Handlers } from '../messaging/rpc';
import type { Observation } from '../records';
import { feeFactsOf, newestFeeFacts } from '../import/fee-facts';
import { groupOf, listListings, readObservationsOf, type StoreDb } from '../store';
import type { BackgroundDeps } from './deps';

export function createFeeFactsHandlers(deps: BackgroundDeps): Pick<Handlers, 'fee-facts/read'> {
  return {
    // Asked on demand by the options page only: the whole history is read, one listing group at a time.
    async 'fee-facts/read'() {
      return { facts: newestFeeFacts(await readingsWithFeeFacts(deps.db)) };
    },
  };
}

/**
 * The readings that carry a size tier, weight or volume (a report's few among a page's many),
 * read one listing group at a time: a group's listings share their day chunks, and a store of a
 * million readings never sits in memory whole.
 */
async function readingsWithFeeFacts(db: StoreDb): Promise<Observation[]> {
  const byGroup = new Map<number, string[]>();
  for (const { key } of await listListings(db)) {
    const keys = byGroup.get(groupOf(key));
    if (keys) keys.push(key);
    else byGroup.set(groupOf(key), [key]);
  }
  const found: Observation[] = [];
  for (const keys of byGroup.values()) {
    for (const row of await readObservationsOf(db, keys)) if (feeFactsOf(row.record)) found.push(row.record);
  }
  return found;
}

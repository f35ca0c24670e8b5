/**
 * Handlers of the expected arrivals of inbound units (lib/messaging/protocol-inbound.ts): the
 * listings with units on the way as their cached plans show them, and the seller's own arrival
 * date for one of them, which re-plans its product (the date moves its cover and stockout).
 */
import { arrivalsByListing } from '../inbound/arrivals';
import type { InboundRow } from '../messaging/protocol-inbound';
import type { Handlers } from '../messaging/rpc';
import type { SkuPlan } from '../planning/types';
import { loadInboundArrivals, saveInboundArrival, type StoreDb } from '../store';
import type { BackgroundDeps } from './deps';

/**
 * One line per listing plan with units on the way, the soonest stockout first (none last).
 * @example inboundRows([plan], {})[0].plannedArrival // '2026-12-20'
 */
function inboundRows(plans: readonly SkuPlan[], entered: Readonly<Record<string, { date: string }>>): InboundRow[] {
  return plans
    .filter((p) => p.scope === 'listing' && p.inbound > 0)
    .map((p) => ({
      listingKey: p.key,
      sku: p.sku,
      marketplace: p.marketplace,
      inbound: p.inbound,
      plannedArrival: p.inboundArrivalDate,
      enteredArrival: entered[p.key]?.date ?? null,
      stockoutDate: p.stockoutDate,
      stockoutDateWithInbound: p.stockoutDateWithInbound,
    }))
    .sort((a, b) => (a.stockoutDate ?? '9999').localeCompare(b.stockoutDate ?? '9999') || a.listingKey.localeCompare(b.listingKey));
}

async function listRows(db: StoreDb): Promise<{ rows: InboundRow[] }> {
  const [plans, arrivals] = await Promise.all([db.plans.toArray(), loadInboundArrivals(db)]);
  return {
    rows: inboundRows(
      plans.map((r) => r.plan),
      arrivalsByListing(arrivals),
    ),
  };
}

export function createInboundHandlers(deps: BackgroundDeps): Pick<Handlers, 'inbound/list' | 'inbound/set-arrival'> {
  const { db } = deps;
  return {
    async 'inbound/list'() {
      return listRows(db);
    },
    async 'inbound/set-arrival'({ listingKey, date }) {
      const row = await db.plans.get(listingKey);
      if (!row || row.plan.inbound <= 0) throw new Error(`no units on the way for ${listingKey}`);
      await saveInboundArrival(db, listingKey, date, row.plan.inbound, deps.now());
      await deps.replan(row.plan.productId ? [row.plan.productId] : undefined);
      deps.afterChange?.();
      return listRows(db);
    },
  };
}

/**
 * Handlers of the expected arrivals of inbound units (lib/messaging/protocol-inbound.ts): the
 * listings with units on the way as their cached plans show them, the seller's own arrival date
 * for one of them or the shipment of Amazon's Shipments page that holds them, which re-plans its
 * product (the date moves its cover and stockout), and the shipments a Shipments page showed.
 */
import { arrivalDateOf, type InboundArrival } from '../inbound/arrivals';
import { shipmentEta, shipmentKey, type InboundShipment } from '../inbound/shipments';
import { marketplaceForUrl } from '../locale/markets';
import type { InboundRow } from '../messaging/protocol-inbound';
import type { Handlers } from '../messaging/rpc';
import type { SkuPlan } from '../planning/types';
import { loadInboundArrivals, loadInboundShipments, saveInboundArrival, saveInboundShipments, type StoreDb } from '../store';
import type { BackgroundDeps } from './deps';

/**
 * One line per listing plan with units on the way, the soonest stockout first (none last).
 * @example inboundRows([plan], new Map())[0].plannedArrival // '2026-12-20'
 */
function inboundRows(plans: readonly SkuPlan[], entered: ReadonlyMap<string, { date: string; shipmentId: string | null }>): InboundRow[] {
  return plans
    .filter((p) => p.scope === 'listing' && p.inbound > 0)
    .map((p) => ({
      listingKey: p.key,
      sku: p.sku,
      marketplace: p.marketplace,
      inbound: p.inbound,
      plannedArrival: p.inboundArrivalDate,
      enteredArrival: entered.get(p.key)?.date ?? null,
      shipmentId: entered.get(p.key)?.shipmentId ?? null,
      stockoutDate: p.stockoutDate,
      stockoutDateWithInbound: p.stockoutDateWithInbound,
    }))
    .sort((a, b) => (a.stockoutDate ?? '9999').localeCompare(b.stockoutDate ?? '9999') || a.listingKey.localeCompare(b.listingKey));
}

/** Each arrival's date as the plan takes it (a tied shipment's newest estimate), by listing. */
function enteredOf(arrivals: readonly InboundArrival[], shipments: readonly InboundShipment[]): Map<string, { date: string; shipmentId: string | null }> {
  return new Map(arrivals.map((a) => [a.listingKey, { date: arrivalDateOf(a, shipments), shipmentId: a.shipmentId ?? null }]));
}

async function listRows(db: StoreDb): Promise<{ rows: InboundRow[]; shipments: InboundShipment[] }> {
  const [plans, arrivals, shipments] = await Promise.all([db.plans.toArray(), loadInboundArrivals(db), loadInboundShipments(db)]);
  return {
    rows: inboundRows(
      plans.map((r) => r.plan),
      enteredOf(arrivals, shipments),
    ),
    // Newest read first: the shipments on the way now, not last year's.
    shipments: [...shipments].reverse(),
  };
}

/**
 * The date a listing's units are tied to: the shipment's estimated arrival (the shipment must be
 * one of the listing's marketplace with a date), else the date the seller typed.
 */
async function tiedDate(db: StoreDb, listingKey: string, date: string | null, shipmentId: string): Promise<string> {
  const marketplace = listingKey.split('|')[1];
  const shipment = (await loadInboundShipments(db)).find((s) => s.shipmentId === shipmentId && s.marketplace === marketplace);
  if (!shipment) throw new Error(`no shipment ${shipmentId} on ${marketplace ?? '?'}: open its Shipments page first`);
  const eta = shipmentEta(shipment) ?? date;
  if (eta === null) throw new Error(`shipment ${shipmentId} shows no estimated arrival: enter the date`);
  return eta;
}

/**
 * Stores a Shipments page's shipments under the page's marketplace and re-plans the products
 * whose units are tied to a shipment whose estimated arrival changed.
 */
async function readShipments(deps: BackgroundDeps, shipments: Parameters<typeof saveInboundShipments>[1], url: string | undefined) {
  const { db } = deps;
  const market = marketplaceForUrl(url ?? '');
  if (!market || market.platform !== 'amazon') return { stored: 0, replanned: 0 };
  const { before, after } = await saveInboundShipments(db, shipments, market.id, deps.now());
  const etaBefore = new Map(before.map((s) => [shipmentKey(s), shipmentEta(s)]));
  const moved = new Set(after.filter((s) => s.marketplace === market.id && etaBefore.get(shipmentKey(s)) !== shipmentEta(s)).map((s) => s.shipmentId));
  const tied = (await loadInboundArrivals(db)).filter((a) => a.shipmentId !== undefined && moved.has(a.shipmentId) && a.listingKey.split('|')[1] === market.id);
  const products = new Set<string>();
  for (const row of await db.plans.bulkGet(tied.map((a) => a.listingKey))) if (row?.plan.productId) products.add(row.plan.productId);
  if (products.size > 0) {
    await deps.replan([...products]);
    deps.afterChange?.();
  }
  return { stored: shipments.length, replanned: products.size };
}

export function createInboundHandlers(deps: BackgroundDeps): Pick<Handlers, 'inbound/list' | 'inbound/set-arrival' | 'inbound/shipments-read'> {
  const { db } = deps;
  return {
    async 'inbound/list'() {
      return listRows(db);
    },
    async 'inbound/set-arrival'({ listingKey, date, shipmentId }) {
      const row = await db.plans.get(listingKey);
      if (!row || row.plan.inbound <= 0) throw new Error(`no units on the way for ${listingKey}`);
      const day = shipmentId ? await tiedDate(db, listingKey, date, shipmentId) : date;
      await saveInboundArrival(db, listingKey, day, row.plan.inbound, deps.now(), shipmentId);
      await deps.replan(row.plan.productId ? [row.plan.productId] : undefined);
      deps.afterChange?.();
      return listRows(db);
    },
    'inbound/shipments-read': ({ shipments }, sender) => readShipments(deps, shipments, sender.url),
  };
}

/**
 * Handlers of the expected arrivals of inbound units (lib/messaging/protocol-inbound.ts): the
 * listings with units on the way as their cached plans show them with each one's arrivals, the
 * seller's own arrival date for one of them or a shipment that holds them, which re-plans its
 * product (the dates move its cover and stockout), and the shipments a Shipments page or a
 * shipment's contents page showed.
 */
import { listingArrivals, listingKeyParts, type InboundArrival } from '../inbound/arrivals';
import { shipmentEta, shipmentKey, type InboundShipment } from '../inbound/shipments';
import { marketplaceForUrl } from '../locale/markets';
import type { InboundRow } from '../messaging/protocol-inbound';
import type { Handlers } from '../messaging/rpc';
import type { SkuPlan } from '../planning/types';
import { loadInboundArrivals, loadInboundShipments, saveInboundArrival, saveInboundShipments, type StoreDb } from '../store';
import type { BackgroundDeps } from './deps';

/** Most arrivals a row lists (the protocol's bound). */
const MAX_ROW_ARRIVALS = 50;

/**
 * One line per listing plan with units on the way, the soonest stockout first (none last), with
 * the listing's arrivals: the seller's typed date or shipments, and those its SKU is in.
 * @example inboundRows([plan], [], [])[0].plannedArrival // '2026-12-20'
 */
function inboundRows(plans: readonly SkuPlan[], arrivals: readonly InboundArrival[], shipments: readonly InboundShipment[]): InboundRow[] {
  return plans
    .filter((p) => p.scope === 'listing' && p.inbound > 0)
    .map((p) => {
      const own = listingArrivals(p.key, arrivals, shipments);
      const typed = own.find((a) => a.source === 'typed');
      return {
        listingKey: p.key,
        sku: p.sku,
        marketplace: p.marketplace,
        inbound: p.inbound,
        plannedArrival: p.inboundArrivalDate,
        enteredArrival: typed?.date ?? own.find((a) => a.source === 'tied')?.date ?? null,
        shipmentId: arrivals.filter((a) => a.listingKey === p.key && a.shipmentId !== undefined).at(-1)?.shipmentId ?? null,
        arrivals: own.slice(0, MAX_ROW_ARRIVALS),
        stockoutDate: p.stockoutDate,
        stockoutDateWithInbound: p.stockoutDateWithInbound,
      };
    })
    .sort((a, b) => (a.stockoutDate ?? '9999').localeCompare(b.stockoutDate ?? '9999') || a.listingKey.localeCompare(b.listingKey));
}

async function listRows(db: StoreDb): Promise<{ rows: InboundRow[]; shipments: InboundShipment[] }> {
  const [plans, arrivals, shipments] = await Promise.all([db.plans.toArray(), loadInboundArrivals(db), loadInboundShipments(db)]);
  return {
    rows: inboundRows(
      plans.map((r) => r.plan),
      arrivals,
      shipments,
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
 * The units a hand-made tie dates: the listing's inbound less what its other shipments already
 * date (units split across shipments), all of it when they date it all already.
 */
async function tiedUnits(db: StoreDb, listingKey: string, inbound: number, shipmentId: string): Promise<number> {
  const others = listingArrivals(listingKey, await loadInboundArrivals(db), await loadInboundShipments(db)).filter(
    (a) => a.source !== 'typed' && a.shipmentId !== shipmentId,
  );
  const rest = inbound - others.reduce((sum, a) => sum + a.units, 0);
  return rest > 0 ? rest : inbound;
}

/** What of a shipment dates listings' units: its estimated arrival and its contents. */
const datingOf = (s: InboundShipment | undefined) => JSON.stringify(s ? [shipmentEta(s), s.status, s.items ?? null] : null);

/**
 * Stores a Shipments or shipment contents page's shipments under the page's marketplace and
 * re-plans the products with units in a shipment whose estimated arrival or contents changed
 * (tied by hand, or listed in its contents before or now).
 */
async function readShipments(deps: BackgroundDeps, shipments: Parameters<typeof saveInboundShipments>[1], url: string | undefined) {
  const { db } = deps;
  const market = marketplaceForUrl(url ?? '');
  if (!market || market.platform !== 'amazon') return { stored: 0, replanned: 0 };
  const { before, after } = await saveInboundShipments(db, shipments, market.id, deps.now());
  const beforeByKey = new Map(before.map((s) => [shipmentKey(s), s]));
  const changed = after.filter((s) => s.marketplace === market.id && datingOf(beforeByKey.get(shipmentKey(s))) !== datingOf(s));
  const moved = new Set(changed.map((s) => s.shipmentId));
  const tied = new Set((await loadInboundArrivals(db)).filter((a) => a.shipmentId !== undefined && moved.has(a.shipmentId)).map((a) => a.listingKey));
  const skus = new Set(changed.flatMap((s) => [...(s.items ?? []), ...(beforeByKey.get(shipmentKey(s))?.items ?? [])].map((i) => i.sku)));
  const holds = (key: string) => {
    const { platform, marketplace, sku } = listingKeyParts(key);
    return platform === 'amazon' && marketplace === market.id && (tied.has(key) || skus.has(sku));
  };
  const products = new Set<string>();
  if (moved.size > 0) await db.plans.each((row) => void (row.plan.productId && row.plan.listingKeys.some(holds) && products.add(row.plan.productId)));
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
      const units = shipmentId ? await tiedUnits(db, listingKey, row.plan.inbound, shipmentId) : row.plan.inbound;
      await saveInboundArrival(db, listingKey, day, units, deps.now(), shipmentId);
      await deps.replan(row.plan.productId ? [row.plan.productId] : undefined);
      deps.afterChange?.();
      return listRows(db);
    },
    'inbound/shipments-read': ({ shipments }, sender) => readShipments(deps, shipments, sender.url),
  };
}

/**
 * Handlers of the expected arrivals of inbound units (lib/messaging/protocol-inbound.ts): the
 * listings with units on the way as their cached plans show them with each one's arrivals, the
 * seller's own arrival date for one of them or a shipment that holds them, which re-plans its
 * product (the dates move its cover and stockout), and the shipments a Shipments page or a
 * shipment's contents page showed.
 */
import { listingArrivals, type InboundArrival } from '../inbound/arrivals';
import { shipmentAccount, shipmentEta, shipmentKey, type InboundShipment, type ShipmentReading } from '../inbound/shipments';
import { marketplaceForUrl } from '../locale/markets';
import { unplannedPanel, type PanelData, type ParsedRequestOf } from '../messaging/protocol';
import type { InboundRow } from '../messaging/protocol-inbound';
import { refusalMessage } from '../messaging/refusals';
import { accountOfKey, listingKeyParts, withAccount } from '../records';
import type { Handlers } from '../messaging/rpc';
import type { SkuPlan } from '../planning/types';
import { loadInboundArrivals, loadInboundShipments, saveInboundArrival, saveInboundShipments, type StoreDb } from '../store';
import type { BackgroundDeps } from './deps';
import { pageAccount, panelsOf } from './page-handlers';

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
  const { marketplace } = listingKeyParts(listingKey);
  const shipment = (await loadInboundShipments(db)).find((s) => s.shipmentId === shipmentId && s.marketplace === marketplace);
  if (!shipment) throw new Error(refusalMessage('shipment-missing', { shipmentId, marketplace }));
  const eta = shipmentEta(shipment) ?? date;
  if (eta === null) throw new Error(refusalMessage('shipment-without-arrival', { shipmentId }));
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

/** What of a shipment dates listings' units: its estimated arrival, its contents and whose they are. */
const datingOf = (s: InboundShipment | undefined) => JSON.stringify(s ? [shipmentEta(s), s.status, s.items ?? null, shipmentAccount(s)] : null);

/**
 * The products to re-plan after a page's shipments of `marketplace` were stored: those with
 * units in a shipment whose estimated arrival, contents or account changed, tied by hand
 * (any account: the seller's word), or listed in its contents before or now (that shipment's
 * account's listing only).
 */
async function productsToReplan(db: StoreDb, before: readonly InboundShipment[], after: readonly InboundShipment[], marketplace: string): Promise<string[]> {
  const beforeByKey = new Map(before.map((s) => [shipmentKey(s), s]));
  const changed = after.filter((s) => s.marketplace === marketplace && datingOf(beforeByKey.get(shipmentKey(s))) !== datingOf(s));
  const moved = new Set(changed.map((s) => s.shipmentId));
  if (moved.size === 0) return [];
  const tied = new Set((await loadInboundArrivals(db)).filter((a) => a.shipmentId !== undefined && moved.has(a.shipmentId)).map((a) => a.listingKey));
  const listed = new Set(
    changed.flatMap((s) => [s, beforeByKey.get(shipmentKey(s))]).flatMap((s) => (s?.items ?? []).map((i) => `${shipmentAccount(s!)}|${i.sku}`)),
  );
  const holds = (key: string) => {
    const { platform, marketplace: market, sku } = listingKeyParts(key);
    return platform === 'amazon' && market === marketplace && (tied.has(key) || listed.has(`${accountOfKey(key)}|${sku}`));
  };
  const products = new Set<string>();
  await db.plans.each((row) => void (row.plan.productId && row.plan.listingKeys.some(holds) && products.add(row.plan.productId)));
  return [...products];
}

/**
 * The panels of the listings a page's shipments list in their contents (each SKU once, in the
 * page's marketplace and account): planned ones from their plans, a SKU not stored as a listing
 * yet as an unplanned panel with the contents' title (inbound units stay inbound: a shipment
 * line is never a stock reading).
 */
async function contentsPanels(db: StoreDb, shipments: readonly ShipmentReading[], marketplace: string, account: string): Promise<PanelData[]> {
  const items = new Map(shipments.flatMap((s) => s.items ?? []).map((i) => [i.sku, i]));
  const keyOf = (sku: string) => withAccount(`amazon|${marketplace}|${sku}`, account);
  const panels = await panelsOf(db, [...items.keys()].map(keyOf), false);
  const answered = new Set(panels.map((p) => p.sku));
  const unknown = [...items.values()].filter((i) => !answered.has(i.sku));
  return [...panels, ...unknown.map((i) => unplannedPanel({ key: keyOf(i.sku), sku: i.sku, ...(i.title ? { title: i.title } : {}) }))];
}

/**
 * Stores a Shipments or shipment contents page's shipments under the page's marketplace and the
 * seller account it shows (else the one last seen on its host, as a page's readings:
 * page-handlers.ts pageAccount, which notes the diagnostic), re-plans the products whose units
 * they date (productsToReplan), and answers the panels of the SKUs their contents list.
 */
async function readShipments(deps: BackgroundDeps, request: ParsedRequestOf<'inbound/shipments-read'>, url: string | undefined) {
  const { db } = deps;
  const market = marketplaceForUrl(url ?? '');
  if (!market || market.platform !== 'amazon') return { stored: 0, replanned: 0, panels: [] };
  const { account } = await pageAccount(deps, url, request.account, []);
  const { before, after } = await saveInboundShipments(db, request.shipments, market.id, deps.now(), account);
  const products = await productsToReplan(db, before, after, market.id);
  if (products.length > 0) {
    await deps.replan(products);
    deps.afterChange?.();
  }
  return { stored: request.shipments.length, replanned: products.length, panels: await contentsPanels(db, request.shipments, market.id, account) };
}

export function createInboundHandlers(deps: BackgroundDeps): Pick<Handlers, 'inbound/list' | 'inbound/set-arrival' | 'inbound/shipments-read'> {
  const { db } = deps;
  return {
    async 'inbound/list'() {
      return listRows(db);
    },
    async 'inbound/set-arrival'({ listingKey, date, shipmentId }) {
      const row = await db.plans.get(listingKey);
      if (!row || row.plan.inbound <= 0) throw new Error(refusalMessage('nothing-inbound', listingKeyParts(listingKey)));
      const day = shipmentId ? await tiedDate(db, listingKey, date, shipmentId) : date;
      const units = shipmentId ? await tiedUnits(db, listingKey, row.plan.inbound, shipmentId) : row.plan.inbound;
      await saveInboundArrival(db, listingKey, day, units, deps.now(), shipmentId);
      await deps.replan(row.plan.productId ? [row.plan.productId] : undefined);
      deps.afterChange?.();
      return listRows(db);
    },
    'inbound/shipments-read': (request, sender) => readShipments(deps, request, sender.url),
  };
}

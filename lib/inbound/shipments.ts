/**
 * Inbound shipments as Amazon's Shipments page lists them (Send to Amazon / Shipping queue,
 * lib/platforms/amazon/shipments.ts): one row per shipment, not per SKU, with its status,
 * units expected and located, and, where the page shows one, the estimated arrival or delivery
 * window. The list does not say which SKUs a shipment holds: each shipment's own contents page
 * (lib/platforms/amazon/shipment-contents.ts) does, and its `items` then tie the units of each
 * SKU to the shipment by themselves; without them the seller ties a listing's inbound to a
 * shipment by hand (options page, "Inbound arrivals": lib/inbound/arrivals.ts). Kept in their
 * own settings row (lib/store/inbound-shipments-store.ts): backed up, no schema version.
 */
import { z } from 'zod';
import { accountIdSchema, DEFAULT_ACCOUNT, isoDateSchema, isoDateTimeSchema } from '../records';

/** Most shipments kept (the newest read; a hostile page cannot fill the store). */
export const MAX_INBOUND_SHIPMENTS = 500;

/**
 * A shipment's state, from the page's status word. `closed` and `cancelled` shipments date
 * nothing any more (their units are in stock, or never coming).
 */
const SHIPMENT_STATUSES = ['working', 'ready', 'shipped', 'in-transit', 'delivered', 'receiving', 'closed', 'cancelled', 'unknown'] as const;
type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Most SKUs kept per shipment (a hostile page cannot fill the store). */
const MAX_SHIPMENT_ITEMS = 300;

/** One SKU of a shipment, as the shipment's contents page lists it. */
const shipmentItemSchema = z.object({
  /** The seller's SKU (MSKU): the units are the listing's of that SKU on the shipment's marketplace. */
  sku: z.string().min(1).max(200),
  fnsku: z.string().max(20).optional(),
  title: z.string().max(200).optional(),
  /** Units shipped (expected at the fulfilment centre). */
  unitsExpected: z.number().int().nonnegative().max(10_000_000),
  /** Units Amazon has received (located) so far: already in the stock on hand, no longer inbound. */
  unitsReceived: z.number().int().nonnegative().max(10_000_000).optional(),
});
export type ShipmentItem = z.infer<typeof shipmentItemSchema>;

/** One shipment as the page showed it (what the content script sends; the background adds where and when). */
export const shipmentReadingSchema = z.object({
  /** Amazon's shipment id, e.g. FBA17XYZ1234 (the key, with the marketplace). */
  shipmentId: z.string().regex(/^[A-Z0-9]{6,20}$/),
  name: z.string().max(200).optional(),
  /** Destination fulfilment centre code (e.g. PHX7). */
  destination: z.string().max(40).optional(),
  status: z.enum(SHIPMENT_STATUSES),
  unitsExpected: z.number().int().nonnegative().max(10_000_000).optional(),
  /** Units Amazon has received so far ("located"). */
  unitsLocated: z.number().int().nonnegative().max(10_000_000).optional(),
  /** The estimated arrival or delivery window the page shows (one day: both the same). */
  arrivalFrom: isoDateSchema.optional(),
  arrivalTo: isoDateSchema.optional(),
  /** The SKUs it holds, when its contents page was read (the list page shows none). */
  items: z.array(shipmentItemSchema).max(MAX_SHIPMENT_ITEMS).optional(),
});
export type ShipmentReading = z.infer<typeof shipmentReadingSchema>;

export const inboundShipmentSchema = shipmentReadingSchema.extend({
  /** The marketplace whose Shipments page showed it (from the page's URL, never from the rows). */
  marketplace: z.string().min(1).max(40),
  /**
   * The seller account it belongs to: the account the page showed, else the one last seen on
   * the page's host (lib/accounts/registry.ts resolveAccount). Absent: the default account
   * (shipments stored before accounts were kept, and the default account's own).
   */
  account: accountIdSchema.optional(),
  readAt: isoDateTimeSchema,
});
export type InboundShipment = z.infer<typeof inboundShipmentSchema>;

/**
 * The seller account a stored shipment belongs to (absent: the default account).
 * @example shipmentAccount({ account: 'amazon-b' }) // 'amazon-b'
 * @example shipmentAccount({}) // 'default'
 */
export const shipmentAccount = (s: Pick<InboundShipment, 'account'>): string => s.account ?? DEFAULT_ACCOUNT;

/**
 * What a Shipments page's shipments hold on their way: how many were read, how many are still
 * open (not closed or cancelled) and their units still to arrive (expected − located; a
 * shipment that shows no units counts none). What the summary bar says on a page without SKU rows.
 * @example shipmentsInbound([{ shipmentId: 'FBA17A', status: 'in-transit', unitsExpected: 300, unitsLocated: 120 }]) // { shipments: 1, open: 1, units: 180 }
 */
export function shipmentsInbound(shipments: readonly Pick<ShipmentReading, 'status' | 'unitsExpected' | 'unitsLocated'>[]): {
  shipments: number;
  open: number;
  units: number;
} {
  const open = shipments.filter((s) => s.status !== 'closed' && s.status !== 'cancelled');
  const units = open.reduce((sum, s) => sum + Math.max(0, (s.unitsExpected ?? 0) - (s.unitsLocated ?? 0)), 0);
  return { shipments: shipments.length, open: open.length, units };
}

export const inboundShipmentsSchema = z.array(inboundShipmentSchema).max(MAX_INBOUND_SHIPMENTS);

const STATUS_WORDS: [ShipmentStatus, RegExp][] = [
  ['cancelled', /cancel|delet|storniert|gelöscht|取消|已删除|キャンセル|削除/],
  ['closed', /closed|complete|abgeschlossen|已关闭|已完成|完了|クローズ/],
  ['receiving', /receiv|checked.?in|check-in|in empfang|eingang|接收|已签入|受領|受付/],
  ['delivered', /deliver|zugestellt|已送达|配達済/],
  ['in-transit', /in transit|transit|unterwegs|运输中|輸送中/],
  ['shipped', /shipped|versandt|已发货|出荷済/],
  ['ready', /ready|bereit|待发货|准备|出荷準備/],
  ['working', /working|draft|in bearbeitung|entwurf|处理中|草稿|作業中/],
];

/**
 * The state a status label means, in English, Chinese, German or Japanese; `unknown` when none.
 * @example shipmentStatusFromText('In transit') // 'in-transit'
 * @example shipmentStatusFromText('Checked-in') // 'receiving'
 */
export function shipmentStatusFromText(text: string): ShipmentStatus {
  const s = text.slice(0, 200).toLowerCase();
  return STATUS_WORDS.find(([, pattern]) => pattern.test(s))?.[0] ?? 'unknown';
}

/**
 * The day a shipment's units are expected in stock: the end of the window the page shows (the
 * units are received after delivery, so the window's last day rather than its first); null when
 * the page shows no date, or the shipment is closed or cancelled.
 * @example shipmentEta({ status: 'in-transit', arrivalFrom: '2026-12-18', arrivalTo: '2026-12-22' }) // '2026-12-22'
 */
export function shipmentEta(shipment: Pick<ShipmentReading, 'status' | 'arrivalFrom' | 'arrivalTo'>): string | null {
  if (shipment.status === 'closed' || shipment.status === 'cancelled') return null;
  return shipment.arrivalTo ?? shipment.arrivalFrom ?? null;
}

/**
 * Units of a shipment's SKU still to arrive: shipped minus received (received units are already
 * in the stock on hand, so counting them again as inbound would count them twice); 0 once the
 * shipment is closed or cancelled. undefined when its contents do not list the SKU.
 * @example unitsToArrive({ status: 'receiving', items: [{ sku: 'MUG', unitsExpected: 300, unitsReceived: 120 }] }, 'MUG') // 180
 */
export function unitsToArrive(shipment: Pick<ShipmentReading, 'status' | 'items'>, sku: string): number | undefined {
  const item = shipment.items?.find((i) => i.sku === sku);
  if (!item) return undefined;
  if (shipment.status === 'closed' || shipment.status === 'cancelled') return 0;
  return Math.max(0, item.unitsExpected - (item.unitsReceived ?? 0));
}

/** Where and when a page's shipments were read, and whose they are (`account`: absent or the default account is stored as absent). */
interface ShipmentsRead {
  marketplace: string;
  account?: string;
  readAt: string;
}

/**
 * A reading merged over the stored shipment: the list page shows no SKUs, so the contents read
 * before are kept; a contents page may show no status, name or date, so what it does not show
 * is kept from the list. The newest reading's account wins (the page that showed it last).
 */
function mergedShipment(stored: InboundShipment | undefined, read: ShipmentReading, where: ShipmentsRead): InboundShipment {
  const stamp = {
    marketplace: where.marketplace,
    ...(where.account && where.account !== DEFAULT_ACCOUNT ? { account: where.account } : {}),
    readAt: where.readAt,
  };
  if (!stored) return { ...read, ...stamp };
  if (!read.items) return { ...read, ...(stored.items ? { items: stored.items } : {}), ...stamp };
  const { account: _storedAccount, ...kept } = stored;
  return { ...kept, ...read, status: read.status === 'unknown' ? stored.status : read.status, ...stamp };
}

/**
 * The shipments with account `from`'s made `into`'s (one seller's two account ids merged:
 * lib/store/account-merge.ts), so their contents tie the merged listings.
 * @example shipmentsMovedTo([{ ...s, account: 'amazon-b' }], 'amazon-b', 'default')[0].account // undefined (the default account)
 */
export function shipmentsMovedTo(shipments: readonly InboundShipment[], from: string, into: string): InboundShipment[] {
  return shipments.map((s) => {
    if (shipmentAccount(s) !== from) return s;
    const { account: _from, ...rest } = s;
    return into === DEFAULT_ACCOUNT ? rest : { ...rest, account: into };
  });
}

/** A shipment's key in the store. */
export const shipmentKey = (s: Pick<InboundShipment, 'marketplace' | 'shipmentId'>): string => `${s.marketplace}|${s.shipmentId}`;

/**
 * The stored shipments with a page's reading merged in, stamped with the page's marketplace and
 * seller account (default: the default account): each shipment once (Amazon's ids are unique,
 * so one id is one account's shipment), the newest reading wins for what it shows
 * (mergedShipment); beyond MAX_INBOUND_SHIPMENTS the least recently read are dropped.
 * @example withShipments([], [{ shipmentId: 'FBA17ABC', status: 'shipped' }], 'amazon.com', now)[0].marketplace // 'amazon.com'
 */
export function withShipments(
  stored: readonly InboundShipment[],
  read: readonly ShipmentReading[],
  marketplace: string,
  now: Date,
  account: string = DEFAULT_ACCOUNT,
): InboundShipment[] {
  const byKey = new Map(stored.map((s) => [shipmentKey(s), s]));
  const where: ShipmentsRead = { marketplace, account, readAt: now.toISOString() };
  for (const s of read) {
    const key = shipmentKey({ marketplace, shipmentId: s.shipmentId });
    const shipment = mergedShipment(byKey.get(key), s, where);
    byKey.delete(key);
    byKey.set(key, shipment);
  }
  const all = [...byKey.values()].sort((a, b) => (a.readAt < b.readAt ? -1 : a.readAt > b.readAt ? 1 : 0));
  return all.length > MAX_INBOUND_SHIPMENTS ? all.slice(all.length - MAX_INBOUND_SHIPMENTS) : all;
}

/**
 * Table `orders`: one row per order line (order id + SKU within a platform marketplace), holding
 * the line as the newest reading showed it. Statuses move (pending -> unshipped -> shipped, or
 * cancelled) and pages are read out of order, so the newest reading wins; on the same instant
 * the further-advanced status wins, so the result does not depend on merge order.
 */
import { z } from 'zod';
import {
  accountIdSchema,
  DEFAULT_ACCOUNT,
  listingKey,
  withAccount,
  fulfillmentChannelSchema,
  isoDateSchema,
  isoDateTimeSchema,
  moneySchema,
  orderStatusSchema,
  platformSchema,
  quantitySchema,
  type OrderObservation,
  type OrderStatus,
} from '../../records';
import { canonicalJson } from '../hash';

export const orderRowSchema = z.object({
  key: z.string().min(1),
  platform: platformSchema,
  marketplace: z.string().min(1),
  /** Seller account (absent = the default account). */
  account: accountIdSchema.optional(),
  orderId: z.string().min(1),
  sku: z.string().min(1),
  listingKey: z.string().min(1),
  quantity: quantitySchema,
  status: orderStatusSchema,
  orderDate: isoDateSchema,
  itemPrice: moneySchema.optional(),
  fulfillment: fulfillmentChannelSchema.optional(),
  /** Time of the reading the row reflects (UTC ISO). */
  observedAt: isoDateTimeSchema,
  firstObservedAt: isoDateTimeSchema,
  source: z.string().min(1),
});
export type OrderRow = z.infer<typeof orderRowSchema>;

/**
 * @example orderKeyOf({ platform: 'amazon', marketplace: 'amazon.com', orderId: '111-1', sku: 'A' }) // 'amazon|amazon.com|111-1|A'
 */
export function orderKeyOf(o: Pick<OrderObservation, 'platform' | 'marketplace' | 'orderId' | 'sku' | 'account'>): string {
  return withAccount(`${o.platform}|${o.marketplace}|${o.orderId}|${o.sku}`, o.account);
}

const STATUS_RANK: Record<OrderStatus, number> = { pending: 0, unshipped: 1, shipped: 2, cancelled: 3 };

/**
 * Whether reading `b` (at `bAt`) supersedes reading `a` (at `aAt`) of the same order line.
 * @example newerOrderReading({ status: 'pending' }, '2024-01-02T00:00:00.000Z', { status: 'shipped' }, '2024-01-01T00:00:00.000Z') // false
 */
function newerOrderReading(a: Pick<OrderRow, 'status'>, aAt: string, b: Pick<OrderObservation, 'status'>, bAt: string): boolean {
  if (bAt !== aAt) return bAt > aAt;
  const rank = STATUS_RANK[b.status] - STATUS_RANK[a.status];
  if (rank !== 0) return rank > 0;
  return canonicalJson(b) > canonicalJson(a);
}

/**
 * The order row after one more reading (the same object when the reading is older).
 * @example applyOrderObservation(undefined, obs, at).status === obs.status // true
 */
export function applyOrderObservation(row: OrderRow | undefined, obs: OrderObservation, observedAt: string): OrderRow {
  const fromReading = {
    key: orderKeyOf(obs),
    platform: obs.platform,
    marketplace: obs.marketplace,
    ...(obs.account === undefined || obs.account === DEFAULT_ACCOUNT ? {} : { account: obs.account }),
    orderId: obs.orderId,
    sku: obs.sku,
    listingKey: listingKey(obs),
    quantity: obs.quantity,
    status: obs.status,
    orderDate: obs.orderDate,
    observedAt,
    source: obs.source,
  };
  if (!row) {
    return { ...fromReading, firstObservedAt: observedAt, ...optionalFieldsOf(obs) };
  }
  const firstObservedAt = observedAt < row.firstObservedAt ? observedAt : row.firstObservedAt;
  if (!newerOrderReading(comparable(row), row.observedAt, comparable(obs), observedAt)) {
    return firstObservedAt === row.firstObservedAt ? row : { ...row, firstObservedAt };
  }
  // Optional fields a newer page does not show are kept from the older reading.
  return { ...row, ...fromReading, firstObservedAt, ...optionalFieldsOf(obs) };
}

/**
 * Whether a reading says the same of its order line as the stored row (at whatever time): a
 * repeat, such as the same order report imported again.
 * @example sameOrderLine(applyOrderObservation(undefined, obs, at), obs) // true
 */
export function sameOrderLine(row: OrderRow, obs: OrderObservation): boolean {
  return row.source === obs.source && canonicalJson(comparable(row)) === canonicalJson(comparable(obs));
}

/** The fields two readings of an order line are compared on, in one shape for rows and readings. */
function comparable(o: Pick<OrderRow, 'status' | 'quantity' | 'orderDate' | 'itemPrice' | 'fulfillment'>) {
  return { status: o.status, quantity: o.quantity, orderDate: o.orderDate, itemPrice: o.itemPrice, fulfillment: o.fulfillment };
}

/**
 * The optional fields a reading shows (a page may leave price or channel out). Two plain checks,
 * not an Object.entries filter: this runs for every line of an order-history import.
 */
function optionalFieldsOf(obs: Pick<OrderObservation, 'itemPrice' | 'fulfillment'>): Partial<Pick<OrderRow, 'itemPrice' | 'fulfillment'>> {
  const out: Partial<Pick<OrderRow, 'itemPrice' | 'fulfillment'>> = {};
  if (obs.itemPrice !== undefined) out.itemPrice = obs.itemPrice;
  if (obs.fulfillment !== undefined) out.fulfillment = obs.fulfillment;
  return out;
}

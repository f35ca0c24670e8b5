/**
 * Glue between the store and the planning core: load what the planner needs for some
 * products, plan, cache the plans. Bursts of merges (several tabs, a paging grid) are
 * coalesced: calls that arrive while a run is in progress are served together by the next run.
 */
import { isoDateInZone } from '../locale/dates';
import { marketplaceById } from '../locale/markets';
import { planFromObservations, type Calibration } from '../planning';
import type { Observation } from '../records';
import { migrateSettings } from '../settings';
import { savePlans, type StoreDb } from '../store';
import { loadReplanInput, type ProductReplanInput } from '../store/planning-input';
import type { OrderRow } from '../store/tables/orders';

/**
 * An order row as the observation the planner reads (the store keeps each line's latest state).
 * @example orderObservation(row).kind // 'order'
 */
export function orderObservation(order: OrderRow): Observation {
  return {
    kind: 'order', platform: order.platform, marketplace: order.marketplace, source: order.source,
    observedAt: order.observedAt, observedDate: order.observedAt.slice(0, 10), orderId: order.orderId, sku: order.sku,
    quantity: order.quantity, status: order.status, orderDate: order.orderDate,
    ...(order.itemPrice ? { itemPrice: order.itemPrice } : {}), ...(order.fulfillment ? { fulfillment: order.fulfillment } : {}),
  };
}

/**
 * Re-plans the given products (all when undefined) and caches the result; returns how many plans were written.
 * @example await replanProducts(db, merged.productIds, new Date())
 */
export async function replanProducts(db: StoreDb, productIds: readonly string[] | undefined, now: Date): Promise<number> {
  const input = await loadReplanInput(db, productIds);
  const { observations, ...options } = plannerInputOf(input.products);
  if (observations.length === 0) return 0;
  const plans = planFromObservations(observations, migrateSettings(input.settings), now, options);
  await savePlans(db, plans, { replaceAll: productIds === undefined });
  return plans.length;
}

/**
 * The planner's arguments for some products: every reading and order line as an observation,
 * which product and pool each listing belongs to, and the seller's stock corrections.
 * @example planFromObservations(plannerInputOf(products).observations, settings, now)
 */
export function plannerInputOf(products: readonly ProductReplanInput[]) {
  const observations: Observation[] = [];
  const productOf: Record<string, string> = {};
  const poolOf: Record<string, string> = {};
  const calibrations: Calibration[] = [];
  for (const product of products) {
    for (const listing of product.listings) {
      productOf[listing.key] = product.productId;
      if (listing.poolId) poolOf[listing.key] = listing.poolId;
    }
    for (const row of product.observations) observations.push(row.record);
    for (const order of product.orders) observations.push(orderObservation(order));
    for (const c of product.calibrations) {
      const marketplace = c.listingKey.split('|')[1] ?? '';
      const zone = marketplaceById(marketplace)?.timeZone ?? 'UTC';
      // The store keeps the counted total; the planner wants the signed fix it made.
      if (c.previous !== null && c.onHand !== c.previous) {
        calibrations.push({ listingKey: c.listingKey, date: isoDateInZone(new Date(c.at), zone), kind: 'correction', units: c.onHand - c.previous });
      }
    }
  }
  return { observations, productOf, poolOf, calibrations };
}

export function createReplanner(db: StoreDb, now: () => Date) {
  let running: Promise<void> = Promise.resolve();
  let pending: { ids: Set<string> | 'all'; promise: Promise<void> } | undefined;

  return {
    /** Resolves when plans for these products (and any coalesced with them) are cached. */
    replan(productIds: readonly string[] | undefined): Promise<void> {
      if (!pending) {
        const batch: { ids: Set<string> | 'all'; promise: Promise<void> } = { ids: new Set(), promise: Promise.resolve() };
        batch.promise = running.then(async () => {
          pending = undefined;
          await replanProducts(db, batch.ids === 'all' ? undefined : [...batch.ids], now());
        });
        running = batch.promise.catch(() => undefined);
        pending = batch;
      }
      const batch = pending;
      if (productIds === undefined) batch.ids = 'all';
      else if (batch.ids !== 'all') for (const id of productIds) batch.ids.add(id);
      return batch.promise;
    },
  };
}

/**
 * The purchasing answers in the plans the re-plan caches: each stock's units on order come off
 * its reorder (lib/purchasing/net-plans.ts), and a pool that runs out while another pool of the
 * product holds surplus gets a transfer alert (lib/purchasing/transfers.ts), before the plans
 * are saved. So the urgency level, the badge, the notifications, the panels and the popup all
 * read the same net answer, and a reorder a placed order covers no longer counts as due.
 */
import type { SkuPlan } from '../planning/types';
import { netPlacedOrders, withTransferAlerts } from '../purchasing';
import type { StoreDb } from '../store';
import { loadPurchasing } from './purchase-store';

/**
 * The plans net of the seller's placed orders (read from the purchasing document), then with
 * the transfers between pools they leave; the plans as they are when there is neither.
 * @example await withPurchasingAnswers(db, plans) // the MUG pool plan and its listings: reorderQuantity 200, onOrder 300
 */
export async function withPurchasingAnswers(db: StoreDb, plans: readonly SkuPlan[]): Promise<SkuPlan[]> {
  const { placedOrders } = await loadPurchasing(db);
  return withTransferAlerts(netPlacedOrders(plans, placedOrders));
}
